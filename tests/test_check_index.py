"""The check's compact rule-1 index: the same groups, keys and ids as a plain dict of text keys."""

from __future__ import annotations

import pickle
import uuid
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister.check.index import Regel1Index

pytestmark = pytest.mark.unit


def referentie(
    records: list[tuple[str | None, str, list[tuple[str, str]]]],
) -> tuple[list[tuple[list[str], list[int]]], dict[int, str | None]]:
    """The groups as the check found them before the index: keys as text in a dict, the
    first holder of each, union-find joining the holders; and every record's id."""
    houders: dict[str, int] = {}
    ouder: dict[int, int] = {}

    def wortel(n: int) -> int:
        while ouder.get(n, n) != n:
            n = ouder[n]
        return n

    ids = {}
    for nummer, (id_, gemeente, sleutels) in enumerate(records, 1):
        ids[nummer] = id_
        for soort, waarde in sleutels:
            houder = houders.setdefault(f"{gemeente}|{soort}|{waarde}", nummer)
            if houder != nummer:
                ouder.setdefault(houder, houder)
                ouder.setdefault(nummer, nummer)
                a, b = wortel(houder), wortel(nummer)
                if a != b:
                    ouder[max(a, b)] = min(a, b)
    leden: dict[int, list[int]] = {}
    for n in ouder:
        leden.setdefault(wortel(n), []).append(n)
    teksten: dict[int, list[str]] = {}
    for sleutel, houder in houders.items():
        if houder in ouder:
            teksten.setdefault(wortel(houder), []).append(sleutel)
    groepen = [(teksten[w], sorted(leden[w])) for w in sorted(leden)]
    return groepen, ids


UUIDS = st.builds(lambda i: str(uuid.UUID(int=i)), st.integers(0, 2**128 - 1))
IDS = st.one_of(
    st.none(),
    UUIDS,
    st.builds(lambda u: f"https://klanten.example/api/v1/klanten/{u}", UUIDS),
    st.builds(lambda u, i: f"https://host{i}.example/{u}", UUIDS, st.integers(0, 3)),
    UUIDS.map(str.upper),
    st.text(max_size=40),
)
WAARDEN = {
    "bsn": st.sampled_from(["111222333", "123456782", "010000008", "12345678", "１２３"]),
    "a_nummer": st.sampled_from(["5483029174", "1000000000", "9999999999", "54830291740"]),
    "subject_url": st.sampled_from(["https://brp.example/personen/1", "https://x.example/2"]),
    "buitenlands": st.sampled_from(["DE|melderegister|X1", "BE|rr|1"]),
}
SLEUTELS = st.sampled_from(sorted(WAARDEN)).flatmap(
    lambda soort: st.tuples(st.just(soort), WAARDEN[soort])
)
RECORDS = st.lists(
    st.tuples(
        IDS,
        st.sampled_from(["0363", "0518", "9999", "GM03", ""]),
        st.lists(SLEUTELS, min_size=1, max_size=3, unique_by=lambda s: s[0]),
    ),
    max_size=40,
)


def vul(index: Regel1Index, records: list[Any], vanaf: int = 1) -> Regel1Index:
    for nummer, (id_, gemeente, sleutels) in enumerate(records, vanaf):
        index.houd(nummer, id_, gemeente, sleutels)
    return index


@given(RECORDS)
def test_the_index_finds_the_groups_a_dict_of_text_keys_finds(records: list[Any]) -> None:
    index = vul(Regel1Index(), records)
    groepen, ids = referentie(records)
    assert groepen == [(teksten, nummers) for teksten, nummers, _ in index.groepen()]
    assert [[ids[n] for n in nummers] for _, nummers in groepen] == [
        groep_ids for _, _, groep_ids in index.groepen()
    ]
    assert ids == {nummer: index.id(nummer) for nummer in ids}


@given(RECORDS, st.data())
def test_parts_merged_give_what_one_pass_gives(records: list[Any], data: st.DataObject) -> None:
    grenzen = sorted(data.draw(st.lists(st.integers(0, len(records)), max_size=3)))
    delen = [records[a:b] for a, b in zip([0, *grenzen], [*grenzen, len(records)], strict=True)]
    index = Regel1Index()
    verschuiving = 0
    for deel in delen:
        # Each part counts its records from 1 and crosses a process boundary, pickled.
        overgekomen = pickle.loads(pickle.dumps(vul(Regel1Index(), deel)))  # noqa: S301
        index.voeg_samen(overgekomen, verschuiving)
        verschuiving += len(deel)
    groepen, ids = referentie(records)
    assert groepen == [(teksten, nummers) for teksten, nummers, _ in index.groepen()]
    assert [[ids[n] for n in nummers] for _, nummers in groepen] == [
        groep_ids for _, _, groep_ids in index.groepen()
    ]
    assert ids == {nummer: index.id(nummer) for nummer in ids}


def test_more_id_prefixes_than_a_byte_numbers_are_kept_as_text() -> None:
    records = [
        (f"https://h{i}.example/{uuid.UUID(int=i)}", "0363", [("bsn", "111222333")])
        for i in range(300)
    ]
    een = vul(Regel1Index(), records[:200])
    twee = vul(Regel1Index(), records[200:])
    # The second part's prefixes number from 1 again; merged, some exceed the byte.
    een.voeg_samen(twee, 200)
    assert [r[0] for r in records] == [een.id(n) for n in range(1, 301)]
    assert [list(range(1, 301))] == [nummers for _, nummers, _ in een.groepen()]
    assert [[r[0] for r in records]] == [ids for _, _, ids in een.groepen()]


def test_a_record_number_without_keys_has_no_id_here() -> None:
    index = vul(Regel1Index(), [(None, "0363", [("bsn", "111222333")])])
    with pytest.raises(KeyError):
        index.id(2)


def test_the_repr_shows_counts_only() -> None:
    index = vul(Regel1Index(), [("x", "0363", [("bsn", "111222333")])])
    assert "<Regel1Index sleutels=1 records=1>" == repr(index)
    assert "111222333" not in repr(index)


def test_an_id_like_the_ones_before_but_not_a_lower_case_uuid_is_given_back_as_it_was() -> None:
    voorvoegsel = "https://klanten.example/api/v1/klanten/"
    ids = [f"{voorvoegsel}{uuid.UUID(int=i)}" for i in range(10)]
    ids[4] = ids[4].upper().replace("HTTPS://KLANTEN.EXAMPLE/API/V1/KLANTEN/", voorvoegsel)
    ids[6] = voorvoegsel + "x" * 36
    ids[7] = voorvoegsel + "0" * 36
    index = vul(Regel1Index(), [(id_, "0363", [("bsn", "111222333")]) for id_ in ids])
    assert ids == [index.id(nummer) for nummer in range(1, 11)]
