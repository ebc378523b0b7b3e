"""A klant as one flat row of plain values, for tables: what ``to_records`` gives.

Every key is always present, in one order; values are ``str``, ``int``,
``bool`` or ``None``, so the rows go straight into ``pandas.DataFrame`` or
JSON. Masked as the reprs are unless ``volledig`` asks for the full values.
"""

from __future__ import annotations

import attrs

from klantregister.domain import (
    NUMMERSOORTEN,
    Adres,
    Klant,
    Klantgegevens,
    maskeer,
    maskeer_nummer,
    toon_klantnummer,
)

__all__ = ["record"]

_NUMMERVELDEN = tuple(soort.sleutel for soort in NUMMERSOORTEN)


def record(klant: Klant, *, volledig: bool = False) -> dict[str, object]:
    """One row of :meth:`KlantRegister.to_records`: every key always present, in one order."""
    identificatie = klant.identificatie
    rij: dict[str, object] = {
        "id": str(klant.id),
        "gemeente": str(klant.gemeente),
        "klantnummer": klant.klantnummer if volledig else toon_klantnummer(klant.klantnummer),
        "versie": klant.versie,
        "aangehaakt": identificatie is not None,
        "soort": None if identificatie is None else identificatie.soort.value,
    }
    for naam in _NUMMERVELDEN:
        nummer = None if identificatie is None else getattr(identificatie, naam)
        # str() masks a BSN and an A-nummer; only waarde gives them in full.
        rij[naam] = None if nummer is None else nummer.waarde if volledig else str(nummer)
    buitenlands = None if identificatie is None else identificatie.buitenlands
    rij["buitenlands_land"] = None if buitenlands is None else buitenlands.land
    rij["buitenlands_register"] = (
        None
        if buitenlands is None
        else buitenlands.register
        if volledig
        else maskeer(buitenlands.register)
    )
    rij["buitenlands_nummer"] = (
        None
        if buitenlands is None
        else buitenlands.nummer
        if volledig
        else maskeer_nummer(buitenlands.nummer, 4)
    )
    subject_url = None if identificatie is None else identificatie.subject_url
    rij["subject_url"] = (
        None if subject_url is None else subject_url.waarde if volledig else str(subject_url)
    )
    kenmerken = klant.kenmerken
    rij["partijsoort"] = None if kenmerken.soort is None else kenmerken.soort.value
    rij["actief"] = kenmerken.actief
    rij["geheimhouding"] = kenmerken.geheimhouding
    rij["werkt_voor"] = None if kenmerken.werkt_voor is None else str(kenmerken.werkt_voor)
    gegevens = klant.klantgegevens
    for veld in attrs.fields(Klantgegevens):
        if veld.name in ("adres", "correspondentieadres"):
            adres = getattr(gegevens, veld.name)
            for adresveld in attrs.fields(Adres):
                waarde = None if adres is None else getattr(adres, adresveld.name)
                rij[f"{veld.name}_{adresveld.name}"] = _gegeven(waarde, volledig)
        else:
            rij[veld.name] = _gegeven(getattr(gegevens, veld.name), volledig)
    return rij


def _gegeven(waarde: object, volledig: bool) -> object:
    # Free text may hold a BSN typed into the wrong field: masked as the reprs mask it.
    return maskeer(waarde) if isinstance(waarde, str) and not volledig else waarde
