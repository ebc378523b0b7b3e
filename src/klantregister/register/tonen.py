"""How a register shows itself: as records for a DataFrame, as HTML in a notebook, as a
repr, and as a container of klanten (``len``, iteration, ``in``).

A mixin of :class:`~klantregister.KlantRegister`, which holds the storage, the lock
and whether it is closed; these read them, and never show an identifier in full
unless asked.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator

from klantregister.display import gesloten_register_html, record, register_html
from klantregister.domain import Klant, OngeldigFormaatError, typefout
from klantregister.domain import klant_id as klant_id_
from klantregister.register.ports import KlantRepository
from klantregister.storage import MemoryRepository

__all__ = ["RegisterWeergave"]


class RegisterWeergave:
    """The register's views; the register provides the attributes below."""

    _store: KlantRepository
    _lock: threading.Lock
    _gesloten: bool

    def __len__(self) -> int:
        with self._lock:
            return len(self._store)

    def __iter__(self) -> Iterator[Klant]:
        """The klanten, in order of registration; a snapshot taken when iteration starts."""
        with self._lock:
            return iter(self._store)

    def __contains__(self, klant_id: object) -> bool:
        if not isinstance(klant_id, uuid.UUID | str):
            return False
        try:
            sleutel = klant_id_(klant_id)
        except OngeldigFormaatError:
            return False
        with self._lock:
            return sleutel in self._store

    def to_records(self, *, volledig: bool = False) -> list[dict[str, object]]:
        """Every klant as a flat dict of plain values, in order of registration.

        Made for ``pandas.DataFrame(register.to_records())`` (pandas is not
        needed for anything else). Each dict has the same keys in the same
        order, ``None`` where nothing is given (``docs/api.md`` lists them): the
        klant's id, gemeente, klantnummer and versie, its identifiers, its
        kenmerken, then every field of :class:`Klantgegevens`, an address's
        flattened (``adres_straatnaam``, ``correspondentieadres_huisnummer``).

        By default the records show what a ``repr`` shows, so they are safe to
        display in a notebook: a BSN, an A-nummer and a foreign number masked
        but their last digits, and every run of six or more digits in the
        klantgegevens' text masked too (a BSN may have been typed into a name
        field; a telephone number is masked as well). ``volledig=True`` gives
        every value in full, as stored: that is personal data (KLUIT06, the
        AVG), so keep such a table out of shared notebooks and logs.

        A list, not an iterator (a DataFrame holds every row anyway); to stream, iterate.

        >>> from klantregister import Authenticatie, Identificatie, KlantRegister
        >>> register = KlantRegister()
        >>> _ = register.registreer(
        ...     "0363",
        ...     identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
        ...     authenticatie=Authenticatie("substantieel", "DigiD", subject="111222333"),
        ... )
        >>> register.to_records()[0]["bsn"], register.to_records(volledig=True)[0]["bsn"]
        ('******333', '111222333')
        """
        if not isinstance(volledig, bool):
            # Anything but True keeps the data masked; refuse a value that only looks like it.
            raise typefout("volledig", "True of False", volledig)
        return [record(klant, volledig=volledig) for klant in self]

    def _repr_html_(self) -> str:
        """A summary and the first klanten as HTML tables in Jupyter, identifiers masked.

        The counts take one pass over the register; only the first
        :data:`~klantregister.display.html.RIJEN` klanten are rendered.
        """
        with self._lock:
            if self._gesloten:
                return gesloten_register_html()
            klanten = iter(self._store)
        return register_html(klanten)

    def __repr__(self) -> str:
        # No I/O (a repr may be taken while the storage is down, or in a log line): the
        # counts of a register in memory, or else the storage's own repr.
        if self._gesloten:
            return "<KlantRegister gesloten>"
        store = self._store
        if isinstance(store, MemoryRepository):
            with self._lock:
                return f"<KlantRegister gemeenten={store.gemeenten()} klanten={len(store)}>"
        return f"<KlantRegister {store!r}>"
