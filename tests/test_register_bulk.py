"""KlantRegister.registreer_alle, the bulk path, on memory, SQLite and PostgreSQL.

Every registratie is checked as ``registreer`` checks it; a refused one is
reported with its position and the others are stored. A batch that meets a
conflict is redone one klant at a time, so on every storage the generated
klantnummers of such a batch may skip some numbers: the tests ask only that
they are new.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gemachtigd import als
from klantregister import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    BetrouwbaarheidsniveauError,
    Gemeentecode,
    Identificatie,
    KardinaliteitError,
    Klant,
    KlantBestaatAlError,
    Klantgegevens,
    KlantnummerInGebruikError,
    KlantRegister,
    KlantregisterError,
    MemoryRepository,
    OngeldigeWaardeError,
    OpslagError,
    Registratie,
)

MaakRegister = Callable[..., KlantRegister]

AMSTERDAM = "0363"
ROTTERDAM = "0599"
BSN = "111222333"
ANDER_BSN = "123456782"
DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD Midden")


def persoon(bsn: str) -> Registratie:
    return Registratie(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=bsn),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=bsn), DIGID),
    )


def geweigerd(
    resultaat_geweigerd: tuple[tuple[int, KlantregisterError], ...],
) -> list[tuple[int, type[KlantregisterError]]]:
    return [(positie, type(fout)) for positie, fout in resultaat_geweigerd]


@pytest.fixture
def register(maak_register: MaakRegister) -> KlantRegister:
    return maak_register()


def test_registreer_alle_stores_every_registratie_in_order(register: KlantRegister) -> None:
    resultaat = register.registreer_alle(
        [persoon(BSN), Registratie(ROTTERDAM), Registratie(AMSTERDAM, Klantgegevens(voornaam="Bo"))]
    )

    assert list(resultaat.geregistreerd) == list(register)


def test_registreer_alle_generates_klantnummers_in_sequence_per_gemeente(
    register: KlantRegister,
) -> None:
    resultaat = register.registreer_alle(
        [Registratie(AMSTERDAM), Registratie(ROTTERDAM), Registratie(AMSTERDAM)]
    )

    assert ["00000001", "00000001", "00000002"] == [
        klant.klantnummer for klant in resultaat.geregistreerd
    ]


def test_registreer_alle_keeps_a_given_klantnummer(register: KlantRegister) -> None:
    resultaat = register.registreer_alle([Registratie(AMSTERDAM, klantnummer="K-1")])

    assert ["K-1"] == [klant.klantnummer for klant in resultaat.geregistreerd]


def test_registreer_alle_builds_registraties_from_plain_text(register: KlantRegister) -> None:
    resultaat = register.registreer_alle([Registratie("GM0363")])

    assert [Gemeentecode(AMSTERDAM)] == [klant.gemeente for klant in resultaat.geregistreerd]


def test_registreer_alle_refuses_a_klant_of_a_person_already_registered(
    register: KlantRegister,
) -> None:
    eerste = register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=BSN),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSN), DIGID),
    )

    resultaat = register.registreer_alle([persoon(ANDER_BSN), persoon(BSN), Registratie(ROTTERDAM)])

    ((positie, fout),) = resultaat.geweigerd
    assert (1, KardinaliteitError, eerste.id, 3) == (
        positie,
        type(fout),
        getattr(fout, "klant_id", None),
        len(register),
    )


def test_registreer_alle_refuses_the_second_of_two_registraties_of_one_person(
    register: KlantRegister,
) -> None:
    resultaat = register.registreer_alle([persoon(BSN), Registratie(ROTTERDAM), persoon(BSN)])

    assert ([(2, KardinaliteitError)], [resultaat.geregistreerd[0].id]) == (
        geweigerd(resultaat.geweigerd),
        [klant.id for klant in register.zoek(BSN, AMSTERDAM)],
    )


def test_registreer_alle_refuses_a_klantnummer_given_twice(register: KlantRegister) -> None:
    resultaat = register.registreer_alle(
        [Registratie(AMSTERDAM, klantnummer="K-1"), Registratie(AMSTERDAM, klantnummer="K-1")]
    )

    assert ([(1, KlantnummerInGebruikError)], 1) == (
        geweigerd(resultaat.geweigerd),
        len(register),
    )


def test_registreer_alle_refuses_an_identificatie_without_authenticatie(
    register: KlantRegister,
) -> None:
    resultaat = register.registreer_alle(
        [Registratie(AMSTERDAM, identificatie=Identificatie.natuurlijk_persoon(bsn=BSN))]
    )

    assert ([(0, BetrouwbaarheidsniveauError)], 0) == (
        geweigerd(resultaat.geweigerd),
        len(register),
    )


def test_registreer_alle_refuses_what_is_no_registratie(register: KlantRegister) -> None:
    resultaat = register.registreer_alle([AMSTERDAM, Registratie(AMSTERDAM)])  # type: ignore[list-item]

    ((positie, fout),) = resultaat.geweigerd
    assert (0, True, 1) == (positie, isinstance(fout, OngeldigeWaardeError), len(register))


def test_klantnummers_generated_after_a_refused_batch_are_all_new(
    register: KlantRegister,
) -> None:
    register.registreer_alle([persoon(BSN), Registratie(AMSTERDAM), persoon(BSN)])

    resultaat = register.registreer_alle([Registratie(AMSTERDAM) for _ in range(3)])

    nummers = [klant.klantnummer for klant in register]
    assert (3, 5, 5) == (len(resultaat.geregistreerd), len(nummers), len(set(nummers)))


def test_registreer_alle_stores_batch_after_batch(register: KlantRegister) -> None:
    resultaat = register.registreer_alle(
        [persoon(BSN), *(Registratie(AMSTERDAM) for _ in range(4)), persoon(BSN)],
        batchgrootte=2,
    )

    assert ([(5, KardinaliteitError)], 5) == (geweigerd(resultaat.geweigerd), len(register))


@pytest.mark.parametrize("batchgrootte", [0, -1, 1.5, "10"])
def test_a_batchgrootte_that_is_not_a_positive_integer_is_refused(
    register: KlantRegister, batchgrootte: object
) -> None:
    with pytest.raises(OngeldigeWaardeError):
        register.registreer_alle([Registratie(AMSTERDAM)], batchgrootte=batchgrootte)  # type: ignore[arg-type]


def test_registreer_alle_of_nothing_stores_nothing(register: KlantRegister) -> None:
    resultaat = register.registreer_alle([])

    assert ((), (), 0) == (resultaat.geregistreerd, resultaat.geweigerd, len(register))


def test_every_klant_registered_in_bulk_can_be_read_back(register: KlantRegister) -> None:
    resultaat = register.registreer_alle([persoon(BSN), Registratie(ROTTERDAM)])

    gelezen = [register.get(klant.id) for klant in resultaat.geregistreerd]
    assert list(resultaat.geregistreerd) == gelezen


@pytest.mark.unit
def test_a_batch_size_of_true_is_refused() -> None:
    with pytest.raises(OngeldigeWaardeError):
        KlantRegister().registreer_alle([], batchgrootte=True)


class _KapotteOpslag(MemoryRepository):
    """A memory repository whose single writes fail as a broken database would, and that
    cannot say beforehand what is held (as an adapter without ``holders_many``)."""

    holders_many = None  # type: ignore[assignment]

    def add(self, klant: Klant) -> None:
        raise OpslagError("de schijf is vol")


@pytest.mark.unit
def test_a_storage_failure_in_the_one_by_one_redo_is_raised_not_reported() -> None:
    register = KlantRegister(_KapotteOpslag())
    digid = Authenticatie("substantieel")
    dubbel = Identificatie.natuurlijk_persoon(bsn="111222333")
    with pytest.raises(OpslagError):
        # The duplicate makes the batch fail, so it is redone one klant at a time.
        register.registreer_alle(
            [
                Registratie("0363", identificatie=dubbel, authenticatie=als(dubbel, digid)),
                Registratie("0363", identificatie=dubbel, authenticatie=als(dubbel, digid)),
            ]
        )


# --- ids and bron taken over from another register ------------------------------------

BRON = "https://klanten.example.nl/api/v1/klanten/8b3e0f55-2a0c-4d55-8f0e-8f5bb3c0b8a1"
ID = "8b3e0f55-2a0c-4d55-8f0e-8f5bb3c0b8a1"


def test_registreer_alle_keeps_a_given_id_and_bron(register: KlantRegister) -> None:
    resultaat = register.registreer_alle([Registratie(AMSTERDAM, id=ID, bron=BRON)])

    (klant,) = resultaat.geregistreerd
    assert ((str(klant.id), klant.bron), klant) == ((ID, BRON), register.get(ID))


def test_registreer_alle_refuses_an_id_in_the_register_and_stores_the_rest(
    register: KlantRegister,
) -> None:
    eerste = register.registreer(AMSTERDAM, id=ID, bron=BRON)

    resultaat = register.registreer_alle(
        [Registratie(AMSTERDAM), Registratie(ROTTERDAM, id=ID), Registratie(AMSTERDAM)]
    )

    assert ([(1, KlantBestaatAlError)], 2) == (
        geweigerd(resultaat.geweigerd),
        len(resultaat.geregistreerd),
    )
    assert (eerste, 3) == (register.get(ID), len(register))


def test_registreer_alle_refuses_the_second_of_two_registraties_with_one_id(
    register: KlantRegister,
) -> None:
    resultaat = register.registreer_alle(
        [Registratie(AMSTERDAM, id=ID), Registratie(AMSTERDAM, id=ID, klantnummer="K2")]
    )

    assert [(1, KlantBestaatAlError)] == geweigerd(resultaat.geweigerd)
    assert [ID] == [str(k.id) for k in register]
