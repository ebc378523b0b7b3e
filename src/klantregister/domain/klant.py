"""The klant: one entry of a gemeente's register, immutable.

A :class:`Klant` is a value: the register hands out a new one for every
change, with ``versie`` one higher. Build them through
:class:`~klantregister.KlantRegister`, which enforces the KLOK01 rules; the
class itself checks only that each field is well-formed.

>>> from uuid import UUID
>>> klant = Klant(UUID(int=1), "0363", "00000001")
>>> klant.zelfstandig, klant.versie
(True, 1)
"""

from __future__ import annotations

import datetime
import re
import uuid

import attrs

from klantregister.domain import velden, weergave
from klantregister.domain.authenticatie import Herkomst, als_herkomst
from klantregister.domain.bewaren import als_bewaren_tot, als_geregistreerd_op
from klantregister.domain.errors import OngeldigeLengteError, OngeldigFormaatError, typefout
from klantregister.domain.identificatie import Identificatie
from klantregister.domain.identifiers import ANummer, Bsn, Gemeentecode
from klantregister.domain.kenmerken import (
    GEEN_KENMERKEN,
    Kenmerken,
    als_kenmerken,
    controleer_kenmerken,
)
from klantregister.domain.klantgegevens import Klantgegevens
from klantregister.domain.klok01 import MAX_KLANTNUMMER
from klantregister.domain.meldingen import maskeer, maskeer_nummer, toon

__all__ = [
    "GEEN_KLANTGEGEVENS",
    "MAX_BRON",
    "MAX_VERSIE",
    "Klant",
    "als_bron",
    "als_identificatie",
    "als_klantgegevens",
    "als_versie",
    "klant_id",
    "klantnummer",
    "nieuwe_klant",
    "toon_klantnummer",
    "zelfstandig_met_herkomst",
]

#: The klantgegevens of a klant who gave none (KLUIT02 allows that).
GEEN_KLANTGEGEVENS = Klantgegevens()

_KLANTNUMMER = re.compile(rf"\S{{1,{MAX_KLANTNUMMER}}}")
#: The longest ``bron``: the ``url`` of a Klanten API v1 Klant or a Partij is at most 1000.
MAX_BRON = 1000
_BRON = re.compile(velden.BRON)


def klant_id(value: uuid.UUID | str) -> uuid.UUID:
    """Return ``value`` as a UUID; a string is parsed, anything else refused."""
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            pass
    raise OngeldigFormaatError("klant_id", f"{toon(value)} is geen UUID")


def klantnummer(value: object) -> str:
    """Validate a klantnummer: 1-10 printable characters without spaces, stripped."""
    if not isinstance(value, str):
        raise typefout("klantnummer", "tekst (str)", value)
    nummer = value.strip()
    if _KLANTNUMMER.fullmatch(nummer) and nummer.isprintable():
        return nummer
    if not nummer or len(nummer) > MAX_KLANTNUMMER:
        raise OngeldigeLengteError(
            "klantnummer", f"{len(nummer)} tekens, verwacht 1 tot en met {MAX_KLANTNUMMER}"
        )
    raise OngeldigFormaatError("klantnummer", f"{toon(nummer)} bevat spaties of stuurtekens")


# A run of nine or ten digits, on its own: what may be a BSN or an A-nummer.
_PERSOONSNUMMER = re.compile(r"(?<!\d)\d{9,10}(?!\d)")


def toon_klantnummer(nummer: str) -> str:
    """The klantnummer as a ``repr``, the notebook HTML and the masked records show it.

    In full (it is the gemeente's own number, which staff look a klant up by), but where
    it holds a valid BSN or A-nummer (a gemeente that numbered its klanten by BSN) that
    number is masked as everywhere else.

    >>> toon_klantnummer("00000042"), toon_klantnummer("111222333")
    ('00000042', '******333')
    """
    if not any(teken.isdigit() for teken in nummer):
        return nummer
    return _PERSOONSNUMMER.sub(_maskeer_persoonsnummer, nummer)


def _maskeer_persoonsnummer(match: re.Match[str]) -> str:
    cijfers = match.group()
    if Bsn.is_valid(cijfers) or ANummer.is_valid(cijfers):
        return maskeer_nummer(cijfers)
    return cijfers


def _gemeente(value: Gemeentecode | str) -> Gemeentecode:
    return Gemeentecode.parse(value)


def als_klant(value: object) -> Klant:
    """``value`` if it is a Klant; :class:`OngeldigTypeError` otherwise (a writer's argument)."""
    if value.__class__ is not Klant:
        raise typefout("klant", "een Klant", value)
    return value


def als_klantgegevens(value: object) -> Klantgegevens:
    """Converter: ``value`` if it is Klantgegevens, :data:`GEEN_KLANTGEGEVENS` for ``None``."""
    if value is None:
        return GEEN_KLANTGEGEVENS
    if isinstance(value, Klantgegevens):
        return value
    raise typefout("klantgegevens", "Klantgegevens", value)


def als_identificatie(value: object) -> Identificatie | None:
    """Converter: ``value`` if it is an Identificatie or ``None``."""
    if value is None or isinstance(value, Identificatie):
        return value
    raise typefout("identificatie", "een Identificatie of None", value)


def als_bron(value: object) -> str | None:
    """Converter: ``None``, or the http(s) URL of the record a klant was taken over from."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise typefout("bron", "tekst (str) of None", value)
    if len(value) > MAX_BRON:
        raise OngeldigeLengteError("bron", f"{len(value)} tekens, ten hoogste {MAX_BRON}")
    if not value.isprintable() or not _BRON.fullmatch(value):
        raise OngeldigFormaatError("bron", f"{toon(value)} is geen http(s)-URL")
    return value


#: The highest versie a klant can reach: what PostgreSQL's ``integer`` column holds, and so
#: every storage (two thousand million changes of one klant).
MAX_VERSIE = 2**31 - 1


def als_versie(value: object) -> int:
    """Converter: ``value`` if it is a whole number from 1 to :data:`MAX_VERSIE` (not a bool)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise OngeldigFormaatError("versie", f"{toon(value)} is geen geheel getal van 1 of meer")
    if value > MAX_VERSIE:
        raise OngeldigeLengteError("versie", f"ten hoogste {MAX_VERSIE}")
    return value


@attrs.frozen
class Klant:
    """A klant of one gemeente.

    - ``id``: a UUID, never reused;
    - ``gemeente``: the :class:`Gemeentecode` whose register holds the klant;
    - ``klantnummer``: at most 10 characters, unique within the gemeente;
    - ``klantgegevens``: what the klant told the gemeente (may be empty);
    - ``identificatie``: the hook into the BRP, the Handelsregister or a foreign
      register, or ``None`` for a zelfstandige klant;
    - ``versie``: 1 when registered, one higher after every change;
    - ``bron``: the URL of the record the klant was taken over from (the ``url``
      of a Klanten API v1 Klant or a Partij), or ``None``. It never changes;
    - ``kenmerken``: its soort of party, whether it is active, whether its data are
      secret (:class:`~klantregister.Kenmerken`); the soort agrees with the
      identificatie's (KLOK01 rule 3);
    - ``herkomst``: what the identificatie was recorded (or last corrected) with, the
      klant's :class:`~klantregister.Authenticatie` or the
      :class:`~klantregister.Overname` of data authenticated elsewhere; ``None`` for a
      zelfstandige klant, and for one registered before klantregister kept it;
    - ``geregistreerd_op``: the day the klant was registered (the start of a zelfstandige
      klant's term), ``None`` for one registered before klantregister kept it;
    - ``bewaren_tot``: the day until which the klant is kept (a hold:
      :mod:`klantregister.domain.bewaren`), or ``None``.
    """

    id: uuid.UUID = attrs.field(converter=klant_id)
    gemeente: Gemeentecode = attrs.field(converter=_gemeente)
    klantnummer: str = attrs.field(
        converter=klantnummer, repr=lambda nummer: repr(toon_klantnummer(nummer))
    )
    klantgegevens: Klantgegevens = attrs.field(
        default=GEEN_KLANTGEGEVENS, converter=als_klantgegevens
    )
    identificatie: Identificatie | None = attrs.field(default=None, converter=als_identificatie)
    versie: int = attrs.field(default=1, converter=als_versie)
    bron: str | None = attrs.field(
        default=None,
        converter=als_bron,
        kw_only=True,
        repr=lambda bron: repr(bron if bron is None else maskeer(bron)),
    )
    kenmerken: Kenmerken = attrs.field(
        default=GEEN_KENMERKEN, converter=als_kenmerken, kw_only=True
    )
    herkomst: Herkomst | None = attrs.field(default=None, converter=als_herkomst, kw_only=True)
    geregistreerd_op: datetime.date | None = attrs.field(
        default=None, converter=als_geregistreerd_op, kw_only=True
    )
    bewaren_tot: datetime.date | None = attrs.field(
        default=None, converter=als_bewaren_tot, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.kenmerken.soort is not None:
            controleer_kenmerken(self.kenmerken, self.identificatie, self.id)
        if self.herkomst is not None and self.identificatie is None:
            raise zelfstandig_met_herkomst()

    @property
    def aangehaakt(self) -> bool:
        """Whether identificerende gegevens hook this klant to a subject (aangehaakte klant)."""
        return self.identificatie is not None

    @property
    def zelfstandig(self) -> bool:
        """Whether this klant has no identificerende gegevens (zelfstandige klant)."""
        return self.identificatie is None

    def _repr_html_(self) -> str:
        """The klant as an HTML table in Jupyter, identifiers masked as in ``repr``."""
        return weergave.html(self)


def nieuwe_klant(
    id: uuid.UUID,
    gemeente: Gemeentecode,
    klantnummer: str,
    klantgegevens: Klantgegevens,
    identificatie: Identificatie | None,
    *,
    bron: str | None = None,
    kenmerken: Kenmerken = GEEN_KENMERKEN,
    herkomst: Herkomst | None = None,
    geregistreerd_op: datetime.date | None = None,
    bewaren_tot: datetime.date | None = None,
) -> Klant:
    """A new klant (versie 1) from parts that are already values of their types.

    Skips the converters: the register builds klanten from validated parts (its
    bulk path from a validated :class:`~klantregister.Registratie`), and checking
    each part again would cost as much as storing it.
    """
    klant = object.__new__(Klant)
    zet = object.__setattr__
    zet(klant, "id", id)
    zet(klant, "gemeente", gemeente)
    zet(klant, "klantnummer", klantnummer)
    zet(klant, "klantgegevens", klantgegevens)
    zet(klant, "identificatie", identificatie)
    zet(klant, "versie", 1)
    zet(klant, "bron", bron)
    zet(klant, "kenmerken", kenmerken)
    zet(klant, "herkomst", herkomst)
    zet(klant, "geregistreerd_op", geregistreerd_op)
    zet(klant, "bewaren_tot", bewaren_tot)
    return klant


def zelfstandig_met_herkomst() -> OngeldigFormaatError:
    """The error for a zelfstandige klant given a herkomst: it has no identificatie to
    have recorded with one."""
    return OngeldigFormaatError(
        "herkomst", "een zelfstandige klant heeft geen identificerende gegevens, dus geen herkomst"
    )
