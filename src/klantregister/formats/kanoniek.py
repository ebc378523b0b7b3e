"""The library's own JSON for a :class:`~klantregister.Klant`, versioned and lossless.

>>> import uuid
>>> from klantregister import Klant
>>> klant = Klant(uuid.UUID(int=1), "0363", "K1")
>>> naar_dict(klant)["formaat"], naar_dict(klant)["formaatversie"]
('klantregister/klant', 1)
>>> uit_dict(naar_dict(klant)) == klant
True

``formaatversie`` is the version of this format; ``versie`` is the klant's own
(optimistic concurrency). A reader refuses a format version it does not know.
"""

from __future__ import annotations

from typing import Any

import attrs

from klantregister._errors import FormaatError, OngeldigFormaatError, toon
from klantregister._identificatie import Identificatie
from klantregister._identifiers import BuitenlandsNummer
from klantregister._klant import GEEN_KLANTGEGEVENS, Klant
from klantregister._klantgegevens import Adres, Klantgegevens

__all__ = [
    "FORMAAT",
    "FORMAATVERSIE",
    "identificatie_naar_dict",
    "identificatie_uit_dict",
    "klantgegevens_naar_dict",
    "klantgegevens_uit_dict",
    "naar_dict",
    "uit_dict",
]

#: The value of the ``formaat`` member.
FORMAAT = "klantregister/klant"
#: The version of the format this release writes and reads.
FORMAATVERSIE = 1

_NUMMERS = ("bsn", "a_nummer", "kvk_nummer", "vestigingsnummer", "rsin")


def klantgegevens_naar_dict(gegevens: Klantgegevens) -> dict[str, Any]:
    """The given fields only, by their attribute names; an address as a nested dict.

    >>> klantgegevens_naar_dict(Klantgegevens(voornaam="An", adres=Adres(huisnummer=3)))
    {'voornaam': 'An', 'adres': {'huisnummer': 3, 'land': 'NL'}}
    """
    uit: dict[str, Any] = {}
    for veld in attrs.fields(Klantgegevens):
        waarde = getattr(gegevens, veld.name)
        if waarde is None:
            continue
        if isinstance(waarde, Adres):
            waarde = {
                v.name: getattr(waarde, v.name)
                for v in attrs.fields(Adres)
                if getattr(waarde, v.name) is not None
            }
        uit[veld.name] = waarde
    return uit


def klantgegevens_uit_dict(data: dict[str, Any]) -> Klantgegevens:
    """The inverse of :func:`klantgegevens_naar_dict`; the values are validated again.

    An unknown field is refused with an :class:`~klantregister.OngeldigFormaatError`.
    """
    if not data:
        return GEEN_KLANTGEGEVENS
    velden = dict(data)
    bekend = {v.name for v in attrs.fields(Klantgegevens)}
    if onbekend := sorted(set(velden) - bekend):
        raise OngeldigFormaatError("klantgegevens", f"onbekend veld {toon(onbekend[0])}")
    if "adres" in velden:
        adres = velden["adres"]
        if not isinstance(adres, dict):
            raise OngeldigFormaatError(
                "adres", f"verwacht een object, kreeg {type(adres).__name__}"
            )
        if onbekend := sorted(set(adres) - {v.name for v in attrs.fields(Adres)}):
            raise OngeldigFormaatError("adres", f"onbekend veld {toon(onbekend[0])}")
        velden["adres"] = Adres(**adres)
    return Klantgegevens(**velden)


def identificatie_naar_dict(identificatie: Identificatie) -> dict[str, Any]:
    """``soort`` and every identifier given, in full (this is personal data)."""
    uit: dict[str, Any] = {"soort": identificatie.soort.value}
    for naam in _NUMMERS:
        if (nummer := getattr(identificatie, naam)) is not None:
            uit[naam] = nummer.waarde
    if (buitenlands := identificatie.buitenlands) is not None:
        uit["buitenlands"] = {
            "land": buitenlands.land,
            "register": buitenlands.register,
            "nummer": buitenlands.nummer,
        }
    return uit


def identificatie_uit_dict(data: object) -> Identificatie:
    """The inverse of :func:`identificatie_naar_dict`; the identifiers are validated."""
    if not isinstance(data, dict):
        raise OngeldigFormaatError(
            "identificatie", f"verwacht een object, kreeg {type(data).__name__}"
        )
    if onbekend := sorted(set(data) - {"soort", "buitenlands", *_NUMMERS}):
        raise OngeldigFormaatError("identificatie", f"onbekend veld {toon(onbekend[0])}")
    buitenlands = data.get("buitenlands")
    if buitenlands is not None:
        if not isinstance(buitenlands, dict) or set(buitenlands) != {"land", "register", "nummer"}:
            raise OngeldigFormaatError(
                "buitenlands", "verwacht een object met land, register en nummer"
            )
        buitenlands = BuitenlandsNummer(
            buitenlands["land"], buitenlands["register"], buitenlands["nummer"]
        )
    return Identificatie(
        data.get("soort"),  # type: ignore[arg-type]
        **{naam: data.get(naam) for naam in _NUMMERS},
        buitenlands=buitenlands,
    )


def naar_dict(klant: Klant) -> dict[str, Any]:
    """The klant as a JSON-ready dict of this format. Holds the identifiers in full."""
    return {
        "formaat": FORMAAT,
        "formaatversie": FORMAATVERSIE,
        "id": str(klant.id),
        "gemeente": klant.gemeente.waarde,
        "klantnummer": klant.klantnummer,
        "versie": klant.versie,
        "klantgegevens": klantgegevens_naar_dict(klant.klantgegevens),
        "identificatie": None
        if klant.identificatie is None
        else identificatie_naar_dict(klant.identificatie),
    }


def uit_dict(data: object) -> Klant:
    """The klant a dict of this format describes.

    Raises :class:`~klantregister.FormaatError` for another format or
    version, and an :class:`~klantregister.OngeldigeWaardeError` (naming the
    field) for a value the klant refuses.
    """
    if not isinstance(data, dict):
        raise FormaatError(f"verwacht een object, kreeg {type(data).__name__}")
    if data.get("formaat") != FORMAAT:
        raise FormaatError(f"formaat is {toon(data.get('formaat'))}, verwacht {FORMAAT!r}")
    if data.get("formaatversie") != FORMAATVERSIE:
        raise FormaatError(
            f"formaatversie {toon(data.get('formaatversie'))} is onbekend; "
            f"deze versie leest {FORMAATVERSIE}"
        )
    gegevens = data.get("klantgegevens") or {}
    if not isinstance(gegevens, dict):
        raise OngeldigFormaatError(
            "klantgegevens", f"verwacht een object, kreeg {type(gegevens).__name__}"
        )
    identificatie = data.get("identificatie")
    try:
        return Klant(
            data.get("id"),  # type: ignore[arg-type]
            data.get("gemeente"),  # type: ignore[arg-type]
            data.get("klantnummer"),
            klantgegevens_uit_dict(gegevens),
            None if identificatie is None else identificatie_uit_dict(identificatie),
            data.get("versie"),
        )
    except TypeError as fout:  # a value of a type no converter expected
        raise OngeldigFormaatError("klant", str(fout)) from None
