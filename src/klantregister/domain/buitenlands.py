"""A number in a foreign register, of a person or an organisation (KLUIT05).

>>> BuitenlandsNummer("be", "Rijksregister", "85.07.30-033.28").format()
'BE / Rijksregister / 85073003328'
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from klantregister.domain.codelijsten import landcodes
from klantregister.domain.errors import (
    OnbekendeCodeError,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
)
from klantregister.domain.identifiers import tekst
from klantregister.domain.meldingen import maskeer, maskeer_nummer, toon
from klantregister.domain.scheidingstekens import zonder_scheidingstekens

__all__ = ["MAX_NUMMER", "MAX_REGISTER", "BuitenlandsNummer"]

_ALFANUMERIEK = re.compile(r"[A-Za-z0-9]+")

_LAND_ONGELDIG = frozenset({"NL"})


def _land(value: str) -> str:
    # Check ASCII letters before upper-casing: "ß".upper() is "SS" (South Sudan).
    land = tekst("land", value).strip()
    if not re.fullmatch(r"[A-Za-z]{2}", land):
        raise OngeldigFormaatError("land", f"{toon(value)} is geen landcode van 2 letters")
    land = land.upper()
    if land not in landcodes():
        raise OnbekendeCodeError("land", f"{land!r} is geen ISO 3166-1 alpha-2 landcode")
    if land in _LAND_ONGELDIG:
        raise OngeldigeWaardeError(
            "land",
            "een Nederlands nummer is geen buitenlands nummer: gebruik Bsn, ANummer, "
            "Rsin, KvkNummer of Vestigingsnummer",
        )
    return land


#: The longest name or code of a foreign register, in characters.
MAX_REGISTER = 80
#: The longest foreign number, in characters (compact).
MAX_NUMMER = 40


def _register(value: str) -> str:
    register = unicodedata.normalize("NFC", " ".join(tekst("register", value).split()))
    if not register:
        raise OngeldigeLengteError("register", "de naam of code van het register ontbreekt")
    if len(register) > MAX_REGISTER:
        raise OngeldigeLengteError(
            "register", f"{len(register)} tekens, ten hoogste {MAX_REGISTER} toegestaan"
        )
    if not register.isprintable():
        raise OngeldigFormaatError("register", "bevat stuurtekens")
    return register


def _buitenlands_nummer(value: str) -> str:
    nummer = zonder_scheidingstekens(tekst("nummer", value))
    if not nummer:
        raise OngeldigeLengteError("nummer", "het nummer ontbreekt")
    if len(nummer) > MAX_NUMMER:
        raise OngeldigeLengteError(
            "nummer", f"{len(nummer)} tekens, ten hoogste {MAX_NUMMER} toegestaan"
        )
    if not _ALFANUMERIEK.fullmatch(nummer):
        raise OngeldigFormaatError(
            "nummer",
            "alleen de letters A-Z en de cijfers 0-9 zijn toegestaan (naast scheidingstekens)",
        )
    # Upper-case only after the ASCII check: "ß".upper() is "SS", "ﬁ".upper() is "FI".
    return nummer.upper()


@attrs.frozen(repr=False)
class BuitenlandsNummer:
    """A number in a foreign register, of a person or an organisation (KLUIT05).

    ``land`` is the ISO 3166-1 alpha-2 code of the country (not ``NL``: Dutch
    subjects have their own identifiers); ``register`` the name or code of the
    foreign register, compared without regard to case; ``nummer`` the number
    in compact form (separators removed, letters upper-cased, only A-Z and
    0-9). The number may be personal data, so it is masked in ``repr()``.

    >>> BuitenlandsNummer("de", "Melderegister Berlin", "l01x-00t47")
    BuitenlandsNummer(land='DE', register='Melderegister Berlin', nummer='*****0T47')
    """

    land: str = attrs.field(converter=_land)
    register: str = attrs.field(converter=_register, eq=str.casefold)
    nummer: str = attrs.field(converter=_buitenlands_nummer)

    @classmethod
    def is_valid(cls, land: object, register: object, nummer: object) -> bool:
        """Whether the three parts make a valid foreign number; never raises."""
        try:
            cls(land, register, nummer)  # type: ignore[arg-type]
        except OngeldigeWaardeError:
            return False
        return True

    def format(self) -> str:
        """The full number as ``DE / Melderegister Berlin / L01X00T47``."""
        return f"{self.land} / {self.register} / {self.nummer}"

    def __str__(self) -> str:
        # The register is a name, but a BSN may have been typed there: long digit runs masked.
        return f"{self.land} / {maskeer(self.register)} / {maskeer_nummer(self.nummer, 4)}"

    def __repr__(self) -> str:
        return (
            f"BuitenlandsNummer(land={self.land!r}, register={maskeer(self.register)!r}, "
            f"nummer={maskeer_nummer(self.nummer, 4)!r})"
        )
