"""Looking klanten up, by identifier (``zoek``) or by contact data (``zoek_op_gegevens``):
a mixin of :class:`~klantregister.KlantRegister`. Both are logged where they find
identifying data (:class:`~klantregister.Handeling` ``RAADPLEGEN``).
"""

from __future__ import annotations

import threading

from klantregister.domain import Gemeentecode, Identificator, Klant, criteria, voldoet
from klantregister.register.argumenten import identificatoren
from klantregister.register.ports import KlantRepository
from klantregister.register.verwerker import Verwerker

__all__ = ["RegisterZoeken"]


class RegisterZoeken:
    """The lookups; the register provides the attributes below."""

    _store: KlantRepository
    _lock: threading.Lock
    _verwerker: Verwerker

    def zoek(
        self, identificator: Identificator | str, gemeente: Gemeentecode | str
    ) -> tuple[Klant, ...]:
        """The klanten of ``gemeente`` hooked to ``identificator``.

        A typed identifier (``Bsn("...")``, ``KvkNummer("...")``) finds the
        klanten holding exactly that identifier: at most one for a
        natural-person key, any number for an organisation's. A plain string
        is looked up as every kind it is valid as (nine digits passing the
        11-proef may be a BSN or an RSIN), so pass a typed identifier to
        narrow the search. An empty tuple means no klant holds it.
        """
        gemeente = Gemeentecode.parse(gemeente)
        sleutels = identificatoren(identificator)
        with self._lock, self._store.transaction():
            gevonden = {
                klant.id: klant
                for sleutel in sleutels
                for klant in self._store.find(gemeente, sleutel)
            }
            klanten = tuple(gevonden.values())
            self._verwerker.geraadpleegd(gemeente, sleutels[0], klanten)
        return klanten

    def zoek_op_gegevens(
        self,
        gemeente: Gemeentecode | str,
        *,
        achternaam: str | None = None,
        emailadres: str | None = None,
        telefoonnummer: str | None = None,
        postcode: str | None = None,
        huisnummer: int | str | None = None,
    ) -> tuple[Klant, ...]:
        """The klanten of ``gemeente`` whose contact data match every criterion given (at
        least one), in order of registration: exact, after the normalisation
        :mod:`klantregister.domain.zoeken` describes (case, postcode spacing, telephone
        separators); ``postcode`` and ``huisnummer`` together match one address. Each
        aangehaakte klant found is logged as a lookup of identifying data."""
        code = Gemeentecode.parse(gemeente)
        gevraagd = criteria(
            achternaam=achternaam,
            emailadres=emailadres,
            telefoonnummer=telefoonnummer,
            postcode=postcode,
            huisnummer=huisnummer,
        )
        with self._lock, self._store.transaction():
            vind = getattr(self._store, "find_by_gegevens", None)
            if vind is not None:
                klanten = tuple(vind(code, gevraagd))
            else:
                klanten = tuple(
                    k
                    for k in self._store
                    if k.gemeente == code and voldoet(k.klantgegevens, gevraagd)
                )
            self._verwerker.gevonden(klanten)
        return klanten
