"""Retention (issue 13, point 5): ``bewaren_tot``, ``bewaar_tot``, ``verwijder`` and
``verwijder_verlopen``, on every storage.

A klant held until a date (``bewaren_tot``) is not erased before it, unless the caller
overrides the hold; from that date on ``verwijder_verlopen`` erases it, aangehaakt or not.
A zelfstandige klant without a hold is erased once the register's
``bewaartermijn_zelfstandig`` has passed since the day it was registered; an aangehaakte
one never by the term. The registers here run on a clock the test sets.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from gemachtigd import als
from klantregister import (
    BewaartermijnError,
    Handeling,
    Identificatie,
    Klantgegevens,
    KlantNietGevondenError,
    KlantRegister,
    MemoryRepository,
    OngeldigFormaatError,
    OngeldigTypeError,
    VersieconflictError,
)
from klantregister.testing import bsns

MaakRegister = Callable[..., KlantRegister]

AMSTERDAM = "0363"
UTRECHT = "0344"
VANDAAG = datetime.date(2026, 3, 1)
DAG = datetime.timedelta(days=1)
BSN = "111222333"
PERSOON = Identificatie.natuurlijk_persoon(bsn=BSN)

OPSLAG_VOORBEELDEN = settings(
    max_examples=min(settings().max_examples, 50),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Klok:
    """A clock the test moves: what the register takes for today."""

    def __init__(self, dag: datetime.date = VANDAAG) -> None:
        self.dag = dag

    def __call__(self) -> datetime.date:
        return self.dag


@pytest.fixture
def register(maak_register: MaakRegister) -> KlantRegister:
    return maak_register(klok=Klok())


def handelingen(register: KlantRegister) -> list[tuple[Handeling, uuid.UUID | None]]:
    return [(v.handeling, v.klant_id) for v in register.verwerkingen()]


def toestand(register: KlantRegister) -> tuple[Any, ...]:
    """Every klant exactly, in order of registration, and every log entry."""
    return (
        [attrs.asdict(klant) for klant in register],
        [(v.id, v.handeling, v.klant_id) for v in register.verwerkingen()],
    )


def leeg(register: KlantRegister) -> None:
    """Erase every klant, held or not: the storage is shared by a test's examples."""
    for klant in list(register):
        register.verwijder(klant.id, negeer_bewaartermijn=True)


# --- registering, and holding --------------------------------------------------------------


def test_a_klant_is_registered_on_the_clocks_day_and_held_until_the_date_given(
    maak_register: MaakRegister, opslag_url: str
) -> None:
    register = maak_register(klok=Klok())
    tot = datetime.date(2031, 12, 31)

    aangehaakt = register.registreer(
        AMSTERDAM, identificatie=PERSOON, authenticatie=als(PERSOON), bewaren_tot=tot
    )
    zelfstandig = register.registreer(AMSTERDAM)

    assert [(VANDAAG, tot), (VANDAAG, None)] == [
        (k.geregistreerd_op, k.bewaren_tot) for k in (aangehaakt, zelfstandig)
    ]
    assert [aangehaakt, zelfstandig] == list(register)
    if opslag_url != "memory://":
        assert [aangehaakt, zelfstandig] == list(maak_register())


@pytest.mark.parametrize("tot", [datetime.datetime(2030, 1, 1), "2030-01-01", 20300101])
def test_a_bewaren_tot_that_is_not_a_date_is_refused_and_nothing_is_registered(
    register: KlantRegister, tot: object
) -> None:
    with pytest.raises(OngeldigTypeError):
        register.registreer(
            AMSTERDAM,
            identificatie=PERSOON,
            authenticatie=als(PERSOON),
            bewaren_tot=tot,  # type: ignore[arg-type]
        )

    assert ([], []) == toestand(register)
    # Not even a klantnummer was taken.
    assert "00000001" == register.registreer(AMSTERDAM).klantnummer


def test_bewaar_tot_sets_changes_and_lifts_the_hold(register: KlantRegister) -> None:
    klant = register.registreer(AMSTERDAM)
    tot = datetime.date(2030, 6, 1)

    gehouden = register.bewaar_tot(klant.id, tot, versie=1)
    assert (tot, 2) == (gehouden.bewaren_tot, gehouden.versie)
    # The same date again changes nothing: no new versie.
    assert gehouden == register.bewaar_tot(klant.id, tot)
    later = register.bewaar_tot(klant.id, tot + DAG, versie=2)
    assert (tot + DAG, 3) == (later.bewaren_tot, later.versie)
    vrij = register.bewaar_tot(klant.id, None)
    assert (None, 4) == (vrij.bewaren_tot, vrij.versie)
    assert [vrij] == list(register)
    assert attrs.evolve(klant, versie=4) == vrij  # nothing else changed


@pytest.mark.parametrize(
    ("argumenten", "fout"),
    [
        ({"bewaren_tot": datetime.date(2030, 1, 1), "versie": 1}, VersieconflictError),
        ({"bewaren_tot": datetime.datetime(2030, 1, 1)}, OngeldigTypeError),
        ({"bewaren_tot": "2030-01-01"}, OngeldigTypeError),
        ({"bewaren_tot": datetime.date(2030, 1, 1), "versie": 0}, OngeldigFormaatError),
    ],
)
def test_a_refused_bewaar_tot_changes_nothing(
    maak_register: MaakRegister, opslag_url: str, argumenten: dict[str, Any], fout: type[Exception]
) -> None:
    register = maak_register()
    klant = register.registreer(AMSTERDAM, bewaren_tot=datetime.date(2029, 1, 1))
    register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"))  # versie 2
    voor = toestand(register)

    with pytest.raises(fout) as fout_info:
        register.bewaar_tot(klant.id, **argumenten)

    assert fout is type(fout_info.value)
    assert voor == toestand(register)
    if opslag_url != "memory://":
        assert voor == toestand(maak_register())


def test_bewaar_tot_of_a_klant_that_is_not_there_is_refused(register: KlantRegister) -> None:
    with pytest.raises(KlantNietGevondenError):
        register.bewaar_tot(uuid.UUID(int=1), datetime.date(2030, 1, 1))


# --- erasing one klant ---------------------------------------------------------------------


def test_a_held_klant_is_not_erased_before_its_date_and_is_on_it(
    maak_register: MaakRegister, opslag_url: str
) -> None:
    klok = Klok()
    register = maak_register(klok=klok)
    tot = VANDAAG + 2 * DAG
    klant = register.registreer(
        AMSTERDAM, identificatie=PERSOON, authenticatie=als(PERSOON), bewaren_tot=tot
    )
    voor = toestand(register)

    for dag in (VANDAAG, VANDAAG + DAG):
        klok.dag = dag
        for versie in (None, 1):
            with pytest.raises(BewaartermijnError) as fout:
                register.verwijder(klant.id, versie=versie)
            assert (klant.id, tot) == (fout.value.klant_id, fout.value.bewaren_tot)
        assert voor == toestand(register)
        if opslag_url != "memory://":
            assert voor == toestand(maak_register())

    klok.dag = tot
    register.verwijder(klant.id)
    assert klant.id not in register
    assert (Handeling.WISSEN, klant.id) == handelingen(register)[-1]


def test_negeer_bewaartermijn_erases_a_held_klant(register: KlantRegister) -> None:
    klant = register.registreer(
        AMSTERDAM,
        identificatie=PERSOON,
        authenticatie=als(PERSOON),
        bewaren_tot=datetime.date(2099, 1, 1),
    )

    register.verwijder(klant.id, negeer_bewaartermijn=True)

    with pytest.raises(KlantNietGevondenError):
        register.get(klant.id)
    assert (Handeling.WISSEN, klant.id) == handelingen(register)[-1]
    # Its BSN is free again.
    register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=als(PERSOON))


@pytest.mark.parametrize("negeren", [1, "ja", None])
def test_a_negeer_bewaartermijn_that_is_not_a_bool_is_refused(
    register: KlantRegister, negeren: object
) -> None:
    klant = register.registreer(AMSTERDAM, bewaren_tot=datetime.date(2099, 1, 1))

    with pytest.raises(OngeldigTypeError):
        register.verwijder(klant.id, negeer_bewaartermijn=negeren)  # type: ignore[arg-type]

    assert [klant] == list(register)


# --- erasing what has expired ---------------------------------------------------------------


def test_verwijder_verlopen_erases_by_hold_and_by_term(
    maak_register: MaakRegister, opslag_url: str
) -> None:
    klok = Klok(VANDAAG - 30 * DAG)
    register = maak_register(bewaartermijn_zelfstandig=30 * DAG, klok=klok)
    oud = register.registreer(AMSTERDAM)  # registered 30 days before: its term has passed
    oud_gehouden = register.registreer(AMSTERDAM, bewaren_tot=VANDAAG + DAG)  # held longer
    persoon = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=als(PERSOON))
    klok.dag = VANDAAG - 29 * DAG
    jong = register.registreer(AMSTERDAM)  # a day short of its term
    jong_gehouden = register.registreer(AMSTERDAM, bewaren_tot=VANDAAG)  # a hold ends first
    ander = Identificatie.natuurlijk_persoon(bsn="123456782")
    persoon_tot = register.registreer(
        AMSTERDAM, identificatie=ander, authenticatie=als(ander), bewaren_tot=VANDAAG
    )
    voor = handelingen(register)

    assert 3 == register.verwijder_verlopen(VANDAAG)

    assert [oud_gehouden.id, persoon.id, jong.id] == [k.id for k in register]
    assert [*voor, (Handeling.WISSEN, persoon_tot.id)] == handelingen(register)
    assert 0 == register.verwijder_verlopen(VANDAAG)
    if opslag_url != "memory://":
        assert [oud_gehouden, persoon, jong] == list(maak_register())
    assert {oud.id, jong_gehouden.id}.isdisjoint(k.id for k in register)
    # The BSN of the one erased is free again; its contact data are no longer found.
    register.registreer(AMSTERDAM, identificatie=ander, authenticatie=als(ander))


def test_a_term_reaching_past_either_end_of_the_calendar_does_not_overflow(
    maak_register: MaakRegister,
) -> None:
    """``geregistreerd_op + termijn`` may lie past ``date.max``, ``peildatum - termijn``
    before ``date.min``: such a term has not passed, and nothing overflows."""
    klok = Klok(datetime.date.max)
    register = maak_register(bewaartermijn_zelfstandig=3000 * 365 * DAG, klok=klok)
    laatste = register.registreer(AMSTERDAM)  # on the calendar's last day
    klok.dag = VANDAAG
    register.registreer(AMSTERDAM)  # 3000 years on: long before date.max

    assert [0, 0, 1] == [
        register.verwijder_verlopen(peildatum)
        for peildatum in (datetime.date.min, VANDAAG, datetime.date.max)
    ]
    assert [laatste] == list(register)
    kort = maak_register(bewaartermijn_zelfstandig=DAG, klok=Klok(datetime.date.max))
    kort.registreer(UTRECHT)
    assert [0, 0] == [kort.verwijder_verlopen(p) for p in (datetime.date.min, datetime.date.max)]


@pytest.mark.parametrize("peildatum", [None, "2026-03-01", datetime.datetime(2026, 3, 1), 20260301])
def test_a_peildatum_that_is_not_a_date_is_refused_and_erases_nothing(
    maak_register: MaakRegister, peildatum: object
) -> None:
    register = maak_register(bewaartermijn_zelfstandig=DAG, klok=Klok(VANDAAG - 10 * DAG))
    register.registreer(AMSTERDAM, bewaren_tot=VANDAAG - DAG)
    register.registreer(AMSTERDAM)
    voor = toestand(register)

    with pytest.raises(OngeldigTypeError) as fout:
        register.verwijder_verlopen(peildatum)  # type: ignore[arg-type]

    assert voor == toestand(register)
    assert "peildatum" in str(fout.value)
    assert "of None" not in str(fout.value)  # None is no peildatum either


TERMIJNEN_ONGELDIG = [
    datetime.timedelta(hours=12),
    datetime.timedelta(days=1, seconds=1),
    datetime.timedelta(days=30, microseconds=1),
    datetime.timedelta(days=-1),
    datetime.timedelta(0),
    30,
    "P30D",
]


@pytest.mark.unit
@pytest.mark.parametrize("termijn", TERMIJNEN_ONGELDIG)
def test_a_bewaartermijn_of_part_days_or_of_no_days_is_refused(termijn: object) -> None:
    with pytest.raises(OngeldigFormaatError):
        KlantRegister(bewaartermijn_zelfstandig=termijn)


@pytest.mark.parametrize("termijn", TERMIJNEN_ONGELDIG[::3])
def test_opening_with_a_bad_bewaartermijn_is_refused_and_the_storage_is_kept(
    maak_register: MaakRegister, opslag_url: str, termijn: object
) -> None:
    register = maak_register()
    register.registreer(AMSTERDAM)
    voor = toestand(register)

    with pytest.raises(OngeldigFormaatError):
        maak_register(bewaartermijn_zelfstandig=termijn)

    assert voor == toestand(register)
    if opslag_url != "memory://":
        assert voor == toestand(maak_register())


@pytest.mark.unit
def test_a_clock_that_is_not_one_is_refused() -> None:
    with pytest.raises(OngeldigTypeError):
        KlantRegister(klok=VANDAAG)
    for verkeerd in (lambda: datetime.datetime(2026, 3, 1), lambda: None):
        register = KlantRegister(klok=verkeerd)
        with pytest.raises(OngeldigTypeError, match=r"klok\(\)"):
            register.registreer(AMSTERDAM)
        assert 0 == len(register)


# --- the property ----------------------------------------------------------------------


def verwacht_verlopen(
    geregistreerd: datetime.date,
    aangehaakt: bool,
    tot: datetime.date | None,
    peildatum: datetime.date,
    termijn: int | None,
) -> bool:
    """The rules, in days: a hold says when; else a zelfstandige klant's term does."""
    if tot is not None:
        return tot.toordinal() <= peildatum.toordinal()
    if aangehaakt or termijn is None:
        return False
    return peildatum.toordinal() - geregistreerd.toordinal() >= termijn


EERSTE, LAATSTE = datetime.date.min.toordinal(), datetime.date.max.toordinal()

Geval = tuple[
    datetime.date, int | None, list[tuple[datetime.date, str | None, datetime.date | None]]
]


@st.composite
def bewaargevallen(draw: st.DrawFn) -> Geval:
    """A peildatum, a term in days (or none), and klanten: each its day of registration, a
    BSN if aangehaakt, and a hold; many of the dates a day or so from where they matter."""
    peildatum = draw(st.dates(VANDAAG - 400 * DAG, VANDAAG + 400 * DAG) | st.dates())
    termijn = draw(st.none() | st.integers(1, 400) | st.integers(1, 999_999_999))
    aantal = draw(st.integers(0, 8))
    nummers = draw(st.lists(bsns, min_size=aantal, max_size=aantal, unique=True))

    def bij(ordinaal: int) -> datetime.date:
        dag = ordinaal + draw(st.integers(-1, 1))
        return datetime.date.fromordinal(min(max(dag, EERSTE), LAATSTE))

    klanten = []
    for nummer in nummers:
        if termijn is not None and draw(st.booleans()):
            geregistreerd = bij(peildatum.toordinal() - termijn)
        else:
            geregistreerd = draw(st.dates())
        tot = draw(st.none() | st.just(bij(peildatum.toordinal())) | st.dates())
        klanten.append((geregistreerd, draw(st.none() | st.just(nummer)), tot))
    return peildatum, termijn, klanten


def controleer_verlopen(register: KlantRegister, klok: Klok, geval: Geval) -> None:
    peildatum, termijn, klanten = geval
    geregistreerd = []
    for dag, bsn, tot in klanten:
        klok.dag = dag
        identificatie = None if bsn is None else Identificatie.natuurlijk_persoon(bsn=bsn)
        klant = register.registreer(
            AMSTERDAM, None, identificatie, authenticatie=als(identificatie), bewaren_tot=tot
        )
        assert (dag, tot) == (klant.geregistreerd_op, klant.bewaren_tot)
        geregistreerd.append(klant)
    verlopen = [
        klant
        for klant, (dag, bsn, tot) in zip(geregistreerd, klanten, strict=True)
        if verwacht_verlopen(dag, bsn is not None, tot, peildatum, termijn)
    ]
    blijven = [klant for klant in geregistreerd if klant not in verlopen]
    voor = len(handelingen(register))
    event(f"verlopen: {min(len(verlopen), 2)}, blijven: {min(len(blijven), 2)}")

    assert len(verlopen) == register.verwijder_verlopen(peildatum)

    assert blijven == list(register)
    assert [(Handeling.WISSEN, k.id) for k in verlopen if k.aangehaakt] == handelingen(register)[
        voor:
    ]
    assert 0 == register.verwijder_verlopen(peildatum)


@OPSLAG_VOORBEELDEN
@given(geval=bewaargevallen())
def test_verwijder_verlopen_erases_exactly_what_has_expired(
    maak_register: MaakRegister, geval: Geval
) -> None:
    klok = Klok()
    termijn = geval[1]
    register = maak_register(
        bewaartermijn_zelfstandig=None if termijn is None else termijn * DAG, klok=klok
    )
    try:
        controleer_verlopen(register, klok, geval)
    finally:
        leeg(register)
        register.close()


class ZonderVerloopquery(MemoryRepository):
    """A repository without the optional ``expired``: the register looks at each klant."""

    expired = None  # type: ignore[assignment]


@pytest.mark.unit
@settings(max_examples=min(settings().max_examples, 50))
@given(geval=bewaargevallen())
def test_a_repository_without_the_query_erases_the_same(geval: Geval) -> None:
    klok = Klok()
    termijn = geval[1]
    register = KlantRegister(
        ZonderVerloopquery(),
        bewaartermijn_zelfstandig=None if termijn is None else termijn * DAG,
        klok=klok,
    )
    controleer_verlopen(register, klok, geval)
