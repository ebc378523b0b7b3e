"""The code lists: ISO 3166-1 alpha-2, ISO 639-2 and the BRP Tabel 34 Landentabel.

This module is the one home of the code lists the klantregister checks against;
nothing else in the package holds a list of codes. The lists ship as package
data, CSV files in ``klantregister/domain/data`` (its ``README.md`` says what
each file holds, where its facts come from and how to regenerate it).

A file is read, with :mod:`importlib.resources`, the first time a function
that needs it is called, and at most once per process: importing this module
reads nothing.

>>> "NL" in landcodes()
True
>>> "dut" in taalcodes() and "nld" in taalcodes()
True
>>> brp_land_voor_iso("NL")
BrpLand(code='6030', omschrijving='Nederland', datum_ingang=None, datum_einde=None, iso_alpha2='NL')
"""

from __future__ import annotations

import datetime
import functools
import io
import types
from collections.abc import Mapping

import attrs

__all__ = [
    "BrpLand",
    "brp_land_voor_iso",
    "brp_landcode",
    "brp_landen",
    "iso_landcode",
    "land",
    "landcodes",
    "taalcodes",
]

_ISO_3166_1 = "iso-3166-1.csv"
_ISO_639_2 = "iso-639-2.csv"
_BRP_TABEL_34 = "brp-tabel34-landen.csv"

#: For each ISO 3166-1 code that more than one Tabel 34 land in force carries,
#: the land that is the ISO entity itself rather than a part of it; see
#: :func:`brp_land_voor_iso`.
_ISO_ENTITEIT: Mapping[str, str] = types.MappingProxyType(
    {
        "BQ": "5106",  # Bonaire; Saba (5108) and Sint Eustatius (5109) are in force too
        "ES": "6037",  # Spanje, not 6053 Canarische Eilanden
        "PA": "7037",  # Panama, not 8041 Panamakanaalzone
        "PT": "7050",  # Portugal, not 5056 Azoren or 7087 Madeira-eilanden
        "SH": "8046",  # Sint-Helena, Ascension en Tristan da Cunha, not 5055, 6060 or 6061
        "UM": "8047",  # Amerikaanse Kleinere Afgelegen Eilanden, not 5080, 8003 or 8005
    }
)


@attrs.frozen
class BrpLand:
    """One row of the BRP Tabel 34 Landentabel: a land code with its name and validity.

    ``code`` is the 4-digit, zero-padded Tabel 34 code (``"0000"`` is Onbekend),
    ``omschrijving`` the Dutch name as RvIG publishes it, ``datum_ingang`` and
    ``datum_einde`` the dates the code took and lost effect, and ``iso_alpha2``
    the officially assigned ISO 3166-1 alpha-2 code the land maps to. A field the
    table leaves empty is ``None``: a land without ``datum_einde`` is in force.

    >>> brp_landen()["6029"]
    BrpLand(code='6029', omschrijving='Duitsland', datum_ingang=None,
            datum_einde=datetime.date(1991, 6, 1), iso_alpha2=None)
    """

    code: str
    omschrijving: str
    datum_ingang: datetime.date | None
    datum_einde: datetime.date | None
    iso_alpha2: str | None


def _rijen(naam: str) -> list[dict[str, str]]:
    """The rows of the data file ``naam``, each keyed by the file's header."""
    # Imported here, on first use: together they cost `import klantregister` ~15 ms.
    import csv  # noqa: PLC0415
    from importlib import resources  # noqa: PLC0415

    bestand = resources.files(__package__) / "data" / naam
    # Decoded whole, and parsed with newline="" as the csv module asks.
    tekst = io.StringIO(bestand.read_bytes().decode("utf-8"), newline="")
    return list(csv.DictReader(tekst, strict=True))


def _datum(cel: str) -> datetime.date | None:
    return datetime.date.fromisoformat(cel) if cel else None


@functools.cache
def landcodes() -> frozenset[str]:
    """The 249 officially assigned ISO 3166-1 alpha-2 country codes, in upper case.

    >>> len(landcodes())
    249
    >>> sorted(code for code in landcodes() if code.startswith("N"))
    ['NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ']
    >>> "XK" in landcodes()
    False
    """
    return frozenset(rij["alpha2"] for rij in _rijen(_ISO_3166_1))


@functools.cache
def taalcodes() -> frozenset[str]:
    """The ISO 639-2 language codes, in lower case: terminology and bibliographic codes alike.

    Both codes of a language with two count (``nld`` and ``dut`` for Dutch), and
    so does the reserved range ``qaa-qtz`` as the one string the standard lists.

    >>> len(taalcodes())
    507
    >>> sorted(code for code in taalcodes() if code in {"deu", "ger", "nld", "dut", "xx"})
    ['deu', 'dut', 'ger', 'nld']
    """
    return frozenset(rij["alpha3"] for rij in _rijen(_ISO_639_2))


@functools.cache
def brp_landen() -> Mapping[str, BrpLand]:
    """Every land of the BRP Tabel 34 Landentabel, keyed by its 4-digit code, sorted by code.

    Ended lands are included; the mapping is read-only.

    >>> len(brp_landen())
    398
    >>> brp_landen()["9089"]
    BrpLand(code='9089', omschrijving='Bondsrepubliek Duitsland',
            datum_ingang=datetime.date(1949, 8, 1), datum_einde=None, iso_alpha2='DE')
    """
    landen = (
        BrpLand(
            code=rij["code"],
            omschrijving=rij["omschrijving"],
            datum_ingang=_datum(rij["datum_ingang"]),
            datum_einde=_datum(rij["datum_einde"]),
            iso_alpha2=rij["iso_alpha2"] or None,
        )
        for rij in _rijen(_BRP_TABEL_34)
    )
    return types.MappingProxyType({land.code: land for land in landen})


@functools.cache
def _brp_land_per_iso() -> Mapping[str, BrpLand]:
    kandidaten: dict[str, list[BrpLand]] = {}
    for land in brp_landen().values():
        if land.iso_alpha2 is not None and land.datum_einde is None:
            kandidaten.setdefault(land.iso_alpha2, []).append(land)
    gekozen: dict[str, BrpLand] = {}
    for iso, landen in kandidaten.items():
        voorkeur = [land for land in landen if land.code == _ISO_ENTITEIT.get(iso)]
        gekozen[iso] = min(voorkeur or landen, key=lambda land: land.code)
    return types.MappingProxyType(gekozen)


def brp_land_voor_iso(alpha2: str) -> BrpLand | None:
    """The Tabel 34 land in force (no ``datum_einde``) for the ISO 3166-1 code ``alpha2``.

    ``None`` if no land in force carries ``alpha2``: a code that is not ISO
    3166-1 alpha-2, one in lower case, one Tabel 34 has no row for (``BV``,
    ``HM``, ``TF``), or one whose only lands have ended (``HK`` Hongkong, ended
    1997, and ``MO`` Macau, ended 1999).

    Six ISO codes are carried by more than one land in force, because Tabel 34
    also lists islands and areas that are part of an ISO entity. The land that
    is the ISO entity itself wins: ``ES`` 6037 Spanje, ``PA`` 7037 Panama,
    ``PT`` 7050 Portugal, ``SH`` 8046 Sint-Helena, Ascension en Tristan da
    Cunha and ``UM`` 8047 Amerikaanse Kleinere Afgelegen Eilanden. The lowest
    code would pick a part for ``PT`` (5056 Azoren), ``SH`` (5055 Ascension)
    and ``UM`` (5080 Johnston), so these choices are listed here, not derived.
    ``BQ`` (Bonaire, Sint Eustatius en Saba) has no such land, only one per
    island; the lowest code wins, 5106 Bonaire. Should the data ever give
    another ISO code several lands in force, the lowest code wins there too.

    >>> brp_land_voor_iso("DE")
    BrpLand(code='9089', omschrijving='Bondsrepubliek Duitsland',
            datum_ingang=datetime.date(1949, 8, 1), datum_einde=None, iso_alpha2='DE')
    >>> brp_land_voor_iso("PT").omschrijving
    'Portugal'
    >>> brp_land_voor_iso("HK") is None
    True
    """
    return _brp_land_per_iso().get(alpha2)


# --- one land, two code lists ------------------------------------------------


@functools.cache
def _brp_code_per_iso() -> Mapping[str, str]:
    """Per ISO code, the Tabel 34 code that stands for it: the land in force, or, for a
    code whose lands have all ended (HK, MO), the lowest of those."""
    codes = {iso: land.code for iso, land in _brp_land_per_iso().items()}
    for land in brp_landen().values():  # sorted by code: the lowest ended land first
        if land.iso_alpha2 is not None:
            codes.setdefault(land.iso_alpha2, land.code)
    return types.MappingProxyType(codes)


def land(code: str) -> str | None:
    """The register's code for the land ``code`` names, or ``None`` if it names none.

    ``code`` is an ISO 3166-1 alpha-2 code (any case) or a 4-digit Tabel 34 code. The
    register holds each land by one code that both code lists can be given back
    from exactly: its ISO code where that code stands for this very Tabel 34 land
    (``"6030"`` is ``"NL"``), else its Tabel 34 code (``"0000"`` Onbekend, ``"5105"``
    Kosovo, a historical state, or an island such as ``"5055"`` Ascension that
    shares the ISO code ``SH`` with the land in force). An ISO code stays as it
    is, including the three Tabel 34 has no row for (``BV``, ``HM``, ``TF``).

    >>> land("6030"), land("nl"), land("0000"), land("5055"), land("7036"), land("1234")
    ('NL', 'NL', '0000', '5055', 'HK', None)
    """
    if code.isascii() and code.isdigit() and len(code) == 4:
        gevonden = brp_landen().get(code)
        if gevonden is None:
            return None
        iso = gevonden.iso_alpha2
        return iso if iso is not None and _brp_code_per_iso().get(iso) == code else code
    iso = code.upper() if code.isascii() else code  # "ß".upper() is "SS" (South Sudan)
    return iso if iso in landcodes() else None


def brp_landcode(land: str) -> str | None:
    """The Tabel 34 code of a land as the register holds it (see :func:`land`); ``None``
    for the three ISO codes Tabel 34 has no row for.

    >>> brp_landcode("NL"), brp_landcode("DE"), brp_landcode("HK"), brp_landcode("5105")
    ('6030', '9089', '7036', '5105')
    >>> brp_landcode("BV") is None
    True
    """
    if land in brp_landen():
        return land
    return _brp_code_per_iso().get(land)


def iso_landcode(land: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a land as the register holds it (see :func:`land`);
    ``None`` for a Tabel 34 land without one (``0000`` Onbekend, Kosovo, a historical state).

    >>> iso_landcode("NL"), iso_landcode("5055"), iso_landcode("0000")
    ('NL', 'SH', None)
    """
    gevonden = brp_landen().get(land)
    if gevonden is not None:
        return gevonden.iso_alpha2
    return land if land in landcodes() else None
