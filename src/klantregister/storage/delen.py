"""Reading a SQL register in parts, each in a process of its own: what ``export --jobs``
reads.

The klanten are cut into blocks of :data:`BLOK` consecutive registration numbers (the
``volgorde`` every klant row has); part ``index`` of ``aantal`` holds the blocks whose
number leaves ``index`` when divided by ``aantal``. So every klant is in exactly one part,
whatever was registered or erased meanwhile, and each part gives its klanten in
registration order with the number of their block: the parts side by side, block by
block, are the register in its order.

A mixin of :class:`~klantregister.storage.sql.SqlRepository`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from klantregister.domain import Klant, OngeldigeWaardeError, OpslagError, toon
from klantregister.storage.rijen import klant_uit_rij

__all__ = ["BLOK", "OnleesbareKlantError", "SqlDelen"]

#: How many consecutive registration numbers a block spans.
BLOK = 1000
#: How many rows a part reads at a time.
_PAGINA = 1000


#: The largest number either database holds in an integer (a bigint).
_GROOTSTE = 2**63 - 1


def _geheel(naam: str, waarde: object, laagste: int) -> int:
    if type(waarde) is not int or not laagste <= waarde <= _GROOTSTE:
        raise OngeldigeWaardeError(
            naam, f"{toon(waarde)} is geen geheel getal van {laagste} tot en met {_GROOTSTE}"
        )
    return waarde


class OnleesbareKlantError(OpslagError):
    """A klant that cannot be read, met reading the register (in parts or whole); ``blok``
    is the number of its block, where a reader in parts ends as a reader of the whole would."""

    def __init__(self, melding: str, blok: int) -> None:
        super().__init__(melding)
        self.blok = blok


class SqlDelen:
    """A SQL register read in parts."""

    if TYPE_CHECKING:  # what the repository provides
        _slot: threading.RLock
        _lees_kolommen: str
        _placeholder: str

        def _rijen(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def laatste_volgorde(self) -> int:
        """The registration number of the last klant there is (-1 with none): the bound of
        parts that read what is there now, as iteration does."""
        with self._slot:
            laatste = self._rijen("SELECT max(volgorde) FROM klant")[0][0]
        return -1 if laatste is None else int(laatste)

    def deel(
        self, index: int, aantal: int, tot_en_met: int, *, blok: int = BLOK
    ) -> Iterator[tuple[int, Klant]]:
        """Part ``index`` (from 0) of ``aantal``: its klanten up to registration number
        ``tot_en_met``, in registration order, each with the number of its block of
        ``blok`` registration numbers. Page by page, as iteration reads.

        Raises :class:`~klantregister.OngeldigeWaardeError` for an index out of range or
        a count or block size below 1.
        """
        aantal = _geheel("aantal", aantal, 1)
        if _geheel("index", index, 0) >= aantal:
            raise OngeldigeWaardeError(
                "index", f"{toon(index)} is niet kleiner dan aantal ({toon(aantal)})"
            )
        blok = _geheel("blok", blok, 1)
        tot_en_met = _geheel("tot_en_met", tot_en_met, -1)
        return self._deel(index, aantal, tot_en_met, blok)

    def _deel(
        self, index: int, aantal: int, tot_en_met: int, blok: int
    ) -> Iterator[tuple[int, Klant]]:
        # Page by page, each page its own query, so the connection is never held between
        # pages and changes meanwhile do no harm. A part reads its own blocks only: after
        # each, the first of its blocks at or after the next klant there is.
        nummer = index  # the block being read
        vorige = -1  # the last registration number read of it
        while (begin := max(nummer * blok, vorige + 1)) <= tot_en_met:
            einde = tot_en_met if aantal == 1 else min(nummer * blok + blok - 1, tot_en_met)
            with self._slot:
                rijen = self._rijen(
                    f"SELECT volgorde, {self._lees_kolommen} FROM klant "
                    f"WHERE volgorde >= ? AND volgorde <= ? ORDER BY volgorde LIMIT {_PAGINA}",
                    (begin, einde),
                )
            for rij in rijen:
                try:
                    klant = klant_uit_rij(rij[1:])
                except OpslagError as fout:
                    raise OnleesbareKlantError(str(fout), rij[0] // blok) from None
                yield rij[0] // blok, klant
            if len(rijen) == _PAGINA:
                vorige = rijen[-1][0]
                continue  # more of this block (in one part: of the register)
            if aantal == 1 or einde >= tot_en_met:
                return
            with self._slot:
                volgende = self._rijen(
                    "SELECT min(volgorde) FROM klant WHERE volgorde > ? AND volgorde <= ?",
                    (einde, tot_en_met),
                )
            if volgende[0][0] is None:
                return
            eerste = int(volgende[0][0]) // blok
            nummer, vorige = eerste + (index - eerste) % aantal, -1
