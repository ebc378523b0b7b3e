"""Writing ``Partij`` objects: lossless, or refused with a FormaatError."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import IO, Any

from klantregister.domain import FormaatError, Klant, Subjectsoort
from klantregister.formats.klantinteracties.namen import (
    CODE_VAN,
    CONTACTNAAM,
    DA,
    DIGITAAL,
    OMSCHRIJVING,
    PI,
)
from klantregister.formats.stream import schrijf_regels

__all__ = ["naar_partij", "schrijf"]


def _uuid(klant: Klant, wat: str) -> str:
    return str(uuid.uuid5(klant.id, wat))


def naar_partij(klant: Klant) -> dict[str, Any]:
    """The klant as a Klantinteracties ``Partij``; raises FormaatError where it would lose data.

    Text fields not given are written as ``""``, as the API does.
    """
    gegevens = klant.klantgegevens
    ident = klant.identificatie
    namen = [veld for veld, attr in CONTACTNAAM.items() if getattr(gegevens, attr) is not None]
    if ident is not None:
        organisatie = ident.soort is Subjectsoort.NIET_NATUURLIJK_PERSOON
    else:
        organisatie = gegevens.bedrijfsnaam is not None and not namen
    weg = [naam for naam in ("functie", "adres") if getattr(gegevens, naam) is not None]
    if organisatie and namen:
        weg.append(f"de contactnaam van een organisatie ({', '.join(namen)})")
    if not organisatie and gegevens.bedrijfsnaam is not None:
        weg.append("de bedrijfsnaam van een persoon")
    if weg:
        raise _niet_schrijfbaar(klant, f"een Partij heeft geen veld voor {', '.join(weg)}")
    partij_id = str(klant.id)
    if organisatie:
        partij_identificatie: dict[str, Any] = {"naam": gegevens.bedrijfsnaam or ""}
    else:
        partij_identificatie = {
            "contactnaam": {
                veld: getattr(gegevens, attr) or "" for veld, attr in CONTACTNAAM.items()
            }
            if namen
            else None
        }
    return {
        "uuid": partij_id,
        "nummer": klant.klantnummer,
        "soortPartij": "organisatie" if organisatie else "persoon",
        "indicatieActief": True,
        "voorkeurstaal": gegevens.voorkeurstaal or "",
        "partijIdentificatie": partij_identificatie,
        PI: _identificatoren(klant),
        DA: [
            {
                "uuid": _uuid(klant, f"digitaalAdres/{soort}"),
                "verstrektDoorPartij": {"uuid": partij_id},
                "soortDigitaalAdres": soort,
                "adres": getattr(gegevens, attr),
                "omschrijving": OMSCHRIJVING[attr],
            }
            for soort, attr in DIGITAAL.items()
            if getattr(gegevens, attr) is not None
        ],
    }


def _niet_schrijfbaar(klant: Klant, reden: str) -> FormaatError:
    return FormaatError(f"klant {klant.id} past niet in dit formaat: {reden}")


def _identificatoren(klant: Klant) -> list[dict[str, Any]]:
    ident = klant.identificatie
    if ident is None:
        return []
    nummers = (("A-nummer", ident.a_nummer), ("buitenlands nummer", ident.buitenlands))
    weg = [naam for naam, waarde in nummers if waarde is not None]
    if weg:
        raise _niet_schrijfbaar(
            klant, f"Klantinteracties kent geen registercode voor een {' of '.join(weg)}"
        )
    uit: list[dict[str, Any]] = []
    for attr in ("bsn", "kvk_nummer", "rsin", "vestigingsnummer"):
        waarde = getattr(ident, attr)
        if waarde is None:
            continue
        register, objecttype, soort_id = CODE_VAN[attr]
        sub_van = None
        if attr == "vestigingsnummer" and ident.kvk_nummer is not None:
            sub_van = {"uuid": _uuid(klant, "partijIdentificator/kvk_nummer")}
        uit.append(
            {
                "uuid": _uuid(klant, f"partijIdentificator/{attr}"),
                "identificeerdePartij": {"uuid": str(klant.id)},
                "partijIdentificator": {
                    "codeObjecttype": objecttype,
                    "codeSoortObjectId": soort_id,
                    "objectId": waarde.waarde,
                    "codeRegister": register,
                },
                "subIdentificatorVan": sub_van,
            }
        )
    return uit


def schrijf(klanten: Iterable[Klant], bestand: IO[str]) -> int:
    """Write the klanten as Partij objects, one per line (JSON Lines); the number written."""
    return schrijf_regels((naar_partij(k) for k in klanten), bestand)
