"""What the SQL repositories keep for issue 13: the search keys of contact data
(``zoeksleutel``), the klanten that went into another (``samengevoegd``) and the query of
the klanten expired; the optional parts of the port a register uses where it finds them.

A mixin of :class:`~klantregister.storage.sql.SqlRepository`.
"""

from __future__ import annotations

import datetime
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from klantregister.domain import Gemeentecode, Klant, Zoeksleutel
from klantregister.storage.rijen import klant_uit_rij, zoekrijen
from klantregister.storage.schema import SLEUTEL_KOLOMMEN

__all__ = ["SqlBewaring"]


class SqlBewaring:
    """Search keys, merges and retention in a SQL database."""

    if TYPE_CHECKING:  # what the repository provides
        _slot: threading.RLock
        _lees_kolommen: str

        def _rijen(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...
        def _voeg_in(self, tabel: str, kolommen: str, rijen: Sequence[Sequence[Any]]) -> None: ...
        def _tot_en_met(self, laatste: int) -> Iterator[Klant]: ...
        def laatste_volgorde(self) -> int: ...
        def transaction(self) -> AbstractContextManager[None]: ...

    #: A parameter compared with a date column (PostgreSQL casts it; SQLite compares text).
    _datum = "?"

    def _maak_zoeksleutels(self) -> None:
        """The search keys of every klant there is (an upgrade from before version 4)."""
        for klant in self._tot_en_met(self.laatste_volgorde()):
            self._schrijf_zoeksleutels((klant,))

    def _schrijf_zoeksleutels(self, klanten: Sequence[Klant]) -> None:
        """The search keys of new klanten."""
        if rijen := [rij for klant in klanten for rij in zoekrijen(klant)]:
            self._voeg_in("zoeksleutel", SLEUTEL_KOLOMMEN, rijen)

    def _vervang_zoeksleutels(self, oud: Klant, nieuw: Klant) -> None:
        """The search keys of a klant changed, where its contact data (or gemeente) did."""
        if (oud.gemeente, oud.klantgegevens) != (nieuw.gemeente, nieuw.klantgegevens):
            self._rijen("DELETE FROM zoeksleutel WHERE klant_id = ?", (str(oud.id),))
            self._schrijf_zoeksleutels((nieuw,))

    def _vergeet_gegevens(self, klant: Klant) -> None:
        """What goes with a klant erased: its search keys, and the record of the klanten
        that went into it (it is no longer there to have gone into)."""
        self._rijen("DELETE FROM zoeksleutel WHERE klant_id = ?", (str(klant.id),))
        self._rijen("DELETE FROM samengevoegd WHERE opgegaan_in = ?", (str(klant.id),))

    # --- contact data, merges and retention (optional parts of the port) -------------

    def find_by_gegevens(
        self, gemeente: Gemeentecode, gevraagd: Sequence[Zoeksleutel]
    ) -> list[Klant]:
        """The klanten of the gemeente holding every search key asked for, in order of
        registration: one query on the index of ``zoeksleutel``."""
        if not gevraagd:
            return []
        paren = " OR ".join(["(soort = ? AND waarde = ?)"] * len(gevraagd))
        with self._slot:
            rijen = self._rijen(
                f"SELECT {self._lees_kolommen} FROM klant WHERE id IN ("
                f"SELECT klant_id FROM zoeksleutel WHERE gemeente = ? AND ({paren}) "
                "GROUP BY klant_id HAVING count(DISTINCT soort) = ?) ORDER BY volgorde",
                (
                    gemeente.waarde,
                    *(w for sleutel in gevraagd for w in sleutel),
                    len({soort for soort, _ in gevraagd}),
                ),
            )
        return [klant_uit_rij(rij) for rij in rijen]

    def note_merge(self, opgaan: uuid.UUID, behouden: uuid.UUID) -> None:
        """Remember that ``opgaan`` went into ``behouden``, and so did every klant that had
        gone into ``opgaan``: one step to the klant they are part of now."""
        with self._slot, self.transaction():
            self._rijen(
                "UPDATE samengevoegd SET opgegaan_in = ? WHERE opgegaan_in = ?",
                (str(behouden), str(opgaan)),
            )
            # An id registered again after it went into another klant has a row already.
            self._rijen("DELETE FROM samengevoegd WHERE id = ?", (str(opgaan),))
            self._rijen(
                "INSERT INTO samengevoegd (id, opgegaan_in) VALUES (?, ?)",
                (str(opgaan), str(behouden)),
            )

    def has_merges(self) -> bool:
        """Whether any klant went into another (its id is held by that one): one probe."""
        with self._slot:
            return bool(self._rijen("SELECT 1 FROM samengevoegd LIMIT 1"))

    def merged_into(self, klant_id: uuid.UUID) -> uuid.UUID | None:
        """The klant ``klant_id`` went into, if it did (and that one is still there)."""
        with self._slot:
            rijen = self._rijen(
                "SELECT opgegaan_in FROM samengevoegd WHERE id = ?", (str(klant_id),)
            )
        return uuid.UUID(str(rijen[0][0])) if rijen else None

    def expired(self, peildatum: datetime.date, termijn: datetime.timedelta | None) -> list[Klant]:
        """The klanten :func:`~klantregister.domain.verlopen` says are expired on
        ``peildatum``, in order of registration: one query on the dates' indexes."""
        zelfstandig = ""
        parameters: list[str] = [peildatum.isoformat()]
        # A term longer than peildatum is past date.min has expired no klant yet (and
        # peildatum - termijn would lie before date.min).
        if termijn is not None and termijn <= peildatum - datetime.date.min:
            zelfstandig = (
                f" OR (bewaren_tot IS NULL AND soort IS NULL AND geregistreerd_op <= {self._datum})"
            )
            parameters.append((peildatum - termijn).isoformat())
        with self._slot:
            rijen = self._rijen(
                f"SELECT {self._lees_kolommen} FROM klant WHERE bewaren_tot <= {self._datum}"
                f"{zelfstandig} ORDER BY volgorde",
                parameters,
            )
        return [klant_uit_rij(rij) for rij in rijen]
