"""Storing new klanten, one or a batch: the register's write path for ``registreer``.

Called by :class:`~klantregister.KlantRegister` under its lock, with parts it has
validated and whose rule 5 it has checked. Rule 1, the klantnummer's uniqueness
and a klant's id are the repository's to enforce: ``add`` and ``add_many`` raise
the register's own errors, and a transaction undoes what a refused klant took. The
bulk path asks a repository that can say so (``holders_many``) what is held first,
so that a conflict refuses its registratie, not the batch's round trip.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable

from klantregister.domain import (
    GEEN_KENMERKEN,
    Gemeentecode,
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
    klok01,
    nieuwe_klant,
)
from klantregister.register.audit import log, log_registratie
from klantregister.register.ports import KlantRepository

__all__ = ["voeg_batch_toe", "voeg_toe"]


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
) -> Klant:
    """Store one new klant, inside the caller's transaction; a klantnummer is taken when
    ``nummer`` is ``None``, a random id when ``klant_id`` is.

    A repository that can take the klantnummer and store the klant in one go
    (``add_with_next_klantnummer``, PostgreSQL's: one round trip) does so.
    """
    klant_id = klant_id or uuid.uuid4()
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
            )
            opgeslagen: Klant | None = in_een(ontwerp)
            if opgeslagen is not None:
                return opgeslagen
        nummer = store.next_klantnummers(gemeente, 1)[0]
    klant = nieuwe_klant(
        klant_id, gemeente, nummer, gegevens, identificatie, bron=bron, kenmerken=kenmerken
    )
    store.add(klant)
    return klant


#: The klantnummer of a klant handed to ``add_with_next_klantnummer``, which gives it its own.
_ONTWERP = klok01.klantnummer_voor(0)


def voeg_batch_toe(
    store: KlantRepository,
    batch: list[tuple[int, Registratie]],
    geregistreerd: list[Klant],
    geweigerd: list[tuple[int, KlantregisterError]],
) -> None:
    """Store a batch of (position, registratie) in one transaction, refusing (appended to
    ``geweigerd`` with their position) those that conflict with a stored klant or an
    earlier one of the batch.

    A repository with ``holders_many`` says in a few queries which ids, klantnummers and
    natural-person keys are held; the conflicting registraties are refused before anything
    is written, and the others go in one round trip. When the write meets a conflict all
    the same (another process was first, or the repository cannot say beforehand), the
    batch is written one klant at a time, each in a savepoint, so that only the
    conflicting ones are refused.
    """
    # One read of the system's randomness for the batch's version-4 UUIDs.
    willekeurig = os.urandom(16 * len(batch))
    ids = [
        registratie.id or uuid.UUID(bytes=willekeurig[16 * index : 16 * index + 16], version=4)
        for index, (_, registratie) in enumerate(batch)
    ]
    with store.transaction():
        houders = getattr(store, "holders_many", None)
        if houders is not None:
            vrij = _zonder_conflicten(houders, batch, ids, geweigerd)
            batch = [batch[index] for index in vrij]
            ids = [ids[index] for index in vrij]
        # Generated klantnummers are taken per gemeente in one go, for those written only.
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
                ),
                registratie,
            )
            for klant_id, (_, registratie) in zip(ids, batch, strict=True)
        ]
        try:
            with store.transaction():
                store.add_many([klant for klant, _ in nieuw])
        except (KardinaliteitError, KlantnummerInGebruikError, KlantBestaatAlError):
            nieuw = []
            for positie, registratie in batch:
                try:
                    with store.transaction():
                        klant = voeg_toe(
                            store,
                            registratie.gemeente,
                            registratie.klantgegevens,
                            registratie.identificatie,
                            registratie.klantnummer,
                            klant_id=registratie.id,
                            bron=registratie.bron,
                            kenmerken=registratie.kenmerken,
                        )
                        nieuw.append((klant, registratie))
                except OpslagError:
                    raise  # the storage failing is no refusal of this klant
                except KlantregisterError as fout:
                    geweigerd.append((positie, fout))
    geregistreerd.extend(klant for klant, _ in nieuw)
    if log.isEnabledFor(logging.DEBUG):
        for klant, registratie in nieuw:
            log_registratie(klant, registratie.authenticatie)


def _zonder_conflicten(
    houders: Callable[..., klok01.Houders],
    batch: list[tuple[int, Registratie]],
    ids: list[uuid.UUID],
    geweigerd: list[tuple[int, KlantregisterError]],
) -> list[int]:
    """The indexes of the registraties that conflict with no stored klant and no earlier
    one of the batch; the others are refused with the error ``add`` would raise, checked
    in its order (the id, the klantnummer, rule 1)."""
    opgeslagen, nummerhouders, sleutelhouders = houders(
        [registratie.id for _, registratie in batch if registratie.id is not None],
        [(r.gemeente, r.klantnummer) for _, r in batch if r.klantnummer is not None],
        [
            (r.gemeente, sleutel)
            for _, r in batch
            if r.identificatie is not None
            for sleutel in r.identificatie.persoonssleutels
        ],
    )
    bezet = set(opgeslagen)
    vrij = []
    for index, ((positie, registratie), klant_id) in enumerate(zip(batch, ids, strict=True)):
        gemeente = registratie.gemeente
        fout = _conflict(registratie, klant_id, bezet, nummerhouders, sleutelhouders)
        if fout is not None:
            geweigerd.append((positie, fout))
            continue
        # Held from now on, for the registraties after it.
        bezet.add(klant_id)
        if registratie.klantnummer is not None:
            nummerhouders[(gemeente, registratie.klantnummer)] = klant_id
        if registratie.identificatie is not None:
            for sleutel in registratie.identificatie.persoonssleutels:
                sleutelhouders[(gemeente, sleutel)] = klant_id
        vrij.append(index)
    return vrij


def _conflict(
    registratie: Registratie,
    klant_id: uuid.UUID,
    bezet: set[uuid.UUID],
    nummerhouders: dict[tuple[Gemeentecode, str], uuid.UUID],
    sleutelhouders: dict[tuple[Gemeentecode, Identificator], uuid.UUID],
) -> KlantregisterError | None:
    gemeente = registratie.gemeente
    if klant_id in bezet:
        return KlantBestaatAlError(klant_id)
    if registratie.klantnummer is not None:
        houder = nummerhouders.get((gemeente, registratie.klantnummer))
        if houder is not None:
            return klok01.klantnummer_in_gebruik(gemeente, houder)
    if registratie.identificatie is not None:
        for sleutel in registratie.identificatie.persoonssleutels:
            houder = sleutelhouders.get((gemeente, sleutel))
            if houder is not None:
                return klok01.regel_1_fout(gemeente, houder, sleutel)
    return None
