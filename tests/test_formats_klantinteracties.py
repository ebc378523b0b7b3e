"""Klantinteracties API: reading and writing Partij objects, and reporting what cannot be read."""

from __future__ import annotations

import contextlib
import io
import json
import uuid
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
from klantregister.formats import Gelezen, Probleemsoort, klantinteracties, schrijf_regels
from klantregister.testing import klanten
from strategies import (
    identificaties_partij_organisatie,
    identificaties_partij_persoon,
    klantgegevens_organisatie,
    klantgegevens_persoon,
)

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
            [kvk(uuid=KVK_UUID), vestiging(subIdentificatorVan={"uuid": str(uuid.UUID(int=7))})],
            "[1].subIdentificatorVan",
            Probleemsoort.FORMAAT,
        ),
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
        ({"nummer": "0000000042"}, "nummer", Probleemsoort.LENGTE),
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
        (
            {"digitaleAdressen": [{"uuid": "8a1b2c3d-0000-4000-8000-000000000001"}]},
            "digitaleAdressen[0]",
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


def test_writing_a_persoon_gives_the_klantinteracties_field_names() -> None:
    klant = Klant(
        uuid.UUID(int=5),
        "0363",
        "K5",
        Klantgegevens(
            voornaam="Anna",
            achternaam="Jansen",
            emailadres="anna@example.nl",
            website_url="https://jansen.example.nl",
            voorkeurstaal="nld",
        ),
        Identificatie.natuurlijk_persoon(bsn="111222333"),
    )
    partij = klantinteracties.naar_partij(klant)
    assert ("persoon", "K5", "nld", str(klant.id)) == (
        partij["soortPartij"],
        partij["nummer"],
        partij["voorkeurstaal"],
        partij["uuid"],
    )
    assert {
        "voorletters": "",
        "voornaam": "Anna",
        "voorvoegselAchternaam": "",
        "achternaam": "Jansen",
    } == partij["partijIdentificatie"]["contactnaam"]
    [identificator] = partij["partijIdentificatoren"]
    assert {
        "codeObjecttype": "natuurlijk_persoon",
        "codeSoortObjectId": "bsn",
        "objectId": "111222333",
        "codeRegister": "brp",
    } == identificator["partijIdentificator"]
    assert [("email", "anna@example.nl"), ("overig", "https://jansen.example.nl")] == [
        (d["soortDigitaalAdres"], d["adres"]) for d in partij["digitaleAdressen"]
    ]


def test_a_vestiging_is_written_under_its_kvk_identificator() -> None:
    klant = Klant(
        uuid.UUID(int=6),
        "0363",
        "K6",
        Klantgegevens(bedrijfsnaam="Jansen Bouw B.V."),
        Identificatie.niet_natuurlijk_persoon(
            kvk_nummer="69046938", vestigingsnummer="000012345678", rsin="002220647"
        ),
    )
    partij = klantinteracties.naar_partij(klant)
    assert ("organisatie", {"naam": "Jansen Bouw B.V."}) == (
        partij["soortPartij"],
        partij["partijIdentificatie"],
    )
    per_soort = {
        i["partijIdentificator"]["codeSoortObjectId"]: i for i in partij["partijIdentificatoren"]
    }
    assert {"kvk_nummer", "rsin", "vestigingsnummer"} == set(per_soort)
    assert {"uuid": per_soort["kvk_nummer"]["uuid"]} == per_soort["vestigingsnummer"][
        "subIdentificatorVan"
    ]
    assert per_soort["rsin"]["subIdentificatorVan"] is None
    assert partij == klantinteracties.naar_partij(klant)  # reproducible uuids


def test_a_vestiging_without_kvk_nummer_is_written_without_reference() -> None:
    klant = Klant(
        uuid.UUID(int=7),
        "0363",
        "K7",
        identificatie=Identificatie.niet_natuurlijk_persoon(vestigingsnummer="000012345678"),
    )
    [identificator] = klantinteracties.naar_partij(klant)["partijIdentificatoren"]
    assert identificator["subIdentificatorVan"] is None


@pytest.mark.parametrize(
    ("identificatie", "gegevens"),
    [
        (Identificatie.natuurlijk_persoon(a_nummer="1234567890"), Klantgegevens()),
        (
            Identificatie.natuurlijk_persoon(buitenlands=("DE", "Melderegister", "X1")),
            Klantgegevens(),
        ),
        (
            Identificatie.niet_natuurlijk_persoon(buitenlands=("GB", "Companies House", "X1")),
            Klantgegevens(),
        ),
        (None, Klantgegevens(functie="directeur")),
        (None, Klantgegevens(adres=Adres(postcode="1011 PN"))),
        (Identificatie.natuurlijk_persoon(bsn="111222333"), Klantgegevens(bedrijfsnaam="X")),
        (
            Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"),
            Klantgegevens(achternaam="Jansen"),
        ),
        (None, Klantgegevens(achternaam="Jansen", bedrijfsnaam="Jansen Bouw")),
    ],
)
def test_a_klant_a_partij_cannot_hold_is_refused_rather_than_cut(
    identificatie: Identificatie | None, gegevens: Klantgegevens
) -> None:
    klant = Klant(uuid.UUID(int=5), "0363", "K5", gegevens, identificatie)
    with pytest.raises(FormaatError, match="past niet in dit formaat"):
        klantinteracties.naar_partij(klant)


partij_klanten = klanten(
    st.none() | identificaties_partij_persoon, klantgegevens_persoon
) | klanten(st.none() | identificaties_partij_organisatie, klantgegevens_organisatie)


@given(partij_klanten)
def test_every_klant_a_partij_can_hold_survives_the_round_trip(klant: Klant) -> None:
    partij = json.loads(json.dumps(klantinteracties.naar_partij(klant)))
    gelezen = klantinteracties.lees_partij(partij, gemeenten=klant.gemeente)
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    assert (str(klant.id), klant.gemeente, klant.klantnummer) == (
        gelezen.id,
        gelezen.registratie.gemeente,
        gelezen.registratie.klantnummer,
    )
    assert klant.klantgegevens == gelezen.registratie.klantgegevens
    assert klant.identificatie == gelezen.registratie.identificatie


@given(st.lists(partij_klanten, max_size=5))
def test_a_written_file_reads_back_in_order(lijst: list[Klant]) -> None:
    bestand = io.StringIO()
    assert len(lijst) == klantinteracties.schrijf(lijst, bestand)
    bestand.seek(0)
    gelezen = list(klantinteracties.lees(bestand, gemeenten="0363"))
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
    for probleem in gelezen.problemen:
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
