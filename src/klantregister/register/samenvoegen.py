"""Bringing together what belongs to one klant: ``voeg_samen``, a mixin of
:class:`~klantregister.KlantRegister`.

The klant kept (``behouden``) keeps its id and klantnummer, one versie higher; the other
(``opgaan``) is erased, and the register remembers which klant it went into, so that
``get`` of it names that one (:class:`~klantregister.KlantNietGevondenError` with
``opgegaan_in``). Both are read and changed in one transaction, so a refused merge changes
nothing.

**Decided: what the authentication must cover.** When the result is aangehaakt, the klant
confirms it is theirs: an :class:`~klantregister.Authenticatie` at the register's minimum
level (rule 5) whose subject or ``namens`` is one of the result's identifiers (rule 10,
a subject always required, whatever ``vereis_subject`` says). So a zelfstandige klant's data
join an aangehaakte klant only under an authentication covering that klant (rule 4); two
aangehaakte klanten of one person (one known by BSN, one by A-nummer) join under the
person's DigiD, which covers the BSN. Two zelfstandige klanten concern no identifying data
and need none (``authenticatie=None``). A zelfstandige ``behouden`` with an aangehaakte
``opgaan`` is refused (:class:`~klantregister.ZelfstandigeKlantError`): a zelfstandige
klant never becomes aangehaakt by itself; keep the aangehaakte one instead.
"""

from __future__ import annotations

import datetime
import threading
import uuid
from typing import TYPE_CHECKING

import attrs

from klantregister.domain import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    Herkomst,
    Klant,
    Klantgegevens,
    KlantNietGevondenError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    ZelfstandigeKlantError,
    aangevuld,
    als_authenticatie,
    als_klantgegevens,
    als_versie,
    klok01,
    samen_bewaren_tot,
    samengevoegde_identificatie,
    toon,
)
from klantregister.domain import klant_id as klant_id_
from klantregister.register.audit import log
from klantregister.register.ports import KlantRepository
from klantregister.register.regels import herkomst_van
from klantregister.register.verwerker import Verwerker

__all__ = ["RegisterSamenvoeging", "opgegaan"]


def opgegaan(store: KlantRepository, klant_id: uuid.UUID) -> KlantNietGevondenError:
    """The error of a klant not found: naming the klant it went into, where it did."""
    merged_into = getattr(store, "merged_into", None)
    return KlantNietGevondenError(
        klant_id, opgegaan_in=None if merged_into is None else merged_into(klant_id)
    )


def _versies(value: object) -> tuple[int | None, int | None]:
    if value is None:
        return None, None
    if not isinstance(value, tuple) or len(value) != 2:
        raise OngeldigFormaatError(
            "versies", f"{toon(value)} is geen paar (versie van behouden, versie van opgaan)"
        )
    return tuple(None if v is None else als_versie(v) for v in value)  # type: ignore[return-value]


class RegisterSamenvoeging:
    """``voeg_samen``; the register provides the attributes below."""

    _store: KlantRepository
    _lock: threading.Lock
    _verwerker: Verwerker
    minimaal_betrouwbaarheidsniveau: Betrouwbaarheidsniveau
    bewaartermijn_zelfstandig: datetime.timedelta | None

    if TYPE_CHECKING:

        def _actueel(self, klant_id: uuid.UUID | str, versie: int | None) -> Klant: ...

    def voeg_samen(
        self,
        behouden: uuid.UUID | str,
        opgaan: uuid.UUID | str,
        *,
        authenticatie: Authenticatie | None,
        klantgegevens: Klantgegevens | None = None,
        versies: tuple[int | None, int | None] | None = None,
    ) -> Klant:
        """Bring klant ``opgaan`` into klant ``behouden``, of one gemeente, and return the
        result: ``behouden``'s id and klantnummer, ``versie`` one higher, with
        ``klantgegevens`` if given, else ``behouden``'s with ``opgaan``'s filling the
        fields it leaves empty (an address as a whole); both klanten's identifiers
        (rules 1 and 3 still hold: :class:`KardinaliteitError`); ``opgaan`` erased, and
        ``get(opgaan)`` naming the result. ``versies`` are the versies the caller read,
        ``(behouden, opgaan)``. The authentication the module says; logged as a processing
        of identifying data (``SAMENVOEGEN``, and ``WISSEN`` of an aangehaakte ``opgaan``).
        """
        id_behouden, id_opgaan = klant_id_(behouden), klant_id_(opgaan)
        if id_behouden == id_opgaan:
            raise OngeldigeWaardeError("opgaan", "een klant kan niet met zichzelf samengaan")
        geldig = als_authenticatie(authenticatie)
        gegeven = None if klantgegevens is None else als_klantgegevens(klantgegevens)
        versie_behouden, versie_opgaan = _versies(versies)
        with self._lock, self._store.transaction():
            oud = self._actueel(id_behouden, versie_behouden)
            ander = self._actueel(id_opgaan, versie_opgaan)
            if oud.gemeente != ander.gemeente:
                raise OngeldigeWaardeError(
                    "opgaan",
                    f"klant {ander.id} is van gemeente {ander.gemeente}, klant {oud.id} van "
                    f"{oud.gemeente}: alleen klanten van één gemeente gaan samen",
                )
            if oud.zelfstandig and ander.aangehaakt:
                raise ZelfstandigeKlantError(
                    f"klant {oud.id} is zelfstandig en wordt door samenvoegen niet aangehaakt "
                    f"(KLOK01 regel 4): behoud klant {ander.id} en laat deze daarin opgaan"
                )
            identificatie = samengevoegde_identificatie(oud.identificatie, ander.identificatie)
            herkomst: Herkomst | None = oud.herkomst
            if identificatie is not None:
                bevestigd = herkomst_van(
                    geldig,
                    None,
                    identificatie,
                    self.minimaal_betrouwbaarheidsniveau,
                    vereis_subject=True,
                )
                if identificatie != oud.identificatie:
                    herkomst = bevestigd  # what the identifiers joined are recorded with
                for sleutel in identificatie.persoonssleutels:  # rule 1, before any write
                    houder = self._store.holder(oud.gemeente, sleutel)
                    if houder is not None and houder not in (oud.id, ander.id):
                        raise klok01.regel_1_fout(oud.gemeente, houder, sleutel)
            nieuw = attrs.evolve(
                oud,
                klantgegevens=aangevuld(oud.klantgegevens, ander.klantgegevens)
                if gegeven is None
                else gegeven,
                identificatie=identificatie,
                versie=oud.versie + 1,
                herkomst=herkomst,
                # Both klanten's data live on in the result: kept as long as either was.
                bewaren_tot=samen_bewaren_tot(
                    (oud.bewaren_tot, oud.geregistreerd_op, oud.identificatie),
                    (ander.bewaren_tot, ander.geregistreerd_op, ander.identificatie),
                    identificatie,
                    self.bewaartermijn_zelfstandig,
                ),
            )
            # Noted first: erasing a klant forgets what went into it, and what went into
            # ``ander`` goes into the result now. Erased before the result is stored: its
            # keys are the result's.
            if (noteer := getattr(self._store, "note_merge", None)) is not None:
                noteer(ander.id, nieuw.id)
            self._store.remove(ander)
            self._store.replace(oud, nieuw)
            self._verwerker.samengevoegd(nieuw, ander, geldig)
        log.debug("klant %s opgegaan in klant %s", ander.id, nieuw.id)
        return nieuw
