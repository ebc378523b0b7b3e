"""The PostgreSQL repository: one database shared by many worker processes.

Needs psycopg 3 (``pip install 'klantregister[postgres]'``); this module is the
only one that imports it. Every register operation that writes runs in one
transaction; the schema's unique constraints enforce KLOK01 rule 1 and unique
klantnummers across processes, and a violation reaches the caller as the same
:class:`KardinaliteitError` the in-memory register raises. The generated
klantnummer comes from a counter row updated in the same transaction, so no
two processes hand out the same number.

The schema is created on first open, guarded by an advisory lock, and carries
its version. The tables live in the connection's current schema (set
``options=-csearch_path=...`` in the URL to choose another).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from klantregister.domain import Gemeentecode, Klant, OpslagError, klok01, nieuwe_klant
from klantregister.storage.rijen import klant_rijen
from klantregister.storage.schema import (
    KLANT_KOLOMMEN,
    POSTGRESQL,
    SLEUTEL_KOLOMMEN,
    TABELLEN,
    ddl,
)
from klantregister.storage.sql import SqlRepository, UniekeSchending

try:
    import psycopg
    from psycopg import errors as pg_errors
except ImportError:  # pragma: no cover - exercised by the install without the extra
    psycopg = None  # type: ignore[assignment]

__all__ = ["PostgresRepository"]

# Any fixed number: serialises the creation of the schema between processes.
_SCHEMA_SLOT = 0x6B6C616E
# Another: the space of the per-gemeente locks of the bulk path (two-key advisory locks).
_BULK_SLOT = 0x6B6C6201


class PostgresRepository(SqlRepository):
    """Klanten in a PostgreSQL database, reached through a libpq URL or DSN.

    ``connect_timeout`` (seconds) bounds the wait for an unreachable server.
    """

    _placeholder = "%s"
    # Under READ COMMITTED a plain SELECT would let two transactions read the same
    # versie and both write; SQLite's BEGIN IMMEDIATE already serialises writers.
    _vergrendel_rij = " FOR UPDATE"
    # A transaction-level advisory lock per gemeente, in the space of _BULK_SLOT.
    _reserveer = f"SELECT pg_advisory_xact_lock({_BULK_SLOT}, ?::integer)"

    def __init__(self, dsn: str, *, connect_timeout: int | None = None) -> None:
        super().__init__()
        # Per table with a unique constraint: the type of each column, by its name.
        self._typen: dict[str, dict[str, str]] = {}
        # The statements of one klant's insert, per number of keys and kind.
        self._opdrachten: dict[tuple[int, int, bool], str] = {}
        if psycopg is None:  # pragma: no cover - exercised by the install without the extra
            raise OpslagError(
                "PostgreSQL vraagt psycopg: installeer klantregister met pip install "
                "'klantregister[postgres]'"
            )
        try:
            # autocommit: reads are single statements; writes open their own transaction.
            # A connect_timeout in the URL counts, unless the caller gives one here;
            # psycopg leaves out a keyword that is None.
            if connect_timeout is None and "connect_timeout" not in dsn:
                connect_timeout = 10
            self._verbinding = psycopg.connect(
                dsn, autocommit=True, connect_timeout=connect_timeout
            )
            info = self._verbinding.info
            self._naam = f"{info.host}:{info.port}/{info.dbname}"
        except psycopg.Error as fout:
            raise OpslagError(
                f"kan de PostgreSQL-database niet bereiken: {_melding(fout)}"
            ) from None
        self._open_of_sluit()

    def _open_schema(self) -> None:
        with self.transaction():
            self._rijen("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_SLOT,))
            tabellen = self._tabellen()
            if "klantregister_schema" not in tabellen:
                vreemd = [
                    tabel for tabel in ("klantregister_schema", *TABELLEN) if tabel in tabellen
                ]
                if vreemd:
                    raise OpslagError(
                        "de database is geen klantregister-database: de tabellen "
                        f"{', '.join(vreemd)} bestaan al, zonder schemaversie"
                    )
                for opdracht in ddl(POSTGRESQL):
                    self._rijen(opdracht)
            self._werk_schema_bij(POSTGRESQL)
        self._controleer_schemaversie("de database")

    def _tabellen(self) -> set[str]:
        rijen = self._rijen(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {rij[0] for rij in rijen}

    def _begin(self, diepte: int) -> None:
        self._opdracht("BEGIN" if diepte == 0 else f"SAVEPOINT s{diepte}")

    def _einde(self, diepte: int, geslaagd: bool) -> None:
        if diepte > 0:
            if not geslaagd:
                self._opdracht(f"ROLLBACK TO SAVEPOINT s{diepte}")
            self._opdracht(f"RELEASE SAVEPOINT s{diepte}")
        elif not geslaagd:
            self._opdracht("ROLLBACK")
        else:
            try:
                self._opdracht("COMMIT")
            except OpslagError:
                self._opdracht("ROLLBACK")
                raise

    def _opdracht(self, sql: str) -> None:
        """A statement without parameters or rows (BEGIN, COMMIT...), straight through
        libpq: the cheapest way there is, and a transaction has two of them."""
        if self._gesloten:
            raise OpslagError("de verbinding met de database is gesloten")
        try:
            resultaat = self._verbinding.pgconn.exec_(sql.encode())
        except psycopg.Error as fout:
            fout_ = _vertaal(fout)
        else:
            if resultaat.status == psycopg.pq.ExecStatus.COMMAND_OK:
                return
            melding = (resultaat.error_message or b"").decode("utf-8", "replace")
            fout_ = OpslagError(f"PostgreSQL: {melding.splitlines()[0] if melding else sql}")
        raise fout_

    def _voer_uit(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            with self._verbinding.cursor() as cursor:
                cursor.execute(sql, parameters or None)
                return cursor.fetchall() if cursor.description is not None else []
        except psycopg.Error as fout:
            fout_ = _vertaal(fout)
        # Raised here, outside the except: the driver's error, whose diagnostics may quote
        # a row's values (a BSN), is then no __context__ of the library's.
        raise fout_

    # --- one klant at a time: registreer's path, in as few round trips as it can -------

    def next_klantnummers(self, gemeente: Gemeentecode, aantal: int = 1) -> list[str]:
        if self._diepte == 0:  # on its own: in a transaction of its own
            with self.transaction():
                return self.next_klantnummers(gemeente, aantal)
        nummers: list[str] = []
        with self._slot:
            while len(nummers) < aantal:
                gevraagd = aantal - len(nummers)
                # One statement: the counter (its row locked until the transaction ends,
                # so no two processes get the same numbers) and the numbers in its new
                # range a caller chose already, which are skipped.
                laatste, bezet = self._voer_uit(_VOLGNUMMERS, (gemeente.waarde, gevraagd) * 2)[0]
                if laatste > klok01.MAX_VOLGNUMMER:
                    # Within the caller's transaction: leave the counter as it was.
                    self._voer_uit(_TERUG, (gevraagd, gemeente.waarde))
                    raise klok01.klantnummers_op(gemeente)
                bezet = set(bezet)
                nummers.extend(
                    nummer
                    for volgnummer in range(laatste - gevraagd + 1, laatste + 1)
                    if (nummer := klok01.klantnummer_voor(volgnummer)) not in bezet
                )
        return nummers

    def add_many(self, klanten: Sequence[Klant]) -> None:
        if len(klanten) != 1 or self._diepte == 0:
            super().add_many(klanten)
            return
        # One klant in the caller's transaction (registreer's path): its rows in one
        # statement, without a savepoint; a conflict leaves a row out, and then what was
        # written of it is taken out again before the conflict is explained.
        (klant,) = klanten
        rij, personen, organisaties = klant_rijen(klant)
        with self._slot:
            klantrij, sleutels = self._voer_uit(
                self._opdracht_een(len(personen), len(organisaties), genummerd=False),
                (*rij, *_waarden(personen), *_waarden(organisaties)),
            )[0]
            if klantrij == 1 and sleutels == len(personen):
                return
            if klantrij == 1:
                for opdracht in _ONGEDAAN:
                    self._voer_uit(opdracht, (str(klant.id),))
            self._verklaar_schending(klanten)

    def add_with_next_klantnummer(self, klant: Klant) -> Klant | None:
        """Store ``klant`` under the next generated klantnummer of its gemeente (its own
        klantnummer is not read), counter and rows in one statement: registreer's path in
        one round trip. Returns the klant as stored; ``None`` when that number is one a
        caller chose, and nothing is stored (take one with :meth:`next_klantnummers`).

        Raises what :meth:`add` raises, and the error of a gemeente whose generated
        klantnummers are used up; the counter is then left as it was.
        """
        if self._diepte == 0:
            with self.transaction():
                return self.add_with_next_klantnummer(klant)
        rij, personen, organisaties = klant_rijen(klant)
        gemeente = klant.gemeente
        with self._slot:
            klantrij, sleutels, volgnummer, nummer = self._voer_uit(
                self._opdracht_een(len(personen), len(organisaties), genummerd=True),
                (
                    gemeente.waarde,
                    *(w for index, w in enumerate(rij) if index != _KLANTNUMMER),
                    *_waarden(personen),
                    *_waarden(organisaties),
                ),
            )[0]
            if klantrij == 1 and sleutels == len(personen):
                return nieuwe_klant(
                    klant.id,
                    gemeente,
                    nummer,
                    klant.klantgegevens,
                    klant.identificatie,
                    bron=klant.bron,
                    kenmerken=klant.kenmerken,
                )
            if volgnummer > klok01.MAX_VOLGNUMMER:
                self._voer_uit(_TERUG, (1, gemeente.waarde))
                raise klok01.klantnummers_op(gemeente)
            if klantrij == 0 and klant.id not in self:
                return None  # the number is taken: the counter has passed it
            # A conflict of its own: nothing of it stays, the counter included.
            if klantrij == 1:
                for opdracht in _ONGEDAAN:
                    self._voer_uit(opdracht, (str(klant.id),))
            self._voer_uit(_TERUG, (1, gemeente.waarde))
            self._verklaar_schending(
                (attrs.evolve(klant, klantnummer=nummer or klant.klantnummer),)
            )
            raise AssertionError("onbereikbaar")  # pragma: no cover - it always raises

    def _opdracht_een(self, personen: int, organisaties: int, *, genummerd: bool) -> str:
        sleutel = (personen, organisaties, genummerd)
        if (opdracht := self._opdrachten.get(sleutel)) is None:
            typen = tuple(self._kolomtypen("klant", KLANT_KOLOMMEN)) if genummerd else None
            opdracht = self._opdrachten[sleutel] = _een_klant(personen, organisaties, typen)
        return opdracht

    def _voeg_in(self, tabel: str, kolommen: str, rijen: Sequence[Sequence[Any]]) -> None:
        if not rijen:
            return
        if tabel not in _UNIEK:
            self._kopieer(tabel, kolommen, rijen)
            return
        # A table with a unique constraint: rows that would break it are left out
        # (ON CONFLICT DO NOTHING), so the server never refuses one and never logs its
        # values; a row left out is a conflict, which the caller then finds.
        typen = self._kolomtypen(tabel, kolommen)
        kolomwaarden = [list(kolom) for kolom in zip(*rijen, strict=True)]
        ingevoegd = self._voer_uit(
            f"INSERT INTO {tabel} ({kolommen}) "
            f"SELECT * FROM unnest({', '.join(f'%s::{type_}[]' for type_ in typen)}) "
            "ON CONFLICT DO NOTHING RETURNING 1",
            kolomwaarden,
        )
        if len(ingevoegd) != len(rijen):
            raise UniekeSchending(f"{len(rijen) - len(ingevoegd)} rijen van {tabel} zijn al bezet")

    def _kopieer(self, tabel: str, kolommen: str, rijen: Sequence[Sequence[Any]]) -> None:
        # COPY: the server's bulk path, for a table without unique constraints.
        try:
            with (
                self._verbinding.cursor() as cursor,
                cursor.copy(f"COPY {tabel} ({kolommen}) FROM STDIN") as copy,
            ):
                for rij in rijen:
                    copy.write_row(rij)
        except psycopg.Error as fout:
            fout_ = _vertaal(fout)
        else:
            return
        raise fout_

    def _kolomtypen(self, tabel: str, kolommen: str) -> list[str]:
        """The type of each of the columns, as the table declares it (read once)."""
        if tabel not in self._typen:
            self._typen[tabel] = dict(
                self._voer_uit(
                    "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                    "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
                    (tabel,),
                )
            )
        typen = self._typen[tabel]
        return [typen[kolom.strip()] for kolom in kolommen.split(",")]

    def _sluit(self) -> None:
        self._verbinding.close()

    def __repr__(self) -> str:
        return f"<PostgresRepository {self._naam}>"


_VOLGNUMMERS = (
    "WITH n AS (INSERT INTO klantnummerteller (gemeente, volgnummer) VALUES (%s, %s) "
    "ON CONFLICT (gemeente) DO UPDATE "
    "SET volgnummer = klantnummerteller.volgnummer + excluded.volgnummer RETURNING volgnummer) "
    "SELECT n.volgnummer, ARRAY(SELECT klantnummer FROM klant WHERE gemeente = %s "
    f"AND klantnummer BETWEEN lpad((n.volgnummer - %s + 1)::text, {klok01.GEGENEREERD}, '0') "
    f"AND lpad(n.volgnummer::text, {klok01.GEGENEREERD}, '0')) FROM n"
)
_TERUG = "UPDATE klantnummerteller SET volgnummer = volgnummer - %s WHERE gemeente = %s"


def _waarden(sleutels: Sequence[tuple[str, str, str, str]]) -> Iterator[str]:
    """The gemeente, soort and waarde of each key row, one after the other."""
    for gemeente, soort, waarde, _ in sleutels:
        yield from (gemeente, soort, waarde)


def _een_klant(personen: int, organisaties: int, genummerd: tuple[str, ...] | None = None) -> str:
    """One statement that inserts a klant row and its key rows (of these numbers), leaving
    out any that conflicts; it returns how many klant rows and person keys went in.

    ``genummerd`` (the klant columns' types) gives the klant the next generated klantnummer
    of its gemeente, from the counter in the same statement; it then returns the counter's
    new value and the klantnummer too (``NULL`` when no klant row went in).
    """
    kolommen = KLANT_KOLOMMEN.split(",")
    if genummerd is None:
        delen = [
            f"WITH k AS (INSERT INTO klant ({KLANT_KOLOMMEN}) "
            f"VALUES ({', '.join(['%s'] * len(kolommen))}) "
            "ON CONFLICT DO NOTHING RETURNING id, klantnummer)"
        ]
    else:
        waarden = [
            f"lpad(n.volgnummer::text, {klok01.GEGENEREERD}, '0')"
            if kolom.strip() == "klantnummer"
            else f"%s::{type_}"
            for kolom, type_ in zip(kolommen, genummerd, strict=True)
        ]
        delen = [
            "WITH n AS (INSERT INTO klantnummerteller (gemeente, volgnummer) VALUES (%s, 1) "
            "ON CONFLICT (gemeente) DO UPDATE SET volgnummer = klantnummerteller.volgnummer + 1 "
            "RETURNING volgnummer), "
            f"k AS (INSERT INTO klant ({KLANT_KOLOMMEN}) SELECT {', '.join(waarden)} FROM n "
            f"WHERE n.volgnummer <= {klok01.MAX_VOLGNUMMER} "
            "ON CONFLICT DO NOTHING RETURNING id, klantnummer)"
        ]

    def sleutels(aantal: int) -> str:
        return " UNION ALL ".join(["SELECT %s, %s, %s, k.id FROM k"] * aantal)

    if personen:
        delen.append(
            f", p AS (INSERT INTO persoonssleutel ({SLEUTEL_KOLOMMEN}) {sleutels(personen)} "
            "ON CONFLICT DO NOTHING RETURNING 1)"
        )
    if organisaties:
        delen.append(
            f", o AS (INSERT INTO organisatiesleutel ({SLEUTEL_KOLOMMEN}) "
            f"{sleutels(organisaties)} RETURNING 1)"
        )
    geteld = "(SELECT count(*) FROM p)" if personen else "0"
    delen.append(f" SELECT (SELECT count(*) FROM k), {geteld}")
    if genummerd is not None:
        delen.append(", (SELECT volgnummer FROM n), (SELECT klantnummer FROM k)")
    return "".join(delen)


# Where the klantnummer stands in a klant row.
_KLANTNUMMER = [kolom.strip() for kolom in KLANT_KOLOMMEN.split(",")].index("klantnummer")
_ONGEDAAN = (
    "DELETE FROM persoonssleutel WHERE klant_id = %s",
    "DELETE FROM organisatiesleutel WHERE klant_id = %s",
    "DELETE FROM klant WHERE id = %s",
)

#: The tables with a unique constraint: the klant (its id, its klantnummer) and the
#: natural-person keys (KLOK01 rule 1).
_UNIEK = frozenset({"klant", "persoonssleutel"})


def _vertaal(fout: Exception) -> Exception:
    """The driver's error as this package's: a unique violation, or an OpslagError."""
    if isinstance(fout, pg_errors.UniqueViolation):
        return UniekeSchending(_melding(fout))
    return OpslagError(f"PostgreSQL: {_melding(fout)}")


def _melding(fout: Exception) -> str:
    """The driver's message without its detail lines, which can quote row values."""
    return str(fout).split("\n", 1)[0].strip()
