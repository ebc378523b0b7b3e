"""Value objects from the values a repository stored: their types and shape checked, not
every rule again.

A repository stores only what a value object held, already checked and normal (its
klantgegevens as :func:`~klantregister.domain.serialisatie.klantgegevens_naar_dict`
writes them). Building the objects again through their converters runs every check a
second time, and at 100,000 klanten that was most of what an export did. These builders
set the attributes of the frozen classes directly, as
:func:`~klantregister.domain.klant.nieuwe_klant` does, after checks that cost little:

- every value has the type the class holds (text, a whole number, a truth value, a UUID),
  and no text is empty;
- the klantgegevens and an address are objects of known fields (an address not empty, its
  huisnummer in range); a klantnummer, foreign number, subject URL and ``bron`` no longer
  than their limits;
- a number is ASCII digits of its class's length; a soort of subject or of party is one
  of its enumeration; a gemeentecode is checked in full, once per code;
- rule 3 as far as the columns show it: only numbers of the identificatie's soort of
  subject, at least one identifier, the kenmerken agreeing with the identificatie, and
  ``werkt_voor`` only for a contactpersoon that is not the klant itself.

What they do not check again is what only a value changed by hand in the database could
break, and would cost a check per field of every klant: normalisation (whitespace,
Unicode NFC, case), the lengths of the klantgegevens' text, the patterns of e-mail
addresses, telephone numbers, URLs, postcodes and huisletters, the code lists (land,
taal) and the 11-proef. ``docs/storage.md`` says why.

A value that fails a check raises :class:`Afwijking`: it is not as this library writes
it, and the caller builds it the full way instead, which normalises it or says precisely
what is wrong.

>>> from klantregister.domain.klantgegevens import Adres
>>> gegevens = klantgegevens_uit({"voornaam": "An", "adres": {"huisnummer": 3, "land": "NL"}})
>>> gegevens == Klantgegevens(voornaam="An", adres=Adres(huisnummer=3))
True
>>> klantgegevens_uit({"voornaam": 3})
Traceback (most recent call last):
    ...
klantregister.domain.vertrouwd.Afwijking: klantgegevens: niet zoals opgeslagen
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Sequence
from typing import Any, TypeVar

import attrs

from klantregister.domain import velden
from klantregister.domain.authenticatie import Herkomst
from klantregister.domain.buitenlands import MAX_NUMMER, MAX_REGISTER, BuitenlandsNummer
from klantregister.domain.identificatie import Identificatie
from klantregister.domain.identifiers import Gemeentecode
from klantregister.domain.kenmerken import (
    GEEN_KENMERKEN,
    Kenmerken,
    Partijsoort,
    controleer_kenmerken,
)
from klantregister.domain.klant import GEEN_KLANTGEGEVENS, MAX_BRON, Klant
from klantregister.domain.klantgegevens import Adres, Klantgegevens
from klantregister.domain.klok01 import (
    IDENTIFICATORSOORTEN,
    MAX_KLANTNUMMER,
    NUMMERKLASSEN,
    NUMMERSOORTEN,
    Nummer,
    Subjectsoort,
)
from klantregister.domain.subject import MAX_SUBJECT_URL, SubjectUrl

__all__ = [
    "Afwijking",
    "identificatie_uit",
    "kenmerken_uit",
    "klant_uit",
    "klantgegevens_uit",
    "nummer_uit",
    "uuid_uit",
]

_N = TypeVar("_N", bound=Nummer)

_nieuw = object.__new__
_zet = object.__setattr__


class Afwijking(ValueError):  # noqa: N818 (a signal to the caller, who builds the value in full)
    """A stored value is not as this library writes it: build it through the class."""

    def __init__(self, veld: str) -> None:
        # Only the field: the value may be personal data, and the full way says what is wrong.
        super().__init__(f"{veld}: niet zoals opgeslagen")
        self.veld = veld


def _velden(cls: type[Any]) -> tuple[str, ...]:
    return tuple(veld.name for veld in attrs.fields(cls))


# Derived from the classes and velden at import time: the attributes each class has, and
# which of Klantgegevens' are text (velden's); the others are its addresses.
_KLANTGEGEVENS = _velden(Klantgegevens)
_ADRES = _velden(Adres)
_TEKSTVELDEN = frozenset(velden.KLANTGEGEVENS)
_ADRESSEN = tuple(naam for naam in _KLANTGEGEVENS if naam not in _TEKSTVELDEN)
_ADRES_VELDEN = frozenset(_ADRES)
_TEKST = frozenset({str})

_SUBJECTSOORTEN = {soort.value: soort for soort in Subjectsoort}
_PARTIJSOORTEN = {soort.value: soort for soort in Partijsoort}
# Per soort of subject, per number column (in the order of NUMMERSOORTEN): its class if
# that soort may have it, else None (rule 3).
_NUMMERS_VAN: dict[Subjectsoort, tuple[type[Nummer] | None, ...]] = {
    subjectsoort: tuple(
        klasse if soort.subjectsoort is subjectsoort else None
        for soort, klasse in zip(NUMMERSOORTEN, NUMMERKLASSEN, strict=True)
    )
    for subjectsoort in Subjectsoort
}
_LABEL: dict[type[Any], str] = {soort.klasse: soort.sleutel for soort in IDENTIFICATORSOORTEN}
_IDENTIFICATIE_NUMMERS = tuple(soort.sleutel for soort in NUMMERSOORTEN)


def uuid_uit(waarde: object, veld: str = "id") -> uuid.UUID:
    """A UUID as :func:`str` writes one (36 characters, hyphenated), or one already.

    >>> uuid_uit("00000000-0000-0000-0000-00000000002a")
    UUID('00000000-0000-0000-0000-00000000002a')
    """
    if type(waarde) is uuid.UUID:
        return waarde
    if type(waarde) is not str or len(waarde) != 36:
        raise Afwijking(veld)
    cijfers = waarde.replace("-", "")
    if len(cijfers) != 32:
        raise Afwijking(veld)
    # What uuid.UUID takes of 36 characters, and no more: 32 digits once the hyphens are
    # gone, read by int() as it reads them.
    try:
        getal = int(cijfers, 16)
    except ValueError:
        raise Afwijking(veld) from None
    uit: uuid.UUID = _nieuw(uuid.UUID)
    _zet(uit, "int", getal)
    _zet(uit, "is_safe", _ONBEKEND)
    return uit


_ONBEKEND = uuid.SafeUUID.unknown


def _tekst(veld: str, waarde: object, maximum: int) -> None:
    if type(waarde) is not str or not 0 < len(waarde) <= maximum:
        raise Afwijking(veld)


def klantgegevens_uit(data: object) -> Klantgegevens:
    """The klantgegevens a dict of :func:`~klantregister.klantgegevens_naar_dict` holds."""
    if type(data) is not dict:
        raise Afwijking("klantgegevens")
    if not data:
        return GEEN_KLANTGEGEVENS
    gegevens: Klantgegevens = _nieuw(Klantgegevens)
    haal = data.get
    for naam in _KLANTGEGEVENS:
        _zet(gegevens, naam, haal(naam))
    tekst = data
    if not data.keys() <= _TEKSTVELDEN:
        tekst = {naam: waarde for naam, waarde in data.items() if naam not in _ADRESSEN}
        if not tekst.keys() <= _TEKSTVELDEN:
            raise Afwijking("klantgegevens")
        for naam in _ADRESSEN:
            if (adres := haal(naam)) is not None:
                _zet(gegevens, naam, _adres(naam, adres))
    # Every other value text, and none empty: checked in C, all values at once.
    if not _TEKST.issuperset(map(type, tekst.values())) or not all(tekst.values()):
        raise Afwijking("klantgegevens")
    return gegevens


def _adres(veld: str, data: object) -> Adres:
    if type(data) is not dict or not data.keys() <= _ADRES_VELDEN:
        raise Afwijking(veld)
    land = data.get("land")
    # An empty Dutch address is no address: Klantgegevens never holds one.
    if type(land) is not str or (land == velden.LAND_NEDERLAND and len(data) == 1):
        raise Afwijking(f"{veld}.land")
    huisnummer = data.get("huisnummer")
    if huisnummer is not None and (
        type(huisnummer) is not int  # not a bool either
        or not velden.HUISNUMMER_MIN <= huisnummer <= velden.HUISNUMMER_MAX
    ):
        raise Afwijking(f"{veld}.huisnummer")
    tekst = [waarde for naam, waarde in data.items() if naam != "huisnummer"]
    if not _TEKST.issuperset(map(type, tekst)) or not all(tekst):
        raise Afwijking(veld)
    adres: Adres = _nieuw(Adres)
    haal = data.get
    for naam in _ADRES:
        _zet(adres, naam, haal(naam))
    return adres


def nummer_uit(klasse: type[_N], waarde: object) -> _N:
    """A number of ``klasse`` from its compact form: ASCII digits, as many as it has."""
    if (
        type(waarde) is not str
        or len(waarde) != klasse.LENGTE
        or not waarde.isascii()
        or not waarde.isdigit()
    ):
        raise Afwijking(_LABEL[klasse])
    nummer: _N = _nieuw(klasse)
    _zet(nummer, "waarde", waarde)
    return nummer


def identificatie_uit(
    soort: object,
    nummers: Sequence[object],
    buitenlands: tuple[object, object, object] | None,
    subject_url: object,
) -> Identificatie:
    """An identificatie from its columns: the soort of subject, its numbers in the order
    of :data:`~klantregister.domain.klok01.NUMMERSOORTEN` (``None`` where not given),
    the land, register and nummer of a foreign number (or ``None``), the subject URL."""
    subjectsoort = _SUBJECTSOORTEN.get(soort) if type(soort) is str else None
    if subjectsoort is None:
        raise Afwijking("identificatie.soort")
    identificatie: Identificatie = _nieuw(Identificatie)
    _zet(identificatie, "soort", subjectsoort)
    gegeven = False
    for naam, klasse, waarde in zip(
        _IDENTIFICATIE_NUMMERS, _NUMMERS_VAN[subjectsoort], nummers, strict=True
    ):
        if waarde is None:
            _zet(identificatie, naam, None)
            continue
        # nummer_uit, inlined: this runs for every number of every klant read.
        if (
            klasse is None  # a number of the other soort of subject (rule 3)
            or type(waarde) is not str
            or len(waarde) != klasse.LENGTE
            or not waarde.isascii()
            or not waarde.isdigit()
        ):
            raise Afwijking(f"identificatie.{naam}")
        nummer: Nummer = _nieuw(klasse)
        _zet(nummer, "waarde", waarde)
        _zet(identificatie, naam, nummer)
        gegeven = True
    if buitenlands is None:
        _zet(identificatie, "buitenlands", None)
    else:
        _zet(identificatie, "buitenlands", _buitenlands(*buitenlands))
        gegeven = True
    if subject_url is None:
        _zet(identificatie, "subject_url", None)
    else:
        _tekst("identificatie.subject_url", subject_url, MAX_SUBJECT_URL)
        url: SubjectUrl = _nieuw(SubjectUrl)
        _zet(url, "waarde", subject_url)
        _zet(identificatie, "subject_url", url)
        gegeven = True
    if not gegeven:
        raise Afwijking("identificatie")
    return identificatie


def _buitenlands(land: object, register: object, nummer: object) -> BuitenlandsNummer:
    _tekst("buitenlands.land", land, 2)
    _tekst("buitenlands.register", register, MAX_REGISTER)
    _tekst("buitenlands.nummer", nummer, MAX_NUMMER)
    uit: BuitenlandsNummer = _nieuw(BuitenlandsNummer)
    _zet(uit, "land", land)
    _zet(uit, "register", register)
    _zet(uit, "nummer", nummer)
    return uit


# How a database gives an active klant: True, or SQLite's 1.
_WAAR = (True, 1)


def _waarheid(waarde: object) -> bool:
    """Whether ``waarde`` is a truth value as a database gives one: a bool, or 0 or 1."""
    return type(waarde) is bool or (type(waarde) is int and waarde in (0, 1))


def kenmerken_uit(
    soort: object, actief: object, geheimhouding: object, werkt_voor: object
) -> Kenmerken:
    """Kenmerken from their columns; a truth value as ``bool`` or as SQLite's 0 and 1."""
    if soort is None and geheimhouding is None and werkt_voor is None and actief in _WAAR:
        return GEEN_KENMERKEN  # most klanten's: tested first
    if not _waarheid(actief) or (geheimhouding is not None and not _waarheid(geheimhouding)):
        raise Afwijking("kenmerken")
    if soort is None and actief and geheimhouding is None:
        return GEEN_KENMERKEN  # werkt_voor is given only with a soort
    partijsoort = None
    if soort is not None:
        partijsoort = _PARTIJSOORTEN.get(soort) if type(soort) is str else None
        if partijsoort is None:
            raise Afwijking("kenmerken.soort")
    if werkt_voor is not None:
        if partijsoort is not Partijsoort.CONTACTPERSOON:
            raise Afwijking("kenmerken.werkt_voor")
        werkt_voor = uuid_uit(werkt_voor, "kenmerken.werkt_voor")
    kenmerken: Kenmerken = _nieuw(Kenmerken)
    _zet(kenmerken, "soort", partijsoort)
    _zet(kenmerken, "actief", bool(actief))
    _zet(kenmerken, "geheimhouding", None if geheimhouding is None else bool(geheimhouding))
    _zet(kenmerken, "werkt_voor", werkt_voor)
    return kenmerken


def klant_uit(
    id: uuid.UUID,
    gemeente: object,
    klantnummer: object,
    klantgegevens: Klantgegevens,
    identificatie: Identificatie | None,
    *,
    versie: object,
    bron: object,
    kenmerken: Kenmerken,
    herkomst: Herkomst | None = None,
    geregistreerd_op: datetime.date | None = None,
    bewaren_tot: datetime.date | None = None,
) -> Klant:
    """A klant of parts built above; the gemeente as its code (checked once per code), the
    klantnummer, versie and bron as stored.

    Raises what rule 3 raises for kenmerken that do not agree with the identificatie.
    """
    if (
        type(klantnummer) is not str
        or not 0 < len(klantnummer) <= MAX_KLANTNUMMER
        or type(versie) is not int
        or versie < 1
        or type(gemeente) is not str
        or (bron is not None and (type(bron) is not str or not 0 < len(bron) <= MAX_BRON))
    ):
        raise Afwijking("klant")
    if kenmerken.soort is not None:
        controleer_kenmerken(kenmerken, identificatie, id)
    klant: Klant = _nieuw(Klant)
    _zet(klant, "id", id)
    # Checked in full once per code, then taken from the cache.
    _zet(klant, "gemeente", Gemeentecode.parse(gemeente))
    _zet(klant, "klantnummer", klantnummer)
    _zet(klant, "klantgegevens", klantgegevens)
    _zet(klant, "identificatie", identificatie)
    _zet(klant, "versie", versie)
    _zet(klant, "bron", bron)
    _zet(klant, "kenmerken", kenmerken)
    if herkomst is not None and identificatie is None:
        raise Afwijking("herkomst")
    _zet(klant, "herkomst", herkomst)
    _zet(klant, "geregistreerd_op", geregistreerd_op)
    _zet(klant, "bewaren_tot", bewaren_tot)
    return klant
