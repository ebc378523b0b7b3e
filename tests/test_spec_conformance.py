"""The published OpenAPI documents as the oracle: what the writers write, validated against them.

First the oracle's own tests, proving it refuses what the documents refuse
(tests/spec.py says how it reads them); then the writers' output for any klant
their format can hold, in every form they write it: a create request (v1
``Klant``, Open Klant's ``Partij`` and the ``DigitaalAdres`` and
``PartijIdentificator`` bodies sent after it), a server's response (v1 ``Klant``,
``ExpandPartij``) and a page of the list: each valid against the schema of its
request or response, with no member the schema does not declare, and keeping the
rules the servers enforce beyond their schema.
"""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, Phase, given, reject, settings
from hypothesis import strategies as st
from referencing.exceptions import Unresolvable

from klantregister import FormaatError, Klant
from klantregister.formats import klanten_v1, klantinteracties
from klantregister.formats.klanten_v1 import schrijven as schrijven_v1
from klantregister.formats.klantinteracties import schrijven as schrijven_partij
from klantregister.testing import klanten
from spec import (
    FORMATEN,
    antwoordfouten,
    document,
    fouten,
    onbekende_velden,
    paginafouten,
    regelfouten,
    verzoekfouten,
)
from strategies import (
    identificaties_partij_organisatie,
    identificaties_partij_persoon,
    identificaties_v1,
    klanten_partij,
    klantgegevens_organisatie,
    klantgegevens_persoon,
    klantgegevens_v1,
    klantnummers_v1,
    met_bron,
    met_kenmerken_v1,
)

pytestmark = pytest.mark.unit

RSIN = "002220647"
KLANTEN = "https://klanten.example.nl/api/v1/klanten"
BASIS = "https://openklant.example.nl/klantinteracties/api/v1"
PARTIJ_UUID = "1b7e4d8c-1f3a-4e9b-8d5a-0c2e6f7a9b10"
KVK_UUID = "5c0f6e2d-7a1b-4c3d-9e8f-2a4b6c8d0e1f"
RSIN_UUID = "2d3e4f5a-0000-4000-8000-000000000001"
ADRES_UUID = "8a1b2c3d-0000-4000-8000-000000000001"

#: The least a v1 Klant holds: its three required members.
V1_KLANT: dict[str, Any] = {
    "bronorganisatie": RSIN,
    "klantnummer": "K0001",
    "websiteUrl": "https://jansen.example.nl",
}

#: The least a Partij create request holds.
PARTIJ: dict[str, Any] = {"soortPartij": "persoon", "indicatieActief": True}

#: A Partij as Open Klant returns it: every required member, the readOnly ones too.
PARTIJ_ANTWOORD: dict[str, Any] = {
    "uuid": PARTIJ_UUID,
    "url": f"{BASIS}/partijen/{PARTIJ_UUID}",
    "nummer": "1234",
    "betrokkenen": [],
    "categorieRelaties": [],
    "vertegenwoordigden": [],
    "digitaleAdressen": [{"uuid": ADRES_UUID, "url": f"{BASIS}/digitaleadressen/{ADRES_UUID}"}],
    "voorkeursDigitaalAdres": None,
    "rekeningnummers": [],
    "voorkeursRekeningnummer": None,
    "partijIdentificatoren": [],
    "soortPartij": "persoon",
    "indicatieGeheimhouding": None,
    "voorkeurstaal": "nld",
    "indicatieActief": True,
    "bezoekadres": None,
    "correspondentieadres": None,
    "partijIdentificatie": {
        "contactnaam": {"voornaam": "Anna", "achternaam": "Jansen"},
        "volledigeNaam": "Anna Jansen",
    },
}

#: A DigitaalAdres as Open Klant returns it.
DIGITAAL_ADRES: dict[str, Any] = {
    "uuid": ADRES_UUID,
    "url": f"{BASIS}/digitaleadressen/{ADRES_UUID}",
    "verstrektDoorBetrokkene": None,
    "verstrektDoorPartij": {"uuid": PARTIJ_UUID, "url": f"{BASIS}/partijen/{PARTIJ_UUID}"},
    "adres": "anna@example.nl",
    "soortDigitaalAdres": "email",
    "isStandaardAdres": True,
    "omschrijving": "privé",
    "verificatieDatum": None,
}


def kvk(**extra: Any) -> dict[str, Any]:
    return {
        "uuid": KVK_UUID,
        "partijIdentificator": {
            "codeObjecttype": "niet_natuurlijk_persoon",
            "codeSoortObjectId": "kvk_nummer",
            "objectId": "69046938",
            "codeRegister": "hr",
        },
        **extra,
    }


def vestiging(**extra: Any) -> dict[str, Any]:
    return {
        "partijIdentificator": {
            "codeObjecttype": "vestiging",
            "codeSoortObjectId": "vestigingsnummer",
            "objectId": "000012345678",
            "codeRegister": "hr",
        },
        **extra,
    }


# --- the oracle refuses what the Klanten API v1 refuses ----------------------------------


def test_the_least_v1_klant_is_valid_both_ways() -> None:
    assert [] == fouten("klanten_v1", "Klant", V1_KLANT, richting="verzoek")
    assert [] == fouten("klanten_v1", "Klant", V1_KLANT, richting="antwoord")


@pytest.mark.parametrize(
    ("wijziging", "verwacht"),
    [
        ({"subject": ""}, ["$.subject: '' is not a 'uri'"]),
        ({"subject": "geen url"}, ["$.subject: 'geen url' is not a 'uri'"]),
        ({"emailadres": ""}, ["$.emailadres: '' is not a 'email'"]),
        ({"emailadres": "anna"}, ["$.emailadres: 'anna' is not a 'email'"]),
        (
            {"subjectType": ""},
            [
                "$.subjectType: '' is not one of "
                "['natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging']"
            ],
        ),
        (
            {"websiteUrl": ""},
            ["$.websiteUrl: '' is not a 'uri'", "$.websiteUrl: '' should be non-empty"],
        ),
        ({"klantnummer": "K00000001"}, ["$.klantnummer: 'K00000001' is too long"]),
        ({"bronorganisatie": ""}, ["$.bronorganisatie: '' should be non-empty"]),
        (
            {"adres": {"huisnummer": 100000}},
            ["$.adres.huisnummer: 100000 is greater than the maximum of 99999"],
        ),
        ({"adres": {"landcode": "06030"}}, ["$.adres.landcode: '06030' is too long"]),
        (
            {"voorvoegselAchternaam": None},
            [
                "$.voorvoegselAchternaam: None for not nullable",
                "$.voorvoegselAchternaam: None is not of type 'string'",
            ],
        ),
    ],
)
def test_a_v1_klant_the_schema_refuses_is_refused(
    wijziging: dict[str, Any], verwacht: list[str]
) -> None:
    assert verwacht == fouten("klanten_v1", "Klant", {**V1_KLANT, **wijziging}, richting="verzoek")


@pytest.mark.parametrize("lid", ["bronorganisatie", "klantnummer", "websiteUrl"])
def test_a_v1_klant_without_a_required_member_is_refused(lid: str) -> None:
    klant = {naam: waarde for naam, waarde in V1_KLANT.items() if naam != lid}

    assert [f"$: {lid!r} is a required property"] == fouten(
        "klanten_v1", "Klant", klant, richting="verzoek"
    )


@pytest.mark.parametrize("lid", ["subjectType", "adres"])
def test_a_nullable_v1_member_may_be_null(lid: str) -> None:
    assert [] == fouten("klanten_v1", "Klant", {**V1_KLANT, lid: None}, richting="verzoek")


@pytest.mark.parametrize(
    ("subject_type", "subject_identificatie", "verwacht"),
    [
        (
            "natuurlijk_persoon",
            {"inpANummer": ""},
            ["$.subjectIdentificatie.inpANummer: '' does not match '^[1-9][0-9]{9}$'"],
        ),
        (
            "natuurlijk_persoon",
            {"inpBsn": "1112223330"},
            ["$.subjectIdentificatie.inpBsn: '1112223330' is too long"],
        ),
        (
            "natuurlijk_persoon",
            {"geslachtsaanduiding": "x"},
            ["$.subjectIdentificatie.geslachtsaanduiding: 'x' is not one of ['m', 'v', 'o']"],
        ),
        (
            "niet_natuurlijk_persoon",
            {"innNnpId": "0022206470"},
            ["$.subjectIdentificatie.innNnpId: '0022206470' is too long"],
        ),
        (
            "vestiging",
            {"vestigingsNummer": 12345678},
            ["$.subjectIdentificatie.vestigingsNummer: 12345678 is not of type 'string'"],
        ),
        (
            "vestiging",
            {"verblijfsadres": {"aoaIdentificatie": "0363200000000001"}},
            [
                "$.subjectIdentificatie.verblijfsadres: 'gorOpenbareRuimteNaam' is a "
                "required property"
            ],
        ),
        ("natuurlijk_persoon", {"inpANummer": "1234567890", "inpBsn": "111222333"}, []),
        # Without a subjectType nothing says which subjectIdentificatie it is.
        (None, {"inpANummer": ""}, []),
    ],
)
def test_a_subject_identificatie_is_validated_as_its_subject_type_says(
    subject_type: str | None, subject_identificatie: dict[str, Any], verwacht: list[str]
) -> None:
    klant = {
        **V1_KLANT,
        "subjectType": subject_type,
        "subjectIdentificatie": subject_identificatie,
    }

    assert verwacht == fouten("klanten_v1", "Klant", klant, richting="verzoek")


def test_a_v1_url_is_refused_in_a_request_and_accepted_in_a_response() -> None:
    klant = {**V1_KLANT, "url": f"{KLANTEN}/{PARTIJ_UUID}"}

    assert [f"$.url: Tried to write read-only property with {KLANTEN}/{PARTIJ_UUID}"] == fouten(
        "klanten_v1", "Klant", klant, richting="verzoek"
    )
    assert [] == fouten("klanten_v1", "Klant", klant, richting="antwoord")


def test_the_v1_create_request_is_a_klant() -> None:
    assert [] == verzoekfouten("klanten_v1", "post", "/klanten", V1_KLANT)
    assert ["$.emailadres: '' is not a 'email'"] == verzoekfouten(
        "klanten_v1", "post", "/klanten", {**V1_KLANT, "emailadres": ""}
    )


def test_a_v1_page_is_valid_with_every_klant_on_it() -> None:
    pagina = {
        "count": 2,
        "next": f"{KLANTEN}?page=2",
        "previous": None,
        "results": [{**V1_KLANT, "url": f"{KLANTEN}/{PARTIJ_UUID}"}, V1_KLANT],
    }

    assert [] == paginafouten("klanten_v1", pagina)


def test_a_v1_page_reports_each_fault_at_its_place() -> None:
    pagina = {
        "next": "",
        "results": [
            V1_KLANT,
            {
                **V1_KLANT,
                "subjectType": "natuurlijk_persoon",
                "subjectIdentificatie": {"inpANummer": "1"},
            },
        ],
    }

    assert [
        "$: 'count' is a required property",
        "$.next: '' is not a 'uri'",
        "$.results[1].subjectIdentificatie.inpANummer: '1' does not match '^[1-9][0-9]{9}$'",
    ] == paginafouten("klanten_v1", pagina)


# --- the oracle refuses what Open Klant's Klantinteracties API refuses --------------------


def test_the_least_partij_create_request_is_valid() -> None:
    assert [] == fouten("klantinteracties", "Partij", PARTIJ, richting="verzoek")
    assert [] == verzoekfouten("klantinteracties", "post", "/partijen", PARTIJ)


def test_a_partij_as_open_klant_returns_it_is_a_valid_response() -> None:
    assert [] == fouten("klantinteracties", "Partij", PARTIJ_ANTWOORD, richting="antwoord")
    assert [] == antwoordfouten(
        "klantinteracties", "post", "/partijen", PARTIJ_ANTWOORD, status="201"
    )


def test_the_readonly_members_of_a_partij_are_refused_in_a_request() -> None:
    assert [
        "$.betrokkenen: Tried to write read-only property with []",
        "$.categorieRelaties: Tried to write read-only property with []",
        f"$.digitaleAdressen[0].url: Tried to write read-only property with "
        f"{BASIS}/digitaleadressen/{ADRES_UUID}",
        "$.partijIdentificatie.volledigeNaam: Tried to write read-only property with Anna Jansen",
        f"$.url: Tried to write read-only property with {BASIS}/partijen/{PARTIJ_UUID}",
        f"$.uuid: Tried to write read-only property with {PARTIJ_UUID}",
        "$.vertegenwoordigden: Tried to write read-only property with []",
    ] == fouten("klantinteracties", "Partij", PARTIJ_ANTWOORD, richting="verzoek")


@pytest.mark.parametrize("lid", ["uuid", "url", "betrokkenen"])
def test_a_partij_response_without_a_readonly_required_member_is_refused(lid: str) -> None:
    partij = {naam: waarde for naam, waarde in PARTIJ_ANTWOORD.items() if naam != lid}

    assert [f"$: {lid!r} is a required property"] == fouten(
        "klantinteracties", "Partij", partij, richting="antwoord"
    )


@pytest.mark.parametrize(
    ("wijziging", "verwacht"),
    [
        ({"nummer": "12345678901"}, ["$.nummer: '12345678901' is too long"]),
        ({"voorkeurstaal": "nede"}, ["$.voorkeurstaal: 'nede' is too long"]),
        (
            {"indicatieActief": None},
            [
                "$.indicatieActief: None for not nullable",
                "$.indicatieActief: None is not of type 'boolean'",
            ],
        ),
        ({"digitaleAdressen": [{}]}, ["$.digitaleAdressen[0]: 'uuid' is a required property"]),
        (
            {"digitaleAdressen": [{"uuid": "geen-uuid"}]},
            ["$.digitaleAdressen[0].uuid: 'geen-uuid' is not a 'uuid'"],
        ),
        (
            {"bezoekadres": {"postcode": "1011pn"}},
            ["$.bezoekadres.postcode: '1011pn' does not match '^[1-9][0-9]{3} [A-Z]{2}$'"],
        ),
        (
            {"correspondentieadres": {"land": "NLD"}},
            ["$.correspondentieadres.land: 'NLD' is too long"],
        ),
        (
            {"bezoekadres": {"huisnummer": 0}},
            ["$.bezoekadres.huisnummer: 0 is less than the minimum of 1"],
        ),
        (
            {"partijIdentificatoren": [{"partijIdentificator": {"codeRegister": "kvk"}}]},
            [
                "$.partijIdentificatoren[0].partijIdentificator: 'codeObjecttype' is a required "
                "property",
                "$.partijIdentificatoren[0].partijIdentificator: 'codeSoortObjectId' is a "
                "required property",
                "$.partijIdentificatoren[0].partijIdentificator: 'objectId' is a required property",
                "$.partijIdentificatoren[0].partijIdentificator.codeRegister: 'kvk' is not one "
                "of ['brp', 'hr']",
            ],
        ),
        (
            {"soortPartij": "organisatie", "partijIdentificatie": {"naam": "x" * 201}},
            [f"$.partijIdentificatie.naam: '{'x' * 201}' is too long"],
        ),
        (
            {"soortPartij": "klant"},
            [
                "$: {'soortPartij': 'klant', 'indicatieActief': True} reference "
                "'#/components/schemas/klant' could not be resolved"
            ],
        ),
    ],
)
def test_a_partij_the_schema_refuses_is_refused(
    wijziging: dict[str, Any], verwacht: list[str]
) -> None:
    assert verwacht == fouten(
        "klantinteracties", "Partij", {**PARTIJ, **wijziging}, richting="verzoek"
    )


def test_a_partij_without_soort_partij_is_refused() -> None:
    assert [
        "$: {'indicatieActief': True} does not contain discriminating property 'soortPartij'"
    ] == fouten("klantinteracties", "Partij", {"indicatieActief": True}, richting="verzoek")


@pytest.mark.parametrize(
    "lid",
    ["bezoekadres", "correspondentieadres", "voorkeursDigitaalAdres", "digitaleAdressen", "nummer"],
)
def test_a_nullable_partij_member_may_be_null_also_beside_an_all_of(lid: str) -> None:
    assert [] == fouten("klantinteracties", "Partij", {**PARTIJ, lid: None}, richting="verzoek")


def test_an_open_klant_page_is_valid_with_each_partij_and_its_expand() -> None:
    pagina = {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [{**PARTIJ_ANTWOORD, "_expand": {"digitaleAdressen": [DIGITAAL_ADRES]}}],
    }

    assert [] == paginafouten("klantinteracties", pagina)


def test_an_open_klant_page_reports_each_fault_at_its_place() -> None:
    adres = {naam: waarde for naam, waarde in DIGITAAL_ADRES.items() if naam != "adres"}
    pagina = {
        "count": 2,
        "results": [
            {**PARTIJ_ANTWOORD, "_expand": {"digitaleAdressen": [adres]}},
            {**PARTIJ_ANTWOORD, "voorkeurstaal": "dutch"},
        ],
    }

    assert [
        "$.results[0]['_expand'].digitaleAdressen[0]: 'adres' is a required property",
        "$.results[1].voorkeurstaal: 'dutch' is too long",
    ] == paginafouten("klantinteracties", pagina)


@pytest.mark.parametrize(
    ("spec", "schema", "waarde", "verwacht"),
    [
        (
            "klantinteracties",
            "DigitaalAdres",
            {**DIGITAAL_ADRES, "uuid": "1"},
            "$.uuid: '1' is not a 'uuid'",
        ),
        (
            "klantinteracties",
            "DigitaalAdres",
            {**DIGITAAL_ADRES, "url": "partij 1"},
            "$.url: 'partij 1' is not a 'uri'",
        ),
        (
            "klantinteracties",
            "DigitaalAdres",
            {**DIGITAAL_ADRES, "verificatieDatum": "2024-02-30"},
            "$.verificatieDatum: '2024-02-30' is not a 'date'",
        ),
        (
            "klanten_v1",
            "AuditTrail",
            {
                "bron": "kc",
                "actie": "create",
                "resultaat": 201,
                "hoofdObject": f"{KLANTEN}/{PARTIJ_UUID}",
                "resource": "klant",
                "resourceUrl": f"{KLANTEN}/{PARTIJ_UUID}",
                "resourceWeergave": "K0001",
                "wijzigingen": {"oud": {}, "nieuw": {}},
                "aanmaakdatum": "2024-02-01 12:00",
            },
            "$.aanmaakdatum: '2024-02-01 12:00' is not a 'date-time'",
        ),
        (
            "klanten_v1",
            "Klant",
            {**V1_KLANT, "emailadres": "anna.example.nl"},
            "$.emailadres: 'anna.example.nl' is not a 'email'",
        ),
    ],
)
def test_every_format_the_documents_use_is_checked(
    spec: Any, schema: str, waarde: dict[str, Any], verwacht: str
) -> None:
    assert [verwacht] == fouten(spec, schema, waarde, richting="antwoord")


def test_the_formats_checked_are_all_the_documents_use() -> None:
    def formaten(knoop: object) -> set[str]:
        if isinstance(knoop, dict):
            eigen = {knoop["format"]} if isinstance(knoop.get("format"), str) else set()
            return eigen.union(*(formaten(waarde) for waarde in knoop.values()))
        if isinstance(knoop, list):
            return set().union(*(formaten(waarde) for waarde in knoop))
        return set()

    gebruikt = formaten(document("klanten_v1")) | formaten(document("klantinteracties"))

    assert set(FORMATEN) == gebruikt


def test_a_schema_not_in_the_document_is_an_error_not_a_pass() -> None:
    with pytest.raises(Unresolvable):
        fouten("klanten_v1", "Partij", {}, richting="verzoek")


# --- members no schema declares, and the rules beyond the schema ----------------------


def test_a_member_no_schema_declares_is_named_at_any_depth() -> None:
    klant = {
        **V1_KLANT,
        "uuid": PARTIJ_UUID,
        "adres": {"straatnaam": "Amstel", "land": "NL"},
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": "111222333", "kvkNummer": "69046938"},
    }

    assert ["$.adres.land", "$.subjectIdentificatie.kvkNummer", "$.uuid"] == onbekende_velden(
        "klanten_v1", "Klant", klant
    )


def test_the_members_of_each_subject_type_are_declared_by_its_own_schema() -> None:
    klant = {
        **V1_KLANT,
        "subjectType": "vestiging",
        "subjectIdentificatie": {"vestigingsNummer": "000012345678", "innNnpId": RSIN},
    }

    assert ["$.subjectIdentificatie.innNnpId"] == onbekende_velden("klanten_v1", "Klant", klant)


def test_a_partij_as_open_klant_returns_it_has_no_undeclared_member() -> None:
    partij = {**PARTIJ_ANTWOORD, "_expand": {"digitaleAdressen": [DIGITAAL_ADRES]}}

    assert [] == onbekende_velden("klantinteracties", "ExpandPartij", partij)


def test_a_digitaal_adres_inside_a_partij_is_only_a_reference() -> None:
    partij = {**PARTIJ, "digitaleAdressen": [DIGITAAL_ADRES]}

    assert [
        f"$.digitaleAdressen[0].{lid}" for lid in sorted(set(DIGITAAL_ADRES) - {"uuid", "url"})
    ] == onbekende_velden("klantinteracties", "Partij", partij)


def test_a_free_form_object_declares_any_member() -> None:
    audit = {"wijzigingen": {"oud": {"klantnummer": "K1"}, "nieuw": {"wat": "dan ook"}}}

    assert [] == onbekende_velden("klanten_v1", "AuditTrail", audit)


def test_a_map_declares_any_member_and_checks_its_values() -> None:
    klantcontact = {"metadata": {"kanaal": "balie", "team": "burgerzaken"}}

    assert [] == onbekende_velden("klantinteracties", "Klantcontact", klantcontact)
    gevonden = fouten(
        "klantinteracties", "Klantcontact", {"metadata": {"team": 12}}, richting="verzoek"
    )

    assert ["$.metadata.team: 12 is not of type 'string'"] == [
        regel for regel in gevonden if regel.startswith("$.metadata")
    ]


def test_a_nullable_readonly_member_is_refused_in_a_request_also_when_null() -> None:
    relatie = {"uuid": PARTIJ_UUID, "categorieNaam": None}

    assert ["$.categorieNaam: Tried to write read-only property with None"] == fouten(
        "klantinteracties", "CategorieRelatieForeignKey", relatie, richting="verzoek"
    )


def test_a_v1_klant_keeping_the_reference_implementations_rules_has_no_regelfout() -> None:
    klant = {
        **V1_KLANT,
        "subjectType": "niet_natuurlijk_persoon",
        "subjectIdentificatie": {"innNnpId": RSIN},
    }

    assert [] == regelfouten("klanten_v1", klant)
    assert [] == regelfouten("klanten_v1", {**V1_KLANT, "subject": f"{KLANTEN}/{PARTIJ_UUID}"})


def test_the_reference_implementations_rules_for_a_v1_klant_are_checked() -> None:
    klant = {
        **V1_KLANT,
        "bronorganisatie": "002220648",
        "subjectType": "niet_natuurlijk_persoon",
        "subjectIdentificatie": {"innNnpId": "69046938"},
    }

    assert [
        "$.bronorganisatie: is no RSIN (9 digits, 11-proef)",
        "$.subjectIdentificatie.innNnpId: '69046938' is no RSIN (9 digits, 11-proef)",
    ] == regelfouten("klanten_v1", klant)
    assert ["$: has neither a subject nor a subjectIdentificatie"] == regelfouten(
        "klanten_v1", {**V1_KLANT, "subject": "", "subjectIdentificatie": None}
    )


def test_a_partij_keeping_open_klants_rules_has_no_regelfout() -> None:
    partij = {
        **PARTIJ,
        "soortPartij": "organisatie",
        "nummer": "1234",
        "partijIdentificatoren": [kvk(), vestiging(subIdentificatorVan={"uuid": KVK_UUID})],
        "digitaleAdressen": [{"soortDigitaalAdres": "telefoonnummer", "adres": "+31612345678"}],
    }

    assert [] == regelfouten("klantinteracties", partij)


def test_the_rules_pass_over_what_only_the_schema_refuses() -> None:
    partij = {**PARTIJ, "nummer": 12, "partijIdentificatoren": ["kvk"], "digitaleAdressen": [1]}

    assert [] == regelfouten("klantinteracties", partij)


def test_open_klants_rules_for_a_partij_are_checked() -> None:
    rsin = {
        "uuid": RSIN_UUID,
        "partijIdentificator": {
            "codeObjecttype": "niet_natuurlijk_persoon",
            "codeSoortObjectId": "rsin",
            "objectId": RSIN,
            "codeRegister": "hr",
        },
    }
    partij = {
        **PARTIJ,
        "soortPartij": "organisatie",
        "nummer": "K0001",
        "partijIdentificatoren": [
            kvk(identificeerdePartij={"uuid": PARTIJ_UUID}),
            vestiging(),
            vestiging(subIdentificatorVan={"uuid": RSIN_UUID}),
            rsin,
        ],
        "digitaleAdressen": [{"soortDigitaalAdres": "telefoonnummer", "adres": "020-1234567"}],
    }

    assert [
        "$.digitaleAdressen[0].adres: '020-1234567' does not match "
        "^(0[1-9][0-9]{8}|\\+[0-9]{9,15}|00[0-9]{7,13})$",
        "$.nummer: 'K0001' is not an integer",
        "$.partijIdentificatoren[0].identificeerdePartij: is set by the server, refused on create",
        "$.partijIdentificatoren[1].subIdentificatorVan: a vestigingsnummer needs a kvk_nummer's",
        "$.partijIdentificatoren[2].subIdentificatorVan: is no kvk_nummer identificator",
    ] == regelfouten("klantinteracties", partij)


# --- what the writers write -------------------------------------------------------------

#: Where the klanten written came from: a v1 Klant, or a Partij.
BRONNEN = [KLANTEN, f"{BASIS}/partijen"]

#: Any klant, and (so that many can be written) klanten of what each format can hold;
#: each perhaps with the URL of the record it came from.
v1_klanten = met_bron(
    klanten() | met_kenmerken_v1(klanten(st.none() | identificaties_v1, klantgegevens_v1)),
    BRONNEN,
)
v1_schrijfbaar = met_bron(
    met_kenmerken_v1(klanten(st.none() | identificaties_v1, klantgegevens_v1, klantnummers_v1)),
    BRONNEN,
)
partij_schrijfbaar = met_bron(klanten_partij, BRONNEN)
partij_klanten = (
    met_bron(
        klanten()
        | klanten(st.none() | identificaties_partij_persoon, klantgegevens_persoon)
        | klanten(st.none() | identificaties_partij_organisatie, klantgegevens_organisatie),
        BRONNEN,
    )
    | partij_schrijfbaar
)

#: The profile's settings, but for two: Hypothesis's explain phase traces every line the
#: validator runs, over a minute for each failing test; and most klanten drawn from
#: ``klanten()`` cannot be written (their rejection is no health problem here).
SCHRIJVERS = settings(
    phases=[fase for fase in Phase if fase is not Phase.explain],
    suppress_health_check=[*settings().suppress_health_check, HealthCheck.filter_too_much],
)

#: The website written for a klant without one (v1 requires a websiteUrl).
WEBSITE = "https://www.gemeente.example.nl"

_T = TypeVar("_T")


def _geschreven(schrijf: Callable[[Klant], _T], klant: Klant) -> _T:
    """What the writer writes for the klant; a klant its format cannot hold is no example."""
    try:
        return schrijf(klant)
    except FormaatError:
        reject()  # assume(False): refusing such a klant is the writer's documented answer


def _v1(vorm: Any) -> Callable[[Klant], dict[str, Any]]:
    def schrijf(klant: Klant) -> dict[str, Any]:
        return klanten_v1.naar_v1(klant, bronorganisatie=RSIN, website_url=WEBSITE, vorm=vorm)

    return schrijf


def _partij(vorm: Any) -> Callable[[Klant], dict[str, Any]]:
    def schrijf(klant: Klant) -> dict[str, Any]:
        return klantinteracties.naar_partij(klant, vorm=vorm, basis_url=BASIS)

    return schrijf


def _niets(*gevonden: list[str]) -> None:
    """Assert that nothing was found, naming all that was (pytest would show the first)."""
    alles = [regel for lijst in gevonden for regel in lijst]
    assert [] == alles, "\n".join(["", *alles])


def _pagina(schrijf: Callable[[io.StringIO], int], aantal: int) -> dict[str, Any]:
    bestand = io.StringIO()
    assert aantal == schrijf(bestand)
    pagina: dict[str, Any] = json.loads(bestand.getvalue())
    assert ["count", "next", "previous", "results"] == list(pagina)
    return pagina


# --- the Klanten API v1 ----------------------------------------------------------------


@SCHRIJVERS
@given(v1_klanten)
def test_every_v1_klant_written_is_a_valid_create_request(klant: Klant) -> None:
    v1 = _geschreven(_v1("verzoek"), klant)

    _niets(
        fouten("klanten_v1", "Klant", v1, richting="verzoek"),
        verzoekfouten("klanten_v1", "post", "/klanten", v1),
        verzoekfouten("klanten_v1", "put", "/klanten/{uuid}", v1),
        onbekende_velden("klanten_v1", "Klant", v1),
        regelfouten("klanten_v1", v1),
    )


@SCHRIJVERS
@given(v1_klanten)
def test_every_v1_klant_written_as_a_response_is_valid(klant: Klant) -> None:
    v1 = _geschreven(_v1("antwoord"), klant)
    # Only a create request is held to it: a v1 server may return a klant without subject.
    zonder_subject = ["$: has neither a subject nor a subjectIdentificatie"]

    _niets(
        fouten("klanten_v1", "Klant", v1, richting="antwoord"),
        antwoordfouten("klanten_v1", "get", "/klanten/{uuid}", v1),
        onbekende_velden("klanten_v1", "Klant", v1),
    )
    assert (zonder_subject if klant.zelfstandig else []) == regelfouten("klanten_v1", v1)


@SCHRIJVERS
@given(st.lists(v1_schrijfbaar, max_size=4), st.sampled_from([None, f"{KLANTEN}?page=3"]))
def test_a_v1_page_written_is_a_valid_list_response(lijst: list[Klant], vorige: Any) -> None:
    pagina = _pagina(
        lambda bestand: schrijven_v1.schrijf_pagina(
            lijst,
            bestand,
            bronorganisatie=RSIN,
            website_url=WEBSITE,
            next=f"{KLANTEN}?page=5",
            previous=vorige,
            count=100,
        ),
        len(lijst),
    )

    assert (100, f"{KLANTEN}?page=5", vorige) == (
        pagina["count"],
        pagina["next"],
        pagina["previous"],
    )
    _niets(
        paginafouten("klanten_v1", pagina),
        *(onbekende_velden("klanten_v1", "Klant", klant) for klant in pagina["results"]),
    )


# --- Open Klant's Klantinteracties API -------------------------------------------------


@SCHRIJVERS
@given(partij_klanten)
def test_every_partij_written_is_a_valid_create_request(klant: Klant) -> None:
    partij = _geschreven(_partij("verzoek"), klant)

    _niets(
        fouten("klantinteracties", "Partij", partij, richting="verzoek"),
        verzoekfouten("klantinteracties", "post", "/partijen", partij),
        onbekende_velden("klantinteracties", "Partij", partij),
        regelfouten("klantinteracties", partij),
    )


@SCHRIJVERS
@given(partij_klanten)
def test_every_partij_written_as_a_response_is_a_valid_expand_partij(klant: Klant) -> None:
    partij = _geschreven(_partij("antwoord"), klant)

    _niets(
        fouten("klantinteracties", "ExpandPartij", partij, richting="antwoord"),
        antwoordfouten("klantinteracties", "get", "/partijen/{uuid}", partij),
        onbekende_velden("klantinteracties", "ExpandPartij", partij),
        regelfouten("klantinteracties", partij, schema="ExpandPartij", richting="antwoord"),
    )


@SCHRIJVERS
@given(st.lists(partij_schrijfbaar, max_size=4), st.sampled_from([None, f"{BASIS}/partijen"]))
def test_an_open_klant_page_written_is_a_valid_list_response(
    lijst: list[Klant], lijst_url: Any
) -> None:
    volgende = None if lijst_url is None else f"{lijst_url}?page=2&expand=digitaleAdressen"
    pagina = _pagina(
        lambda bestand: schrijven_partij.schrijf_pagina(
            lijst, bestand, next=volgende, basis_url=BASIS
        ),
        len(lijst),
    )

    assert (len(lijst), volgende, None) == (pagina["count"], pagina["next"], pagina["previous"])
    _niets(
        paginafouten("klantinteracties", pagina),
        onbekende_velden("klantinteracties", "PaginatedExpandPartijList", pagina),
        *(
            regelfouten("klantinteracties", partij, schema="ExpandPartij", richting="antwoord")
            for partij in pagina["results"]
        ),
    )


@SCHRIJVERS
@given(partij_klanten, st.none() | st.uuids())
def test_every_digitaal_adres_written_is_a_valid_create_request(
    klant: Klant, partij_uuid: uuid.UUID | None
) -> None:
    adressen = _geschreven(
        lambda k: schrijven_partij.digitale_adressen(k, partij_uuid=partij_uuid), klant
    )

    for adres in adressen:
        _niets(
            fouten("klantinteracties", "DigitaalAdres", adres, richting="verzoek"),
            verzoekfouten("klantinteracties", "post", "/digitaleadressen", adres),
            onbekende_velden("klantinteracties", "DigitaalAdres", adres),
            regelfouten("klantinteracties", adres, schema="DigitaalAdres"),
        )


@SCHRIJVERS
@given(partij_klanten, st.uuids(), st.uuids())
def test_every_partij_identificator_written_is_a_valid_create_request(
    klant: Klant, partij_uuid: uuid.UUID, kvk_uuid: uuid.UUID
) -> None:
    identificatoren = _geschreven(
        lambda k: schrijven_partij.partij_identificatoren(
            k, partij_uuid=partij_uuid, kvk_uuid=kvk_uuid
        ),
        klant,
    )

    for identificator in identificatoren:
        _niets(
            fouten("klantinteracties", "PartijIdentificator", identificator, richting="verzoek"),
            verzoekfouten("klantinteracties", "post", "/partij-identificatoren", identificator),
            onbekende_velden("klantinteracties", "PartijIdentificator", identificator),
            regelfouten("klantinteracties", identificator, schema="PartijIdentificator"),
        )


# --- the oracle's rules for what is sent on its own ----------------------------------


@pytest.mark.parametrize(
    ("schema", "waarde", "verwacht"),
    [
        (
            "DigitaalAdres",
            {"soortDigitaalAdres": "telefoonnummer", "adres": "020 123 4567"},
            [
                "$.adres: '020 123 4567' does not match "
                "^(0[1-9][0-9]{8}|\\+[0-9]{9,15}|00[0-9]{7,13})$"
            ],
        ),
        ("DigitaalAdres", {"soortDigitaalAdres": "telefoonnummer", "adres": "0201234567"}, []),
        ("DigitaalAdres", {"soortDigitaalAdres": "overig", "adres": "020 123 4567"}, []),
        (
            "PartijIdentificator",
            vestiging(identificeerdePartij={"uuid": PARTIJ_UUID}),
            ["$.subIdentificatorVan: a vestigingsnummer needs a kvk_nummer's"],
        ),
        (
            "PartijIdentificator",
            vestiging(
                identificeerdePartij={"uuid": PARTIJ_UUID}, subIdentificatorVan={"uuid": KVK_UUID}
            ),
            [],
        ),
        (
            "ExpandPartij",
            {
                **PARTIJ_ANTWOORD,
                "partijIdentificatoren": [kvk(identificeerdePartij={"uuid": PARTIJ_UUID})],
                "_expand": {
                    "digitaleAdressen": [{**DIGITAAL_ADRES, "soortDigitaalAdres": "telefoonnummer"}]
                },
            },
            [
                "$['_expand'].digitaleAdressen[0].adres: 'anna@example.nl' does not match "
                "^(0[1-9][0-9]{8}|\\+[0-9]{9,15}|00[0-9]{7,13})$"
            ],
        ),
    ],
)
def test_the_rules_of_what_is_sent_or_returned_on_its_own_are_checked(
    schema: str, waarde: dict[str, Any], verwacht: list[str]
) -> None:
    assert verwacht == regelfouten("klantinteracties", waarde, schema=schema, richting="antwoord")


def test_a_partij_identificator_on_its_own_may_name_its_partij() -> None:
    identificator = kvk(identificeerdePartij={"uuid": PARTIJ_UUID})

    assert [] == regelfouten("klantinteracties", identificator, schema="PartijIdentificator")


def test_identificeerde_partij_is_refused_only_in_a_create() -> None:
    partij = {**PARTIJ, "partijIdentificatoren": [kvk(identificeerdePartij={"uuid": PARTIJ_UUID})]}

    assert [
        "$.partijIdentificatoren[0].identificeerdePartij: is set by the server, refused on create"
    ] == regelfouten("klantinteracties", partij)
    assert [] == regelfouten("klantinteracties", partij, richting="antwoord")


def test_rules_for_a_schema_the_oracle_does_not_know_are_an_error_not_a_pass() -> None:
    with pytest.raises(ValueError, match="no rules known"):
        regelfouten("klanten_v1", V1_KLANT, schema="Partij")
