"""Klantinteracties API: reading and writing Partij objects, and reporting what cannot be read."""

from __future__ import annotations

import contextlib
import io
import json
import uuid
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
    Kenmerken,
    Klant,
    Klantgegevens,
    KlantregisterError,
    OngeldigeWaardeError,
    Partijsoort,
    Subjectsoort,
)
from klantregister.formats import Gelezen, Probleemsoort, klantinteracties, schrijf_regels
from klantregister.formats.klantinteracties import schrijven as schrijven_partij
from klantregister.testing import klanten
from spec import verzoekfouten
from strategies import klanten_partij, met_bron

pytestmark = pytest.mark.unit

BASIS = "https://openklant.example.nl/klantinteracties/api/v1"
PARTIJ_UUID = "1b7e4d8c-1f3a-4e9b-8d5a-0c2e6f7a9b10"
KVK_UUID = "5c0f6e2d-7a1b-4c3d-9e8f-2a4b6c8d0e1f"


def _identificator(
    register: Any, objecttype: str, soort: str, object_id: Any, **extra: Any
) -> dict[str, Any]:
    return {
        "partijIdentificator": {
            "codeObjecttype": objecttype,
            "codeSoortObjectId": soort,
            "objectId": object_id,
            "codeRegister": register,
        },
        "subIdentificatorVan": None,
        **extra,
    }


def bsn(nummer: Any = "111222333", **extra: Any) -> dict[str, Any]:
    return _identificator("brp", "natuurlijk_persoon", "bsn", nummer, **extra)


def kvk(nummer: Any = "69046938", **extra: Any) -> dict[str, Any]:
    return _identificator("hr", "niet_natuurlijk_persoon", "kvk_nummer", nummer, **extra)


def rsin(nummer: Any = "002220647", **extra: Any) -> dict[str, Any]:
    return _identificator("hr", "niet_natuurlijk_persoon", "rsin", nummer, **extra)


def vestiging(nummer: Any = "000012345678", **extra: Any) -> dict[str, Any]:
    return _identificator("hr", "vestiging", "vestigingsnummer", nummer, **extra)


#: A persoon as Open Klant returns it (with expand=digitaleAdressen).
PERSOON: dict[str, Any] = {
    "uuid": PARTIJ_UUID,
    "url": f"{BASIS}/partijen/{PARTIJ_UUID}",
    "nummer": "0000042",
    "interneNotitie": "",
    "betrokkenen": [],
    "categorieRelaties": [],
    "digitaleAdressen": [
        {
            "uuid": "8a1b2c3d-0000-4000-8000-000000000001",
            "url": f"{BASIS}/digitaleadressen/8a1b2c3d-0000-4000-8000-000000000001",
            "verstrektDoorPartij": {"uuid": PARTIJ_UUID},
            "soortDigitaalAdres": "email",
            "adres": "anna@Example.NL",
            "omschrijving": "privé",
        },
        {
            "uuid": "8a1b2c3d-0000-4000-8000-000000000002",
            "soortDigitaalAdres": "telefoonnummer",
            "adres": "020 123 4567",
            "omschrijving": "thuis",
        },
        {
            "uuid": "8a1b2c3d-0000-4000-8000-000000000003",
            "soortDigitaalAdres": "overig",
            "adres": "https://jansen.example.nl",
            "omschrijving": "website",
        },
    ],
    "voorkeursDigitaalAdres": None,
    "rekeningnummers": [],
    "voorkeursRekeningnummer": None,
    "partijIdentificatoren": [
        bsn(
            uuid="2d3e4f5a-0000-4000-8000-000000000001",
            identificeerdePartij={"uuid": PARTIJ_UUID},
        )
    ],
    "soortPartij": "persoon",
    "indicatieGeheimhouding": False,
    "voorkeurstaal": "nld",
    "indicatieActief": True,
    "bezoekadres": None,
    "correspondentieadres": None,
    "partijIdentificatie": {
        "contactnaam": {
            "voorletters": "A.M.",
            "voornaam": "Anna",
            "voorvoegselAchternaam": "van",
            "achternaam": "Jansen",
        }
    },
}

#: An organisatie with its KvK-nummer and a vestiging under it.
ORGANISATIE: dict[str, Any] = {
    "uuid": "3f4a5b6c-0000-4000-8000-000000000009",
    "nummer": "0000043",
    "soortPartij": "organisatie",
    "voorkeurstaal": "",
    "partijIdentificatie": {"naam": "Jansen Bouw B.V."},
    "digitaleAdressen": [
        {"soortDigitaalAdres": "email", "adres": "info@jansenbouw.nl", "omschrijving": ""}
    ],
    "partijIdentificatoren": [
        kvk(uuid=KVK_UUID, url=f"{BASIS}/partijidentificatoren/{KVK_UUID}"),
        vestiging(subIdentificatorVan={"uuid": KVK_UUID}),
    ],
}

#: A contactpersoon: someone acting for an organisation, known by name only.
CONTACTPERSOON: dict[str, Any] = {
    "uuid": "4a5b6c7d-0000-4000-8000-000000000010",
    "soortPartij": "contactpersoon",
    "partijIdentificatie": {
        "contactnaam": {"voorletters": "P.", "voornaam": "Piet", "achternaam": "de Vries"},
        "werkteVoorPartij": {"uuid": "3f4a5b6c-0000-4000-8000-000000000009"},
    },
    "digitaleAdressen": [{"soortDigitaalAdres": "telefoonnummer", "adres": "06 12345678"}],
    "partijIdentificatoren": [],
}


def lees(record: object) -> Gelezen:
    return klantinteracties.lees_partij(record, gemeenten="0363")


def problemen(record: object) -> list[tuple[str, Probleemsoort]]:
    return [(p.veld, p.soort) for p in lees(record).problemen]


def met(basis: dict[str, Any], **wijziging: Any) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(json.dumps(basis))
    record.update(wijziging)
    return record


# --- reading ---------------------------------------------------------------------------


def test_a_persoon_is_read_with_every_field() -> None:
    gelezen = lees(PERSOON)
    registratie = gelezen.registratie
    assert registratie is not None
    assert (PARTIJ_UUID, "0000042", Gemeentecode("0363")) == (
        gelezen.id,
        registratie.klantnummer,
        registratie.gemeente,
    )
    assert (
        Klantgegevens(
            voorletters="A.M.",
            voornaam="Anna",
            voorvoegsel_achternaam="van",
            achternaam="Jansen",
            emailadres="anna@example.nl",
            telefoonnummer="020 123 4567",
            website_url="https://jansen.example.nl",
            voorkeurstaal="nld",
        )
        == registratie.klantgegevens
    )
    assert Identificatie.natuurlijk_persoon(bsn="111222333") == registratie.identificatie


@pytest.mark.parametrize(
    "verwijzing",
    [
        {"uuid": KVK_UUID},
        {"url": f"{BASIS}/partijidentificatoren/{KVK_UUID}"},
        {"uuid": KVK_UUID.upper(), "url": f"{BASIS}/partijidentificatoren/{KVK_UUID}"},
        KVK_UUID,
        f"{BASIS}/partijidentificatoren/{KVK_UUID}",
    ],
)
def test_an_organisatie_with_a_vestiging_under_its_kvk_nummer_is_read(verwijzing: object) -> None:
    record = met(ORGANISATIE)
    record["partijIdentificatoren"][1]["subIdentificatorVan"] = verwijzing
    registratie = lees(record).registratie
    assert registratie is not None
    assert (
        Identificatie.niet_natuurlijk_persoon(
            kvk_nummer="69046938", vestigingsnummer="000012345678"
        )
        == registratie.identificatie
    )
    assert (
        Klantgegevens(bedrijfsnaam="Jansen Bouw B.V.", emailadres="info@jansenbouw.nl")
        == registratie.klantgegevens
    )


def test_a_kvk_reference_by_url_matches_an_identificator_known_by_uuid() -> None:
    record = met(ORGANISATIE)
    del record["partijIdentificatoren"][0]["url"]
    record["partijIdentificatoren"][1]["subIdentificatorVan"] = {
        "url": f"{BASIS}/partijidentificatoren/{KVK_UUID}/"
    }
    assert [] == problemen(record)


def test_a_vestiging_on_its_own_and_an_rsin_are_read() -> None:
    record = met(ORGANISATIE, partijIdentificatoren=[vestiging(), rsin()])
    registratie = lees(record).registratie
    assert registratie is not None
    assert (
        Identificatie.niet_natuurlijk_persoon(rsin="002220647", vestigingsnummer="000012345678")
        == registratie.identificatie
    )


def test_a_contactpersoon_is_read_as_a_zelfstandige_klant_by_name() -> None:
    registratie = lees(CONTACTPERSOON).registratie
    assert registratie is not None
    assert registratie.identificatie is None
    assert (
        Klantgegevens(
            voorletters="P.", voornaam="Piet", achternaam="de Vries", telefoonnummer="06 12345678"
        )
        == registratie.klantgegevens
    )


def test_a_contactpersoon_with_a_bsn_is_a_natural_person() -> None:
    registratie = lees(met(CONTACTPERSOON, partijIdentificatoren=[bsn()])).registratie
    assert registratie is not None
    assert Identificatie.natuurlijk_persoon(bsn="111222333") == registratie.identificatie


def test_the_same_number_given_twice_is_read_once() -> None:
    registratie = lees(met(PERSOON, partijIdentificatoren=[bsn(), bsn("111.222.333")]))
    assert registratie.registratie is not None


def test_the_same_digitaal_adres_given_twice_is_read_once() -> None:
    adres = {"soortDigitaalAdres": "email", "adres": "a@b.nl"}
    assert [] == problemen(met(PERSOON, digitaleAdressen=[adres, adres]))


def test_the_gemeente_is_one_code_for_all_partijen() -> None:
    with pytest.raises(FormaatError, match="geen gemeente opgegeven"):
        klantinteracties.lees(io.StringIO("[]"))
    with pytest.raises(FormaatError, match="geen bronorganisatie"):
        klantinteracties.lees(io.StringIO("[]"), gemeenten={"002220647": "0363"})
    gelezen = klantinteracties.lees_partij(PERSOON, gemeenten="GM0599")
    assert gelezen.registratie is not None
    assert Gemeentecode("0599") == gelezen.registratie.gemeente


_PI = "partijIdentificatoren"


@pytest.mark.parametrize(
    ("identificatoren", "veld", "soort"),
    [
        (
            [_identificator("brk", "natuurlijk_persoon", "bsn", "111222333")],
            "[0].partijIdentificator.codeRegister",
            Probleemsoort.CODE,
        ),
        (
            [_identificator("brp", "ingezetene", "bsn", "111222333")],
            "[0].partijIdentificator.codeObjecttype",
            Probleemsoort.CODE,
        ),
        (
            [_identificator("brp", "natuurlijk_persoon", "a_nummer", "1234567890")],
            "[0].partijIdentificator.codeSoortObjectId",
            Probleemsoort.CODE,
        ),
        (
            [_identificator(None, "natuurlijk_persoon", "bsn", "111222333")],
            "[0].partijIdentificator.codeRegister",
            Probleemsoort.TYPE,
        ),
        (
            [_identificator("hr", "natuurlijk_persoon", "bsn", "111222333")],
            "[0].partijIdentificator",
            Probleemsoort.CODE,
        ),
        (
            [_identificator("brp", "natuurlijk_persoon", "kvk_nummer", "69046938")],
            "[0].partijIdentificator",
            Probleemsoort.CODE,
        ),
        (
            [_identificator("overig", "natuurlijk_persoon", "overig", "DE-X1")],
            "[0].partijIdentificator",
            Probleemsoort.NIET_OVER_TE_NEMEN,
        ),
        ([bsn("111222334")], "[0].partijIdentificator.objectId", Probleemsoort.CONTROLEGETAL),
        ([bsn("1112223334")], "[0].partijIdentificator.objectId", Probleemsoort.LENGTE),
        ([bsn(111222333)], "[0].partijIdentificator.objectId", Probleemsoort.TYPE),
        ([bsn("")], "[0].partijIdentificator.objectId", Probleemsoort.FORMAAT),
        ([bsn(), kvk()], "[1].partijIdentificator", Probleemsoort.REGEL_3),
        ([bsn(), vestiging()], "[1].partijIdentificator", Probleemsoort.REGEL_3),
        (
            [bsn(), bsn("123456782")],
            "[1].partijIdentificator.objectId",
            Probleemsoort.NIET_OVER_TE_NEMEN,
        ),
        (["111222333"], "[0]", Probleemsoort.TYPE),
        (
            [{"uuid": "2d3e4f5a-0000-4000-8000-000000000001"}],
            "[0].partijIdentificator",
            Probleemsoort.NIET_OVER_TE_NEMEN,
        ),
        ([{"partijIdentificator": "bsn"}], "[0].partijIdentificator", Probleemsoort.TYPE),
    ],
)
def test_an_identificator_problem_of_a_persoon_is_reported_with_its_position(
    identificatoren: list[Any], veld: str, soort: Probleemsoort
) -> None:
    assert [(f"{_PI}{veld}", soort)] == problemen(
        met(PERSOON, partijIdentificatoren=identificatoren)
    )


@pytest.mark.parametrize(
    ("identificatoren", "veld", "soort"),
    [
        ([kvk(), bsn()], "[1].partijIdentificator", Probleemsoort.REGEL_3),
        ([kvk("1234567")], "[0].partijIdentificator.objectId", Probleemsoort.LENGTE),
        ([rsin("002220648")], "[0].partijIdentificator.objectId", Probleemsoort.CONTROLEGETAL),
        (
            [rsin(uuid=KVK_UUID), vestiging(subIdentificatorVan={"uuid": KVK_UUID})],
            "[1].subIdentificatorVan",
            Probleemsoort.FORMAAT,
        ),
        (
            [kvk(uuid=KVK_UUID), vestiging(subIdentificatorVan=42)],
            "[1].subIdentificatorVan",
            Probleemsoort.FORMAAT,
        ),
        (
            [kvk(uuid=KVK_UUID), rsin(subIdentificatorVan={"uuid": KVK_UUID})],
            "[1].subIdentificatorVan",
            Probleemsoort.FORMAAT,
        ),
        (
            [kvk(), kvk("12345678")],
            "[1].partijIdentificator.objectId",
            Probleemsoort.NIET_OVER_TE_NEMEN,
        ),
    ],
)
def test_an_identificator_problem_of_an_organisatie_is_reported_with_its_position(
    identificatoren: list[Any], veld: str, soort: Probleemsoort
) -> None:
    record = met(ORGANISATIE, partijIdentificatoren=identificatoren)
    assert [(f"{_PI}{veld}", soort)] == problemen(record)


@pytest.mark.parametrize(
    ("wijziging", "veld", "soort"),
    [
        ({"soortPartij": None}, "soortPartij", Probleemsoort.FORMAAT),
        ({"soortPartij": "natuurlijk_persoon"}, "soortPartij", Probleemsoort.CODE),
        ({"partijIdentificatoren": {"bsn": "111222333"}}, _PI, Probleemsoort.TYPE),
        ({"nummer": "00000000042"}, "nummer", Probleemsoort.LENGTE),
        ({"nummer": "00 42"}, "nummer", Probleemsoort.FORMAAT),
        ({"voorkeurstaal": "xyz"}, "voorkeurstaal", Probleemsoort.CODE),
        ({"voorkeurstaal": "nl"}, "voorkeurstaal", Probleemsoort.FORMAAT),
        ({"partijIdentificatie": "Anna"}, "partijIdentificatie", Probleemsoort.TYPE),
        (
            {"partijIdentificatie": {"contactnaam": ["Anna"]}},
            "partijIdentificatie.contactnaam",
            Probleemsoort.TYPE,
        ),
        (
            {"partijIdentificatie": {"contactnaam": {"voorvoegselAchternaam": "van der van den"}}},
            "partijIdentificatie.contactnaam.voorvoegselAchternaam",
            Probleemsoort.LENGTE,
        ),
        (
            {"partijIdentificatie": {"contactnaam": {"voornaam": 7}}},
            "partijIdentificatie.contactnaam.voornaam",
            Probleemsoort.TYPE,
        ),
        ({"digitaleAdressen": "anna@example.nl"}, "digitaleAdressen", Probleemsoort.TYPE),
        (
            {"digitaleAdressen": [{"soortDigitaalAdres": "email", "adres": "geen adres"}]},
            "digitaleAdressen[0].adres",
            Probleemsoort.FORMAAT,
        ),
        (
            {"digitaleAdressen": [{"soortDigitaalAdres": "fax", "adres": "020 1234567"}]},
            "digitaleAdressen[0].soortDigitaalAdres",
            Probleemsoort.CODE,
        ),
        (
            {"digitaleAdressen": [{"soortDigitaalAdres": "email", "adres": ""}]},
            "digitaleAdressen[0].adres",
            Probleemsoort.FORMAAT,
        ),
        (
            {"digitaleAdressen": [{"soortDigitaalAdres": "overig", "adres": "@anna"}]},
            "digitaleAdressen[0].adres",
            Probleemsoort.NIET_OVER_TE_NEMEN,
        ),
        (
            {
                "digitaleAdressen": [
                    {"soortDigitaalAdres": "email", "adres": "a@b.nl"},
                    {"soortDigitaalAdres": "telefoonnummer", "adres": "06 1"},
                    {"soortDigitaalAdres": "email", "adres": "c@d.nl"},
                ]
            },
            "digitaleAdressen[2].adres",
            Probleemsoort.NIET_OVER_TE_NEMEN,
        ),
        ({"digitaleAdressen": [None]}, "digitaleAdressen[0]", Probleemsoort.TYPE),
        (
            {"digitaleAdressen": [{"soortDigitaalAdres": ["email"], "adres": "a@b.nl"}]},
            "digitaleAdressen[0].soortDigitaalAdres",
            Probleemsoort.TYPE,
        ),
    ],
)
def test_every_other_problem_is_reported_by_field(
    wijziging: dict[str, Any], veld: str, soort: Probleemsoort
) -> None:
    assert [(veld, soort)] == problemen(met(PERSOON, **wijziging))


def test_every_problem_of_a_partij_is_reported_not_only_the_first() -> None:
    record = met(
        PERSOON,
        voorkeurstaal="xyz",
        partijIdentificatoren=[bsn("1"), kvk()],
        digitaleAdressen=[{"soortDigitaalAdres": "email", "adres": "x"}],
    )
    assert {
        "voorkeurstaal",
        "digitaleAdressen[0].adres",
        f"{_PI}[0].partijIdentificator.objectId",
        f"{_PI}[1].partijIdentificator",
    } == {veld for veld, _ in problemen(record)}


def test_a_partij_without_soort_takes_its_kind_from_the_first_identificator() -> None:
    record = met(PERSOON, soortPartij="", partijIdentificatoren=[bsn(), kvk()])
    assert [
        ("soortPartij", Probleemsoort.FORMAAT),
        (f"{_PI}[1].partijIdentificator", Probleemsoort.REGEL_3),
    ] == problemen(record)


def test_the_identificatie_read_is_kept_beside_other_problems() -> None:
    gelezen = lees(met(PERSOON, voorkeurstaal="xyz"))
    if not hasattr(gelezen, "identificatie"):
        pytest.skip("Gelezen has no identificatie field yet")
    assert Identificatie.natuurlijk_persoon(bsn="111222333") == gelezen.identificatie


def test_a_record_that_is_not_an_object_is_reported() -> None:
    assert [("record", Probleemsoort.TYPE)] == problemen([PERSOON])


def test_a_problem_message_never_shows_a_full_bsn() -> None:
    for identificatoren in (
        [bsn("111222334")],
        [bsn("1112223334")],
        [bsn(), bsn("123456782")],
        [kvk(), bsn()],
        [_identificator("brp", "natuurlijk_persoon", "111222333", "111222333")],
        [_identificator("overig", "overig", "overig", "111222333")],
    ):
        for probleem in lees(met(PERSOON, partijIdentificatoren=identificatoren)).problemen:
            assert "111222" not in str(probleem)
            assert "123456" not in str(probleem)


def test_a_file_reports_each_partij_at_its_position() -> None:
    regels = io.StringIO()
    schrijf_regels([PERSOON, met(PERSOON, partijIdentificatoren=[bsn("1")]), 7], regels)
    regels.seek(0)
    gelezen = list(klantinteracties.lees(regels, gemeenten="0363", naam="partijen.jsonl"))
    assert [(1, 1, True), (2, 2, False), (3, 3, False)] == [
        (g.positie, g.regel, g.geldig) for g in gelezen
    ]


def test_an_api_page_of_partijen_is_read() -> None:
    pagina = {
        "count": 3,
        "next": None,
        "previous": None,
        "results": [PERSOON, ORGANISATIE, CONTACTPERSOON],
    }
    gelezen = list(klantinteracties.lees(io.BytesIO(json.dumps(pagina).encode()), gemeenten="0363"))
    assert [True, True, True] == [g.geldig for g in gelezen]


# --- writing ---------------------------------------------------------------------------


#: Where the records came from: the Partijen of Open Klant, the Klanten of a v1 server.
PARTIJEN = f"{BASIS}/partijen"
KLANTEN = "https://klanten.example.nl/api/v1/klanten"
ANDER_UUID = "2d3e4f5a-0000-4000-8000-000000000001"


def _uuid5(klant: Klant, wat: str) -> str:
    """The uuid the writer gives a resource of the klant: uuid5 of its id and the kind."""
    return str(uuid.uuid5(klant.id, wat))


def weigering(klant: Klant, **opties: Any) -> str:
    """The message of the FormaatError the Partij writer refuses the klant with."""
    with pytest.raises(FormaatError) as fout:
        klantinteracties.naar_partij(klant, **opties)
    return str(fout.value)


def _identificator_codes(
    register: str, objecttype: str, soort: str, object_id: str
) -> dict[str, str]:
    return {
        "codeObjecttype": objecttype,
        "codeSoortObjectId": soort,
        "objectId": object_id,
        "codeRegister": register,
    }


BSN_CODES = _identificator_codes("brp", "natuurlijk_persoon", "bsn", "111222333")
KVK_CODES = _identificator_codes("hr", "niet_natuurlijk_persoon", "kvk_nummer", "69046938")
RSIN_CODES = _identificator_codes("hr", "niet_natuurlijk_persoon", "rsin", "002220647")
VESTIGING_CODES = _identificator_codes("hr", "vestiging", "vestigingsnummer", "000012345678")

ANNA = Klant(
    uuid.UUID(int=5),
    "0363",
    "12345",
    Klantgegevens(
        voornaam="Anna",
        voorvoegsel_achternaam="van",
        achternaam="Jansen",
        emailadres="anna@example.nl",
        telefoonnummer="06-12345678",
        website_url="https://jansen.example.nl",
        voorkeurstaal="nld",
    ),
    Identificatie.natuurlijk_persoon(bsn="111222333"),
)
JANSEN_BOUW = Klant(
    uuid.UUID(int=6),
    "0363",
    "K6",
    Klantgegevens(bedrijfsnaam="Jansen Bouw B.V."),
    Identificatie.niet_natuurlijk_persoon(
        kvk_nummer="69046938", vestigingsnummer="000012345678", rsin="002220647"
    ),
)


def test_writing_a_persoon_gives_the_body_of_a_create() -> None:
    assert {
        "nummer": "12345",
        "partijIdentificatoren": [{"partijIdentificator": BSN_CODES}],
        "soortPartij": "persoon",
        "voorkeurstaal": "nld",
        "indicatieActief": True,
        "partijIdentificatie": {
            "contactnaam": {
                "voornaam": "Anna",
                "voorvoegselAchternaam": "van",
                "achternaam": "Jansen",
            }
        },
    } == klantinteracties.naar_partij(ANNA)


def test_the_digitale_adressen_are_the_bodies_of_their_own_creates() -> None:
    assert [
        {
            "verstrektDoorPartij": {"uuid": PARTIJ_UUID},
            "adres": "anna@example.nl",
            "soortDigitaalAdres": "email",
            "omschrijving": "e-mail",
        },
        {
            "verstrektDoorPartij": {"uuid": PARTIJ_UUID},
            "adres": "0612345678",
            "soortDigitaalAdres": "telefoonnummer",
            "omschrijving": "telefoon",
        },
        {
            "verstrektDoorPartij": {"uuid": PARTIJ_UUID},
            "adres": "https://jansen.example.nl",
            "soortDigitaalAdres": "overig",
            "omschrijving": "website",
        },
    ] == schrijven_partij.digitale_adressen(ANNA, partij_uuid=uuid.UUID(PARTIJ_UUID))
    assert [None, None, None] == [
        a["verstrektDoorPartij"] for a in schrijven_partij.digitale_adressen(ANNA)
    ]
    assert [] == schrijven_partij.digitale_adressen(JANSEN_BOUW, partij_uuid=PARTIJ_UUID)


def test_writing_a_persoon_as_open_klant_returns_it() -> None:
    klant = attrs.evolve(ANNA, bron=f"{PARTIJEN}/{ANNA.id}")
    partij = {"uuid": str(klant.id), "url": f"{PARTIJEN}/{klant.id}"}

    def adres(soort: str, waarde: str, omschrijving: str) -> dict[str, Any]:
        eigen = _uuid5(klant, f"digitaalAdres/{soort}")
        return {
            "uuid": eigen,
            "url": f"{BASIS}/digitaleadressen/{eigen}",
            "verstrektDoorPartij": partij,
            "adres": waarde,
            "soortDigitaalAdres": soort,
            "omschrijving": omschrijving,
        }

    adressen = [
        adres("email", "anna@example.nl", "e-mail"),
        adres("telefoonnummer", "0612345678", "telefoon"),
        adres("overig", "https://jansen.example.nl", "website"),
    ]
    bsn_uuid = _uuid5(klant, "partijIdentificator/bsn")

    assert {
        **partij,
        "nummer": "12345",
        "betrokkenen": [],
        "categorieRelaties": [],
        "digitaleAdressen": [{"uuid": a["uuid"], "url": a["url"]} for a in adressen],
        "vertegenwoordigden": [],
        "partijIdentificatoren": [
            {
                "uuid": bsn_uuid,
                "url": f"{BASIS}/partij-identificatoren/{bsn_uuid}",
                "identificeerdePartij": partij,
                "partijIdentificator": BSN_CODES,
            }
        ],
        "soortPartij": "persoon",
        "voorkeurstaal": "nld",
        "indicatieActief": True,
        "partijIdentificatie": {
            "contactnaam": {
                "voornaam": "Anna",
                "voorvoegselAchternaam": "van",
                "achternaam": "Jansen",
            },
            "volledigeNaam": "Anna van Jansen",
        },
        "_expand": {"digitaleAdressen": adressen},
    } == klantinteracties.naar_partij(klant, vorm="antwoord")


def test_a_vestiging_comes_after_the_create_under_its_kvk_identificator() -> None:
    assert [{"partijIdentificator": KVK_CODES}, {"partijIdentificator": RSIN_CODES}] == (
        klantinteracties.naar_partij(JANSEN_BOUW)["partijIdentificatoren"]
    )
    assert [
        {
            "identificeerdePartij": {"uuid": PARTIJ_UUID},
            "partijIdentificator": VESTIGING_CODES,
            "subIdentificatorVan": {"uuid": KVK_UUID},
        }
    ] == schrijven_partij.partij_identificatoren(
        JANSEN_BOUW, partij_uuid=PARTIJ_UUID, kvk_uuid=uuid.UUID(KVK_UUID)
    )


def test_a_klant_without_vestiging_needs_no_identificator_after_the_create() -> None:
    assert [] == schrijven_partij.partij_identificatoren(ANNA, partij_uuid=PARTIJ_UUID)


def test_a_vestiging_cannot_come_after_the_create_without_its_kvk_identificator() -> None:
    with pytest.raises(FormaatError) as fout:
        schrijven_partij.partij_identificatoren(JANSEN_BOUW, partij_uuid=PARTIJ_UUID)

    assert str(fout.value).startswith(
        f"klant {JANSEN_BOUW.id} past niet in dit formaat: vestigingsnummer: "
    )
    assert "kvk_uuid" in str(fout.value)


@pytest.mark.parametrize(("veld", "waarde"), [("partij_uuid", "partij 1"), ("kvk_uuid", "1")])
def test_the_uuids_a_body_points_to_are_checked(veld: str, waarde: str) -> None:
    argumenten = {"partij_uuid": PARTIJ_UUID, "kvk_uuid": KVK_UUID, veld: waarde}

    with pytest.raises(OngeldigeWaardeError) as fout:
        schrijven_partij.partij_identificatoren(JANSEN_BOUW, **argumenten)

    assert veld == fout.value.veld


def test_a_vestiging_is_written_in_a_response_under_its_kvk_identificator() -> None:
    partij = klantinteracties.naar_partij(JANSEN_BOUW, vorm="antwoord", basis_url=f"{BASIS}/")
    kvk_uuid = _uuid5(JANSEN_BOUW, "partijIdentificator/kvk_nummer")

    assert ("organisatie", {"naam": "Jansen Bouw B.V."}) == (
        partij["soortPartij"],
        partij["partijIdentificatie"],
    )
    assert [
        (KVK_CODES, None),
        (RSIN_CODES, None),
        (VESTIGING_CODES, {"uuid": kvk_uuid, "url": f"{BASIS}/partij-identificatoren/{kvk_uuid}"}),
    ] == [
        (i["partijIdentificator"], i.get("subIdentificatorVan"))
        for i in partij["partijIdentificatoren"]
    ]
    assert partij == klantinteracties.naar_partij(JANSEN_BOUW, vorm="antwoord", basis_url=BASIS)


def test_a_vestiging_without_kvk_nummer_is_refused() -> None:
    klant = Klant(
        uuid.UUID(int=7),
        "0363",
        "K7",
        identificatie=Identificatie.niet_natuurlijk_persoon(
            vestigingsnummer="000012345678", rsin="002220647"
        ),
    )

    assert (
        f"klant {klant.id} past niet in dit formaat: vestigingsnummer: Open Klant neemt een "
        "vestigingsnummer alleen aan onder het KvK-nummer van de organisatie "
        "(subIdentificatorVan), en de klant heeft geen KvK-nummer"
    ) == weigering(klant)


@pytest.mark.parametrize(
    ("telefoonnummer", "geschreven"),
    [
        ("0201234567", "0201234567"),
        ("020-1234567", "0201234567"),
        ("020 123 4567", "0201234567"),
        ("020.123.4567", "0201234567"),
        ("(020) 123 4567", "0201234567"),
        ("(0)20 1234567", "0201234567"),
        ("06-12345678", "0612345678"),
        ("06 12 34 56 78", "0612345678"),
        ("+31 20 123 4567", "+31201234567"),
        ("+31 (0)20 123 4567", "+31201234567"),
        ("+31(0)6-12345678", "+31612345678"),
        ("+31 (0) 6 1234 5678", "+31612345678"),
        ("+44 20 7946 0958", "+442079460958"),
        ("0031 (0)20 1234567", "0031201234567"),
        ("0031 20 1234567", "0031201234567"),
        ("+1 (212) 555-0123", "+12125550123"),
    ],
)
def test_a_telephone_number_is_written_as_open_klant_takes_it(
    telefoonnummer: str, geschreven: str
) -> None:
    klant = Klant(uuid.UUID(int=5), "0363", "K5", Klantgegevens(telefoonnummer=telefoonnummer))

    [adres] = schrijven_partij.digitale_adressen(klant)
    partij = klantinteracties.naar_partij(klant, vorm="antwoord", basis_url=BASIS)

    assert geschreven == adres["adres"]
    assert [geschreven] == [a["adres"] for a in partij["_expand"]["digitaleAdressen"]]
    assert telefoonnummer == klant.klantgegevens.telefoonnummer  # the register keeps it as given


@pytest.mark.parametrize(
    ("telefoonnummer", "getoond"),
    [
        ("0800 1234", "'**** *234'"),  # 8 digits: Open Klant takes no 0800, 0900 or 14xxx
        ("14020", "'14020'"),
        ("020 123 456", "'*** *** 456'"),  # 9 digits
        ("06 123456789", "'** ******789'"),  # 11 digits
        ("020/1234567", "'***/****567'"),  # a / is not dropped
        ("+31 20 12", "'+** *0 12'"),  # + and 6 digits
        ("00 31 20", "'** *1 20'"),  # 00 and 4 digits
        ("+31 2", "'+31 2'"),  # + and 3 digits: too short to be masked
    ],
)
def test_a_telephone_number_open_klant_does_not_take_is_refused(
    telefoonnummer: str, getoond: str
) -> None:
    klant = Klant(uuid.UUID(int=5), "0363", "K5", Klantgegevens(telefoonnummer=telefoonnummer))

    verwacht = (
        f"klant {klant.id} past niet in dit formaat: telefoonnummer: Open Klant neemt "
        f"{getoond} niet aan: het neemt 0 en 9 cijfers, + en 9 tot 15 cijfers, of 00 en 7 tot "
        "13 cijfers (spaties, -, ., haakjes en een (0) na de landcode weggelaten)"
    )
    assert verwacht == weigering(klant)
    assert verwacht == weigering(klant, vorm="antwoord", basis_url=BASIS)
    with pytest.raises(FormaatError) as fout:
        schrijven_partij.digitale_adressen(klant)
    assert verwacht == str(fout.value)


@pytest.mark.parametrize(
    ("klantnummer", "nummer"),
    [
        ("12345", "12345"),
        ("0000042", "0000042"),
        ("12345678", "12345678"),
        ("K5", None),
        ("12-34", None),
        ("١٢٣", None),  # digits, but not 0-9: Open Klant wants an integer
    ],
)
def test_the_klantnummer_is_the_nummer_only_when_it_is_an_integer(
    klantnummer: str, nummer: str | None
) -> None:
    klant = Klant(uuid.UUID(int=5), "0363", klantnummer)

    for vorm in ("verzoek", "antwoord"):
        partij = klantinteracties.naar_partij(klant, vorm=vorm, basis_url=BASIS)
        assert nummer == partij.get("nummer", None)
        assert nummer is not None or "nummer" not in partij


@pytest.mark.parametrize(
    ("bron", "basis_url", "url"),
    [
        (f"{PARTIJEN}/00000000-0000-0000-0000-000000000005", None, PARTIJEN),
        (f"{PARTIJEN}/00000000-0000-0000-0000-000000000005", "https://elders.nl/api", PARTIJEN),
        (f"{KLANTEN}/00000000-0000-0000-0000-000000000005", BASIS, PARTIJEN),
        (f"{PARTIJEN}/{ANDER_UUID}", "https://elders.nl/api/", "https://elders.nl/api/partijen"),
        (None, "https://elders.nl/api", "https://elders.nl/api/partijen"),
    ],
)
def test_a_response_has_the_url_of_the_partij_the_klant_came_from_else_one_on_basis_url(
    bron: str | None, basis_url: str | None, url: str
) -> None:
    klant = Klant(uuid.UUID(int=5), "0363", "K5", Klantgegevens(emailadres="a@b.nl"), bron=bron)

    partij = klantinteracties.naar_partij(klant, vorm="antwoord", basis_url=basis_url)

    basis = url.removesuffix("/partijen")
    [adres] = partij["_expand"]["digitaleAdressen"]
    assert (str(klant.id), f"{url}/{klant.id}") == (partij["uuid"], partij["url"])
    assert f"{basis}/digitaleadressen/{adres['uuid']}" == adres["url"]
    assert [{"uuid": str(klant.id), "url": f"{url}/{klant.id}"}] == [adres["verstrektDoorPartij"]]


@pytest.mark.parametrize("bron", [None, f"{KLANTEN}/00000000-0000-0000-0000-000000000005"])
def test_a_response_without_a_url_for_the_partij_is_refused(bron: str | None) -> None:
    klant = Klant(uuid.UUID(int=5), "0363", "K5", bron=bron)

    melding = weigering(klant, vorm="antwoord")

    assert melding.startswith(f"klant {klant.id} past niet in dit formaat: bron: ")
    assert "basis_url" in melding


@pytest.mark.parametrize(
    "basis_url", ["openklant.example.nl", f"{BASIS}?x=1", f"{BASIS}#top", "https://"]
)
def test_a_basis_url_is_checked_before_any_klant_is_written(basis_url: str) -> None:
    with pytest.raises(OngeldigeWaardeError) as fout:
        klantinteracties.schrijf([], io.StringIO(), vorm="antwoord", basis_url=basis_url)

    assert "basis_url" == fout.value.veld


def test_a_request_never_holds_what_the_server_sets() -> None:
    klant = attrs.evolve(JANSEN_BOUW, bron=f"{PARTIJEN}/{JANSEN_BOUW.id}")

    partij = klantinteracties.naar_partij(klant)

    assert set() == {"uuid", "url", "digitaleAdressen", "_expand"} & set(partij)
    assert [["partijIdentificator"], ["partijIdentificator"]] == [
        list(i) for i in partij["partijIdentificatoren"]
    ]


@pytest.mark.parametrize(
    ("identificatie", "gegevens", "reden"),
    [
        (
            Identificatie.natuurlijk_persoon(a_nummer="1234567890"),
            Klantgegevens(),
            "a_nummer: Klantinteracties kent geen registercode voor een A-nummer",
        ),
        (
            Identificatie.natuurlijk_persoon(buitenlands=("DE", "Melderegister", "X1")),
            Klantgegevens(),
            "buitenlands: Klantinteracties kent geen registercode voor een buitenlands nummer",
        ),
        (
            Identificatie.niet_natuurlijk_persoon(buitenlands=("GB", "Companies House", "X1")),
            Klantgegevens(),
            "buitenlands: Klantinteracties kent geen registercode voor een buitenlands nummer",
        ),
        (None, Klantgegevens(functie="directeur"), "functie: een Partij heeft er geen veld voor"),
        (
            None,
            Klantgegevens(adres=Adres(huisnummer=1, huisletter="A", postcode="1011 PN")),
            "adres.huisletter: een Partij-adres heeft geen huisletter (in de "
            "huisnummertoevoeging is die niet meer van de toevoeging te onderscheiden)",
        ),
        (
            None,
            Klantgegevens(adres=Adres(huisnummer=0, postcode="1011 PN")),
            "adres.huisnummer: Open Klant neemt huisnummer 1-99999",
        ),
        (
            None,
            Klantgegevens(adres=Adres(postcode="B-2000", woonplaatsnaam="Antwerpen", land="BE")),
            "adres.postcode: een Partij-adres heeft alleen een Nederlandse postcode (1234 AB); "
            "een buitenlandse past in een adresregel",
        ),
        (
            None,
            Klantgegevens(adres=Adres(woonplaatsnaam="Prishtina", land="5105")),
            "adres.land: 5105 heeft geen ISO 3166-1-code, die een Partij-adres vraagt",
        ),
        (
            None,
            Klantgegevens(adres=Adres(woonplaatsnaam="Georgetown", land="5055")),
            "adres.land: 5055 deelt de ISO 3166-1-code SH met een ander land; een Partij-adres "
            "zou het niet meer van dat land onderscheiden",
        ),
        (
            None,
            Klantgegevens(correspondentieadres=Adres(huisnummer=1, huisletter="A")),
            "correspondentieadres.huisletter: een Partij-adres heeft geen huisletter (in de "
            "huisnummertoevoeging is die niet meer van de toevoeging te onderscheiden)",
        ),
        (
            Identificatie.natuurlijk_persoon(bsn="111222333"),
            Klantgegevens(bedrijfsnaam="X"),
            "bedrijfsnaam: een persoon heeft geen bedrijfsnaam",
        ),
        (
            Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"),
            Klantgegevens(voorletters="J.", achternaam="Jansen"),
            "voorletters, achternaam: een organisatie heeft geen contactnaam",
        ),
        (
            None,
            Klantgegevens(achternaam="Jansen", bedrijfsnaam="Jansen Bouw", functie="directeur"),
            "functie: een Partij heeft er geen veld voor; "
            "bedrijfsnaam: een persoon heeft geen bedrijfsnaam",
        ),
        (
            None,
            Klantgegevens(emailadres=f"{'a' * 64}@{'b' * 13}.nl"),
            "emailadres: 81 tekens, een digitaal adres houdt er ten hoogste 80",
        ),
        (
            None,
            Klantgegevens(website_url=f"https://{'w' * 70}.nl/"),
            "website_url: 82 tekens, een digitaal adres houdt er ten hoogste 80",
        ),
    ],
)
def test_a_klant_a_partij_cannot_hold_is_refused_naming_the_field(
    identificatie: Identificatie | None, gegevens: Klantgegevens, reden: str
) -> None:
    klant = Klant(uuid.UUID(int=5), "0363", "K5", gegevens, identificatie)

    verwacht = f"klant {klant.id} past niet in dit formaat: {reden}"
    assert verwacht == weigering(klant)
    assert verwacht == weigering(klant, vorm="antwoord", basis_url=BASIS)


def test_a_digitaal_adres_of_the_longest_length_open_klant_takes_is_written() -> None:
    emailadres = f"{'a' * 64}@{'b' * 12}.nl"
    klant = Klant(uuid.UUID(int=5), "0363", "K5", Klantgegevens(emailadres=emailadres))

    assert [(80, emailadres)] == [
        (len(a["adres"]), a["adres"]) for a in schrijven_partij.digitale_adressen(klant)
    ]


@given(klanten())
def test_a_refusal_never_shows_a_full_number(klant: Klant) -> None:
    try:
        klantinteracties.naar_partij(klant)
        melding = ""
    except FormaatError as fout:
        melding = str(fout)
    ident = klant.identificatie
    nummers = [klant.klantgegevens.telefoonnummer]
    if ident is not None:
        nummers += [n.waarde for n in (ident.bsn, ident.a_nummer) if n is not None]
    assert [] == [n for n in nummers if n is not None and n in melding]


partij_klanten = met_bron(klanten_partij, [PARTIJEN, KLANTEN])


def _zoals_open_klant(telefoonnummer: str | None) -> str | None:
    """The number as Open Klant takes it, by the rule the module documents."""
    if telefoonnummer is None:
        return None
    kaal = "".join(teken for teken in telefoonnummer if teken not in " -.")
    for begin in ("+", "00"):
        for lengte in (1, 2, 3):
            landcode = kaal[len(begin) : len(begin) + lengte]
            if (
                kaal.startswith(begin)
                and landcode.isdigit()
                and kaal[len(begin) + lengte :].startswith("(0)")
            ):
                kaal = kaal[: len(begin) + lengte] + kaal[len(begin) + lengte + 3 :]
    return kaal.replace("(", "").replace(")", "")


def _verwacht(klant: Klant) -> Klantgegevens:
    """The klantgegevens a Partij of the klant reads back as."""
    gegevens = klant.klantgegevens
    return attrs.evolve(gegevens, telefoonnummer=_zoals_open_klant(gegevens.telefoonnummer))


def _verwachte_kenmerken(klant: Klant) -> Kenmerken:
    """The kenmerken a Partij of the klant reads back as: its own, with the soort of Partij
    it was written as when it had none (by the rule the writer documents)."""
    kenmerken = klant.kenmerken
    if kenmerken.soort is not None:
        return kenmerken
    ident, gegevens = klant.identificatie, klant.klantgegevens
    if ident is not None:
        organisatie = ident.soort is Subjectsoort.NIET_NATUURLIJK_PERSOON
    else:
        namen = (
            gegevens.voorletters,
            gegevens.voornaam,
            gegevens.voorvoegsel_achternaam,
            gegevens.achternaam,
        )
        organisatie = gegevens.bedrijfsnaam is not None and namen == (None,) * 4
    return attrs.evolve(
        kenmerken, soort=Partijsoort.ORGANISATIE if organisatie else Partijsoort.PERSOON
    )


def _gelezen_antwoord(partij: dict[str, Any], gemeente: Gemeentecode) -> Gelezen:
    """A Partij response read as the reader reads a Partij with its digitale adressen."""
    uitgebreid = json.loads(json.dumps(partij))
    uitgebreid["digitaleAdressen"] = uitgebreid.pop("_expand")["digitaleAdressen"]
    return klantinteracties.lees_partij(uitgebreid, gemeenten=gemeente)


@given(partij_klanten)
def test_every_klant_a_partij_can_hold_survives_the_round_trip(klant: Klant) -> None:
    partij = klantinteracties.naar_partij(klant, vorm="antwoord", basis_url=BASIS)
    gelezen = _gelezen_antwoord(partij, klant.gemeente)
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    van_partij = klant.bron is not None and klant.bron.startswith(PARTIJEN)
    assert (klant.id, klant.bron if van_partij else f"{PARTIJEN}/{klant.id}") == (
        gelezen.registratie.id,
        gelezen.registratie.bron,
    )
    nummer = (
        klant.klantnummer if klant.klantnummer.isascii() and klant.klantnummer.isdigit() else None
    )
    assert (klant.gemeente, nummer) == (
        gelezen.registratie.gemeente,
        gelezen.registratie.klantnummer,
    )
    assert _verwacht(klant) == gelezen.registratie.klantgegevens
    assert klant.identificatie == gelezen.registratie.identificatie
    assert _verwachte_kenmerken(klant) == gelezen.registratie.kenmerken


@given(partij_klanten, st.uuids(), st.uuids())
def test_a_create_and_the_requests_after_it_hold_the_whole_klant(
    klant: Klant, partij_uuid: uuid.UUID, kvk_uuid: uuid.UUID
) -> None:
    """What Open Klant holds after the three steps, read back: nothing is lost."""
    partij = klantinteracties.naar_partij(klant)
    identificatoren = partij["partijIdentificatoren"]
    for identificator in identificatoren:  # the uuids the server gives them
        if identificator["partijIdentificator"]["codeSoortObjectId"] == "kvk_nummer":
            identificator["uuid"] = str(kvk_uuid)
    identificatoren += schrijven_partij.partij_identificatoren(
        klant, partij_uuid=partij_uuid, kvk_uuid=kvk_uuid
    )
    partij["digitaleAdressen"] = schrijven_partij.digitale_adressen(klant, partij_uuid=partij_uuid)

    gelezen = klantinteracties.lees_partij(partij, gemeenten=klant.gemeente)

    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    assert _verwacht(klant) == gelezen.registratie.klantgegevens
    assert klant.identificatie == gelezen.registratie.identificatie
    assert _verwachte_kenmerken(klant) == gelezen.registratie.kenmerken


@given(st.lists(partij_klanten, max_size=5), st.sampled_from(["verzoek", "antwoord"]))
def test_a_written_file_holds_each_klant_on_its_line(lijst: list[Klant], vorm: Any) -> None:
    bestand = io.StringIO()
    assert len(lijst) == klantinteracties.schrijf(lijst, bestand, vorm=vorm, basis_url=BASIS)
    assert [klantinteracties.naar_partij(k, vorm=vorm, basis_url=BASIS) for k in lijst] == [
        json.loads(regel) for regel in bestand.getvalue().splitlines()
    ]


def test_a_page_holds_each_partij_as_open_klant_returns_it() -> None:
    bestand = io.StringIO()

    assert 2 == schrijven_partij.schrijf_pagina(
        [ANNA, JANSEN_BOUW], bestand, previous=f"{PARTIJEN}?page=1", count=12, basis_url=BASIS
    )

    pagina = json.loads(bestand.getvalue())
    assert (12, None, f"{PARTIJEN}?page=1") == (pagina["count"], pagina["next"], pagina["previous"])
    assert [f"{PARTIJEN}/{ANNA.id}", f"{PARTIJEN}/{JANSEN_BOUW.id}"] == [
        p["url"] for p in pagina["results"]
    ]
    assert [
        klantinteracties.naar_partij(k, vorm="antwoord", basis_url=BASIS)
        for k in (ANNA, JANSEN_BOUW)
    ] == pagina["results"]


# --- hostile input ---------------------------------------------------------------------

json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda kinderen: (
        st.lists(kinderen, max_size=3) | st.dictionaries(st.text(max_size=10), kinderen, max_size=3)
    ),
    max_leaves=15,
)
_VELDEN = [
    *PERSOON,
    *PERSOON["digitaleAdressen"][0],
    *PERSOON["partijIdentificatoren"][0],
    *PERSOON["partijIdentificatoren"][0]["partijIdentificator"],
    *PERSOON["partijIdentificatie"]["contactnaam"],
    "naam",
    "contactnaam",
]


def _objecten(waarde: object) -> list[dict[str, Any]]:
    """Every object in a JSON value, the value itself first."""
    if isinstance(waarde, dict):
        return [waarde, *(o for w in waarde.values() for o in _objecten(w))]
    if isinstance(waarde, list):
        return [o for w in waarde for o in _objecten(w)]
    return []


@st.composite
def vijandige_partijen(draw: st.DrawFn) -> dict[str, Any]:
    """A Partij with fields replaced by values of any type, in any place, at any depth."""
    record = met(draw(st.sampled_from([PERSOON, ORGANISATIE, CONTACTPERSOON])))
    for _ in range(draw(st.integers(1, 5))):
        doel = draw(st.sampled_from(_objecten(record)))
        doel[draw(st.sampled_from(_VELDEN))] = draw(json_waarden)
    return record


@given(vijandige_partijen())
def test_wrongly_typed_fields_are_reported_never_raised(record: dict[str, Any]) -> None:
    gelezen = lees(record)
    assert (gelezen.registratie is None) == bool(gelezen.problemen)
    for probleem in (*gelezen.problemen, *gelezen.opmerkingen):
        assert "111222" not in str(probleem)


@given(json_waarden)
def test_any_json_value_is_reported_never_raised(waarde: object) -> None:
    gelezen = lees(waarde)
    assert (gelezen.registratie is None) == bool(gelezen.problemen)


@given(st.lists(vijandige_partijen(), max_size=3), st.data())
def test_truncated_or_hostile_files_raise_only_the_librarys_errors(
    records: list[dict[str, Any]], data: st.DataObject
) -> None:
    tekst = json.dumps({"count": len(records), "results": records}).encode()
    tekst = tekst[: data.draw(st.integers(0, len(tekst)))]
    tekst += data.draw(st.binary(max_size=10))
    with contextlib.suppress(KlantregisterError):
        list(klantinteracties.lees(io.BytesIO(tekst), gemeenten="0363"))


@given(st.binary(max_size=200))
def test_random_bytes_raise_only_the_librarys_errors(tekst: bytes) -> None:
    with contextlib.suppress(KlantregisterError):
        list(klantinteracties.lees(io.BytesIO(tekst), gemeenten="0363"))


def test_an_oversized_value_is_reported_as_a_problem() -> None:
    record = met(PERSOON, partijIdentificatie={"contactnaam": {"achternaam": "x" * 100_000}})
    assert [("partijIdentificatie.contactnaam.achternaam", Probleemsoort.LENGTE)] == problemen(
        record
    )


# --- the klant's address as the Partij's bezoekadres ----------------------------------


@pytest.mark.parametrize(
    ("adres", "bezoekadres"),
    [
        (
            Adres(
                straatnaam="Amstel",
                huisnummer=1,
                huisnummertoevoeging="2",
                postcode="1011pn",
                woonplaatsnaam="Amsterdam",
                land="6030",
            ),
            {
                "straatnaam": "Amstel",
                "huisnummer": 1,
                "huisnummertoevoeging": "2",
                "postcode": "1011 PN",
                "stad": "Amsterdam",
                "land": "NL",
            },
        ),
        (
            Adres(
                adresregel1="Meir 1",
                adresregel2="2000 Antwerpen",
                woonplaatsnaam="Antwerpen",
                land="5010",
            ),
            {
                "adresregel1": "Meir 1",
                "adresregel2": "2000 Antwerpen",
                "stad": "Antwerpen",
                "land": "BE",
            },
        ),
    ],
)
def test_the_address_is_written_as_the_bezoekadres_in_both_forms(
    adres: Adres, bezoekadres: dict[str, object]
) -> None:
    klant = Klant(uuid.UUID(int=9), "0363", "9", Klantgegevens(voornaam="An", adres=adres))
    verzoek = klantinteracties.naar_partij(klant)
    antwoord = klantinteracties.naar_partij(
        klant, vorm="antwoord", basis_url="https://openklant.example.nl/klantinteracties/api/v1"
    )
    assert (bezoekadres, bezoekadres) == (verzoek["bezoekadres"], antwoord["bezoekadres"])
    assert [] == verzoekfouten("klantinteracties", "post", "/partijen", verzoek)
