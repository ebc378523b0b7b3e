"""Benchmark: one ``registreer`` on PostgreSQL, beside a raw two-row insert and commit.

Each round registers ``--per-ronde`` klanten with a BSN through ``KlantRegister.registreer``
(a generated klantnummer, so the counter is used as in production) and, alternating with it
in the same run, writes the same two rows (the klant and its person key) with psycopg
directly: ``INSERT`` the klant, ``INSERT`` the key, ``COMMIT``, on a connection of its own,
into a schema of the same tables and indexes. The medians of the per-call latencies and
their ratio are printed per round and over all rounds. Target (issue 10): the register's
median at most 1.3x the raw one. Since issue 12 a registration also writes its entry in the
processing log, in the same transaction; a second raw baseline writes that third row too (a
``verwerking`` row of the same columns), so the library's own share can be told apart from
the log's.

    python benchmarks/postgres_registreer.py --postgres URL   # or KLANTREGISTER_TEST_POSTGRES
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from collections.abc import Iterator

import attrs
from storage import postgres_schema

from klantregister import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    Identificatie,
    KlantRegister,
    PostgresRepository,
)

GEMEENTE = "0363"
DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD")


def bsns(begin: int) -> Iterator[str]:
    """BSNs from ``begin`` on, each passing the 11-proef."""
    n = begin
    while True:
        acht = f"{n:08d}"
        controle = sum(g * int(c) for g, c in zip(range(9, 1, -1), acht, strict=True)) % 11
        if controle != 10:
            yield acht + str(controle)
        n += 1


def register_ronde(register: KlantRegister, nummers: Iterator[str], aantal: int) -> list[float]:
    tijden = []
    for _ in range(aantal):
        identificatie = Identificatie.natuurlijk_persoon(bsn=next(nummers))
        begin = time.perf_counter()
        authenticatie = attrs.evolve(DIGID, subject=identificatie.bsn)
        register.registreer(GEMEENTE, identificatie=identificatie, authenticatie=authenticatie)
        tijden.append(time.perf_counter() - begin)
    return tijden


def ruwe_ronde(
    verbinding: object, nummers: Iterator[str], aantal: int, start: int, *, met_log: bool = False
) -> list[float]:
    tijden = []
    for index in range(aantal):
        klant_id = str(uuid.uuid4())
        bsn = next(nummers)
        begin = time.perf_counter()
        with verbinding.cursor() as cursor:  # type: ignore[attr-defined]
            cursor.execute(
                "INSERT INTO klant (id, gemeente, klantnummer, versie, klantgegevens, soort, bsn) "
                "VALUES (%s, %s, %s, 1, %s, 'natuurlijk_persoon', %s)",
                (klant_id, GEMEENTE, f"R{start + index:07d}", json.dumps({}), bsn),
            )
            cursor.execute(
                "INSERT INTO persoonssleutel (gemeente, soort, waarde, klant_id) "
                "VALUES (%s, 'bsn', %s, %s)",
                (GEMEENTE, bsn, klant_id),
            )
            if met_log:
                cursor.execute(
                    "INSERT INTO verwerking (id, handeling, tijdstip, gemeente, klant_id, "
                    "betrokkene, betrokkene_soort, niveau, middel, subject) "
                    "VALUES (%s, 'vastleggen', now(), %s, %s, %s, 'bsn', 'substantieel', "
                    "'DigiD', %s)",
                    (str(uuid.uuid4()), GEMEENTE, klant_id, uuid.uuid4().hex * 2, "b" * 64),
                )
        verbinding.commit()  # type: ignore[attr-defined]
        tijden.append(time.perf_counter() - begin)
    return tijden


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=os.environ.get("KLANTREGISTER_TEST_POSTGRES", ""))
    parser.add_argument("--rondes", type=int, default=6, help="alternating rounds (6)")
    parser.add_argument("--per-ronde", type=int, default=500, help="calls per round (500)")
    args = parser.parse_args(argv)
    if not args.postgres:
        print("geef --postgres URL (of zet KLANTREGISTER_TEST_POSTGRES)", file=sys.stderr)
        return 2
    import psycopg  # noqa: PLC0415 - only with a server

    schemas = postgres_schema(args.postgres)
    eigen_url, ruwe_url = next(schemas), None
    ruw_schemas = postgres_schema(args.postgres)
    ruwe_url = next(ruw_schemas)
    PostgresRepository(ruwe_url).close()  # the same tables and indexes
    print(f"PostgreSQL registreer, Python {sys.version.split()[0]}, {args.rondes} rounds")
    print(
        f"{'round':>5} {'register ms':>12} {'raw ms':>8} {'ratio':>6} "
        f"{'raw+log ms':>11} {'ratio':>6}"
    )
    alle_eigen: list[float] = []
    alle_ruw: list[float] = []
    alle_log: list[float] = []
    eigen_bsns, ruwe_bsns = bsns(1), bsns(50_000_000)
    with (
        KlantRegister.open(eigen_url) as register,
        psycopg.connect(ruwe_url) as verbinding,
    ):
        # A warm-up of each, not counted.
        register_ronde(register, eigen_bsns, 50)
        ruwe_ronde(verbinding, ruwe_bsns, 50, 0)
        for ronde in range(1, args.rondes + 1):
            eigen = register_ronde(register, eigen_bsns, args.per_ronde)
            ruw = ruwe_ronde(verbinding, ruwe_bsns, args.per_ronde, ronde * args.per_ronde)
            log = ruwe_ronde(
                verbinding, ruwe_bsns, args.per_ronde, (ronde + 100) * args.per_ronde, met_log=True
            )
            alle_eigen += eigen
            alle_ruw += ruw
            alle_log += log
            m_eigen, m_ruw = statistics.median(eigen) * 1000, statistics.median(ruw) * 1000
            m_log = statistics.median(log) * 1000
            print(
                f"{ronde:>5} {m_eigen:12.3f} {m_ruw:8.3f} {m_eigen / m_ruw:6.2f} "
                f"{m_log:11.3f} {m_eigen / m_log:6.2f}"
            )
    m_eigen, m_ruw = statistics.median(alle_eigen) * 1000, statistics.median(alle_ruw) * 1000
    m_log = statistics.median(alle_log) * 1000
    ratio = m_eigen / m_ruw
    print(
        f"{'all':>5} {m_eigen:12.3f} {m_ruw:8.3f} {ratio:6.2f} {m_log:11.3f} "
        f"{m_eigen / m_log:6.2f}  ≤ 1.30 {'ok' if ratio <= 1.3 else 'MISSED'} (two rows), "
        f"{'ok' if m_eigen / m_log <= 1.3 else 'MISSED'} (with the log row)"
    )
    for gen in (schemas, ruw_schemas):
        gen.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
