"""The KlantRegister aggregate: every KLOK01 rule, enforced on every operation.

The register is the consistency boundary. Each operation validates its
input, checks the rules against the current state, and only then changes
anything, all under one lock: a refused operation leaves the register exactly
as it was, and the register may be shared between threads.

>>> from klantregister import Authenticatie, Betrouwbaarheidsniveau, Identificatie
>>> register = KlantRegister()
>>> digid = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD", subject="111222333")
>>> persoon = Identificatie.natuurlijk_persoon(bsn="111222333")
>>> klant = register.registreer("0363", identificatie=persoon, authenticatie=digid)
>>> register.zoek("111222333", "0363") == (klant,)
True
>>> register.registreer("0363", identificatie=persoon, authenticatie=digid)
Traceback (most recent call last):
    ...
klantregister.KardinaliteitError: KLOK01 regel 1: ...
"""

from __future__ import annotations

import datetime
import logging
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs

from klantregister.domain import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    BulkResultaat,
    Gemeentecode,
    Herkomst,
    Identificatie,
    Identificator,
    Kenmerken,
    Klant,
    Klantgegevens,
    OngeldigFormaatError,
    Overname,
    Registratie,
    VersieconflictError,
    Verwerking,
    als_authenticatie,
    als_bron,
    als_datum,
    als_id,
    als_identificatie,
    als_kenmerken,
    als_klantgegevens,
    als_overname,
    als_termijn,
    als_versie,
    controleer_herkomst,
    controleer_kenmerken,
    niveau,
    typefout,
)
from klantregister.domain import klant_id as klant_id_
from klantregister.domain import klantnummer as klantnummer_
from klantregister.register.argumenten import opslag
from klantregister.register.audit import log, log_herkomst, log_registratie
from klantregister.register.bewaring import RegisterBewaring
from klantregister.register.levensloop import RegisterLevensloop, _waarheid, als_klok
from klantregister.register.nieuw import registreer_in_batches, voeg_toe
from klantregister.register.ports import KlantRepository, Logboek
from klantregister.register.regels import correctie, herkomst_van, verstrekbaar
from klantregister.register.samenvoegen import RegisterSamenvoeging, opgegaan
from klantregister.register.tonen import RegisterWeergave
from klantregister.register.verwerker import (
    Verwerker,
    als_logboek,
    als_logsleutel,
    verwerker,
)
from klantregister.register.vinden import vind_of_registreer
from klantregister.register.zoeken import RegisterZoeken

__all__ = ["KlantRegister"]


# eq=False: a register is an entity with a lock, equal only to itself (and hashable).
@attrs.define(repr=False, eq=False)
class KlantRegister(
    RegisterLevensloop, RegisterWeergave, RegisterZoeken, RegisterSamenvoeging, RegisterBewaring
):
    """The klanten of one or more gemeenten, with the KLOK01 rules enforced.

    ``repository`` is where the klanten are kept; ``None`` keeps them in this
    process's memory. ``minimaal_betrouwbaarheidsniveau`` is the gemeente's
    policy for rule 5: the lowest authentication level at which identificerende
    gegevens may be recorded or corrected. ``vereis_subject`` is rule 10: identifying
    data only of the subject the authentication established (``subject``) or of the one
    the klant acts for (``namens``). A register fed by a system that authenticates
    elsewhere may set it to ``False``, explicitly: an authentication that names neither
    is then taken on its level alone (one that names either is still checked).
    ``bewaartermijn_zelfstandig`` (a ``timedelta`` of whole days, or ``None``) is how long a
    zelfstandige klant is kept from the day it was registered (``verwijder_verlopen``);
    ``klok`` gives today's date (``datetime.date.today``).

    Wherever a method takes a gemeente or an identifier, a plain string is
    accepted too and validated. Operations that change a klant take an
    optional ``versie``: when given, the operation is refused with
    :class:`VersieconflictError` unless the stored klant has that versie.
    """

    _store: KlantRepository = attrs.field(default=None, converter=opslag, alias="repository")
    minimaal_betrouwbaarheidsniveau: Betrouwbaarheidsniveau = attrs.field(
        default=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        converter=niveau,
        kw_only=True,
    )
    vereis_subject: bool = attrs.field(default=True, kw_only=True, converter=_waarheid)
    _logboek: Logboek | None = attrs.field(
        default=None, kw_only=True, alias="logboek", converter=als_logboek
    )
    _logsleutel: bytes | None = attrs.field(
        default=None, kw_only=True, alias="logsleutel", repr=False, converter=als_logsleutel
    )
    bewaartermijn_zelfstandig: datetime.timedelta | None = attrs.field(
        default=None, kw_only=True, converter=als_termijn
    )
    _klok: Callable[[], datetime.date] = attrs.field(
        default=datetime.date.today, kw_only=True, alias="klok", converter=als_klok
    )
    _lock: threading.Lock = attrs.field(factory=threading.Lock, init=False)
    _gesloten: bool = attrs.field(default=False, init=False)
    _verwerker: Verwerker = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self._verwerker = verwerker(self._store, self._logboek, self._logsleutel)

    # --- changing the register ------------------------------------------------

    def registreer(
        self,
        gemeente: Gemeentecode | str,
        klantgegevens: Klantgegevens | None = None,
        identificatie: Identificatie | None = None,
        *,
        authenticatie: Authenticatie | None = None,
        klantnummer: str | None = None,
        id: uuid.UUID | str | None = None,
        bron: str | None = None,
        kenmerken: Kenmerken | None = None,
        overname: Overname | None = None,
        bewaren_tot: datetime.date | None = None,
    ) -> Klant:
        """Register a new klant of ``gemeente`` and return it (``versie`` 1), registered today
        (``geregistreerd_op``) and held until ``bewaren_tot`` if given.

        With ``identificatie`` the klant is aangehaakt: that needs
        ``authenticatie`` at or above the register's minimum level (rule 5)
        whose ``subject`` or ``namens.vertegenwoordigde`` is one of its
        identifiers (rule 10), or in its place the ``overname`` of data
        authenticated elsewhere; the klant keeps either as its ``herkomst``. No
        other klant of the gemeente may hold any of its natural-person keys
        (rule 1). Without it the klant is zelfstandig, and stays so
        (rule 4). ``klantnummer`` is generated when not given, and so is ``id``
        (a random UUID). A klant taken over from another register keeps the
        ``id`` it had there, and ``bron`` (the URL of its record there).
        ``kenmerken`` (soort of party, active, secrecy) agree with the identificatie.

        Raises :class:`OngeldigeWaardeError`, :class:`BetrouwbaarheidsniveauError`,
        :class:`MachtigingError`, :class:`KardinaliteitError`, :class:`KlantnummerInGebruikError` or
        :class:`KlantBestaatAlError`.
        """
        gemeente = Gemeentecode.parse(gemeente)
        gegevens = als_klantgegevens(klantgegevens)
        identificatie = als_identificatie(identificatie)
        authenticatie = als_authenticatie(authenticatie)
        nummer = None if klantnummer is None else klantnummer_(klantnummer)
        gegeven_id = als_id(id)
        bron = als_bron(bron)
        kenmerken = als_kenmerken(kenmerken)
        overname = als_overname(overname)
        tot = als_datum("bewaren_tot", bewaren_tot)
        controleer_kenmerken(kenmerken, identificatie, gegeven_id)
        controleer_herkomst(authenticatie, overname)
        herkomst = None
        if identificatie is not None:
            herkomst = self._herkomst(authenticatie, overname, identificatie)
        with self._lock, self._store.transaction():
            klant, gelogd = voeg_toe(
                self._store,
                gemeente,
                gegevens,
                identificatie,
                nummer,
                klant_id=gegeven_id,
                bron=bron,
                kenmerken=kenmerken,
                herkomst=herkomst,
                log_mee=self._verwerker.mee_met(self._store) if identificatie else None,
                geregistreerd_op=self._vandaag(),
                bewaren_tot=tot,
            )
            if not gelogd:
                self._verwerker.vastgelegd([klant])
        log_registratie(klant)
        return klant

    def vind_of_registreer(
        self,
        gemeente: Gemeentecode | str,
        identificatie: Identificatie,
        klantgegevens: Klantgegevens | None = None,
        *,
        authenticatie: Authenticatie,
    ) -> tuple[Klant, bool]:
        """The klant of this person in ``gemeente``, registered now when none holds any of
        their keys, in one transaction (safe across processes): ``(klant, True)`` when new.
        Rules 5 and 10 apply to both outcomes; ``klantgegevens`` are stored only with a new
        klant. An organisation is found by a klant holding exactly its identificatie
        (``register/vinden.py`` says why). Logged as recorded, or as handed out."""
        gemeente = Gemeentecode.parse(gemeente)
        gegevens = als_klantgegevens(klantgegevens)
        gegeven = als_identificatie(identificatie)
        if gegeven is None:
            raise typefout("identificatie", "een Identificatie", identificatie)
        geldig = self._herkomst(als_authenticatie(authenticatie), None, gegeven)
        with self._lock:
            klant, nieuw = vind_of_registreer(
                self._store,
                self._verwerker,
                gemeente=gemeente,
                identificatie=gegeven,
                gegevens=gegevens,
                authenticatie=geldig,  # type: ignore[arg-type]
                minimum=self.minimaal_betrouwbaarheidsniveau,
                vandaag=self._vandaag(),
            )
        if nieuw:
            log_registratie(klant)
        return klant, nieuw

    def registreer_alle(
        self, registraties: Iterable[Registratie], *, batchgrootte: int = 10_000
    ) -> BulkResultaat:
        """Register many klanten: the bulk path, one transaction per batch.

        Each :class:`Registratie` is checked as :meth:`registreer` checks it;
        a refused one is skipped and reported in ``BulkResultaat.geweigerd``
        with its position (0-based) and the error, and the others are stored.
        A batch is written in one round trip where the storage allows; on a
        conflict (a klant registered already, a duplicate within the batch,
        another process racing) it is redone a klant at a time, each in a
        savepoint, so only the conflicting ones are refused.
        """
        if not isinstance(batchgrootte, int) or isinstance(batchgrootte, bool) or batchgrootte < 1:
            raise OngeldigFormaatError("batchgrootte", "verwacht een geheel getal van 1 of meer")
        if isinstance(registraties, (str, bytes, Mapping)) or not isinstance(
            registraties, Iterable
        ):
            raise typefout("registraties", "een reeks Registraties", registraties)
        return registreer_in_batches(
            self._store,
            self._lock,
            self._controleer_registratie,
            registraties,
            batchgrootte,
            verwerk=self._verwerker.vastgelegd,
            vandaag=self._vandaag,
        )

    def wijzig_klantgegevens(
        self,
        klant_id: uuid.UUID | str,
        klantgegevens: Klantgegevens | None,
        *,
        versie: int | None = None,
    ) -> Klant:
        """Replace the klant's klantgegevens; the klant corrects or erases them (KLUIT01).

        ``Klantgegevens()`` (or ``None``) erases them all. Returns the klant with ``versie``
        one higher; its identificatie is untouched.
        """
        nieuw = self._vervang(klant_id, versie, klantgegevens=als_klantgegevens(klantgegevens))
        log.debug("klantgegevens van klant %s gewijzigd", nieuw.id)
        return nieuw

    def wijzig_kenmerken(
        self, klant_id: uuid.UUID | str, kenmerken: Kenmerken, *, versie: int | None = None
    ) -> Klant:
        """Replace the klant's kenmerken (not active, secret, its soort of party, which agrees
        with the identificatie: rule 3); returns the klant with ``versie`` one higher."""
        # The klant checks its kenmerken against its identificatie (rule 3).
        nieuw = self._vervang(klant_id, versie, kenmerken=als_kenmerken(kenmerken))
        log.debug("kenmerken van klant %s gewijzigd", nieuw.id)
        return nieuw

    def corrigeer_identificatie(
        self,
        klant_id: uuid.UUID | str,
        identificatie: Identificatie,
        *,
        authenticatie: Authenticatie | None,
        versie: int | None = None,
        overname: Overname | None = None,
    ) -> Klant:
        """Correct the identificatie of an aangehaakte klant (a typo in a number, say).

        The correction keeps the subject's soort (rule 4, else :class:`SubjectsoortError`),
        needs ``authenticatie`` at the register's minimum level (rule 5) covering the new
        identificatie (rule 10), or an ``overname`` in its place, which becomes the
        klant's ``herkomst``; and is checked against rule 1 as if new. A zelfstandige
        klant never gets an identificatie (:class:`ZelfstandigeKlantError`).
        """
        nieuwe_identificatie = als_identificatie(identificatie)
        authenticatie = als_authenticatie(authenticatie)
        overname = als_overname(overname)
        with self._lock, self._store.transaction():
            oud = self._actueel(klant_id, versie)
            herkomst = self._corrigeer(oud, nieuwe_identificatie, authenticatie, overname)
            nieuw = attrs.evolve(
                oud, identificatie=nieuwe_identificatie, versie=oud.versie + 1, herkomst=herkomst
            )
            self._store.replace(oud, nieuw)
            self._verwerker.gecorrigeerd(nieuw)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("identificatie van klant %s gecorrigeerd", nieuw.id)
            log_herkomst(nieuw, herkomst)
        return nieuw

    def werk_bij(
        self,
        klant_id: uuid.UUID | str,
        klantgegevens: Klantgegevens | None,
        identificatie: Identificatie | None,
        *,
        authenticatie: Authenticatie | None = None,
        versie: int | None = None,
        kenmerken: Kenmerken | None = None,
        overname: Overname | None = None,
    ) -> Klant:
        """Give the klant these klantgegevens and this identificatie (and ``kenmerken``,
        unless ``None``) in one change: all or none (an import of a record the register
        holds). ``versie`` goes up by one.

        The identificatie, where it differs, is corrected as :meth:`corrigeer_identificatie`
        corrects it (rules 1, 4, 5 and 10; ``authenticatie`` or ``overname`` needed);
        ``None`` keeps a zelfstandige klant zelfstandig and is refused for an aangehaakte one.
        """
        gegevens = als_klantgegevens(klantgegevens)
        nieuwe_identificatie = als_identificatie(identificatie)
        authenticatie = als_authenticatie(authenticatie)
        overname = als_overname(overname)
        controleer_herkomst(authenticatie, overname)
        nieuwe_kenmerken = None if kenmerken is None else als_kenmerken(kenmerken)
        with self._lock, self._store.transaction():
            oud = self._actueel(klant_id, versie)
            nieuwe_kenmerken = nieuwe_kenmerken or oud.kenmerken
            controleer_kenmerken(nieuwe_kenmerken, nieuwe_identificatie, oud.id)
            geldig = None
            if nieuwe_identificatie != oud.identificatie:
                geldig = self._corrigeer(oud, nieuwe_identificatie, authenticatie, overname)
            if (gegevens, nieuwe_identificatie, nieuwe_kenmerken) == (
                oud.klantgegevens,
                oud.identificatie,
                oud.kenmerken,
            ):
                return oud
            nieuw = attrs.evolve(
                oud,
                klantgegevens=gegevens,
                identificatie=nieuwe_identificatie,
                kenmerken=nieuwe_kenmerken,
                versie=oud.versie + 1,
                herkomst=oud.herkomst if geldig is None else geldig,
            )
            self._store.replace(oud, nieuw)
            if geldig is not None:
                self._verwerker.gecorrigeerd(nieuw)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("klant %s bijgewerkt", nieuw.id)
            if geldig is not None:
                log_herkomst(nieuw, geldig)
        return nieuw

    # --- reading the register -------------------------------------------------

    def get(self, klant_id: uuid.UUID | str) -> Klant:
        """The klant with this id; :class:`KlantNietGevondenError` (a ``KeyError``) if none."""
        sleutel = klant_id_(klant_id)
        with self._lock:
            klant = self._store.get(sleutel)
            if klant is None:
                raise opgegaan(self._store, sleutel)
        return klant

    def verstrek(self, klant_id: uuid.UUID | str, authenticatie: Authenticatie) -> Klant:
        """Hand the klant, with its identificatie, to the klant who authenticated (KLUIT06:
        identity established anew before recorded identifying data are handed out): only
        to an ``authenticatie`` at or above the register's minimum level whose subject or
        ``namens.vertegenwoordigde`` is one of the klant's identifiers. Anything else,
        a zelfstandige klant included (it is tied to no one), raises
        :class:`MachtigingError` and hands out nothing; the handing out is logged.

        ``get`` and ``zoek`` are for the gemeente's own work (its staff, its processes):
        say their purpose with :func:`verwerkingsdoel`, which ``zoek``'s log entries keep.
        """
        sleutel = klant_id_(klant_id)
        if not isinstance(authenticatie, Authenticatie):
            raise typefout("authenticatie", "een Authenticatie", authenticatie)
        with self._lock, self._store.transaction():
            klant = self._store.get(sleutel)
            if klant is None:
                raise opgegaan(self._store, sleutel)
            verstrekbaar(klant, authenticatie, self.minimaal_betrouwbaarheidsniveau)
            self._verwerker.verstrekt(klant, authenticatie)
        return klant

    def verwerkingen(
        self,
        klant_id: uuid.UUID | str | None = None,
        *,
        betrokkene: Identificator | None = None,
    ) -> Iterator[Verwerking]:
        """The processing log's entries, in the order written; of one klant if given (its
        id), and of one data subject if ``betrokkene`` is given (a typed identifier: its
        pseudonym is computed with the register's key, so a person's entries are found
        after their klant is erased: an inzageverzoek). Raises :class:`OpslagError` when
        the logboek cannot be read (a :class:`LoggingLogboek`) or the register keeps none."""
        sleutel = None if klant_id is None else klant_id_(klant_id)
        pseudoniem = None if betrokkene is None else self._verwerker.pseudoniem(betrokkene)
        with self._lock:
            return iter(
                [
                    v
                    for v in self._verwerker.verwerkingen(sleutel)
                    if pseudoniem is None or v.betrokkene == pseudoniem
                ]
            )

    # --- the rules ------------------------------------------------------------

    def _herkomst(
        self,
        authenticatie: Authenticatie | None,
        overname: Overname | None,
        identificatie: Identificatie,
    ) -> Herkomst:
        """Rules 5 and 10, or a take-over: what the identificatie is recorded with."""
        return herkomst_van(
            authenticatie,
            overname,
            identificatie,
            self.minimaal_betrouwbaarheidsniveau,
            vereis_subject=self.vereis_subject,
        )

    def _controleer_registratie(self, registratie: Registratie) -> None:
        """Rules 5 and 10 for a registratie with an identificatie (the bulk path)."""
        self._herkomst(
            registratie.authenticatie,
            registratie.overname,
            registratie.identificatie,  # type: ignore[arg-type]
        )

    def _corrigeer(
        self,
        oud: Klant,
        nieuw: Identificatie | None,
        authenticatie: Authenticatie | None,
        overname: Overname | None,
    ) -> Herkomst:
        """Rules 4, 5, 10 and 1 for a correction of ``oud``'s identificatie to ``nieuw``."""
        return correctie(
            self._store, oud, nieuw, lambda i: self._herkomst(authenticatie, overname, i)
        )

    def _vervang(self, klant_id: uuid.UUID | str, versie: int | None, **velden: object) -> Klant:
        """Store the klant with these fields changed and ``versie`` one higher."""
        with self._lock, self._store.transaction():
            oud = self._actueel(klant_id, versie)
            nieuw = attrs.evolve(oud, versie=oud.versie + 1, **velden)  # type: ignore[arg-type]
            self._store.replace(oud, nieuw)
        return nieuw

    def _actueel(self, klant_id: uuid.UUID | str, versie: int | None) -> Klant:
        """The stored klant, checked against the versie the caller read (under the lock)."""
        sleutel = klant_id_(klant_id)
        klant = self._store.get(sleutel)
        if klant is None:
            raise opgegaan(self._store, sleutel)
        if versie is not None and als_versie(versie) != klant.versie:
            raise VersieconflictError(klant.id, versie, klant.versie)
        return klant
