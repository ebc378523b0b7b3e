"""Benchmark: bulk-load klanten into SQLite and PostgreSQL, beside a raw baseline.

The register's bulk path (``KlantRegister.registreer_alle``, one transaction per
batch of 10,000) loads N klanten of the contact-centre mix (60% BSN, 20%
KvK-nummer, 20% zelfstandig). The baseline writes the same rows into the same
schema, with the same indexes and the same batches: plain ``executemany`` for
SQLite, ``COPY`` for PostgreSQL. Both start from prepared input: the register
from validated ``Registratie`` values, the baseline from row tuples, so the
figures compare the storage paths, not the parsing of strings (that is
``benchmarks/register.py``'s subject). Last, single ``registreer`` calls on the
loaded SQLite file give the latency of one operation.

    python benchmarks/storage.py                 # SQLite 1,000,000; PostgreSQL 200,000
    python benchmarks/storage.py --postgres URL  # or set KLANTREGISTER_TEST_POSTGRES

Without a PostgreSQL URL that part is skipped (``.ci/postgres.sh`` starts a
throwaway server and prints its URL). Targets (issue 3): SQLite within 1.5x
of its baseline, PostgreSQL within 2x, a single registreer under 1 ms at the
median.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

from register import GEMEENTE, identificatie, invoer

from klantregister import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    Identificatie,
    KlantRegister,
    Registratie,
    SqliteRepository,
)

BATCH = 10_000


def digid(gegeven: Identificatie | None) -> Authenticatie | None:
    """The klant's own authentication: DigiD or eHerkenning established its first identifier."""
    if gegeven is None:
        return None
    return Authenticatie(
        Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD", subject=gegeven.identificatoren[0]
    )


def registraties(rijen: list[tuple[str, str | None]]) -> list[Registratie]:
    """Validated input for the register's bulk path."""
    gegeven = [identificatie(soort, nummer) for soort, nummer in rijen]
    return [Registratie(GEMEENTE, identificatie=i, authenticatie=digid(i)) for i in gegeven]


def ruwe_rijen(
    rijen: list[tuple[str, str | None]],
) -> list[tuple[list[tuple[Any, ...]], list[tuple[str, ...]], list[tuple[str, ...]]]]:
    """The same klanten as rows, per batch: (klant, persoonssleutel, organisatiesleutel)."""
    batches = []
    for start in range(0, len(rijen), BATCH):
        klanten: list[tuple[Any, ...]] = []
        personen: list[tuple[str, ...]] = []
        organisaties: list[tuple[str, ...]] = []
        for volgnummer, (soort, nummer) in enumerate(rijen[start : start + BATCH], start + 1):
            klant_id = str(uuid.uuid4())
            leeg: tuple[None, ...] = (None,) * 8
            if soort == "bsn" and nummer is not None:
                identificatie: tuple[Any, ...] = ("natuurlijk_persoon", nummer, *leeg[:7])
                personen.append((GEMEENTE, "bsn", nummer, klant_id))
            elif soort == "kvk" and nummer is not None:
                identificatie = ("niet_natuurlijk_persoon", None, None, nummer, *leeg[:5])
                organisaties.append((GEMEENTE, "kvk_nummer", nummer, klant_id))
            else:
                identificatie = (None, *leeg[:8])
            klanten.append((klant_id, GEMEENTE, f"{volgnummer:08d}", 1, "{}", *identificatie))
        batches.append((klanten, personen, organisaties))
    return batches


_INSERT_KLANT = (
    "INSERT INTO klant (id, gemeente, klantnummer, versie, klantgegevens, soort, bsn, a_nummer, "
    "kvk_nummer, vestigingsnummer, rsin, buitenlands_land, buitenlands_register, "
    "buitenlands_nummer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_PERSOON = (
    "INSERT INTO persoonssleutel (gemeente, soort, waarde, klant_id) VALUES (?, ?, ?, ?)"
)
_INSERT_ORGANISATIE = (
    "INSERT INTO organisatiesleutel (gemeente, soort, waarde, klant_id) VALUES (?, ?, ?, ?)"
)


def _tijd(functie: Callable[[], Any]) -> float:
    begin = time.perf_counter()
    functie()
    return time.perf_counter() - begin


# --- SQLite ----------------------------------------------------------------------


def sqlite_register(pad: Path, invoer_: list[Registratie]) -> None:
    with KlantRegister.open(f"sqlite:///{pad}") as register:
        resultaat = register.registreer_alle(invoer_, batchgrootte=BATCH)
        if resultaat.geweigerd:
            raise SystemExit(f"the register refused {len(resultaat.geweigerd)} klanten")


def sqlite_ruw(pad: Path, batches: list[Any]) -> None:
    SqliteRepository(pad).close()  # the same schema, indexes and pragmas
    verbinding = sqlite3.connect(pad, isolation_level=None)
    verbinding.execute("PRAGMA synchronous = NORMAL")
    verbinding.execute("PRAGMA foreign_keys = ON")
    for klanten, personen, organisaties in batches:
        verbinding.execute("BEGIN IMMEDIATE")
        verbinding.executemany(_INSERT_KLANT, klanten)
        verbinding.executemany(_INSERT_PERSOON, personen)
        verbinding.executemany(_INSERT_ORGANISATIE, organisaties)
        verbinding.execute("COMMIT")
    verbinding.close()


def enkele_registraties(pad: Path, aantal: int) -> list[float]:
    """The latency of single registreer calls (a new BSN each) on a loaded file."""
    tijden = []
    with KlantRegister.open(f"sqlite:///{pad}") as register:
        for index in range(1, aantal + 1):
            # BSNs from a range the bulk input does not use (they start with 0).
            acht = f"{index:08d}"
            gewichten = (9, 8, 7, 6, 5, 4, 3, 2)
            controle = sum(g * int(c) for g, c in zip(gewichten, acht, strict=True)) % 11
            if controle == 10:
                continue
            identificatie = Identificatie.natuurlijk_persoon(bsn=acht + str(controle))
            begin = time.perf_counter()
            register.registreer(
                GEMEENTE, identificatie=identificatie, authenticatie=digid(identificatie)
            )
            tijden.append(time.perf_counter() - begin)
    return tijden


# --- PostgreSQL ------------------------------------------------------------------


def _schema_url(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def postgres_schema(url: str) -> Generator[str, None, None]:
    import psycopg  # noqa: PLC0415

    while True:
        schema = f"bench_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(url, autocommit=True) as verbinding:
            verbinding.execute(f"CREATE SCHEMA {schema}")
        try:
            yield _schema_url(url, schema)
        finally:
            with psycopg.connect(url, autocommit=True) as verbinding:
                verbinding.execute(f"DROP SCHEMA {schema} CASCADE")


def postgres_register(url: str, invoer_: list[Registratie]) -> None:
    with KlantRegister.open(url) as register:
        resultaat = register.registreer_alle(invoer_, batchgrootte=BATCH)
        if resultaat.geweigerd:
            raise SystemExit(f"the register refused {len(resultaat.geweigerd)} klanten")


def postgres_ruw(url: str, batches: list[Any]) -> None:
    import psycopg  # noqa: PLC0415

    from klantregister import PostgresRepository  # noqa: PLC0415

    PostgresRepository(url).close()  # the same schema and indexes
    with psycopg.connect(url) as verbinding:
        for klanten, personen, organisaties in batches:
            with verbinding.transaction(), verbinding.cursor() as cursor:
                for tabel, kolommen, rijen in (
                    ("klant", _INSERT_KLANT.split("(", 1)[1].split(")", 1)[0], klanten),
                    ("persoonssleutel", "gemeente, soort, waarde, klant_id", personen),
                    ("organisatiesleutel", "gemeente, soort, waarde, klant_id", organisaties),
                ):
                    with cursor.copy(f"COPY {tabel} ({kolommen}) FROM STDIN") as copy:
                        for rij in rijen:
                            copy.write_row(rij)


# --- the run ---------------------------------------------------------------------


def _regel(naam: str, eigen: float, basis: float, doel: float) -> bool:
    ratio = eigen / basis
    ok = ratio <= doel
    print(
        f"{naam:34} {eigen:10.2f} s {basis:10.2f} s {ratio:7.2f}  ≤ {doel:.2f} "
        f"{'ok' if ok else 'MISSED'}"
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", type=int, default=1_000_000, help="klanten (1,000,000)")
    parser.add_argument("--postgres-aantal", type=int, default=200_000, help="klanten (200,000)")
    parser.add_argument(
        "--postgres", default=os.environ.get("KLANTREGISTER_TEST_POSTGRES", ""), help="URL"
    )
    parser.add_argument("--enkel", type=int, default=2000, help="single registreer calls (2000)")
    args = parser.parse_args(argv)
    print(
        f"klantregister storage benchmark, Python {sys.version.split()[0]}, "
        f"SQLite {sqlite3.sqlite_version}, batches of {BATCH:,}"
    )
    print(f"{'measure':34} {'register':>12} {'baseline':>12} {'ratio':>7}  target")
    geslaagd = True

    rijen = invoer(args.sqlite)
    invoer_, batches = registraties(rijen), ruwe_rijen(rijen)
    with tempfile.TemporaryDirectory() as map_:
        eigen = _tijd(lambda: sqlite_register(Path(map_) / "register.db", invoer_))
        basis = _tijd(lambda: sqlite_ruw(Path(map_) / "ruw.db", batches))
        geslaagd &= _regel(f"SQLite bulk load, {args.sqlite:,}", eigen, basis, 1.5)
        tijden = enkele_registraties(Path(map_) / "register.db", args.enkel)
    mediaan = statistics.median(tijden) * 1000
    p95 = statistics.quantiles(tijden, n=20)[-1] * 1000
    ok = mediaan < 1.0
    geslaagd &= ok
    print(
        f"{'SQLite single registreer':34} median {mediaan:.3f} ms, p95 {p95:.3f} ms  "
        f"(< 1 ms {'ok' if ok else 'MISSED'}; {len(tijden):,} calls on the loaded file)"
    )

    if args.postgres:
        rijen = invoer(args.postgres_aantal)
        invoer_, batches = registraties(rijen), ruwe_rijen(rijen)
        schemas = postgres_schema(args.postgres)
        eigen = _tijd(lambda: postgres_register(next(schemas), invoer_))
        basis = _tijd(lambda: postgres_ruw(next(schemas), batches))
        schemas.close()
        naam = f"PostgreSQL bulk load, {args.postgres_aantal:,}"
        geslaagd &= _regel(naam, eigen, basis, 2.0)
    else:
        print("PostgreSQL: skipped (no --postgres URL or KLANTREGISTER_TEST_POSTGRES)")
    print("\nall targets met" if geslaagd else "\nsome targets missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
