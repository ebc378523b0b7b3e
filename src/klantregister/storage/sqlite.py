"""The SQLite repository: a register in one file, for anything that must survive a restart.

Standard library ``sqlite3`` only. The file is opened in WAL mode (readers
never block the writer) with ``synchronous=NORMAL``: a committed operation
survives the process being killed; after a power failure the last few may be
lost, never half of one. Every register operation that writes runs in one
``BEGIN IMMEDIATE`` transaction, which also serialises writers across
processes, and the unique constraints of the schema enforce KLOK01 rule 1 and
unique klantnummers even so.

The schema is created when the file is new, and carries its version; a file
that is not a klantregister database, or has a newer schema, is refused and
left untouched.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Sequence
from typing import Any

from klantregister.domain import OpslagError, toon
from klantregister.storage.schema import SQLITE, TABELLEN, ddl
from klantregister.storage.sql import SqlRepository, UniekeSchending

__all__ = ["SqliteRepository"]

# The result codes of a unique or primary-key violation, and of a file another connection
# holds: the driver's error says which by its code (Python 3.11 and later).
_UNIEK = frozenset(
    getattr(sqlite3, naam, -1)
    for naam in ("SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY")
)
_BEZET = frozenset(getattr(sqlite3, naam, -1) for naam in ("SQLITE_BUSY", "SQLITE_LOCKED"))


class SqliteRepository(SqlRepository):
    """Klanten in a SQLite file (``":memory:"`` for a private, temporary one).

    ``timeout`` is how long a writer waits for another process's transaction
    to end before giving up with :class:`OpslagError`.
    """

    # IMMEDIATE takes the write lock at once, so a transaction's reads and its
    # writes see one state even with other processes writing the same file.
    _begin_opdracht = "BEGIN IMMEDIATE"

    def __init__(
        self, pad: str | os.PathLike[str], *, timeout: float = 30.0, aanmaken: bool = True
    ) -> None:
        super().__init__()
        self.pad = _pad(pad)
        self._timeout = _seconden(timeout)
        if not isinstance(aanmaken, bool):
            raise OpslagError(f"aanmaken is True of False, geen {type(aanmaken).__name__}")
        self._aanmaken = aanmaken
        if self.pad != ":memory:":
            _maak_bestand(self.pad, aanmaken)
        try:
            # isolation_level=None: the module starts no transactions of its own.
            self._verbinding = sqlite3.connect(
                self.pad, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as fout:
            raise OpslagError(f"kan SQLite-database {self.pad!r} niet openen: {fout}") from None
        self._open_of_sluit()

    def _open_schema(self) -> None:
        # Read before writing anything: a file that is not ours stays as it was.
        tabellen = self._tabellen()
        if "klantregister_schema" not in tabellen:
            if not self._aanmaken:
                raise OpslagError(
                    f"{self.pad!r} is geen klantregister-database"
                    + (": er staan andere tabellen in" if tabellen else " (het bestand is leeg)")
                )
            if tabellen:
                raise OpslagError(
                    f"{self.pad!r} is geen klantregister-database: er staan andere tabellen in"
                )
            with self.transaction():
                # Another process may have created it while this one waited for the lock.
                if "klantregister_schema" not in self._tabellen():
                    for opdracht in ddl(SQLITE):
                        self._rijen(opdracht)
        if self._schema_verouderd():
            with self.transaction():  # the write lock: one process upgrades, the others see it
                self._werk_schema_bij(SQLITE)
        self._controleer_schemaversie(repr(self.pad))
        aanwezig = self._tabellen()
        ontbrekend = [tabel for tabel in TABELLEN if tabel not in aanwezig]
        if ontbrekend:
            raise OpslagError(f"{self.pad!r} mist de tabellen {', '.join(ontbrekend)}")
        self._zet_wal()
        self._rijen("PRAGMA synchronous = NORMAL")
        self._rijen("PRAGMA foreign_keys = ON")

    def _zet_wal(self) -> None:
        """Put the file in WAL mode (a no-op when it is), waiting for other processes.

        The switch needs the file to itself, and SQLite refuses it at once, without
        waiting, while another connection is writing: as when several processes open
        a new file together and one of them is creating the schema. So try again
        until ``timeout``.
        """
        einde = time.monotonic() + self._timeout
        while True:
            try:
                self._verbinding.execute("PRAGMA journal_mode = WAL").fetchall()
                return
            except sqlite3.OperationalError as fout:
                if not _bezet(fout) or time.monotonic() >= einde:
                    raise OpslagError(f"SQLite ({self.pad!r}): {fout}") from None
            time.sleep(0.01)

    def _tabellen(self) -> set[str]:
        try:
            rijen = self._verbinding.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            ).fetchall()
        except sqlite3.DatabaseError as fout:
            raise OpslagError(f"{self.pad!r} is geen SQLite-database: {fout}") from None
        return {rij[0] for rij in rijen}

    def _voer_uit(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._verbinding.execute(sql, parameters).fetchall()
        except sqlite3.Error as fout:
            raise self._vertaal(fout) from None

    def _voeg_in(self, tabel: str, kolommen: str, rijen: Sequence[Sequence[Any]]) -> None:
        plaatsen = ", ".join("?" * (kolommen.count(",") + 1))
        try:
            self._verbinding.executemany(
                f"INSERT INTO {tabel} ({kolommen}) VALUES ({plaatsen})", rijen
            )
        except sqlite3.Error as fout:
            raise self._vertaal(fout) from None

    def _vertaal(self, fout: sqlite3.Error) -> Exception:
        """The driver's error as this package's: a unique violation, or an OpslagError."""
        if isinstance(fout, sqlite3.IntegrityError) and _uniek(fout):
            return UniekeSchending(str(fout))
        return OpslagError(f"SQLite ({self.pad!r}): {fout}")

    def _einde(self, diepte: int, geslaagd: bool) -> None:
        if not geslaagd and not self._verbinding.in_transaction:
            # SQLite rolled the transaction back itself (a full disk, an I/O error): there
            # is nothing left to roll back, savepoints included.
            return
        super()._einde(diepte, geslaagd)

    def _in_transactie(self) -> bool:
        return self._verbinding.in_transaction

    def _sluit(self) -> None:
        self._verbinding.close()

    def __repr__(self) -> str:
        return f"<SqliteRepository {self.pad!r}>"


def _pad(pad: object) -> str:
    """The path of a SQLite file as text, or an OpslagError saying why it is none."""
    if not isinstance(pad, (str, os.PathLike)):
        raise OpslagError(f"het pad van een SQLite-bestand is tekst, geen {type(pad).__name__}")
    tekst = os.fspath(pad)
    if not isinstance(tekst, str):
        raise OpslagError(f"het pad van een SQLite-bestand is tekst, geen {type(tekst).__name__}")
    if not tekst:
        raise OpslagError("het pad van een SQLite-bestand is leeg")
    if "\x00" in tekst:
        raise OpslagError("het pad van een SQLite-bestand bevat een NUL-teken")
    try:
        os.fsencode(tekst)
    except UnicodeEncodeError:
        raise OpslagError(
            "het pad van een SQLite-bestand bevat tekens die het bestandssysteem niet kent"
        ) from None
    return tekst


def _seconden(timeout: object) -> float:
    """A timeout in seconds: a number of 0 or more."""
    if (
        not isinstance(timeout, (int, float))
        or isinstance(timeout, bool)
        or not 0 <= timeout < float("inf")
    ):
        raise OpslagError(f"timeout is {toon(timeout)}: verwacht een aantal seconden (0 of meer)")
    return float(timeout)


def _maak_bestand(pad: str, aanmaken: bool) -> None:
    """Create the file ``pad``, readable and writable by its owner only (it holds BSNs),
    unless it exists; with ``aanmaken`` false, refuse a file that does not exist.

    SQLite gives its ``-wal`` and ``-shm`` files the mode of the database file.
    """
    if os.path.exists(pad):
        return
    if not aanmaken:
        raise OpslagError(f"{pad!r} bestaat niet")
    try:
        os.close(os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass  # another process made it meanwhile: its mode stands
    except OSError as fout:
        raise OpslagError(f"kan SQLite-database {pad!r} niet openen: {fout.strerror}") from None


def _uniek(fout: sqlite3.IntegrityError) -> bool:
    """Whether the violated constraint is a unique one (or a primary key).

    Python 3.10's driver does not give the code: any integrity error is taken for
    one there, and the repository finds out which key, if any, is held.
    """
    code = getattr(fout, "sqlite_errorcode", None)
    return code is None or code in _UNIEK


def _bezet(fout: sqlite3.OperationalError) -> bool:
    """Whether another connection holds the file (so waiting may help).

    Python 3.10's driver does not give the code: any operational error is then
    tried again until the timeout.
    """
    code = getattr(fout, "sqlite_errorcode", None)
    return code is None or code in _BEZET
