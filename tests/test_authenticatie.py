"""Authentication and the eIDAS assurance levels (rule 5's inputs)."""

from __future__ import annotations

import attrs
import pytest

from klantregister import Authenticatie, Betrouwbaarheidsniveau, OngeldigFormaatError

pytestmark = pytest.mark.unit


def test_the_levels_are_ordered_laag_substantieel_hoog() -> None:
    assert [
        Betrouwbaarheidsniveau.LAAG,
        Betrouwbaarheidsniveau.SUBSTANTIEEL,
        Betrouwbaarheidsniveau.HOOG,
    ] == sorted(Betrouwbaarheidsniveau)


@pytest.mark.parametrize(
    ("naam", "niveau"),
    [
        ("laag", Betrouwbaarheidsniveau.LAAG),
        (" Substantieel ", Betrouwbaarheidsniveau.SUBSTANTIEEL),
        ("HOOG", Betrouwbaarheidsniveau.HOOG),
    ],
)
def test_a_level_may_be_given_by_its_name_in_any_case(
    naam: str, niveau: Betrouwbaarheidsniveau
) -> None:
    assert niveau == Authenticatie(naam).niveau


@pytest.mark.parametrize("naam", ["midden", "", "ſubſtantieel", 2, None])
def test_an_unknown_level_is_refused(naam: object) -> None:
    with pytest.raises(OngeldigFormaatError) as fout:
        Authenticatie(naam)  # type: ignore[arg-type]
    assert "betrouwbaarheidsniveau" == fout.value.veld


def test_the_means_is_optional() -> None:
    assert Authenticatie(Betrouwbaarheidsniveau.HOOG).middel is None


def test_the_means_is_stripped() -> None:
    assert "DigiD" == Authenticatie("substantieel", " DigiD\n").middel


@pytest.mark.parametrize("middel", ["", "   ", "DigiD\x00", 3])
def test_a_blank_or_unprintable_means_is_refused(middel: object) -> None:
    with pytest.raises(OngeldigFormaatError) as fout:
        Authenticatie("substantieel", middel)
    assert "middel" == fout.value.veld


def test_an_authenticatie_is_frozen() -> None:
    authenticatie = Authenticatie("hoog")
    with pytest.raises(attrs.exceptions.FrozenError):
        authenticatie.niveau = Betrouwbaarheidsniveau.LAAG  # type: ignore[misc]
