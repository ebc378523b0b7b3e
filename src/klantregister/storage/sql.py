"""What the SQLite and PostgreSQL repositories share: rows, keys and queries.

The tables are those of :mod:`klantregister.storage.schema`.

The subclasses supply the connection, the dialect and the translation of the
driver's errors; this base class holds every query and the rules for turning a
constraint violation into the register's own error.
"""

from __future__ import annotations

import abc
import threading
import uuid
import warnings
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from klantregister.domain import (
    Gemeentecode,
    Identificator,
    Klant,
    KlantBestaatAlError,
    KlantNietGevondenError,
    OpslagError,
    VersieconflictError,
    klok01,
)
from klantregister.storage import schema
from klantregister.storage.bewaring import SqlBewaring
from klantregister.storage.delen import BLOK, SqlDelen
from klantregister.storage.logboek import SqlLogboek
from klantregister.storage.rijen import Sleutelrij, klant_rijen, klant_uit_rij
from klantregister.storage.schema import KLANT_KOLOMMEN, SLEUTEL_KOLOMMEN, Dialect

__all__ = ["SqlRepository", "UniekeSchending"]


class UniekeSchending(Exception):  # noqa: N818 (a signal between the adapters, not an error)
    """Raised by a subclass's driver translation when a unique constraint fails."""


class SqlRepository(SqlLogboek, SqlBewaring, SqlDelen, abc.ABC):
    """A repository on a SQL database through a DB-API connection.

    Thread-safe: one re-entrant lock guards the connection, held for a whole
    transaction. Queries are written with ``?`` placeholders; a dialect using
    ``%s`` sets :attr:`_placeholder`.
    """

    _placeholder = "?"
    #: How a dialect starts a transaction.
    _begin_opdracht = "BEGIN"
    #: What makes the ``SELECT`` of a changing klant's versie lock its row until the
    #: transaction ends, where a transaction's reads do not already exclude other writers.
    _vergrendel_rij = ""
    #: The columns of a klant as the reads select them (those of ``KLANT_KOLOMMEN``, in
    #: its order); a dialect may ask for one in a form that is cheaper to read.
    _lees_kolommen = KLANT_KOLOMMEN

    def __init__(self) -> None:
        self._slot = threading.RLock()
        self._diepte = 0
        self._gesloten = False

    def __del__(self) -> None:
        # A connection left open holds a file lock or a server's session until the
        # process ends: say so, as the standard library does for an unclosed file.
        if not getattr(self, "_gesloten", True) and hasattr(self, "_verbinding"):
            warnings.warn(
                f"{self!r} is niet gesloten: roep close() aan, of gebruik een with-blok",
                ResourceWarning,
                stacklevel=2,
                source=self,
            )
            self.close()

    # --- what a dialect supplies ------------------------------------------------

    @abc.abstractmethod
    def _voer_uit(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement; its rows (empty for a statement without).

        Translates a unique violation into :class:`UniekeSchending` and any
        other driver error into :class:`OpslagError`.
        """

    @abc.abstractmethod
    def _voeg_in(self, tabel: str, kolommen: str, rijen: Sequence[Sequence[Any]]) -> None:
        """Insert many rows into ``tabel`` in the dialect's fastest way (the bulk path),
        translating errors as :meth:`_voer_uit`. ``kolommen`` is a constant of this module."""

    def _opdracht(self, sql: str) -> None:
        """Run a statement without parameters or rows (BEGIN, COMMIT...); a dialect may
        have a cheaper way than :meth:`_voer_uit`."""
        self._voer_uit(sql)

    def _begin(self, diepte: int) -> None:
        """Start a transaction (``diepte`` 0) or a savepoint named after the depth."""
        self._opdracht(self._begin_opdracht if diepte == 0 else f"SAVEPOINT s{diepte}")

    def _einde(self, diepte: int, geslaagd: bool) -> None:
        """Commit or roll back what :meth:`_begin` started at this depth."""
        if diepte > 0:
            if not geslaagd:
                self._opdracht(f"ROLLBACK TO SAVEPOINT s{diepte}")
            self._opdracht(f"RELEASE SAVEPOINT s{diepte}")
        elif not geslaagd:
            if self._in_transactie():
                self._opdracht("ROLLBACK")
        else:
            try:
                self._opdracht("COMMIT")
            except OpslagError:
                if self._in_transactie():
                    self._opdracht("ROLLBACK")
                raise

    def _in_transactie(self) -> bool:
        """Whether the database still holds the transaction open: a dialect whose database
        may roll one back by itself (SQLite, on a full disk or an I/O error, also during
        ``COMMIT``) says so, and there is then nothing left to roll back; the error that
        ended it is the one to raise."""
        return True

    @abc.abstractmethod
    def _sluit(self) -> None:
        """Close the connection."""

    @abc.abstractmethod
    def _open_schema(self) -> None:
        """Create the schema in new storage, or check the one there; write nothing to
        storage that is not a klantregister's."""

    def _open_of_sluit(self) -> None:
        """Open the schema on the new connection, or close it again and raise: a refused
        database is left as it was, with no connection held."""
        try:
            self._open_schema()
        except BaseException:
            self._gesloten = True
            self._sluit()
            raise

    def _schema_verouderd(self) -> bool:
        """Whether the schema is of a version older than this release's."""
        return schema.verouderd(self._rijen)

    def _werk_schema_bij(self, dialect: Dialect) -> None:
        """Bring a schema of an older version to this release's, inside the caller's
        transaction (so all of it or nothing, and once among processes). The search keys
        of the klanten there are, new in version 4, are made from their klantgegevens."""
        vanaf = schema.versie_van(self._rijen)
        schema.werk_bij(self._rijen, dialect)
        if vanaf is not None and vanaf < 4:
            self._maak_zoeksleutels()

    def _controleer_schemaversie(self, naam: str) -> None:
        """Refuse a schema this release does not know (``naam`` names the database)."""
        schema.controleer_versie(self._rijen, naam)

    def _sql(self, sql: str) -> str:
        return sql if self._placeholder == "?" else sql.replace("?", self._placeholder)

    def _rijen(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if self._gesloten:
            raise OpslagError("de verbinding met de database is gesloten")
        return self._voer_uit(self._sql(sql), parameters)

    # --- the port -----------------------------------------------------------------

    def transaction(self) -> AbstractContextManager[None]:
        return _Transactie(self)

    def get(self, klant_id: uuid.UUID) -> Klant | None:
        with self._slot:
            # Inside a transaction the register reads what it is about to change:
            # lock the row, so no other process changes it in between.
            vergrendel = self._vergrendel_rij if self._diepte else ""
            rijen = self._rijen(
                f"SELECT {self._lees_kolommen} FROM klant WHERE id = ?{vergrendel}",
                (str(klant_id),),
            )
        return klant_uit_rij(rijen[0]) if rijen else None

    def holder(self, gemeente: Gemeentecode, sleutel_: Identificator) -> uuid.UUID | None:
        with self._slot:
            rijen = self._rijen(
                "SELECT klant_id FROM persoonssleutel "
                "WHERE gemeente = ? AND soort = ? AND waarde = ?",
                (gemeente.waarde, *klok01.sleutel(sleutel_)),
            )
        return uuid.UUID(str(rijen[0][0])) if rijen else None

    def klantnummer_holder(self, gemeente: Gemeentecode, nummer: str) -> uuid.UUID | None:
        with self._slot:
            rijen = self._rijen(
                "SELECT id FROM klant WHERE gemeente = ? AND klantnummer = ?",
                (gemeente.waarde, nummer),
            )
        return uuid.UUID(str(rijen[0][0])) if rijen else None

    def find(self, gemeente: Gemeentecode, identificator: Identificator) -> list[Klant]:
        soort, waarde = klok01.sleutel(identificator)
        kolommen = ", ".join(f"k.{kolom.strip()}" for kolom in self._lees_kolommen.split(","))
        with self._slot:
            personen = self._rijen(
                f"SELECT {kolommen} FROM persoonssleutel s JOIN klant k ON k.id = s.klant_id "
                "WHERE s.gemeente = ? AND s.soort = ? AND s.waarde = ?",
                (gemeente.waarde, soort, waarde),
            )
            organisaties = self._rijen(
                f"SELECT {kolommen} FROM organisatiesleutel s JOIN klant k ON k.id = s.klant_id "
                "WHERE s.gemeente = ? AND s.soort = ? AND s.waarde = ? ORDER BY s.volgorde",
                (gemeente.waarde, soort, waarde),
            )
        return [klant_uit_rij(rij) for rij in (*personen, *organisaties)]

    def holders_many(
        self,
        ids: Collection[uuid.UUID],
        klantnummers: Collection[tuple[Gemeentecode, str]],
        sleutels: Collection[tuple[Gemeentecode, Identificator]],
    ) -> klok01.Houders:
        # A few queries per batch, never one per klant: per kind, per gemeente (and soort of
        # key), the values in lists of at most _IN_LIJST.
        per_nummer: dict[str, dict[str, tuple[Gemeentecode, str]]] = {}
        for gemeente, nummer in klantnummers:
            per_nummer.setdefault(gemeente.waarde, {})[nummer] = (gemeente, nummer)
        per_sleutel: dict[tuple[str, str], dict[str, tuple[Gemeentecode, Identificator]]] = {}
        for gemeente, identificator in sleutels:
            soort, waarde = klok01.sleutel(identificator)
            per_sleutel.setdefault((gemeente.waarde, soort), {})[waarde] = (gemeente, identificator)
        with self._slot, self.transaction():
            # The ids held, by a klant or by one that went into another (never reused).
            gevonden = {
                uuid.UUID(str(rij[0]))
                for tabel in ("klant", "samengevoegd")
                for rij in self._in_lijsten(
                    f"SELECT id FROM {tabel} WHERE ", "id", [str(i) for i in ids]
                )
            }
            nummers = {
                gevraagd[rij[0]]: uuid.UUID(str(rij[1]))
                for code, gevraagd in per_nummer.items()
                for rij in self._in_lijsten(
                    "SELECT klantnummer, id FROM klant WHERE gemeente = ? AND ",
                    "klantnummer",
                    list(gevraagd),
                    (code,),
                )
            }
            houders = {
                gevraagd[rij[0]]: uuid.UUID(str(rij[1]))
                for (code, soort), gevraagd in per_sleutel.items()
                for rij in self._in_lijsten(
                    "SELECT waarde, klant_id FROM persoonssleutel "
                    "WHERE gemeente = ? AND soort = ? AND ",
                    "waarde",
                    list(gevraagd),
                    (code, soort),
                )
            }
        return gevonden, nummers, houders

    def _in_lijsten(
        self, sql: str, kolom: str, waarden: list[Any], vooraf: tuple[Any, ...] = ()
    ) -> Iterator[tuple[Any, ...]]:
        """The rows of ``sql`` followed by ``kolom IN (...)``, the values in lists short
        enough for any database's limit on parameters."""
        for begin in range(0, len(waarden), _IN_LIJST):
            deel = waarden[begin : begin + _IN_LIJST]
            yield from self._rijen(
                f"{sql}{kolom} IN ({', '.join('?' * len(deel))})", (*vooraf, *deel)
            )

    def next_klantnummers(self, gemeente: Gemeentecode, aantal: int = 1) -> list[str]:
        nummers: list[str] = []
        with self.transaction():
            while len(nummers) < aantal:
                # One atomic statement: it takes the counter's row lock until the
                # transaction ends, so no two processes get the same numbers.
                laatste = self._rijen(
                    "INSERT INTO klantnummerteller (gemeente, volgnummer) VALUES (?, ?) "
                    "ON CONFLICT (gemeente) DO UPDATE "
                    "SET volgnummer = klantnummerteller.volgnummer + excluded.volgnummer "
                    "RETURNING volgnummer",
                    (gemeente.waarde, aantal - len(nummers)),
                )[0][0]
                vorige = laatste - (aantal - len(nummers))
                if laatste > klok01.MAX_VOLGNUMMER:
                    raise klok01.klantnummers_op(gemeente)
                # Numbers a caller chose may lie in the range: skip those.
                bezet = {
                    rij[0]
                    for rij in self._rijen(
                        "SELECT klantnummer FROM klant WHERE gemeente = ? "
                        "AND klantnummer BETWEEN ? AND ?",
                        (
                            gemeente.waarde,
                            klok01.klantnummer_voor(vorige + 1),
                            klok01.klantnummer_voor(laatste),
                        ),
                    )
                }
                nummers.extend(
                    nummer
                    for volgnummer in range(vorige + 1, laatste + 1)
                    if (nummer := klok01.klantnummer_voor(volgnummer)) not in bezet
                )
        return nummers

    def add(self, klant: Klant) -> None:
        self.add_many((klant,))

    def add_many(self, klanten: Sequence[Klant]) -> None:
        with self._slot:
            try:
                with self.transaction():
                    self._schrijf(klanten)
            except UniekeSchending:
                # The savepoint is rolled back: find out which klant, and whose key, conflicts.
                self._verklaar_schending(klanten)

    def replace(self, oud: Klant, nieuw: Klant) -> None:
        # Keys left as they were stay put: rewriting them would move the klant
        # behind the other holders of an organisation key.
        nieuwe_sleutels = (oud.gemeente, oud.identificatie) != (nieuw.gemeente, nieuw.identificatie)
        with self._slot:
            try:
                with self.transaction():
                    self._controleer_versie(oud)
                    if nieuwe_sleutels:
                        self._verwijder_sleutels(oud)
                    rij, personen, organisaties = klant_rijen(nieuw)
                    self._rijen(_VERVANG, (*rij[1:], str(oud.id), oud.versie))
                    if nieuwe_sleutels:
                        self._schrijf_sleutels(personen, organisaties)
                    self._vervang_zoeksleutels(oud, nieuw)
            except UniekeSchending:
                self._verklaar_schending((nieuw,), nieuw=False)

    def remove(self, klant: Klant) -> None:
        with self._slot, self.transaction():
            self._controleer_versie(klant)
            self._verwijder_sleutels(klant)
            self._vergeet_gegevens(klant)
            self._rijen("DELETE FROM klant WHERE id = ?", (str(klant.id),))

    def __len__(self) -> int:
        with self._slot:
            return int(self._rijen("SELECT count(*) FROM klant")[0][0])

    def __iter__(self) -> Iterator[Klant]:
        # The klanten registered when iteration starts, as the register promises: without
        # this bound, a caller registering while iterating would never reach the end.
        return self._tot_en_met(self.laatste_volgorde())

    def _tot_en_met(self, laatste: int) -> Iterator[Klant]:
        # The register in one part: page by page, each page its own query (SqlDelen).
        return (klant for _, klant in self._deel(0, 1, laatste, BLOK))

    def __contains__(self, klant_id: object) -> bool:
        if not isinstance(klant_id, uuid.UUID):
            return False
        with self._slot:
            return bool(self._rijen("SELECT 1 FROM klant WHERE id = ?", (str(klant_id),)))

    def gemeenten(self) -> int:
        with self._slot:
            return int(self._rijen("SELECT count(DISTINCT gemeente) FROM klant")[0][0])

    def close(self) -> None:
        with self._slot:
            if not self._gesloten:
                self._gesloten = True
                self._sluit()

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    # --- the writes -----------------------------------------------------------------

    def _schrijf(self, klanten: Sequence[Klant]) -> None:
        klantrijen = []
        personen: list[Sleutelrij] = []
        organisaties: list[Sleutelrij] = []
        for klant in klanten:
            rij, p, o = klant_rijen(klant)
            klantrijen.append(rij)
            personen += p
            organisaties += o
        self._voeg_in("klant", KLANT_KOLOMMEN, klantrijen)
        self._schrijf_sleutels(personen, organisaties)
        self._schrijf_zoeksleutels(klanten)

    def _schrijf_sleutels(self, personen: list[Sleutelrij], organisaties: list[Sleutelrij]) -> None:
        if personen:
            self._voeg_in("persoonssleutel", SLEUTEL_KOLOMMEN, personen)
        if organisaties:
            self._voeg_in("organisatiesleutel", SLEUTEL_KOLOMMEN, organisaties)

    def _verwijder_sleutels(self, klant: Klant) -> None:
        self._rijen("DELETE FROM persoonssleutel WHERE klant_id = ?", (str(klant.id),))
        self._rijen("DELETE FROM organisatiesleutel WHERE klant_id = ?", (str(klant.id),))

    def _controleer_versie(self, klant: Klant) -> None:
        # Locked: another process changing the same klant waits for this transaction,
        # then reads the new versie, so two cannot both change (or erase) versie n.
        rijen = self._rijen(
            f"SELECT versie FROM klant WHERE id = ?{self._vergrendel_rij}", (str(klant.id),)
        )
        if not rijen:
            raise KlantNietGevondenError(klant.id)
        if rijen[0][0] != klant.versie:
            raise VersieconflictError(klant.id, klant.versie, rijen[0][0])

    def _verklaar_schending(self, klanten: Sequence[Klant], *, nieuw: bool = True) -> None:
        """Raise the register's error for the first klant whose id (of ``nieuw`` klanten),
        key or number is held."""
        gezien: dict[tuple[str, str, str], uuid.UUID] = {}
        nummers: dict[tuple[str, str], uuid.UUID] = {}
        ids: set[uuid.UUID] = set()
        for klant in klanten:
            if nieuw and (klant.id in ids or self.get(klant.id) is not None):
                raise KlantBestaatAlError(klant.id)
            ids.add(klant.id)
            houder = self.klantnummer_holder(klant.gemeente, klant.klantnummer)
            houder = houder or nummers.get((klant.gemeente.waarde, klant.klantnummer))
            if houder is not None and houder != klant.id:
                raise klok01.klantnummer_in_gebruik(klant.gemeente, houder)
            nummers[(klant.gemeente.waarde, klant.klantnummer)] = klant.id
            identificatie = klant.identificatie
            for identificator in () if identificatie is None else identificatie.persoonssleutels:
                soort, waarde = klok01.sleutel(identificator)
                houder = self.holder(klant.gemeente, identificator)
                houder = houder or gezien.get((klant.gemeente.waarde, soort, waarde))
                if houder is not None and houder != klant.id:
                    raise klok01.regel_1_fout(klant.gemeente, houder, identificator)
                gezien[(klant.gemeente.waarde, soort, waarde)] = klant.id
        raise OpslagError("een unieke sleutel van de database werd geschonden, maar welke niet")


#: The most values one ``IN (...)`` of :meth:`SqlRepository.holders_many` holds (SQLite
#: before 3.32 takes at most 999 parameters in a statement).
_IN_LIJST = 900

#: Every column of a klant row but its id, from the new klant's row.
_VERVANG = (
    "UPDATE klant SET "
    + ", ".join(f"{kolom.strip()} = ?" for kolom in KLANT_KOLOMMEN.split(",")[1:])
    + " WHERE id = ? AND versie = ?"
)


class _Transactie:
    """One level of :meth:`SqlRepository.transaction`: a transaction, or a savepoint in one."""

    __slots__ = ("_diepte", "_repository")

    def __init__(self, repository: SqlRepository) -> None:
        self._repository = repository
        self._diepte = 0

    def __enter__(self) -> None:
        repository = self._repository
        repository._slot.acquire()
        if repository._gesloten:
            repository._slot.release()
            raise OpslagError("de verbinding met de database is gesloten")
        self._diepte = repository._diepte
        try:
            repository._begin(self._diepte)
        except BaseException:
            repository._slot.release()
            raise
        repository._diepte += 1

    def __exit__(self, soort: object, fout: BaseException | None, traceback: object) -> None:
        repository = self._repository
        repository._diepte -= 1
        try:
            repository._einde(self._diepte, geslaagd=fout is None)
        finally:
            repository._slot.release()
