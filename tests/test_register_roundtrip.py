"""Every field of a klant comes back from each storage exactly as it went in.

Each test runs on memory, SQLite and PostgreSQL (the ``maak_register``
fixture). "Exactly" is stricter than ``==``: a :class:`BuitenlandsNummer`
compares its register without regard to case, so the tests compare
:func:`attrs.asdict` too, which holds every value as the plain value it is.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gemachtigd import als, vastgelegd
from klantregister import (
    Adres,
    Authenticatie,
    Betrouwbaarheidsniveau,
    BuitenlandsNummer,
    Identificatie,
    Kenmerken,
    Klant,
    Klantgegevens,
    KlantRegister,
)
from klantregister.testing import identificaties, kenmerken, klantgegevens

MaakRegister = Callable[..., KlantRegister]

AMSTERDAM = "0363"
DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD Midden")

# Hypothesis draws examples into one storage per test: a few dozen keep the SQL ones quick.
OPSLAG_VOORBEELDEN = settings(
    max_examples=30,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def precies(klant: Klant) -> dict[str, Any]:
    """Every value of the klant, nested values as dicts: equal only if equal exactly."""
    return attrs.asdict(klant)


@pytest.fixture
def register(maak_register: MaakRegister) -> KlantRegister:
    return maak_register()


def terug(
    register: KlantRegister,
    klantgegevens: Klantgegevens | None = None,
    identificatie: Identificatie | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Register a klant; the klant returned, and the klant read back, each exactly."""
    klant = register.registreer(
        AMSTERDAM,
        klantgegevens,
        identificatie,
        **vastgelegd(identificatie, DIGID if identificatie else None),
    )
    return precies(klant), precies(register.get(klant.id))


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "naam", ["Zoë", "Ĳsbrand", "Ça", "Ørjan Åsmund", "Đặng Thị", "Łukasz", "Μαρία", "Ιωάννης-Ŧ"]
)
def test_a_name_with_letters_outside_ascii_comes_back_exactly(
    register: KlantRegister, naam: str
) -> None:
    geschreven, gelezen = terug(register, Klantgegevens(voornaam=naam, achternaam=naam))

    assert geschreven == gelezen


def test_a_name_typed_with_a_combining_diaeresis_comes_back_precomposed(
    register: KlantRegister,
) -> None:
    klant = register.registreer(AMSTERDAM, Klantgegevens(voornaam="Zoe\u0308"))

    assert "Zo\u00eb" == register.get(klant.id).klantgegevens.voornaam


def test_a_name_with_runs_of_whitespace_comes_back_with_single_spaces(
    register: KlantRegister,
) -> None:
    klant = register.registreer(AMSTERDAM, Klantgegevens(achternaam=" van\u00a0 der\tBerg "))

    assert "van der Berg" == register.get(klant.id).klantgegevens.achternaam


def test_a_character_outside_the_basic_multilingual_plane_comes_back_exactly(
    register: KlantRegister,
) -> None:
    geschreven, gelezen = terug(register, Klantgegevens(functie="𝔄𝔫𝔫𝔞 😀"))

    assert geschreven == gelezen


# --- absent and given values -------------------------------------------------------------


def test_klantgegevens_with_nothing_given_come_back_empty(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM, Klantgegevens())

    assert Klantgegevens() == register.get(klant.id).klantgegevens


def test_fields_not_given_come_back_absent(register: KlantRegister) -> None:
    geschreven, gelezen = terug(register, Klantgegevens(achternaam="Jansen"))

    assert geschreven == gelezen


def test_every_field_given_comes_back_exactly(register: KlantRegister) -> None:
    gegevens = Klantgegevens(
        voorletters="A.M.",
        voornaam="Anna",
        voorvoegsel_achternaam="van der",
        achternaam="Berg",
        bedrijfsnaam="Berg & Zn.",
        functie="inkoper",
        emailadres="anna@Example.NL",
        telefoonnummer="+31 20 123 4567",
        website_url="https://example.nl/anna?taal=nl",
        adres=Adres(straatnaam="Amstel", huisnummer=1, postcode="1011pn", woonplaatsnaam="A'dam"),
        voorkeurstaal="NLD",
    )

    geschreven, gelezen = terug(register, gegevens)

    assert geschreven == gelezen


def test_a_dutch_address_comes_back_exactly(register: KlantRegister) -> None:
    adres = Adres(
        straatnaam="Coolsingel",
        huisnummer=40,
        huisletter="b",
        huisnummertoevoeging="2h",
        postcode="3011 AD",
        woonplaatsnaam="Rotterdam",
    )

    geschreven, gelezen = terug(register, Klantgegevens(adres=adres))

    assert geschreven == gelezen


def test_house_number_0_comes_back_as_0(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM, Klantgegevens(adres=Adres(huisnummer=0)))

    adres = register.get(klant.id).klantgegevens.adres
    assert 0 == (None if adres is None else adres.huisnummer)


def test_a_foreign_address_with_adresregels_comes_back_exactly(register: KlantRegister) -> None:
    adres = Adres(
        adresregel1="Rue de la Loi 16",
        adresregel2="Boîte 3",
        adresregel3="Bruxelles",
        postcode="B-1000",
        land="be",
    )

    geschreven, gelezen = terug(register, Klantgegevens(adres=adres))

    assert geschreven == gelezen


def test_an_address_giving_only_a_foreign_land_comes_back(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM, Klantgegevens(adres=Adres(land="DE")))

    assert Adres(land="DE") == register.get(klant.id).klantgegevens.adres


@pytest.mark.parametrize("taal", ["nld", "dut", "eng", "TUR"])
def test_the_voorkeurstaal_comes_back_as_stored(register: KlantRegister, taal: str) -> None:
    klant = register.registreer(AMSTERDAM, Klantgegevens(voorkeurstaal=taal))

    assert taal.lower() == register.get(klant.id).klantgegevens.voorkeurstaal


# --- identifiers ---------------------------------------------------------------------------


def test_a_persons_every_identifier_comes_back_exactly(register: KlantRegister) -> None:
    identificatie = Identificatie.natuurlijk_persoon(
        bsn="111222333",
        a_nummer="1234567890",
        buitenlands=BuitenlandsNummer("DE", "Melderegister Berlin", "L01X00T47"),
    )

    geschreven, gelezen = terug(register, identificatie=identificatie)

    assert geschreven == gelezen


def test_an_organisations_every_identifier_comes_back_exactly(register: KlantRegister) -> None:
    identificatie = Identificatie.niet_natuurlijk_persoon(
        kvk_nummer="69046938",
        vestigingsnummer="000012345678",
        rsin="002220647",
        buitenlands=BuitenlandsNummer("GB", "Companies House", "SC123456"),
    )

    geschreven, gelezen = terug(register, identificatie=identificatie)

    assert geschreven == gelezen


@pytest.mark.parametrize("naam", ["Melderegister Berlin", "melderegister berlin", "KRS", "kRs"])
def test_a_foreign_registers_name_comes_back_in_the_case_it_was_given(
    register: KlantRegister, naam: str
) -> None:
    identificatie = Identificatie.natuurlijk_persoon(
        buitenlands=BuitenlandsNummer("PL", naam, "AB123")
    )
    klant = register.registreer(AMSTERDAM, identificatie=identificatie, **vastgelegd(identificatie))

    gelezen = register.get(klant.id).identificatie
    assert naam == (
        None if gelezen is None or gelezen.buitenlands is None else gelezen.buitenlands.register
    )


def test_a_zelfstandige_klant_comes_back_without_identificatie(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM, Klantgegevens(voornaam="Anna"))

    assert register.get(klant.id).identificatie is None


def test_a_given_klantnummer_comes_back_exactly(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM, klantnummer="k-Ä42")

    assert "k-Ä42" == register.get(klant.id).klantnummer


# --- versie ----------------------------------------------------------------------------------


def test_the_versie_comes_back_as_raised_by_each_change(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn="111222333"), DIGID),
    )
    register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"))
    register.corrigeer_identificatie(
        klant.id,
        Identificatie.natuurlijk_persoon(bsn="123456782"),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn="123456782"), DIGID),
    )
    laatste = register.wijzig_klantgegevens(klant.id, None)

    assert (4, precies(laatste)) == (
        register.get(klant.id).versie,
        precies(register.get(klant.id)),
    )


# --- for all values ---------------------------------------------------------------------------


@contextmanager
def opgeruimd(register: KlantRegister) -> Iterator[list[uuid.UUID]]:
    """Collect ids of klanten registered in the block; they are erased after it, whatever happens.

    Hypothesis runs every example against the one storage of the test, so each
    example leaves it as it found it.
    """
    geregistreerd: list[uuid.UUID] = []
    try:
        yield geregistreerd
    finally:
        for klant_id in geregistreerd:
            register.verwijder(klant_id)


@OPSLAG_VOORBEELDEN
@given(gegevens=klantgegevens, identificatie=st.none() | identificaties, data=st.data())
def test_any_klant_comes_back_exactly(
    register: KlantRegister,
    gegevens: Klantgegevens,
    identificatie: Identificatie | None,
    data: st.DataObject,
) -> None:
    eigen = data.draw(kenmerken(None if identificatie is None else identificatie.soort))
    with opgeruimd(register) as geregistreerd:
        klant = register.registreer(
            AMSTERDAM,
            gegevens,
            identificatie,
            **vastgelegd(identificatie),
            kenmerken=eigen,
        )
        geregistreerd.append(klant.id)

        assert (klant, precies(klant)) == (
            register.get(klant.id),
            precies(register.get(klant.id)),
        )


@OPSLAG_VOORBEELDEN
@given(wijzigingen=st.lists(klantgegevens, min_size=1, max_size=4))
def test_a_klant_comes_back_exactly_after_any_changes(
    register: KlantRegister, wijzigingen: list[Klantgegevens]
) -> None:
    with opgeruimd(register) as geregistreerd:
        klant = register.registreer(AMSTERDAM)
        geregistreerd.append(klant.id)
        for gegevens in wijzigingen:
            klant = register.wijzig_klantgegevens(klant.id, gegevens, versie=klant.versie)

        assert precies(klant) == precies(register.get(klant.id))


@OPSLAG_VOORBEELDEN
@given(wijzigingen=st.lists(kenmerken(), min_size=1, max_size=4))
def test_a_klant_comes_back_exactly_after_any_changes_of_its_kenmerken(
    register: KlantRegister, wijzigingen: list[Kenmerken]
) -> None:
    with opgeruimd(register) as geregistreerd:
        klant = register.registreer(AMSTERDAM)
        geregistreerd.append(klant.id)
        for eigen in wijzigingen:
            klant = register.wijzig_kenmerken(klant.id, eigen, versie=klant.versie)

        assert (wijzigingen[-1], precies(klant)) == (
            klant.kenmerken,
            precies(register.get(klant.id)),
        )


def test_a_subject_url_comes_back_exactly(register: KlantRegister) -> None:
    url = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/111222333"
    gegeven, gelezen = terug(register, None, Identificatie.natuurlijk_persoon(subject_url=url))
    assert (url, gegeven) == (gelezen["identificatie"]["subject_url"]["waarde"], gelezen)


def _houden_elk_hun_persoon(registraties: list[tuple[Klantgegevens, Identificatie | None]]) -> bool:
    """Whether rule 1 allows registering all of them: no natural-person key held twice."""
    sleutels = [
        sleutel
        for _, identificatie in registraties
        if identificatie is not None
        for sleutel in identificatie.persoonssleutels
    ]
    return len(sleutels) == len(set(sleutels))


registratielijsten = st.lists(
    st.tuples(klantgegevens, st.none() | identificaties), max_size=6
).filter(_houden_elk_hun_persoon)


@pytest.mark.storage
@pytest.mark.parametrize("opslag_url", ["sqlite", "postgresql"], indirect=True)
@OPSLAG_VOORBEELDEN
@given(registraties=registratielijsten)
def test_a_register_opened_again_holds_exactly_the_same_klanten(
    maak_register: MaakRegister,
    registraties: list[tuple[Klantgegevens, Identificatie | None]],
) -> None:
    # Each register is closed at once: many examples, and the server has few connections.
    with maak_register() as opruimer, opgeruimd(opruimer) as geregistreerd:
        with maak_register() as origineel:
            for gegevens, identificatie in registraties:
                klant = origineel.registreer(
                    AMSTERDAM, gegevens, identificatie, **vastgelegd(identificatie)
                )
                geregistreerd.append(klant.id)
            voor = list(origineel)

        with maak_register() as heropend:
            assert (voor, [precies(k) for k in voor]) == (
                list(heropend),
                [precies(k) for k in heropend],
            )
