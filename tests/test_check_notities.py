"""The check's notes: what a record holds that the register does not take over.

A note names the field (never its value) of each record, as ``import`` lists them;
it is no violation: a report with notes alone is clean and ``check`` exits 0. The
report keeps the first ``OPMERKINGEN_PER_VELD`` notes of each field and counts them
all; the fast path, the full reader and a file checked in parts give the same notes.
"""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import Gemeentecode
from klantregister.check import OPMERKINGEN_PER_VELD, Controle, Controlerapport, Opmerking
from klantregister.check import controle as _controle
from klantregister.check import parallel as _parallel
from klantregister.check.parallel import Invoer, controleer_bestand
from klantregister.cli import commando as _cli
from klantregister.formats import klanten_v1

pytestmark = pytest.mark.unit

GEMEENTE = Gemeentecode("0363")
V1 = Invoer("klanten_v1", GEMEENTE)
NAAM = "export.jsonl"
VOORBEELD = Path(__file__).parent.parent / "examples" / "klanten_v1_export.json"
BSNS = ("111222333", "123456782", "010000008")
SUBJECT_URL = "https://hr.example.nl/api/vestigingen/000012345678"
#: A record's id: its url (a v1 Klant's; a ``uuid`` would have to be a UUID).
KLANT = "https://klanten.example.nl/api/v1/klanten/"
#: The notes' messages, as the v1 reader gives them.
ONBEKEND = "een veld dat het formaat niet kent; het register neemt het niet over"
SUBJECT_ZELF = (
    "gegevens van het subject zelf, die de BRP of het Handelsregister houdt; "
    "het register neemt het niet over"
)


def persoon(bsn: str = BSNS[0], **si: Any) -> dict[str, Any]:
    return {
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": bsn, **si},
    }


def zelfstandig(**si: Any) -> dict[str, Any]:
    """A record without identifying data, whose subjectIdentificatie holds ``si``."""
    return {"voornaam": "Anna", "subjectIdentificatie": si}


def genummerd(records: Sequence[object]) -> Iterator[tuple[int, int, object]]:
    """Each record with its position, on a line of its own after a first blank one."""
    for positie, record in enumerate(records, 1):
        yield positie, positie + 1, record


def volledig(records: Sequence[object], bron: str = NAAM) -> Controlerapport:
    """The report of the full reader alone."""
    controle = Controle()
    for positie, regel, record in genummerd(records):
        gelezen = klanten_v1.lees_klant(record, gemeenten=GEMEENTE, positie=positie, regel=regel)
        controle.voeg_toe(gelezen, bron)
    return controle.rapport()


def snel(records: Sequence[object], controle: Controle | None = None) -> Controlerapport:
    """The report as the command makes it: the fast path where it vouches for a record."""
    controle = Controle() if controle is None else controle
    for positie, regel, record in genummerd(records):
        kern = klanten_v1.kern(record, GEMEENTE)
        if kern is not None:
            controle.voeg_kern_toe(kern, NAAM, positie, regel)
        else:
            gelezen = klanten_v1.lees_klant(
                record, gemeenten=GEMEENTE, positie=positie, regel=regel
            )
            controle.voeg_toe(gelezen, NAAM)
    return controle.rapport()


def jsonl(pad: Path, records: Sequence[object]) -> Path:
    """The records as JSON Lines after a blank first line, as ``genummerd`` counts them."""
    pad.write_text("\n" + "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return pad


# --- 1. a note is no violation ---------------------------------------------------------


def test_a_note_names_file_position_line_id_and_field_and_is_no_violation() -> None:
    record = {"url": KLANT + "1", "aanmaakkanaal": "balie", **persoon(geslachtsnaam="Jansen")}
    for rapport in (volledig([record]), snel([record])):
        assert (True, (), {}) == (rapport.schoon, rapport.bevindingen, rapport.per_soort())
        assert (1, 1, 0) == (rapport.records, rapport.aangehaakt, rapport.zelfstandig)
        assert (
            Opmerking(NAAM, 1, 2, KLANT + "1", "aanmaakkanaal", ONBEKEND),
            Opmerking(NAAM, 1, 2, KLANT + "1", "subjectIdentificatie.geslachtsnaam", SUBJECT_ZELF),
        ) == rapport.opmerkingen
        assert {"aanmaakkanaal": 1, "subjectIdentificatie.geslachtsnaam": 1} == (
            rapport.niet_overgenomen
        )
        assert (2, 1) == (rapport.aantal_opmerkingen, rapport.met_opmerkingen)
        assert "Jansen" not in repr(rapport)
        assert "balie" not in repr(rapport)


def test_a_member_without_a_value_gets_no_note() -> None:
    record = {"aanmaakkanaal": "", "_links": {}, **persoon(geslachtsnaam=None, voornamen=[])}
    rapport = snel([record])
    assert ((), {}, 0) == (rapport.opmerkingen, rapport.niet_overgenomen, rapport.met_opmerkingen)


def test_the_notes_of_a_record_with_violations_are_reported_beside_them() -> None:
    # A bad BSN and a telephone number over its limit; the subject's names are still noted.
    records = [
        persoon("111222334", geslachtsnaam="Jansen"),
        {**persoon(BSNS[1], voornamen="Anna"), "telefoonnummer": "0" * 21},
    ]
    rapport = volledig(records)
    assert {"limiet": 1, "ongeldige_identificatie": 1} == rapport.per_soort()
    assert [(1, "subjectIdentificatie.geslachtsnaam"), (2, "subjectIdentificatie.voornamen")] == [
        (o.positie, o.veld) for o in rapport.opmerkingen
    ]
    assert rapport == snel(records)


def test_a_vestiging_known_by_its_subject_url_alone_is_noted_on_either_path() -> None:
    record = {"subjectType": "vestiging", "subject": SUBJECT_URL}
    assert klanten_v1.kern(record, GEMEENTE) is None  # left to the full reader, which notes it
    rapport = snel([record])
    assert (True, ["subjectType"]) == (rapport.schoon, [o.veld for o in rapport.opmerkingen])
    assert "vestigingsNummer" in rapport.opmerkingen[0].melding


# --- 2. bounded: the first of each field listed, all counted ---------------------------


def test_a_file_with_notes_on_every_record_lists_the_first_of_each_field_and_counts_all() -> None:
    aantal = OPMERKINGEN_PER_VELD + 150
    records = [zelfstandig(geslachtsnaam="Jansen", voornamen="Anna") for _ in range(aantal)]
    records[-1] = {**records[-1], "aanmaakkanaal": "balie"}  # a field noted late, once
    rapport = snel(records)
    assert {
        "aanmaakkanaal": 1,
        "subjectIdentificatie.geslachtsnaam": aantal,
        "subjectIdentificatie.voornamen": aantal,
    } == rapport.niet_overgenomen
    assert (2 * aantal + 1, aantal) == (rapport.aantal_opmerkingen, rapport.met_opmerkingen)
    per_veld = {
        veld: [o.positie for o in rapport.opmerkingen if o.veld == veld]
        for veld in rapport.niet_overgenomen
    }
    assert {
        "aanmaakkanaal": [aantal],
        "subjectIdentificatie.geslachtsnaam": list(range(1, OPMERKINGEN_PER_VELD + 1)),
        "subjectIdentificatie.voornamen": list(range(1, OPMERKINGEN_PER_VELD + 1)),
    } == per_veld
    # In input order: by record, and within a record as the reader gave them.
    assert sorted(rapport.opmerkingen, key=lambda o: o.positie) == list(rapport.opmerkingen)
    assert rapport.schoon


# --- 3. the fast path, the full reader and parts give the same report ----------------

ONBEKENDE_LEDEN: st.SearchStrategy[dict[str, object]] = st.dictionaries(
    st.sampled_from(["aanmaakkanaal", "geverifieerd", "_links", "subject_type"]),
    st.sampled_from(["balie", "", None, 0, False, [], {}, ["x"], {"a": 1}]),
    max_size=2,
)
SUBJECT_LEDEN: st.SearchStrategy[dict[str, object]] = st.dictionaries(
    st.sampled_from(["geslachtsnaam", "voornamen", "verblijfsadres", "statutaireNaam"]),
    st.sampled_from(["Jansen", "", None, 0, [], {"woonplaatsnaam": "Utrecht"}]),
    max_size=3,
)


@st.composite
def records_met_notities(draw: st.DrawFn) -> dict[str, Any]:
    """v1 records, valid or not, with and without members the register does not take over."""
    soort = draw(st.integers(0, 5))
    si = draw(SUBJECT_LEDEN)
    if soort == 0:
        record: dict[str, Any] = persoon(draw(st.sampled_from(BSNS)), **si)
    elif soort == 1:
        record = persoon("111222334", **si)  # an invalid BSN
    elif soort == 2:
        subject = {"subjectIdentificatie": {"innNnpId": "69046938", **si}}
        record = {"subjectType": "niet_natuurlijk_persoon", **subject}
    elif soort == 3:
        record = {"subjectType": "vestiging", "subject": SUBJECT_URL}  # noted by the reader
    elif soort == 4:
        record = {"voornaam": draw(st.sampled_from(["Anna", "Zoe\u0308", "x" * 201]))}
    else:
        record = {"voornaam": "Anna", "subjectIdentificatie": si}  # zelfstandig
    if draw(st.booleans()):
        record["url"] = KLANT + str(draw(st.integers(1, 3)))
    return {**record, **draw(ONBEKENDE_LEDEN)}


@given(st.lists(records_met_notities(), max_size=30))
def test_the_fast_path_gives_the_report_of_the_full_reader_notes_included(
    records: list[dict[str, Any]],
) -> None:
    assert volledig(records) == snel(records)


@given(
    st.lists(records_met_notities(), max_size=30),
    st.lists(st.integers(0, 30), max_size=4),
    st.integers(1, 3),
)
def test_parts_merged_in_order_give_the_notes_of_one_pass_within_the_bound(
    records: list[dict[str, Any]], sneden: list[int], per_veld: int
) -> None:
    # A small bound, so that a field's first notes come from several parts.
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(_controle, "OPMERKINGEN_PER_VELD", per_veld)
        een_keer = snel(records)
        samengevoegd = Controle()
        grenzen = [0, *sorted(min(s, len(records)) for s in sneden), len(records)]
        for begin, eind in itertools.pairwise(grenzen):
            deel = Controle()
            snel(records[begin:eind], deel)
            aantal = deel.records
            samengevoegd.voeg_samen(deel, posities=begin, regels=begin)
            assert aantal == eind - begin
    assert een_keer == samengevoegd.rapport()
    assert all(n <= per_veld for n in _per_veld(een_keer).values())


def _per_veld(rapport: Controlerapport) -> dict[str, int]:
    return {
        veld: sum(1 for o in rapport.opmerkingen if o.veld == veld)
        for veld in rapport.niet_overgenomen
    }


def test_a_file_checked_with_and_without_the_fast_path_gives_the_same_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [
        {"url": f"{KLANT}{n}", **persoon(bsn, geslachtsnaam="Jansen"), "aanmaakkanaal": "balie"}
        for n, bsn in enumerate([*BSNS, BSNS[0]])
    ]
    pad = jsonl(tmp_path / NAAM, records)

    def controleer() -> Controlerapport:
        controle = Controle()
        with pad.open("rb") as bestand:
            controleer_bestand(bestand, NAAM, controle, V1)
        return controle.rapport()

    met_kern = controleer()
    monkeypatch.setattr(_parallel.Invoer, "kern", lambda self: None)
    zonder_kern = controleer()
    assert met_kern == zonder_kern == volledig(records)
    assert (8, 4, {"regel_1": 1}) == (
        met_kern.aantal_opmerkingen,
        met_kern.met_opmerkingen,
        met_kern.per_soort(),
    )


# --- 4. the report's forms: JSON, text, HTML -------------------------------------------


def test_the_json_form_lists_the_notes_and_counts_them_in_the_summary() -> None:
    rapport = volledig([{"url": KLANT + "1", **persoon(geslachtsnaam="Jansen")}, persoon(BSNS[1])])
    uit = rapport.naar_dict()
    assert [
        {
            "bron": NAAM,
            "positie": 1,
            "regel": 2,
            "id": KLANT + "1",
            "veld": "subjectIdentificatie.geslachtsnaam",
            "melding": SUBJECT_ZELF,
        }
    ] == uit["niet_overgenomen"]
    assert {
        "opmerkingen": 1,
        "records": 1,
        "per_veld": {"subjectIdentificatie.geslachtsnaam": 1},
    } == uit["samenvatting"]["niet_overgenomen"]
    assert {} == uit["samenvatting"]["overtredingen"]
    zonder = rapport.naar_dict(opmerkingen=False)
    assert "niet_overgenomen" not in zonder
    assert "niet_overgenomen" not in zonder["samenvatting"]
    json.dumps(uit, allow_nan=False)


def test_check_prints_each_note_as_import_does_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [persoon(geslachtsnaam="Jansen"), {"url": KLANT + "2", "voornaam": "Anna", "x": 1}]
    pad = jsonl(tmp_path / NAAM, records)
    assert 0 == _cli.main(["check", str(pad), "--gemeente", "0363", "--jobs", "1"])
    assert [
        f"{pad}:1 [zonder id] niet overgenomen: subjectIdentificatie.geslachtsnaam: {SUBJECT_ZELF}",
        f"{pad}:2 [{KLANT}2] niet overgenomen: x: {ONBEKEND}",
        "niet overgenomen: 2 opmerkingen in 2 records: subjectIdentificatie.geslachtsnaam 1, x 1",
        "",
        "2 records: 1 aangehaakt, 1 zelfstandig; overtredingen: geen",
    ] == capsys.readouterr().out.splitlines()


def test_check_with_violations_and_notes_exits_1_for_the_violations_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = jsonl(tmp_path / NAAM, [persoon("111222334", geslachtsnaam="Jansen")])
    assert 1 == _cli.main(["check", str(pad), "--gemeente", "0363", "--jobs", "1"])
    regels = capsys.readouterr().out.splitlines()
    assert "(ongeldige_identificatie/controlegetal)" in regels[0]
    assert "niet overgenomen: subjectIdentificatie.geslachtsnaam: " in regels[1]


def test_check_says_how_many_notes_it_does_not_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aantal = OPMERKINGEN_PER_VELD + 7
    pad = jsonl(tmp_path / NAAM, [zelfstandig(geslachtsnaam="Jansen")] * aantal)
    assert 0 == _cli.main(["check", str(pad), "--gemeente", "0363", "--jobs", "1"])
    regels = capsys.readouterr().out.splitlines()
    genoteerd = [r for r in regels if " niet overgenomen: subjectIdentificatie." in r]
    assert OPMERKINGEN_PER_VELD == len(genoteerd)
    assert (
        f"… en 7 opmerkingen meer (de eerste {OPMERKINGEN_PER_VELD} van elk veld staan hierboven)"
        in regels
    )
    assert (
        f"niet overgenomen: {aantal} opmerkingen in {aantal} records: "
        f"subjectIdentificatie.geslachtsnaam {aantal}"
    ) in regels


def test_check_of_a_file_without_notes_prints_no_line_of_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = jsonl(tmp_path / NAAM, [persoon()])
    assert 0 == _cli.main(["check", str(pad), "--gemeente", "0363", "--jobs", "1"])
    assert ["", "1 records: 1 aangehaakt, 0 zelfstandig; overtredingen: geen"] == (
        capsys.readouterr().out.splitlines()
    )


def test_the_html_report_has_a_table_of_the_notes_escaped_and_counted() -> None:
    aantal = 25
    records = [{"<b>lid</b>": "waarde", **persoon(geslachtsnaam="Jansen")}] * aantal
    html = volledig(records)._repr_html_()
    assert "<caption>Niet overgenomen</caption>" in html
    assert "&lt;b&gt;lid&lt;/b&gt;" in html
    assert "<b>lid</b>" not in html
    assert "Jansen" not in html
    assert "waarde" not in html
    assert f"{2 * aantal} opmerkingen in {aantal} records" in html
    assert f"… en {2 * aantal - 20} opmerkingen meer" in html  # 20 rows shown
    assert "<caption>Niet overgenomen</caption>" not in volledig([persoon()])._repr_html_()


# --- 5. the example export, and a Partij ------------------------------------------------

#: What the example export holds that the register does not take over: the subject's own
#: data in the subjectIdentificatie of most of its records (valid or not).
VOORBEELD_PER_VELD = {
    "subjectIdentificatie.geslachtsnaam": 41,
    "subjectIdentificatie.handelsnaam": 1,
    "subjectIdentificatie.statutaireNaam": 6,
    "subjectIdentificatie.voorletters": 41,
    "subjectIdentificatie.voornamen": 41,
    "subjectIdentificatie.voorvoegselGeslachtsnaam": 18,
}


def test_the_example_export_gets_notes_of_the_subjects_own_data_on_either_path() -> None:
    records = json.loads(VOORBEELD.read_text(encoding="utf-8"))["results"]
    rapport = snel(records)
    assert rapport == volledig(records)
    assert VOORBEELD_PER_VELD == rapport.niet_overgenomen
    assert (148, 48) == (rapport.aantal_opmerkingen, rapport.met_opmerkingen)
    assert 148 == len(rapport.opmerkingen)  # under the bound: every one listed
    assert {SUBJECT_ZELF} == {o.melding for o in rapport.opmerkingen}
    # The violations are what they were: the notes change neither them nor the exit status.
    assert {
        "limiet": 2,
        "ongeldig_veld": 1,
        "ongeldige_identificatie": 3,
        "regel_1": 2,
        "regel_3": 1,
    } == rapport.per_soort()


def test_check_of_the_example_export_prints_its_notes(capsys: pytest.CaptureFixture[str]) -> None:
    assert 1 == _cli.main(["check", str(VOORBEELD), "--gemeente", "0363", "--format", "json"])
    uit = json.loads(capsys.readouterr().out)
    assert VOORBEELD_PER_VELD == uit["samenvatting"]["niet_overgenomen"]["per_veld"]
    assert 148 == len(uit["niet_overgenomen"])


def test_a_partij_file_gets_the_notes_of_the_partij_reader(tmp_path: Path) -> None:
    partij = {
        "uuid": "6b5e5b2c-0b6d-4d0b-9b1a-1c6d8a1b2c3d",
        "soortPartij": "persoon",
        "partijIdentificatie": {"contactnaam": {"voornaam": "Anna", "achternaam": "Jansen"}},
        "rekeningnummers": [{"uuid": "0b1ed6a4-5f8e-4d39-9a1c-2f6e8d4b7c10"}],
    }
    pad = jsonl(tmp_path / NAAM, [partij])
    controle = Controle()
    with pad.open("rb") as bestand:
        controleer_bestand(bestand, NAAM, controle, Invoer("klantinteracties", GEMEENTE))
    rapport = controle.rapport()
    assert rapport.schoon
    assert [(1, 2, partij["uuid"], "rekeningnummers")] == [
        (o.positie, o.regel, o.id, o.veld) for o in rapport.opmerkingen
    ]


def test_the_report_as_import_prints_it_leaves_the_notes_to_import() -> None:
    rapport = volledig([persoon(geslachtsnaam="Jansen")])
    uit = io.StringIO()
    _cli._toon_rapport(rapport, "text", uit, opmerkingen=False)
    assert "niet overgenomen" not in uit.getvalue()
    _cli._toon_rapport(rapport, "json", uit, opmerkingen=False)
    assert "niet_overgenomen" not in uit.getvalue()
