"""Klanten API v1: reading and writing its Klant objects, and reporting what cannot be read."""

from __future__ import annotations

import contextlib
import io
import json
import tracemalloc
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import (
    Adres,
    FormaatError,
    Gemeentecode,
    Identificatie,
    Klant,
    Klantgegevens,
    KlantregisterError,
)
from klantregister.formats import Gelezen, Probleemsoort, klanten_v1, schrijf_regels
from klantregister.testing import klanten
from strategies import identificaties_v1, klantgegevens_v1

pytestmark = pytest.mark.unit

RSIN = "002220647"

#: A v1 klant as the API returns it, every field given.
V1_KLANT: dict[str, Any] = {
    "url": "https://klanten.example.nl/api/v1/klanten/6b5e5b2c-0b6d-4d0b-9b1a-1c6d8a1b2c3d",
    "uuid": "6b5e5b2c-0b6d-4d0b-9b1a-1c6d8a1b2c3d",
    "bronorganisatie": RSIN,
    "klantnummer": "K0001",
    "bedrijfsnaam": "",
    "functie": "",
    "websiteUrl": "https://jansen.example.nl",
    "voornaam": "Anna",
    "voorvoegselAchternaam": "van",
    "achternaam": "Jansen",
    "telefoonnummer": "020 123 4567",
    "emailadres": "anna@Example.NL",
    "adres": {
        "straatnaam": "Amstel",
        "huisnummer": 1,
        "huisletter": "A",
        "huisnummertoevoeging": "2",
        "postcode": "1011pn",
        "woonplaatsnaam": "Amsterdam",
        "landcode": "6030",
    },
    "subject": "",
    "subjectType": "natuurlijk_persoon",
    "subjectIdentificatie": {
        "inpBsn": "111222333",
        "anpIdentificatie": "",
        "inpANummer": "1234567890",
        "geslachtsnaam": "Jansen",
        "voornamen": "Anna Maria",
    },
}


def lees(record: object, gemeenten: Any = "0363") -> Gelezen:
    return klanten_v1.lees_klant(record, gemeenten=gemeenten)


def problemen(record: object) -> list[tuple[str, Probleemsoort]]:
    return [(p.veld, p.soort) for p in lees(record).problemen]


def test_a_full_v1_klant_is_read_with_every_field() -> None:
    gelezen = lees(V1_KLANT)
    registratie = gelezen.registratie
    assert registratie is not None
    assert ("6b5e5b2c-0b6d-4d0b-9b1a-1c6d8a1b2c3d", "K0001") == (
        gelezen.id,
        registratie.klantnummer,
    )
    assert Gemeentecode("0363") == registratie.gemeente
    assert (
        Klantgegevens(
            voornaam="Anna",
            voorvoegsel_achternaam="van",
            achternaam="Jansen",
            website_url="https://jansen.example.nl",
            telefoonnummer="020 123 4567",
            emailadres="anna@example.nl",
            adres=Adres(
                straatnaam="Amstel",
                huisnummer=1,
                huisletter="A",
                huisnummertoevoeging="2",
                postcode="1011 PN",
                woonplaatsnaam="Amsterdam",
            ),
        )
        == registratie.klantgegevens
    )
    assert (
        Identificatie.natuurlijk_persoon(bsn="111222333", a_nummer="1234567890")
        == registratie.identificatie
    )


@pytest.mark.parametrize(
    ("subject_identificatie", "subject_type", "verwacht"),
    [
        (
            {"innNnpId": "69046938", "statutaireNaam": "Jansen BV"},
            "niet_natuurlijk_persoon",
            Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"),
        ),
        (
            {"innNnpId": "002220647"},
            "niet_natuurlijk_persoon",
            Identificatie.niet_natuurlijk_persoon(rsin="002220647"),
        ),
        (
            {"vestigingsNummer": "000012345678", "handelsnaam": ["Jansen"]},
            "vestiging",
            Identificatie.niet_natuurlijk_persoon(vestigingsnummer="000012345678"),
        ),
        (
            {"inpA_nummer": "1234567890"},
            "natuurlijk_persoon",
            Identificatie.natuurlijk_persoon(a_nummer="1234567890"),
        ),
    ],
)
def test_each_subject_type_is_read_into_its_identificatie(
    subject_identificatie: dict[str, Any], subject_type: str, verwacht: Identificatie
) -> None:
    record = {"subjectType": subject_type, "subjectIdentificatie": subject_identificatie}
    registratie = lees(record).registratie
    assert registratie is not None
    assert verwacht == registratie.identificatie


def test_a_record_without_subject_is_a_zelfstandige_klant() -> None:
    registratie = lees({"voornaam": "Anna", "subjectType": "", "subjectIdentificatie": None})
    assert registratie.registratie is not None
    assert registratie.registratie.identificatie is None


def test_the_gemeente_comes_from_the_table_of_bronorganisaties() -> None:
    gelezen = lees({"bronorganisatie": RSIN}, gemeenten={RSIN: "GM0599"})
    assert gelezen.registratie is not None
    assert Gemeentecode("0599") == gelezen.registratie.gemeente


def test_a_bronorganisatie_missing_from_the_table_is_reported() -> None:
    gelezen = lees({"bronorganisatie": "123456782"}, gemeenten={RSIN: "0599"})
    assert [("bronorganisatie", Probleemsoort.GEMEENTE)] == [
        (p.veld, p.soort) for p in gelezen.problemen
    ]


def test_reading_without_a_gemeente_says_so_before_reading() -> None:
    with pytest.raises(FormaatError, match="geen gemeente opgegeven"):
        klanten_v1.lees(io.StringIO("[]"))


@pytest.mark.parametrize(
    ("wijziging", "veld", "soort"),
    [
        ({"subjectIdentificatie": {"inpBsn": "111222334"}}, "inpBsn", Probleemsoort.CONTROLEGETAL),
        ({"subjectIdentificatie": {"inpBsn": "1112223334"}}, "inpBsn", Probleemsoort.LENGTE),
        ({"subjectIdentificatie": {"inpBsn": 111222333}}, "inpBsn", Probleemsoort.TYPE),
        (
            {"subjectIdentificatie": {"inpANummer": "0123456789"}},
            "inpANummer",
            Probleemsoort.FORMAAT,
        ),
        (
            {"subjectIdentificatie": {"anpIdentificatie": "G-2019-000042"}},
            "anpIdentificatie",
            Probleemsoort.NIET_OVER_TE_NEMEN,
        ),
        (
            {"subjectIdentificatie": {"inpBsn": "111222333", "innNnpId": "69046938"}},
            "innNnpId",
            Probleemsoort.REGEL_3,
        ),
    ],
)
def test_a_natural_persons_identifier_problem_is_reported_by_field(
    wijziging: dict[str, Any], veld: str, soort: Probleemsoort
) -> None:
    record = {"subjectType": "natuurlijk_persoon", **wijziging}
    assert [(f"subjectIdentificatie.{veld}", soort)] == problemen(record)


@pytest.mark.parametrize(
    ("subject_identificatie", "soort"),
    [
        ({"innNnpId": "1234567"}, Probleemsoort.LENGTE),
        ({"innNnpId": "002220648"}, Probleemsoort.CONTROLEGETAL),
        ({"innNnpId": ["69046938"]}, Probleemsoort.TYPE),
        ({"annIdentificatie": "NNP-42"}, Probleemsoort.NIET_OVER_TE_NEMEN),
    ],
)
def test_an_organisations_identifier_problem_is_reported_by_field(
    subject_identificatie: dict[str, Any], soort: Probleemsoort
) -> None:
    record = {
        "subjectType": "niet_natuurlijk_persoon",
        "subjectIdentificatie": subject_identificatie,
    }
    [(veld, gevonden)] = problemen(record)
    assert (soort, True) == (gevonden, veld.startswith("subjectIdentificatie."))


@pytest.mark.parametrize(
    ("record", "veld", "soort"),
    [
        ({"subjectType": "persoon"}, "subjectType", Probleemsoort.CODE),
        ({"subjectIdentificatie": {"inpBsn": "111222333"}}, "subjectType", Probleemsoort.FORMAAT),
        ({"subjectIdentificatie": "111222333"}, "subjectIdentificatie", Probleemsoort.TYPE),
        (
            {"subject": "https://brp.example.nl/ingeschrevenpersonen/111222333"},
            "subject",
            Probleemsoort.NIET_OVER_TE_NEMEN,
        ),
        ({"klantnummer": "K00000001"}, "klantnummer", Probleemsoort.LENGTE),
        ({"emailadres": "geen adres"}, "emailadres", Probleemsoort.FORMAAT),
        ({"websiteUrl": "ftp://x.nl"}, "websiteUrl", Probleemsoort.FORMAAT),
        (
            {"voorvoegselAchternaam": "van der van den"},
            "voorvoegselAchternaam",
            Probleemsoort.LENGTE,
        ),
        ({"adres": ["Amstel 1"]}, "adres", Probleemsoort.TYPE),
        ({"adres": {"postcode": "1011"}}, "adres.postcode", Probleemsoort.FORMAAT),
        ({"adres": {"huisnummer": 100000}}, "adres.huisnummer", Probleemsoort.LENGTE),
        ({"adres": {"landcode": "NL"}}, "adres.landcode", Probleemsoort.CODE),
        ({"adres": {"landcode": "be"}}, "adres.landcode", Probleemsoort.CODE),
        ({"adres": {"landcode": "XX"}}, "adres.landcode", Probleemsoort.CODE),
        ({"adres": {"landcode": "1234"}}, "adres.landcode", Probleemsoort.CODE),
        ({"adres": {"landcode": "60300"}}, "adres.landcode", Probleemsoort.CODE),
    ],
)
def test_every_other_problem_is_reported_by_field(
    record: dict[str, Any], veld: str, soort: Probleemsoort
) -> None:
    assert [(veld, soort)] == problemen(record)


def test_every_problem_of_a_record_is_reported_not_only_the_first() -> None:
    record = {"emailadres": "x", "telefoonnummer": "abc", "adres": {"postcode": "12"}}
    assert {"emailadres", "telefoonnummer", "adres.postcode"} == {
        veld for veld, _ in problemen(record)
    }


def test_a_record_that_is_not_an_object_is_reported() -> None:
    assert [("record", Probleemsoort.TYPE)] == problemen(["Anna"])


def test_a_problem_message_never_shows_a_full_bsn() -> None:
    for record in (
        {"subjectType": "natuurlijk_persoon", "subjectIdentificatie": {"inpBsn": "111222334"}},
        {
            "subjectType": "niet_natuurlijk_persoon",
            "subjectIdentificatie": {"innNnpId": "111222333x"},
        },
        {"subject": "https://brp.example.nl/ingeschrevenpersonen/111222333"},
        {"emailadres": "111222333"},
    ):
        for probleem in lees(record).problemen:
            assert "111222" not in str(probleem)


def test_a_file_reports_each_record_at_its_position() -> None:
    regels = io.StringIO()
    schrijf_regels(
        [
            V1_KLANT,
            {"subjectType": "natuurlijk_persoon", "subjectIdentificatie": {"inpBsn": "1"}},
            "geen object",
        ],
        regels,
    )
    regels.seek(0)
    gelezen = list(klanten_v1.lees(regels, gemeenten="0363", naam="export.jsonl"))
    assert [(1, True), (2, False), (3, False)] == [(g.positie, g.geldig) for g in gelezen]
    assert [1, 2, 3] == [g.regel for g in gelezen]


# --- writing ---------------------------------------------------------------------------


def test_writing_gives_the_v1_field_names() -> None:
    klant = Klant(
        uuid.UUID(int=5),
        "0363",
        "K5",
        Klantgegevens(achternaam="Jansen", adres=Adres(postcode="1011 PN", land="NL")),
        Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"),
    )
    v1 = klanten_v1.naar_v1(klant, bronorganisatie=RSIN)
    assert ("niet_natuurlijk_persoon", {"innNnpId": "69046938", "annIdentificatie": ""}) == (
        v1["subjectType"],
        v1["subjectIdentificatie"],
    )
    assert ("Jansen", "", "1011 PN", "6030", RSIN) == (
        v1["achternaam"],
        v1["voornaam"],
        v1["adres"]["postcode"],
        v1["adres"]["landcode"],
        v1["bronorganisatie"],
    )


@pytest.mark.parametrize(
    ("identificatie", "gegevens"),
    [
        (
            Identificatie.natuurlijk_persoon(buitenlands=("DE", "Melderegister", "X1")),
            Klantgegevens(),
        ),
        (Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938", rsin=RSIN), Klantgegevens()),
        (
            Identificatie.niet_natuurlijk_persoon(
                kvk_nummer="69046938", vestigingsnummer="000012345678"
            ),
            Klantgegevens(),
        ),
        (None, Klantgegevens(voorkeurstaal="nld")),
        (None, Klantgegevens(adres=Adres(adresregel1="10 Downing Street", land="GB"))),
    ],
)
def test_a_klant_v1_cannot_hold_is_refused_rather_than_cut(
    identificatie: Identificatie | None, gegevens: Klantgegevens
) -> None:
    klant = Klant(uuid.UUID(int=5), "0363", "K5", gegevens, identificatie)
    with pytest.raises(FormaatError, match="past niet in dit formaat"):
        klanten_v1.naar_v1(klant, bronorganisatie=RSIN)


v1_klanten = klanten(st.none() | identificaties_v1, klantgegevens_v1)


@given(v1_klanten)
def test_every_klant_v1_can_hold_survives_the_round_trip(klant: Klant) -> None:
    v1 = json.loads(json.dumps(klanten_v1.naar_v1(klant, bronorganisatie=RSIN)))
    gelezen = klanten_v1.lees_klant(v1, gemeenten={RSIN: klant.gemeente})
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    assert (str(klant.id), klant.gemeente, klant.klantnummer) == (
        gelezen.id,
        gelezen.registratie.gemeente,
        gelezen.registratie.klantnummer,
    )
    assert klant.klantgegevens == gelezen.registratie.klantgegevens
    assert klant.identificatie == gelezen.registratie.identificatie


@given(st.lists(v1_klanten, max_size=5))
def test_a_written_file_reads_back_in_order(lijst: list[Klant]) -> None:
    bestand = io.StringIO()
    assert len(lijst) == klanten_v1.schrijf(lijst, bestand, bronorganisatie=RSIN)
    bestand.seek(0)
    gelezen = list(klanten_v1.lees(bestand, gemeenten="0363"))
    assert [str(k.id) for k in lijst] == [g.id for g in gelezen]
    assert all(g.geldig for g in gelezen)


# --- hostile input ---------------------------------------------------------------------

json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda kinderen: (
        st.lists(kinderen, max_size=3) | st.dictionaries(st.text(max_size=10), kinderen, max_size=3)
    ),
    max_leaves=15,
)
_VELDEN = [*V1_KLANT, *V1_KLANT["adres"], *V1_KLANT["subjectIdentificatie"], "innNnpId"]


@st.composite
def vijandige_records(draw: st.DrawFn) -> dict[str, Any]:
    """A v1 klant with fields replaced by values of any type, in any place."""
    record: dict[str, Any] = json.loads(json.dumps(V1_KLANT))
    for _ in range(draw(st.integers(1, 5))):
        doel = draw(st.sampled_from([record, record["adres"], record["subjectIdentificatie"]]))
        if isinstance(doel, dict):
            doel[draw(st.sampled_from(_VELDEN))] = draw(json_waarden)
    return record


@given(vijandige_records())
def test_wrongly_typed_fields_are_reported_never_raised(record: dict[str, Any]) -> None:
    gelezen = lees(record)
    assert (gelezen.registratie is None) == bool(gelezen.problemen)


@given(st.lists(vijandige_records(), max_size=3), st.data())
def test_truncated_or_hostile_files_raise_only_the_librarys_errors(
    records: list[dict[str, Any]], data: st.DataObject
) -> None:
    tekst = json.dumps({"count": len(records), "results": records}).encode()
    tekst = tekst[: data.draw(st.integers(0, len(tekst)))]
    tekst += data.draw(st.binary(max_size=10))
    with contextlib.suppress(KlantregisterError):
        list(klanten_v1.lees(io.BytesIO(tekst), gemeenten={RSIN: "0363"}))


def test_an_oversized_value_is_reported_as_a_problem() -> None:
    assert [("achternaam", Probleemsoort.LENGTE)] == problemen({"achternaam": "x" * 100_000})


def test_a_large_export_is_read_in_little_memory(tmp_path: Path) -> None:
    pad = tmp_path / "klanten.json"
    aantal = 10_000
    with pad.open("w", encoding="utf-8") as bestand:
        bestand.write(f'{{"count": {aantal}, "next": null, "previous": null, "results": [')
        for i in range(aantal):
            record = {**V1_KLANT, "klantnummer": f"K{i}"}
            bestand.write(("," if i else "") + json.dumps(record))
        bestand.write("]}")
    tracemalloc.start()
    try:
        with pad.open("rb") as bestand:
            geldig = sum(g.geldig for g in klanten_v1.lees(bestand, gemeenten="0363"))
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert aantal == geldig
    assert piek < 2_000_000


def test_an_inpa_nummer_that_differs_from_inpanummer_is_reported() -> None:
    record = {
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpANummer": "1234567890", "inpA_nummer": "1234567891"},
    }
    assert [("subjectIdentificatie.inpA_nummer", Probleemsoort.FORMAAT)] == problemen(record)


def test_a_subject_url_with_a_subject_type_but_no_key_is_reported() -> None:
    record = {
        "subject": "https://brp.example.nl/api/v1/ingeschrevenpersonen/1",
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": ""},
    }
    assert [("subject", Probleemsoort.NIET_OVER_TE_NEMEN)] == problemen(record)


def test_a_table_key_written_with_separators_still_finds_its_bronorganisatie() -> None:
    geschreven = f"{RSIN[:4]}.{RSIN[4:6]}.{RSIN[6:]}"
    gelezen = lees({"bronorganisatie": RSIN}, gemeenten={geschreven: "0599"})
    assert gelezen.registratie is not None
    assert Gemeentecode("0599") == gelezen.registratie.gemeente


@pytest.mark.parametrize(
    "waarde",
    [
        pytest.param(float("nan"), id="nan"),
        pytest.param({1, 2}, id="a-set"),
    ],
)
def test_a_value_json_cannot_hold_is_refused_with_its_position(waarde: object) -> None:
    bestand = io.StringIO()
    with pytest.raises(FormaatError, match="record 2") as fout:
        schrijf_regels([{"a": 1}, {"b": waarde}], bestand)
    assert "niet als JSON te schrijven" in str(fout.value)
    assert '{"a": 1}\n' == bestand.getvalue()
