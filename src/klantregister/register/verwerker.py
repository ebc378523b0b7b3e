"""The register's processing log: which :class:`~klantregister.Verwerking` each operation
on identifying data writes, and where.

The register calls these inside the transaction of the operation, after its write, so
an operation that is refused or rolled back leaves no entry, and (with the storage as
logboek) no identificatie is stored without its entry.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from uuid import UUID

import attrs

from klantregister.domain import (
    Authenticatie,
    Gemeentecode,
    Handeling,
    Herkomst,
    Identificator,
    Klant,
    OpslagError,
    Pseudonimisering,
    Verwerking,
    typefout,
)
from klantregister.register.ports import Logboek

__all__ = ["Verwerker", "als_logboek", "als_logsleutel", "verwerker"]


@attrs.define
class Verwerker:
    """Writes the entries to ``logboek`` (none: nothing is logged), the identifiers in them
    pseudonymised with ``pseudonimisering``."""

    logboek: Logboek | None
    pseudonimisering: Pseudonimisering

    def vastgelegd(self, klanten: Iterable[Klant]) -> None:
        """Identificaties recorded (registreer, registreer_alle), with their herkomst."""
        self._schrijf(Handeling.VASTLEGGEN, [k for k in klanten if k.identificatie is not None])

    def mee_met(self, store: object) -> Callable[[Klant], list[Verwerking]] | None:
        """The entries of a klant recorded, for ``store`` to write with the klant itself
        (PostgreSQL's one round trip), when ``store`` is the logboek; else ``None``."""
        if self.logboek is not store or self.logboek is None:
            return None
        return lambda klant: [self._regel(Handeling.VASTLEGGEN, klant, klant.herkomst)]

    def gecorrigeerd(self, klant: Klant) -> None:
        """An identificatie corrected, with the herkomst of the correction."""
        self._schrijf(Handeling.CORRIGEREN, [klant])

    def gewist(self, klant: Klant) -> None:
        """An aangehaakte klant erased, its identificatie with it."""
        if klant.identificatie is not None:
            self._schrijf(Handeling.WISSEN, [klant], herkomst=False)

    def samengevoegd(
        self, behouden: Klant, opgegaan: Klant, authenticatie: Authenticatie | None = None
    ) -> None:
        """Two klanten brought together: the result's identificatie, with the authenticatie
        the merge was done on (the result's herkomst without one), and the erasure of the
        one that went into it (if it was aangehaakt)."""
        if behouden.identificatie is not None and self.logboek is not None:
            herkomst = behouden.herkomst if authenticatie is None else authenticatie
            regel = self._regel(Handeling.SAMENVOEGEN, behouden, herkomst)
            self.logboek.schrijf_verwerkingen([regel])
        self.gewist(opgegaan)

    def gevonden(self, klanten: Sequence[Klant]) -> None:
        """Klanten looked up by their contact data: the aangehaakte ones found are a lookup
        of identifying data (one entry each); a zelfstandige klant is none."""
        self._schrijf(
            Handeling.RAADPLEGEN,
            [k for k in klanten if k.identificatie is not None],
            herkomst=False,
        )

    def verstrekt(self, klant: Klant, authenticatie: Authenticatie) -> None:
        """A klant handed to the klant authenticated (or the one acting for them)."""
        if self.logboek is not None:
            self.logboek.schrijf_verwerkingen(
                [self._regel(Handeling.VERSTREKKEN, klant, authenticatie)]
            )

    def geraadpleegd(
        self, gemeente: Gemeentecode, identificator: Identificator, klanten: Sequence[Klant]
    ) -> None:
        """Klanten looked up by an identifier: an entry for each found, or one for none."""
        if self.logboek is None:
            return
        pseudo = self.pseudonimisering
        ids: list[UUID | None] = [klant.id for klant in klanten] or [None]
        verwerkingen = [
            Verwerking.van(
                Handeling.RAADPLEGEN,
                gemeente,
                klant_id,
                identificator,
                herkomst=None,
                pseudonimisering=pseudo,
            )
            for klant_id in ids
        ]
        self.logboek.schrijf_verwerkingen(verwerkingen)

    def pseudoniem(self, identificator: Identificator) -> str:
        """The pseudonym this register's log gives ``identificator``."""
        return self.pseudonimisering.pseudoniem(identificator)

    def verwerkingen(self, klant_id: UUID | None) -> Iterator[Verwerking]:
        if self.logboek is None:
            raise OpslagError("dit register houdt geen logboek bij")
        return self.logboek.verwerkingen(klant_id)

    def _schrijf(
        self, handeling: Handeling, klanten: Sequence[Klant], *, herkomst: bool = True
    ) -> None:
        if self.logboek is None or not klanten:
            return
        self.logboek.schrijf_verwerkingen(
            [self._regel(handeling, k, k.herkomst if herkomst else None) for k in klanten]
        )

    def _regel(self, handeling: Handeling, klant: Klant, herkomst: Herkomst | None) -> Verwerking:
        betrokkene = None if klant.identificatie is None else klant.identificatie.identificatoren[0]
        return Verwerking.van(
            handeling,
            klant.gemeente,
            klant.id,
            betrokkene,
            herkomst=herkomst,
            pseudonimisering=self.pseudonimisering,
        )


def als_logboek(value: object) -> Logboek | None:
    """Converter: a :class:`Logboek` or ``None`` (the repository's own)."""
    if value is None or isinstance(value, Logboek):
        return value
    raise typefout("logboek", "een Logboek of None", value)


def als_logsleutel(value: object) -> bytes | None:
    """Converter: ``None`` (the repository's own key), or a key of at least 16 bytes."""
    if value is None:
        return None
    return Pseudonimisering(value).sleutel  # type: ignore[arg-type]


def verwerker(store: object, logboek: Logboek | None, logsleutel: bytes | None) -> Verwerker:
    """The register's log: to ``logboek``, else to the repository when it is a logboek (the
    three shipped are), else none; pseudonyms with ``logsleutel``, else the repository's
    own key (``logsleutel()``), else a random key of this register's."""
    if logboek is None and isinstance(store, Logboek):
        logboek = store
    eigen = getattr(store, "logsleutel", None)
    if logsleutel is None and callable(eigen):
        # Asked for now, outside any transaction: a key made in an operation's transaction
        # that rolls back would be lost while this register kept using it.
        logsleutel = eigen()
    return Verwerker(logboek, Pseudonimisering(logsleutel or os.urandom(32)))
