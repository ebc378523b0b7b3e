"""Storing new klanten, one or a batch: the register's write path for ``registreer``.

Called by :class:`~klantregister.KlantRegister` under its lock, with parts it has
validated and whose rule 5 it has checked. Rule 1, the klantnummer's uniqueness
and a klant's id are the repository's to enforce: ``add`` and ``add_many`` raise
the register's own errors, and a transaction undoes what a refused klant took.
"""

from __future__ import annotations

import logging
import os
import uuid

from klantregister.domain import (
    GEEN_KENMERKEN,
    Gemeentecode,
    Identificatie,
    KardinaliteitError,
    Kenmerken,
    Klant,
    KlantBestaatAlError,
    Klantgegevens,
    KlantnummerInGebruikError,
    KlantregisterError,
    OpslagError,
    Registratie,
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
    ``nummer`` is ``None``, a random id when ``klant_id`` is."""
    if nummer is None:
        nummer = store.next_klantnummers(gemeente, 1)[0]
    klant = nieuwe_klant(
        klant_id or uuid.uuid4(),
        gemeente,
        nummer,
        gegevens,
        identificatie,
        bron=bron,
        kenmerken=kenmerken,
    )
    store.add(klant)
    return klant


def voeg_batch_toe(
    store: KlantRepository,
    batch: list[tuple[int, Registratie]],
    geregistreerd: list[Klant],
    geweigerd: list[tuple[int, KlantregisterError]],
) -> None:
    """Store a batch of (position, registratie) in one transaction: in one round trip, or,
    when that meets a conflict, one klant at a time, each in a savepoint, so that only the
    conflicting ones are refused (appended to ``geweigerd`` with their position)."""
    with store.transaction():
        # Generated klantnummers are taken per gemeente in one go.
        zonder_nummer: dict[Gemeentecode, int] = {}
        for _, registratie in batch:
            if registratie.klantnummer is None:
                gemeente = registratie.gemeente
                zonder_nummer[gemeente] = zonder_nummer.get(gemeente, 0) + 1
        nummers = {
            gemeente: iter(store.next_klantnummers(gemeente, aantal))
            for gemeente, aantal in zonder_nummer.items()
        }
        # One read of the system's randomness for the batch's version-4 UUIDs.
        willekeurig = os.urandom(16 * len(batch))
        nieuw = [
            (
                nieuwe_klant(
                    registratie.id
                    or uuid.UUID(bytes=willekeurig[16 * index : 16 * index + 16], version=4),
                    registratie.gemeente,
                    registratie.klantnummer or next(nummers[registratie.gemeente]),
                    registratie.klantgegevens,
                    registratie.identificatie,
                    bron=registratie.bron,
                    kenmerken=registratie.kenmerken,
                ),
                registratie,
            )
            for index, (_, registratie) in enumerate(batch)
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
