"""Klantgegevens: the contact data a klant supplied themselves.

The register is the authentic source for these (KLOK01). No field is
mandatory (KLUIT02, data minimisation): every field defaults to ``None``, and
an empty or blank string also means "not given". Text is stripped, every run
of whitespace becomes one space, and it is normalised to Unicode NFC, so
``"Zoë"`` typed with a combining diaeresis equals the precomposed one. Each
field is checked against the limit the Klanten API v1 sets for it (DOMAIN.md
section 4).

>>> Klantgegevens(voornaam=" Zoë ", achternaam="Jansen", emailadres="")
Klantgegevens(voornaam='Zoë', achternaam='Jansen')
>>> Adres(postcode="1234ab", huisnummer="12").postcode
'1234 AB'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs

from klantregister.domain import codelijsten, velden
from klantregister.domain.codelijsten import taalcodes
from klantregister.domain.errors import (
    OnbekendeCodeError,
    OngeldigeLengteError,
    OngeldigFormaatError,
    typefout,
)
from klantregister.domain.meldingen import maskeer, toon

__all__ = ["Adres", "Klantgegevens", "klantgegevensveld"]


# Control characters, surrogates, private use and unassigned code points.
_VERBODEN_CATEGORIEEN = frozenset({"Cc", "Cs", "Co", "Cn"})


def _tekst(veld: str, maximum: int, value: object) -> str | None:
    """Normalise an optional text field of at most ``maximum`` characters."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise typefout(veld, "tekst (str)", value)
    # Any run of whitespace (tabs, line breaks, no-break spaces) becomes one space.
    tekst = " ".join(value.split())
    if not tekst:
        return None
    if tekst.isascii():
        # The common case, checked in C: ASCII is its own NFC form, and its only
        # forbidden characters are the control characters, which are not printable.
        if not tekst.isprintable():
            raise OngeldigFormaatError(veld, "bevat stuurtekens of tekens die Unicode niet kent")
    else:
        tekst = unicodedata.normalize("NFC", tekst)
        if any(unicodedata.category(teken) in _VERBODEN_CATEGORIEEN for teken in tekst):
            raise OngeldigFormaatError(veld, "bevat stuurtekens of tekens die Unicode niet kent")
    if len(tekst) > maximum:
        raise OngeldigeLengteError(veld, f"{len(tekst)} tekens, ten hoogste {maximum} toegestaan")
    return tekst


#: Per text field: its maximum length, and a check that may normalise the value.
_Regels = dict[str, tuple[int, Callable[[str], str] | None]]


def _regels(
    spec: Mapping[str, velden.Veld], controles: Mapping[str, Callable[[str], str]]
) -> _Regels:
    """The rules of the fields of ``spec``: each field's limit, and its check, if any."""
    return {naam: (veld.maximum, controles.get(naam)) for naam, veld in spec.items()}


def _veld(naam: str, waarde: object, regels: _Regels, voorvoegsel: str = "") -> str | None:
    """One text field checked and normalised by its rule."""
    maximum, controle = regels[naam]
    tekst = _tekst(voorvoegsel + naam, maximum, waarde)
    if tekst is not None and controle is not None:
        tekst = controle(tekst)
    return tekst


def _normaliseer(obj: object, regels: _Regels, voorvoegsel: str = "") -> None:
    """Check and normalise the text fields of a frozen instance, in place, once."""
    # _veld's body, inlined: this runs for every field of every klant registered.
    for naam, (maximum, controle) in regels.items():
        waarde = getattr(obj, naam)
        if waarde is None:
            continue  # most fields of most klanten: nothing to check, nothing to set
        tekst = _tekst(voorvoegsel + naam, maximum, waarde)
        if tekst is not None and controle is not None:
            tekst = controle(tekst)
        object.__setattr__(obj, naam, tekst)


# --- addresses ---------------------------------------------------------------

_POSTCODE_NL = re.compile(velden.POSTCODE_NL)
_HUISLETTER = re.compile(str(velden.ADRES["huisletter"].patroon))
_TOEVOEGING = re.compile(str(velden.ADRES["huisnummertoevoeging"].patroon))
_HUISNUMMER_TEKST = re.compile(f"[0-9]{{1,{len(str(velden.HUISNUMMER_MAX))}}}")
_HUISNUMMERS = f"{velden.HUISNUMMER_MIN}-{velden.HUISNUMMER_MAX}"


def _land(value: object) -> str:
    if not isinstance(value, str):
        raise typefout("adres.land", "tekst (str)", value)
    land = codelijsten.land(value.strip())
    if land is None:
        raise OnbekendeCodeError(
            "adres.land",
            f"{toon(value)} is geen ISO 3166-1 alpha-2 landcode "
            "en geen code van de BRP Landentabel (Tabel 34)",
        )
    return land


def _huisnummer(value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and _HUISNUMMER_TEKST.fullmatch(value.strip()):
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise OngeldigFormaatError("adres.huisnummer", f"verwacht een geheel getal {_HUISNUMMERS}")
    if not velden.HUISNUMMER_MIN <= value <= velden.HUISNUMMER_MAX:
        raise OngeldigeLengteError(
            "adres.huisnummer",
            f"{toon(value)} ligt niet tussen {velden.HUISNUMMER_MIN} en {velden.HUISNUMMER_MAX}",
        )
    return value


def _huisletter(tekst: str) -> str:
    if not _HUISLETTER.fullmatch(tekst):
        raise OngeldigFormaatError("adres.huisletter", f"{toon(tekst)} is niet één letter A-Z")
    return tekst


def _toevoeging(tekst: str) -> str:
    if not _TOEVOEGING.fullmatch(tekst):
        raise OngeldigFormaatError(
            "adres.huisnummertoevoeging", f"{toon(tekst)} is niet 1-4 letters of cijfers"
        )
    return tekst


# The postcode is checked below, by the land's rules: a Dutch one by its format, a
# foreign one by its length.
_ADRES_REGELS = _regels(
    velden.ADRES, {"huisletter": _huisletter, "huisnummertoevoeging": _toevoeging}
)


@attrs.frozen(repr=False)
class Adres:
    """A Dutch or foreign address, as the klant gave it.

    ``land`` is ``"NL"`` unless given, and may be given as an ISO 3166-1 alpha-2
    code or a code of the BRP Landentabel (Tabel 34, as the Klanten API v1 writes
    it). It holds the ISO code wherever that code stands for this very land
    (``"6030"`` becomes ``"NL"``), else the Tabel 34 code (``"0000"`` Onbekend,
    ``"5105"`` Kosovo, a historical state such as ``"6029"`` Duitsland), so that
    :attr:`brp_landcode` and :attr:`iso_landcode` give either code back exactly. A Dutch
    postcode is checked and normalised to ``1234 AB``; a foreign one is kept as
    written, at most 7 characters as in the Klanten API v1 (a longer one, such
    as a British ``SW1A 2AA``, goes in an ``adresregel``). ``adresregel1``-``3`` hold the lines of a
    foreign address that does not fit the Dutch fields (Klantinteracties API).

    >>> Adres(straatnaam="Amstel", huisnummer=1, postcode="1011pn", woonplaatsnaam="Amsterdam")
    Adres(straatnaam='Amstel', huisnummer=1, postcode='1011 PN', woonplaatsnaam='Amsterdam', \
land='NL')
    >>> Adres(adresregel1="10 Downing Street", adresregel2="London SW1A 2AA", land="gb").land
    'GB'
    >>> Adres(postcode="1011pn", land="6030").land, Adres(land="6039").land
    ('NL', 'GB')
    >>> kosovo = Adres(woonplaatsnaam="Prishtina", land="5105")
    >>> kosovo.land, kosovo.brp_landcode, kosovo.iso_landcode
    ('5105', '5105', None)
    """

    straatnaam: str | None = None
    huisnummer: int | None = attrs.field(default=None, converter=_huisnummer)
    huisletter: str | None = None
    huisnummertoevoeging: str | None = None
    postcode: str | None = None
    woonplaatsnaam: str | None = None
    adresregel1: str | None = None
    adresregel2: str | None = None
    adresregel3: str | None = None
    land: str = attrs.field(default="NL", converter=_land)

    def __attrs_post_init__(self) -> None:
        _normaliseer(self, _ADRES_REGELS, "adres.")
        # The postcode's format depends on the land, so it is checked once both are known.
        if self.postcode is not None and self.land == "NL":
            object.__setattr__(self, "postcode", _postcode_nl(self.postcode))
        elif self.postcode is not None and len(self.postcode) > velden.MAX_POSTCODE_BUITENLAND:
            raise OngeldigeLengteError(
                "adres.postcode",
                f"{len(self.postcode)} tekens, ten hoogste {velden.MAX_POSTCODE_BUITENLAND} "
                "toegestaan "
                "(een langere buitenlandse postcode past in een adresregel)",
            )

    @property
    def nederlands(self) -> bool:
        """Whether this is a Dutch address."""
        return self.land == "NL"

    @property
    def brp_landcode(self) -> str | None:
        """The land's code in the BRP Landentabel (Tabel 34), as the Klanten API v1 writes
        it; ``None`` for the three ISO lands Tabel 34 has no row for (``BV``, ``HM``, ``TF``)."""
        return codelijsten.brp_landcode(self.land)

    @property
    def iso_landcode(self) -> str | None:
        """The land's ISO 3166-1 alpha-2 code, as Klantinteracties writes it; ``None`` for a
        Tabel 34 land without one (``0000`` Onbekend, Kosovo, a historical state)."""
        return codelijsten.iso_landcode(self.land)

    @property
    def leeg(self) -> bool:
        """Whether no field but ``land`` is given.

        ``Klantgegevens`` treat an empty Dutch address as no address.

        >>> Klantgegevens(adres=Adres()).adres is None
        True
        """
        return all(
            getattr(self, veld.name) is None for veld in attrs.fields(Adres) if veld.name != "land"
        )

    def __repr__(self) -> str:
        return _repr_gegeven(self)


def _postcode_nl(tekst: str) -> str:
    match = _POSTCODE_NL.fullmatch(tekst)
    if match is None:
        raise OngeldigFormaatError(
            "adres.postcode", f"{toon(tekst)} is geen Nederlandse postcode (1234 AB)"
        )
    cijfers, letters = match.group(1), match.group(2).upper()
    if letters in velden.POSTCODE_NL_NIET_UITGEGEVEN:
        raise OngeldigFormaatError(
            "adres.postcode", f"postcodes met de letters {letters} worden niet uitgegeven"
        )
    return f"{cijfers} {letters}"


# --- contact data ------------------------------------------------------------

_TELEFOON = re.compile(velden.TELEFOONNUMMER)
_DOMEINLABEL = re.compile(velden.DOMEINLABEL)
_TAALCODE = re.compile(velden.TAALCODE)
_EMAIL_ASCII = re.compile(velden.EMAIL_ASCII).fullmatch
_URL_ASCII = re.compile(velden.URL_ASCII).fullmatch


def _emailadres(tekst: str) -> str:
    if _EMAIL_ASCII(tekst) is not None:
        # The common case, proven valid in one match; the same value as the full rule's.
        lokaal, _, domein = tekst.rpartition("@")
        return f"{lokaal}@{domein.lower()}"
    return _emailadres_volledig(tekst)


def _emailadres_volledig(tekst: str) -> str:
    lokaal, apenstaart, domein = tekst.rpartition("@")
    fout = f"{toon(tekst)} is geen e-mailadres (naam@domein.nl)"
    if not apenstaart or not lokaal or "@" in lokaal or len(lokaal) > velden.EMAIL_MAX_LOKAAL:
        raise OngeldigFormaatError("emailadres", fout)
    if any(teken.isspace() for teken in lokaal) or lokaal.startswith('"'):
        raise OngeldigFormaatError("emailadres", fout)
    labels = domein.split(".")
    if len(labels) < 2 or labels[-1].isdigit():
        raise OngeldigFormaatError("emailadres", fout)
    if not all(_DOMEINLABEL.fullmatch(label) for label in labels):
        raise OngeldigFormaatError("emailadres", fout)
    # Domain names are case-insensitive; the local part is the receiving server's business.
    return f"{lokaal}@{domein.lower()}"


def _telefoonnummer(tekst: str) -> str:
    cijfers = sum(teken in "0123456789" for teken in tekst)
    if not _TELEFOON.fullmatch(tekst) or cijfers < velden.TELEFOON_MIN_CIJFERS:
        raise OngeldigFormaatError(
            "telefoonnummer",
            f"{toon(tekst)} is geen telefoonnummer (cijfers 0-9, met + ( ) - . en spaties)",
        )
    return tekst


def _website_url(tekst: str) -> str:
    if _URL_ASCII(tekst) is not None:
        return tekst  # the common case, proven valid in one match
    return _website_url_volledig(tekst)


def _website_url_volledig(tekst: str) -> str:
    fout = f"{toon(tekst)} is geen http(s)-URL"
    if any(teken.isspace() for teken in tekst):
        raise OngeldigFormaatError("website_url", fout)
    try:
        delen = urlsplit(tekst)
        host = delen.hostname
    except ValueError:
        # Raised below: urlsplit's error, which may quote the URL, is no context of ours.
        delen, host = None, None
    if delen is None or delen.scheme.lower() not in velden.URL_SCHEMAS or not host:
        raise OngeldigFormaatError("website_url", fout)
    return tekst


def _voorkeurstaal(tekst: str) -> str:
    taal = tekst.lower()
    if not _TAALCODE.fullmatch(taal):
        raise OngeldigFormaatError(
            "voorkeurstaal", f"{toon(tekst)} is geen taalcode van 3 letters (ISO 639-2)"
        )
    if taal not in taalcodes():
        raise OnbekendeCodeError("voorkeurstaal", f"{toon(tekst)} is geen ISO 639-2 taalcode")
    return taal


_KLANTGEGEVENS_REGELS = _regels(
    velden.KLANTGEGEVENS,
    {
        "emailadres": _emailadres,
        "telefoonnummer": _telefoonnummer,
        "website_url": _website_url,
        "voorkeurstaal": _voorkeurstaal,
    },
)


def klantgegevensveld(naam: str, waarde: object) -> str | None:
    """A text field of :class:`Klantgegevens` checked and normalised on its own, as the
    class does it (raises its error); for a reader reporting every bad field."""
    return _veld(naam, waarde, _KLANTGEGEVENS_REGELS)


def _adres(value: object) -> Adres | None:
    if value is None:
        return None
    if isinstance(value, Adres):
        # An address that says nothing, not even a foreign land, is no address given.
        return None if value.leeg and value.nederlands else value
    raise typefout("adres", "een Adres", value)


@attrs.frozen(repr=False)
class Klantgegevens:
    """The contact data a klant supplied themselves; every field optional.

    Names follow the Klantinteracties API's ``contactnaam`` and the Klanten
    API v1: ``voorletters`` (at most 10 characters), ``voornaam`` (200),
    ``voorvoegsel_achternaam`` (10), ``achternaam`` (200); for someone acting
    for an organisation ``bedrijfsnaam`` (200) and ``functie`` (200). Contact
    channels: ``emailadres`` (254, domain lower-cased), ``telefoonnummer``
    (20), ``website_url`` (an http(s) URL of at most 1000 characters) and
    ``adres`` (where the klant lives or is visited: a Partij's ``bezoekadres``), and a
    ``correspondentieadres`` where post for the klant goes, if another one.
    ``voorkeurstaal`` is an ISO 639-2 code (``"nld"``, ``"dut"``,
    ``"eng"``), lower-cased.

    ``Klantgegevens()`` holds nothing, which is allowed (KLUIT02).

    >>> Klantgegevens().leeg
    True
    """

    voorletters: str | None = None
    voornaam: str | None = None
    voorvoegsel_achternaam: str | None = None
    achternaam: str | None = None
    bedrijfsnaam: str | None = None
    functie: str | None = None
    emailadres: str | None = None
    telefoonnummer: str | None = None
    website_url: str | None = None
    adres: Adres | None = attrs.field(default=None, converter=_adres)
    voorkeurstaal: str | None = None
    correspondentieadres: Adres | None = attrs.field(default=None, converter=_adres)

    def __attrs_post_init__(self) -> None:
        _normaliseer(self, _KLANTGEGEVENS_REGELS)

    @property
    def leeg(self) -> bool:
        """Whether no field is given."""
        return all(getattr(self, veld.name) is None for veld in attrs.fields(Klantgegevens))

    def __repr__(self) -> str:
        return _repr_gegeven(self)


def _repr_gegeven(obj: Any) -> str:
    """A repr naming only the fields that are given, so data-minimised values read short."""
    velden = ", ".join(
        # Free text may hold a BSN (typed into the wrong field): mask long digit runs.
        f"{veld.name}={maskeer(waarde)!r}" if isinstance(waarde, str) else f"{veld.name}={waarde!r}"
        for veld in attrs.fields(type(obj))
        if (waarde := getattr(obj, veld.name)) is not None
    )
    return f"{type(obj).__name__}({velden})"
