"""The check behind ``klantregister check``: rule-1 groups, counts, violation kinds."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import BuitenlandsNummer, Gemeentecode, Identificatie, Registratie
from klantregister.check import RECORDS_PER_GROEP
from klantregister.check.controle import Controle, Controlerapport, Overtreding
from klantregister.cli import commando
from klantregister.formats import Gelezen, klanten_v1

pytestmark = pytest.mark.unit

BSN_A, BSN_B, BSN_C = "111222333", "123456782", "010000008"
A_NUMMER = "5483029174"


def persoon(bsn: str = "", a_nummer: str = "", **extra: Any) -> dict[str, Any]:
    record = {
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": bsn, "inpANummer": a_nummer},
    }
    record.update(extra)
    return record


def controleer(*records: dict[str, Any], gemeenten: Any = "0363") -> Controlerapport:
    controle = Controle()
    export = io.StringIO(json.dumps(list(records)))
    for gelezen in klanten_v1.lees(export, gemeenten=gemeenten, naam="export.json"):
        controle.voeg_toe(gelezen, "export.json")
    return controle.rapport()


def test_two_records_with_one_bsn_form_one_rule_1_group() -> None:
    rapport = controleer(persoon(BSN_A), persoon(BSN_B), persoon(BSN_A))
    assert [(("export.json", 1, None), ("export.json", 3, None))] == [
        groep.records for groep in rapport.groepen
    ]


def test_a_shared_a_nummer_joins_records_with_different_bsns() -> None:
    rapport = controleer(persoon(BSN_A, A_NUMMER), persoon(BSN_B), persoon("", A_NUMMER))
    assert [[1, 3]] == [[p for _, p, _ in groep.records] for groep in rapport.groepen]


def test_a_chain_of_shared_keys_is_one_group() -> None:
    rapport = controleer(
        persoon(BSN_A), persoon(BSN_B, A_NUMMER), persoon(BSN_A, A_NUMMER), persoon(BSN_C)
    )
    assert [[1, 2, 3]] == [[p for _, p, _ in groep.records] for groep in rapport.groepen]


def test_the_same_bsn_in_two_gemeenten_is_no_violation() -> None:
    tabel = {"002564440": "0363", "002220647": "0344"}
    rapport = controleer(
        persoon(BSN_A, bronorganisatie="002564440"),
        persoon(BSN_A, bronorganisatie="002220647"),
        gemeenten=tabel,
    )
    assert rapport.schoon


def test_a_rule_1_group_shows_its_keys_masked() -> None:
    rapport = controleer(persoon(BSN_A), persoon(BSN_A))
    assert ("Bsn ******333",) == rapport.groepen[0].sleutels
    assert BSN_A not in json.dumps(rapport.naar_dict())


def test_organisations_may_share_a_kvk_nummer() -> None:
    organisatie = {
        "subjectType": "niet_natuurlijk_persoon",
        "subjectIdentificatie": {"innNnpId": "69046938"},
    }
    rapport = controleer(organisatie, organisatie, organisatie)
    assert rapport.schoon
    assert 3 == rapport.aangehaakt


def test_counts_tell_aangehaakt_zelfstandig_and_refused_apart() -> None:
    rapport = controleer(persoon(BSN_A), {"voornaam": "Zoë"}, persoon("111222334"))
    assert (3, 1, 1) == (rapport.records, rapport.aangehaakt, rapport.zelfstandig)
    assert {"ongeldige_identificatie": 1} == rapport.per_soort()


def test_a_field_over_its_limit_is_a_limiet_violation() -> None:
    rapport = controleer(persoon(BSN_A, achternaam="x" * 201))
    assert [Overtreding.LIMIET] == [bevinding.soort for bevinding in rapport.bevindingen]


def test_a_record_mixing_person_and_organisation_is_a_rule_3_violation() -> None:
    gemengd = persoon(BSN_A)
    gemengd["subjectIdentificatie"]["innNnpId"] = "69046938"
    rapport = controleer(gemengd)
    assert {"regel_3": 1} == rapport.per_soort()


@given(st.lists(st.tuples(st.sampled_from([BSN_A, BSN_B, BSN_C, ""]), st.booleans()), max_size=12))
def test_the_groups_are_exactly_the_records_that_share_a_person(
    sleutels: list[tuple[str, bool]],
) -> None:
    records = [persoon(bsn, A_NUMMER if met_a else "") for bsn, met_a in sleutels]
    rapport = controleer(*records)
    # The model: join records sharing any key, by brute force.
    sleutelsets = [{k for k in (bsn, A_NUMMER if met_a else "") if k} for bsn, met_a in sleutels]
    groepen: list[set[int]] = []
    for index, eigen in enumerate(sleutelsets, 1):
        if not eigen:
            continue
        raak = [g for g in groepen if any(sleutelsets[i - 1] & eigen for i in g)]
        nieuw = {index}.union(*raak)
        groepen = [g for g in groepen if g not in raak] + [nieuw]
    verwacht = sorted(sorted(g) for g in groepen if len(g) > 1)
    assert verwacht == sorted(sorted(p for _, p, _ in groep.records) for groep in rapport.groepen)


def test_a_rule_1_group_by_a_foreign_number_shows_it_as_the_identifier_does() -> None:
    # Neither v1 nor Partij input carries a foreign person number; a reader of another
    # format could, so the check takes a Gelezen of one as it stands.
    nummer = BuitenlandsNummer("DE", "Melderegister", "X123456789")
    identificatie = Identificatie.natuurlijk_persoon(buitenlands=nummer)
    controle = Controle()
    for positie in (1, 2):
        registratie = Registratie("0363", identificatie=identificatie)
        gemeente = Gemeentecode("0363")
        gelezen = Gelezen(positie, positie, f"k{positie}", registratie, (), gemeente, identificatie)
        controle.voeg_toe(gelezen, "export.json")
    groep = controle.rapport().groepen[0]
    assert (f"BuitenlandsNummer {nummer}",) == groep.sleutels
    assert "X123456789" not in groep.sleutels[0]


SUBJECT_A = f"https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/{BSN_A}"
SUBJECT_B = f"https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/{BSN_B}"


def controleer_snel(*records: dict[str, Any], gemeenten: Any = "0363") -> Controlerapport:
    """The check as ``klantregister check`` runs it: the fast path for each record it
    vouches for (every record given must be one), the full reader for none."""
    controle = Controle()
    for positie, record in enumerate(records, 1):
        kern = klanten_v1.kern(record, Gemeentecode(gemeenten))
        assert kern is not None, f"the fast path leaves record {positie} to the full reader"
        controle.voeg_kern_toe(kern, "export.json", positie, 1)  # one line, as controleer
    return controle.rapport()


@pytest.mark.parametrize("check", [controleer, controleer_snel], ids=["full-reader", "fast-path"])
def test_two_records_pointing_at_one_ingeschreven_persoon_are_one_rule_1_group(
    check: Any,
) -> None:
    rapport = check(
        persoon(BSN_A, subject=SUBJECT_A),
        persoon(BSN_B),
        persoon(subject=SUBJECT_B),
        persoon(subject=SUBJECT_A),
    )
    assert [(("export.json", 1, None), ("export.json", 4, None))] == [
        groep.records for groep in rapport.groepen
    ]
    assert (
        "Bsn ******333",
        "SubjectUrl https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/******333",
    ) == rapport.groepen[0].sleutels
    assert (4, 4, 0) == (rapport.records, rapport.aangehaakt, rapport.zelfstandig)
    assert BSN_A not in json.dumps(rapport.naar_dict())


@pytest.mark.parametrize("check", [controleer, controleer_snel], ids=["full-reader", "fast-path"])
def test_a_subject_url_joins_records_whose_numbers_differ(check: Any) -> None:
    rapport = check(
        persoon(BSN_A, subject=SUBJECT_A),
        persoon(BSN_C),
        persoon(BSN_B, A_NUMMER, subject=SUBJECT_A),
    )
    assert [[1, 3]] == [[p for _, p, _ in groep.records] for groep in rapport.groepen]


def test_organisations_may_share_a_subject_url() -> None:
    organisatie = {"subjectType": "niet_natuurlijk_persoon", "subject": SUBJECT_A}
    for rapport in (
        controleer(organisatie, organisatie),
        controleer_snel(organisatie, organisatie),
    ):
        assert rapport.schoon
        assert 2 == rapport.aangehaakt


def test_a_malformed_subject_url_is_an_invalid_identificatie() -> None:
    rapport = controleer(persoon(BSN_A, subject="ftp://brp.example.nl/1"), persoon(BSN_A))
    assert {"ongeldige_identificatie": 1} == rapport.per_soort()
    assert (2, 1, 0) == (rapport.records, rapport.aangehaakt, rapport.zelfstandig)


def test_a_subject_url_without_subject_type_is_counted_as_refused() -> None:
    rapport = controleer({"subject": SUBJECT_A})
    assert {"niet_over_te_nemen": 1} == rapport.per_soort()
    assert (1, 0, 0) == (rapport.records, rapport.aangehaakt, rapport.zelfstandig)


def test_a_check_in_progress_never_shows_a_bsn_in_its_repr() -> None:
    controle = Controle()
    for gelezen in klanten_v1.lees(
        io.StringIO(json.dumps([persoon(BSN_A)])), gemeenten="0363", naam="export.json"
    ):
        controle.voeg_toe(gelezen, "export.json")
    assert "<Controle records=1 bevindingen=0>" == repr(controle)


# --- a giant rule-1 group: a bounded list in text and HTML, every record in JSON ---------


def _grote_groep(aantal: int) -> Controlerapport:
    return controleer(*(persoon(BSN_A) for _ in range(aantal)))


@pytest.mark.parametrize("aantal", [RECORDS_PER_GROEP, RECORDS_PER_GROEP + 1, 1000])
def test_a_giant_rule_1_group_lists_its_first_records_in_text_and_html_and_all_in_json(
    aantal: int,
) -> None:
    rapport = _grote_groep(aantal)
    tekst, als_json = io.StringIO(), io.StringIO()
    commando._toon_rapport(rapport, "text", tekst)
    commando._toon_rapport(rapport, "json", als_json)
    (regel,) = [r for r in tekst.getvalue().splitlines() if r.startswith("KLOK01 regel 1")]
    html = rapport._repr_html_()
    meer = aantal - RECORDS_PER_GROEP

    assert (min(aantal, RECORDS_PER_GROEP), meer > 0, meer > 0) == (
        regel.count("export.json:"),
        f"… en {meer} meer" in regel,
        f"… en {meer} meer" in html,
    )
    (groep,) = json.loads(als_json.getvalue())["regel_1"]
    assert list(range(1, aantal + 1)) == [r["positie"] for r in groep["records"]]
