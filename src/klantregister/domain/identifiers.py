"""The Dutch identifiers and the gemeentecode.

Each identifier is a frozen, hashable, slotted value object built from a
string. It accepts messy input (surrounding whitespace; spaces, dots and
hyphens inside, including their common Unicode look-alikes such as a
no-break space or an en dash) and keeps the compact form in ``waarde``.
Only ASCII digits count as digits: Arabic-Indic, full-width and other
Unicode digits are refused, where ``str.isdigit`` would let them through.

Every class offers the vocabulary of python-stdnum:

>>> Bsn.compact(" 1112.22.333 ")
'111222333'
>>> Bsn.validate("1112-22-333")
'111222333'
>>> Bsn.is_valid("1112.52.333")
False
>>> Bsn("111222333").format()
'1112.22.333'

A BSN or A-nummer is personal data: its ``repr`` and ``str`` are masked, and
only the explicit ``waarde`` attribute (and ``format()``) give it in full.

>>> bsn = Bsn("111222333")
>>> bsn
Bsn('******333')
>>> bsn.waarde
'111222333'
"""

from __future__ import annotations

import operator
import re
from typing import ClassVar

import attrs
from typing_extensions import Self

from klantregister.domain.errors import (
    OngeldigControlegetalError,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    typefout,
)
from klantregister.domain.meldingen import maskeer_nummer, toon
from klantregister.domain.scheidingstekens import zonder_scheidingstekens

__all__ = ["ANummer", "Bsn", "Gemeentecode", "KvkNummer", "Rsin", "Vestigingsnummer", "tekst"]

# ``re.ASCII`` is implied for bytes only; [0-9] is ASCII by construction, and
# fullmatch (not match with $) refuses a trailing newline.
_CIJFERS = re.compile(r"[0-9]+")
_BSN_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def tekst(veld: str, value: object) -> str:
    """``value`` if it is a ``str``; :class:`OngeldigTypeError` naming ``veld`` if not."""
    if not isinstance(value, str):
        raise typefout(veld, "tekst (str)", value)
    return value


def _toon(value: str, geheim: bool) -> str:
    """The input as an error message may show it: never a personal number. An invalid
    organisation number is masked as free text is: it may be a BSN in the wrong field."""
    return "de opgegeven waarde" if geheim else toon(value)


# The ASCII code of each digit is its value plus 48; the weights sum to 43, so the
# offset 48 * 43 is taken off once instead of converting every digit.
_ASCII_NUL = ord("0") * sum(_BSN_GEWICHTEN)


def _voldoet_aan_elfproef(cijfers: str) -> bool:
    """Whether nine ASCII digits pass the 11-proef (weights 9..2 and -1)."""
    gewogen: int = sum(map(operator.mul, _BSN_GEWICHTEN, cijfers.encode()))
    return (gewogen - _ASCII_NUL) % 11 == 0


class _Nummer:
    """Shared behaviour of the identifiers that are a single number.

    A subclass says with its class variables which checks apply.
    """

    __slots__ = ()

    waarde: str
    _veld: ClassVar[str]
    #: How many digits the number has.
    LENGTE: ClassVar[int]
    _aanvullen: ClassVar[bool] = False  # pad short input with leading zeros
    _geheim: ClassVar[bool] = False  # personal data: mask it
    _elfproef: ClassVar[bool] = False  # the last digit is an 11-proef check digit
    _niet_nul_vooraan: ClassVar[bool] = False  # the first digit is 1-9

    @classmethod
    def compact(cls, value: str) -> str:
        """Strip separators and surrounding whitespace, without validating."""
        if value.__class__ is not str:
            value = tekst(cls._veld, value)
        # Most input is already compact; str.translate with a table is the slow path.
        compact = value if value.isascii() and value.isdigit() else zonder_scheidingstekens(value)
        return compact.zfill(cls.LENGTE) if cls._aanvullen else compact

    @classmethod
    def validate(cls, value: str) -> str:
        """Return the compact form of ``value``, or raise an OngeldigeWaardeError."""
        if value.__class__ is str and value.isascii() and value.isdigit():
            # The common case: already compact, ASCII digits only (this is on the hot path).
            compact = value.zfill(cls.LENGTE) if cls._aanvullen else value
        else:
            compact = cls.compact(value)
            if not compact.strip("0") and not any(teken in "0123456789" for teken in value):
                # Padding would make this all zeros; say what is really wrong.
                raise OngeldigeLengteError(cls._veld, "er is geen nummer opgegeven")
            if not _CIJFERS.fullmatch(compact):
                raise OngeldigFormaatError(
                    cls._veld, f"{cls._toon(value)} bevat andere tekens dan de cijfers 0-9"
                )
        if len(compact) != cls.LENGTE:
            raise OngeldigeLengteError(
                cls._veld,
                f"{cls._toon(value)} heeft {len(compact)} cijfers, verwacht {cls.LENGTE}",
            )
        if compact.count("0") == cls.LENGTE:
            raise OngeldigFormaatError(cls._veld, "een nummer van alleen nullen is ongeldig")
        if cls._elfproef and not _voldoet_aan_elfproef(compact):
            raise OngeldigControlegetalError(
                cls._veld, f"{cls._toon(value)} voldoet niet aan de 11-proef"
            )
        if cls._niet_nul_vooraan and compact[0] == "0":
            raise OngeldigFormaatError(cls._veld, f"{cls._toon(value)} begint met 0")
        return compact

    @classmethod
    def _toon(cls, value: str) -> str:
        return _toon(value, cls._geheim)

    @classmethod
    def is_valid(cls, value: object) -> bool:
        """Whether ``value`` is valid; never raises."""
        try:
            cls.validate(value)  # type: ignore[arg-type]
        except OngeldigeWaardeError:
            return False
        return True

    @classmethod
    def parse(cls, value: Self | str) -> Self:
        """Return ``value`` if it already is one, else build one from the string."""
        if isinstance(value, cls):
            return value
        return cls(value)  # type: ignore[call-arg]

    def format(self) -> str:
        """The number as people write it. For a BSN this is the full number."""
        return self.waarde

    # Written by hand (the subclasses pass eq=False to attrs) because these objects
    # key the register's indexes: hashing the cached str hash is the fast path.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self.waarde == other.waarde
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.waarde)

    def __str__(self) -> str:
        return maskeer_nummer(self.waarde) if self._geheim else self.waarde

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


# Named converters, one per class, as mypy's attrs plugin needs; each resolves its
# class when called, after the module is loaded.
def _valideer_bsn(value: str) -> str:
    return Bsn.validate(value)


def _valideer_anummer(value: str) -> str:
    return ANummer.validate(value)


def _valideer_rsin(value: str) -> str:
    return Rsin.validate(value)


def _valideer_kvknummer(value: str) -> str:
    return KvkNummer.validate(value)


def _valideer_vestigingsnummer(value: str) -> str:
    return Vestigingsnummer.validate(value)


def _valideer_gemeentecode(value: str) -> str:
    return Gemeentecode.validate(value)


@attrs.frozen(repr=False, str=False, eq=False)
class Bsn(_Nummer):
    """Burgerservicenummer: 9 digits passing the 11-proef; never all zeros.

    Shorter numbers are padded with leading zeros, as python-stdnum does
    (BSNs of 8 digits are still written without their leading zero).

    ``waarde`` holds the full number: it is personal data (KLUIT06), so
    ``repr()`` and ``str()`` show it masked.

    >>> Bsn("10000008") == Bsn("010000008")
    True
    >>> Bsn.is_valid("１１１２２２３３３")  # full-width digits are refused
    False
    """

    waarde: str = attrs.field(converter=_valideer_bsn)

    _veld = "bsn"
    LENGTE = 9
    _aanvullen = True
    _geheim = True
    _elfproef = True

    def format(self) -> str:
        """The full BSN as ``1112.22.333``. Personal data: do not log it."""
        w = self.waarde
        return f"{w[:4]}.{w[4:6]}.{w[6:]}"


@attrs.frozen(repr=False, str=False, eq=False)
class ANummer(_Nummer):
    """Administratienummer of the BRP: 10 digits, the first one 1-9.

    This is the format the Klanten API v1 specifies (``^[1-9][0-9]{9}$``); the
    BRP's own further checks are not applied. Personal data: masked in
    ``repr()`` and ``str()``, in full in ``waarde``.

    >>> ANummer("12345 67890")
    ANummer('*******890')
    """

    waarde: str = attrs.field(converter=_valideer_anummer)

    _veld = "a_nummer"
    LENGTE = 10
    _geheim = True

    _niet_nul_vooraan = True


@attrs.frozen(repr=False, str=False, eq=False)
class Rsin(_Nummer):
    """Rechtspersonen en Samenwerkingsverbanden Informatienummer: 9 digits, 11-proef.

    >>> Rsin("0022.20.647").format()
    '0022.20.647'
    """

    waarde: str = attrs.field(converter=_valideer_rsin)

    _veld = "rsin"
    LENGTE = 9
    _elfproef = True

    def format(self) -> str:
        """The RSIN as ``0020.50.530``."""
        w = self.waarde
        return f"{w[:4]}.{w[4:6]}.{w[6:]}"


@attrs.frozen(repr=False, str=False, eq=False)
class KvkNummer(_Nummer):
    """KvK-nummer of the Handelsregister: 8 digits, no check digit.

    >>> KvkNummer("6904 6938")
    KvkNummer('69046938')
    """

    waarde: str = attrs.field(converter=_valideer_kvknummer)

    _veld = "kvk_nummer"
    LENGTE = 8


@attrs.frozen(repr=False, str=False, eq=False)
class Vestigingsnummer(_Nummer):
    """Vestigingsnummer of the Handelsregister: 12 digits, no check digit.

    >>> Vestigingsnummer("0000 1234 5678").format()
    '000012345678'
    """

    waarde: str = attrs.field(converter=_valideer_vestigingsnummer)

    _veld = "vestigingsnummer"
    LENGTE = 12


@attrs.frozen(repr=False, str=False, eq=False)
class Gemeentecode(_Nummer):
    """The 4-digit CBS/BRP code of a gemeente; ``0000`` is not one.

    CBS writes gemeentecodes as ``GM0363``, the BRP as ``0363``; both are
    accepted.

    >>> Gemeentecode("GM0363")
    Gemeentecode('0363')
    """

    waarde: str = attrs.field(converter=_valideer_gemeentecode)

    _veld = "gemeente"
    LENGTE = 4

    @classmethod
    def parse(cls, value: Gemeentecode | str) -> Gemeentecode:
        """Return ``value`` if it is a Gemeentecode, else the (cached) one for the string."""
        if isinstance(value, Gemeentecode):
            return value
        try:
            return _GEMEENTECODES[value]
        except (KeyError, TypeError):  # TypeError: unhashable input, refused below
            pass
        code = cls(value)
        # Every register call names its gemeente; there are a few hundred of them.
        if len(_GEMEENTECODES) < _MAX_GEMEENTECODES:
            _GEMEENTECODES[value] = code
        return code

    @classmethod
    def compact(cls, value: str) -> str:
        """Strip separators and a leading ``GM``, without validating."""
        compact = super().compact(value)
        return compact[2:] if compact[:2].upper() == "GM" else compact


_GEMEENTECODES: dict[str, Gemeentecode] = {}
_MAX_GEMEENTECODES = 10_000
