"""KlantRegister.to_records(): flat dicts of plain values, masked unless asked in full."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import pytest
from hypothesis import given

from gemachtigd import als, vastgelegd
from klantregister import (
    Adres,
    Authenticatie,
    Betrouwbaarheidsniveau,
    BuitenlandsNummer,
    Identificatie,
    Kenmerken,
    Klantgegevens,
    KlantRegister,
    OngeldigeWaardeError,
)
from klantregister.testing import bsns, identificaties, klantgegevens

AMSTERDAM = "0363"
ROTTERDAM = "0599"
DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD")

SLEUTELS = [
    "id",
    "gemeente",
    "klantnummer",
    "versie",
    "aangehaakt",
    "soort",
    "bsn",
    "a_nummer",
    "kvk_nummer",
    "vestigingsnummer",
    "rsin",
    "buitenlands_land",
    "buitenlands_register",
    "buitenlands_nummer",
    "subject_url",
    "partijsoort",
    "actief",
    "geheimhouding",
    "werkt_voor",
    "voorletters",
    "voornaam",
    "voorvoegsel_achternaam",
    "achternaam",
    "bedrijfsnaam",
    "functie",
    "emailadres",
    "telefoonnummer",
    "website_url",
    "adres_straatnaam",
    "adres_huisnummer",
    "adres_huisletter",
    "adres_huisnummertoevoeging",
    "adres_postcode",
    "adres_woonplaatsnaam",
    "adres_adresregel1",
    "adres_adresregel2",
    "adres_adresregel3",
    "adres_land",
    "voorkeurstaal",
    "correspondentieadres_straatnaam",
    "correspondentieadres_huisnummer",
    "correspondentieadres_huisletter",
    "correspondentieadres_huisnummertoevoeging",
    "correspondentieadres_postcode",
    "correspondentieadres_woonplaatsnaam",
    "correspondentieadres_adresregel1",
    "correspondentieadres_adresregel2",
    "correspondentieadres_adresregel3",
    "correspondentieadres_land",
]

JANSEN = Klantgegevens(
    voornaam="Piet",
    achternaam="Jansen",
    telefoonnummer="06-12345678",
    adres=Adres(straatnaam="Amstel", huisnummer=1, postcode="1011pn", woonplaatsnaam="Amsterdam"),
)
SUBJECT = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/111222333"
JANSEN_ID = Identificatie.natuurlijk_persoon(
    bsn="111222333",
    a_nummer="1234567890",
    buitenlands=BuitenlandsNummer("DE", "Melderegister", "L01X00T47"),
    subject_url=SUBJECT,
)
WERKGEVER = uuid.UUID("6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
JANSEN_KENMERKEN = Kenmerken("contactpersoon", False, True, WERKGEVER)


def met_jansen(register: KlantRegister) -> KlantRegister:
    register.registreer(
        AMSTERDAM,
        JANSEN,
        JANSEN_ID,
        authenticatie=als(JANSEN_ID, DIGID),
        kenmerken=JANSEN_KENMERKEN,
    )
    return register


@pytest.mark.unit
def test_every_record_has_the_same_keys_in_the_same_order() -> None:
    register = met_jansen(KlantRegister())
    register.registreer(ROTTERDAM)

    assert [SLEUTELS, SLEUTELS] == [list(record) for record in register.to_records()]


def test_a_record_gives_the_klant_flattened_with_its_identifiers_masked(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = met_jansen(maak_register())
    klant = next(iter(register))

    [record] = register.to_records()

    assert {
        "id": str(klant.id),
        "gemeente": AMSTERDAM,
        "klantnummer": "00000001",
        "versie": 1,
        "aangehaakt": True,
        "soort": "natuurlijk_persoon",
        "bsn": "******333",
        "a_nummer": "*******890",
        "kvk_nummer": None,
        "vestigingsnummer": None,
        "rsin": None,
        "buitenlands_land": "DE",
        "buitenlands_register": "Melderegister",
        "buitenlands_nummer": "*****0T47",
        "subject_url": "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/******333",
        "partijsoort": "contactpersoon",
        "actief": False,
        "geheimhouding": True,
        "werkt_voor": "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "voorletters": None,
        "voornaam": "Piet",
        "voorvoegsel_achternaam": None,
        "achternaam": "Jansen",
        "bedrijfsnaam": None,
        "functie": None,
        "emailadres": None,
        "telefoonnummer": "**-*****678",
        "website_url": None,
        "adres_straatnaam": "Amstel",
        "adres_huisnummer": 1,
        "adres_huisletter": None,
        "adres_huisnummertoevoeging": None,
        "adres_postcode": "1011 PN",
        "adres_woonplaatsnaam": "Amsterdam",
        "adres_adresregel1": None,
        "adres_adresregel2": None,
        "adres_adresregel3": None,
        "adres_land": "NL",
        "voorkeurstaal": None,
        "correspondentieadres_straatnaam": None,
        "correspondentieadres_huisnummer": None,
        "correspondentieadres_huisletter": None,
        "correspondentieadres_huisnummertoevoeging": None,
        "correspondentieadres_postcode": None,
        "correspondentieadres_woonplaatsnaam": None,
        "correspondentieadres_adresregel1": None,
        "correspondentieadres_adresregel2": None,
        "correspondentieadres_adresregel3": None,
        "correspondentieadres_land": None,
    } == record


def test_volledig_gives_identifiers_and_free_text_in_full(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = met_jansen(maak_register())

    [record] = register.to_records(volledig=True)

    assert {
        "bsn": "111222333",
        "a_nummer": "1234567890",
        "buitenlands_nummer": "L01X00T47",
        "telefoonnummer": "06-12345678",
        "subject_url": SUBJECT,
    } == {
        sleutel: record[sleutel]
        for sleutel in ("bsn", "a_nummer", "buitenlands_nummer", "telefoonnummer", "subject_url")
    }


@pytest.mark.unit
def test_an_organisations_numbers_are_not_masked() -> None:
    register = KlantRegister()
    register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.niet_natuurlijk_persoon(
            kvk_nummer="69046938", vestigingsnummer="000012345678", rsin="111222333"
        ),
        authenticatie=als(
            Identificatie.niet_natuurlijk_persoon(
                kvk_nummer="69046938", vestigingsnummer="000012345678", rsin="111222333"
            ),
            DIGID,
        ),
    )

    [record] = register.to_records()

    assert ("niet_natuurlijk_persoon", "69046938", "000012345678", "111222333") == (
        record["soort"],
        record["kvk_nummer"],
        record["vestigingsnummer"],
        record["rsin"],
    )


@pytest.mark.unit
def test_a_zelfstandige_klant_has_no_soort_and_no_identifiers() -> None:
    register = KlantRegister()
    register.registreer(AMSTERDAM)

    [record] = register.to_records()

    assert (False, None, True) == (record["aangehaakt"], record["soort"], record["actief"])
    assert all(record[sleutel] is None for sleutel in SLEUTELS[6:] if sleutel != "actief")


@pytest.mark.unit
def test_a_bsn_typed_into_a_free_text_field_is_masked_unless_volledig() -> None:
    register = KlantRegister()
    register.registreer(AMSTERDAM, Klantgegevens(functie="BSN 1112.22.333"))

    assert ["BSN ****.**.333", "BSN 1112.22.333"] == [
        register.to_records()[0]["functie"],
        register.to_records(volledig=True)[0]["functie"],
    ]


def test_records_come_one_per_klant_in_order_of_registration(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    klanten = [register.registreer(gemeente) for gemeente in (AMSTERDAM, ROTTERDAM, AMSTERDAM)]

    assert [(str(k.id), str(k.gemeente), k.klantnummer) for k in klanten] == [
        (r["id"], r["gemeente"], r["klantnummer"]) for r in register.to_records()
    ]


@pytest.mark.unit
def test_an_empty_register_gives_no_records() -> None:
    assert [] == KlantRegister().to_records()


@pytest.mark.unit
@pytest.mark.parametrize("volledig", ["ja", 1, None])
def test_volledig_must_be_true_or_false(volledig: object) -> None:
    register = met_jansen(KlantRegister())

    with pytest.raises(OngeldigeWaardeError, match="volledig"):
        register.to_records(volledig=volledig)  # type: ignore[arg-type]


@pytest.mark.unit
@given(gegevens=klantgegevens, identificatie=identificaties)
def test_records_hold_only_plain_values_and_survive_json(
    gegevens: Klantgegevens, identificatie: Identificatie
) -> None:
    register = KlantRegister()
    register.registreer(AMSTERDAM, gegevens, identificatie, **vastgelegd(identificatie))

    for volledig in (False, True):
        records = register.to_records(volledig=volledig)
        assert all(
            waarde is None or type(waarde) in {str, int, bool}
            for record in records
            for waarde in record.values()
        )
        assert records == json.loads(json.dumps(records))


@pytest.mark.unit
@given(bsn=bsns, gegevens=klantgegevens)
def test_masked_records_never_hold_a_bsn_in_full(bsn: str, gegevens: Klantgegevens) -> None:
    register = KlantRegister()
    register.registreer(
        AMSTERDAM,
        gegevens,
        Identificatie.natuurlijk_persoon(bsn=bsn),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=bsn), DIGID),
    )

    [record] = register.to_records()

    assert not any(bsn in str(waarde) for waarde in record.values())
    assert bsn == register.to_records(volledig=True)[0]["bsn"]
