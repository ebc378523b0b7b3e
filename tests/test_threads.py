"""The register may be shared between threads: the rules hold under contention.

Each test starts its threads at a barrier so they race for the same thing, and
runs several rounds with a very short thread switch interval, so a check and
the change it guards would be split by another thread if they could be.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable, Iterator

import pytest

from gemachtigd import als
from klantregister import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    Identificatie,
    KardinaliteitError,
    Klant,
    Klantgegevens,
    KlantNietGevondenError,
    KlantnummerInGebruikError,
    KlantRegister,
    VersieconflictError,
)

pytestmark = pytest.mark.unit

AMSTERDAM = "0363"
DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD")
BSN = "111222333"
ANDER_BSN = "123456782"
A_NUMMER = "1234567890"
DRADEN = 8
RONDES = 50


@pytest.fixture(autouse=True)
def snel_wisselen() -> Iterator[None]:
    """Switch threads as often as the interpreter allows, to make races likely."""
    oud = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(oud)


def gelijktijdig(aantal: int, taak: Callable[[int], object]) -> list[object]:
    """Run ``taak(0)`` to ``taak(aantal - 1)`` in threads released together; their outcomes.

    An outcome is what the task returned, or the exception it raised.
    """
    start = threading.Barrier(aantal)
    uitkomsten: list[object] = [None] * aantal

    def draad(nummer: int) -> None:
        start.wait()
        try:
            uitkomsten[nummer] = taak(nummer)
        except Exception as fout:
            uitkomsten[nummer] = fout

    draden = [threading.Thread(target=draad, args=(nummer,)) for nummer in range(aantal)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=60)
    assert [] == [d.name for d in draden if d.is_alive()]
    return uitkomsten


def herhaald(test: Callable[[], None]) -> Callable[[], None]:
    """Run a race RONDES times: losing it once is enough to fail."""

    @functools.wraps(test)
    def telkens() -> None:
        for _ in range(RONDES):
            test()

    return telkens


def klanten(uitkomsten: list[object]) -> list[Klant]:
    return [uitkomst for uitkomst in uitkomsten if isinstance(uitkomst, Klant)]


def fouten(uitkomsten: list[object]) -> list[BaseException]:
    return [uitkomst for uitkomst in uitkomsten if isinstance(uitkomst, BaseException)]


persoon = Identificatie.natuurlijk_persoon


@herhaald
def test_of_threads_registering_the_same_bsn_exactly_one_succeeds() -> None:
    register = KlantRegister()

    uitkomsten = gelijktijdig(
        DRADEN,
        lambda _: register.registreer(
            AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
        ),
    )

    [winnaar] = klanten(uitkomsten)
    assert [(KardinaliteitError, winnaar.id)] * (DRADEN - 1) == [
        (type(fout), getattr(fout, "klant_id", None)) for fout in fouten(uitkomsten)
    ]
    assert [winnaar] == list(register)


@herhaald
def test_of_threads_registering_the_same_a_nummer_beside_other_bsns_one_succeeds() -> None:
    register = KlantRegister()
    bsns = ["111222333", "123456782", "999999990", "100000009", "010000008", "002220647"]

    uitkomsten = gelijktijdig(
        len(bsns),
        lambda nummer: register.registreer(
            AMSTERDAM,
            identificatie=persoon(bsn=bsns[nummer], a_nummer=A_NUMMER),
            authenticatie=als(persoon(bsn=bsns[nummer], a_nummer=A_NUMMER), DIGID),
        ),
    )

    assert (1, [KardinaliteitError] * (len(bsns) - 1)) == (
        len(klanten(uitkomsten)),
        [type(fout) for fout in fouten(uitkomsten)],
    )
    assert 1 == len(register)


@herhaald
def test_of_threads_giving_the_same_klantnummer_exactly_one_succeeds() -> None:
    register = KlantRegister()

    uitkomsten = gelijktijdig(DRADEN, lambda _: register.registreer(AMSTERDAM, klantnummer="K-1"))

    [winnaar] = klanten(uitkomsten)
    assert [(KlantnummerInGebruikError, winnaar.id)] * (DRADEN - 1) == [
        (type(fout), getattr(fout, "klant_id", None)) for fout in fouten(uitkomsten)
    ]


@herhaald
def test_threads_registering_different_klanten_all_get_in_with_unique_klantnummers() -> None:
    register = KlantRegister()
    per_draad = 25

    def registreer_reeks(draad: int) -> list[Klant]:
        geregistreerd = []
        for volgnummer in range(per_draad):
            index = draad * per_draad + volgnummer
            if index % 3 == 0:
                klant = register.registreer(AMSTERDAM)
            elif index % 3 == 1:
                # A-nummers of ten digits, the first 1-9, one per klant.
                klant = register.registreer(
                    AMSTERDAM,
                    identificatie=persoon(a_nummer=str(1_000_000_000 + index)),
                    authenticatie=als(persoon(a_nummer=str(1_000_000_000 + index)), DIGID),
                )
            else:
                klant = register.registreer(
                    AMSTERDAM,
                    identificatie=Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"),
                    authenticatie=als(
                        Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"), DIGID
                    ),
                )
            geregistreerd.append(klant)
        return geregistreerd

    uitkomsten = gelijktijdig(DRADEN, registreer_reeks)

    assert [] == fouten(uitkomsten)
    geregistreerd = [klant for reeks in uitkomsten if isinstance(reeks, list) for klant in reeks]
    assert sorted(klant.id for klant in geregistreerd) == sorted(k.id for k in register)
    assert {f"{n:08d}" for n in range(1, DRADEN * per_draad + 1)} == {
        klant.klantnummer for klant in register
    }


@herhaald
def test_of_threads_changing_the_same_versie_exactly_one_wins() -> None:
    register = KlantRegister()
    klant = register.registreer(AMSTERDAM)

    uitkomsten = gelijktijdig(
        DRADEN,
        lambda nummer: register.wijzig_klantgegevens(
            klant.id, Klantgegevens(voornaam=f"Naam {nummer}"), versie=1
        ),
    )

    [winnaar] = klanten(uitkomsten)
    assert [(VersieconflictError, 1, 2)] * (DRADEN - 1) == [
        (type(fout), getattr(fout, "verwacht", None), getattr(fout, "actueel", None))
        for fout in fouten(uitkomsten)
    ]
    assert winnaar == register.get(klant.id)


@herhaald
def test_of_threads_changing_without_versie_every_change_counts() -> None:
    register = KlantRegister()
    klant = register.registreer(AMSTERDAM)

    uitkomsten = gelijktijdig(
        DRADEN,
        lambda nummer: register.wijzig_klantgegevens(
            klant.id, Klantgegevens(voornaam=f"Naam {nummer}")
        ),
    )

    assert list(range(2, DRADEN + 2)) == sorted(k.versie for k in klanten(uitkomsten))


@herhaald
def test_of_threads_removing_the_same_klant_exactly_one_succeeds() -> None:
    register = KlantRegister()
    klant = register.registreer(AMSTERDAM)

    uitkomsten = gelijktijdig(DRADEN, lambda _: register.verwijder(klant.id))

    assert [KlantNietGevondenError] * (DRADEN - 1) == [type(fout) for fout in fouten(uitkomsten)]
    assert 0 == len(register)


@herhaald
def test_a_correction_and_registrations_racing_for_one_bsn_leave_one_holder() -> None:
    register = KlantRegister()
    corrigeerder = register.registreer(
        AMSTERDAM,
        identificatie=persoon(bsn=ANDER_BSN),
        authenticatie=als(persoon(bsn=ANDER_BSN), DIGID),
    )

    def taak(nummer: int) -> Klant:
        if nummer == 0:
            return register.corrigeer_identificatie(
                corrigeerder.id, persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
            )
        return register.registreer(
            AMSTERDAM, identificatie=persoon(bsn=BSN), authenticatie=als(persoon(bsn=BSN), DIGID)
        )

    uitkomsten = gelijktijdig(DRADEN, taak)

    [winnaar] = klanten(uitkomsten)
    assert [KardinaliteitError] * (DRADEN - 1) == [type(fout) for fout in fouten(uitkomsten)]
    assert (winnaar,) == register.zoek(BSN, AMSTERDAM)


def test_reading_while_others_write_sees_a_consistent_register() -> None:
    register = KlantRegister()
    schrijvers = DRADEN // 2
    per_schrijver = 200

    def taak(nummer: int) -> object:
        if nummer < schrijvers:
            for _ in range(per_schrijver):
                klant = register.registreer(AMSTERDAM)
                register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"))
                register.verwijder(register.registreer(AMSTERDAM).id)
            return None
        for _ in range(per_schrijver):
            momentopname = list(register)
            # A snapshot never shows a klant twice, nor two klanten with one klantnummer.
            assert len(momentopname) == len({k.klantnummer for k in momentopname})
            len(register)
            repr(register)
            for klant in momentopname[-5:]:
                _ = klant.id in register
        return None

    uitkomsten = gelijktijdig(DRADEN, taak)

    assert ([], schrijvers * per_schrijver) == (fouten(uitkomsten), len(register))
