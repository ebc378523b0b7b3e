"""Hardening (issue 11), the general test: every public function, method and constructor,
given a hostile value where any of its arguments belongs, either does its work or refuses
with the library's own error (a :class:`~klantregister.KlantregisterError`), whose message
never repeats a BSN.

The single faults of the issue have tests of their own; this one closes the class: a
TypeError, AttributeError, ValueError, UnicodeError, OverflowError or RecursionError out
of any of these is a bug, whatever the input. The calls are those of ``tests/oppervlak.py``;
the first test checks that its table misses nothing the package exports.
"""

from __future__ import annotations

from io import IOBase
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from klantregister import Bsn, KlantregisterError
from oppervlak import (
    AANROEPEN,
    BSN,
    INGANGEN,
    PADEN,
    SWEEP_VOORBEELDEN,
    ZONDER_WAARDE,
    parameters,
    publieke_parameters,
    vijandig,
)

pytestmark = pytest.mark.unit

#: Calls whose valid form still needs what a unit test does not have (a database server).
ZONDER_DIENST = frozenset({"PostgresRepository"})


def test_the_sweep_calls_everything_the_package_exports() -> None:
    ontbreekt = [
        f"{naam}({', '.join(namen)})"
        for naam, namen in publieke_parameters()
        if naam not in AANROEPEN and naam not in ZONDER_WAARDE
    ]
    anders = [
        naam
        for naam, namen in publieke_parameters()
        if naam in AANROEPEN and set(namen) != set(parameters(naam))
    ]
    assert ([], []) == (ontbreekt, anders)


@pytest.mark.parametrize("naam", sorted(set(AANROEPEN) - ZONDER_DIENST))
def test_each_call_of_the_sweep_is_valid_as_given(naam: str) -> None:
    """Else a hostile value would be refused for the wrong reason, and prove nothing."""
    aanroep, argumenten = AANROEPEN[naam]

    sluit(aanroep(**argumenten))


def sluit(resultaat: object) -> None:
    """Close a register or repository a call opened (an open one warns when collected)."""
    close = getattr(resultaat, "close", None)
    if callable(close) and not isinstance(resultaat, IOBase):
        close()


@pytest.mark.parametrize(("naam", "parameter"), INGANGEN)
@settings(
    max_examples=SWEEP_VOORBEELDEN,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(waarde=vijandig)
def test_a_hostile_value_is_refused_with_the_librarys_own_error(
    naam: str, parameter: str, waarde: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a path or URL that happens to be valid makes its file here
    aanroep, argumenten = AANROEPEN[naam]
    try:
        sluit(aanroep(**{**argumenten, parameter: waarde}))
    except KlantregisterError as fout:
        tekst = str(fout)
        if (naam, parameter) in PADEN and isinstance(waarde, str):
            return  # the path the user gave is named, whatever its digits
        assert BSN not in tekst, tekst
        if isinstance(waarde, str) and len(waarde) >= 9 and waarde.isdigit():
            assert waarde not in tekst or not Bsn.is_valid(waarde), tekst
    except RecursionError:  # pragma: no cover - reported by the assertion below
        pytest.fail(f"{naam}({parameter}=...): RecursionError")
