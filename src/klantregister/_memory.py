"""In-memory storage of klanten with the indexes the KLOK01 rules need.

This is the register's default storage and the narrow seam behind which the
persistent adapters will sit. It is not thread-safe on its own: the register
serialises every call. It checks nothing; the register decides what may be
stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import attrs

from klantregister._errors import KlantregisterError
from klantregister._identificatie import Identificator, Subjectsoort
from klantregister._identifiers import Gemeentecode
from klantregister._klant import Klant

__all__ = ["MemoryStore"]

_MAX_VOLGNUMMER = 99_999_999  # klantnummers have at most 8 characters


@attrs.define(repr=False)
class MemoryStore:
    """Klanten by id, with per-gemeente indexes on every identifier and klantnummer."""

    # The per-gemeente indexes are keyed by the code's string: its hash is cached.
    _klanten: dict[UUID, Klant] = attrs.field(factory=dict)
    # Natural-person keys: at most one klant per key per gemeente (rule 1).
    _personen: dict[str, dict[Identificator, UUID]] = attrs.field(factory=dict)
    # Organisation keys: any number of klanten per key (rule 2), in the order they were
    # registered or had their identificatie corrected.
    _organisaties: dict[str, dict[Identificator, list[UUID]]] = attrs.field(factory=dict)
    _klantnummers: dict[str, dict[str, UUID]] = attrs.field(factory=dict)
    _volgnummers: dict[str, int] = attrs.field(factory=dict)

    def get(self, klant_id: UUID) -> Klant | None:
        return self._klanten.get(klant_id)

    def holder(self, gemeente: Gemeentecode, sleutel: Identificator) -> UUID | None:
        """The id of the klant holding this natural-person key in the gemeente."""
        index = self._personen.get(gemeente.waarde)
        return None if index is None else index.get(sleutel)

    def klantnummer_holder(self, gemeente: Gemeentecode, nummer: str) -> UUID | None:
        index = self._klantnummers.get(gemeente.waarde)
        return None if index is None else index.get(nummer)

    def find(self, gemeente: Gemeentecode, identificator: Identificator) -> list[Klant]:
        """The klanten of the gemeente holding this identifier, person before organisation."""
        ids: list[UUID] = []
        personen = self._personen.get(gemeente.waarde)
        if personen is not None and (houder := personen.get(identificator)) is not None:
            ids.append(houder)
        organisaties = self._organisaties.get(gemeente.waarde)
        if organisaties is not None:
            ids.extend(organisaties.get(identificator, ()))
        return [self._klanten[klant_id] for klant_id in ids]

    def next_klantnummer(self, gemeente: Gemeentecode) -> str:
        """A klantnummer not yet given in the gemeente: the next free number of 8 digits."""
        bezet = self._klantnummers.get(gemeente.waarde, {})
        volgnummer = self._volgnummers.get(gemeente.waarde, 0)
        while volgnummer < _MAX_VOLGNUMMER:
            volgnummer += 1
            nummer = f"{volgnummer:08d}"
            if nummer not in bezet:
                self._volgnummers[gemeente.waarde] = volgnummer
                return nummer
        raise KlantregisterError(
            f"gemeente {gemeente} heeft alle {_MAX_VOLGNUMMER:,} klantnummers van 8 cijfers "
            "uitgegeven; geef een klantnummer op"
        )

    def add(self, klant: Klant) -> None:
        self._klanten[klant.id] = klant
        self._index(klant)

    def replace(self, oud: Klant, nieuw: Klant) -> None:
        if (oud.gemeente, oud.klantnummer, oud.identificatie) == (
            nieuw.gemeente,
            nieuw.klantnummer,
            nieuw.identificatie,
        ):
            # Same keys: re-indexing would move the klant behind the other
            # holders of an organisation key.
            self._klanten[nieuw.id] = nieuw
            return
        self._unindex(oud)
        self._klanten[nieuw.id] = nieuw
        self._index(nieuw)

    def remove(self, klant: Klant) -> None:
        self._unindex(klant)
        del self._klanten[klant.id]

    def __len__(self) -> int:
        return len(self._klanten)

    def __iter__(self) -> Iterator[Klant]:
        # A snapshot, so a caller may change the register while iterating.
        return iter(list(self._klanten.values()))

    def __contains__(self, klant_id: UUID) -> bool:
        return klant_id in self._klanten

    def gemeenten(self) -> int:
        """How many gemeenten hold at least one klant."""
        return sum(1 for nummers in self._klantnummers.values() if nummers)

    def _index(self, klant: Klant) -> None:
        gemeente = klant.gemeente.waarde
        self._klantnummers.setdefault(gemeente, {})[klant.klantnummer] = klant.id
        identificatie = klant.identificatie
        if identificatie is None:
            return
        if identificatie.soort is Subjectsoort.NATUURLIJK_PERSOON:
            personen = self._personen.setdefault(gemeente, {})
            for sleutel in identificatie.identificatoren:
                personen[sleutel] = klant.id
        else:
            organisaties = self._organisaties.setdefault(gemeente, {})
            for sleutel in identificatie.identificatoren:
                organisaties.setdefault(sleutel, []).append(klant.id)

    def _unindex(self, klant: Klant) -> None:
        gemeente = klant.gemeente.waarde
        del self._klantnummers[gemeente][klant.klantnummer]
        identificatie = klant.identificatie
        if identificatie is None:
            return
        if identificatie.soort is Subjectsoort.NATUURLIJK_PERSOON:
            personen = self._personen[gemeente]
            for sleutel in identificatie.identificatoren:
                del personen[sleutel]
        else:
            organisaties = self._organisaties[gemeente]
            for sleutel in identificatie.identificatoren:
                houders = organisaties[sleutel]
                houders.remove(klant.id)
                if not houders:
                    del organisaties[sleutel]
