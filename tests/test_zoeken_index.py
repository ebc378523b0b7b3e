"""``zoek_op_gegevens`` is indexed in both SQL schemas: the query the repository runs reads
the search keys through their index, never by scanning every key (SQLite's query plan of
the statement it ran; PostgreSQL's own count of the index's scans, on a table large enough,
and analysed, for the planner to prefer it)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest

from klantregister import Klantgegevens, KlantRegister, Registratie, SqliteRepository

pytestmark = pytest.mark.storage

AMSTERDAM = "0363"
AANTAL = 3000


def _registraties() -> list[Registratie]:
    return [
        Registratie(
            AMSTERDAM,
            Klantgegevens(achternaam=f"Achternaam{n}", emailadres=f"klant{n}@example.nl"),
        )
        for n in range(AANTAL)
    ]


def test_sqlite_reads_the_search_keys_through_their_index(tmp_path: Path) -> None:
    repository = SqliteRepository(tmp_path / "klanten.db")
    register = KlantRegister(repository)
    register.registreer_alle(_registraties())
    gedaan: list[str] = []
    # The connection itself: its trace gives the statements the repository runs.
    verbinding: sqlite3.Connection = repository._verbinding
    verbinding.set_trace_callback(gedaan.append)

    gevonden = register.zoek_op_gegevens(
        AMSTERDAM, achternaam="ACHTERNAAM17", emailadres="Klant17@Example.nl"
    )

    verbinding.set_trace_callback(None)
    (vraag,) = [s for s in gedaan if "zoeksleutel" in s]
    plan = " | ".join(str(r[3]) for r in verbinding.execute(f"EXPLAIN QUERY PLAN {vraag}"))
    register.close()
    assert ["Achternaam17"] == [k.klantgegevens.achternaam for k in gevonden]
    assert "zoeksleutel_sleutel" in plan, plan
    assert "SCAN zoeksleutel" not in plan, plan


def test_postgresql_reads_the_search_keys_through_their_index(postgres_schema_url: str) -> None:
    with KlantRegister.open(postgres_schema_url) as register:
        register.registreer_alle(_registraties())
    with psycopg.connect(postgres_schema_url, autocommit=True) as beheer:
        beheer.execute("ANALYZE zoeksleutel")
        beheer.execute("ANALYZE klant")

    def scans() -> int:
        with psycopg.connect(postgres_schema_url, autocommit=True) as beheer:
            beheer.execute("SELECT pg_stat_clear_snapshot()")
            rij = beheer.execute(
                "SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_indexes "
                "WHERE indexrelname = 'zoeksleutel_sleutel' AND schemaname = current_schema()"
            ).fetchone()
        assert rij is not None
        return int(rij[0])

    voor = scans()
    with KlantRegister.open(postgres_schema_url) as register:
        gevonden = register.zoek_op_gegevens(AMSTERDAM, emailadres="KLANT2999@example.nl")
    # A closed session has flushed its statistics; give the server a moment all the same.
    na = voor
    for _ in range(50):
        if (na := scans()) > voor:
            break
        with psycopg.connect(postgres_schema_url, autocommit=True) as beheer:
            beheer.execute("SELECT pg_sleep(0.1)")

    assert ["Achternaam2999"] == [k.klantgegevens.achternaam for k in gevonden]
    assert na > voor
