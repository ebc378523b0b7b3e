"""Hardening (issue 11), the second half of the general test: a refused operation leaves the
register and its storage exactly as they were, on every kind of storage.

Each method of :class:`~klantregister.KlantRegister` is called on a register holding four
klanten, with one argument replaced by a hostile value or by one that is nearly right (a
stale versie, another klant's BSN or klantnummer, an organisation's identificatie for a
person, too low an assurance level). When the call raises, it must be the library's own
error, and nothing may have changed: not the klanten the register gives, and not what the
storage holds, read around the register (every table of the database, every index of the
memory repository). When the call succeeds, the four klanten are put back; when the bulk
path refuses some registraties, the register holds the others and nothing more.
"""

from __future__ import annotations

import copy
import datetime
import sqlite3
import uuid
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gemachtigd import als
from klantregister import (
    Authenticatie,
    Bsn,
    BulkResultaat,
    Identificatie,
    Kenmerken,
    Klant,
    Klantgegevens,
    KlantRegister,
    KlantregisterError,
    MemoryRepository,
    Overname,
    Registratie,
    Vertegenwoordiging,
)
from klantregister.domain.klant import MAX_VERSIE
from oppervlak import A_NUMMER, AMSTERDAM, ANDER_BSN, BSN, DIGID, SWEEP_VOORBEELDEN, vijandig

P, Q, ORG, Z = (uuid.UUID(int=n) for n in (1, 2, 3, 4))
KVK = "12345678"
NIEUW_BSN = "123456708"
ORGANISATIE = Identificatie.niet_natuurlijk_persoon(kvk_nummer=KVK)


def opzetten(register: KlantRegister) -> None:
    """The four klanten: two persons (P at versie 2), an organisation, a zelfstandige."""
    persoon = Identificatie.natuurlijk_persoon(bsn=BSN, a_nummer=A_NUMMER)
    register.registreer(
        AMSTERDAM, None, persoon, authenticatie=als(persoon, DIGID), id=P, klantnummer="P-1"
    )
    register.wijzig_klantgegevens(P, Klantgegevens(voornaam="Anna"))
    register.registreer(
        AMSTERDAM,
        Klantgegevens(voornaam="Bram"),
        Identificatie.natuurlijk_persoon(bsn=ANDER_BSN),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=ANDER_BSN), DIGID),
        id=Q,
        klantnummer="Q-1",
    )
    register.registreer(
        AMSTERDAM,
        Klantgegevens(bedrijfsnaam="Bakkerij"),
        ORGANISATIE,
        authenticatie=als(ORGANISATIE, DIGID),
        id=ORG,
    )
    register.registreer(AMSTERDAM, Klantgegevens(voornaam="Zoë"), id=Z, klantnummer="Z-1")


#: Values that are nearly right for some argument, to reach the rules behind the checks.
bijna = st.sampled_from(
    [
        P,
        Q,
        ORG,
        Z,
        str(Q),
        uuid.UUID(int=99),
        0,
        1,
        2,
        3,
        MAX_VERSIE,
        (1, 2),
        (2, 1),
        datetime.date(2020, 1, 1),
        datetime.date(2099, 1, 1),
        "0599",
        Identificatie.natuurlijk_persoon(bsn=ANDER_BSN),
        Identificatie.natuurlijk_persoon(bsn=BSN),
        Identificatie.natuurlijk_persoon(a_nummer=A_NUMMER),
        Identificatie.natuurlijk_persoon(bsn=NIEUW_BSN),
        ORGANISATIE,
        Authenticatie("laag", "wachtwoord"),
        Authenticatie("hoog", "DigiD"),
        # Another person's authentication (rule 10), and one acting for P's person.
        Authenticatie("hoog", "DigiD", subject=ANDER_BSN),
        Authenticatie("hoog", "DigiD", subject=ANDER_BSN, namens=Vertegenwoordiging(BSN, "bewind")),
        Overname("https://klanten.example.nl/api/v1"),
        Klantgegevens(),
        Klantgegevens(voornaam="Anna"),
        Kenmerken(soort="organisatie"),
        Kenmerken(soort="persoon"),
        Kenmerken(actief=False),
        "P-1",
        "Q-1",
        "https://klanten.example.nl/api/v1/klanten/1",
        [
            Registratie(
                AMSTERDAM,
                None,
                ORGANISATIE,
                authenticatie=als(ORGANISATIE, DIGID),
                klantnummer="Q-1",
            )
        ],
        [
            Registratie(
                AMSTERDAM,
                None,
                Identificatie.natuurlijk_persoon(bsn=NIEUW_BSN),
                authenticatie=Authenticatie("hoog", subject=ANDER_BSN),
            )
        ],
        [
            Registratie(AMSTERDAM, klantnummer="N-1"),
            Registratie(
                AMSTERDAM,
                None,
                Identificatie.natuurlijk_persoon(bsn=ANDER_BSN),
                authenticatie=als(Identificatie.natuurlijk_persoon(bsn=ANDER_BSN), DIGID),
            ),
        ],
    ]
)

#: Per method: a valid call's arguments, the klant it works on being P.
METHODEN: dict[str, dict[str, object]] = {
    "registreer": {"gemeente": AMSTERDAM},
    "registreer_alle": {"registraties": [Registratie(AMSTERDAM)]},
    "vind_of_registreer": {
        "gemeente": AMSTERDAM,
        "identificatie": Identificatie.natuurlijk_persoon(bsn=NIEUW_BSN),
        "klantgegevens": None,
        "authenticatie": Authenticatie("hoog", subject=NIEUW_BSN),
    },
    "wijzig_klantgegevens": {"klant_id": P, "klantgegevens": None, "versie": 2},
    "wijzig_kenmerken": {"klant_id": P, "kenmerken": Kenmerken(actief=False), "versie": 2},
    "corrigeer_identificatie": {
        "klant_id": P,
        "identificatie": Identificatie.natuurlijk_persoon(bsn=NIEUW_BSN),
        "authenticatie": als(Identificatie.natuurlijk_persoon(bsn=NIEUW_BSN), DIGID),
        "versie": 2,
    },
    "werk_bij": {
        "klant_id": P,
        "klantgegevens": None,
        "identificatie": Identificatie.natuurlijk_persoon(bsn=BSN, a_nummer=A_NUMMER),
        "authenticatie": als(Identificatie.natuurlijk_persoon(bsn=BSN), DIGID),
        "versie": 2,
        "kenmerken": None,
    },
    "verwijder": {"klant_id": P, "versie": 2},
    "voeg_samen": {
        "behouden": P,
        "opgaan": Z,
        "authenticatie": Authenticatie("hoog", subject=BSN),
        "klantgegevens": None,
        "versies": (2, 1),
    },
    "bewaar_tot": {"klant_id": P, "bewaren_tot": datetime.date(2030, 1, 1), "versie": 2},
    "verwijder_verlopen": {"peildatum": datetime.date(2020, 1, 1)},
    "zoek_op_gegevens": {
        "gemeente": AMSTERDAM,
        "achternaam": "Jansen",
        "emailadres": None,
        "telefoonnummer": None,
        "postcode": None,
        "huisnummer": None,
    },
    "get": {"klant_id": P},
    "zoek": {"identificator": BSN, "gemeente": AMSTERDAM},
    "to_records": {"volledig": True},
    "verstrek": {"klant_id": P, "authenticatie": Authenticatie("hoog", subject=BSN)},
    "verwerkingen": {"klant_id": P, "betrokkene": Bsn(BSN)},
}

#: Arguments a method takes that the valid call leaves at their default.
EXTRA = {
    "registreer": [
        "klantgegevens",
        "identificatie",
        "authenticatie",
        "klantnummer",
        "id",
        "bron",
        "kenmerken",
        "overname",
        "bewaren_tot",
    ],
    "registreer_alle": ["batchgrootte"],
    "verwijder": ["negeer_bewaartermijn"],
    "corrigeer_identificatie": ["overname"],
    "werk_bij": ["overname"],
}

GEVALLEN = sorted(
    (methode, argument)
    for methode, argumenten in METHODEN.items()
    for argument in [*argumenten, *EXTRA.get(methode, [])]
)


@pytest.mark.unit
def test_the_cases_cover_every_argument_of_every_method() -> None:
    import inspect  # noqa: PLC0415

    verwacht = {
        (naam, argument)
        for naam, waarde in inspect.getmembers(KlantRegister, inspect.isfunction)
        if not naam.startswith("_")
        for argument in inspect.signature(waarde).parameters
        if argument != "self"
    }
    assert verwacht == set(GEVALLEN)


# --- what the storage holds, read around the register --------------------------------


def geheugen(repository: MemoryRepository) -> object:
    """Every table of a memory repository, copied."""
    namen = (
        "_klanten",
        "_personen",
        "_organisaties",
        "_klantnummers",
        "_volgnummers",
        "_verwerkingen",
        "_samengevoegd",
    )
    return copy.deepcopy({naam: getattr(repository, naam) for naam in namen})


Opslag = Callable[[KlantRegister], object]
#: Every row of one table (the names come from the database's own catalogue).
_ALLES = 'SELECT * FROM "{}"'


@pytest.fixture
def opgezet(
    opslag_url: str, maak_register: Callable[..., KlantRegister]
) -> Iterator[tuple[KlantRegister, Opslag]]:
    """A register holding the four klanten, shared by the examples of a test, and what its
    storage holds as a value to compare: every row of every table, read over a connection
    of its own."""
    register = maak_register()
    opzetten(register)
    if opslag_url == "memory://":
        yield register, lambda register: geheugen(register._store)  # type: ignore[arg-type]
        return
    if opslag_url.startswith("sqlite:"):
        verbinding = sqlite3.connect(opslag_url.removeprefix("sqlite:///"), isolation_level=None)

        def sqlite_inhoud(register: KlantRegister) -> object:
            tabellen = verbinding.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            ).fetchall()
            return {
                naam: sorted(map(repr, verbinding.execute(_ALLES.format(naam))))
                for (naam,) in tabellen
            }

        yield register, sqlite_inhoud
        verbinding.close()
        return
    import psycopg  # noqa: PLC0415

    with psycopg.connect(opslag_url, autocommit=True) as pg:

        def pg_inhoud(register: KlantRegister) -> object:
            tabellen = pg.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                " ORDER BY tablename"
            ).fetchall()
            return {
                naam: sorted(map(repr, pg.execute(_ALLES.format(naam)).fetchall()))
                for (naam,) in tabellen
            }

        yield register, pg_inhoud


def klanten(register: KlantRegister) -> dict[uuid.UUID, Klant]:
    return {klant.id: klant for klant in register}


@pytest.mark.parametrize(("methode", "argument"), GEVALLEN)
@settings(
    max_examples=SWEEP_VOORBEELDEN,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(waarde=st.one_of(vijandig, bijna))
def test_a_refused_operation_leaves_register_and_storage_as_they_were(
    methode: str, argument: str, waarde: object, opgezet: tuple[KlantRegister, Opslag]
) -> None:
    register, opslag = opgezet
    voor = (klanten(register), register.to_records(volledig=True), opslag(register))
    try:
        resultaat = getattr(register, methode)(**{**METHODEN[methode], argument: waarde})
    except KlantregisterError:
        na = (klanten(register), register.to_records(volledig=True), opslag(register))
        assert voor == na
    else:
        if isinstance(resultaat, BulkResultaat):
            # The bulk path refuses registraties one by one: the others, and only they, are in.
            nieuw = {klant.id: klant for klant in resultaat.geregistreerd}
            assert {**voor[0], **nieuw} == klanten(register)
        _herstel(register)


def _herstel(register: KlantRegister) -> None:
    """After a call that succeeded: the four klanten as they were, and nothing else."""
    for klant in list(register):
        register.verwijder(klant.id, negeer_bewaartermijn=True)
    opzetten(register)
