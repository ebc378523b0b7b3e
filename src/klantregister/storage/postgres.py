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

from collections.abc import Sequence
from typing import Any

from klantregister.domain import OpslagError
from klantregister.storage.schema import POSTGRESQL, TABELLEN, ddl
from klantregister.storage.sql import SqlRepository, UniekeSchending

try:
    import psycopg
    from psycopg import errors as pg_errors
except ImportError:  # pragma: no cover - exercised by the install without the extra
    psycopg = None  # type: ignore[assignment]

__all__ = ["PostgresRepository"]

# Any fixed number: serialises the creation of the schema between processes.
_SCHEMA_SLOT = 0x6B6C616E


class PostgresRepository(SqlRepository):
    """Klanten in a PostgreSQL database, reached through a libpq URL or DSN.

    ``connect_timeout`` (seconds) bounds the wait for an unreachable server.
    """

    _placeholder = "%s"
    # Under READ COMMITTED a plain SELECT would let two transactions read the same
    # versie and both write; SQLite's BEGIN IMMEDIATE already serialises writers.
    _vergrendel_rij = " FOR UPDATE"

    def __init__(self, dsn: str, *, connect_timeout: int | None = None) -> None:
        super().__init__()
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

    def _voer_uit(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            with self._verbinding.cursor() as cursor:
                cursor.execute(sql, parameters or None)
                return cursor.fetchall() if cursor.description is not None else []
        except pg_errors.UniqueViolation as fout:
            raise UniekeSchending(_melding(fout)) from None
        except psycopg.Error as fout:
            raise OpslagError(f"PostgreSQL: {_melding(fout)}") from None

    def _voeg_in(self, tabel: str, kolommen: str, rijen: Sequence[Sequence[Any]]) -> None:
        # COPY: the server's bulk path. A unique violation aborts the whole COPY, and
        # the savepoint around it is rolled back; the caller then finds the culprit.
        try:
            with (
                self._verbinding.cursor() as cursor,
                cursor.copy(f"COPY {tabel} ({kolommen}) FROM STDIN") as copy,
            ):
                for rij in rijen:
                    copy.write_row(rij)
        except pg_errors.UniqueViolation as fout:
            raise UniekeSchending(_melding(fout)) from None
        except psycopg.Error as fout:
            raise OpslagError(f"PostgreSQL: {_melding(fout)}") from None

    def _sluit(self) -> None:
        self._verbinding.close()

    def __repr__(self) -> str:
        return f"<PostgresRepository {self._naam}>"


def _melding(fout: Exception) -> str:
    """The driver's message without its detail lines, which can quote row values."""
    return str(fout).split("\n", 1)[0].strip()
