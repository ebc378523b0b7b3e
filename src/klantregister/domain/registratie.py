"""A registratie: what one klant is registered with, validated before the register sees it.

>>> from klantregister import Identificatie
>>> Registratie("0363", identificatie=Identificatie.natuurlijk_persoon(bsn="111222333")).gemeente
Gemeentecode('0363')
"""

from __future__ import annotations

import datetime
import uuid

import attrs

from klantregister.domain.authenticatie import Authenticatie, Overname
from klantregister.domain.bewaren import als_bewaren_tot, als_geregistreerd_op
from klantregister.domain.errors import KlantregisterError, OngeldigFormaatError, typefout
from klantregister.domain.identificatie import Identificatie
from klantregister.domain.identifiers import Gemeentecode
from klantregister.domain.kenmerken import (
    GEEN_KENMERKEN,
    Kenmerken,
    als_kenmerken,
    controleer_kenmerken,
)
from klantregister.domain.klant import (
    Klant,
    als_bron,
    als_identificatie,
    als_klantgegevens,
    klant_id,
    klantnummer,
    toon_klantnummer,
)
from klantregister.domain.klantgegevens import Klantgegevens
from klantregister.domain.meldingen import getoond, maskeer

__all__ = [
    "BulkResultaat",
    "Registratie",
    "als_authenticatie",
    "als_gemeente",
    "als_klantnummer",
    "als_overname",
    "controleer_herkomst",
    "nieuwe_registratie",
]


def als_gemeente(value: Gemeentecode | str) -> Gemeentecode:
    """Converter: a Gemeentecode, or the one a string names."""
    return Gemeentecode.parse(value)


def als_klantnummer(value: object) -> str | None:
    """Converter: ``None`` (generate one), or a valid klantnummer."""
    return None if value is None else klantnummer(value)


def als_id(value: object) -> uuid.UUID | None:
    """Converter: ``None`` (generate one), or the klant's id as a UUID."""
    return None if value is None else klant_id(value)  # type: ignore[arg-type]


def als_authenticatie(value: object) -> Authenticatie | None:
    """Converter: ``value`` if it is an Authenticatie or ``None``."""
    if value is None or isinstance(value, Authenticatie):
        return value
    raise typefout("authenticatie", "Authenticatie of None", value)


def als_overname(value: object) -> Overname | None:
    """Converter: ``value`` if it is an Overname or ``None``."""
    if value is None or isinstance(value, Overname):
        return value
    raise typefout("overname", "een Overname of None", value)


def controleer_herkomst(authenticatie: Authenticatie | None, overname: Overname | None) -> None:
    """An identificatie is recorded with an authenticatie or taken over, not both."""
    if authenticatie is not None and overname is not None:
        raise OngeldigFormaatError(
            "overname",
            "geef een authenticatie of een overname, niet beide: overgenomen gegevens "
            "zijn elders geauthenticeerd",
        )


@attrs.frozen
class Registratie:
    """The arguments of one :meth:`~klantregister.KlantRegister.registreer`, for the bulk
    path and the formats' readers.

    Built from plain strings too, and validated as ``registreer`` validates them.
    ``id`` and ``bron`` are the id and source reference of a record taken over
    from another register (an import): the klant keeps them. ``kenmerken`` agree
    with the identificatie (KLOK01 rule 3), checked here. ``overname`` stands in place
    of ``authenticatie`` for identifying data authenticated elsewhere; not both.
    """

    gemeente: Gemeentecode = attrs.field(converter=als_gemeente)
    klantgegevens: Klantgegevens = attrs.field(default=None, converter=als_klantgegevens)
    identificatie: Identificatie | None = attrs.field(default=None, converter=als_identificatie)
    authenticatie: Authenticatie | None = attrs.field(
        default=None, converter=als_authenticatie, kw_only=True
    )
    klantnummer: str | None = attrs.field(
        default=None,
        converter=als_klantnummer,
        kw_only=True,
        repr=lambda nummer: repr(nummer if nummer is None else toon_klantnummer(nummer)),
    )
    id: uuid.UUID | None = attrs.field(default=None, converter=als_id, kw_only=True)
    # A URL may hold a BSN (a BRP link): masked in the repr as free text is.
    bron: str | None = attrs.field(
        default=None,
        converter=als_bron,
        kw_only=True,
        repr=lambda bron: repr(bron if bron is None else maskeer(bron)),
    )
    kenmerken: Kenmerken = attrs.field(
        default=GEEN_KENMERKEN, converter=als_kenmerken, kw_only=True
    )
    overname: Overname | None = attrs.field(default=None, converter=als_overname, kw_only=True)
    #: The day the klant was registered where it comes from (``None``: the day it is now).
    geregistreerd_op: datetime.date | None = attrs.field(
        default=None, converter=als_geregistreerd_op, kw_only=True
    )
    bewaren_tot: datetime.date | None = attrs.field(
        default=None, converter=als_bewaren_tot, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.kenmerken.soort is not None:
            controleer_kenmerken(self.kenmerken, self.identificatie, self.id)
        controleer_herkomst(self.authenticatie, self.overname)


def nieuwe_registratie(
    gemeente: Gemeentecode,
    klantgegevens: Klantgegevens,
    identificatie: Identificatie | None,
    *,
    authenticatie: Authenticatie | None = None,
    klantnummer: str | None = None,
    id: uuid.UUID | None = None,
    bron: str | None = None,
    kenmerken: Kenmerken = GEEN_KENMERKEN,
    overname: Overname | None = None,
    geregistreerd_op: datetime.date | None = None,
    bewaren_tot: datetime.date | None = None,
) -> Registratie:
    """A registratie from parts that are already values of their types, as
    :func:`~klantregister.domain.klant.nieuwe_klant` builds a klant: a reader that
    validated each part, or an import giving a read registratie its id and
    authenticatie, need not pay for the converters again. The one rule between the
    parts, that the kenmerken agree with the identificatie (rule 3), is checked.
    """
    if kenmerken.soort is not None:
        controleer_kenmerken(kenmerken, identificatie, id)
    controleer_herkomst(authenticatie, overname)
    registratie = object.__new__(Registratie)
    zet = object.__setattr__
    zet(registratie, "gemeente", gemeente)
    zet(registratie, "klantgegevens", klantgegevens)
    zet(registratie, "identificatie", identificatie)
    zet(registratie, "authenticatie", authenticatie)
    zet(registratie, "klantnummer", klantnummer)
    zet(registratie, "id", id)
    zet(registratie, "bron", bron)
    zet(registratie, "kenmerken", kenmerken)
    zet(registratie, "overname", overname)
    zet(registratie, "geregistreerd_op", geregistreerd_op)
    zet(registratie, "bewaren_tot", bewaren_tot)
    return registratie


@attrs.frozen
class BulkResultaat:
    """What :meth:`~klantregister.KlantRegister.registreer_alle` did.

    ``geregistreerd``: the new klanten, in input order; ``geweigerd``: per
    refused registratie its position in the input (0-based) and the error.
    """

    geregistreerd: tuple[Klant, ...] = attrs.field(repr=getoond)
    geweigerd: tuple[tuple[int, KlantregisterError], ...] = attrs.field(repr=getoond)
