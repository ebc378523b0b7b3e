"""Retention and the lookup by contact data: mixins of :class:`~klantregister.KlantRegister`.

The rules of retention are in :mod:`klantregister.domain.bewaren`: ``bewaren_tot`` holds a
klant until that day, and a zelfstandige klant without one is kept for the register's
``bewaartermijn_zelfstandig`` from the day it was registered. ``verwijder_verlopen`` erases
what has expired, in one transaction, each aangehaakte klant's erasure logged.
"""

from __future__ import annotations

import datetime
import threading
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from klantregister.domain import (
    Klant,
    als_datum,
    controleer_bewaartermijn,
    typefout,
    verlopen,
)
from klantregister.register.audit import log
from klantregister.register.levensloop import _waarheid
from klantregister.register.ports import KlantRepository
from klantregister.register.verwerker import Verwerker

__all__ = ["RegisterBewaring"]


class RegisterBewaring:
    """Retention and the lookup by contact data; the register provides the attributes below."""

    _store: KlantRepository
    _lock: threading.Lock
    _verwerker: Verwerker
    _klok: Callable[[], datetime.date]
    bewaartermijn_zelfstandig: datetime.timedelta | None

    if TYPE_CHECKING:

        def _actueel(self, klant_id: uuid.UUID | str, versie: int | None) -> Klant: ...

    def _vandaag(self) -> datetime.date:
        vandaag = self._klok()
        if vandaag is None:  # als_datum lets None through: a clock must give a day
            raise typefout("klok()", "een datum (datetime.date)", vandaag)
        return als_datum("klok()", vandaag)  # type: ignore[return-value]

    def verwijder(
        self,
        klant_id: uuid.UUID | str,
        *,
        versie: int | None = None,
        negeer_bewaartermijn: bool = False,
    ) -> None:
        """Erase the klant (KLUIT01); its keys and klantnummer are free again. A klant held
        (``bewaren_tot`` after today) raises :class:`BewaartermijnError`, unless the caller
        overrides the hold with ``negeer_bewaartermijn=True``."""
        negeren = _waarheid(negeer_bewaartermijn, "negeer_bewaartermijn")
        with self._lock, self._store.transaction():
            klant = self._actueel(klant_id, versie)
            if not negeren:
                controleer_bewaartermijn(klant.id, klant.bewaren_tot, self._vandaag())
            self._store.remove(klant)
            self._verwerker.gewist(klant)
        log.debug("klant %s verwijderd", klant.id)

    def bewaar_tot(
        self,
        klant_id: uuid.UUID | str,
        bewaren_tot: datetime.date | None,
        *,
        versie: int | None = None,
    ) -> Klant:
        """Hold the klant until ``bewaren_tot`` (``None`` lifts the hold); returns the klant
        with ``versie`` one higher, or as it was when it has that hold already. A date in
        the past is allowed: the klant has then expired, and ``verwijder_verlopen`` erases
        it."""
        datum = als_datum("bewaren_tot", bewaren_tot)
        with self._lock, self._store.transaction():
            oud = self._actueel(klant_id, versie)
            if oud.bewaren_tot == datum:
                return oud
            nieuw = attrs.evolve(oud, bewaren_tot=datum, versie=oud.versie + 1)
            self._store.replace(oud, nieuw)
        log.debug("klant %s bewaard tot %s", nieuw.id, datum)
        return nieuw

    def verwijder_verlopen(self, peildatum: datetime.date) -> int:
        """Erase, in one transaction, every klant expired on ``peildatum``: those whose
        ``bewaren_tot`` has come (``bewaren_tot <= peildatum``), and the zelfstandige klanten
        without one registered ``bewaartermijn_zelfstandig`` or longer before it. Returns
        how many were erased; each aangehaakte one's erasure is logged."""
        if peildatum.__class__ is not datetime.date:  # a datetime too: say which day
            raise typefout("peildatum", "een datum (datetime.date)", peildatum)
        dag = peildatum
        termijn = self.bewaartermijn_zelfstandig
        with self._lock, self._store.transaction():
            vind = getattr(self._store, "expired", None)
            if vind is not None:
                klanten: list[Klant] = vind(dag, termijn)
            else:
                klanten = [
                    k
                    for k in self._store
                    if verlopen(k.bewaren_tot, k.geregistreerd_op, k.identificatie, dag, termijn)
                ]
            for klant in klanten:
                self._store.remove(klant)
                self._verwerker.gewist(klant)
        for klant in klanten:
            log.debug("klant %s verwijderd: verlopen op %s", klant.id, dag)
        return len(klanten)
