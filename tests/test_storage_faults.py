"""Faults and concurrency on real storage: racing processes, a crash mid-load, bad files.

The races run eight processes (``spawn``: each a fresh interpreter with a
connection of its own, as worker processes of a service would be) that pass a
barrier together before every attempt, against SQLite and PostgreSQL. What
they run lives in ``storage_workers.py``; they report each outcome back as
plain strings, so a failing assertion shows what every process saw.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import queue
import random
import signal
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
import pytest
from psycopg import sql

import storage_workers
from gemachtigd import als
from klantregister import (
    Bsn,
    Identificatie,
    Klant,
    Klantgegevens,
    KlantRegister,
    OpslagError,
    SqliteRepository,
    Subjectsoort,
)
from klantregister.storage.schema import SCHEMA_VERSIE
from storage_workers import AMSTERDAM, DIGID, GELUKT, WACHTTIJD, Melding, Taak, Uitkomst

if TYPE_CHECKING:
    from multiprocessing.queues import Queue

PROCESSEN = 8
RONDES = 4
BATCHGROOTTE = 200

_PROCESSTART = multiprocessing.get_context("spawn")


@pytest.fixture(params=["sqlite", "postgresql"])
def gedeelde_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of new, empty storage that several processes can share."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'klanten.db'}"
    return str(request.getfixturevalue("postgres_schema_url"))


def _verzamel(
    processen: Sequence[multiprocessing.process.BaseProcess],
    meldingen: Queue[Melding],
    per_proces: int,
) -> list[dict[int, Uitkomst]]:
    """Wait for every process's reports; per round, each process's outcome.

    Fails the test, saying why, if a process could not open its register or
    died without reporting.
    """
    rondes: list[dict[int, Uitkomst]] = [{} for _ in range(per_proces)]
    open_mislukt: dict[int, Uitkomst] = {}
    klaar: set[int] = set()
    gestorven: set[int] = set()
    einde = time.monotonic() + 2 * WACHTTIJD
    try:
        while len(klaar) < len(processen):
            try:
                ronde, proces, uitkomst = meldingen.get(timeout=0.5)
            except queue.Empty:
                # Ended, and still nothing from it after waiting once more: it died.
                if gestorven - klaar or time.monotonic() > einde:
                    pytest.fail(f"processes {gestorven - klaar} ended without reporting")
                gestorven = {n for n, p in enumerate(processen) if p.exitcode is not None}
                continue
            if ronde < 0:
                open_mislukt[proces] = uitkomst
            else:
                rondes[ronde][proces] = uitkomst
            if ronde < 0 or ronde == per_proces - 1:
                klaar.add(proces)
    finally:
        # After a failure, the others may wait at the barrier for one that died.
        for proces_ in processen:
            proces_.join(WACHTTIJD if len(klaar) == len(processen) else 1)
            if proces_.is_alive():
                proces_.kill()
                proces_.join()
    if open_mislukt:
        pytest.fail(f"processes could not open the register: {open_mislukt}")
    return rondes


def wedstrijd(taak: Taak, url: str, argumenten: Sequence[str]) -> list[dict[int, Uitkomst]]:
    """Eight processes each run ``taak`` once per argument, released together every round.

    Returns per round the outcome of each process, by process number.
    """
    start = _PROCESSTART.Barrier(PROCESSEN)
    meldingen: Queue[Melding] = _PROCESSTART.Queue()
    processen = [
        _PROCESSTART.Process(
            target=storage_workers.wedijver,
            args=(taak, url, nummer, list(argumenten)),
            kwargs={"start": start, "meldingen": meldingen},
        )
        for nummer in range(PROCESSEN)
    ]
    for proces in processen:
        proces.start()
    return _verzamel(processen, meldingen, len(argumenten))


def soorten(uitkomsten: dict[int, Uitkomst]) -> Counter[str]:
    """How many processes succeeded, and how many got which error."""
    return Counter(uitkomst[0] for uitkomst in uitkomsten.values())


def winnaar(uitkomsten: dict[int, Uitkomst]) -> Uitkomst:
    (gelukt,) = (uitkomst for uitkomst in uitkomsten.values() if uitkomst[0] == GELUKT)
    return gelukt


def geen_driverfout(fout: BaseException) -> bool:
    """Whether a traceback of ``fout`` would show no other exception (the driver's) with it."""
    return fout.__cause__ is None and (fout.__context__ is None or fout.__suppress_context__)


def persoon(register: KlantRegister, index: int) -> Klant:
    """Register the natural person with BSN number ``index`` of ``storage_workers.bsn``."""
    return register.registreer(
        AMSTERDAM,
        Klantgegevens(voornaam="Eerste"),
        Identificatie.natuurlijk_persoon(bsn=storage_workers.bsn(index)),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=storage_workers.bsn(index)), DIGID),
    )


def _rijen(pad: Path, opdracht: str) -> list[tuple[Any, ...]]:
    """The rows of one statement, run on the SQLite file through a connection of its own."""
    with closing(sqlite3.connect(pad)) as verbinding:
        return verbinding.execute(opdracht).fetchall()


# --- races between processes -----------------------------------------------------------


@pytest.mark.process
def test_eight_processes_registering_one_person_at_once_leave_exactly_one_klant(
    gedeelde_url: str,
) -> None:
    bsns = [storage_workers.bsn(9_000 + ronde) for ronde in range(RONDES)]
    # Opened first, so the processes race for the klant and not for creating the schema.
    with KlantRegister.open(gedeelde_url) as register:
        rondes = wedstrijd(storage_workers.registreer_persoon, gedeelde_url, bsns)

        for bsn, uitkomsten in zip(bsns, rondes, strict=True):
            assert {GELUKT: 1, "KardinaliteitError": PROCESSEN - 1} == soorten(uitkomsten), (
                uitkomsten
            )
            winnaar_id = winnaar(uitkomsten)[1]
            # Every loser is told which klant already holds the person.
            assert [winnaar_id] * (PROCESSEN - 1) == [
                klant_id for soort, klant_id, _ in uitkomsten.values() if soort != GELUKT
            ]
            assert [winnaar_id] == [str(klant.id) for klant in register.zoek(Bsn(bsn), AMSTERDAM)]
        assert RONDES == len(register)


@pytest.mark.process
def test_eight_processes_changing_one_klant_at_the_same_versie_make_exactly_one_change(
    gedeelde_url: str,
) -> None:
    with KlantRegister.open(gedeelde_url) as register:
        # Aangehaakte and zelfstandige klanten in turn: a change rewrites the keys of the one.
        klanten = [
            persoon(register, 9_100 + ronde)
            if ronde % 2 == 0
            else register.registreer(AMSTERDAM, Klantgegevens(voornaam="Eerste"))
            for ronde in range(RONDES)
        ]
        rondes = wedstrijd(
            storage_workers.wijzig_versie_1, gedeelde_url, [str(klant.id) for klant in klanten]
        )

        for klant, uitkomsten in zip(klanten, rondes, strict=True):
            assert {GELUKT: 1, "VersieconflictError": PROCESSEN - 1} == soorten(uitkomsten), (
                uitkomsten
            )
            opgeslagen = register.get(klant.id)
            assert 2 == opgeslagen.versie
            assert winnaar(uitkomsten)[2] == opgeslagen.klantgegevens.voornaam
            assert klant.identificatie == opgeslagen.identificatie
            if klant.identificatie is not None:
                assert (opgeslagen,) == register.zoek(
                    klant.identificatie.identificatoren[0], AMSTERDAM
                )
        assert RONDES == len(register)


@pytest.mark.process
def test_processes_changing_and_erasing_one_klant_at_the_same_versie_do_exactly_one_of_both(
    gedeelde_url: str,
) -> None:
    with KlantRegister.open(gedeelde_url) as register:
        klanten = [persoon(register, 9_200 + ronde) for ronde in range(RONDES)]
        rondes = wedstrijd(
            storage_workers.wijzig_of_verwijder_versie_1,
            gedeelde_url,
            [str(klant.id) for klant in klanten],
        )

        for klant, uitkomsten in zip(klanten, rondes, strict=True):
            assert 1 == soorten(uitkomsten)[GELUKT], uitkomsten
            gewonnen = winnaar(uitkomsten)
            assert klant.identificatie is not None
            gevonden = register.zoek(klant.identificatie.identificatoren[0], AMSTERDAM)
            if gewonnen[2] == "verwijderd":
                # The klant is gone: the others find no klant, whatever they tried.
                assert {GELUKT: 1, "KlantNietGevondenError": PROCESSEN - 1} == soorten(uitkomsten)
                assert klant.id not in register
                assert () == gevonden
            else:
                assert {GELUKT: 1, "VersieconflictError": PROCESSEN - 1} == soorten(uitkomsten)
                opgeslagen = register.get(klant.id)
                assert (2, gewonnen[2]) == (opgeslagen.versie, opgeslagen.klantgegevens.voornaam)
                assert (opgeslagen,) == gevonden


@pytest.mark.process
def test_eight_processes_registering_zelfstandige_klanten_at_once_all_get_distinct_klantnummers(
    gedeelde_url: str,
) -> None:
    with KlantRegister.open(gedeelde_url) as register:
        rondes = wedstrijd(storage_workers.registreer_zelfstandig, gedeelde_url, [""] * RONDES)

        uitkomsten = [uitkomst for ronde in rondes for uitkomst in ronde.values()]
        assert [GELUKT] * PROCESSEN * RONDES == [uitkomst[0] for uitkomst in uitkomsten], uitkomsten
        gegeven = {klant_id: klantnummer for _, klant_id, klantnummer in uitkomsten}
        assert PROCESSEN * RONDES == len(set(gegeven.values()))
        assert gegeven == {str(klant.id): klant.klantnummer for klant in register}


@pytest.mark.process
def test_eight_processes_opening_new_storage_at_once_all_get_a_working_register(
    gedeelde_url: str,
) -> None:
    start = _PROCESSTART.Barrier(PROCESSEN)
    meldingen: Queue[Melding] = _PROCESSTART.Queue()
    processen = [
        _PROCESSTART.Process(
            target=storage_workers.open_en_registreer, args=(gedeelde_url, nummer, start, meldingen)
        )
        for nummer in range(PROCESSEN)
    ]
    for proces in processen:
        proces.start()
    (uitkomsten,) = _verzamel(processen, meldingen, 1)

    assert {GELUKT: PROCESSEN} == soorten(uitkomsten), uitkomsten
    with KlantRegister.open(gedeelde_url) as register:
        assert PROCESSEN == len(register)


@pytest.mark.storage
def test_opening_a_new_sqlite_file_while_another_connection_writes_waits_for_the_write(
    tmp_path: Path,
) -> None:
    # The moment the race above can hit: the first process has created the schema and
    # not yet switched the file to WAL mode, and another one is in a write transaction.
    pad = tmp_path / "klanten.db"
    KlantRegister.open(f"sqlite:///{pad}").close()
    assert [("delete",)] == _rijen(pad, "PRAGMA journal_mode = DELETE")
    schrijver = sqlite3.connect(pad, isolation_level=None, check_same_thread=False)
    schrijver.execute("BEGIN IMMEDIATE")
    klaar = threading.Timer(0.3, schrijver.execute, ("COMMIT",))
    klaar.start()
    try:
        with KlantRegister.open(f"sqlite:///{pad}") as register:
            register.registreer(AMSTERDAM)
            assert 1 == len(register)
    finally:
        klaar.join()
        schrijver.close()
    assert [("wal",)] == _rijen(pad, "PRAGMA journal_mode")


@pytest.mark.storage
def test_opening_a_sqlite_file_locked_for_longer_than_the_timeout_is_an_opslag_error(
    tmp_path: Path,
) -> None:
    pad = tmp_path / "klanten.db"
    KlantRegister.open(f"sqlite:///{pad}").close()
    assert [("delete",)] == _rijen(pad, "PRAGMA journal_mode = DELETE")
    with closing(sqlite3.connect(pad, isolation_level=None)) as schrijver:
        schrijver.execute("BEGIN IMMEDIATE")
        begin = time.monotonic()
        with pytest.raises(OpslagError, match="database is locked") as fout:
            SqliteRepository(pad, timeout=0.2)
        assert 0.2 <= time.monotonic() - begin
        schrijver.execute("COMMIT")

    assert geen_driverfout(fout.value)
    with KlantRegister.open(f"sqlite:///{pad}") as register:
        assert 0 == len(register)


# --- a crash in the middle of a bulk load ----------------------------------------------


def _tel_klanten(pad: Path) -> int:
    """The klanten committed to the file so far, read without writing anything."""
    try:
        with closing(sqlite3.connect(f"file:{pad}?mode=ro", uri=True)) as verbinding:
            return int(verbinding.execute("SELECT count(*) FROM klant").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet


def _laad_en_dood(url: str, pad: Path, begin: int) -> None:
    """Bulk-load from registratie ``begin`` on in a child process, and SIGKILL it mid-load."""
    lader = _PROCESSTART.Process(
        target=storage_workers.laad_in_bulk, args=(url, begin, begin + 5_000_000, BATCHGROOTTE)
    )
    lader.start()
    try:
        einde = time.monotonic() + WACHTTIJD
        while _tel_klanten(pad) < begin + 10 * BATCHGROOTTE and time.monotonic() < einde:
            time.sleep(0.02)
        # A random moment in the cycle of building a batch and writing it.
        time.sleep(random.uniform(0, 0.1))
        assert lader.is_alive(), "the bulk load ended before it could be killed"
        assert lader.pid is not None
        os.kill(lader.pid, signal.SIGKILL)
    finally:
        lader.join(WACHTTIJD)
        if lader.is_alive():
            lader.kill()
            lader.join()
    assert -signal.SIGKILL == lader.exitcode


def _controleer_na_crash(register: KlantRegister, pad: Path) -> int:
    """Check the file and every klant in it after a crash; how many klanten it holds."""
    assert [("ok",)] == _rijen(pad, "PRAGMA integrity_check")
    assert [] == _rijen(pad, "PRAGMA foreign_key_check")
    klanten = list(register)
    aantal = len(klanten)

    # Batches are atomic and written in order: the first so many registraties, whole.
    assert 0 == aantal % BATCHGROOTTE
    indexen = [storage_workers.index_van(klant.klantgegevens.achternaam) for klant in klanten]
    assert list(range(aantal)) == indexen
    # Every klant is stored complete, as it was given.
    for index, klant in zip(indexen, klanten, strict=True):
        gegeven = storage_workers.registratie(index)
        assert (gegeven.gemeente, gegeven.klantgegevens, gegeven.identificatie, 1) == (
            klant.gemeente,
            klant.klantgegevens,
            klant.identificatie,
            klant.versie,
        )

    # Every key of every klant is in the key tables, and no key row is left over.
    aangehaakt = [(klant, klant.identificatie) for klant in klanten if klant.identificatie]
    personen = [(k, i) for k, i in aangehaakt if i.soort is Subjectsoort.NATUURLIJK_PERSOON]
    organisaties = [
        (k, i) for k, i in aangehaakt if i.soort is Subjectsoort.NIET_NATUURLIJK_PERSOON
    ]
    for klant, identificatie in aangehaakt:
        for identificator in identificatie.identificatoren:
            assert klant in register.zoek(identificator, klant.gemeente)
    assert [(sum(len(i.persoonssleutels) for _, i in personen),)] == _rijen(
        pad, "SELECT count(*) FROM persoonssleutel"
    )
    assert [(sum(len(i.identificatoren) for _, i in organisaties),)] == _rijen(
        pad, "SELECT count(*) FROM organisatiesleutel"
    )
    for tabel in ("persoonssleutel", "organisatiesleutel"):
        assert [(0,)] == _rijen(
            pad,
            f"SELECT count(*) FROM {tabel} WHERE klant_id NOT IN (SELECT id FROM klant)",  # noqa: S608
        )

    # Rule 1: one klant per person per gemeente.
    sleutels = Counter(
        (klant.gemeente, sleutel) for klant, i in personen for sleutel in i.persoonssleutels
    )
    assert [] == [sleutel for sleutel, houders in sleutels.items() if houders > 1]
    # Rule 2: organisations may share their keys, and these do.
    assert 1 < max(Counter(i.kvk_nummer for _, i in organisaties).values())
    # Rule 3: a person or an organisation, never both.
    assert [] == [i for _, i in personen if i.kvk_nummer or i.vestigingsnummer or i.rsin]
    assert [] == [i for _, i in organisaties if i.bsn or i.a_nummer]

    # The klantnummer counter was committed with the batches, no further.
    assert aantal == len({klant.klantnummer for klant in klanten})
    assert [(aantal,)] == _rijen(pad, "SELECT volgnummer FROM klantnummerteller")
    return aantal


@pytest.mark.process
def test_bulk_loads_killed_mid_load_leave_whole_batches_of_complete_klanten(
    tmp_path: Path,
) -> None:
    pad = tmp_path / "klanten.db"
    url = f"sqlite:///{pad}"
    aantal = 0
    # Several crashes, each load going on where the last one stopped: one kill may
    # land between two batches, three rarely all do.
    for _ in range(3):
        _laad_en_dood(url, pad, aantal)
        with KlantRegister.open(url) as register:
            na_crash = _controleer_na_crash(register, pad)
        assert aantal + 10 * BATCHGROOTTE <= na_crash
        aantal = na_crash

    # The register carries on where the last load stopped.
    with KlantRegister.open(url) as register:
        verder = register.registreer_alle(
            storage_workers.registraties(aantal, aantal + 2 * BATCHGROOTTE),
            batchgrootte=BATCHGROOTTE,
        )
        nieuw = persoon(register, 8_000_000)

        assert () == verder.geweigerd
        assert (nieuw,) == register.zoek(Bsn(storage_workers.bsn(8_000_000)), AMSTERDAM)
        assert aantal + 2 * BATCHGROOTTE + 1 == len(register)
        assert len(register) == len({klant.klantnummer for klant in register})


# --- storage that is not a klantregister's -----------------------------------------------


def _willekeurige_bytes(pad: Path) -> None:
    pad.write_bytes(random.Random(3).randbytes(16_384))


def _tekstbestand(pad: Path) -> None:
    pad.write_text("naam;woonplaats\nZoë;Utrecht\n" * 200, encoding="utf-8")


def _database_van_een_andere_toepassing(pad: Path, journal_mode: str = "delete") -> None:
    with closing(sqlite3.connect(pad)) as verbinding:
        verbinding.execute(f"PRAGMA journal_mode = {journal_mode}")
        verbinding.execute("CREATE TABLE bestelling (nummer INTEGER PRIMARY KEY, klant TEXT)")
        verbinding.execute("INSERT INTO bestelling (klant) VALUES ('Zoë'), ('Ĳsbrand')")
        verbinding.commit()


def _database_van_een_andere_toepassing_in_wal(pad: Path) -> None:
    _database_van_een_andere_toepassing(pad, "wal")


def _klantregister(pad: Path, opdracht: str, *parameters: object) -> None:
    """A klantregister file with one klant, changed by ``opdracht`` behind the library's back."""
    with KlantRegister.open(f"sqlite:///{pad}") as register:
        persoon(register, 1)
    with closing(sqlite3.connect(pad)) as verbinding:
        verbinding.execute(opdracht, parameters)
        verbinding.commit()


def _nieuwer_schema(pad: Path) -> None:
    _klantregister(pad, "UPDATE klantregister_schema SET versie = ?", SCHEMA_VERSIE + 1)


def _ontbrekende_tabel(pad: Path) -> None:
    _klantregister(pad, "DROP TABLE organisatiesleutel")


def _bestanden(map_: Path) -> dict[str, str]:
    """Every file in the directory, with a hash of its bytes."""
    return {
        pad.name: hashlib.sha256(pad.read_bytes()).hexdigest()
        for pad in sorted(map_.iterdir())
        if pad.is_file()
    }


@pytest.mark.storage
@pytest.mark.parametrize(
    ("maak", "melding"),
    [
        pytest.param(_willekeurige_bytes, "is geen SQLite-database", id="random-bytes"),
        pytest.param(_tekstbestand, "is geen SQLite-database", id="text-file"),
        pytest.param(
            _database_van_een_andere_toepassing,
            "is geen klantregister-database: er staan andere tabellen in",
            id="another-applications-database",
        ),
        pytest.param(
            _database_van_een_andere_toepassing_in_wal,
            "is geen klantregister-database: er staan andere tabellen in",
            id="another-applications-database-in-wal-mode",
        ),
        pytest.param(
            _nieuwer_schema,
            f"heeft schemaversie {SCHEMA_VERSIE + 1}; deze versie van klantregister kent "
            f"ten hoogste {SCHEMA_VERSIE}",
            id="newer-schema-version",
        ),
        pytest.param(_ontbrekende_tabel, "mist de tabellen organisatiesleutel", id="missing-table"),
    ],
)
def test_opening_a_file_that_is_no_usable_klantregister_fails_clearly_and_leaves_it_untouched(
    tmp_path: Path, maak: Callable[[Path], None], melding: str
) -> None:
    pad = tmp_path / "klanten.db"
    maak(pad)
    voor = _bestanden(tmp_path)

    with pytest.raises(OpslagError) as fout:
        KlantRegister.open(f"sqlite:///{pad}")

    assert melding in str(fout.value)
    assert repr(str(pad)) in str(fout.value)
    assert geen_driverfout(fout.value)
    # Byte for byte the same, and no journal, -wal or -shm file left beside it.
    assert voor == _bestanden(tmp_path)


@pytest.mark.storage
def test_opening_a_file_in_a_missing_directory_fails_clearly_and_creates_nothing(
    tmp_path: Path,
) -> None:
    with pytest.raises(OpslagError, match=r"kan SQLite-database .* niet openen"):
        KlantRegister.open(f"sqlite:///{tmp_path / 'ontbreekt' / 'klanten.db'}")

    assert [] == list(tmp_path.iterdir())


def _inhoud(url: str) -> dict[str, tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    """Every table of the URL's schema: its columns and its rows."""
    with psycopg.connect(url, autocommit=True) as verbinding:
        tabellen = [
            rij[0]
            for rij in verbinding.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() ORDER BY table_name"
            )
        ]
        return {
            tabel: (
                verbinding.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = %s "
                    "ORDER BY ordinal_position",
                    (tabel,),
                ).fetchall(),
                sorted(
                    verbinding.execute(
                        sql.SQL("SELECT * FROM {}").format(sql.Identifier(tabel))
                    ).fetchall(),
                    key=repr,
                ),
            )
            for tabel in tabellen
        }


@pytest.mark.storage
def test_opening_a_postgresql_schema_of_a_newer_version_fails_clearly_and_leaves_it_untouched(
    postgres_schema_url: str,
) -> None:
    with KlantRegister.open(postgres_schema_url) as register:
        persoon(register, 1)
    with psycopg.connect(postgres_schema_url, autocommit=True) as verbinding:
        verbinding.execute("UPDATE klantregister_schema SET versie = %s", (SCHEMA_VERSIE + 1,))
    voor = _inhoud(postgres_schema_url)

    with pytest.raises(OpslagError) as fout:
        KlantRegister.open(postgres_schema_url)

    assert (
        f"de database heeft schemaversie {SCHEMA_VERSIE + 1}; deze versie van klantregister "
        f"kent ten hoogste {SCHEMA_VERSIE}: werk klantregister bij"
    ) == str(fout.value)
    assert voor == _inhoud(postgres_schema_url)


@pytest.mark.storage
def test_opening_a_postgresql_schema_with_another_klant_table_fails_clearly_and_leaves_it_untouched(
    postgres_schema_url: str,
) -> None:
    with psycopg.connect(postgres_schema_url, autocommit=True) as verbinding:
        verbinding.execute("CREATE TABLE klant (naam text PRIMARY KEY, saldo numeric)")
        verbinding.execute("INSERT INTO klant VALUES ('Zoë', 12.50), ('Ĳsbrand', 0)")
    voor = _inhoud(postgres_schema_url)

    with pytest.raises(OpslagError) as fout:
        KlantRegister.open(postgres_schema_url)

    assert (
        "de database is geen klantregister-database: de tabellen klant bestaan al, "
        "zonder schemaversie"
    ) == str(fout.value)
    assert voor == _inhoud(postgres_schema_url)


@pytest.mark.storage
def test_an_unreachable_postgresql_server_is_an_opslag_error_not_the_drivers() -> None:
    with pytest.raises(OpslagError) as fout:
        KlantRegister.open("postgresql://nobody:geheim@127.0.0.1:1/x?connect_timeout=2")

    assert str(fout.value).startswith("kan de PostgreSQL-database niet bereiken: ")
    assert fout.value.__suppress_context__
    assert fout.value.__cause__ is None
    assert "geheim" not in str(fout.value)
