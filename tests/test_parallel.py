"""Checking a file in parts, each in a process of its own, gives the report of one pass.

The reference is the simple path: every record the streaming reader gives
(``klanten_v1.lees``, ``klantinteracties.lees``) checked with ``Controle.voeg_toe``.
Parts must give exactly its report: the same counts, violations with the same
positions, lines and ids, and the same rule-1 groups, in the same order; and
for input that cannot be read, the same ``FormaatError``.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klantregister import FormaatError, Gemeentecode
from klantregister.check import parallel as _parallel
from klantregister.check.controle import Controle, Controlerapport
from klantregister.check.parallel import Invoer, Stand, bruikbare_processoren, controleer_bestand
from klantregister.formats import klanten_v1, klantinteracties
from klantregister.formats.resultaat import gemeente_tabel
from klantregister.formats.stream import lees_records as _parallel_lees_records

BSNS = ("111222333", "123456782", "010000008")
A_NUMMERS = ("1234567890", "9876543210")
#: Two bronorganisaties (RSIN) and their gemeenten; a third RSIN is in no table.
BRON_0363, BRON_0344, BRON_ONBEKEND = "002564440", "002220647", "123456782"
TABEL = {BRON_0363: "0363", BRON_0344: "0344"}
GEMEENTEN = gemeente_tabel(TABEL)
V1 = Invoer("klanten_v1", GEMEENTEN)
NAAM = "export.jsonl"

#: Fewer examples than the profile's: each one starts a pool of processes.
MET_PROCESSEN = settings(max_examples=min(100, settings().max_examples))


# --- Klanten API v1 records ------------------------------------------------------------

ids: st.SearchStrategy[dict[str, str]] = st.one_of(
    st.just({}),
    st.integers(1, 5).map(lambda n: {"uuid": f"klant-{n}"}),
    st.just({"url": "https://klanten.example.nl/api/v1/klanten/7"}),
)
# Names the fast path vouches for, and names it leaves to the full reader ("Zoe" with a
# combining diaeresis is not in NFC).
namen = st.sampled_from(["Jan", "Zoë", "Çelik", "Ærøskøbing", "李", "Zoe\u0308", ""])
bronnen = st.sampled_from([BRON_0363, BRON_0344, BRON_ONBEKEND])
adressen: st.SearchStrategy[dict[str, Any]] = st.sampled_from(
    [
        {},
        {"adres": {"straatnaam": "Amstel", "huisnummer": 1, "postcode": "1011 PN"}},
        {"adres": {"woonplaatsnaam": "Köln", "landcode": "DE", "postcode": "50667"}},
    ]
)


def persoon(bsn: str, a_nummer: str) -> dict[str, Any]:
    return {
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": bsn, "inpANummer": a_nummer},
    }


personen = st.builds(persoon, st.sampled_from([*BSNS, ""]), st.sampled_from([*A_NUMMERS, ""]))
organisaties: st.SearchStrategy[dict[str, Any]] = st.sampled_from(
    [
        {
            "subjectType": "niet_natuurlijk_persoon",
            "subjectIdentificatie": {"innNnpId": "69046938"},
        },
        {"subjectType": "niet_natuurlijk_persoon", "subjectIdentificatie": {"innNnpId": BRON_0363}},
        {"subjectType": "vestiging", "subjectIdentificatie": {"vestigingsNummer": "000012345678"}},
    ]
)
zelfstandig: st.SearchStrategy[dict[str, Any]] = st.just({})
# Records the register refuses; some still name a person (a field over its limit).
ongeldig: st.SearchStrategy[dict[str, Any]] = st.one_of(
    st.just(persoon("111222334", "")),
    st.builds(
        lambda bsn: {
            "subjectType": "natuurlijk_persoon",
            "subjectIdentificatie": {"inpBsn": bsn, "innNnpId": "69046938"},
        },
        st.sampled_from(BSNS),
    ),
    st.builds(lambda p: {**p, "achternaam": "x" * 201}, personen),
    st.builds(lambda p: {**p, "emailadres": "geen e-mail"}, personen),
    st.builds(lambda p: {**p, "adres": 5}, personen),
    st.just({"subjectType": "iemand"}),
    st.just({"subject": "https://brp.example.nl/ingeschrevenpersonen/1"}),
)


@st.composite
def v1_objecten(draw: st.DrawFn) -> dict[str, Any]:
    kern = draw(st.one_of(personen, organisaties, zelfstandig, ongeldig))
    record: dict[str, Any] = {**draw(ids), "bronorganisatie": draw(bronnen)}
    voornaam = draw(namen)
    if voornaam:
        record["voornaam"] = voornaam
    return {**record, **draw(adressen), **kern}


#: A JSON value where a record belongs that is no object at all.
geen_objecten = st.sampled_from([5, None, "tekst", [1, 2], True])


@st.composite
def v1_records(draw: st.DrawFn) -> object:
    """Mostly objects: a first record that is no object stops the parts at once."""
    return draw(geen_objecten if draw(st.integers(0, 7)) == 0 else v1_objecten())


# --- the reference, and the file in parts -----------------------------------------------


Uitkomst = tuple[Controlerapport, str | None]


def referentie(pad: Path, formaat: str = "klanten_v1", gemeenten: Any = TABEL) -> Uitkomst:
    """One pass with the streaming reader: the report, and the error that stopped it."""
    lezer = klantinteracties if formaat == "klantinteracties" else klanten_v1
    controle = Controle()
    try:
        with pad.open("rb") as bestand:
            for gelezen in lezer.lees(bestand, gemeenten=gemeenten, naam=NAAM):
                controle.voeg_toe(gelezen, NAAM)
    except FormaatError as fout:
        return controle.rapport(), str(fout)
    return controle.rapport(), None


def in_delen(
    pad: Path, processen: int, invoer: Invoer = V1, controle: Controle | None = None
) -> Uitkomst:
    """``controleer_bestand``: the report, and the error that stopped it."""
    controle = Controle() if controle is None else controle
    try:
        with pad.open("rb") as bestand:
            controleer_bestand(bestand, NAAM, controle, invoer, processen=processen)
    except FormaatError as fout:
        return controle.rapport(), str(fout)
    return controle.rapport(), None


def schrijf(pad: Path, regels: Sequence[bytes | str | object], einde: bytes = b"\n") -> Path:
    """Write lines: bytes and text as they are, any other value as JSON."""
    inhoud = [
        r if isinstance(r, bytes) else (r if isinstance(r, str) else json.dumps(r)).encode()
        for r in regels
    ]
    pad.write_bytes(b"".join(regel + einde for regel in inhoud))
    return pad


# --- 1. merging Controles, without processes ------------------------------------------

#: A line of a file: a record and whether it may go the fast path, or None for a blank line.
Regel = tuple[object, bool] | None


@st.composite
def regels(draw: st.DrawFn) -> Regel:
    return None if draw(st.integers(0, 3)) == 0 else (draw(v1_records()), draw(st.booleans()))


def genummerd(deel: Sequence[Regel]) -> Iterator[tuple[int, int, object, bool]]:
    """Position and line of each record, counted from 1 in ``deel``."""
    positie = 0
    for regel, inhoud in enumerate(deel, 1):
        if inhoud is not None:
            positie += 1
            yield positie, regel, *inhoud


def voeg_toe(controle: Controle, bron: str, deel: Sequence[Regel]) -> None:
    """Check every record of ``deel`` as ``controleer_bestand`` does: fast path, or in full."""
    for positie, regel, record, snel in genummerd(deel):
        kern = klanten_v1.kern(record, GEMEENTEN) if snel else None
        if kern is not None:
            controle.voeg_kern_toe(kern, bron, positie, regel)
        else:
            gelezen = klanten_v1.lees_klant(
                record, gemeenten=GEMEENTEN, positie=positie, regel=regel
            )
            controle.voeg_toe(gelezen, bron)


def voeg_samen_in_delen(
    controle: Controle, bron: str, bestand: Sequence[Regel], sneden: Sequence[int]
) -> None:
    """Check each part of ``bestand`` into its own Controle and merge them in order."""
    posities = regels = 0
    for begin, eind in itertools.pairwise([0, *sorted(sneden), len(bestand)]):
        deel = Controle()
        voeg_toe(deel, bron, bestand[begin:eind])
        aantal = deel.records  # read first: a merge may take deel over
        controle.voeg_samen(deel, posities=posities, regels=regels)
        posities += aantal
        regels += eind - begin


@st.composite
def gesneden(draw: st.DrawFn, max_size: int = 40) -> tuple[list[Regel], list[int]]:
    """The lines of a file, and the points where it is cut into parts (empty parts too)."""
    bestand = draw(st.lists(regels(), max_size=max_size))
    sneden = draw(st.lists(st.integers(0, len(bestand)), max_size=5))
    return bestand, sneden


@pytest.mark.unit
@given(gesneden())
def test_parts_checked_apart_and_merged_in_order_give_the_report_of_one_pass(
    invoer: tuple[list[Regel], list[int]],
) -> None:
    bestand, sneden = invoer
    een_keer = Controle()
    voeg_toe(een_keer, NAAM, bestand)
    samengevoegd = Controle()
    voeg_samen_in_delen(samengevoegd, NAAM, bestand, sneden)
    assert een_keer.rapport() == samengevoegd.rapport()
    assert een_keer.records == samengevoegd.records


@pytest.mark.unit
@given(st.lists(st.tuples(gesneden(max_size=20), st.booleans()), min_size=2, max_size=2))
def test_parts_of_two_files_merged_in_order_give_the_report_of_both_files_in_one_pass(
    bestanden: list[tuple[tuple[list[Regel], list[int]], bool]],
) -> None:
    # A file is either cut into parts or checked whole into the Controle (a small file).
    namen = ("a.jsonl", "b.jsonl")
    een_keer = Controle()
    for naam, ((bestand, _), _) in zip(namen, bestanden, strict=True):
        voeg_toe(een_keer, naam, bestand)
    samengevoegd = Controle()
    for naam, ((bestand, sneden), in_delen_) in zip(namen, bestanden, strict=True):
        if in_delen_:
            voeg_samen_in_delen(samengevoegd, naam, bestand, sneden)
        else:
            voeg_toe(samengevoegd, naam, bestand)
    assert een_keer.rapport() == samengevoegd.rapport()


@pytest.mark.unit
def test_merging_an_empty_controle_changes_nothing() -> None:
    controle = Controle()
    voeg_toe(controle, NAAM, [(persoon(BSNS[0], ""), True)] * 2)
    voor = controle.rapport()
    controle.voeg_samen(Controle(), posities=2, regels=2)
    assert voor == controle.rapport()


# --- 2. a JSON Lines file in parts, in processes ----------------------------------------

wit = st.sampled_from(["", " ", "\t", " \t "])


@st.composite
def record_regels(draw: st.DrawFn) -> str:
    """One record on its line, maybe with spaces and tabs around it, or a blank line."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.text(alphabet=" \t", max_size=40))
    tekst = json.dumps(draw(v1_records()), ensure_ascii=draw(st.booleans()))
    return draw(wit) + tekst + draw(wit)


@st.composite
def afwijkingen(draw: st.DrawFn) -> bytes:
    """A line that is no single whole record: what the parts leave to the streaming reader."""
    record = draw(v1_objecten())
    return draw(
        st.sampled_from(
            [
                json.dumps(record, indent=1).encode(),  # valid: a record may span lines
                json.dumps({"count": 1, "results": [record]}).encode(),  # a page, or a record
                json.dumps([record]).encode(),  # an array, or a record that is no object
                (json.dumps(record) + " " + json.dumps(record)).encode(),
                b'{"voornaam": "Jan",}',
                b'{"voornaam": "Jan", "voornaam": "Piet"}',
                b'{"huisnummer": NaN}',
                b'{"voornaam": "\xff"}',
                b"\xef\xbb\xbf" + json.dumps(record).encode(),
            ]
        )
    )


@st.composite
def jsonl_bestanden(draw: st.DrawFn) -> bytes:
    """JSON Lines: LF or CRLF, maybe no final line end, maybe one line of another kind,
    maybe a long blank line first."""
    regels = [r.encode() for r in draw(st.lists(record_regels(), min_size=1, max_size=14))]
    if draw(st.integers(0, 2)) == 0:
        regels.insert(draw(st.integers(0, len(regels))), draw(afwijkingen()))
    if draw(st.integers(0, 3)) == 0:
        regels.insert(0, b" " * draw(st.integers(0, 2000)))
    einde = draw(st.sampled_from([b"\n", b"\r\n"]))
    inhoud = einde.join(regels)
    return inhoud + einde if draw(st.booleans()) else inhoud


@pytest.mark.process
@MET_PROCESSEN
@given(jsonl_bestanden(), st.integers(2, 4), st.integers(1, 48))
def test_a_json_lines_file_checked_in_parts_gives_the_report_of_one_pass(
    tmp_path_factory: pytest.TempPathFactory, inhoud: bytes, processen: int, min_deel: int
) -> None:
    pad = tmp_path_factory.mktemp("delen") / NAAM
    pad.write_bytes(inhoud)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(_parallel, "MIN_DEEL", min_deel)
        assert referentie(pad) == in_delen(pad, processen)


# --- 3. input the parts leave to the streaming reader -----------------------------------


def _id(nummer: int) -> str:
    return f"00000000-0000-4000-8000-{nummer:012d}"


RECORDS: list[dict[str, Any]] = [
    {
        "uuid": _id(1),
        "bronorganisatie": BRON_0363,
        **persoon(BSNS[0], A_NUMMERS[0]),
    },
    {
        "uuid": _id(2),
        "bronorganisatie": BRON_0363,
        "voornaam": "Zoë",
        **persoon(BSNS[1], ""),
    },
    {"bronorganisatie": BRON_0344, **persoon(BSNS[0], "")},
    {
        "uuid": _id(4),
        "bronorganisatie": BRON_0363,
        **persoon("", A_NUMMERS[0]),
    },
    {
        "uuid": _id(5),
        "bronorganisatie": BRON_0363,
        **persoon("111222334", ""),
    },
    {"bronorganisatie": BRON_0363, "achternaam": "x" * 201, **persoon(BSNS[1], "")},
    {
        "uuid": _id(7),
        "bronorganisatie": BRON_ONBEKEND,
        "voornaam": "Çelik",
    },
    {
        "uuid": _id(8),
        "bronorganisatie": BRON_0363,
        "voornaam": "Jan",
    },
]
RECORD = RECORDS[0]
LEGE_REGELS = b"\n" * 4096  # more than all the rest: the first part holds nothing else

TERUGVAL: dict[str, list[bytes | str | object]] = {
    "a record over several lines": [*RECORDS, json.dumps(RECORD, indent=2), RECORD],
    "two records on one line": [*RECORDS, f"{json.dumps(RECORD)} {json.dumps(RECORD)}", RECORD],
    "invalid JSON in a later part": [*RECORDS, '{"voornaam": "Jan",}', RECORD],
    "invalid UTF-8 in a later part": [*RECORDS, b'{"voornaam": "\xff"}', RECORD],
    "a key twice in a later part": [*RECORDS, '{"voornaam": "Jan", "voornaam": "Piet"}', RECORD],
    "NaN in a later part": [*RECORDS, '{"adres": {"huisnummer": NaN}}', RECORD],
    "a byte order mark": [b"\xef\xbb\xbf" + json.dumps(RECORD).encode(), *RECORDS],
    "an API page on one line": [json.dumps({"count": 8, "next": None, "results": RECORDS})],
    "an API page on one line, then more lines": [json.dumps({"results": RECORDS}), *RECORDS],
    "a JSON array on one line": [json.dumps(RECORDS)],
    "a JSON array on one line, then more lines": [json.dumps(RECORDS), *RECORDS],
    "a JSON array pretty-printed": [json.dumps(RECORDS, indent=2)],
    "an API page pretty-printed": [json.dumps({"count": 8, "results": RECORDS}, indent=2)],
    "blank lines, then an API page": [LEGE_REGELS, json.dumps({"results": RECORDS})],
    "blank lines, then a JSON array": [LEGE_REGELS, json.dumps(RECORDS)],
    "blank lines, then a number": [LEGE_REGELS, "5", *RECORDS],
    "blank lines, then text": [LEGE_REGELS, '"tekst"', *RECORDS],
}


@pytest.mark.process
@pytest.mark.parametrize("regels", TERUGVAL.values(), ids=TERUGVAL.keys())
def test_input_that_is_no_simple_json_lines_gives_what_one_pass_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, regels: list[bytes | str | object]
) -> None:
    pad = schrijf(tmp_path / NAAM, regels)
    monkeypatch.setattr(_parallel, "MIN_DEEL", 64)
    assert referentie(pad) == in_delen(pad, processen=2)


@pytest.mark.unit
@pytest.mark.parametrize("einde", [b"\n", b""], ids=["line end", "no line end"])
def test_a_file_cut_only_inside_its_last_line_gives_what_one_pass_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, einde: bytes
) -> None:
    # Two records: every cut point lies in the long second line, so no second part starts.
    pad = tmp_path / NAAM
    pad.write_bytes(b"{}\n" + json.dumps({"voornaam": "Jan" * 40}).encode() + einde)
    monkeypatch.setattr(_parallel, "MIN_DEEL", 16)
    assert referentie(pad) == in_delen(pad, processen=2)


@pytest.mark.process
@pytest.mark.parametrize(
    "regels",
    [TERUGVAL["invalid JSON in a later part"], TERUGVAL["a record over several lines"]],
    ids=["stopped by an error", "read again in one pass"],
)
def test_after_a_fallback_the_controle_holds_no_record_of_the_abandoned_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, regels: list[bytes | str | object]
) -> None:
    pad = schrijf(tmp_path / NAAM, regels)
    monkeypatch.setattr(_parallel, "MIN_DEEL", 64)
    controle = Controle()
    controle.voeg_kern_toe((None, Gemeentecode("0363"), None, ()), "eerder.jsonl", 1, 1)
    verwacht, _ = referentie(pad)
    in_delen(pad, processen=2, controle=controle)
    assert 1 + verwacht.records == controle.records


# --- 4. Klantinteracties Partijen -------------------------------------------------------


def partij_persoon(bsn: str) -> dict[str, Any]:
    return {
        "soortPartij": "persoon",
        "partijIdentificatie": {"contactnaam": {"voornaam": "Zoë", "achternaam": "Jansen"}},
        "partijIdentificatoren": [
            {
                "partijIdentificator": {
                    "codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn",
                    "objectId": bsn,
                    "codeRegister": "brp",
                }
            }
        ],
    }


PARTIJ_ORGANISATIE: dict[str, Any] = {
    "soortPartij": "organisatie",
    "partijIdentificatie": {"naam": "Jansen Bouw B.V."},
    "partijIdentificatoren": [
        {
            "partijIdentificator": {
                "codeObjecttype": "niet_natuurlijk_persoon",
                "codeSoortObjectId": "kvk_nummer",
                "objectId": "69046938",
                "codeRegister": "hr",
            }
        }
    ],
}

partij_objecten: st.SearchStrategy[dict[str, Any]] = st.one_of(
    st.builds(partij_persoon, st.sampled_from([*BSNS, "111222334"])),
    st.just(PARTIJ_ORGANISATIE),
    st.just({"soortPartij": "iemand"}),
)
partijen = st.one_of(st.builds(lambda p, i: {**p, **i}, partij_objecten, ids), geen_objecten)


@pytest.mark.process
@MET_PROCESSEN
@given(st.lists(partijen, min_size=2, max_size=12), st.integers(2, 3))
def test_klantinteracties_partijen_checked_in_parts_give_the_report_of_one_pass(
    tmp_path_factory: pytest.TempPathFactory, regels: list[object], processen: int
) -> None:
    pad = schrijf(tmp_path_factory.mktemp("partijen") / NAAM, regels)
    invoer = Invoer("klantinteracties", gemeente_tabel("0363"))
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(_parallel, "MIN_DEEL", 32)
        verwacht = referentie(pad, "klantinteracties", "0363")
        assert verwacht == in_delen(pad, processen, invoer)


@pytest.mark.process
def test_a_rule_1_group_of_partijen_spans_the_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    persoon = partij_persoon(BSNS[0])
    pad = schrijf(tmp_path / NAAM, [persoon, *[PARTIJ_ORGANISATIE] * 16, persoon])
    monkeypatch.setattr(_parallel, "MIN_DEEL", 64)
    verwacht = referentie(pad, "klantinteracties", "0363")
    rapport, fout = in_delen(pad, 3, Invoer("klantinteracties", gemeente_tabel("0363")))
    assert verwacht == (rapport, fout)
    assert [[1, 18]] == [[p for _, p, _ in groep.records] for groep in rapport.groepen]


# --- 5. progress, 6. processors ---------------------------------------------------------


@pytest.mark.parametrize(
    "processen",
    [pytest.param(1, marks=pytest.mark.unit), pytest.param(2, marks=pytest.mark.process)],
)
def test_the_melder_hears_every_record_and_every_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, processen: int
) -> None:
    regels = [{**RECORD, "voornaam": f"Klant {n}"} for n in range(40)]
    pad = schrijf(tmp_path / NAAM, regels)
    monkeypatch.setattr(_parallel, "MIN_DEEL", 64)
    standen: list[tuple[int, int]] = []

    def melder(stand: Stand) -> None:
        standen.append((stand.records(), stand.gelezen()))

    with pad.open("rb") as bestand:
        controleer_bestand(bestand, NAAM, Controle(), V1, processen=processen, melder=melder)
    records = max((r for r, _ in standen), default=0)
    gelezen = max((g for _, g in standen), default=0)
    assert (40, pad.stat().st_size) == (records, gelezen)


@pytest.mark.unit
def test_at_least_one_processor_is_usable() -> None:
    assert 1 <= bruikbare_processoren()


@pytest.mark.process
def test_a_part_reports_its_progress_every_so_many_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad = schrijf(tmp_path / NAAM, [{**RECORD, "voornaam": f"K{n}"} for n in range(40)])
    monkeypatch.setattr(_parallel, "MIN_DEEL", 64)
    monkeypatch.setattr(_parallel, "_TIK", 4)
    standen: list[int] = []
    with pad.open("rb") as bestand:
        controleer_bestand(
            bestand, NAAM, Controle(), V1, processen=2, melder=lambda v: standen.append(v.records())
        )
    # The first part (about 20 records) reports every 4 of them while it is read, then
    # the end once every part is done; the counts of all parts only ever go up.
    assert len(standen) >= 6
    assert sorted(standen) == standen
    assert 40 == standen[-1]


@pytest.mark.unit
@pytest.mark.parametrize(
    "blok", [pytest.param(64, id="cut-inside-the-line"), pytest.param(1 << 16, id="whole")]
)
def test_a_line_longer_than_any_record_is_left_to_the_streaming_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blok: int
) -> None:
    lang = {**RECORD, "voornaam": "x" * 150}
    pad = schrijf(tmp_path / NAAM, [RECORD] * 5 + [lang] + [RECORD] * 5)
    monkeypatch.setattr(_parallel, "MIN_DEEL", 64)
    # Limits of the parts only: the streaming reader keeps its own, so the line is a record.
    monkeypatch.setattr(_parallel, "MAX_RECORD", 30)
    monkeypatch.setattr(_parallel, "_BLOK", blok)
    stroom: list[str] = []

    def lees_records(bron: Any, **opties: Any) -> Any:
        stroom.append(opties["naam"])
        return _parallel_lees_records(bron, **opties)

    monkeypatch.setattr(_parallel, "lees_records", lees_records)
    assert referentie(pad) == in_delen(pad, processen=2)
    assert [NAAM] == stroom  # the parts gave up, and the file was read in one pass


# --- 7. one part on its own, in this process ------------------------------------------


def deel_van(pad: Path) -> _parallel._Deel:
    status = pad.stat()
    kenmerk = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
    return _parallel._Deel(str(pad), NAAM, V1, 1, 0, status.st_size, kenmerk)


def controleer_deel(pad: Path) -> tuple[Controlerapport, int]:
    with pad.open("rb") as bestand:
        controle, regels = deel_van(pad).controleer(bestand, Stand(2))
    return controle.rapport(), regels


@pytest.mark.unit
def test_a_part_counts_its_records_and_lines_from_one(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / NAAM, [b"", RECORD, b"  ", {**RECORD, "achternaam": "x" * 201}])
    rapport, regels = controleer_deel(pad)
    assert (2, 4) == (rapport.records, regels)
    assert [(2, 4)] == [(b.positie, b.regel) for b in rapport.bevindingen]


@pytest.mark.unit
@pytest.mark.parametrize(
    "regel",
    [
        pytest.param(b'{"voornaam": "Z\xc3"}', id="invalid-utf-8"),
        pytest.param(b"{} {}", id="two-values-on-a-line"),
        pytest.param(b'{"voornaam": ', id="a-record-going-on-on-the-next-line"),
        pytest.param(b'{"a": 1, "a": 2}', id="a-key-twice"),
        pytest.param(b'{"a": NaN}', id="nan"),
        pytest.param(b'{"a": ' + b"1" * 31 + b"}", id="a-31-digit-integer"),
    ],
)
def test_a_part_gives_up_on_a_line_that_is_not_one_whole_record(
    tmp_path: Path, regel: bytes
) -> None:
    pad = schrijf(tmp_path / NAAM, [RECORD, regel, RECORD])
    with pytest.raises(_parallel._Terugval):
        controleer_deel(pad)


@pytest.mark.unit
@pytest.mark.parametrize(
    "blok", [pytest.param(16, id="longer-than-a-block"), pytest.param(1 << 16, id="in-one-block")]
)
def test_a_part_gives_up_on_a_line_longer_than_any_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blok: int
) -> None:
    monkeypatch.setattr(_parallel, "MAX_RECORD", 20)
    monkeypatch.setattr(_parallel, "_BLOK", blok)
    pad = schrijf(tmp_path / NAAM, [{"voornaam": "x" * 100}])
    with pytest.raises(_parallel._Terugval):
        controleer_deel(pad)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("inhoud", "regel_voor_regel"),
    [
        pytest.param(b"", False, id="empty"),
        pytest.param(b"\n \n", False, id="blank-lines-only"),
        pytest.param(b"\n\n" + json.dumps(RECORD).encode() + b"\n", True, id="json-lines"),
        pytest.param(b'{"results": []}\n', False, id="a-page-on-one-line"),
        pytest.param(b"[{}]\n", False, id="an-array-on-one-line"),
        pytest.param(b"{\n}\n", False, id="a-record-over-two-lines"),
        pytest.param(b"\xef\xbb\xbf{}\n", False, id="a-byte-order-mark"),
    ],
)
def test_a_file_is_shared_out_only_when_its_first_record_is_alone_on_its_line(
    tmp_path: Path, inhoud: bytes, regel_voor_regel: bool
) -> None:
    pad = tmp_path / NAAM
    pad.write_bytes(inhoud)
    with pad.open("rb") as bestand:
        assert regel_voor_regel == _parallel._regel_voor_regel(bestand)


@pytest.mark.process
def test_a_worker_that_dies_leaves_the_file_to_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad = schrijf(tmp_path / NAAM, RECORDS * 8)
    monkeypatch.setattr(_parallel, "MIN_DEEL", 64)
    monkeypatch.setattr(_parallel, "_controleer_in_proces", _sterf)
    assert referentie(pad) == in_delen(pad, processen=3)


def _sterf(*_: object) -> None:
    os._exit(9)  # as a process the kernel kills for memory: without a word


@pytest.mark.unit
def test_a_worker_sends_nothing_for_a_file_changed_since_it_was_cut(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / NAAM, [RECORD])
    deel = attrs.evolve(deel_van(pad), kenmerk=(0, 0, 0, 0))
    ontvanger, zender = multiprocessing.Pipe(duplex=False)
    onderbreking = signal.getsignal(signal.SIGINT)
    try:
        _parallel._controleer_in_proces(deel, zender, Stand(2).tellers)
    finally:
        signal.signal(signal.SIGINT, onderbreking)
    assert ontvanger.recv() is None


@pytest.mark.unit
def test_a_part_leaves_a_record_nested_nearly_as_deep_as_recursion_goes_to_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nearly: within the margin of frames the streaming reader may have below it, here
    # made so wide that 150 levels of nesting count as nearly too deep.
    marge = sys.getrecursionlimit() - _parallel._stapeldiepte() - 150
    monkeypatch.setattr(_parallel, "_MARGE", marge)
    pad = schrijf(tmp_path / NAAM, [RECORD, b'{"a": ' + b"[" * 300 + b"]" * 300 + b"}"])
    with pytest.raises(_parallel._Terugval):
        controleer_deel(pad)
