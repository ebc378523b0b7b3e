"""Find the klant of a person, or register them: the most common flow, in one transaction.

``vind_of_registreer`` looks the subject up by its identifiers and registers it only when
no klant holds them, inside one transaction of the repository, so two processes asking for
one person at once end with one klant: on SQLite the transactions are serial (``BEGIN
IMMEDIATE``); on PostgreSQL the second insert meets the first's natural-person key (rule 1
as a constraint), is undone in its savepoint, and finds the klant the first stored.

An organisation may have any number of klanten (rule 2): it is found only by a klant holding
exactly its identificatie (the same identifiers), the first registered; else one is
registered. Nothing makes that unique across processes (rule 2 does not ask it): two
processes registering one organisation at the same moment on PostgreSQL may each add one.
"""

from __future__ import annotations

import datetime

from klantregister.domain import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    Gemeentecode,
    Identificatie,
    KardinaliteitError,
    Klant,
    Klantgegevens,
)
from klantregister.register.nieuw import voeg_toe
from klantregister.register.ports import KlantRepository
from klantregister.register.regels import verstrekbaar
from klantregister.register.verwerker import Verwerker

__all__ = ["gevonden", "vind_of_registreer"]


def gevonden(
    store: KlantRepository, gemeente: Gemeentecode, identificatie: Identificatie
) -> Klant | None:
    """The klant of the gemeente that is this subject's: a person's holder of any of its
    keys; for an organisation the first klant holding this very identificatie."""
    if sleutels := identificatie.persoonssleutels:
        for sleutel in sleutels:
            if (houder := store.holder(gemeente, sleutel)) is not None:
                return store.get(houder)
        return None
    for klant in store.find(gemeente, identificatie.identificatoren[0]):
        if klant.identificatie == identificatie:
            return klant
    return None


def vind_of_registreer(
    store: KlantRepository,
    verwerker: Verwerker,
    *,
    gemeente: Gemeentecode,
    identificatie: Identificatie,
    gegevens: Klantgegevens,
    authenticatie: Authenticatie,
    minimum: Betrouwbaarheidsniveau,
    vandaag: datetime.date | None = None,
) -> tuple[Klant, bool]:
    """Inside the caller's lock, with rules 5 and 10 checked for the identificatie given:
    the klant found, handed out only as :meth:`~klantregister.KlantRegister.verstrek`
    hands it out (the authentication must cover *its* identificatie: one key of it given
    beside another person's is not enough), logged as handed out, and ``False``; or the
    klant registered (logged as recorded) and ``True``."""
    with store.transaction():
        klant = gevonden(store, gemeente, identificatie)
        if klant is not None:
            verstrekbaar(klant, authenticatie, minimum)
            verwerker.verstrekt(klant, authenticatie)
            return klant, False
        try:
            with store.transaction():  # a savepoint: a race lost is undone alone
                klant, gelogd = voeg_toe(
                    store,
                    gemeente,
                    gegevens,
                    identificatie,
                    None,
                    herkomst=authenticatie,
                    log_mee=verwerker.mee_met(store),
                    geregistreerd_op=vandaag,
                )
                if not gelogd:
                    verwerker.vastgelegd([klant])
        except KardinaliteitError as fout:
            # Another process registered the person in the meantime: theirs is the klant.
            klant = None if fout.klant_id is None else store.get(fout.klant_id)
            if klant is None:
                raise
            verstrekbaar(klant, authenticatie, minimum)
            verwerker.verstrekt(klant, authenticatie)
            return klant, False
    return klant, True
