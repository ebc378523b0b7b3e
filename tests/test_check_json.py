"""The check's JSON report, written item by item: the same text as before, in bounded memory."""

from __future__ import annotations

import io
import json
import tracemalloc

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister.check import (
    Bevinding,
    Controlerapport,
    Opmerking,
    Overtreding,
    Regel1Groep,
)
from klantregister.cli import commando

pytestmark = pytest.mark.unit

TEKST = st.text(max_size=12)
IDS = st.none() | TEKST
BEVINDINGEN = st.builds(
    Bevinding,
    st.sampled_from(Overtreding),
    TEKST,
    st.integers(1, 10**7),
    st.integers(1, 10**7),
    IDS,
    TEKST,
    TEKST,
    st.none() | TEKST,
)
GROEPEN = st.builds(
    Regel1Groep,
    gemeente=st.sampled_from(["0363", "0518"]),
    sleutels=st.lists(TEKST, min_size=1, max_size=3).map(tuple),
    records=st.lists(st.tuples(TEKST, st.integers(1, 10**7), IDS), min_size=2, max_size=30).map(
        tuple
    ),
)
OPMERKINGEN = st.builds(
    Opmerking, TEKST, st.integers(1, 10**7), st.integers(1, 10**7), IDS, TEKST, TEKST
)
RAPPORTEN = st.builds(
    Controlerapport,
    records=st.integers(0, 10**7),
    aangehaakt=st.integers(0, 10**7),
    zelfstandig=st.integers(0, 10**7),
    bevindingen=st.lists(BEVINDINGEN, max_size=4).map(tuple),
    groepen=st.lists(GROEPEN, max_size=3).map(tuple),
    opmerkingen=st.lists(OPMERKINGEN, max_size=3).map(tuple),
    niet_overgenomen=st.dictionaries(TEKST, st.integers(0, 100), max_size=3),
    met_opmerkingen=st.integers(0, 100),
)


def als_een_tekst(rapport: Controlerapport, *, opmerkingen: bool) -> str:
    """The report as the command wrote it before: naar_dict, then one text."""
    uit = io.StringIO()
    commando._schrijf_json(rapport.naar_dict(opmerkingen=opmerkingen), uit)
    return uit.getvalue()


@given(RAPPORTEN, st.booleans())
def test_the_report_written_item_by_item_is_the_text_written_whole(
    rapport: Controlerapport, opmerkingen: bool
) -> None:
    uit = io.StringIO()
    rapport.schrijf_json(uit, opmerkingen=opmerkingen)
    assert als_een_tekst(rapport, opmerkingen=opmerkingen) == uit.getvalue()
    assert rapport.naar_dict(opmerkingen=opmerkingen) == json.loads(uit.getvalue())


class Teller(io.TextIOBase):
    """A sink counting what is written, and the longest single write."""

    def __init__(self) -> None:
        self.tekens = 0
        self.langste = 0

    def write(self, tekst: str) -> int:
        self.tekens += len(tekst)
        self.langste = max(self.langste, len(tekst))
        return len(tekst)


def test_a_giant_rule_1_group_is_written_without_holding_its_text() -> None:
    records = tuple(
        ("export.jsonl", positie, f"https://klanten.example/api/v1/klanten/{positie:036d}")
        for positie in range(1, 200_001)
    )
    groep = Regel1Groep(gemeente="0363", sleutels=("BSN ******333",), records=records)
    rapport = Controlerapport(
        records=len(records),
        aangehaakt=len(records),
        zelfstandig=0,
        bevindingen=(),
        groepen=(groep,),
    )
    teller = Teller()
    tracemalloc.start()
    try:
        rapport.schrijf_json(teller)  # type: ignore[arg-type]
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert teller.tekens > 25_000_000  # the group's records, all of them
    assert teller.langste < 2_000_000
    assert piek < 5_000_000
