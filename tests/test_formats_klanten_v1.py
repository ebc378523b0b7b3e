"""Klanten API v1: reading and writing its Klant objects, and reporting what cannot be read."""

from __future__ import annotations

import contextlib
import io
import json
import tracemalloc
import uuid
from pathlib import Path
from typing import Any

import attrs
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
    OngeldigeWaardeError,
)
from klantregister.domain import GEEN_KENMERKEN
from klantregister.formats import Gelezen, Probleemsoort, klanten_v1, schrijf_regels
from klantregister.formats.klanten_v1 import schrijven as schrijven_v1
from klantregister.testing import klanten
from strategies import (
    identificaties_v1,
    klantgegevens_v1,
    klantnummers_v1,
    met_bron,
    met_kenmerken_v1,
)

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
            "subjectType",
            Probleemsoort.NIET_OVER_TE_NEMEN,
        ),
        (
            {"subjectType": "natuurlijk_persoon", "subject": "brp.example.nl/personen/1"},
            "subject",
            Probleemsoort.FORMAAT,
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
        {"subjectType": "natuurlijk_persoon", "subject": "ftp://brp.example.nl/111222333"},
        {"subjectType": "vestiging", "subject": "https://hr.example.nl/111222333 x"},
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


#: The website written for a klant without one, and where its records came from.
WEBSITE = "https://www.gemeente.example.nl"
KLANTEN = "https://klanten.example.nl/api/v1/klanten"
PARTIJEN = "https://openklant.example.nl/klantinteracties/api/v1/partijen"


def naar_v1(klant: Klant, **opties: Any) -> dict[str, Any]:
    return klanten_v1.naar_v1(klant, bronorganisatie=RSIN, **opties)


def weigering(klant: Klant, **opties: Any) -> str:
    """The message of the FormaatError the v1 writer refuses the klant with."""
    with pytest.raises(FormaatError) as fout:
        naar_v1(klant, **opties)
    return str(fout.value)


def test_writing_gives_the_v1_field_names() -> None:
    klant = Klant(
        uuid.UUID(int=5),
        "0363",
        "K5",
        Klantgegevens(
            achternaam="Jansen",
            emailadres="info@jansenbouw.nl",
            website_url="https://jansenbouw.nl",
            adres=Adres(postcode="1011 PN", huisnummer=1, land="NL"),
        ),
        Identificatie.niet_natuurlijk_persoon(rsin="002220647"),
    )

    assert {
        "bronorganisatie": RSIN,
        "klantnummer": "K5",
        "websiteUrl": "https://jansenbouw.nl",
        "achternaam": "Jansen",
        "emailadres": "info@jansenbouw.nl",
        "adres": {"huisnummer": 1, "postcode": "1011 PN", "landcode": "6030"},
        "subjectType": "niet_natuurlijk_persoon",
        "subjectIdentificatie": {"innNnpId": "002220647"},
    } == naar_v1(klant)


@pytest.mark.parametrize(
    ("identificatie", "subject_identificatie"),
    [
        (Identificatie.natuurlijk_persoon(bsn="111222333"), {"inpBsn": "111222333"}),
        (Identificatie.natuurlijk_persoon(a_nummer="1234567890"), {"inpANummer": "1234567890"}),
        (
            Identificatie.natuurlijk_persoon(bsn="111222333", a_nummer="1234567890"),
            {"inpBsn": "111222333", "inpANummer": "1234567890"},
        ),
    ],
)
def test_a_natural_person_is_written_with_the_numbers_it_has_only(
    identificatie: Identificatie, subject_identificatie: dict[str, str]
) -> None:
    klant = Klant(uuid.UUID(int=5), "0363", "K5", Klantgegevens(website_url=WEBSITE), identificatie)

    assert {
        "bronorganisatie": RSIN,
        "klantnummer": "K5",
        "websiteUrl": WEBSITE,
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": subject_identificatie,
    } == naar_v1(klant)


def test_a_vestiging_on_its_own_is_written_by_its_vestigingsnummer() -> None:
    klant = Klant(
        uuid.UUID(int=5),
        "0363",
        "K5",
        Klantgegevens(website_url=WEBSITE),
        Identificatie.niet_natuurlijk_persoon(vestigingsnummer="000012345678"),
    )

    v1 = naar_v1(klant)

    assert ("vestiging", {"vestigingsNummer": "000012345678"}) == (
        v1["subjectType"],
        v1["subjectIdentificatie"],
    )


def test_a_klant_without_website_is_written_with_the_website_given_for_all() -> None:
    zonder = Klant(
        uuid.UUID(int=5),
        "0363",
        "K5",
        Klantgegevens(),
        Identificatie.natuurlijk_persoon(bsn="111222333"),
    )
    met = Klant(
        uuid.UUID(int=6),
        "0363",
        "K6",
        Klantgegevens(website_url="https://jansen.example.nl"),
        Identificatie.natuurlijk_persoon(bsn="111222333"),
    )

    assert WEBSITE == naar_v1(zonder, website_url=WEBSITE)["websiteUrl"]
    assert WEBSITE == naar_v1(zonder, website_url=f"  {WEBSITE} ")["websiteUrl"]
    assert "https://jansen.example.nl" == naar_v1(met, website_url=WEBSITE)["websiteUrl"]


@pytest.mark.parametrize("website_url", [None, "", "   "])
def test_a_klant_without_website_is_refused_without_one_given_for_all(
    website_url: str | None,
) -> None:
    klant = Klant(
        uuid.UUID(int=5),
        "0363",
        "K5",
        identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
    )

    melding = weigering(klant, website_url=website_url)

    assert melding.startswith(f"klant {klant.id} past niet in dit formaat: website_url: ")
    assert "websiteUrl" in melding
    assert "--website-url" in melding


@pytest.mark.parametrize(
    "website_url", ["jansen.example.nl", "ftp://jansen.example.nl", "https://"]
)
def test_a_website_given_for_all_is_checked_as_a_klants_website(website_url: str) -> None:
    klant = Klant(
        uuid.UUID(int=5),
        "0363",
        "K5",
        identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
    )

    with pytest.raises(OngeldigeWaardeError) as fout:
        naar_v1(klant, website_url=website_url)

    assert "website_url" == fout.value.veld


def test_a_website_given_for_all_is_checked_before_any_klant_is_written() -> None:
    bestand = io.StringIO()

    with pytest.raises(OngeldigeWaardeError):
        klanten_v1.schrijf([], bestand, bronorganisatie=RSIN, website_url="geen url")


def test_a_zelfstandige_klant_cannot_be_created_on_a_v1_server() -> None:
    klant = Klant(
        uuid.UUID(int=5), "0363", "K5", Klantgegevens(achternaam="Jansen", website_url=WEBSITE)
    )

    assert (
        f"klant {klant.id} past niet in dit formaat: identificatie: Klanten API v1 vraagt een "
        "subject of subjectIdentificatie; een zelfstandige klant heeft geen van beide"
    ) == weigering(klant)


def test_a_zelfstandige_klant_is_written_as_a_response_without_subject() -> None:
    klant = Klant(
        uuid.UUID(int=5), "0363", "K5", Klantgegevens(achternaam="Jansen", website_url=WEBSITE)
    )

    assert {
        "bronorganisatie": RSIN,
        "klantnummer": "K5",
        "websiteUrl": WEBSITE,
        "achternaam": "Jansen",
        "subjectType": None,
    } == naar_v1(klant, vorm="antwoord")


@pytest.mark.parametrize(
    ("bron", "url"),
    [
        (f"{KLANTEN}/00000000-0000-0000-0000-000000000005", True),
        (f"{KLANTEN}/00000000-0000-0000-0000-000000000005/", True),
        (None, False),
        # The record of another klant, or not a v1 Klant: not this klant's url.
        (f"{KLANTEN}/00000000-0000-0000-0000-000000000006", False),
        (f"{PARTIJEN}/00000000-0000-0000-0000-000000000005", False),
    ],
)
def test_a_response_has_the_url_of_the_v1_klant_the_klant_came_from(
    bron: str | None, url: bool
) -> None:
    klant = Klant(
        uuid.UUID(int=5),
        "0363",
        "K5",
        Klantgegevens(website_url=WEBSITE),
        Identificatie.natuurlijk_persoon(bsn="111222333"),
        bron=bron,
    )

    antwoord = naar_v1(klant, vorm="antwoord")
    verzoek = naar_v1(klant)

    assert ({"url": bron} if url else {}) == {k: v for k, v in antwoord.items() if k == "url"}
    assert {k: v for k, v in antwoord.items() if k != "url"} == verzoek
    assert "url" not in verzoek
    assert "uuid" not in antwoord


@pytest.mark.parametrize(
    ("identificatie", "veld", "reden"),
    [
        (
            Identificatie.natuurlijk_persoon(buitenlands=("DE", "Melderegister", "X1")),
            "buitenlands",
            "Klanten API v1 kent geen buitenlands nummer",
        ),
        (
            Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"),
            "kvk_nummer",
            "Klanten API v1 heeft geen veld voor een KvK-nummer (innNnpId houdt een RSIN)",
        ),
        (
            Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938", rsin=RSIN),
            "kvk_nummer",
            "Klanten API v1 heeft geen veld voor een KvK-nummer (innNnpId houdt een RSIN); "
            "alleen de RSIN schrijven zou het KvK-nummer verliezen",
        ),
        (
            Identificatie.niet_natuurlijk_persoon(
                kvk_nummer="69046938", vestigingsnummer="000012345678"
            ),
            "kvk_nummer",
            "een v1-subject vestiging heeft alleen een vestigingsNummer; "
            "het kvk_nummer ernaast zou verloren gaan",
        ),
        (
            Identificatie.niet_natuurlijk_persoon(rsin=RSIN, vestigingsnummer="000012345678"),
            "rsin",
            "een v1-subject vestiging heeft alleen een vestigingsNummer; "
            "het rsin ernaast zou verloren gaan",
        ),
    ],
)
def test_an_identificatie_v1_cannot_hold_is_refused_naming_the_field(
    identificatie: Identificatie, veld: str, reden: str
) -> None:
    klant = Klant(uuid.UUID(int=5), "0363", "K5", Klantgegevens(website_url=WEBSITE), identificatie)

    assert f"klant {klant.id} past niet in dit formaat: {veld}: {reden}" == weigering(klant)


@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        (Klantgegevens(voorkeurstaal="nld"), "voorkeurstaal"),
        (Klantgegevens(voorletters="A.", voorkeurstaal="nld"), "voorletters, voorkeurstaal"),
        (
            Klantgegevens(adres=Adres(adresregel1="10 Downing Street", land="GB")),
            "adres.adresregel1",
        ),
    ],
)
def test_a_field_v1_lacks_is_refused_rather_than_dropped(
    gegevens: Klantgegevens, veld: str
) -> None:
    klant = Klant(
        uuid.UUID(int=5), "0363", "K5", gegevens, Identificatie.natuurlijk_persoon(bsn="111222333")
    )

    assert (
        f"klant {klant.id} past niet in dit formaat: {veld}: Klanten API v1 heeft er geen veld voor"
    ) == weigering(klant, website_url=WEBSITE)


@given(klanten())
def test_a_refusal_never_shows_a_full_number(klant: Klant) -> None:
    try:
        naar_v1(klant)
        melding = ""
    except FormaatError as fout:
        melding = str(fout)
    ident = klant.identificatie
    nummers = [] if ident is None else [ident.bsn, ident.a_nummer, ident.subject_url]
    assert [] == [n.waarde for n in nummers if n is not None and n.waarde in melding]


def test_a_page_holds_each_klant_as_a_v1_server_returns_it() -> None:
    persoon = Klant(
        uuid.UUID(int=5),
        "0363",
        "K5",
        Klantgegevens(voornaam="Anna"),
        Identificatie.natuurlijk_persoon(bsn="111222333"),
        bron=f"{KLANTEN}/00000000-0000-0000-0000-000000000005",
    )
    zelfstandig = Klant(
        uuid.UUID(int=6), "0363", "K6", Klantgegevens(website_url="https://anna.nl")
    )
    bestand = io.StringIO()

    assert 2 == schrijven_v1.schrijf_pagina(
        [persoon, zelfstandig],
        bestand,
        bronorganisatie=RSIN,
        website_url=WEBSITE,
        next=f"{KLANTEN}?page=2",
    )

    assert {
        "count": 2,
        "next": f"{KLANTEN}?page=2",
        "previous": None,
        "results": [
            {
                "url": f"{KLANTEN}/00000000-0000-0000-0000-000000000005",
                "bronorganisatie": RSIN,
                "klantnummer": "K5",
                "websiteUrl": WEBSITE,
                "voornaam": "Anna",
                "subjectType": "natuurlijk_persoon",
                "subjectIdentificatie": {"inpBsn": "111222333"},
            },
            {
                "bronorganisatie": RSIN,
                "klantnummer": "K6",
                "websiteUrl": "https://anna.nl",
                "subjectType": None,
            },
        ],
    } == json.loads(bestand.getvalue())


@pytest.mark.parametrize(
    ("opties", "veld"),
    [
        ({"next": "pagina 2"}, "next"),
        ({"previous": "ftp://klanten.example.nl/?page=1"}, "previous"),
        ({"count": 1}, "count"),
        ({"count": True}, "count"),
    ],
)
def test_a_page_refuses_what_a_list_response_cannot_hold(opties: dict[str, Any], veld: str) -> None:
    klanten_ = [
        Klant(
            uuid.UUID(int=i),
            "0363",
            f"K{i}",
            Klantgegevens(),
            Identificatie.natuurlijk_persoon(bsn="111222333"),
        )
        for i in (1, 2)
    ]

    with pytest.raises(OngeldigeWaardeError) as fout:
        schrijven_v1.schrijf_pagina(
            klanten_, io.StringIO(), bronorganisatie=RSIN, website_url=WEBSITE, **opties
        )

    assert veld == fout.value.veld


v1_klanten = met_bron(
    met_kenmerken_v1(klanten(st.none() | identificaties_v1, klantgegevens_v1, klantnummers_v1)),
    [KLANTEN, PARTIJEN],
)


@given(v1_klanten)
def test_every_klant_v1_can_hold_survives_the_round_trip(klant: Klant) -> None:
    v1 = json.loads(json.dumps(naar_v1(klant, website_url=WEBSITE, vorm="antwoord")))
    gelezen = klanten_v1.lees_klant(v1, gemeenten={RSIN: klant.gemeente})
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    # The klant's record is known by its url only when it came from a v1 Klant.
    van_v1 = klant.bron is not None and klant.bron.startswith(KLANTEN)
    assert (klant.gemeente, klant.klantnummer) == (
        gelezen.registratie.gemeente,
        gelezen.registratie.klantnummer,
    )
    assert ((klant.id, klant.bron) if van_v1 else (None, None)) == (
        gelezen.registratie.id,
        gelezen.registratie.bron,
    )
    website = klant.klantgegevens.website_url or WEBSITE
    assert (
        attrs.evolve(klant.klantgegevens, website_url=website) == gelezen.registratie.klantgegevens
    )
    assert klant.identificatie == gelezen.registratie.identificatie
    # v1 has no kenmerken: the soort persoon or organisatie and a geheimhouding of False it
    # can be written with are unsaid when read back.
    assert GEEN_KENMERKEN == gelezen.registratie.kenmerken


@given(st.lists(v1_klanten, max_size=5), st.sampled_from(["verzoek", "antwoord"]))
def test_a_written_file_holds_each_klant_on_its_line(lijst: list[Klant], vorm: Any) -> None:
    lijst = [k for k in lijst if vorm == "antwoord" or k.aangehaakt]
    bestand = io.StringIO()
    assert len(lijst) == klanten_v1.schrijf(
        lijst, bestand, bronorganisatie=RSIN, website_url=WEBSITE, vorm=vorm
    )
    regels = bestand.getvalue().splitlines()
    assert [naar_v1(k, website_url=WEBSITE, vorm=vorm) for k in lijst] == [
        json.loads(regel) for regel in regels
    ]
    bestand.seek(0)
    gelezen = list(klanten_v1.lees(bestand, gemeenten="0363"))
    assert [k.klantnummer for k in lijst] == [
        g.registratie.klantnummer for g in gelezen if g.registratie is not None
    ]


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


def test_a_subject_url_with_a_subject_type_but_no_numbers_is_an_aangehaakte_klant() -> None:
    url = "https://brp.example.nl/api/v1/ingeschrevenpersonen/1"
    record = {
        "subject": url,
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": ""},
    }
    gelezen = lees(record)
    assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
    assert gelezen.registratie is not None
    assert Identificatie.natuurlijk_persoon(subject_url=url) == gelezen.registratie.identificatie


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
