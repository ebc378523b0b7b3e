"""The processing log in a SQL database: the ``verwerking`` table, written in the
transaction of the operation it logs, and the key of its pseudonyms.

A mixin of :class:`~klantregister.storage.sql.SqlRepository`: the register writes a
:class:`~klantregister.Verwerking` inside the transaction in which it stores what it
logs, so a crash or a rollback keeps both or neither.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from klantregister.domain import OpslagError, Verwerking
from klantregister.storage.schema import VERWERKING_KOLOMMEN

__all__ = ["SqlLogboek"]

_PLAATSEN = ", ".join("?" * (VERWERKING_KOLOMMEN.count(",") + 1))


class SqlLogboek:
    """The Logboek port of the SQL repositories."""

    if TYPE_CHECKING:  # what the repository provides
        _diepte: int

        def _voer_uit(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...
        def _voeg_in(self, tabel: str, kolommen: str, rijen: Sequence[Sequence[Any]]) -> None: ...
        def _sql(self, sql: str) -> str: ...
        def transaction(self) -> AbstractContextManager[None]: ...

    #: Whether the driver takes and gives a moment as a ``datetime`` (else as ISO text).
    _tijdstip_als_tekst = True

    def schrijf_verwerkingen(self, verwerkingen: Sequence[Verwerking]) -> None:
        """Insert the entries, in the caller's transaction (one statement for one entry,
        the bulk insert for more)."""
        rijen = [self._verwerking_rij(v) for v in verwerkingen]
        if len(rijen) == 1:
            self._voer_uit(
                self._sql(f"INSERT INTO verwerking ({VERWERKING_KOLOMMEN}) VALUES ({_PLAATSEN})"),
                rijen[0],
            )
        elif rijen:
            self._voeg_in("verwerking", VERWERKING_KOLOMMEN, rijen)

    def verwerkingen(self, klant_id: uuid.UUID | None = None) -> Iterator[Verwerking]:
        """The entries in the order written; of one klant if given. Read a page at a time."""
        laatste = 0
        voorwaarde = "" if klant_id is None else " AND klant_id = ?"
        while True:
            parameters: list[Any] = [laatste]
            if klant_id is not None:
                parameters.append(str(klant_id))
            rijen = self._voer_uit(
                self._sql(
                    f"SELECT volgorde, {VERWERKING_KOLOMMEN} FROM verwerking "
                    f"WHERE volgorde > ?{voorwaarde} ORDER BY volgorde LIMIT 1000"
                ),
                parameters,
            )
            if not rijen:
                return
            for rij in rijen:
                yield self._verwerking_uit(rij[1:])
            laatste = rijen[-1][0]

    def logsleutel(self) -> bytes:
        """The key of the log's pseudonyms when the register is given none: 32 random bytes
        made once for this database and kept in it (``klantregister_logsleutel``). Whoever
        reads the database can then compute a pseudonym; pass a key of your own (kept
        elsewhere) for pseudonyms the database alone does not reveal.

        The key is made only outside a transaction, in one of its own that commits: made in
        a caller's transaction that then rolls back, it would be gone while pseudonyms made
        with it were kept. The register asks for it when it is built."""
        rijen = self._voer_uit("SELECT sleutel FROM klantregister_logsleutel WHERE nr = 1")
        if rijen:
            return bytes(rijen[0][0])
        if self._diepte > 0:
            raise OpslagError(
                "de sleutel van het logboek is nog niet gemaakt: open het register buiten een "
                "transactie, of geef het een logsleutel"
            )
        with self.transaction():
            self._voer_uit(
                self._sql(
                    "INSERT INTO klantregister_logsleutel (nr, sleutel) VALUES (1, ?) "
                    "ON CONFLICT (nr) DO NOTHING"
                ),
                (os.urandom(32),),
            )
            rijen = self._voer_uit("SELECT sleutel FROM klantregister_logsleutel WHERE nr = 1")
        if len(rijen) != 1:
            raise OpslagError("de sleutel van het logboek ontbreekt")
        return bytes(rijen[0][0])

    def _verwerking_rij(self, v: Verwerking) -> tuple[Any, ...]:
        tijdstip: object = v.tijdstip.isoformat() if self._tijdstip_als_tekst else v.tijdstip
        return (
            str(v.id),
            v.handeling.value,
            tijdstip,
            v.gemeente.waarde,
            None if v.klant_id is None else str(v.klant_id),
            v.betrokkene,
            v.betrokkene_soort,
            None if v.niveau is None else v.niveau.name.lower(),
            v.middel,
            v.subject,
            v.namens,
            None if v.grondslag is None else v.grondslag.value,
            v.overname,
            v.doel,
            v.trace_id,
        )

    def _verwerking_uit(self, rij: Sequence[Any]) -> Verwerking:
        (id_, handeling, tijdstip, gemeente, klant_id, *rest) = rij
        try:
            if isinstance(tijdstip, str):
                tijdstip = dt.datetime.fromisoformat(tijdstip)
            return Verwerking(
                str(id_),
                handeling,
                tijdstip,
                gemeente,
                None if klant_id is None else str(klant_id),
                *(None if waarde is None else str(waarde).strip() for waarde in rest),
            )
        except (ValueError, TypeError) as fout:
            raise OpslagError(f"verwerking {id_} is onleesbaar opgeslagen: {fout}") from None
