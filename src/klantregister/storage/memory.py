"""The in-memory repository: the default storage, and the model for the others.

It keeps the klanten in dicts, with per-gemeente indexes on every identifier
and klantnummer, and enforces the same uniqueness as the SQL schemas' unique
constraints. It is not thread-safe on its own: the register serialises every
call.
"""

from __future__ import annotations

import datetime
import itertools
import os
from collections.abc import Callable, Collection, Iterator, Sequence
from types import TracebackType
from typing import Any
from uuid import UUID

import attrs

from klantregister.domain import (
    Gemeentecode,
    Identificator,
    Klant,
    KlantBestaatAlError,
    KlantNietGevondenError,
    VersieconflictError,
    Verwerking,
    Zoeksleutel,
    klok01,
    verlopen,
    voldoet,
)

__all__ = ["MemoryRepository"]


# How to undo one write: a method of the repository and its arguments.
_Ongedaan = tuple[Callable[..., None], tuple[Any, ...]]


class _Transactie:
    """A transaction of the memory repository: a journal of how to undo each write.

    A failed transaction undoes its writes, the last first; a nested one that
    ends normally hands its journal to the one around it, which may still fail.
    (A class: @contextmanager is slow here.)
    """

    __slots__ = ("_buiten", "_journaal", "_repository")

    def __init__(self, repository: MemoryRepository) -> None:
        self._repository = repository
        self._buiten: list[_Ongedaan] | None = None
        self._journaal: list[_Ongedaan] = []

    def __enter__(self) -> None:
        repository = self._repository
        self._buiten = repository._journaal
        repository._journaal = self._journaal

    def __exit__(
        self,
        soort: type[BaseException] | None,
        fout: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._repository._journaal = self._buiten
        if fout is not None:
            for ongedaan_maken, argumenten in reversed(self._journaal):
                ongedaan_maken(*argumenten)
        elif self._buiten is not None:
            self._buiten.extend(self._journaal)


@attrs.define(repr=False, eq=False)
class MemoryRepository:
    """Klanten by id, with per-gemeente indexes on every identifier and klantnummer.

    It takes no arguments: a new one is empty, and its tables are only ever filled
    through the port's methods, which keep them consistent.
    """

    # The per-gemeente indexes are keyed by the code's string: its hash is cached.
    _klanten: dict[UUID, Klant] = attrs.field(factory=dict, init=False)
    # Each klant's place in the order of registration, so that an erasure undone puts it
    # back where it was (a dict would put it last).
    _volgorde: dict[UUID, int] = attrs.field(factory=dict, init=False)
    _teller: Iterator[int] = attrs.field(factory=itertools.count, init=False)
    # Natural-person keys: at most one klant per key per gemeente (rule 1).
    _personen: dict[str, dict[Identificator, UUID]] = attrs.field(factory=dict, init=False)
    # Organisation keys: any number of klanten per key (rule 2), in the order they were
    # registered or had their identificatie corrected.
    _organisaties: dict[str, dict[Identificator, list[UUID]]] = attrs.field(
        factory=dict, init=False
    )
    _klantnummers: dict[str, dict[str, UUID]] = attrs.field(factory=dict, init=False)
    _volgnummers: dict[str, int] = attrs.field(factory=dict, init=False)
    # The open transaction's journal; None outside a transaction, where nothing is undone.
    _journaal: list[_Ongedaan] | None = attrs.field(default=None, init=False)
    # The processing log, and the key of its pseudonyms (this repository's own).
    _verwerkingen: list[Verwerking] = attrs.field(factory=list, init=False)
    _logsleutel: bytes = attrs.field(factory=lambda: os.urandom(32), init=False)
    # Per klant that went into another (voeg_samen): the one it is part of now.
    _samengevoegd: dict[UUID, UUID] = attrs.field(factory=dict, init=False)

    def transaction(self) -> _Transactie:
        """Every write checks before it changes anything, so a refused write
        needs no undoing; the transaction undoes the writes before it."""
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

    def holders_many(
        self,
        ids: Collection[UUID],
        klantnummers: Collection[tuple[Gemeentecode, str]],
        sleutels: Collection[tuple[Gemeentecode, Identificator]],
    ) -> klok01.Houders:
        # The ids held, by a klant or by one that went into another (never reused).
        gevonden_ids = {
            klant_id
            for klant_id in ids
            if klant_id in self._klanten or klant_id in self._samengevoegd
        }
        nummers = {
            paar: houder
            for paar in klantnummers
            if (houder := self.klantnummer_holder(*paar)) is not None
        }
        houders = {paar: houder for paar in sleutels if (houder := self.holder(*paar)) is not None}
        return gevonden_ids, nummers, houders

    def next_klantnummers(self, gemeente: Gemeentecode, aantal: int = 1) -> list[str]:
        bezet = self._klantnummers.get(gemeente.waarde, {})
        volgnummer = self._volgnummers.get(gemeente.waarde, 0)
        nummers: list[str] = []
        while len(nummers) < aantal:  # mostly once: a klant at a time
            if volgnummer >= klok01.MAX_VOLGNUMMER:
                raise klok01.klantnummers_op(gemeente)
            volgnummer += 1
            nummer = klok01.klantnummer_voor(volgnummer)
            if nummer not in bezet:
                nummers.append(nummer)
        if (journaal := self._journaal) is not None:
            journaal.append(
                (self._zet_volgnummer, (gemeente.waarde, self._volgnummers.get(gemeente.waarde)))
            )
        self._volgnummers[gemeente.waarde] = volgnummer
        return nummers

    def add(self, klant: Klant) -> None:
        if klant.id in self._klanten:
            raise KlantBestaatAlError(klant.id)
        self._controleer_uniek(klant)
        self._klanten[klant.id] = klant
        self._volgorde[klant.id] = next(self._teller)
        self._index(klant)
        if (journaal := self._journaal) is not None:
            journaal.append((self._vergeet, (klant,)))

    def add_many(self, klanten: Sequence[Klant]) -> None:
        # All or none: check the batch against the store and against itself first.
        nieuw = MemoryRepository()
        for klant in klanten:
            if klant.id in self._klanten:
                raise KlantBestaatAlError(klant.id)
            self._controleer_uniek(klant)
            nieuw.add(klant)
        journaal = self._journaal
        for klant in klanten:
            self._klanten[klant.id] = klant
            self._volgorde[klant.id] = next(self._teller)
            self._index(klant)
            if journaal is not None:
                journaal.append((self._vergeet, (klant,)))

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
            if (journaal := self._journaal) is not None:
                journaal.append((self._klanten.__setitem__, (oud.id, oud)))
            return
        self._controleer_uniek(nieuw)
        posities = self._unindex(oud)
        self._klanten[nieuw.id] = nieuw
        self._index(nieuw)
        if (journaal := self._journaal) is not None:
            journaal.append((self._zet_terug, (oud, nieuw, posities)))

    def remove(self, klant: Klant) -> None:
        self._controleer_versie(klant)
        posities = self._unindex(klant)
        del self._klanten[klant.id]
        plaats = self._volgorde.pop(klant.id, None)
        if (journaal := self._journaal) is not None:
            journaal.append((self._zet_terug, (klant, None, posities, plaats)))
        # An erased klant is no longer there to have gone into: those that did are gone.
        self._zet_samengevoegd({k: v for k, v in self._samengevoegd.items() if v != klant.id})

    # --- contact data, merges and retention (optional parts of the port) -------------

    def find_by_gegevens(
        self, gemeente: Gemeentecode, gevraagd: Sequence[Zoeksleutel]
    ) -> list[Klant]:
        """The klanten of the gemeente holding every search key asked for, in order of
        registration (a scan: memory keeps no index of contact data)."""
        gevraagd = tuple(gevraagd)
        return [
            klant
            for klant in self._klanten.values()
            if klant.gemeente == gemeente and gevraagd and voldoet(klant.klantgegevens, gevraagd)
        ]

    def note_merge(self, opgaan: UUID, behouden: UUID) -> None:
        """Remember that ``opgaan`` went into ``behouden``, as every klant that went into
        ``opgaan`` did."""
        nieuw = {k: behouden if v == opgaan else v for k, v in self._samengevoegd.items()}
        nieuw[opgaan] = behouden
        self._zet_samengevoegd(nieuw)

    def has_merges(self) -> bool:
        """Whether any klant went into another (its id is held by that one)."""
        return bool(self._samengevoegd)

    def merged_into(self, klant_id: UUID) -> UUID | None:
        """The klant ``klant_id`` went into, if it did."""
        return self._samengevoegd.get(klant_id)

    def expired(self, peildatum: datetime.date, termijn: datetime.timedelta | None) -> list[Klant]:
        """The klanten expired on ``peildatum`` (:func:`~klantregister.domain.verlopen`)."""
        return [
            klant
            for klant in self._klanten.values()
            if verlopen(
                klant.bewaren_tot, klant.geregistreerd_op, klant.identificatie, peildatum, termijn
            )
        ]

    def _zet_samengevoegd(self, nieuw: dict[UUID, UUID]) -> None:
        if nieuw == self._samengevoegd:
            return
        if (journaal := self._journaal) is not None:
            journaal.append((setattr, (self, "_samengevoegd", self._samengevoegd)))
        self._samengevoegd = nieuw

    def __len__(self) -> int:
        return len(self._klanten)

    def __iter__(self) -> Iterator[Klant]:
        # A snapshot, so a caller may change the register while iterating.
        return iter(list(self._klanten.values()))

    def __contains__(self, klant_id: object) -> bool:
        return klant_id in self._klanten

    def gemeenten(self) -> int:
        return sum(1 for nummers in self._klantnummers.values() if nummers)

    # --- the processing log (the Logboek port) -------------------------------------

    def schrijf_verwerkingen(self, verwerkingen: Sequence[Verwerking]) -> None:
        """Keep the entries; a failed transaction drops them with its writes."""
        lengte = len(self._verwerkingen)
        self._verwerkingen.extend(verwerkingen)
        if (journaal := self._journaal) is not None:
            journaal.append((self._verwerkingen.__delitem__, (slice(lengte, None),)))

    def verwerkingen(self, klant_id: UUID | None = None) -> Iterator[Verwerking]:
        """The entries, in the order written (a snapshot); of one klant if given."""
        return iter([v for v in self._verwerkingen if klant_id is None or v.klant_id == klant_id])

    def logsleutel(self) -> bytes:
        """The key of the log's pseudonyms when the register is given none: random, this
        repository's own (so gone with it)."""
        return self._logsleutel

    def close(self) -> None:
        """Nothing to release."""

    def __repr__(self) -> str:
        return f"<MemoryRepository klanten={len(self._klanten)}>"

    def _controleer_uniek(self, klant: Klant) -> None:
        """The unique constraints of the SQL schemas, for a klant about to be stored."""
        houder = self.klantnummer_holder(klant.gemeente, klant.klantnummer)
        if houder is not None and houder != klant.id:
            raise klok01.klantnummer_in_gebruik(klant.gemeente, houder)
        if klant.identificatie is None:
            return
        for sleutel in klant.identificatie.persoonssleutels:
            houder = self.holder(klant.gemeente, sleutel)
            if houder is not None and houder != klant.id:
                raise klok01.regel_1_fout(klant.gemeente, houder, sleutel)

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
        sleutels = identificatie.identificatoren
        # Rule 1 says which keys are a person's, held by one klant; the others any number.
        if klok01.persoonssleutels(identificatie.soort, sleutels):
            personen = self._personen.setdefault(gemeente, {})
            for sleutel in sleutels:
                personen[sleutel] = klant.id
        else:
            organisaties = self._organisaties.setdefault(gemeente, {})
            for sleutel in sleutels:
                organisaties.setdefault(sleutel, []).append(klant.id)

    def _unindex(self, klant: Klant) -> list[tuple[Identificator, int]]:
        """Drop the klant's keys; where it stood among each organisation key's holders."""
        gemeente = klant.gemeente.waarde
        del self._klantnummers[gemeente][klant.klantnummer]
        identificatie = klant.identificatie
        posities: list[tuple[Identificator, int]] = []
        if identificatie is None:
            return posities
        if persoonssleutels := identificatie.persoonssleutels:
            personen = self._personen[gemeente]
            for sleutel in persoonssleutels:
                del personen[sleutel]
        else:
            organisaties = self._organisaties[gemeente]
            for sleutel in identificatie.identificatoren:
                houders = organisaties[sleutel]
                positie = houders.index(klant.id)
                del houders[positie]
                posities.append((sleutel, positie))
                if not houders:
                    del organisaties[sleutel]
        return posities

    # --- undoing the writes of a failed transaction ---------------------------------

    def _zet_volgnummer(self, gemeente: str, volgnummer: int | None) -> None:
        if volgnummer is None:
            del self._volgnummers[gemeente]
        else:
            self._volgnummers[gemeente] = volgnummer

    def _vergeet(self, klant: Klant) -> None:
        """Undo an add."""
        self._unindex(klant)
        del self._klanten[klant.id]
        self._volgorde.pop(klant.id, None)

    def _zet_terug(
        self,
        oud: Klant,
        nieuw: Klant | None,
        posities: list[tuple[Identificator, int]],
        plaats: int | None = None,
    ) -> None:
        """Undo the replace of ``oud`` by ``nieuw``, or the remove of ``oud`` (which had
        ``plaats`` in the order of registration).

        The klant gets its place back among each organisation key's holders, and an
        erased klant its place in the order of iteration.
        """
        if nieuw is not None:
            self._unindex(nieuw)
        self._klanten[oud.id] = oud
        if plaats is not None:
            self._volgorde[oud.id] = plaats
            volgorde = self._volgorde
            # In place: the journal's other entries hold this dict.
            op_volgorde = sorted(self._klanten.items(), key=lambda k: volgorde[k[0]])
            self._klanten.clear()
            self._klanten.update(op_volgorde)
        self._index(oud)
        organisaties = self._organisaties.get(oud.gemeente.waarde, {})
        for sleutel, positie in posities:
            houders = organisaties[sleutel]
            houders.insert(positie, houders.pop())
