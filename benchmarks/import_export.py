"""Benchmark: ``klantregister import`` and ``export`` through the command line, beside raw
baselines, with the peak memory of each.

The input is a Klanten API v1 export of N klanten (JSON Lines; each with a klantnummer, names,
an e-mail address, a website and a BSN). ``import`` runs as a subprocess into a new SQLite file
(and into PostgreSQL, given a URL); its baseline reads the same lines with ``json.loads`` and
writes the same rows into the same schema with ``executemany`` (SQLite) or ``COPY``
(PostgreSQL), in batches of 10,000: the klant (seven of its columns) and its person key. A
second SQLite baseline writes every row the import writes (the klant's other columns, its
search keys and its processing-log entry), to tell the storage's share of an import from the
library's. ``export --format jsonl`` then writes the register back (from
SQLite, and from the PostgreSQL schema just imported); its baseline selects the same rows (on
PostgreSQL through a server-side cursor) and writes each as one line of JSON. Each round's export
figures are printed as it ends. Rounds alternate the
command and its baseline; the medians are printed, and each command's peak RSS.

    python benchmarks/import_export.py --aantal 100000 [--postgres URL] [--rondes 3]

Targets (issue 10): import >= 0.7x raw on SQLite, >= 0.5x a COPY-based raw load on PostgreSQL,
peak memory < 200 MB at 1M records; export >= 0.5x raw.
"""

from __future__ import annotations

import argparse
import datetime
import hmac
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from storage import postgres_schema

from klantregister import PostgresRepository, SqliteRepository

GEMEENTE = "0363"
BATCH = 10_000


def _bsn(n: int) -> str | None:
    eerste = f"{n:08d}"
    controle = sum(g * int(c) for g, c in zip(range(9, 1, -1), eerste, strict=True)) % 11
    return None if controle == 10 else eerste + str(controle)


def maak_invoer(pad: Path, aantal: int) -> None:
    n = geschreven = 0
    with pad.open("w", encoding="utf-8") as bestand:
        while geschreven < aantal:
            n += 1
            if (bsn := _bsn(n)) is None:
                continue
            record = {
                "url": f"https://klanten.example.nl/api/v1/klanten/{uuid.UUID(int=n)}",
                "klantnummer": f"K{n:07d}",
                "voornaam": f"Voornaam{n}",
                "achternaam": "Jansen",
                "emailadres": f"klant{n}@example.nl",
                "websiteUrl": "https://www.example.nl",
                "subjectType": "natuurlijk_persoon",
                "subjectIdentificatie": {"inpBsn": bsn},
            }
            bestand.write(json.dumps(record) + "\n")
            geschreven += 1


def _commando() -> list[str]:
    commando = shutil.which("klantregister")
    return [commando] if commando else [sys.executable, "-m", "klantregister"]


def meet(argumenten: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of a command, run in a process of its own."""
    meter = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "u = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
        "t = time.perf_counter() - t; "
        "sys.stderr.write(u.stderr.decode()[-500:]) if u.returncode else None; "
        "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    uit = subprocess.run(  # noqa: S603 - our own commands
        [sys.executable, "-c", meter, *argumenten], capture_output=True, text=True, check=True
    )
    if uit.stderr:
        print(uit.stderr, file=sys.stderr)
    seconden, kib = uit.stdout.split()
    return float(seconden), int(kib) / 1024


def _rij(record: dict[str, object]) -> tuple[object, ...]:
    gegevens = {
        "voornaam": record["voornaam"],
        "achternaam": record["achternaam"],
        "emailadres": record["emailadres"],
        "website_url": record["websiteUrl"],
    }
    klant_id = str(record["url"]).rsplit("/", 1)[1]
    bsn = record["subjectIdentificatie"]["inpBsn"]  # type: ignore[index]
    return (klant_id, GEMEENTE, record["klantnummer"], 1, json.dumps(gegevens), bsn)


_KLANT = "id, gemeente, klantnummer, versie, klantgegevens, soort, bsn"


def ruw_sqlite(invoer: Path, pad: Path) -> float:
    SqliteRepository(pad).close()
    begin = time.perf_counter()
    verbinding = sqlite3.connect(pad, isolation_level=None)
    klanten: list[tuple[object, ...]] = []

    def schrijf() -> None:
        verbinding.execute("BEGIN")
        verbinding.executemany(
            f"INSERT INTO klant ({_KLANT}) VALUES (?, ?, ?, ?, ?, 'natuurlijk_persoon', ?)",
            klanten,
        )
        verbinding.executemany(
            "INSERT INTO persoonssleutel (gemeente, soort, waarde, klant_id) "
            "VALUES (?, 'bsn', ?, ?)",
            [(GEMEENTE, k[5], k[0]) for k in klanten],
        )
        verbinding.execute("COMMIT")
        klanten.clear()

    with invoer.open(encoding="utf-8") as bestand:
        for regel in bestand:
            klanten.append(_rij(json.loads(regel)))
            if len(klanten) >= BATCH:
                schrijf()
    if klanten:
        schrijf()
    verbinding.close()
    return time.perf_counter() - begin


_ALLE_KOLOMMEN = (
    "id, gemeente, klantnummer, versie, klantgegevens, soort, bsn, bron, actief, herkomst, "
    "geregistreerd_op"
)
_VERWERKING = "id, handeling, tijdstip, gemeente, klant_id, betrokkene, betrokkene_soort, overname"


def ruw_sqlite_alle_rijen(invoer: Path, pad: Path) -> float:
    """:func:`ruw_sqlite`, writing every row the import writes of a record: the klant row with
    its source URL, herkomst and registration date, its person key, its two search keys
    (surname and e-mail address, in lower case) and its processing-log entry (a random id,
    the moment, an HMAC of the BSN): the storage's own share of an import."""
    SqliteRepository(pad).close()
    begin = time.perf_counter()
    verbinding = sqlite3.connect(pad, isolation_level=None)
    sleutel = os.urandom(32)
    herkomst = json.dumps({"soort": "overname", "bron": invoer.name, "toelichting": "ruw"})
    vandaag = datetime.date.today().isoformat()
    klanten: list[tuple[object, ...]] = []
    zoeken: list[tuple[object, ...]] = []
    verwerkingen: list[tuple[object, ...]] = []

    def schrijf() -> None:
        verbinding.execute("BEGIN")
        verbinding.executemany(
            f"INSERT INTO klant ({_ALLE_KOLOMMEN}) "
            "VALUES (?, ?, ?, ?, ?, 'natuurlijk_persoon', ?, ?, 1, ?, ?)",
            klanten,
        )
        verbinding.executemany(
            "INSERT INTO persoonssleutel (gemeente, soort, waarde, klant_id) "
            "VALUES (?, 'bsn', ?, ?)",
            [(GEMEENTE, k[5], k[0]) for k in klanten],
        )
        verbinding.executemany(
            "INSERT INTO zoeksleutel (gemeente, soort, waarde, klant_id) VALUES (?, ?, ?, ?)",
            zoeken,
        )
        verbinding.executemany(
            f"INSERT INTO verwerking ({_VERWERKING}) "
            "VALUES (?, 'vastleggen', ?, ?, ?, ?, 'bsn', ?)",
            verwerkingen,
        )
        verbinding.execute("COMMIT")
        for lijst in (klanten, zoeken, verwerkingen):
            lijst.clear()

    with invoer.open(encoding="utf-8") as bestand:
        for regel in bestand:
            record = json.loads(regel)
            rij = _rij(record)
            klant_id, bsn = rij[0], rij[5]
            klanten.append((*rij, record["url"], herkomst, vandaag))
            zoeken.append((GEMEENTE, "achternaam", str(record["achternaam"]).lower(), klant_id))
            zoeken.append((GEMEENTE, "emailadres", str(record["emailadres"]).lower(), klant_id))
            betrokkene = hmac.digest(sleutel, f"bsn:{bsn}".encode(), "sha256").hex()
            moment = datetime.datetime.now(datetime.timezone.utc).isoformat()
            verwerkingen.append(
                (str(uuid.uuid4()), moment, GEMEENTE, klant_id, betrokkene, invoer.name)
            )
            if len(klanten) >= BATCH:
                schrijf()
    if klanten:
        schrijf()
    verbinding.close()
    return time.perf_counter() - begin


def ruw_postgres(invoer: Path, url: str) -> float:
    import psycopg  # noqa: PLC0415 - only with a server

    PostgresRepository(url).close()
    begin = time.perf_counter()
    klanten: list[tuple[object, ...]] = []
    with psycopg.connect(url) as verbinding:

        def schrijf() -> None:
            with verbinding.transaction(), verbinding.cursor() as cursor:
                with cursor.copy(f"COPY klant ({_KLANT}) FROM STDIN") as copy:
                    for k in klanten:
                        copy.write_row((*k[:5], "natuurlijk_persoon", k[5]))
                with cursor.copy(
                    "COPY persoonssleutel (gemeente, soort, waarde, klant_id) FROM STDIN"
                ) as copy:
                    for k in klanten:
                        copy.write_row((GEMEENTE, "bsn", k[5], k[0]))
            klanten.clear()

        with invoer.open(encoding="utf-8") as bestand:
            for regel in bestand:
                klanten.append(_rij(json.loads(regel)))
                if len(klanten) >= BATCH:
                    schrijf()
        if klanten:
            schrijf()
    return time.perf_counter() - begin


def ruw_postgres_alle_rijen(invoer: Path, url: str) -> float:
    """:func:`ruw_postgres` writing every row the import writes (as
    :func:`ruw_sqlite_alle_rijen`), each table with ``COPY``."""
    import psycopg  # noqa: PLC0415 - only with a server

    PostgresRepository(url).close()
    begin = time.perf_counter()
    sleutel = os.urandom(32)
    herkomst = json.dumps({"soort": "overname", "bron": invoer.name, "toelichting": "ruw"})
    vandaag = datetime.date.today().isoformat()
    rijen: dict[str, list[tuple[object, ...]]] = {"klant": [], "zoek": [], "log": []}
    tabellen = {
        "klant": f"klant ({_ALLE_KOLOMMEN})",
        "zoek": "zoeksleutel (gemeente, soort, waarde, klant_id)",
        "log": f"verwerking ({_VERWERKING})",
    }
    with psycopg.connect(url) as verbinding:

        def schrijf() -> None:
            with verbinding.transaction(), verbinding.cursor() as cursor:
                for soort, tabel in tabellen.items():
                    with cursor.copy(f"COPY {tabel} FROM STDIN") as copy:
                        for rij in rijen[soort]:
                            copy.write_row(rij)
                with cursor.copy(
                    "COPY persoonssleutel (gemeente, soort, waarde, klant_id) FROM STDIN"
                ) as copy:
                    for k in rijen["klant"]:
                        copy.write_row((GEMEENTE, "bsn", k[6], k[0]))
            for lijst in rijen.values():
                lijst.clear()

        with invoer.open(encoding="utf-8") as bestand:
            for regel in bestand:
                record = json.loads(regel)
                klant_id, _, nummer, versie, gegevens, bsn = _rij(record)
                rijen["klant"].append(
                    (
                        klant_id,
                        GEMEENTE,
                        nummer,
                        versie,
                        gegevens,
                        "natuurlijk_persoon",
                        bsn,
                        record["url"],
                        True,
                        herkomst,
                        vandaag,
                    )
                )
                for veld in ("achternaam", "emailadres"):
                    rijen["zoek"].append((GEMEENTE, veld, str(record[veld]).lower(), klant_id))
                betrokkene = hmac.digest(sleutel, f"bsn:{bsn}".encode(), "sha256").hex()
                moment = datetime.datetime.now(datetime.timezone.utc)
                rijen["log"].append(
                    (
                        str(uuid.uuid4()),
                        "vastleggen",
                        moment,
                        GEMEENTE,
                        klant_id,
                        betrokkene,
                        "bsn",
                        invoer.name,
                    )
                )
                if len(rijen["klant"]) >= BATCH:
                    schrijf()
        if rijen["klant"]:
            schrijf()
    return time.perf_counter() - begin


def ruw_export_sqlite(pad: Path, uit: Path) -> float:
    """Seconds to select the klanten's rows in order and write each as one line of JSON."""
    begin = time.perf_counter()
    verbinding = sqlite3.connect(pad)
    with uit.open("w", encoding="utf-8") as bestand:
        for rij in verbinding.execute(f"SELECT {_KLANT} FROM klant ORDER BY volgorde"):
            regel = {
                "id": rij[0],
                "gemeente": rij[1],
                "klantnummer": rij[2],
                "versie": rij[3],
                "klantgegevens": json.loads(rij[4]),
                "identificatie": {"soort": rij[5], "bsn": rij[6]},
            }
            bestand.write(json.dumps(regel) + "\n")
    verbinding.close()
    return time.perf_counter() - begin


def ruw_export_postgres(url: str, uit: Path) -> float:
    """:func:`ruw_export_sqlite` on PostgreSQL, through a server-side cursor."""
    import psycopg  # noqa: PLC0415 - only with a server

    begin = time.perf_counter()
    with (
        psycopg.connect(url) as verbinding,
        verbinding.cursor(name="ruw_export") as cursor,
        uit.open("w", encoding="utf-8") as bestand,
    ):
        cursor.itersize = 1000
        cursor.execute(f"SELECT {_KLANT} FROM klant ORDER BY volgorde")
        for rij in cursor:
            regel = {
                "id": str(rij[0]),
                "gemeente": rij[1],
                "klantnummer": rij[2],
                "versie": rij[3],
                "klantgegevens": rij[4],
                "identificatie": {"soort": rij[5], "bsn": rij[6]},
            }
            bestand.write(json.dumps(regel) + "\n")
    return time.perf_counter() - begin


def _vacuum(url: str) -> None:
    import psycopg  # noqa: PLC0415 - only with a server

    with psycopg.connect(url, autocommit=True) as verbinding:
        verbinding.execute("VACUUM ANALYZE klant")


def _ronde(naam: str, ronde: int, eigen: float, basis: float, piek: float) -> None:
    print(
        f"  round {ronde + 1}: {naam:24} {eigen:8.2f} s {basis:8.2f} s   "
        f"{basis / eigen:5.2f}x raw   peak {piek:6.0f} MiB",
        flush=True,
    )


def _regel(naam: str, eigen: list[float], basis: list[float], doel: float, piek: float) -> None:
    m_eigen, m_basis = statistics.median(eigen), statistics.median(basis)
    verhouding = m_basis / m_eigen
    print(
        f"{naam:28} {m_eigen:8.2f} s {m_basis:8.2f} s   {verhouding:5.2f}x raw "
        f"(target >= {doel:.1f}x {'ok' if verhouding >= doel else 'MISSED'})   peak {piek:6.0f} MiB"
    )


def _alle_rijen(eigen: list[float], basis: list[float]) -> None:
    m_eigen, m_basis = statistics.median(eigen), statistics.median(basis)
    print(
        f"{'  raw, every row it writes':28} {m_eigen:8.2f} s {m_basis:8.2f} s   "
        f"{m_basis / m_eigen:5.2f}x raw (no target: the storage's own share)"
    )


def _import_sqlite(invoer: Path, werk: Path, ronde: int) -> tuple[float, float, float, float]:
    """One round of import into SQLite: the command's seconds and peak, and both baselines'."""
    db = werk / f"k{ronde}.db"
    seconden, piek = meet(
        [*_commando(), "import", str(invoer), "--into", f"sqlite:///{db}", "--gemeente", GEMEENTE]
    )
    ruw = ruw_sqlite(invoer, werk / f"r{ronde}.db")
    alle = ruw_sqlite_alle_rijen(invoer, werk / f"a{ronde}.db")
    _ronde("import into SQLite", ronde, seconden, ruw, piek)
    _ronde("  raw, every row it writes", ronde, seconden, alle, piek)
    return seconden, piek, ruw, alle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=100_000)
    parser.add_argument("--rondes", type=int, default=3)
    parser.add_argument("--postgres", default=os.environ.get("KLANTREGISTER_TEST_POSTGRES", ""))
    args = parser.parse_args(argv)
    werk = Path(tempfile.mkdtemp(prefix="klantregister-bench-"))
    invoer = werk / "invoer.jsonl"
    maak_invoer(invoer, args.aantal)
    versie = sys.version.split()[0]
    print(f"import/export, {args.aantal:,} records, Python {versie}, {args.rondes} rounds")
    print(f"{'':28} {'command':>10} {'raw':>10}")
    imp, imp_ruw, exp, exp_ruw, pieken_imp, pieken_exp = [], [], [], [], [], []
    imp_alle: list[float] = []
    pg_alle: list[float] = []
    pg, pg_ruw, pieken_pg = [], [], []
    pg_exp, pg_exp_ruw, pieken_pg_exp = [], [], []
    schemas = postgres_schema(args.postgres) if args.postgres else None
    for ronde in range(args.rondes):
        db = werk / f"k{ronde}.db"
        for lijst, waarde in zip(
            (imp, pieken_imp, imp_ruw, imp_alle), _import_sqlite(invoer, werk, ronde), strict=True
        ):
            lijst.append(waarde)
        seconden, piek = meet(
            [*_commando(), "export", "--from", f"sqlite:///{db}", "--format", "jsonl"]
        )
        exp.append(seconden)
        pieken_exp.append(piek)
        exp_ruw.append(ruw_export_sqlite(werk / f"r{ronde}.db", werk / "ruw.jsonl"))
        _ronde("export from SQLite", ronde, exp[-1], exp_ruw[-1], piek)
        if schemas is not None:
            url = next(schemas)
            seconden, piek = meet(
                [*_commando(), "import", str(invoer), "--into", url, "--gemeente", GEMEENTE]
            )
            pg.append(seconden)
            pieken_pg.append(piek)
            # Export from the schema just imported, before the next one replaces it; vacuumed
            # first, as autovacuum would leave it, so that neither export pays for the
            # visibility hints of rows no one has read yet.
            _vacuum(url)
            seconden, piek = meet([*_commando(), "export", "--from", url, "--format", "jsonl"])
            pg_exp.append(seconden)
            pieken_pg_exp.append(piek)
            pg_exp_ruw.append(ruw_export_postgres(url, werk / "ruw.jsonl"))
            _ronde("export from PostgreSQL", ronde, pg_exp[-1], pg_exp_ruw[-1], piek)
            pg_ruw.append(ruw_postgres(invoer, next(schemas)))
            pg_alle.append(ruw_postgres_alle_rijen(invoer, next(schemas)))
            _ronde("import into PostgreSQL", ronde, pg[-1], pg_ruw[-1], pieken_pg[-1])
            _ronde("  raw, every row it writes", ronde, pg[-1], pg_alle[-1], pieken_pg[-1])
    _regel("import into SQLite", imp, imp_ruw, 0.7, max(pieken_imp))
    _alle_rijen(imp, imp_alle)
    _regel("export from SQLite (jsonl)", exp, exp_ruw, 0.5, max(pieken_exp))
    if pg:
        _regel("import into PostgreSQL", pg, pg_ruw, 0.5, max(pieken_pg))
        _alle_rijen(pg, pg_alle)
        _regel("export from PostgreSQL", pg_exp, pg_exp_ruw, 0.5, max(pieken_pg_exp))
    if schemas is not None:
        schemas.close()
    shutil.rmtree(werk)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
