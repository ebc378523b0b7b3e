"""Writing v1 ``Klant`` objects: lossless, or refused with a FormaatError."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from klantregister.domain import Adres, FormaatError, Klant, Rsin, Subjectsoort
from klantregister.formats.klanten_v1.namen import ADRES, GEGEVENS, SI
from klantregister.formats.stream import schrijf_regels

__all__ = ["naar_v1", "schrijf"]


def naar_v1(klant: Klant, *, bronorganisatie: Rsin | str) -> dict[str, Any]:
    """The klant as a v1 ``Klant`` object; raises FormaatError where v1 would lose data.

    Text fields not given are written as ``""``, as the API does; ``uuid`` is the klant's id.
    """
    bron = Rsin.parse(bronorganisatie)
    gegevens = klant.klantgegevens
    weg = [naam for naam in ("voorletters", "voorkeurstaal") if getattr(gegevens, naam) is not None]
    adres = gegevens.adres
    if adres is not None:
        weg += [
            f"adres.{naam}"
            for naam in ("adresregel1", "adresregel2", "adresregel3")
            if getattr(adres, naam) is not None
        ]
    if weg:
        raise _niet_schrijfbaar(klant, f"Klanten API v1 heeft geen veld voor {', '.join(weg)}")
    uit: dict[str, Any] = {
        "uuid": str(klant.id),
        "bronorganisatie": bron.waarde,
        "klantnummer": klant.klantnummer,
        **{v1: getattr(gegevens, attr) or "" for v1, attr in GEGEVENS.items()},
        "adres": None if adres is None else _adres(klant, adres),
    }
    uit.update(_subject(klant))
    return uit


def _adres(klant: Klant, adres: Adres) -> dict[str, Any]:
    landcode = adres.brp_landcode
    if landcode is None:
        raise _niet_schrijfbaar(
            klant, f"adres.land {adres.land} heeft geen code in de BRP Landentabel (Tabel 34)"
        )
    uit: dict[str, Any] = {
        v1: getattr(adres, attr) if attr == "huisnummer" else getattr(adres, attr) or ""
        for v1, attr in ADRES.items()
    }
    uit["landcode"] = landcode
    return uit


def _niet_schrijfbaar(klant: Klant, reden: str) -> FormaatError:
    return FormaatError(f"klant {klant.id} past niet in dit formaat: {reden}")


def _subject(klant: Klant) -> dict[str, Any]:
    ident = klant.identificatie
    if ident is None:
        return {"subject": "", "subjectType": "", SI: None}
    if ident.buitenlands is not None:
        raise _niet_schrijfbaar(klant, "Klanten API v1 kent geen buitenlands nummer")
    if ident.soort is Subjectsoort.NATUURLIJK_PERSOON:
        si = {
            "inpBsn": "" if ident.bsn is None else ident.bsn.waarde,
            "anpIdentificatie": "",
            "inpANummer": "" if ident.a_nummer is None else ident.a_nummer.waarde,
        }
        return {"subject": "", "subjectType": "natuurlijk_persoon", SI: si}
    organisatie = [n for n in (ident.kvk_nummer, ident.rsin) if n is not None]
    if ident.vestigingsnummer is not None and not organisatie:
        return {
            "subject": "",
            "subjectType": "vestiging",
            SI: {"vestigingsNummer": ident.vestigingsnummer.waarde},
        }
    if len(organisatie) == 1 and ident.vestigingsnummer is None:
        return {
            "subject": "",
            "subjectType": "niet_natuurlijk_persoon",
            SI: {"innNnpId": organisatie[0].waarde, "annIdentificatie": ""},
        }
    raise _niet_schrijfbaar(
        klant,
        "een v1-subject heeft één innNnpId (KvK-nummer of RSIN) of één vestigingsNummer",
    )


def schrijf(klanten: Iterable[Klant], bestand: IO[str], *, bronorganisatie: Rsin | str) -> int:
    """Write the klanten as v1 objects, one per line (JSON Lines); the number written."""
    return schrijf_regels((naar_v1(k, bronorganisatie=bronorganisatie) for k in klanten), bestand)
