"""Notes counted by their tuple once a field's listed notes are all there: exact, and bounded.

A check lists the first ``OPMERKINGEN_PER_VELD`` notes of each field and counts the rest.
Once every field of a record's notes is listed in full, the same tuple of notes (the fast
path gives one tuple for the same notes) is only counted. These tests check that the
counts stay exact, and that tuples made anew for every record (as the full reader makes
them) are not kept.
"""

from __future__ import annotations

import tracemalloc

import pytest

from klantregister.check import OPMERKINGEN_PER_VELD, Controle
from klantregister.domain import Gemeentecode
from klantregister.formats.resultaat import onbekend_lid

pytestmark = pytest.mark.unit

GEMEENTE = Gemeentecode("0363")
A, B = onbekend_lid("a"), onbekend_lid("b")


def voeg_toe(controle: Controle, aantal: int, *, nieuw: bool) -> None:
    gedeeld = (A, B)
    for _ in range(aantal):
        # A tuple made anew for each record, or one shared by all, as kern's are.
        opmerkingen = (A, B) if nieuw else gedeeld  # (A, B): a new tuple each time
        controle.voeg_kern_toe((None, GEMEENTE, None, opmerkingen), "x.jsonl", 1, 1)
        controle.voeg_kern_toe((None, GEMEENTE, None, (B,)), "x.jsonl", 1, 1)


@pytest.mark.parametrize("nieuw", [False, True])
def test_notes_beyond_the_listed_ones_are_counted_exactly(nieuw: bool) -> None:
    controle = Controle()
    voeg_toe(controle, 5 * OPMERKINGEN_PER_VELD, nieuw=nieuw)
    rapport = controle.rapport()
    assert {"a": 5 * OPMERKINGEN_PER_VELD, "b": 10 * OPMERKINGEN_PER_VELD} == (
        rapport.niet_overgenomen
    )
    assert 10 * OPMERKINGEN_PER_VELD == rapport.met_opmerkingen
    assert 2 * OPMERKINGEN_PER_VELD == len(rapport.opmerkingen)


def test_parts_counted_by_the_tuple_merge_to_the_counts_of_one_pass() -> None:
    een, twee = Controle(), Controle()
    voeg_toe(een, 3 * OPMERKINGEN_PER_VELD, nieuw=False)
    voeg_toe(twee, 3 * OPMERKINGEN_PER_VELD, nieuw=False)
    een.voeg_samen(twee, posities=10, regels=10)
    assert {"a": 6 * OPMERKINGEN_PER_VELD, "b": 12 * OPMERKINGEN_PER_VELD} == (
        een.rapport().niet_overgenomen
    )


def test_notes_made_anew_for_every_record_are_not_kept() -> None:
    controle = Controle(regel_1=False)
    voeg_toe(controle, 2_000, nieuw=True)
    tracemalloc.start()
    try:
        voor = tracemalloc.get_traced_memory()[0]
        voeg_toe(controle, 30_000, nieuw=True)
        groei = tracemalloc.get_traced_memory()[0] - voor
    finally:
        tracemalloc.stop()
    assert groei < 100_000  # 60,000 tuples kept would be some 5 MB
