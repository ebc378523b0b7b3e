"""Klantinteracties: every shape of a Partij the published API allows is read (issue 9, point 5).

The records here are as Open Klant 2.18 returns them (``GET /partijen/{uuid}``,
with ``expand=digitaleAdressen`` where said): ``url``, ``uuid``, the readOnly
members, ``null`` where a member is empty. Each is checked against the OpenAPI
document first (``spec.fouten``), so a test cannot pass on a shape no server
returns. What the register does not take over is read as a note
(``Gelezen.opmerkingen``, ``NIET_OVERGENOMEN``), never as a problem.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantregister import Adres, Gemeentecode, Identificatie, Kenmerken, Klant, Klantgegevens
from klantregister.formats import Gelezen, Probleem, Probleemsoort, klantinteracties
from klantregister.formats.klantinteracties.namen import NIET_IN_REGISTER
from klantregister.formats.resultaat import niet_overgenomen, noteer_niet_overgenomen
from spec import document, fouten, regelfouten

pytestmark = pytest.mark.unit

BASIS = "https://openklant.example.nl/klantinteracties/api/v1"
PARTIJ = "0c1f7e52-3b8a-4d2e-9f61-7a4c2b9e8d13"
EMAIL = "a7d2c4e1-5b3f-4c8a-9e2d-1f6b8a3c5e70"
TELEFOON = "b8e3d5f2-6c4a-4d9b-8f3e-2a7c9b4d6f81"
WEBSITE = "c9f4e6a3-7d5b-4eac-9a4f-3b8dac5e7a92"
BSN_ID = "d1a5f7b4-8e6c-4fbd-8b5a-4c9ebd6f8ba3"
ORGANISATIE_ID = "e2b6a8c5-9f7d-4ace-9c6b-5dafce7a9cb4"
KVK_ID = "f3c7b9d6-a08e-4bdf-8d7c-6eb0df8bad45"
VESTIGING_PARTIJ = "14d8cae7-b19f-4ce0-9e8d-7fc1e09cbe56"
VESTIGING_ID = "25e9dbf8-c2a0-4df1-8f9e-80d2f1adcf67"
EIGEN_KVK_ID = "36fa0c19-d3b1-4e02-8a0f-91e3a2becf78"
CONTACTPERSOON_ID = "47ab1d2a-e4c2-4f13-9b1a-a2f4b3cdda89"
ANDERE_PARTIJ = "58bc2e3b-f5d3-4a24-8c2b-b3a5c4deeb9a"


def url(pad: str, uuid: str) -> str:
    return f"{BASIS}/{pad}/{uuid}"


def ref(pad: str, uuid: str) -> dict[str, str]:
    """A reference as a response gives it: ``uuid`` and ``url``."""
    return {"uuid": uuid, "url": url(pad, uuid)}


def digitaal_adres(
    uuid: str, soort: str, adres: str, *, partij: str | None = PARTIJ, **extra: Any
) -> dict[str, Any]:
    """A DigitaalAdres as ``GET /digitaleadressen/{uuid}`` (or ``_expand``) returns it."""
    return {
        "uuid": uuid,
        "url": url("digitaleadressen", uuid),
        "verstrektDoorBetrokkene": None,
        "verstrektDoorPartij": None if partij is None else ref("partijen", partij),
        "adres": adres,
        "soortDigitaalAdres": soort,
        "isStandaardAdres": False,
        "omschrijving": "",
        "verificatieDatum": None,
        **extra,
    }


def identificator(
    uuid: str, partij: str, codes: tuple[str, str, str], object_id: str, **extra: Any
) -> dict[str, Any]:
    """A PartijIdentificator as a Partij's ``partijIdentificatoren`` holds it."""
    register, objecttype, soort = codes
    return {
        "uuid": uuid,
        "url": url("partij-identificatoren", uuid),
        "identificeerdePartij": ref("partijen", partij),
        "anderePartijIdentificator": "",
        "partijIdentificator": {
            "codeObjecttype": objecttype,
            "codeSoortObjectId": soort,
            "objectId": object_id,
            "codeRegister": register,
        },
        "subIdentificatorVan": None,
        **extra,
    }


BSN = ("brp", "natuurlijk_persoon", "bsn")
KVK = ("hr", "niet_natuurlijk_persoon", "kvk_nummer")
RSIN = ("hr", "niet_natuurlijk_persoon", "rsin")
VESTIGINGSNUMMER = ("hr", "vestiging", "vestigingsnummer")


def partij(uuid: str, soort: str, **leden: Any) -> dict[str, Any]:
    """A Partij as ``GET /partijen/{uuid}`` returns it, every member at its empty value."""
    return {
        "uuid": uuid,
        "url": url("partijen", uuid),
        "nummer": None,
        "interneNotitie": "",
        "betrokkenen": [],
        "categorieRelaties": [],
        "digitaleAdressen": [],
        "voorkeursDigitaalAdres": None,
        "vertegenwoordigden": [],
        "rekeningnummers": [],
        "voorkeursRekeningnummer": None,
        "partijIdentificatoren": [],
        "soortPartij": soort,
        "indicatieGeheimhouding": False,
        "voorkeurstaal": "",
        "indicatieActief": True,
        "bezoekadres": None,
        "correspondentieadres": None,
        "partijIdentificatie": {},
        **leden,
    }


#: A persoon with ``expand=digitaleAdressen``: references, and the addresses in ``_expand``.
PERSOON = partij(
    PARTIJ,
    "persoon",
    nummer="1042",
    digitaleAdressen=[ref("digitaleadressen", u) for u in (EMAIL, TELEFOON, WEBSITE)],
    partijIdentificatoren=[identificator(BSN_ID, PARTIJ, BSN, "111222333")],
    voorkeurstaal="nld",
    partijIdentificatie={
        "contactnaam": {
            "voorletters": "A.M.",
            "voornaam": "Anna",
            "voorvoegselAchternaam": "van",
            "achternaam": "Jansen",
        },
        "volledigeNaam": "Anna van Jansen",
    },
    _expand={
        "digitaleAdressen": [
            digitaal_adres(EMAIL, "email", "anna@example.nl"),
            digitaal_adres(TELEFOON, "telefoonnummer", "0201234567"),
            digitaal_adres(WEBSITE, "overig", "https://jansen.example.nl"),
        ]
    },
)
ANNA = Klantgegevens(
    voorletters="A.M.",
    voornaam="Anna",
    voorvoegsel_achternaam="van",
    achternaam="Jansen",
    emailadres="anna@example.nl",
    telefoonnummer="0201234567",
    website_url="https://jansen.example.nl",
    voorkeurstaal="nld",
)
ANNA_ZONDER_ADRESSEN = Klantgegevens(
    voorletters="A.M.",
    voornaam="Anna",
    voorvoegsel_achternaam="van",
    achternaam="Jansen",
    voorkeurstaal="nld",
)
#: An organisation with its KvK-nummer, and a vestiging of it as a Partij of its own, whose
#: vestigingsnummer is under the organisation's KvK identificator (as Open Klant allows).
ORGANISATIE = partij(
    ORGANISATIE_ID,
    "organisatie",
    partijIdentificatoren=[identificator(KVK_ID, ORGANISATIE_ID, KVK, "69046938")],
    partijIdentificatie={"naam": "Jansen Bouw B.V."},
)
VESTIGING = partij(
    VESTIGING_PARTIJ,
    "organisatie",
    partijIdentificatoren=[
        identificator(
            VESTIGING_ID,
            VESTIGING_PARTIJ,
            VESTIGINGSNUMMER,
            "000012345678",
            subIdentificatorVan=ref("partij-identificatoren", KVK_ID),
        )
    ],
    partijIdentificatie={"naam": "Jansen Bouw, vestiging Utrecht"},
)
CONTACTPERSOON = partij(
    CONTACTPERSOON_ID,
    "contactpersoon",
    partijIdentificatie={
        "uuid": CONTACTPERSOON_ID,
        "werkteVoorPartij": ref("partijen", ORGANISATIE_ID),
        "contactnaam": {"voorletters": "P.", "voornaam": "Piet", "achternaam": "de Vries"},
        "volledigeNaam": "Piet de Vries",
    },
)
ANTWOORDEN = {
    "persoon": PERSOON,
    "organisatie": ORGANISATIE,
    "vestiging": VESTIGING,
    "contactpersoon": CONTACTPERSOON,
}


def met(basis: dict[str, Any], **wijziging: Any) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(json.dumps(basis))
    record.update(wijziging)
    return record


def lees(record: object) -> Gelezen:
    return klantinteracties.lees_partij(record, gemeenten="0363")


def velden(problemen: tuple[Probleem, ...]) -> list[tuple[str, Probleemsoort]]:
    return [(p.veld, p.soort) for p in problemen]


def expand(record: dict[str, Any]) -> list[dict[str, Any]]:
    adressen: list[dict[str, Any]] = record["_expand"]["digitaleAdressen"]
    return adressen


@pytest.mark.parametrize("naam", list(ANTWOORDEN))
def test_the_records_here_are_valid_as_open_klant_returns_them(naam: str) -> None:
    record = ANTWOORDEN[naam]
    assert [] == fouten("klantinteracties", "ExpandPartij", record, richting="antwoord")
    assert [] == regelfouten("klantinteracties", record, schema="ExpandPartij", richting="antwoord")


# --- 1. notes beside problems ------------------------------------------------------------


def test_a_note_blocks_nothing_and_every_older_use_of_gelezen_still_works() -> None:
    opmerking = niet_overgenomen("bezoekadres", "een bezoekadres wordt niet overgenomen")
    fout = Probleem("nummer", Probleemsoort.LENGTE, "te lang")
    registratie = lees(PERSOON).registratie
    assert registratie is not None

    oud = Gelezen(1, 1, "p", None, (fout,), Gemeentecode("0363"), None)
    met_opmerking = Gelezen(1, 1, "p", registratie, opmerkingen=(opmerking,))

    assert ((), False) == (oud.opmerkingen, oud.geldig)
    assert ((), True) == (met_opmerking.problemen, met_opmerking.geldig)
    assert Probleem("bezoekadres", Probleemsoort.NIET_OVERGENOMEN, opmerking.melding) == opmerking
    assert "niet_overgenomen" == Probleemsoort.NIET_OVERGENOMEN.value


@pytest.mark.parametrize(
    ("record", "verwacht"),
    [
        ({}, []),
        ({"a": None, "b": "", "c": [], "d": {}, "e": True, "f": False}, []),
        ({"e": False}, ["e"]),
        ({"f": True}, ["f"]),
        ({"f": 0, "e": 1}, ["e", "f"]),  # a number is not the boolean that says nothing
        ({"a": "x", "b": [None], "c": {"x": None}}, ["a", "b", "c"]),
        ({"g": {"h": {"uuid": "x"}}}, ["g.h"]),
        ({"g": {"h": None}}, []),
        ({"g": "h"}, []),
    ],
)
def test_a_member_is_noted_only_when_it_gives_a_value(
    record: dict[str, Any], verwacht: list[str]
) -> None:
    leden = {
        "a": (None, "a"),
        "b": (None, "b"),
        "c": (None, "c"),
        "d": (None, "d"),
        "e": (True, "e"),
        "f": (False, "f"),
        "g.h": (None, "g-h"),
    }
    opmerkingen: list[Probleem] = []
    noteer_niet_overgenomen(record, leden, opmerkingen, plek="x.")
    assert [f"x.{veld}" for veld in verwacht] == [o.veld for o in opmerkingen]
    assert {Probleemsoort.NIET_OVERGENOMEN} >= {o.soort for o in opmerkingen}


# --- 2. digitale adressen -----------------------------------------------------------------


def test_the_addresses_of_a_response_are_read_from_its_expand() -> None:
    gelezen = lees(PERSOON)
    assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
    assert gelezen.registratie is not None
    assert ANNA == gelezen.registratie.klantgegevens
    assert Identificatie.natuurlijk_persoon(bsn="111222333") == gelezen.registratie.identificatie


@pytest.mark.parametrize(
    "verwijzing",
    [
        {"uuid": EMAIL},
        {"url": url("digitaleadressen", EMAIL)},
        {"url": url("digitaleadressen", EMAIL) + "/"},
        {"uuid": EMAIL.upper(), "url": url("digitaleadressen", EMAIL)},
    ],
)
def test_a_reference_is_matched_to_its_address_by_uuid_or_url(verwijzing: dict[str, str]) -> None:
    record = met(PERSOON, digitaleAdressen=[verwijzing])
    expand(record)[1:] = []
    gelezen = lees(record)
    assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
    assert gelezen.registratie is not None
    assert "anna@example.nl" == gelezen.registratie.klantgegevens.emailadres


def test_an_expanded_address_without_a_reference_is_read_too() -> None:
    zonder: list[Any] | None
    for zonder in ([], None):
        gelezen = lees(met(PERSOON, digitaleAdressen=zonder))
        assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
        assert gelezen.registratie is not None
        assert ANNA == gelezen.registratie.klantgegevens


def test_the_references_say_which_address_of_a_kind_comes_first() -> None:
    tweede = "69cd3f4c-06e4-4b35-9d3c-c4b6d5efac0b"
    record = met(PERSOON, digitaleAdressen=[ref("digitaleadressen", u) for u in (tweede, EMAIL)])
    expand(record)[1:] = [digitaal_adres(tweede, "email", "werk@example.nl")]
    # In _expand the first is anna@example.nl, but the Partij lists werk@example.nl first.
    assert [("_expand.digitaleAdressen[0].adres", Probleemsoort.NIET_OVER_TE_NEMEN)] == velden(
        lees(record).problemen
    )


def test_the_old_shape_with_the_addresses_inline_is_read_as_before() -> None:
    record = met(PERSOON, digitaleAdressen=expand(PERSOON))
    del record["_expand"]
    gelezen = lees(record)
    assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
    assert gelezen.registratie is not None
    assert ANNA == gelezen.registratie.klantgegevens


def test_an_address_both_inline_and_expanded_is_read_once() -> None:
    record = met(PERSOON, digitaleAdressen=expand(PERSOON)[:1])
    expand(record)[0]["omschrijving"] = "privé"
    gelezen = lees(record)
    assert () == gelezen.problemen
    # The inline one is read; its copy in _expand is not read (nor noted) again.
    assert [] == [o.veld for o in gelezen.opmerkingen if o.veld.startswith("_expand")]


@pytest.mark.parametrize(
    "zonder_expand",
    [
        lambda r: r.pop("_expand"),
        lambda r: r.update(_expand=None),
        lambda r: r.update(_expand={}),
        lambda r: r.update(_expand={"digitaleAdressen": None}),
        lambda r: r.update(_expand={"digitaleAdressen": []}),
    ],
    ids=["geen _expand", "null", "{}", "digitaleAdressen null", "digitaleAdressen []"],
)
def test_references_to_addresses_not_in_the_file_are_one_note_and_the_partij_is_read(
    zonder_expand: Any,
) -> None:
    record = met(PERSOON)
    zonder_expand(record)
    gelezen = lees(record)
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    assert ANNA_ZONDER_ADRESSEN == gelezen.registratie.klantgegevens
    [opmerking] = gelezen.opmerkingen
    assert ("digitaleAdressen", Probleemsoort.NIET_OVERGENOMEN) == (opmerking.veld, opmerking.soort)
    assert opmerking.melding.startswith("3 digitale adressen staan niet in de invoer")
    assert "expand=digitaleAdressen" in opmerking.melding
    assert f"GET /digitaleadressen?verstrektDoorPartij__uuid={PARTIJ}" in opmerking.melding


def test_the_note_counts_only_the_addresses_that_are_missing() -> None:
    record = met(PERSOON)
    del expand(record)[1]
    gelezen = lees(record)
    assert [("digitaleAdressen", Probleemsoort.NIET_OVERGENOMEN)] == velden(gelezen.opmerkingen)
    assert gelezen.opmerkingen[0].melding.startswith("1 digitaal adres staat niet in de invoer")
    assert gelezen.registratie is not None
    assert "anna@example.nl" == gelezen.registratie.klantgegevens.emailadres
    assert gelezen.registratie.klantgegevens.telefoonnummer is None


def test_a_note_on_a_partij_without_uuid_says_where_its_uuid_goes() -> None:
    record = {"soortPartij": "persoon", "digitaleAdressen": [{"uuid": EMAIL}]}
    [opmerking] = lees(record).opmerkingen
    assert "verstrektDoorPartij__uuid=<uuid van de Partij>" in opmerking.melding


@pytest.mark.parametrize(
    "verstrekt",
    [
        ref("partijen", ANDERE_PARTIJ),
        {"uuid": ANDERE_PARTIJ},
        {"url": url("partijen", ANDERE_PARTIJ)},
        ANDERE_PARTIJ,
    ],
)
def test_an_address_of_another_partij_is_reported(verstrekt: object) -> None:
    record = met(PERSOON)
    expand(record)[0]["verstrektDoorPartij"] = verstrekt
    gelezen = lees(record)
    assert [("_expand.digitaleAdressen[0].verstrektDoorPartij", Probleemsoort.FORMAAT)] == velden(
        gelezen.problemen
    )
    assert f"uuid {ANDERE_PARTIJ}" in gelezen.problemen[0].melding


@pytest.mark.parametrize(
    "verstrekt",
    [
        None,
        {"uuid": PARTIJ},
        {"uuid": PARTIJ.upper()},
        {"url": "https://elders.example.nl/api/v1/partijen/" + PARTIJ},
        {"uuid": PARTIJ, "url": url("partijen", PARTIJ) + "/"},
    ],
)
def test_an_address_of_this_partij_by_uuid_or_url_is_read(verstrekt: object) -> None:
    record = met(PERSOON)
    expand(record)[0]["verstrektDoorPartij"] = verstrekt
    assert () == lees(record).problemen


def test_an_unreadable_verstrekt_door_partij_is_reported() -> None:
    record = met(PERSOON)
    expand(record)[0]["verstrektDoorPartij"] = 42
    assert [("_expand.digitaleAdressen[0].verstrektDoorPartij", Probleemsoort.FORMAAT)] == velden(
        lees(record).problemen
    )


def test_a_request_body_names_no_partij_to_compare_with() -> None:
    # What a client sends: no uuid or url of its own, the addresses (from their own
    # POST) pointing to the uuid the server gave.
    record = {
        "soortPartij": "persoon",
        "digitaleAdressen": [
            {
                "verstrektDoorPartij": {"uuid": ANDERE_PARTIJ},
                "soortDigitaalAdres": "email",
                "adres": "anna@example.nl",
            }
        ],
    }
    gelezen = lees(record)
    assert gelezen.registratie is not None
    assert "anna@example.nl" == gelezen.registratie.klantgegevens.emailadres


@pytest.mark.parametrize(
    ("wijziging", "veld", "soort"),
    [
        (lambda r: r.update(_expand="digitaleAdressen"), "_expand", Probleemsoort.TYPE),
        (
            lambda r: r["_expand"].update(digitaleAdressen={"uuid": EMAIL}),
            "_expand.digitaleAdressen",
            Probleemsoort.TYPE,
        ),
        (
            lambda r: r["_expand"].update(digitaleAdressen=[EMAIL, *expand(r)[1:]]),
            "_expand.digitaleAdressen[0]",
            Probleemsoort.TYPE,
        ),
        (
            lambda r: expand(r)[2].update(adres="@jansen"),
            "_expand.digitaleAdressen[2].adres",
            Probleemsoort.NIET_OVER_TE_NEMEN,
        ),
        (
            lambda r: expand(r)[0].update(adres="geen adres"),
            "_expand.digitaleAdressen[0].adres",
            Probleemsoort.FORMAAT,
        ),
        (
            lambda r: expand(r)[1].update(soortDigitaalAdres="fax"),
            "_expand.digitaleAdressen[1].soortDigitaalAdres",
            Probleemsoort.CODE,
        ),
        (
            lambda r: expand(r)[1].update(soortDigitaalAdres="email", adres="b@example.nl"),
            "_expand.digitaleAdressen[1].adres",
            Probleemsoort.NIET_OVER_TE_NEMEN,
        ),
    ],
)
def test_the_rules_of_an_address_hold_in_expand(
    wijziging: Any, veld: str, soort: Probleemsoort
) -> None:
    record = met(PERSOON)
    wijziging(record)
    problemen = velden(lees(record).problemen)
    assert [(veld, soort)] == [p for p in problemen if p[0] != "digitaleAdressen"]


@pytest.mark.parametrize(
    ("lid", "waarde", "genoteerd"),
    [
        ("omschrijving", "privé", True),
        ("omschrijving", "e-mail", False),  # what this library writes for an email
        ("omschrijving", "", False),
        ("isStandaardAdres", True, True),
        ("isStandaardAdres", False, False),
        ("verificatieDatum", "2024-03-01", True),
        ("referentie", "portaal-1", True),
        ("verstrektDoorBetrokkene", ref("betrokkenen", ANDERE_PARTIJ), True),
    ],
)
def test_what_an_address_holds_beside_itself_is_noted(
    lid: str, waarde: object, genoteerd: bool
) -> None:
    record = met(PERSOON)
    expand(record)[0][lid] = waarde
    gelezen = lees(record)
    assert () == gelezen.problemen
    verwacht = [(f"_expand.digitaleAdressen[0].{lid}", Probleemsoort.NIET_OVERGENOMEN)]
    assert (verwacht if genoteerd else []) == velden(gelezen.opmerkingen)


# --- 3. nummer ----------------------------------------------------------------------------


@pytest.mark.parametrize("nummer", [None, "", "absent"])
def test_a_partij_without_nummer_is_read_without_klantnummer(nummer: str | None) -> None:
    record = met(PERSOON, nummer=nummer)
    if nummer == "absent":
        del record["nummer"]
    gelezen = lees(record)
    assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
    assert gelezen.registratie is not None
    assert gelezen.registratie.klantnummer is None


@pytest.mark.parametrize("nummer", ["0000000042", "123456789"])
def test_a_nummer_of_nine_or_ten_characters_is_the_klantnummer(nummer: str) -> None:
    # Open Klant 2.0 to 2.15 generated a nummer of ten digits: the register holds it.
    gelezen = lees(met(PERSOON, nummer=nummer))
    assert gelezen.registratie is not None
    assert (nummer, (), ()) == (
        gelezen.registratie.klantnummer,
        gelezen.problemen,
        gelezen.opmerkingen,
    )


@given(st.from_regex(r"[0-9]{1,10}", fullmatch=True))
def test_a_nummer_of_at_most_ten_digits_is_the_klantnummer(nummer: str) -> None:
    gelezen = lees(met(PERSOON, nummer=nummer))
    assert gelezen.registratie is not None
    assert (nummer, ()) == (gelezen.registratie.klantnummer, gelezen.opmerkingen)


@given(st.text(st.characters(codec="ascii", categories=["L", "N", "P"]), min_size=11, max_size=20))
def test_a_nummer_over_ten_characters_is_a_problem(nummer: str) -> None:
    gelezen = lees(met(PERSOON, nummer=nummer))
    assert [("nummer", Probleemsoort.LENGTE)] == [(p.veld, p.soort) for p in gelezen.problemen]


# --- 4. subIdentificatorVan ---------------------------------------------------------------


def test_a_vestiging_under_another_partijs_kvk_nummer_is_read_and_noted() -> None:
    gelezen = lees(VESTIGING)
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    assert (
        Identificatie.niet_natuurlijk_persoon(vestigingsnummer="000012345678")
        == gelezen.registratie.identificatie
    )
    [opmerking] = gelezen.opmerkingen
    assert ("partijIdentificatoren[0].subIdentificatorVan", Probleemsoort.NIET_OVERGENOMEN) == (
        opmerking.veld,
        opmerking.soort,
    )
    assert "andere Partij" in opmerking.melding
    assert f"uuid {KVK_ID}" in opmerking.melding


@pytest.mark.parametrize(
    "verwijzing",
    [{"uuid": KVK_ID}, {"url": url("partij-identificatoren", KVK_ID)}, KVK_ID],
)
def test_a_reference_to_another_partijs_identificator_is_accepted_in_any_form(
    verwijzing: object,
) -> None:
    record = met(VESTIGING)
    record["partijIdentificatoren"][0]["subIdentificatorVan"] = verwijzing
    gelezen = lees(record)
    assert () == gelezen.problemen
    assert ["partijIdentificatoren[0].subIdentificatorVan"] == [o.veld for o in gelezen.opmerkingen]


def test_a_vestiging_with_its_own_kvk_nummer_under_another_is_read_under_its_own() -> None:
    record = met(VESTIGING)
    record["partijIdentificatoren"].append(
        identificator(EIGEN_KVK_ID, VESTIGING_PARTIJ, KVK, "12345678")
    )
    gelezen = lees(record)
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    assert (
        Identificatie.niet_natuurlijk_persoon(
            kvk_nummer="12345678", vestigingsnummer="000012345678"
        )
        == gelezen.registratie.identificatie
    )
    [opmerking] = gelezen.opmerkingen
    assert "partijIdentificatoren[0].subIdentificatorVan" == opmerking.veld
    assert "KvK-nummer van deze Partij (partijIdentificatoren[1])" in opmerking.melding


def test_a_reference_to_one_of_its_own_identificatoren_that_is_no_kvk_nummer_is_refused() -> None:
    record = met(VESTIGING)
    record["partijIdentificatoren"].append(
        identificator(EIGEN_KVK_ID, VESTIGING_PARTIJ, RSIN, "002220647")
    )
    record["partijIdentificatoren"][0]["subIdentificatorVan"] = {
        "url": url("partij-identificatoren", EIGEN_KVK_ID)
    }
    assert [("partijIdentificatoren[0].subIdentificatorVan", Probleemsoort.FORMAAT)] == velden(
        lees(record).problemen
    )


def test_a_reference_to_its_own_unreadable_kvk_nummer_is_reported_there_only() -> None:
    record = met(VESTIGING)
    record["partijIdentificatoren"].append(
        identificator(EIGEN_KVK_ID, VESTIGING_PARTIJ, KVK, "1234567")
    )
    record["partijIdentificatoren"][0]["subIdentificatorVan"] = {"uuid": EIGEN_KVK_ID}
    gelezen = lees(record)
    assert [("partijIdentificatoren[1].partijIdentificator.objectId", Probleemsoort.LENGTE)] == (
        velden(gelezen.problemen)
    )
    assert () == gelezen.opmerkingen


def test_a_page_with_an_organisatie_and_its_vestiging_reads_both() -> None:
    pagina = {"count": 2, "next": None, "previous": None, "results": [ORGANISATIE, VESTIGING]}
    gelezen = list(klantinteracties.lees(io.StringIO(json.dumps(pagina)), gemeenten="0363"))
    assert [True, True] == [g.geldig for g in gelezen]
    assert [
        Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"),
        Identificatie.niet_natuurlijk_persoon(vestigingsnummer="000012345678"),
    ] == [g.registratie.identificatie for g in gelezen if g.registratie is not None]


# --- 5. null wherever the API allows it -----------------------------------------------------


#: A persoon with every nullable member null, at every depth.
ALLES_NULL = partij(
    PARTIJ,
    "persoon",
    nummer=None,
    digitaleAdressen=None,
    voorkeursDigitaalAdres=None,
    rekeningnummers=None,
    voorkeursRekeningnummer=None,
    partijIdentificatoren=[
        identificator(
            BSN_ID, PARTIJ, BSN, "111222333", identificeerdePartij=None, subIdentificatorVan=None
        )
    ],
    indicatieGeheimhouding=None,
    bezoekadres=None,
    correspondentieadres=None,
    partijIdentificatie={"contactnaam": None, "volledigeNaam": ""},
    _expand={"digitaleAdressen": None},
)


def test_a_partij_with_every_nullable_member_null_is_read() -> None:
    assert [] == fouten("klantinteracties", "ExpandPartij", ALLES_NULL, richting="antwoord")
    gelezen = lees(ALLES_NULL)
    assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
    assert gelezen.registratie is not None
    assert (None, Klantgegevens(), Identificatie.natuurlijk_persoon(bsn="111222333")) == (
        gelezen.registratie.klantnummer,
        gelezen.registratie.klantgegevens,
        gelezen.registratie.identificatie,
    )


def test_nulls_inside_an_address_an_identificator_and_a_contactpersoon_are_read() -> None:
    record = met(
        CONTACTPERSOON,
        partijIdentificatoren=None,
        partijIdentificatie={
            "uuid": CONTACTPERSOON_ID,
            "werkteVoorPartij": None,
            "contactnaam": None,
            "volledigeNaam": "",
        },
        digitaleAdressen=[ref("digitaleadressen", TELEFOON)],
        _expand={
            "digitaleAdressen": [
                digitaal_adres(TELEFOON, "telefoonnummer", "0612345678", partij=None)
            ]
        },
    )
    assert [] == fouten("klantinteracties", "ExpandPartij", record, richting="antwoord")
    gelezen = lees(record)
    assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
    assert gelezen.registratie is not None
    assert Klantgegevens(telefoonnummer="0612345678") == gelezen.registratie.klantgegevens


# The schemas of the document, walked as a server fills them in.

SCHEMAS: Mapping[str, Any] = document("klantinteracties")["components"]["schemas"]


def los(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def toepasselijk(schema: Mapping[str, Any], waarde: object) -> Iterator[Mapping[str, Any]]:
    """``schema`` and every schema that applies with it to ``waarde``: its ``allOf``, and the
    child its discriminator names."""
    schema = los(schema)
    yield schema
    for deel in schema.get("allOf", []):
        yield from toepasselijk(deel, waarde)
    if "discriminator" in schema and isinstance(waarde, dict):
        kind = schema["discriminator"]["mapping"].get(waarde.get("soortPartij"))
        if kind is not None:
            yield from toepasselijk({"$ref": kind}, waarde)


def nullbaar(schema: Mapping[str, Any]) -> bool:
    return any(s.get("nullable") is True for s in toepasselijk(schema, None))


def nullbare_paden(
    schema: Mapping[str, Any], waarde: object, pad: tuple[str | int, ...] = ()
) -> Iterator[tuple[str | int, ...]]:
    """The place of every member of ``waarde`` that is not null and may be."""
    gezien: set[tuple[str | int, ...]] = set()
    for deel in toepasselijk(schema, waarde):
        onder: list[tuple[str | int, Mapping[str, Any], object]] = []
        if isinstance(waarde, dict):
            onder += [
                (n, s, waarde[n]) for n, s in deel.get("properties", {}).items() if n in waarde
            ]
        if isinstance(waarde, list) and "items" in deel:
            onder += [(i, deel["items"], w) for i, w in enumerate(waarde)]
        for naam, sub, element in onder:
            if element is not None and nullbaar(sub) and (*pad, naam) not in gezien:
                gezien.add((*pad, naam))
                yield (*pad, naam)
            yield from nullbare_paden(sub, element, (*pad, naam))


def zet_null(record: dict[str, Any], pad: tuple[str | int, ...]) -> None:
    doel: Any = record
    for deel in pad[:-1]:
        doel = doel[deel]
        if doel is None:
            return  # a member of a member that is null already
    doel[pad[-1]] = None


@st.composite
def antwoorden_met_nulls(draw: st.DrawFn) -> dict[str, Any]:
    """A record of :data:`ANTWOORDEN` with any of its nullable members null."""
    record = met(draw(st.sampled_from(list(ANTWOORDEN.values()))))
    paden = list(nullbare_paden({"$ref": "ExpandPartij"}, record))
    for pad in draw(st.lists(st.sampled_from(paden), unique=True)):
        zet_null(record, pad)
    return record


def test_the_walk_finds_the_nullable_members_at_every_depth() -> None:
    paden = set(nullbare_paden({"$ref": "ExpandPartij"}, PERSOON))
    assert {
        ("nummer",),
        ("digitaleAdressen",),
        ("partijIdentificatoren",),
        ("partijIdentificatoren", 0, "identificeerdePartij"),
        ("partijIdentificatie", "contactnaam"),
        ("_expand", "digitaleAdressen"),
        ("_expand", "digitaleAdressen", 0, "verstrektDoorPartij"),
    } <= paden
    assert not {("soortPartij",), ("partijIdentificatie",), ("uuid",)} & paden


@given(antwoorden_met_nulls())
def test_null_in_any_nullable_member_is_read_without_problems(record: dict[str, Any]) -> None:
    assert [] == fouten("klantinteracties", "ExpandPartij", record, richting="antwoord")
    gelezen = lees(record)
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    assert {Probleemsoort.NIET_OVERGENOMEN} >= {o.soort for o in gelezen.opmerkingen}


# Records built from the document's schemas: readOnly members present as a server returns
# them, null anywhere the document allows it, every value of its type and constraints.

_DIEPST = 3


def waarden(schema: Mapping[str, Any], diepte: int = 0) -> st.SearchStrategy[Any]:
    eigen = los(schema)
    kern = _waarden(eigen, diepte)
    if schema.get("nullable") is True or eigen.get("nullable") is True:
        return st.none() if diepte > _DIEPST else st.none() | kern
    return kern


def _samengevoegd(delen: tuple[Any, ...]) -> Any:
    if all(isinstance(d, dict) for d in delen):
        return {k: v for d in delen for k, v in d.items()}
    return delen[0]


def _waarden(schema: Mapping[str, Any], diepte: int) -> st.SearchStrategy[Any]:
    if "oneOf" in schema:
        return _kind(schema["discriminator"], diepte)
    if "allOf" in schema:
        delen = [waarden(d, diepte) for d in schema["allOf"]]
        if "properties" in schema:
            delen.append(_object(schema, diepte))
        return st.tuples(*delen).map(_samengevoegd)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    return _SOORTEN[schema.get("type", "object")](schema, diepte)


def _lijst(schema: Mapping[str, Any], diepte: int) -> st.SearchStrategy[list[Any]]:
    grootte = 2 if diepte < _DIEPST else 0
    return st.lists(waarden(schema["items"], diepte + 1), max_size=grootte)


def _geheel(schema: Mapping[str, Any], _diepte: int) -> st.SearchStrategy[int]:
    return st.integers(schema.get("minimum", -(2**31)), schema.get("maximum", 2**31))


def _kind(discriminator: Mapping[str, Any], diepte: int) -> st.SearchStrategy[Any]:
    """One of the children a discriminator names, its member saying which."""
    naam = discriminator["propertyName"]

    def kind(paar: tuple[str, str]) -> st.SearchStrategy[Any]:
        waarde, doel = paar
        return waarden({"$ref": doel}, diepte).map(lambda o: {**o, naam: waarde})

    return st.sampled_from(sorted(discriminator["mapping"].items())).flatmap(kind)


def _object(schema: Mapping[str, Any], diepte: int) -> st.SearchStrategy[dict[str, Any]]:
    leden = {naam: waarden(sub, diepte + 1) for naam, sub in schema.get("properties", {}).items()}
    verplicht = set(schema.get("required", []))
    return st.fixed_dictionaries(
        {n: s for n, s in leden.items() if n in verplicht},
        optional={} if diepte > _DIEPST else {n: s for n, s in leden.items() if n not in verplicht},
    )


#: Text of each ``format`` the document uses.
_FORMATEN: dict[str, st.SearchStrategy[str]] = {
    "uuid": st.uuids().map(str),
    "uri": st.uuids().map(lambda u: url("ergens", str(u))),
    "date": st.dates().map(dt.date.isoformat),
    "date-time": st.datetimes(timezones=st.just(dt.timezone.utc)).map(dt.datetime.isoformat),
    "email": st.emails(),
}


def _tekst(schema: Mapping[str, Any]) -> st.SearchStrategy[str]:
    kort, lang = schema.get("minLength", 0), schema.get("maxLength", 1000)
    if "format" in schema:
        basis = _FORMATEN[schema["format"]]
    elif "pattern" in schema:
        basis = st.from_regex(schema["pattern"], fullmatch=True)
    else:
        return st.text(min_size=kort, max_size=min(lang, 20))
    return basis.filter(lambda t: kort <= len(t) <= lang)


#: Per JSON type, how its values are built.
_SOORTEN: dict[str, Callable[[Mapping[str, Any], int], st.SearchStrategy[Any]]] = {
    "object": _object,
    "array": _lijst,
    "integer": _geheel,
    "boolean": lambda _schema, _diepte: st.booleans(),
    "string": lambda schema, _diepte: _tekst(schema),
}
#: Addresses Open Klant takes, per soort: so that some generated addresses are read.
_ADRESSEN = {
    "email": st.sampled_from(["anna@example.nl", "info@jansenbouw.nl"]),
    "telefoonnummer": st.sampled_from(["0201234567", "+31612345678"]),
    "overig": st.sampled_from(["https://jansen.example.nl", "http://www.jansen.example"]),
}


@st.composite
def partijen_volgens_de_spec(draw: st.DrawFn) -> dict[str, Any]:
    """An ExpandPartij of any shape the document allows, often with digitale adressen in
    ``_expand``; its references to them, the Partij that gave them and their ``adres``
    perhaps made to match, as a server's do."""
    record: dict[str, Any] = draw(waarden({"$ref": "ExpandPartij"}))
    if draw(st.booleans()):
        adressen = draw(st.lists(waarden({"$ref": "DigitaalAdres"}, 1), max_size=3))
        record["_expand"] = {**(record.get("_expand") or {}), "digitaleAdressen": adressen}
    adressen = (record.get("_expand") or {}).get("digitaleAdressen") or []
    if adressen and draw(st.booleans()):
        record["digitaleAdressen"] = [
            {"uuid": a["uuid"], "url": a["url"]} for a in adressen if draw(st.booleans())
        ]
        for adres in adressen:
            adres["verstrektDoorPartij"] = {"uuid": record["uuid"], "url": record["url"]}
            adres["adres"] = draw(_ADRESSEN[adres["soortDigitaalAdres"]])
    return record


_DEEL = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def staat_in(record: object, veld: str) -> bool:
    """Whether ``veld`` (``_expand.digitaleAdressen[0].adres``) is a member of ``record``."""
    waarde = record
    for naam, index in _DEEL.findall(veld):
        if naam:
            if not isinstance(waarde, dict) or naam not in waarde:
                return False
            waarde = waarde[naam]
        else:
            if not isinstance(waarde, list) or int(index) >= len(waarde):
                return False
            waarde = waarde[int(index)]
    return True


def test_a_field_is_found_in_a_record_only_where_it_is() -> None:
    assert staat_in(PERSOON, "_expand.digitaleAdressen[2].adres")
    assert staat_in(PERSOON, "partijIdentificatie.contactnaam.voornaam")
    assert not staat_in(PERSOON, "_expand.digitaleAdressen[3].adres")
    assert not staat_in(PERSOON, "partijIdentificatie.naam")
    assert not staat_in(PERSOON, "nummer.x")


_SPEC_INSTELLINGEN = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)


@_SPEC_INSTELLINGEN
@given(partijen_volgens_de_spec())
def test_the_records_built_are_valid_as_open_klant_returns_them(record: dict[str, Any]) -> None:
    assert [] == fouten("klantinteracties", "ExpandPartij", record, richting="antwoord")


@_SPEC_INSTELLINGEN
@given(partijen_volgens_de_spec())
def test_any_partij_the_api_allows_is_read_and_every_problem_names_its_field(
    record: dict[str, Any],
) -> None:
    gelezen = lees(record)
    assert (gelezen.registratie is None) == bool(gelezen.problemen)
    for probleem in gelezen.problemen:
        assert probleem.soort is not Probleemsoort.NIET_OVERGENOMEN
        assert staat_in(record, probleem.veld), probleem
    for opmerking in gelezen.opmerkingen:
        assert opmerking.soort is Probleemsoort.NIET_OVERGENOMEN
        assert staat_in(record, opmerking.veld), opmerking


# --- 6. what the register does not hold ------------------------------------------------------

#: Per member the register does not hold: a value Open Klant returns for it.
NIET_GEHOUDEN: dict[str, Any] = {
    "interneNotitie": "Belt liever 's middags",
    "betrokkenen": [ref("betrokkenen", ANDERE_PARTIJ)],
    "categorieRelaties": [
        {
            **ref("categorie-relaties", ANDERE_PARTIJ),
            "categorieNaam": "Ondernemer",
            "beginDatum": "2024-01-01",
            "eindDatum": None,
        }
    ],
    "vertegenwoordigden": [ref("partijen", ANDERE_PARTIJ)],
    "voorkeursDigitaalAdres": ref("digitaleadressen", EMAIL),
    "rekeningnummers": [ref("rekeningnummers", ANDERE_PARTIJ)],
    "voorkeursRekeningnummer": ref("rekeningnummers", ANDERE_PARTIJ),
}


def test_every_member_the_register_does_not_hold_is_tested_here() -> None:
    assert set(NIET_IN_REGISTER) == set(NIET_GEHOUDEN)


@pytest.mark.parametrize(
    "lid", ["indicatieActief", "indicatieGeheimhouding", "partijIdentificatie.werkteVoorPartij"]
)
def test_the_kenmerken_are_held_not_noted(lid: str) -> None:
    assert lid not in NIET_IN_REGISTER


@pytest.mark.parametrize("lid", list(NIET_GEHOUDEN))
def test_a_member_the_register_does_not_hold_is_noted_and_the_partij_read(lid: str) -> None:
    record = met(PERSOON, **{lid: NIET_GEHOUDEN[lid]})
    assert [] == fouten("klantinteracties", "ExpandPartij", record, richting="antwoord")
    gelezen = lees(record)
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    assert ANNA == gelezen.registratie.klantgegevens
    assert [(lid, Probleemsoort.NIET_OVERGENOMEN)] == velden(gelezen.opmerkingen)
    assert "wordt niet overgenomen" in gelezen.opmerkingen[0].melding


def test_the_organisation_a_contactpersoon_works_for_is_kept_not_noted() -> None:
    gelezen = lees(CONTACTPERSOON)
    assert gelezen.registratie is not None
    assert Klantgegevens(voorletters="P.", voornaam="Piet", achternaam="de Vries") == (
        gelezen.registratie.klantgegevens
    )
    assert (Kenmerken("contactpersoon", geheimhouding=False, werkt_voor=ORGANISATIE_ID), ()) == (
        gelezen.registratie.kenmerken,
        gelezen.opmerkingen,
    )


def test_a_free_identificator_beside_a_number_is_noted() -> None:
    record = met(PERSOON)
    record["partijIdentificatoren"][0]["anderePartijIdentificator"] = "klantenpas 7"
    gelezen = lees(record)
    assert gelezen.registratie is not None
    assert [
        ("partijIdentificatoren[0].anderePartijIdentificator", Probleemsoort.NIET_OVERGENOMEN)
    ] == velden(gelezen.opmerkingen)


def test_notes_are_given_beside_the_problems_of_a_partij_that_is_not_read() -> None:
    record = met(PERSOON, voorkeurstaal="xyz", interneNotitie="Belt liever 's middags")
    gelezen = lees(record)
    assert gelezen.registratie is None
    assert [("voorkeurstaal", Probleemsoort.CODE)] == velden(gelezen.problemen)
    assert [("interneNotitie", Probleemsoort.NIET_OVERGENOMEN)] == velden(gelezen.opmerkingen)


def test_a_note_never_shows_a_full_number() -> None:
    record = met(PERSOON, nummer="1112223334", interneNotitie="BSN 111222333")
    record["partijIdentificatoren"][0]["anderePartijIdentificator"] = "111222333"
    for opmerking in lees(record).opmerkingen:
        assert "111222" not in str(opmerking)


# --- hostile input in the places only a response has ----------------------------------------

json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.sampled_from([PARTIJ]),
    lambda kinderen: (
        st.lists(kinderen, max_size=3) | st.dictionaries(st.text(max_size=8), kinderen, max_size=3)
    ),
    max_leaves=12,
)
#: The members a response adds, and those a reader follows from one to another.
_LEDEN = [
    "_expand",
    "digitaleAdressen",
    "verstrektDoorPartij",
    "subIdentificatorVan",
    "uuid",
    "url",
    "adres",
    "soortDigitaalAdres",
    "nummer",
    "werkteVoorPartij",
    "partijIdentificatie",
    "indicatieActief",
    "indicatieGeheimhouding",
    *NIET_IN_REGISTER,
]


def _objecten(waarde: object) -> list[dict[str, Any]]:
    """Every object in a JSON value, the value itself first."""
    if isinstance(waarde, dict):
        return [waarde, *(o for w in waarde.values() for o in _objecten(w))]
    if isinstance(waarde, list):
        return [o for w in waarde for o in _objecten(w)]
    return []


@given(st.sampled_from(list(ANTWOORDEN.values())), st.data())
def test_a_response_with_members_of_any_type_anywhere_is_reported_never_raised(
    basis: dict[str, Any], data: st.DataObject
) -> None:
    record = met(basis)
    for _ in range(data.draw(st.integers(1, 4))):
        doel = data.draw(st.sampled_from(_objecten(record)))
        doel[data.draw(st.sampled_from(_LEDEN))] = data.draw(json_waarden)
    gelezen = lees(record)
    assert (gelezen.registratie is None) == bool(gelezen.problemen)
    assert {Probleemsoort.NIET_OVERGENOMEN} >= {o.soort for o in gelezen.opmerkingen}
    for melding in (*gelezen.problemen, *gelezen.opmerkingen):
        assert "111222" not in str(melding)


# --- the bezoekadres is the klant's address --------------------------------------------

BEZOEKADRES = {
    "nummeraanduidingId": "0363200000123456",
    "straatnaam": "Amstel",
    "huisnummer": 1,
    "huisnummertoevoeging": "",
    "postcode": "1011 PN",
    "stad": "Amsterdam",
    "adresregel1": "",
    "adresregel2": "",
    "adresregel3": "",
    "land": "NL",
}


def test_the_bezoekadres_is_read_as_the_klants_address_and_its_bag_id_noted() -> None:
    record = met(PERSOON, bezoekadres=BEZOEKADRES)
    assert [] == fouten("klantinteracties", "ExpandPartij", record, richting="antwoord")
    gelezen = lees(record)
    assert gelezen.registratie is not None
    verwacht = Adres(
        straatnaam="Amstel", huisnummer=1, postcode="1011 PN", woonplaatsnaam="Amsterdam"
    )
    assert (verwacht, [("bezoekadres.nummeraanduidingId", Probleemsoort.NIET_OVERGENOMEN)]) == (
        gelezen.registratie.klantgegevens.adres,
        velden(gelezen.opmerkingen),
    )


@pytest.mark.parametrize(
    ("bezoekadres", "veld", "soort"),
    [
        ({"postcode": "1011"}, "bezoekadres.postcode", Probleemsoort.FORMAAT),
        ({"land": "6030"}, "bezoekadres.land", Probleemsoort.CODE),
        ({"land": "XX"}, "bezoekadres.land", Probleemsoort.CODE),
        ({"huisnummer": 100_000}, "bezoekadres.huisnummer", Probleemsoort.LENGTE),
        ("Amstel 1", "bezoekadres", Probleemsoort.TYPE),
    ],
)
def test_a_bezoekadres_the_register_cannot_take_is_a_problem_naming_the_field(
    bezoekadres: object, veld: str, soort: Probleemsoort
) -> None:
    gelezen = lees(met(PERSOON, bezoekadres=bezoekadres))
    assert ([(veld, soort)], None) == (velden(gelezen.problemen), gelezen.registratie)


@given(
    st.builds(
        Adres,
        straatnaam=st.none() | st.sampled_from(["Amstel", "Coolsingel", "Ĳsselkade"]),
        huisnummer=st.none() | st.integers(1, 99_999),
        huisnummertoevoeging=st.none() | st.from_regex(r"[A-Za-z0-9]{1,4}", fullmatch=True),
        postcode=st.none() | st.from_regex(r"[1-9][0-9]{3} [A-RT-Z][A-Z]", fullmatch=True),
        woonplaatsnaam=st.none() | st.sampled_from(["Amsterdam", "Rotterdam", "Zwolle"]),
    )
    | st.builds(
        Adres,
        adresregel1=st.sampled_from(["Meir 1", "10 Downing Street", "Unter den Linden 5"]),
        adresregel2=st.none() | st.sampled_from(["2000 Antwerpen", "London SW1A 2AA"]),
        woonplaatsnaam=st.none() | st.sampled_from(["Antwerpen", "London", "Berlin"]),
        land=st.sampled_from(["BE", "GB", "DE", "5010", "6039", "SH"]),
    )
)
def test_an_address_written_as_bezoekadres_reads_back_as_the_same_address(adres: Adres) -> None:
    gegevens = Klantgegevens(voornaam="An", adres=adres)
    klant = Klant(uuid.UUID(int=5), "0363", "5", gegevens)
    partij = klantinteracties.naar_partij(klant)
    gelezen = klantinteracties.lees_partij(partij, gemeenten="0363")
    assert gelezen.registratie is not None
    assert gegevens.adres == gelezen.registratie.klantgegevens.adres


def test_the_correspondentieadres_is_read_as_the_klants_and_written_back() -> None:
    record = met(
        PERSOON,
        correspondentieadres={"straatnaam": "Postbus", "huisnummer": 202, "postcode": "1000 AE"},
    )
    assert [] == fouten("klantinteracties", "ExpandPartij", record, richting="antwoord")
    gelezen = lees(record)
    assert gelezen.registratie is not None
    verwacht = Adres(straatnaam="Postbus", huisnummer=202, postcode="1000 AE")
    assert (verwacht, ()) == (
        gelezen.registratie.klantgegevens.correspondentieadres,
        gelezen.opmerkingen,
    )
    klant = Klant(uuid.UUID(int=6), "0363", "6", gelezen.registratie.klantgegevens)
    terug = klantinteracties.naar_partij(klant)["correspondentieadres"]
    assert {"straatnaam": "Postbus", "huisnummer": 202, "postcode": "1000 AE", "land": "NL"} == (
        terug
    )


def test_a_bad_land_of_a_bezoekadres_is_reported_once() -> None:
    gelezen = lees(
        met(PERSOON, bezoekadres={"straatnaam": "Meir", "stad": "Antwerpen", "land": "XX"})
    )
    assert [("bezoekadres.land", Probleemsoort.CODE)] == velden(gelezen.problemen)


def test_a_member_the_partij_format_does_not_know_is_noted_by_name() -> None:
    gelezen = lees(met(PERSOON, eigenVeld="iets", leegVeld=""))
    assert gelezen.registratie is not None
    assert [("eigenVeld", Probleemsoort.NIET_OVERGENOMEN)] == velden(gelezen.opmerkingen)
