"""``klantregister export`` streams: its memory does not grow with the register, on SQLite
and on PostgreSQL (the klanten are read a page at a time and written in blocks)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from klantregister import PostgresRepository, SqliteRepository

pytestmark = pytest.mark.process

# N klanten with names and an e-mail address, written by the database itself: the
# register's own bulk path would take longer than the export measured.
_SQLITE = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
INSERT INTO klant (id, gemeente, klantnummer, versie, klantgegevens)
SELECT printf('00000000-0000-4000-8000-%012x', i), '0363', printf('K%07d', i), 1,
       json_object('voornaam', 'Voornaam' || i, 'achternaam', 'Jansen',
                   'emailadres', 'klant' || i || '@example.nl')
FROM n
"""
_POSTGRES = """
INSERT INTO klant (id, gemeente, klantnummer, versie, klantgegevens)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '0363',
       'K' || lpad(i::text, 7, '0'), 1,
       jsonb_build_object('voornaam', 'Voornaam' || i, 'achternaam', 'Jansen',
                          'emailadres', 'klant' || i || '@example.nl')
FROM generate_series(1, %s) AS i
"""


def _sqlite(pad: Path, aantal: int) -> str:
    SqliteRepository(pad).close()
    with closing(sqlite3.connect(pad)) as verbinding, verbinding:
        verbinding.execute(_SQLITE, (aantal,))
    return f"sqlite:///{pad}"


def _postgres(url: str, aantal: int) -> str:
    import psycopg  # noqa: PLC0415 - only with the server

    PostgresRepository(url).close()
    with psycopg.connect(url, autocommit=True) as verbinding:
        verbinding.execute("DELETE FROM klant")
        verbinding.execute(_POSTGRES, (aantal,))
    return url


def _commando() -> list[str]:
    commando = shutil.which("klantregister")
    return [commando] if commando else [sys.executable, "-m", "klantregister"]


def _export(url: str) -> tuple[int, float]:
    """The number of lines one export writes, and its peak memory (RSS) in MiB, measured
    in a process of its own."""
    meter = (
        "import resource, subprocess, sys; "
        "uit = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, check=True); "
        "print(uit.stdout.count(b'\\n'), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    uit = subprocess.run(  # noqa: S603 - our own command, arguments from the test
        [sys.executable, "-c", meter, *_commando(), "export", "--from", url, "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    regels, kib = uit.stdout.split()
    return int(regels), int(kib) / 1024


def test_export_memory_from_sqlite_does_not_grow_with_the_register(tmp_path: Path) -> None:
    klein = _export(_sqlite(tmp_path / "klein.db", 20_000))
    groot = _export(_sqlite(tmp_path / "groot.db", 200_000))

    assert (20_000, 200_000) == (klein[0], groot[0])
    # Ten times the klanten: the same pages, the same blocks, give or take the noise.
    assert groot[1] < klein[1] * 1.25 + 10, (klein, groot)


def test_export_memory_from_postgresql_does_not_grow_with_the_register(
    postgres_schema_url: str,
) -> None:
    klein = _export(_postgres(postgres_schema_url, 20_000))
    groot = _export(_postgres(postgres_schema_url, 200_000))

    assert (20_000, 200_000) == (klein[0], groot[0])
    assert groot[1] < klein[1] * 1.25 + 10, (klein, groot)
