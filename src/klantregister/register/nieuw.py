"""Storing new klanten, one or a batch: the register's write path for ``registreer``.

Called by :class:`~klantregister.KlantRegister` under its lock, with parts it has
validated and whose rules 5 and 10 it has checked (each klant gets its herkomst).
Rule 1, the klantnummer's uniqueness and a klant's id are the repository's to
enforce: ``add`` and ``add_many`` raise the register's own errors, and a
transaction undoes what a refused klant took. The
bulk path asks a repository that can say so (``holders_many``) what is held first,
so that a conflict refuses its registratie, not the batch's round trip.
"""

from __future__ import annotations

import datetime
import logging
import os
import uuid
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager

from klantregister.domain import (
    GEEN_KENMERKEN,
    BulkResultaat,
    Gemeentecode,
    Herkomst,
    Identificatie,
    Identificator,
    KardinaliteitError,
    Kenmerken,
    Klant,
    KlantBestaatAlError,
    Klantgegevens,
    KlantnummerInGebruikError,
    KlantregisterError,
    OpslagError,
    Registratie,
    Verwerking,
    klok01,
    nieuwe_klant,
    typefout,
)
from klantregister.register.audit import log, log_registratie
from klantregister.register.ports import KlantRepository

__all__ = ["registreer_in_batches", "voeg_batch_toe", "voeg_toe"]


def voeg_toe(
    store: KlantRepository,
    gemeente: Gemeentecode,
    gegevens: Klantgegevens,
    identificatie: Identificatie | None,
    nummer: str | None,
    *,
    klant_id: uuid.UUID | None = None,
    bron: str | None = None,
    kenmerken: Kenmerken = GEEN_KENMERKEN,
    herkomst: Herkomst | None = None,
    log_mee: Callable[[Klant], list[Verwerking]] | None = None,
    geregistreerd_op: datetime.date | None = None,
    bewaren_tot: datetime.date | None = None,
) -> tuple[Klant, bool]:
    """Store one new klant, inside the caller's transaction; a klantnummer is taken when
    ``nummer`` is ``None``, a random id when ``klant_id`` is. Returns the klant, and
    whether its log entries went in with it.

    A repository that can take the klantnummer and store the klant in one go
    (``add_with_next_klantnummer``, PostgreSQL's: one round trip) does so, with the entries
    ``log_mee`` gives of it when given (the repository is the register's logboek).
    """
    if klant_id is None:
        klant_id = uuid.uuid4()
    elif (merged_into := getattr(store, "merged_into", None)) is not None and (
        doel := merged_into(klant_id)
    ) is not None:
        # An id is never reused: one that went into another klant is held by that one.
        raise KlantBestaatAlError(klant_id, opgegaan_in=doel)
    if nummer is None:
        in_een = getattr(store, "add_with_next_klantnummer", None)
        if in_een is not None:
            # The klantnummer here is a stand-in: the repository gives the klant its own.
            ontwerp = nieuwe_klant(
                klant_id,
                gemeente,
                _ONTWERP,
                gegevens,
                identificatie,
                bron=bron,
                kenmerken=kenmerken,
                herkomst=herkomst,
                geregistreerd_op=geregistreerd_op,
                bewaren_tot=bewaren_tot,
            )
            mee = [] if log_mee is None else log_mee(ontwerp)
            opgeslagen: Klant | None = in_een(ontwerp, verwerkingen=mee) if mee else in_een(ontwerp)
            if opgeslagen is not None:
                return opgeslagen, bool(mee)
        nummer = store.next_klantnummers(gemeente, 1)[0]
    klant = nieuwe_klant(
        klant_id,
        gemeente,
        nummer,
        gegevens,
        identificatie,
        bron=bron,
        kenmerken=kenmerken,
        herkomst=herkomst,
        geregistreerd_op=geregistreerd_op,
        bewaren_tot=bewaren_tot,
    )
    store.add(klant)
    return klant, False


def _herkomst(registratie: Registratie) -> Herkomst | None:
    """The herkomst of a registratie whose rules hold: its overname or its authenticatie,
    for a klant with an identificatie."""
    if registratie.identificatie is None:
        return None
    return registratie.overname or registratie.authenticatie


#: The klantnummer of a klant handed to ``add_with_next_klantnummer``, which gives it its own.
_ONTWERP = klok01.klantnummer_voor(0)


def registreer_in_batches(
    store: KlantRepository,
    slot: AbstractContextManager[object],
    controleer_herkomst: Callable[[Registratie], object],
    registraties: Iterable[Registratie],
    batchgrootte: int,
    *,
    verwerk: Callable[[list[Klant]], None] = lambda _: None,
    vandaag: Callable[[], datetime.date] = datetime.date.today,
) -> BulkResultaat:
    """``registreer_alle``: check each registratie as ``registreer`` does (its type, and
    rules 5 and 10 with ``controleer_herkomst``, for one with an identificatie), and store
    them in batches under ``slot``; ``verwerk`` logs each batch's new klanten, in its
    transaction. A registratie without a ``geregistreerd_op`` is registered ``vandaag()``."""
    geregistreerd: list[Klant] = []
    geweigerd: list[tuple[int, KlantregisterError]] = []
    batch: list[tuple[int, Registratie]] = []
    vraag_eerst = False  # once a batch met a conflict, the next ask before they write

    def schrijf(deel: list[tuple[int, Registratie]], eerst: bool) -> bool:
        with slot:
            return voeg_batch_toe(
                store,
                deel,
                geregistreerd,
                geweigerd,
                vraag_eerst=eerst,
                verwerk=verwerk,
                vandaag=vandaag(),
            )

    for positie, registratie in enumerate(registraties):
        try:
            if registratie.__class__ is not Registratie:
                raise typefout("registratie", "Registratie", registratie)
            if registratie.identificatie is not None:
                controleer_herkomst(registratie)
        except KlantregisterError as fout:
            geweigerd.append((positie, fout))
            continue
        batch.append((positie, registratie))
        if len(batch) >= batchgrootte:
            vraag_eerst |= schrijf(batch, vraag_eerst)
            batch = []
    if batch:
        schrijf(batch, vraag_eerst)
    geweigerd.sort(key=lambda paar: paar[0])
    return BulkResultaat(tuple(geregistreerd), tuple(geweigerd))


#: The errors of a write that met a klant, a klantnummer or a person held already.
_CONFLICTEN = (KardinaliteitError, KlantnummerInGebruikError, KlantBestaatAlError)


def voeg_batch_toe(
    store: KlantRepository,
    batch: list[tuple[int, Registratie]],
    geregistreerd: list[Klant],
    geweigerd: list[tuple[int, KlantregisterError]],
    *,
    vraag_eerst: bool = False,
    verwerk: Callable[[list[Klant]], None] = lambda _: None,
    vandaag: datetime.date | None = None,
) -> bool:
    """Store a batch of (position, registratie) in one transaction, refusing (appended to
    ``geweigerd`` with their position) those that conflict with a stored klant or an
    earlier one of the batch.

    A repository with ``holders_many`` says in a few queries which ids, klantnummers and
    natural-person keys are held, and the conflicting registraties are refused, the others
    written in one round trip: before the write (``vraag_eerst``, or a repository's
    ``holders_first``: PostgreSQL's bulk write must meet no conflict), or once a write has
    met one (SQLite, memory: a clean batch then costs no question). Returns whether the
    batch met a conflict, so that the caller may ask first for the next. A write that
    meets a conflict all the same (another
    process was first, or a repository that cannot say) is rolled back, generated
    klantnummers included, and the batch written one klant at a time, each in a savepoint,
    so that only the conflicting ones are refused.
    """
    vandaag = vandaag or datetime.date.today()
    # One read of the system's randomness for the batch's version-4 UUIDs.
    willekeurig = os.urandom(16 * len(batch))
    ids = [
        registratie.id or uuid.UUID(bytes=willekeurig[16 * index : 16 * index + 16], version=4)
        for index, (_, registratie) in enumerate(batch)
    ]
    houders = getattr(store, "holders_many", None)
    al_geweigerd = len(geweigerd)
    gevraagd = False
    nieuw: list[tuple[Klant, Registratie]] | None = None
    # Ask before the write when told to, when the repository must (its bulk write may meet
    # no conflict), or when the write would not meet an id that went into another klant.
    eerst = vraag_eerst or getattr(store, "holders_first", False) or _samengevoegd_in(store, batch)
    with store.transaction():
        while nieuw is None:
            if houders is not None and not gevraagd and eerst:
                batch, ids = _vrij(houders, batch, ids, geweigerd)
                gevraagd = True
            try:
                with store.transaction():
                    nieuw = _schrijf_batch(store, batch, ids, vandaag)
            except _CONFLICTEN:
                if houders is not None and not gevraagd:
                    batch, ids = _vrij(houders, batch, ids, geweigerd)
                    gevraagd = True
                    continue
                nieuw = _een_voor_een(store, batch, geweigerd, vandaag)
        verwerk([klant for klant, _ in nieuw])
    geregistreerd.extend(klant for klant, _ in nieuw)
    if log.isEnabledFor(logging.DEBUG):
        for klant, _ in nieuw:
            log_registratie(klant)
    return len(geweigerd) > al_geweigerd


def _samengevoegd_in(store: KlantRepository, batch: list[tuple[int, Registratie]]) -> bool:
    """Whether the batch gives ids and the store holds ids of klanten that went into
    another (``has_merges``): a write would not meet those, so ask first."""
    heeft = getattr(store, "has_merges", None)
    return heeft is not None and any(r.id is not None for _, r in batch) and bool(heeft())


def _vrij(
    houders: Callable[..., klok01.Houders],
    batch: list[tuple[int, Registratie]],
    ids: list[uuid.UUID],
    geweigerd: list[tuple[int, KlantregisterError]],
) -> tuple[list[tuple[int, Registratie]], list[uuid.UUID]]:
    """The registraties of the batch, and their ids, that conflict with nothing."""
    vrij = _zonder_conflicten(houders, batch, ids, geweigerd)
    return [batch[index] for index in vrij], [ids[index] for index in vrij]


def _schrijf_batch(
    store: KlantRepository,
    batch: list[tuple[int, Registratie]],
    ids: list[uuid.UUID],
    vandaag: datetime.date,
) -> list[tuple[Klant, Registratie]]:
    """Write the batch in one ``add_many``, its generated klantnummers taken per gemeente
    in one go."""
    zonder_nummer: dict[Gemeentecode, int] = {}
    for _, registratie in batch:
        if registratie.klantnummer is None:
            gemeente = registratie.gemeente
            zonder_nummer[gemeente] = zonder_nummer.get(gemeente, 0) + 1
    nummers = {
        gemeente: iter(store.next_klantnummers(gemeente, aantal))
        for gemeente, aantal in zonder_nummer.items()
    }
    nieuw = [
        (
            nieuwe_klant(
                klant_id,
                registratie.gemeente,
                registratie.klantnummer or next(nummers[registratie.gemeente]),
                registratie.klantgegevens,
                registratie.identificatie,
                bron=registratie.bron,
                kenmerken=registratie.kenmerken,
                herkomst=_herkomst(registratie),
                geregistreerd_op=registratie.geregistreerd_op or vandaag,
                bewaren_tot=registratie.bewaren_tot,
            ),
            registratie,
        )
        for klant_id, (_, registratie) in zip(ids, batch, strict=True)
    ]
    store.add_many([klant for klant, _ in nieuw])
    return nieuw


def _een_voor_een(
    store: KlantRepository,
    batch: list[tuple[int, Registratie]],
    geweigerd: list[tuple[int, KlantregisterError]],
    vandaag: datetime.date,
) -> list[tuple[Klant, Registratie]]:
    """Write the batch one klant at a time, each in a savepoint; refuse the conflicting."""
    nieuw = []
    for positie, registratie in batch:
        try:
            with store.transaction():
                klant, _ = voeg_toe(
                    store,
                    registratie.gemeente,
                    registratie.klantgegevens,
                    registratie.identificatie,
                    registratie.klantnummer,
                    klant_id=registratie.id,
                    bron=registratie.bron,
                    kenmerken=registratie.kenmerken,
                    herkomst=_herkomst(registratie),
                    geregistreerd_op=registratie.geregistreerd_op or vandaag,
                    bewaren_tot=registratie.bewaren_tot,
                )
                nieuw.append((klant, registratie))
        except OpslagError:
            raise  # the storage failing is no refusal of this klant
        except KlantregisterError as fout:
            geweigerd.append((positie, fout))
    return nieuw


def _zonder_conflicten(
    houders: Callable[..., klok01.Houders],
    batch: list[tuple[int, Registratie]],
    ids: list[uuid.UUID],
    geweigerd: list[tuple[int, KlantregisterError]],
) -> list[int]:
    """The indexes of the registraties that conflict with no stored klant and no earlier
    one of the batch; the others are refused with the error ``add`` would raise, checked
    in its order (the id, the klantnummer, rule 1)."""
    # Each registratie's natural-person keys, once: the question and the answer need them.
    sleutels = [
        () if r.identificatie is None else r.identificatie.persoonssleutels for _, r in batch
    ]
    opgeslagen, nummerhouders, sleutelhouders = houders(
        [r.id for _, r in batch if r.id is not None],
        [(r.gemeente, r.klantnummer) for _, r in batch if r.klantnummer is not None],
        [(r.gemeente, s) for (_, r), eigen in zip(batch, sleutels, strict=True) for s in eigen],
    )
    bezet = set(opgeslagen)
    vrij = []
    for index, (positie, registratie) in enumerate(batch):
        klant_id, gemeente, nummer = ids[index], registratie.gemeente, registratie.klantnummer
        fout = _conflict(
            klant_id,
            gemeente,
            nummer,
            sleutels[index],
            bezet=bezet,
            nummerhouders=nummerhouders,
            sleutelhouders=sleutelhouders,
        )
        if fout is not None:
            geweigerd.append((positie, fout))
            continue
        # Held from now on, for the registraties after it.
        bezet.add(klant_id)
        if nummer is not None:
            nummerhouders[(gemeente, nummer)] = klant_id
        for sleutel in sleutels[index]:
            sleutelhouders[(gemeente, sleutel)] = klant_id
        vrij.append(index)
    return vrij


def _conflict(
    klant_id: uuid.UUID,
    gemeente: Gemeentecode,
    nummer: str | None,
    sleutels: tuple[Identificator, ...],
    *,
    bezet: set[uuid.UUID],
    nummerhouders: dict[tuple[Gemeentecode, str], uuid.UUID],
    sleutelhouders: dict[tuple[Gemeentecode, Identificator], uuid.UUID],
) -> KlantregisterError | None:
    if klant_id in bezet:
        return KlantBestaatAlError(klant_id)
    if nummer is not None and (houder := nummerhouders.get((gemeente, nummer))) is not None:
        return klok01.klantnummer_in_gebruik(gemeente, houder)
    for sleutel in sleutels:
        if (houder := sleutelhouders.get((gemeente, sleutel))) is not None:
            return klok01.regel_1_fout(gemeente, houder, sleutel)
    return None
