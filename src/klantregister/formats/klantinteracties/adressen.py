"""A klant's address as a Partij's ``bezoekadres``, and a telephone number in Open Klant's
form: lossless, or refused by name.

The register holds one address per klant (``Klantgegevens.adres``, what the Klanten
API v1 calls ``adres``); a Partij has a ``bezoekadres`` and a ``correspondentieadres``.
The klant's address is the ``bezoekadres``. The members, as Open Klant 2.18 has them:

- Dutch: ``straatnaam``, ``huisnummer`` (1-99999), ``huisnummertoevoeging``,
  ``postcode`` (``1234 AB``), ``stad`` (the register's ``woonplaatsnaam``),
  ``land`` ``NL``;
- foreign: ``adresregel1``-``3``, ``stad``, ``land`` as ISO 3166-1 alpha-2.

A Partij's address has no ``huisletter`` (Open Klant writes it into the
``huisnummertoevoeging``, where it cannot be told apart again) and its postcode is
a Dutch one: an address with a huisletter, with huisnummer 0, with a foreign
postcode, or of a land without ISO code (``0000`` Onbekend, Kosovo, a historical
state) is refused, naming the field. Its ``nummeraanduidingId`` (the BAG's) has no
place in the register.

>>> from klantregister import Adres
>>> naar_bezoekadres(Adres(straatnaam="Amstel", huisnummer=1, postcode="1011pn",
...     woonplaatsnaam="Amsterdam"))
{'straatnaam': 'Amstel', 'huisnummer': 1, 'postcode': '1011 PN', 'stad': 'Amsterdam', 'land': 'NL'}
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from klantregister.domain import Adres, OngeldigeWaardeError, toon
from klantregister.formats.klantinteracties.namen import TELEFOONNUMMER_OPEN_KLANT

__all__ = [
    "ADRESSEN",
    "ADRESVELDEN",
    "AdresNietSchrijfbaar",
    "naar_bezoekadres",
    "telefoonnummer_open_klant",
    "uit_bezoekadres",
]

#: Partij member -> the Klantgegevens attribute of the address it holds.
ADRESSEN = {"bezoekadres": "adres", "correspondentieadres": "correspondentieadres"}
#: Partij address member -> Adres attribute.
ADRESVELDEN = {
    "straatnaam": "straatnaam",
    "huisnummer": "huisnummer",
    "huisnummertoevoeging": "huisnummertoevoeging",
    "postcode": "postcode",
    "stad": "woonplaatsnaam",
    "adresregel1": "adresregel1",
    "adresregel2": "adresregel2",
    "adresregel3": "adresregel3",
}


class AdresNietSchrijfbaar(Exception):  # noqa: N818 (carries a field and a reason to the writer)
    """What of an address a Partij cannot hold: the field, and why."""

    def __init__(self, veld: str, reden: str) -> None:
        super().__init__(veld, reden)
        self.veld = veld
        self.reden = reden


def naar_bezoekadres(adres: Adres, attr: str = "adres") -> dict[str, Any]:
    """The address as a Partij's ``bezoekadres`` (or ``correspondentieadres``: the same
    shape); :class:`AdresNietSchrijfbaar` for what it cannot hold, naming the field as
    ``attr`` (the Klantgegevens attribute) and the member."""
    if adres.huisletter is not None:
        raise AdresNietSchrijfbaar(
            f"{attr}.huisletter",
            "een Partij-adres heeft geen huisletter (in de huisnummertoevoeging is die niet "
            "meer van de toevoeging te onderscheiden)",
        )
    if adres.huisnummer == 0:
        raise AdresNietSchrijfbaar(f"{attr}.huisnummer", "Open Klant neemt huisnummer 1-99999")
    if adres.postcode is not None and not adres.nederlands:
        raise AdresNietSchrijfbaar(
            f"{attr}.postcode",
            "een Partij-adres heeft alleen een Nederlandse postcode (1234 AB); een buitenlandse "
            "past in een adresregel",
        )
    land = adres.iso_landcode
    if land is None:
        raise AdresNietSchrijfbaar(
            f"{attr}.land", f"{adres.land} heeft geen ISO 3166-1-code, die een Partij-adres vraagt"
        )
    if land != adres.land:  # a part of an ISO land (5055 Ascension is SH, as 8046 is)
        raise AdresNietSchrijfbaar(
            f"{attr}.land",
            f"{adres.land} deelt de ISO 3166-1-code {land} met een ander land; een Partij-adres "
            "zou het niet meer van dat land onderscheiden",
        )
    uit: dict[str, Any] = {
        veld: waarde
        for veld, attr in ADRESVELDEN.items()
        if (waarde := getattr(adres, attr)) is not None
    }
    uit["land"] = land
    return uit


def uit_bezoekadres(
    bezoekadres: dict[str, Any],
    fout: Callable[[str, OngeldigeWaardeError | str], None],
    lid: str = "bezoekadres",
) -> Adres | None:
    """The register's address for a Partij's ``bezoekadres``; ``None``, after calling
    ``fout(veld, fout_of_melding)`` for each problem, when it is not one.

    ``nummeraanduidingId`` is the caller's to note (the register does not hold it);
    ``land`` is ISO 3166-1 alpha-2, ``NL`` when absent.
    """
    velden = {
        attr: bezoekadres.get(veld)
        for veld, attr in ADRESVELDEN.items()
        if bezoekadres.get(veld) not in (None, "")
    }
    land = bezoekadres.get("land")
    if land not in (None, "") and (not isinstance(land, str) or len(land.strip()) != 2):
        fout(f"{lid}.land", f"{toon(land)} is geen ISO 3166-1 alpha-2 landcode")
        return None
    if land not in (None, ""):
        try:
            Adres(land=land)
        except OngeldigeWaardeError as probleem:
            fout(f"{lid}.land", probleem)  # once, not again with every other member
            return None
        velden["land"] = land
    try:
        return Adres(**velden)
    except OngeldigeWaardeError:
        pass
    for attr, waarde in velden.items():  # every problem, not only the first
        try:
            Adres(**{attr: waarde, "land": velden.get("land", "NL")})
        except OngeldigeWaardeError as probleem:
            veld = next((v for v, a in ADRESVELDEN.items() if a == attr), attr)
            fout(f"{lid}.{veld}", probleem)
    return None


_TELEFOON = re.compile(TELEFOONNUMMER_OPEN_KLANT)
#: A ``(0)`` after the country code, once the spaces, ``-`` and ``.`` are dropped.
_NUL_NA_LANDCODE = re.compile(r"(\+|00)([1-9][0-9]{0,2})\(0\)")
_SCHEIDINGSTEKENS = str.maketrans("", "", " -.")
_HAAKJES = str.maketrans("", "", "()")


def telefoonnummer_open_klant(nummer: str) -> str | None:
    """``nummer`` as Open Klant takes a telephone number (spaces, ``-``, ``.``, parentheses
    and a ``(0)`` after the country code dropped), or ``None`` if it is still not of its forms.

    >>> telefoonnummer_open_klant("+31 (0)20 123 4567"), telefoonnummer_open_klant("112")
    ('+31201234567', None)
    """
    kaal = nummer.translate(_SCHEIDINGSTEKENS)
    if (match := _NUL_NA_LANDCODE.match(kaal)) is not None:
        kaal = match.group(1) + match.group(2) + kaal[match.end() :]
    kaal = kaal.translate(_HAAKJES)
    return kaal if _TELEFOON.fullmatch(kaal) is not None else None
