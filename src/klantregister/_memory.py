"""The in-memory repository: the default storage, and the model for the others.

It keeps the klanten in dicts, with per-gemeente indexes on every identifier
and klantnummer, and enforces the same uniqueness as the SQL schemas' unique
constraints. It is not thread-safe on its own: the register serialises every
call.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import TracebackType
from uuid import UUID

import attrs

from klantregister._errors import (
    KardinaliteitError,
    KlantNietGevondenError,
    KlantnummerInGebruikError,
    KlantregisterError,
    VersieconflictError,
)
from klantregister._identificatie import Identificator, Subjectsoort
from klantregister._identifiers import Gemeentecode
from klantregister._klant import Klant

__all__ = ["MAX_VOLGNUMMER", "MemoryRepository", "klantnummer_op", "regel_1_melding"]

#: Generated klantnummers are 8 digits, so a gemeente has this many.
MAX_VOLGNUMMER = 99_999_999


def klantnummer_op(gemeente: Gemeentecode) -> KlantregisterError:
    """The error for a gemeente whose generated klantnummers are used up."""
    return KlantregisterError(
        f"gemeente {gemeente} heeft alle {MAX_VOLGNUMMER:,} klantnummers van 8 cijfers "
        "uitgegeven; geef een klantnummer op"
    )


def regel_1_melding(gemeente: Gemeentecode, houder: UUID, sleutel: Identificator) -> str:
    """The message of a rule-1 conflict; the key is shown masked."""
    return (
        f"er is in gemeente {gemeente} al een klant ({houder}) gerelateerd aan "
        f"deze natuurlijk persoon ({type(sleutel).__name__} {sleutel})"
    )


class _Transactie:
    """A transaction of the memory repository (a class: @contextmanager is slow here)."""

    __slots__ = ("_repository", "_volgnummers")

    def __init__(self, repository: MemoryRepository) -> None:
        self._repository = repository
        self._volgnummers: dict[str, int] = {}

    def __enter__(self) -> None:
        self._volgnummers = dict(self._repository._volgnummers)

    def __exit__(
        self,
        soort: type[BaseException] | None,
        fout: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if fout is not None:
            self._repository._volgnummers = self._volgnummers


@attrs.define(repr=False, eq=False)
class MemoryRepository:
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

    def transaction(self) -> _Transactie:
        """Every write checks before it changes anything; only the klantnummer
        counters need putting back when the operation fails later."""
        return _Transactie(self)

    def get(self, klant_id: UUID) -> Klant | None:
        return self._klanten.get(klant_id)

    def holder(self, gemeente: Gemeentecode, sleutel: Identificator) -> UUID | None:
        index = self._personen.get(gemeente.waarde)
        return None if index is None else index.get(sleutel)

    def klantnummer_holder(self, gemeente: Gemeentecode, nummer: str) -> UUID | None:
        index = self._klantnummers.get(gemeente.waarde)
        return None if index is None else index.get(nummer)

    def find(self, gemeente: Gemeentecode, identificator: Identificator) -> list[Klant]:
        ids: list[UUID] = []
        personen = self._personen.get(gemeente.waarde)
        if personen is not None and (houder := personen.get(identificator)) is not None:
            ids.append(houder)
        organisaties = self._organisaties.get(gemeente.waarde)
        if organisaties is not None:
            ids.extend(organisaties.get(identificator, ()))
        return [self._klanten[klant_id] for klant_id in ids]

    def next_klantnummers(self, gemeente: Gemeentecode, aantal: int = 1) -> list[str]:
        bezet = self._klantnummers.get(gemeente.waarde, {})
        volgnummer = self._volgnummers.get(gemeente.waarde, 0)
        nummers: list[str] = []
        while len(nummers) < aantal:
            if volgnummer >= MAX_VOLGNUMMER:
                raise klantnummer_op(gemeente)
            volgnummer += 1
            nummer = f"{volgnummer:08d}"
            if nummer not in bezet:
                nummers.append(nummer)
        self._volgnummers[gemeente.waarde] = volgnummer
        return nummers

    def add(self, klant: Klant) -> None:
        self._controleer_uniek(klant)
        self._klanten[klant.id] = klant
        self._index(klant)

    def add_many(self, klanten: Sequence[Klant]) -> None:
        # All or none: check the batch against the store and against itself first.
        nieuw = MemoryRepository()
        for klant in klanten:
            self._controleer_uniek(klant)
            nieuw.add(klant)
        for klant in klanten:
            self._klanten[klant.id] = klant
            self._index(klant)

    def replace(self, oud: Klant, nieuw: Klant) -> None:
        self._controleer_versie(oud)
        if (oud.gemeente, oud.klantnummer, oud.identificatie) == (
            nieuw.gemeente,
            nieuw.klantnummer,
            nieuw.identificatie,
        ):
            # Same keys: re-indexing would move the klant behind the other
            # holders of an organisation key.
            self._klanten[nieuw.id] = nieuw
            return
        self._controleer_uniek(nieuw)
        self._unindex(oud)
        self._klanten[nieuw.id] = nieuw
        self._index(nieuw)

    def remove(self, klant: Klant) -> None:
        self._controleer_versie(klant)
        self._unindex(klant)
        del self._klanten[klant.id]

    def __len__(self) -> int:
        return len(self._klanten)

    def __iter__(self) -> Iterator[Klant]:
        # A snapshot, so a caller may change the register while iterating.
        return iter(list(self._klanten.values()))

    def __contains__(self, klant_id: object) -> bool:
        return klant_id in self._klanten

    def gemeenten(self) -> int:
        return sum(1 for nummers in self._klantnummers.values() if nummers)

    def close(self) -> None:
        """Nothing to release."""

    def __repr__(self) -> str:
        return f"<MemoryRepository klanten={len(self._klanten)}>"

    def _controleer_uniek(self, klant: Klant) -> None:
        """The unique constraints of the SQL schemas, for a klant about to be stored."""
        houder = self.klantnummer_holder(klant.gemeente, klant.klantnummer)
        if houder is not None and houder != klant.id:
            raise KlantnummerInGebruikError(
                f"klantnummer is in gemeente {klant.gemeente} al gegeven", houder
            )
        if klant.identificatie is None:
            return
        for sleutel in klant.identificatie.persoonssleutels:
            houder = self.holder(klant.gemeente, sleutel)
            if houder is not None and houder != klant.id:
                raise KardinaliteitError(
                    1, regel_1_melding(klant.gemeente, houder, sleutel), houder
                )

    def _controleer_versie(self, klant: Klant) -> None:
        opgeslagen = self._klanten.get(klant.id)
        if opgeslagen is None:
            raise KlantNietGevondenError(klant.id)
        if opgeslagen.versie != klant.versie:
            raise VersieconflictError(klant.id, klant.versie, opgeslagen.versie)

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
