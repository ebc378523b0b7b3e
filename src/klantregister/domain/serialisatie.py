"""Value objects as plain values (dicts of text and numbers) and back, losslessly.

The storage adapters keep klantgegevens this way, and the library's own JSON
(:mod:`klantregister.formats.kanoniek`) is made of these dicts; reading one
back validates every value again.

>>> identificatie_naar_dict(Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"))
{'soort': 'niet_natuurlijk_persoon', 'kvk_nummer': '69046938'}
"""

from __future__ import annotations

import operator
from typing import Any, cast

import attrs

from klantregister.domain.authenticatie import (
    Authenticatie,
    Herkomst,
    Overname,
    Subject,
    Vertegenwoordiging,
)
from klantregister.domain.buitenlands import BuitenlandsNummer
from klantregister.domain.errors import OngeldigFormaatError, typefout
from klantregister.domain.identificatie import Identificatie
from klantregister.domain.kenmerken import GEEN_KENMERKEN, Kenmerken
from klantregister.domain.klant import GEEN_KLANTGEGEVENS
from klantregister.domain.klantgegevens import Adres, Klantgegevens
from klantregister.domain.klok01 import NUMMERSOORTEN, SOORT_MET_SLEUTEL, SOORT_VAN
from klantregister.domain.meldingen import toon

__all__ = [
    "herkomst_naar_dict",
    "herkomst_uit_dict",
    "identificatie_naar_dict",
    "identificatie_uit_dict",
    "kenmerken_naar_dict",
    "kenmerken_uit_dict",
    "klantgegevens_naar_dict",
    "klantgegevens_uit_dict",
]

_NUMMERS = tuple(soort.sleutel for soort in NUMMERSOORTEN)
#: The fields of Klantgegevens that hold an Adres.
_ADRESSEN = ("adres", "correspondentieadres")
_VELDEN = tuple(veld.name for veld in attrs.fields(Klantgegevens))
_WAARDEN = operator.attrgetter(*_VELDEN)
_ADRESVELDEN = tuple(veld.name for veld in attrs.fields(Adres))
_ADRESWAARDEN = operator.attrgetter(*_ADRESVELDEN)


def klantgegevens_naar_dict(gegevens: Klantgegevens) -> dict[str, Any]:
    """The given fields only, by their attribute names; an address as a nested dict.

    >>> klantgegevens_naar_dict(Klantgegevens(voornaam="An", adres=Adres(huisnummer=3)))
    {'voornaam': 'An', 'adres': {'huisnummer': 3, 'land': 'NL'}}
    """
    if gegevens.__class__ is not Klantgegevens:
        raise typefout("klantgegevens", "Klantgegevens", gegevens)
    # Every attribute at once (attrgetter, in C), in the order of the class's fields.
    uit = {naam: w for naam, w in zip(_VELDEN, _WAARDEN(gegevens), strict=True) if w is not None}
    for naam in _ADRESSEN:
        if (adres := uit.get(naam)) is not None:
            uit[naam] = {
                n: w
                for n, w in zip(_ADRESVELDEN, _ADRESWAARDEN(adres), strict=True)
                if w is not None
            }
    return uit


def klantgegevens_uit_dict(data: dict[str, Any]) -> Klantgegevens:
    """The inverse of :func:`klantgegevens_naar_dict`; the values are validated again.

    An unknown field is refused with an :class:`~klantregister.OngeldigFormaatError`.
    """
    if not isinstance(data, dict):
        raise typefout("klantgegevens", "een object", data)
    if not data:
        return GEEN_KLANTGEGEVENS
    velden = dict(data)
    bekend = {v.name for v in attrs.fields(Klantgegevens)}
    if onbekend := sorted(set(velden) - bekend):
        raise OngeldigFormaatError("klantgegevens", f"onbekend veld {toon(onbekend[0])}")
    for naam in _ADRESSEN:
        if naam not in velden:
            continue
        adres = velden[naam]
        if not isinstance(adres, dict):
            raise typefout(naam, "een object", adres)
        if onbekend := sorted(set(adres) - {v.name for v in attrs.fields(Adres)}):
            raise OngeldigFormaatError(naam, f"onbekend veld {toon(onbekend[0])}")
        velden[naam] = Adres(**adres)
    return Klantgegevens(**velden)


def identificatie_naar_dict(identificatie: Identificatie) -> dict[str, Any]:
    """``soort`` and every identifier given, in full (this is personal data)."""
    if identificatie.__class__ is not Identificatie:
        raise typefout("identificatie", "een Identificatie", identificatie)
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
    if (subject_url := identificatie.subject_url) is not None:
        uit["subject_url"] = subject_url.waarde
    return uit


def identificatie_uit_dict(data: object) -> Identificatie:
    """The inverse of :func:`identificatie_naar_dict`; the identifiers are validated."""
    if not isinstance(data, dict):
        raise typefout("identificatie", "een object", data)
    if onbekend := sorted(set(data) - {"soort", "buitenlands", "subject_url", *_NUMMERS}):
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
        subject_url=data.get("subject_url"),
    )


def kenmerken_naar_dict(kenmerken: Kenmerken) -> dict[str, Any]:
    """The kenmerken that say something: ``{}`` for :data:`GEEN_KENMERKEN`.

    >>> kenmerken_naar_dict(Kenmerken("organisatie", actief=False))
    {'soort': 'organisatie', 'actief': False}
    """
    uit: dict[str, Any] = {}
    if kenmerken.soort is not None:
        uit["soort"] = kenmerken.soort.value
    if not kenmerken.actief:
        uit["actief"] = False
    if kenmerken.geheimhouding is not None:
        uit["geheimhouding"] = kenmerken.geheimhouding
    if kenmerken.werkt_voor is not None:
        uit["werkt_voor"] = str(kenmerken.werkt_voor)
    return uit


def kenmerken_uit_dict(data: object) -> Kenmerken:
    """The inverse of :func:`kenmerken_naar_dict`; the values are validated again."""
    if not isinstance(data, dict):
        raise typefout("kenmerken", "een object", data)
    if not data:
        return GEEN_KENMERKEN
    if onbekend := sorted(set(data) - {v.name for v in attrs.fields(Kenmerken)}):
        raise OngeldigFormaatError("kenmerken", f"onbekend veld {toon(onbekend[0])}")
    return Kenmerken(**data)


def _subject_naar_dict(subject: Subject) -> dict[str, Any]:
    if isinstance(subject, BuitenlandsNummer):
        return {
            "buitenlands": {
                "land": subject.land,
                "register": subject.register,
                "nummer": subject.nummer,
            }
        }
    return {SOORT_VAN[type(subject)].sleutel: subject.waarde}


def _subject_uit_dict(veld: str, data: object) -> Subject:
    if not isinstance(data, dict) or len(data) != 1:
        raise OngeldigFormaatError(veld, "verwacht een object met één identificerend gegeven")
    ((soort, waarde),) = data.items()
    if soort == "buitenlands":
        if not isinstance(waarde, dict) or set(waarde) != {"land", "register", "nummer"}:
            raise OngeldigFormaatError(
                "buitenlands", "verwacht een object met land, register en nummer"
            )
        return BuitenlandsNummer(waarde["land"], waarde["register"], waarde["nummer"])
    if soort not in _NUMMERS:
        raise OngeldigFormaatError(veld, f"onbekend veld {toon(soort)}")
    return cast("Subject", SOORT_MET_SLEUTEL[soort].klasse.parse(waarde))  # type: ignore[union-attr]


_AUTHENTICATIE = frozenset({"soort", "niveau", "middel", "subject", "namens"})
_OVERNAME = frozenset({"soort", "bron", "oorspronkelijk_niveau", "toelichting"})
_NAMENS = frozenset({"vertegenwoordigde", "grondslag", "machtiging"})


def herkomst_naar_dict(herkomst: Herkomst) -> dict[str, Any]:
    """What a klant's identificatie was recorded with, as a dict: ``soort`` says which
    (``"authenticatie"`` or ``"overname"``); only the members given, the identifiers in
    full (this is personal data).

    >>> herkomst_naar_dict(Authenticatie("hoog", subject="111222333"))
    {'soort': 'authenticatie', 'niveau': 'hoog', 'subject': {'bsn': '111222333'}}
    """
    if isinstance(herkomst, Overname):
        uit: dict[str, Any] = {"soort": "overname", "bron": herkomst.bron}
        if herkomst.oorspronkelijk_niveau is not None:
            uit["oorspronkelijk_niveau"] = herkomst.oorspronkelijk_niveau.name.lower()
        if herkomst.toelichting is not None:
            uit["toelichting"] = herkomst.toelichting
        return uit
    if not isinstance(herkomst, Authenticatie):
        raise typefout("herkomst", "een Authenticatie of Overname", herkomst)
    uit = {"soort": "authenticatie", "niveau": herkomst.niveau.name.lower()}
    if herkomst.middel is not None:
        uit["middel"] = herkomst.middel
    if herkomst.subject is not None:
        uit["subject"] = _subject_naar_dict(herkomst.subject)
    if (namens := herkomst.namens) is not None:
        vertegenwoordiging: dict[str, Any] = {
            "vertegenwoordigde": _subject_naar_dict(namens.vertegenwoordigde),
            "grondslag": namens.grondslag.value,
        }
        if namens.machtiging is not None:
            vertegenwoordiging["machtiging"] = namens.machtiging
        uit["namens"] = vertegenwoordiging
    return uit


def herkomst_uit_dict(data: object) -> Herkomst:
    """The inverse of :func:`herkomst_naar_dict`; every value is validated again."""
    if not isinstance(data, dict):
        raise typefout("herkomst", "een object", data)
    soort = data.get("soort")
    bekend = _OVERNAME if soort == "overname" else _AUTHENTICATIE
    if soort not in ("overname", "authenticatie"):
        raise OngeldigFormaatError(
            "herkomst", f"soort {toon(soort)} is geen 'authenticatie' of 'overname'"
        )
    if onbekend := sorted(set(data) - bekend):
        raise OngeldigFormaatError("herkomst", f"onbekend veld {toon(onbekend[0])}")
    if soort == "overname":
        return Overname(
            data.get("bron"),
            oorspronkelijk_niveau=data.get("oorspronkelijk_niveau"),
            toelichting=data.get("toelichting"),
        )
    namens = data.get("namens")
    if namens is not None:
        if not isinstance(namens, dict):
            raise typefout("namens", "een object", namens)
        if onbekend := sorted(set(namens) - _NAMENS):
            raise OngeldigFormaatError("namens", f"onbekend veld {toon(onbekend[0])}")
        namens = Vertegenwoordiging(
            _subject_uit_dict("vertegenwoordigde", namens.get("vertegenwoordigde")),
            namens.get("grondslag"),  # type: ignore[arg-type]
            machtiging=namens.get("machtiging"),
        )
    subject = data.get("subject")
    return Authenticatie(
        data.get("niveau"),  # type: ignore[arg-type]
        data.get("middel"),
        subject=None if subject is None else _subject_uit_dict("subject", subject),
        namens=namens,
    )
