"""Example tests for the KlantRegister aggregate: every rule and every error, spelled out."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

import pytest

from gemachtigd import als
from klantregister import (
    ANummer,
    Authenticatie,
    Betrouwbaarheidsniveau,
    BetrouwbaarheidsniveauError,
    Bsn,
    BuitenlandsNummer,
    Gemeentecode,
    GemengdeIdentificatieError,
    Identificatie,
    KardinaliteitError,
    Klant,
    KlantBestaatAlError,
    Klantgegevens,
    KlantNietGevondenError,
    KlantnummerInGebruikError,
    KlantRegister,
    KlantregisterError,
    KvkNummer,
    MemoryRepository,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    OngeldigTypeError,
    Rsin,
    Subjectsoort,
    SubjectsoortError,
    VersieconflictError,
    Vestigingsnummer,
    ZelfstandigeKlantError,
)

AMSTERDAM = "0363"
ROTTERDAM = "0599"

BSN = "111222333"
ANDER_BSN = "123456782"
A_NUMMER = "1234567890"
ANDER_A_NUMMER = "9876543210"
KVK = "69046938"
RSIN = "002220647"
VESTIGING = "000012345678"

LAAG = Authenticatie(Betrouwbaarheidsniveau.LAAG, "DigiD Basis")
DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD Midden")
HOOG = Authenticatie(Betrouwbaarheidsniveau.HOOG, "DigiD Hoog")


persoon = Identificatie.natuurlijk_persoon


bedrijf = Identificatie.niet_natuurlijk_persoon


def ids(klanten: tuple[Klant, ...] | list[Klant]) -> list[uuid.UUID]:
    return [klant.id for klant in klanten]


MaakRegister = Callable[..., KlantRegister]


@pytest.fixture
def register(maak_register: MaakRegister) -> KlantRegister:
    """A new, empty register on each storage in turn: memory, SQLite, PostgreSQL."""
    return maak_register()


# --- registreer ---------------------------------------------------------------


def test_a_klant_registered_without_identificatie_is_zelfstandig(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)

    assert (None, True, False) == (klant.identificatie, klant.zelfstandig, klant.aangehaakt)


def test_a_klant_registered_with_identificatie_and_authenticatie_is_aangehaakt(
    register: KlantRegister,
) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    assert (persoon(bsn=BSN), True, False) == (
        klant.identificatie,
        klant.aangehaakt,
        klant.zelfstandig,
    )


def test_a_registered_klant_starts_at_versie_1(register: KlantRegister) -> None:
    assert 1 == register.registreer(AMSTERDAM).versie


def test_a_registered_klant_belongs_to_the_gemeente_given(register: KlantRegister) -> None:
    assert Gemeentecode("0363") == register.registreer(AMSTERDAM).gemeente


def test_registreer_keeps_the_klantgegevens_given(register: KlantRegister) -> None:
    gegevens = Klantgegevens(voornaam="Anna", achternaam="Jansen", emailadres="anna@example.nl")

    klant = register.registreer(AMSTERDAM, gegevens)

    assert (
        Klantgegevens(voornaam="Anna", achternaam="Jansen", emailadres="anna@example.nl")
        == register.get(klant.id).klantgegevens
    )


def test_registreer_without_klantgegevens_records_none(register: KlantRegister) -> None:
    assert Klantgegevens() == register.registreer(AMSTERDAM).klantgegevens


def test_a_registered_klant_can_be_read_back(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    assert klant == register.get(klant.id)


def test_every_registered_klant_gets_a_new_id(register: KlantRegister) -> None:
    klanten = [register.registreer(AMSTERDAM) for _ in range(10)]

    assert 10 == len(set(ids(klanten)))


def test_klantnummers_are_generated_in_sequence_per_gemeente(register: KlantRegister) -> None:
    nummers = [
        register.registreer(AMSTERDAM).klantnummer,
        register.registreer(AMSTERDAM).klantnummer,
        register.registreer(ROTTERDAM).klantnummer,
        register.registreer(AMSTERDAM).klantnummer,
    ]

    assert ["00000001", "00000002", "00000001", "00000003"] == nummers


def test_a_given_klantnummer_is_kept(register: KlantRegister) -> None:
    assert "K-42" == register.registreer(AMSTERDAM, klantnummer="K-42").klantnummer


def test_a_klantnummer_already_given_in_the_gemeente_is_refused(register: KlantRegister) -> None:
    eerste = register.registreer(AMSTERDAM, klantnummer="K-42")

    with pytest.raises(KlantnummerInGebruikError) as fout:
        register.registreer(AMSTERDAM, klantnummer="K-42")

    assert eerste.id == fout.value.klant_id


def test_a_given_klantnummer_may_not_take_a_generated_one(register: KlantRegister) -> None:
    eerste = register.registreer(AMSTERDAM)

    with pytest.raises(KlantnummerInGebruikError) as fout:
        register.registreer(AMSTERDAM, klantnummer="00000001")

    assert eerste.id == fout.value.klant_id


def test_the_same_klantnummer_may_be_given_in_another_gemeente(register: KlantRegister) -> None:
    register.registreer(AMSTERDAM, klantnummer="K-42")

    assert "K-42" == register.registreer(ROTTERDAM, klantnummer="K-42").klantnummer


def test_generated_klantnummers_skip_one_already_given(register: KlantRegister) -> None:
    register.registreer(AMSTERDAM, klantnummer="00000002")

    nummers = [register.registreer(AMSTERDAM).klantnummer for _ in range(2)]

    assert ["00000001", "00000003"] == nummers


def test_an_invalid_klantnummer_is_refused(register: KlantRegister) -> None:
    with pytest.raises(OngeldigeWaardeError):
        register.registreer(AMSTERDAM, klantnummer="12345678901")


@pytest.mark.parametrize("gemeente", ["0363", "GM0363", "gm0363", " 0363 "])
def test_a_gemeente_may_be_given_as_plain_text(register: KlantRegister, gemeente: str) -> None:
    assert Gemeentecode("0363") == register.registreer(gemeente).gemeente


@pytest.mark.parametrize("gemeente", ["363", "03630", "0000", "GM", "", "Amsterdam", "０３６３"])
def test_an_invalid_gemeente_is_refused(register: KlantRegister, gemeente: str) -> None:
    with pytest.raises(OngeldigeWaardeError):
        register.registreer(gemeente)


def test_klantgegevens_of_the_wrong_type_are_refused(register: KlantRegister) -> None:
    with pytest.raises(OngeldigeWaardeError):
        register.registreer(AMSTERDAM, {"voornaam": "Anna"})  # type: ignore[arg-type]


def test_an_identificatie_of_the_wrong_type_is_refused(register: KlantRegister) -> None:
    with pytest.raises(OngeldigeWaardeError):
        register.registreer(AMSTERDAM, identificatie=BSN, authenticatie=als(BSN, DIGID))  # type: ignore[arg-type]


def test_an_authenticatie_of_the_wrong_type_is_refused(register: KlantRegister) -> None:
    with pytest.raises(OngeldigeWaardeError):
        register.registreer(
            AMSTERDAM,
            identificatie=persoon(bsn=BSN),
            authenticatie=als(persoon(bsn=BSN), "substantieel"),  # type: ignore[arg-type]
        )


def test_an_authenticatie_of_the_wrong_type_is_refused_for_a_zelfstandige_klant_too(
    register: KlantRegister,
) -> None:
    with pytest.raises(OngeldigeWaardeError):
        register.registreer(AMSTERDAM, authenticatie="DigiD")  # type: ignore[arg-type]


def test_registering_an_aangehaakte_klant_logs_the_assurance_it_was_recorded_on(
    register: KlantRegister, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="klantregister")

    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    assert any(
        str(klant.id) in bericht and "substantieel" in bericht and "DigiD Midden" in bericht
        for bericht in caplog.messages
    )


@pytest.mark.unit
def test_a_register_given_no_repository_keeps_klanten_in_memory() -> None:
    register = KlantRegister(repository=None)

    klant = register.registreer(AMSTERDAM)

    assert [klant] == list(register)


# --- rule 1: at most one klant per natuurlijk persoon, per gemeente ---------------


def test_a_second_klant_with_the_same_bsn_in_the_gemeente_is_refused(
    register: KlantRegister,
) -> None:
    eerste = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    with pytest.raises(KardinaliteitError) as fout:
        register.registreer(
            AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
        )

    assert (1, eerste.id) == (fout.value.regel, fout.value.klant_id)


def test_the_same_bsn_written_differently_is_the_same_person(register: KlantRegister) -> None:
    eerste = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    with pytest.raises(KardinaliteitError) as fout:
        register.registreer(
            AMSTERDAM,
            identificatie=persoon(bsn="1112.22.333"),
            authenticatie=als(persoon(bsn="1112.22.333"), DIGID),
        )

    assert eerste.id == fout.value.klant_id


def test_a_klant_sharing_only_the_a_nummer_of_another_klant_is_refused(
    register: KlantRegister,
) -> None:
    eerste = register.registreer(
        AMSTERDAM,
        identificatie=persoon(bsn=BSN, a_nummer=A_NUMMER),
        authenticatie=als(persoon(bsn=BSN, a_nummer=A_NUMMER), DIGID),
    )

    with pytest.raises(KardinaliteitError) as fout:
        register.registreer(
            AMSTERDAM,
            identificatie=persoon(a_nummer=A_NUMMER),
            authenticatie=als(persoon(a_nummer=A_NUMMER), DIGID),
        )

    assert (1, eerste.id) == (fout.value.regel, fout.value.klant_id)


def test_a_klant_sharing_only_the_bsn_of_another_klant_is_refused(
    register: KlantRegister,
) -> None:
    eerste = register.registreer(
        AMSTERDAM,
        identificatie=persoon(bsn=BSN, a_nummer=A_NUMMER),
        authenticatie=als(persoon(bsn=BSN, a_nummer=A_NUMMER), DIGID),
    )

    with pytest.raises(KardinaliteitError) as fout:
        register.registreer(
            AMSTERDAM,
            identificatie=persoon(bsn=BSN, a_nummer=ANDER_A_NUMMER),
            authenticatie=als(persoon(bsn=BSN, a_nummer=ANDER_A_NUMMER), DIGID),
        )

    assert eerste.id == fout.value.klant_id


def test_a_klant_sharing_a_foreign_person_number_is_refused(register: KlantRegister) -> None:
    paspoort = BuitenlandsNummer("DE", "Melderegister Berlin", "L01X00T47")
    eerste = register.registreer(
        AMSTERDAM,
        identificatie=persoon(buitenlands=paspoort),
        authenticatie=als(persoon(buitenlands=paspoort), DIGID),
    )

    with pytest.raises(KardinaliteitError) as fout:
        register.registreer(
            AMSTERDAM,
            identificatie=persoon(
                bsn=BSN, buitenlands=BuitenlandsNummer("de", "melderegister berlin", "l01x-00t47")
            ),
            authenticatie=als(
                persoon(
                    bsn=BSN,
                    buitenlands=BuitenlandsNummer("de", "melderegister berlin", "l01x-00t47"),
                ),
                DIGID,
            ),
        )

    assert (1, eerste.id) == (fout.value.regel, fout.value.klant_id)


def test_the_same_bsn_may_be_a_klant_once_in_each_gemeente(register: KlantRegister) -> None:
    amsterdam = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )
    rotterdam = register.registreer(
        ROTTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    assert ([amsterdam.id], [rotterdam.id]) == (
        ids(register.zoek(BSN, AMSTERDAM)),
        ids(register.zoek(BSN, ROTTERDAM)),
    )


def test_erasing_a_klant_frees_its_bsn(register: KlantRegister) -> None:
    eerste = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )
    register.verwijder(eerste.id)

    tweede = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    assert [tweede.id] == ids(register.zoek(BSN, AMSTERDAM))


def test_erasing_a_klant_frees_its_a_nummer(register: KlantRegister) -> None:
    eerste = register.registreer(
        AMSTERDAM,
        identificatie=persoon(bsn=BSN, a_nummer=A_NUMMER),
        authenticatie=als(persoon(bsn=BSN, a_nummer=A_NUMMER), DIGID),
    )
    register.verwijder(eerste.id)

    tweede = register.registreer(
        AMSTERDAM,
        identificatie=persoon(a_nummer=A_NUMMER),
        authenticatie=als(persoon(a_nummer=A_NUMMER), DIGID),
    )

    assert [tweede.id] == ids(register.zoek(ANummer(A_NUMMER), AMSTERDAM))


def test_erasing_a_klant_frees_its_klantnummer(register: KlantRegister) -> None:
    eerste = register.registreer(AMSTERDAM, klantnummer="K-42")
    register.verwijder(eerste.id)

    assert "K-42" == register.registreer(AMSTERDAM, klantnummer="K-42").klantnummer


def test_generated_klantnummers_are_not_reused_after_erasing(register: KlantRegister) -> None:
    eerste = register.registreer(AMSTERDAM)
    register.verwijder(eerste.id)

    assert "00000002" == register.registreer(AMSTERDAM).klantnummer


# --- rule 2: any number of klanten per niet-natuurlijk persoon --------------------

ORGANISATIESLEUTELS = [
    pytest.param(bedrijf(kvk_nummer=KVK), KvkNummer(KVK), id="kvk_nummer"),
    pytest.param(bedrijf(rsin=RSIN), Rsin(RSIN), id="rsin"),
    pytest.param(
        bedrijf(vestigingsnummer=VESTIGING), Vestigingsnummer(VESTIGING), id="vestigingsnummer"
    ),
    pytest.param(
        bedrijf(buitenlands=BuitenlandsNummer("GB", "Companies House", "SC123456")),
        BuitenlandsNummer("GB", "Companies House", "SC123456"),
        id="buitenlands",
    ),
]


@pytest.mark.parametrize(("identificatie", "sleutel"), ORGANISATIESLEUTELS)
def test_many_klanten_may_share_an_organisation_key(
    register: KlantRegister,
    identificatie: Identificatie,
    sleutel: KvkNummer | Rsin | Vestigingsnummer | BuitenlandsNummer,
) -> None:
    klanten = [
        register.registreer(
            AMSTERDAM, identificatie=identificatie, authenticatie=als(identificatie, DIGID)
        )
        for _ in range(3)
    ]

    assert ids(klanten) == ids(register.zoek(sleutel, AMSTERDAM))


def test_a_vestigingsnummer_may_stand_beside_its_kvk_nummer(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM,
        identificatie=bedrijf(kvk_nummer=KVK, vestigingsnummer=VESTIGING),
        authenticatie=als(bedrijf(kvk_nummer=KVK, vestigingsnummer=VESTIGING), DIGID),
    )

    assert ([klant.id], [klant.id]) == (
        ids(register.zoek(KvkNummer(KVK), AMSTERDAM)),
        ids(register.zoek(Vestigingsnummer(VESTIGING), AMSTERDAM)),
    )


def test_changing_klantgegevens_keeps_the_order_of_an_organisations_klanten(
    register: KlantRegister,
) -> None:
    klanten = [
        register.registreer(
            AMSTERDAM,
            identificatie=bedrijf(kvk_nummer=KVK),
            authenticatie=als(bedrijf(kvk_nummer=KVK), DIGID),
        )
        for _ in range(3)
    ]
    register.wijzig_klantgegevens(klanten[0].id, Klantgegevens(functie="inkoper"))

    assert ids(klanten) == ids(register.zoek(KvkNummer(KVK), AMSTERDAM))


# --- rule 3: one subject, never both kinds ---------------------------------------


@pytest.mark.unit
def test_an_identificatie_mixing_a_bsn_and_a_kvk_nummer_cannot_be_built() -> None:
    with pytest.raises(GemengdeIdentificatieError) as fout:
        Identificatie(Subjectsoort.NATUURLIJK_PERSOON, bsn=BSN, kvk_nummer=KVK)

    assert 3 == fout.value.regel


# --- rule 4: zelfstandig stays zelfstandig; corrections keep the soort -------------


def test_a_zelfstandige_klant_can_never_get_an_identificatie(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)

    with pytest.raises(ZelfstandigeKlantError):
        register.corrigeer_identificatie(
            klant.id, persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), HOOG)
        )


@pytest.mark.parametrize(
    ("oud", "nieuw"),
    [
        pytest.param(persoon(bsn=BSN), bedrijf(kvk_nummer=KVK), id="persoon-naar-organisatie"),
        pytest.param(bedrijf(kvk_nummer=KVK), persoon(bsn=BSN), id="organisatie-naar-persoon"),
    ],
)
def test_a_correction_cannot_swap_the_soort_of_subject(
    register: KlantRegister, oud: Identificatie, nieuw: Identificatie
) -> None:
    klant = register.registreer(AMSTERDAM, identificatie=oud, authenticatie=als(oud, DIGID))

    with pytest.raises(SubjectsoortError):
        register.corrigeer_identificatie(klant.id, nieuw, authenticatie=als(nieuw, DIGID))


def test_a_correction_replaces_the_identificatie(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    register.corrigeer_identificatie(
        klant.id, persoon(bsn=ANDER_BSN), authenticatie=als(persoon(bsn=ANDER_BSN), DIGID)
    )

    assert persoon(bsn=ANDER_BSN) == register.get(klant.id).identificatie


def test_a_correction_raises_the_versie_by_one(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    gecorrigeerd = register.corrigeer_identificatie(
        klant.id, persoon(bsn=ANDER_BSN), authenticatie=als(persoon(bsn=ANDER_BSN), DIGID)
    )

    assert 2 == gecorrigeerd.versie


def test_a_correction_keeps_everything_but_the_identificatie(register: KlantRegister) -> None:
    gegevens = Klantgegevens(voornaam="Anna")
    klant = register.registreer(
        AMSTERDAM,
        gegevens,
        persoon(bsn=BSN),
        authenticatie=als(persoon(bsn=BSN), DIGID),
        klantnummer="K-1",
    )

    gecorrigeerd = register.corrigeer_identificatie(
        klant.id, persoon(bsn=ANDER_BSN), authenticatie=als(persoon(bsn=ANDER_BSN), DIGID)
    )

    assert (klant.id, Gemeentecode(AMSTERDAM), "K-1", Klantgegevens(voornaam="Anna")) == (
        gecorrigeerd.id,
        gecorrigeerd.gemeente,
        gecorrigeerd.klantnummer,
        gecorrigeerd.klantgegevens,
    )


def test_an_organisations_identificatie_may_be_corrected(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM,
        identificatie=bedrijf(kvk_nummer="12345678"),
        authenticatie=als(bedrijf(kvk_nummer="12345678"), DIGID),
    )

    register.corrigeer_identificatie(
        klant.id, bedrijf(kvk_nummer=KVK), authenticatie=als(bedrijf(kvk_nummer=KVK), DIGID)
    )

    assert ([], [klant.id]) == (
        ids(register.zoek(KvkNummer("12345678"), AMSTERDAM)),
        ids(register.zoek(KvkNummer(KVK), AMSTERDAM)),
    )


def test_a_correction_without_authenticatie_is_refused(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    with pytest.raises(BetrouwbaarheidsniveauError):
        register.corrigeer_identificatie(klant.id, persoon(bsn=ANDER_BSN), authenticatie=None)


def test_a_correction_with_too_low_authenticatie_is_refused(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    with pytest.raises(BetrouwbaarheidsniveauError):
        register.corrigeer_identificatie(
            klant.id, persoon(bsn=ANDER_BSN), authenticatie=als(persoon(bsn=ANDER_BSN), LAAG)
        )


def test_a_correction_to_a_bsn_held_by_another_klant_is_refused(register: KlantRegister) -> None:
    ander = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )
    klant = register.registreer(
        AMSTERDAM,
        identificatie=persoon(bsn=ANDER_BSN),
        authenticatie=als(persoon(bsn=ANDER_BSN), DIGID),
    )

    with pytest.raises(KardinaliteitError) as fout:
        register.corrigeer_identificatie(
            klant.id, persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
        )

    assert (1, ander.id) == (fout.value.regel, fout.value.klant_id)


def test_a_correction_to_an_a_nummer_held_by_another_klant_is_refused(
    register: KlantRegister,
) -> None:
    ander = register.registreer(
        AMSTERDAM,
        identificatie=persoon(a_nummer=A_NUMMER),
        authenticatie=als(persoon(a_nummer=A_NUMMER), DIGID),
    )
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    with pytest.raises(KardinaliteitError) as fout:
        register.corrigeer_identificatie(
            klant.id,
            persoon(bsn=BSN, a_nummer=A_NUMMER),
            authenticatie=als(persoon(bsn=BSN, a_nummer=A_NUMMER), DIGID),
        )

    assert ander.id == fout.value.klant_id


def test_a_klant_may_keep_its_bsn_while_correcting_its_a_nummer(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM,
        identificatie=persoon(bsn=BSN, a_nummer=A_NUMMER),
        authenticatie=als(persoon(bsn=BSN, a_nummer=A_NUMMER), DIGID),
    )

    gecorrigeerd = register.corrigeer_identificatie(
        klant.id,
        persoon(bsn=BSN, a_nummer=ANDER_A_NUMMER),
        authenticatie=als(persoon(bsn=BSN, a_nummer=ANDER_A_NUMMER), DIGID),
    )

    assert persoon(bsn=BSN, a_nummer=ANDER_A_NUMMER) == gecorrigeerd.identificatie


def test_a_corrected_bsn_is_free_for_another_klant(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )
    register.corrigeer_identificatie(
        klant.id, persoon(bsn=ANDER_BSN), authenticatie=als(persoon(bsn=ANDER_BSN), DIGID)
    )

    ander = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    assert [ander.id] == ids(register.zoek(Bsn(BSN), AMSTERDAM))


def test_a_corrected_klant_is_found_by_its_new_bsn(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )
    register.corrigeer_identificatie(
        klant.id, persoon(bsn=ANDER_BSN), authenticatie=als(persoon(bsn=ANDER_BSN), DIGID)
    )

    assert [klant.id] == ids(register.zoek(Bsn(ANDER_BSN), AMSTERDAM))


def test_a_correction_cannot_remove_the_identificatie(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    with pytest.raises(OngeldigeWaardeError):
        register.corrigeer_identificatie(klant.id, None, authenticatie=DIGID)  # type: ignore[arg-type]


def test_a_correction_with_a_stale_versie_is_refused(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )
    register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"))

    with pytest.raises(VersieconflictError):
        register.corrigeer_identificatie(
            klant.id,
            persoon(bsn=ANDER_BSN),
            authenticatie=als(persoon(bsn=ANDER_BSN), DIGID),
            versie=1,
        )


def test_a_correction_with_the_current_versie_is_accepted(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    gecorrigeerd = register.corrigeer_identificatie(
        klant.id, persoon(bsn=ANDER_BSN), authenticatie=als(persoon(bsn=ANDER_BSN), DIGID), versie=1
    )

    assert 2 == gecorrigeerd.versie


def test_a_correction_with_an_authenticatie_of_the_wrong_type_is_refused(
    register: KlantRegister,
) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    with pytest.raises(OngeldigeWaardeError):
        register.corrigeer_identificatie(
            klant.id,
            persoon(bsn=ANDER_BSN),
            authenticatie=als(persoon(bsn=ANDER_BSN), Betrouwbaarheidsniveau.HOOG),  # type: ignore[arg-type]
        )


def test_correcting_logs_the_assurance_the_new_identificatie_was_recorded_on(
    register: KlantRegister, caplog: pytest.LogCaptureFixture
) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )
    caplog.set_level(logging.DEBUG, logger="klantregister")

    register.corrigeer_identificatie(
        klant.id, persoon(bsn=ANDER_BSN), authenticatie=als(persoon(bsn=ANDER_BSN), HOOG)
    )

    assert any(
        str(klant.id) in bericht and "hoog" in bericht and "DigiD Hoog" in bericht
        for bericht in caplog.messages
    )


def test_correcting_an_unknown_klant_is_refused(register: KlantRegister) -> None:
    with pytest.raises(KlantNietGevondenError):
        register.corrigeer_identificatie(
            uuid.uuid4(), persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
        )


# --- rule 5: identificerende gegevens need sufficient authenticatie ----------------


def test_the_default_minimum_is_substantieel(register: KlantRegister) -> None:
    assert (Betrouwbaarheidsniveau.SUBSTANTIEEL, Betrouwbaarheidsniveau.SUBSTANTIEEL) == (
        KlantRegister().minimaal_betrouwbaarheidsniveau,
        register.minimaal_betrouwbaarheidsniveau,
    )


def test_an_identificatie_without_authenticatie_is_refused(register: KlantRegister) -> None:
    with pytest.raises(BetrouwbaarheidsniveauError):
        register.registreer(AMSTERDAM, identificatie=persoon(bsn=BSN))


def test_an_organisations_identificatie_without_authenticatie_is_refused(
    register: KlantRegister,
) -> None:
    with pytest.raises(BetrouwbaarheidsniveauError):
        register.registreer(AMSTERDAM, identificatie=bedrijf(kvk_nummer=KVK))


def test_laag_is_not_enough_under_the_default_minimum(register: KlantRegister) -> None:
    with pytest.raises(BetrouwbaarheidsniveauError):
        register.registreer(
            AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), LAAG)
        )


def test_an_authenticatie_above_the_minimum_is_accepted(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), HOOG)
    )

    assert persoon(bsn=BSN) == klant.identificatie


def test_a_register_with_minimum_laag_accepts_laag(maak_register: MaakRegister) -> None:
    register = maak_register(minimaal_betrouwbaarheidsniveau=Betrouwbaarheidsniveau.LAAG)

    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), LAAG)
    )

    assert persoon(bsn=BSN) == klant.identificatie


def test_the_minimum_may_be_given_by_name(maak_register: MaakRegister) -> None:
    register = maak_register(minimaal_betrouwbaarheidsniveau="hoog")

    assert Betrouwbaarheidsniveau.HOOG == register.minimaal_betrouwbaarheidsniveau


def test_a_register_with_minimum_hoog_refuses_substantieel(maak_register: MaakRegister) -> None:
    register = maak_register(minimaal_betrouwbaarheidsniveau=Betrouwbaarheidsniveau.HOOG)

    with pytest.raises(BetrouwbaarheidsniveauError):
        register.registreer(
            AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
        )


def test_a_register_with_minimum_hoog_refuses_a_correction_at_substantieel(
    maak_register: MaakRegister,
) -> None:
    register = maak_register(minimaal_betrouwbaarheidsniveau=Betrouwbaarheidsniveau.HOOG)
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), HOOG)
    )

    with pytest.raises(BetrouwbaarheidsniveauError):
        register.corrigeer_identificatie(
            klant.id, persoon(bsn=ANDER_BSN), authenticatie=als(persoon(bsn=ANDER_BSN), DIGID)
        )


def test_a_zelfstandige_klant_needs_no_authenticatie(maak_register: MaakRegister) -> None:
    register = maak_register(minimaal_betrouwbaarheidsniveau=Betrouwbaarheidsniveau.HOOG)

    klant = register.registreer(AMSTERDAM, Klantgegevens(voornaam="Anna"))

    assert [klant] == list(register)


# --- wijzig_klantgegevens ---------------------------------------------------------


def test_wijzig_klantgegevens_replaces_them(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM, Klantgegevens(voornaam="Anna", achternaam="Jansen"))

    register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Annie"))

    assert Klantgegevens(voornaam="Annie") == register.get(klant.id).klantgegevens


def test_wijzig_klantgegevens_raises_the_versie_by_one_each_time(
    register: KlantRegister,
) -> None:
    klant = register.registreer(AMSTERDAM)

    versies = [
        register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam=naam)).versie
        for naam in ("Anna", "Annie", "An")
    ]

    assert [2, 3, 4] == versies


def test_wijzig_klantgegevens_keeps_the_identificatie(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    gewijzigd = register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"))

    assert (klant.id, "00000001", persoon(bsn=BSN)) == (
        gewijzigd.id,
        gewijzigd.klantnummer,
        gewijzigd.identificatie,
    )


def test_a_changed_klant_is_still_found_by_its_bsn(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    gewijzigd = register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"))

    assert (gewijzigd,) == register.zoek(Bsn(BSN), AMSTERDAM)


def test_empty_klantgegevens_erase_them(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM, Klantgegevens(voornaam="Anna", emailadres="a@b.nl"))

    register.wijzig_klantgegevens(klant.id, Klantgegevens())

    assert Klantgegevens() == register.get(klant.id).klantgegevens


def test_wijzig_klantgegevens_with_none_erases_them(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM, Klantgegevens(voornaam="Anna"))

    register.wijzig_klantgegevens(klant.id, None)

    assert Klantgegevens() == register.get(klant.id).klantgegevens


def test_wijzig_klantgegevens_with_a_stale_versie_is_refused(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)
    register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"))

    with pytest.raises(VersieconflictError) as fout:
        register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Annie"), versie=1)

    assert (klant.id, 1, 2) == (fout.value.klant_id, fout.value.verwacht, fout.value.actueel)


def test_wijzig_klantgegevens_with_a_future_versie_is_refused(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)

    with pytest.raises(VersieconflictError) as fout:
        register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"), versie=7)

    assert (7, 1) == (fout.value.verwacht, fout.value.actueel)


def test_wijzig_klantgegevens_with_the_current_versie_is_accepted(
    register: KlantRegister,
) -> None:
    klant = register.registreer(AMSTERDAM)

    gewijzigd = register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"), versie=1)

    assert (2, Klantgegevens(voornaam="Anna")) == (gewijzigd.versie, gewijzigd.klantgegevens)


def test_wijzig_klantgegevens_without_versie_skips_the_check(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)
    register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"))

    gewijzigd = register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Annie"))

    assert 3 == gewijzigd.versie


@pytest.mark.parametrize("versie", [0, -1, True, "1", 1.0])
def test_a_versie_that_is_not_a_positive_integer_is_refused(
    register: KlantRegister, versie: object
) -> None:
    klant = register.registreer(AMSTERDAM)

    with pytest.raises(OngeldigeWaardeError):
        register.wijzig_klantgegevens(klant.id, Klantgegevens(), versie=versie)  # type: ignore[arg-type]


def test_wijzig_klantgegevens_of_an_unknown_klant_is_refused(register: KlantRegister) -> None:
    with pytest.raises(KlantNietGevondenError):
        register.wijzig_klantgegevens(uuid.uuid4(), Klantgegevens(voornaam="Anna"))


def test_wijzig_klantgegevens_refuses_klantgegevens_of_the_wrong_type(
    register: KlantRegister,
) -> None:
    klant = register.registreer(AMSTERDAM)

    with pytest.raises(OngeldigeWaardeError):
        register.wijzig_klantgegevens(klant.id, "Anna")  # type: ignore[arg-type]


# --- verwijder ----------------------------------------------------------------------


def test_verwijder_removes_the_klant(register: KlantRegister) -> None:
    blijft = register.registreer(AMSTERDAM)
    weg = register.registreer(AMSTERDAM)

    register.verwijder(weg.id)

    assert [blijft] == list(register)


def test_a_removed_klant_cannot_be_read(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)
    register.verwijder(klant.id)

    with pytest.raises(KlantNietGevondenError):
        register.get(klant.id)


def test_a_removed_klant_is_not_found_by_its_bsn(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )
    register.verwijder(klant.id)

    assert () == register.zoek(BSN, AMSTERDAM)


def test_verwijder_accepts_the_id_as_text(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)

    register.verwijder(str(klant.id))

    assert 0 == len(register)


def test_verwijder_with_a_stale_versie_is_refused(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)
    register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"))

    with pytest.raises(VersieconflictError) as fout:
        register.verwijder(klant.id, versie=1)

    assert (1, 2) == (fout.value.verwacht, fout.value.actueel)


def test_verwijder_with_the_current_versie_removes_the_klant(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)
    register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"))

    register.verwijder(klant.id, versie=2)

    assert klant.id not in register


def test_verwijder_of_an_unknown_klant_is_refused(register: KlantRegister) -> None:
    onbekend = uuid.uuid4()

    with pytest.raises(KlantNietGevondenError) as fout:
        register.verwijder(onbekend)

    assert onbekend == fout.value.klant_id


def test_klant_niet_gevonden_is_also_a_key_error(register: KlantRegister) -> None:
    with pytest.raises(KeyError):
        register.verwijder(uuid.uuid4())


def test_a_klant_cannot_be_removed_twice(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)
    register.verwijder(klant.id)

    with pytest.raises(KlantNietGevondenError):
        register.verwijder(klant.id)


# --- get and zoek -------------------------------------------------------------------


def test_get_finds_a_klant_by_uuid(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)

    assert klant == register.get(klant.id)


@pytest.mark.parametrize("tekst", [str, lambda u: str(u).upper(), lambda u: u.hex])
def test_get_finds_a_klant_by_its_id_as_text(
    register: KlantRegister, tekst: Callable[[uuid.UUID], str]
) -> None:
    klant = register.registreer(AMSTERDAM)

    assert klant == register.get(tekst(klant.id))


def test_get_of_an_unknown_id_is_refused(register: KlantRegister) -> None:
    onbekend = uuid.uuid4()

    with pytest.raises(KlantNietGevondenError) as fout:
        register.get(onbekend)

    assert onbekend == fout.value.klant_id


@pytest.mark.parametrize("klant_id", ["", "geen-uuid", "1234"])
def test_get_of_text_that_is_no_uuid_is_refused(register: KlantRegister, klant_id: str) -> None:
    with pytest.raises(OngeldigeWaardeError):
        register.get(klant_id)


def test_zoek_finds_a_klant_by_a_typed_bsn(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    assert (klant,) == register.zoek(Bsn(BSN), AMSTERDAM)


@pytest.mark.parametrize("tekst", ["111222333", "1112.22.333", "1112-22-333", " 111 222 333 "])
def test_zoek_finds_a_klant_by_a_bsn_as_text(register: KlantRegister, tekst: str) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    assert (klant,) == register.zoek(tekst, AMSTERDAM)


def test_zoek_finds_a_klant_by_an_a_nummer_as_text(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM,
        identificatie=persoon(a_nummer=A_NUMMER),
        authenticatie=als(persoon(a_nummer=A_NUMMER), DIGID),
    )

    assert (klant,) == register.zoek("12345 67890", AMSTERDAM)


@pytest.mark.parametrize(
    ("identificatie", "tekst"),
    [
        pytest.param(bedrijf(kvk_nummer=KVK), "6904 6938", id="kvk_nummer"),
        pytest.param(bedrijf(vestigingsnummer=VESTIGING), "0000 1234 5678", id="vestigingsnummer"),
        pytest.param(bedrijf(rsin=RSIN), "0022.20.647", id="rsin"),
    ],
)
def test_zoek_finds_an_organisation_by_its_key_as_text(
    register: KlantRegister, identificatie: Identificatie, tekst: str
) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=identificatie, authenticatie=als(identificatie, DIGID)
    )

    assert (klant,) == register.zoek(tekst, AMSTERDAM)


def test_zoek_by_nine_digit_text_finds_a_bsn_klant_and_an_rsin_klant(
    register: KlantRegister,
) -> None:
    persoon_klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )
    organisatie_klant = register.registreer(
        AMSTERDAM, identificatie=bedrijf(rsin=BSN), authenticatie=als(bedrijf(rsin=BSN), DIGID)
    )

    gevonden = register.zoek(BSN, AMSTERDAM)

    assert {persoon_klant.id, organisatie_klant.id} == set(ids(gevonden))
    assert 2 == len(gevonden)


def test_zoek_by_eight_digit_text_finds_a_kvk_klant_and_a_legacy_bsn_klant(
    register: KlantRegister,
) -> None:
    # 10000008 is a KvK-nummer, and also the BSN 010000008 written without its leading zero.
    persoon_klant = register.registreer(
        AMSTERDAM,
        identificatie=persoon(bsn="010000008"),
        authenticatie=als(persoon(bsn="010000008"), DIGID),
    )
    organisatie_klant = register.registreer(
        AMSTERDAM,
        identificatie=bedrijf(kvk_nummer="10000008"),
        authenticatie=als(bedrijf(kvk_nummer="10000008"), DIGID),
    )

    assert {persoon_klant.id, organisatie_klant.id} == set(
        ids(register.zoek("10000008", AMSTERDAM))
    )


def test_zoek_by_a_typed_bsn_does_not_find_an_rsin_klant(register: KlantRegister) -> None:
    persoon_klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )
    register.registreer(
        AMSTERDAM, identificatie=bedrijf(rsin=BSN), authenticatie=als(bedrijf(rsin=BSN), DIGID)
    )

    assert (persoon_klant,) == register.zoek(Bsn(BSN), AMSTERDAM)


def test_zoek_by_a_typed_rsin_does_not_find_a_bsn_klant(register: KlantRegister) -> None:
    register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )
    organisatie_klant = register.registreer(
        AMSTERDAM, identificatie=bedrijf(rsin=BSN), authenticatie=als(bedrijf(rsin=BSN), DIGID)
    )

    assert (organisatie_klant,) == register.zoek(Rsin(BSN), AMSTERDAM)


def test_zoek_finds_a_klant_by_its_foreign_number(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM,
        identificatie=persoon(buitenlands=BuitenlandsNummer("BE", "Rijksregister", "85073003328")),
        authenticatie=als(
            persoon(buitenlands=BuitenlandsNummer("BE", "Rijksregister", "85073003328")), DIGID
        ),
    )

    gevonden = register.zoek(BuitenlandsNummer("be", "RIJKSREGISTER", "85.07.30-033.28"), AMSTERDAM)

    assert (klant,) == gevonden


def test_zoek_in_another_gemeente_finds_nothing(register: KlantRegister) -> None:
    register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    assert () == register.zoek(BSN, ROTTERDAM)


def test_zoek_for_a_number_nobody_holds_finds_nothing(register: KlantRegister) -> None:
    register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    assert () == register.zoek(ANDER_BSN, AMSTERDAM)


def test_zoek_accepts_the_gemeente_in_cbs_form(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
    )

    assert (klant,) == register.zoek(BSN, "GM0363")


@pytest.mark.parametrize("tekst", ["", "abc", "111222334", "123", "1234567890123", "٣٣٣٢٢٢١١١"])
def test_zoek_with_text_that_is_no_identifier_is_refused(
    register: KlantRegister, tekst: str
) -> None:
    with pytest.raises(OngeldigeWaardeError):
        register.zoek(tekst, AMSTERDAM)


def test_zoek_with_something_other_than_text_is_refused(register: KlantRegister) -> None:
    with pytest.raises(OngeldigeWaardeError):
        register.zoek(111222333, AMSTERDAM)  # type: ignore[arg-type]


def test_zoek_in_an_invalid_gemeente_is_refused(register: KlantRegister) -> None:
    with pytest.raises(OngeldigeWaardeError):
        register.zoek(BSN, "12")


# --- len, iteration, in, repr -------------------------------------------------------


def test_an_empty_register_has_no_klanten(register: KlantRegister) -> None:
    assert (0, []) == (len(register), list(register))


def test_len_counts_the_klanten_of_every_gemeente(register: KlantRegister) -> None:
    register.registreer(AMSTERDAM)
    register.registreer(AMSTERDAM)
    register.registreer(ROTTERDAM)

    assert 3 == len(register)


def test_iteration_gives_the_klanten_in_order_of_registration(register: KlantRegister) -> None:
    klanten = [
        register.registreer(AMSTERDAM),
        register.registreer(ROTTERDAM),
        register.registreer(AMSTERDAM),
    ]

    assert klanten == list(register)


def test_iteration_gives_each_klant_as_it_is_now(register: KlantRegister) -> None:
    eerste = register.registreer(AMSTERDAM)
    tweede = register.registreer(AMSTERDAM)

    gewijzigd = register.wijzig_klantgegevens(eerste.id, Klantgegevens(voornaam="Anna"))

    assert [gewijzigd, tweede] == list(register)


def test_removing_klanten_while_iterating_is_allowed(register: KlantRegister) -> None:
    klanten = [register.registreer(AMSTERDAM) for _ in range(3)]

    bezocht = []
    for klant in register:
        register.verwijder(klant.id)
        bezocht.append(klant)

    assert (klanten, 0) == (bezocht, len(register))


def test_registering_while_iterating_does_not_change_the_iteration(
    register: KlantRegister,
) -> None:
    klanten = [register.registreer(AMSTERDAM) for _ in range(3)]

    bezocht = []
    for klant in register:
        register.registreer(AMSTERDAM)
        bezocht.append(klant)

    assert (klanten, 6) == (bezocht, len(register))


def test_a_registered_klant_is_in_the_register_by_uuid(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)

    assert klant.id in register


def test_a_registered_klant_is_in_the_register_by_id_as_text(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)

    assert str(klant.id) in register


@pytest.mark.parametrize("waarde", [uuid.UUID(int=1), "geen-uuid", "", 42, None, b"\x00" * 16])
def test_anything_not_registered_is_not_in_the_register(
    register: KlantRegister, waarde: object
) -> None:
    register.registreer(AMSTERDAM)

    assert waarde not in register


def test_a_removed_klant_is_not_in_the_register(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)
    register.verwijder(klant.id)

    assert klant.id not in register


@pytest.mark.unit
def test_the_repr_of_an_empty_register_says_so() -> None:
    assert "<KlantRegister gemeenten=0 klanten=0>" == repr(KlantRegister())


@pytest.mark.unit
def test_the_repr_counts_gemeenten_and_klanten() -> None:
    register = KlantRegister()
    register.registreer(AMSTERDAM)
    register.registreer(AMSTERDAM)
    register.registreer(ROTTERDAM)

    assert "<KlantRegister gemeenten=2 klanten=3>" == repr(register)


@pytest.mark.unit
def test_the_repr_counts_only_gemeenten_that_still_have_klanten() -> None:
    register = KlantRegister()
    register.registreer(AMSTERDAM)
    rotterdammer = register.registreer(ROTTERDAM)
    register.verwijder(rotterdammer.id)

    assert "<KlantRegister gemeenten=1 klanten=1>" == repr(register)


def test_the_repr_of_a_register_on_a_database_names_the_storage_without_asking_it(
    register: KlantRegister, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A repr is taken in log lines and debuggers, perhaps while the server is down: it
    # does no I/O, so it cannot hang or fail.
    register.registreer(AMSTERDAM)
    opslag = repr(register._store)

    def geen_io(*_: object, **__: object) -> None:
        raise AssertionError("repr asked the storage")

    in_geheugen = opslag.startswith("<MemoryRepository")
    if not in_geheugen:  # counting in memory is no I/O
        for naam in ("__len__", "gemeenten", "__iter__", "get", "find", "_voer_uit"):
            monkeypatch.setattr(type(register._store), naam, geen_io)
    verwacht = (
        "<KlantRegister gemeenten=1 klanten=1>" if in_geheugen else f"<KlantRegister {opslag}>"
    )
    assert verwacht == repr(register)


def test_two_registers_holding_the_same_are_not_equal(maak_register: MaakRegister) -> None:
    # A register is an entity: equal only to itself, whatever it holds (on SQL storage,
    # both registers even hold the same database).
    assert maak_register() != maak_register()


def test_a_register_is_hashable(register: KlantRegister) -> None:
    assert {register: "gemeente"}[register] == "gemeente"


# --- when the generated klantnummers run out -----------------------------------------


def op_volgnummer(volgnummer: int) -> MemoryRepository:
    """A memory repository whose Amsterdam sequence has given out numbers up to ``volgnummer``
    (set directly: registering 99,999,998 klanten first would take too long)."""
    repository = MemoryRepository()
    repository._volgnummers["0363"] = volgnummer
    return repository


@pytest.mark.unit
def test_the_last_generated_klantnummer_is_99999999() -> None:
    register = KlantRegister(op_volgnummer(99_999_998))

    assert "99999999" == register.registreer(AMSTERDAM).klantnummer


@pytest.mark.unit
def test_a_gemeente_out_of_generated_klantnummers_refuses_to_generate_one() -> None:
    register = KlantRegister(op_volgnummer(99_999_999))

    with pytest.raises(KlantregisterError):
        register.registreer(AMSTERDAM)

    assert [] == list(register)


@pytest.mark.unit
def test_a_gemeente_out_of_generated_klantnummers_still_takes_a_given_one() -> None:
    register = KlantRegister(op_volgnummer(99_999_999))

    assert "K-1" == register.registreer(AMSTERDAM, klantnummer="K-1").klantnummer


@pytest.mark.unit
def test_another_gemeente_still_generates_klantnummers() -> None:
    register = KlantRegister(op_volgnummer(99_999_999))

    assert "00000001" == register.registreer(ROTTERDAM).klantnummer


# --- a refused operation leaves the register exactly as it was ----------------------

PAPIEREN = BuitenlandsNummer("DE", "Melderegister", "X123")


class Bevolkt:
    """A register with klanten of both soorten in two gemeenten, to refuse operations against."""

    def __init__(self, register: KlantRegister) -> None:
        self.register = register
        self.persoon = self.register.registreer(
            AMSTERDAM,
            Klantgegevens(voornaam="Anna"),
            persoon(bsn=BSN, a_nummer=A_NUMMER, buitenlands=PAPIEREN),
            authenticatie=als(persoon(bsn=BSN, a_nummer=A_NUMMER, buitenlands=PAPIEREN), DIGID),
            klantnummer="K-1",
        )
        self.organisatie = self.register.registreer(
            AMSTERDAM,
            identificatie=bedrijf(kvk_nummer=KVK, vestigingsnummer=VESTIGING, rsin=RSIN),
            authenticatie=als(
                bedrijf(kvk_nummer=KVK, vestigingsnummer=VESTIGING, rsin=RSIN), DIGID
            ),
        )
        self.zelfstandig = self.register.registreer(AMSTERDAM, Klantgegevens(voornaam="Bob"))
        self.buur = self.register.registreer(
            AMSTERDAM,
            identificatie=persoon(a_nummer=ANDER_A_NUMMER),
            authenticatie=als(persoon(a_nummer=ANDER_A_NUMMER), DIGID),
        )
        self.elders = self.register.registreer(
            ROTTERDAM,
            identificatie=persoon(bsn=ANDER_BSN),
            authenticatie=als(persoon(bsn=ANDER_BSN), DIGID),
        )
        self.register.wijzig_klantgegevens(self.persoon.id, Klantgegevens(voornaam="Annie"))

    def toestand(self) -> tuple[object, ...]:
        """Everything a caller can observe of the register."""
        zoekresultaten = tuple(
            self.register.zoek(sleutel, gemeente)
            for gemeente in (AMSTERDAM, ROTTERDAM)
            for sleutel in (
                Bsn(BSN),
                Bsn(ANDER_BSN),
                ANummer(A_NUMMER),
                ANummer(ANDER_A_NUMMER),
                PAPIEREN,
                KvkNummer(KVK),
                Vestigingsnummer(VESTIGING),
                Rsin(RSIN),
            )
        )
        return (list(self.register), len(self.register), repr(self.register), zoekresultaten)


Weigering = Callable[[Bevolkt], object]

WEIGERINGEN: list[tuple[str, Weigering, type[Exception]]] = [
    (
        "registreer-ongeldige-gemeente",
        lambda b: b.register.registreer("12345"),
        OngeldigeWaardeError,
    ),
    (
        "registreer-ongeldig-klantnummer",
        lambda b: b.register.registreer(AMSTERDAM, klantnummer="veel te lang"),
        OngeldigeWaardeError,
    ),
    (
        "registreer-klantnummer-in-gebruik",
        lambda b: b.register.registreer(AMSTERDAM, klantnummer="K-1"),
        KlantnummerInGebruikError,
    ),
    (
        "registreer-zelfde-bsn",
        lambda b: b.register.registreer(
            AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
        ),
        KardinaliteitError,
    ),
    (
        "registreer-zelfde-a-nummer",
        lambda b: b.register.registreer(
            AMSTERDAM,
            identificatie=persoon(a_nummer=A_NUMMER),
            authenticatie=als(persoon(a_nummer=A_NUMMER), DIGID),
        ),
        KardinaliteitError,
    ),
    (
        "registreer-gedeeld-buitenlands-nummer-naast-nieuw-bsn",
        lambda b: b.register.registreer(
            AMSTERDAM,
            identificatie=persoon(bsn=ANDER_BSN, buitenlands=PAPIEREN),
            authenticatie=als(persoon(bsn=ANDER_BSN, buitenlands=PAPIEREN), DIGID),
        ),
        KardinaliteitError,
    ),
    (
        "registreer-zonder-authenticatie",
        lambda b: b.register.registreer(AMSTERDAM, identificatie=persoon(bsn="999999990")),
        BetrouwbaarheidsniveauError,
    ),
    (
        "registreer-authenticatie-laag",
        lambda b: b.register.registreer(
            AMSTERDAM,
            identificatie=persoon(bsn="999999990"),
            authenticatie=als(persoon(bsn="999999990"), LAAG),
        ),
        BetrouwbaarheidsniveauError,
    ),
    (
        "registreer-authenticatie-van-verkeerd-type",
        lambda b: b.register.registreer(
            AMSTERDAM,
            identificatie=persoon(bsn="999999990"),
            authenticatie=als(persoon(bsn="999999990"), "hoog"),  # type: ignore[arg-type]
        ),
        OngeldigeWaardeError,
    ),
    (
        "wijzig-verkeerde-versie",
        lambda b: b.register.wijzig_klantgegevens(b.persoon.id, Klantgegevens(), versie=1),
        VersieconflictError,
    ),
    (
        "wijzig-onbekende-klant",
        lambda b: b.register.wijzig_klantgegevens(uuid.uuid4(), Klantgegevens()),
        KlantNietGevondenError,
    ),
    (
        "wijzig-ongeldige-klantgegevens",
        lambda b: b.register.wijzig_klantgegevens(b.persoon.id, "Anna"),  # type: ignore[arg-type]
        OngeldigeWaardeError,
    ),
    (
        "corrigeer-zelfstandige-klant",
        lambda b: b.register.corrigeer_identificatie(
            b.zelfstandig.id,
            persoon(bsn="999999990"),
            authenticatie=als(persoon(bsn="999999990"), HOOG),
        ),
        ZelfstandigeKlantError,
    ),
    (
        "corrigeer-naar-andere-soort",
        lambda b: b.register.corrigeer_identificatie(
            b.persoon.id, bedrijf(kvk_nummer=KVK), authenticatie=als(bedrijf(kvk_nummer=KVK), DIGID)
        ),
        SubjectsoortError,
    ),
    (
        "corrigeer-zonder-authenticatie",
        lambda b: b.register.corrigeer_identificatie(
            b.persoon.id, persoon(bsn="999999990"), authenticatie=None
        ),
        BetrouwbaarheidsniveauError,
    ),
    (
        "corrigeer-authenticatie-laag",
        lambda b: b.register.corrigeer_identificatie(
            b.persoon.id,
            persoon(bsn="999999990"),
            authenticatie=als(persoon(bsn="999999990"), LAAG),
        ),
        BetrouwbaarheidsniveauError,
    ),
    (
        "corrigeer-verkeerde-versie",
        lambda b: b.register.corrigeer_identificatie(
            b.organisatie.id,
            bedrijf(kvk_nummer="12345678"),
            authenticatie=als(bedrijf(kvk_nummer="12345678"), DIGID),
            versie=9,
        ),
        VersieconflictError,
    ),
    (
        "corrigeer-eigen-bsn-met-bezet-a-nummer",
        lambda b: b.register.corrigeer_identificatie(
            b.persoon.id,
            persoon(bsn=BSN, a_nummer=ANDER_A_NUMMER),
            authenticatie=als(persoon(bsn=BSN, a_nummer=ANDER_A_NUMMER), DIGID),
        ),
        KardinaliteitError,
    ),
    (
        "corrigeer-onbekende-klant",
        lambda b: b.register.corrigeer_identificatie(
            uuid.uuid4(),
            persoon(bsn="999999990"),
            authenticatie=als(persoon(bsn="999999990"), DIGID),
        ),
        KlantNietGevondenError,
    ),
    (
        "corrigeer-naar-geen-identificatie",
        lambda b: b.register.corrigeer_identificatie(
            b.persoon.id,
            None,  # type: ignore[arg-type]
            authenticatie=DIGID,
        ),
        OngeldigeWaardeError,
    ),
    (
        "verwijder-verkeerde-versie",
        lambda b: b.register.verwijder(b.persoon.id, versie=1),
        VersieconflictError,
    ),
    (
        "verwijder-onbekende-klant",
        lambda b: b.register.verwijder(uuid.uuid4()),
        KlantNietGevondenError,
    ),
    (
        "verwijder-ongeldig-id",
        lambda b: b.register.verwijder("geen-uuid"),
        OngeldigeWaardeError,
    ),
    (
        "zoek-ongeldige-tekst",
        lambda b: b.register.zoek("111222334", AMSTERDAM),
        OngeldigeWaardeError,
    ),
    (
        "get-onbekende-klant",
        lambda b: b.register.get(uuid.uuid4()),
        KlantNietGevondenError,
    ),
]


@pytest.mark.parametrize(
    ("weigering", "fout"),
    [pytest.param(weigering, fout, id=naam) for naam, weigering, fout in WEIGERINGEN],
)
def test_a_refused_operation_leaves_the_register_as_it_was(
    maak_register: MaakRegister, weigering: Weigering, fout: type[Exception]
) -> None:
    bevolkt = Bevolkt(maak_register())
    voor = bevolkt.toestand()

    with pytest.raises(fout):
        weigering(bevolkt)

    assert voor == bevolkt.toestand()


@pytest.mark.parametrize(
    ("weigering", "fout"),
    [pytest.param(weigering, fout, id=naam) for naam, weigering, fout in WEIGERINGEN],
)
def test_a_refused_operation_uses_up_no_klantnummer(
    maak_register: MaakRegister, weigering: Weigering, fout: type[Exception]
) -> None:
    bevolkt = Bevolkt(maak_register())  # gave Amsterdam K-1 and 00000001 to 00000003

    with pytest.raises(fout):
        weigering(bevolkt)

    assert "00000004" == bevolkt.register.registreer(AMSTERDAM).klantnummer


# --- an id and bron taken over from another register ----------------------------------


@pytest.mark.unit
def test_registreer_keeps_the_id_and_bron_it_is_given() -> None:
    register = KlantRegister()
    bron = "https://openklant.example.nl/klantinteracties/api/v1/partijen/4a1b"
    klant = register.registreer("0363", id="4a1b2c3d-0000-4000-8000-000000000001", bron=bron)
    assert ("4a1b2c3d-0000-4000-8000-000000000001", bron, klant) == (
        str(klant.id),
        klant.bron,
        register.get(klant.id),
    )


@pytest.mark.unit
def test_registering_an_id_twice_is_refused_and_changes_nothing() -> None:
    register = KlantRegister()
    eerste = register.registreer("0363", id="4a1b2c3d-0000-4000-8000-000000000001")
    with pytest.raises(KlantBestaatAlError) as fout:
        register.registreer("0599", id=str(eerste.id), klantnummer="K2")
    assert (eerste.id, [eerste]) == (fout.value.klant_id, list(register))
    assert "00000002" == register.registreer("0363").klantnummer  # none was used up


@pytest.mark.unit
@pytest.mark.parametrize(
    ("waarde", "fout"),
    [
        ("geen url", OngeldigFormaatError),
        ("ftp://example.nl/klant/1", OngeldigFormaatError),
        ("https://", OngeldigFormaatError),
        ("https://example.nl/" + "a" * 1000, OngeldigeLengteError),
        (42, OngeldigTypeError),
    ],
)
def test_a_malformed_bron_is_refused_naming_it(waarde: object, fout: type[Exception]) -> None:
    register = KlantRegister()
    with pytest.raises(fout, match="bron"):
        register.registreer("0363", bron=waarde)  # type: ignore[arg-type]
    assert 0 == len(register)


@pytest.mark.unit
def test_a_malformed_id_is_refused() -> None:
    with pytest.raises(OngeldigFormaatError, match="geen UUID"):
        KlantRegister().registreer("0363", id="klant-1")


# --- werk_bij: klantgegevens and identificatie in one change --------------------------


@pytest.mark.unit
def test_werk_bij_changes_both_in_one_versie() -> None:
    register = KlantRegister()
    oud = register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=BSN),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSN), DIGID),
    )
    nieuw = register.werk_bij(
        oud.id,
        Klantgegevens(voornaam="Anna"),
        Identificatie.natuurlijk_persoon(bsn=ANDER_BSN),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=ANDER_BSN), DIGID),
        versie=1,
    )
    assert (2, Klantgegevens(voornaam="Anna"), Bsn(ANDER_BSN)) == (
        nieuw.versie,
        nieuw.klantgegevens,
        None if nieuw.identificatie is None else nieuw.identificatie.bsn,
    )
    assert nieuw == register.get(oud.id)


@pytest.mark.unit
def test_werk_bij_refused_for_its_identificatie_changes_nothing() -> None:
    register = KlantRegister()
    register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=ANDER_BSN),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=ANDER_BSN), DIGID),
    )
    oud = register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=BSN),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSN), DIGID),
    )
    with pytest.raises(KardinaliteitError):
        register.werk_bij(
            oud.id,
            Klantgegevens(voornaam="Anna"),
            Identificatie.natuurlijk_persoon(bsn=ANDER_BSN),
            authenticatie=als(Identificatie.natuurlijk_persoon(bsn=ANDER_BSN), DIGID),
        )
    assert oud == register.get(oud.id)


@pytest.mark.unit
def test_werk_bij_with_nothing_different_changes_nothing() -> None:
    register = KlantRegister()
    oud = register.registreer(AMSTERDAM, Klantgegevens(voornaam="Anna"))
    assert (oud, 1) == (
        register.werk_bij(oud.id, Klantgegevens(voornaam="Anna"), None),
        register.get(oud.id).versie,
    )


@pytest.mark.unit
@pytest.mark.parametrize(
    ("zelfstandig", "fout"), [(True, ZelfstandigeKlantError), (False, OngeldigFormaatError)]
)
def test_werk_bij_keeps_rule_4(zelfstandig: bool, fout: type[Exception]) -> None:
    register = KlantRegister()
    identificatie = Identificatie.natuurlijk_persoon(bsn=BSN)
    oud = (
        register.registreer(AMSTERDAM)
        if zelfstandig
        else register.registreer(
            AMSTERDAM, identificatie=identificatie, authenticatie=als(identificatie, DIGID)
        )
    )
    with pytest.raises(fout):
        register.werk_bij(
            oud.id,
            Klantgegevens(),
            identificatie if zelfstandig else None,
            authenticatie=als(identificatie if zelfstandig else None, DIGID),
        )
    assert oud == register.get(oud.id)


@pytest.mark.unit
def test_werk_bij_of_an_identificatie_needs_authentication() -> None:
    register = KlantRegister()
    oud = register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=BSN),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSN), DIGID),
    )
    with pytest.raises(BetrouwbaarheidsniveauError):
        register.werk_bij(oud.id, None, Identificatie.natuurlijk_persoon(bsn=ANDER_BSN))
    assert oud == register.get(oud.id)
