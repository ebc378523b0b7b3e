"""Klanten API v1: read and write its ``Klant`` objects, by their own field names.

A v1 klant is scoped by ``bronorganisatie`` (an RSIN), not by gemeente: the
caller says which gemeente the records belong to, one for all
(``gemeenten="0363"``) or per bronorganisatie (``gemeenten={"002220647": "0363"}``).

Mapping decisions:

- ``subjectType`` ``natuurlijk_persoon``: ``inpBsn`` and ``inpANummer`` (also
  read as ``inpA_nummer``, the API's own spelling) become the BSN and A-nummer;
  ``niet_natuurlijk_persoon``: ``innNnpId`` of 8 digits a KvK-nummer, of 9 an
  RSIN; ``vestiging``: ``vestigingsNummer``. The subject's names
  (``geslachtsnaam``, ``statutaireNaam``, ``handelsnaam``...) belong to the BRP
  and the Handelsregister; the register keeps only keys, so they are not read.
- ``anpIdentificatie`` and ``annIdentificatie`` (numbers a gemeente issued
  itself), and a ``subject`` URL without a ``subjectIdentificatie``, identify
  a subject the register cannot hold: such a record is reported, never read
  without them.
- ``adres.landcode`` is an ISO 3166-1 alpha-2 code both ways (absent means
  ``NL``); any other code is reported.
- Writing is lossless or refused with a :class:`~klantregister.FormaatError`:
  a klant with a foreign number, with a KvK-nummer and an RSIN or a
  vestigingsnummer together, or with ``voorletters``, ``voorkeurstaal`` or
  ``adresregel``s (which v1 lacks) cannot be written.

>>> gelezen = lees_klant({"klantnummer": "K1", "subjectType": "natuurlijk_persoon",
...     "subjectIdentificatie": {"inpBsn": "111222333"}}, gemeenten="0363")
>>> gelezen.registratie.identificatie
Identificatie(soort=Subjectsoort.NATUURLIJK_PERSOON, bsn=Bsn('******333'))
>>> lees_klant({"subjectType": "natuurlijk_persoon",
...     "subjectIdentificatie": {"inpBsn": "111222334"}}, gemeenten="0363").problemen[0].veld
'subjectIdentificatie.inpBsn'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from klantregister._errors import FormaatError, OngeldigeWaardeError, toon
from klantregister._identificatie import Identificatie, Subjectsoort
from klantregister._identifiers import ANummer, Bsn, Gemeentecode, KvkNummer, Rsin, Vestigingsnummer
from klantregister._klant import Klant, klantnummer
from klantregister._klantgegevens import Adres, Klantgegevens
from klantregister._register import Registratie
from klantregister.formats._resultaat import (
    Gelezen,
    Gemeenten,
    Probleem,
    Probleemsoort,
    gemeente_tabel,
    lees_met,
    probleem,
)
from klantregister.formats._stream import Bron, schrijf_regels

__all__ = ["lees", "lees_klant", "naar_v1", "schrijf"]

#: v1 field -> Klantgegevens attribute.
_GEGEVENS = {
    "bedrijfsnaam": "bedrijfsnaam",
    "functie": "functie",
    "websiteUrl": "website_url",
    "voornaam": "voornaam",
    "voorvoegselAchternaam": "voorvoegsel_achternaam",
    "achternaam": "achternaam",
    "telefoonnummer": "telefoonnummer",
    "emailadres": "emailadres",
}
#: v1 adres field -> Adres attribute.
_ADRES = {
    "straatnaam": "straatnaam",
    "huisnummer": "huisnummer",
    "huisletter": "huisletter",
    "huisnummertoevoeging": "huisnummertoevoeging",
    "postcode": "postcode",
    "woonplaatsnaam": "woonplaatsnaam",
    "landcode": "land",
}
_V1_NAAM = {
    **{attr: v1 for v1, attr in _GEGEVENS.items()},
    **{f"adres.{attr}": f"adres.{v1}" for v1, attr in _ADRES.items()},
}
_SUBJECTTYPES = ("natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging")
#: The identifying members of subjectIdentificatie, per subjectType.
_SLEUTELS = {
    "natuurlijk_persoon": ("inpBsn", "inpANummer", "inpA_nummer", "anpIdentificatie"),
    "niet_natuurlijk_persoon": ("innNnpId", "annIdentificatie"),
    "vestiging": ("vestigingsNummer",),
}
_SI = "subjectIdentificatie"


def _gegeven(waarde: object) -> bool:
    return waarde is not None and waarde != ""


def lees(
    bron: Bron, *, gemeenten: Gemeenten | None = None, naam: str | None = None
) -> Iterator[Gelezen]:
    """Read every v1 klant of ``bron`` (an array, a page or JSON Lines; streamed).

    Raises :class:`~klantregister.FormaatError` when no gemeente is given (before
    reading anything) or the input is not readable; a record that cannot be
    taken over is yielded with its problems.
    """
    tabel = gemeente_tabel(gemeenten)
    return lees_met(bron, lambda w, p, r: _lees(w, tabel, p, r), naam)


def lees_klant(
    record: object,
    *,
    gemeenten: Gemeenten | None = None,
    positie: int = 1,
    regel: int = 1,
) -> Gelezen:
    """Read one v1 klant object (already decoded from JSON)."""
    return _lees(record, gemeente_tabel(gemeenten), positie, regel)


def _lees(
    record: object,
    gemeenten: Gemeentecode | dict[str, Gemeentecode],
    positie: int,
    regel: int,
) -> Gelezen:
    if not isinstance(record, dict):
        fout = Probleem("record", Probleemsoort.TYPE, f"verwacht een object, kreeg {_type(record)}")
        return Gelezen(positie, regel, None, None, (fout,))
    problemen: list[Probleem] = []
    record_id = next(
        (w for w in (record.get("uuid"), record.get("url")) if isinstance(w, str) and w), None
    )
    gemeente = _gemeente(record, gemeenten, problemen)
    nummer = None
    if _gegeven(record.get("klantnummer")):
        try:
            nummer = klantnummer(record["klantnummer"])
        except OngeldigeWaardeError as fout:
            problemen.append(probleem("klantnummer", fout))
    gegevens = _klantgegevens(record, problemen)
    identificatie = _identificatie(record, problemen)
    if problemen or gemeente is None:
        return Gelezen(positie, regel, record_id, None, tuple(problemen), gemeente, identificatie)
    registratie = Registratie(gemeente, gegevens, identificatie, klantnummer=nummer)
    return Gelezen(positie, regel, record_id, registratie, (), gemeente, identificatie)


def _type(waarde: object) -> str:
    namen = {dict: "een object", list: "een lijst", str: "tekst", bool: "een boolean"}
    if waarde is None:
        return "null"
    return namen.get(type(waarde), "een getal")


def _gemeente(
    record: dict[str, Any],
    gemeenten: Gemeentecode | dict[str, Gemeentecode],
    problemen: list[Probleem],
) -> Gemeentecode | None:
    if isinstance(gemeenten, Gemeentecode):
        return gemeenten
    bron = record.get("bronorganisatie")
    if isinstance(bron, str) and (code := gemeenten.get(Rsin.compact(bron))) is not None:
        return code
    problemen.append(
        Probleem(
            "bronorganisatie",
            Probleemsoort.GEMEENTE,
            f"{toon(bron)} staat niet in de tabel van bronorganisaties naar gemeenten",
        )
    )
    return None


def _klantgegevens(record: dict[str, Any], problemen: list[Probleem]) -> Klantgegevens | None:
    velden = {attr: record.get(v1) for v1, attr in _GEGEVENS.items()}
    adres = record.get("adres")
    if adres is not None and not isinstance(adres, dict):
        problemen.append(
            Probleem("adres", Probleemsoort.TYPE, f"verwacht een object, kreeg {_type(adres)}")
        )
        adres = None
    adresvelden = {
        attr: adres.get(v1) for v1, attr in _ADRES.items() if adres and _gegeven(adres.get(v1))
    }
    try:
        return Klantgegevens(**velden, adres=Adres(**adresvelden) if adresvelden else None)
    except OngeldigeWaardeError:
        pass
    # Check field by field, so that every problem is reported, not only the first.
    for attr, waarde in velden.items():
        try:
            Klantgegevens(**{attr: waarde})
        except OngeldigeWaardeError as fout:
            problemen.append(probleem(_V1_NAAM.get(fout.veld, fout.veld), fout))
    land = adresvelden.pop("land", "NL")
    try:
        Adres(land=land)
    except OngeldigeWaardeError as fout:
        problemen.append(probleem("adres.landcode", fout))
        land = "NL"
    for attr, waarde in adresvelden.items():
        try:
            Adres(**{attr: waarde, "land": land})
        except OngeldigeWaardeError as fout:
            problemen.append(probleem(_V1_NAAM.get(fout.veld, fout.veld), fout))
    return None


def _identificatie(record: dict[str, Any], problemen: list[Probleem]) -> Identificatie | None:
    subject_type = record.get("subjectType")
    si = record.get(_SI)
    if si is None:
        si = {}
    if not isinstance(si, dict):
        problemen.append(
            Probleem(_SI, Probleemsoort.TYPE, f"verwacht een object, kreeg {_type(si)}")
        )
        return None
    gegeven = {
        soort: [sleutel for sleutel in sleutels if _gegeven(si.get(sleutel))]
        for soort, sleutels in _SLEUTELS.items()
    }
    if not _gegeven(subject_type):
        if any(gegeven.values()):
            problemen.append(
                Probleem(
                    "subjectType", Probleemsoort.FORMAAT, "ontbreekt bij een subjectIdentificatie"
                )
            )
        elif _gegeven(record.get("subject")):
            problemen.append(_subject_zonder_sleutel())
        return None
    if subject_type not in _SUBJECTTYPES:
        problemen.append(
            Probleem(
                "subjectType",
                Probleemsoort.CODE,
                f"{toon(subject_type)} is niet natuurlijk_persoon, niet_natuurlijk_persoon "
                "of vestiging",
            )
        )
        return None
    _gemengd(gegeven, subject_type, problemen)
    aantal = len(problemen)
    waarden: dict[str, object] = {}
    if subject_type == "natuurlijk_persoon":
        _persoon(si, waarden, problemen)
    elif subject_type == "niet_natuurlijk_persoon":
        _inn_nnp_id(si.get("innNnpId"), waarden, problemen)
        _niet_over_te_nemen(si, "annIdentificatie", problemen)
    else:
        nummer = si.get("vestigingsNummer")
        _nummer(
            Vestigingsnummer,
            "vestigingsnummer",
            "vestigingsNummer",
            nummer,
            waarden=waarden,
            problemen=problemen,
        )
    if len(problemen) > aantal:
        return None
    if not waarden:
        if _gegeven(record.get("subject")):
            problemen.append(_subject_zonder_sleutel())
        return None
    soort = (
        Subjectsoort.NATUURLIJK_PERSOON
        if subject_type == "natuurlijk_persoon"
        else Subjectsoort.NIET_NATUURLIJK_PERSOON
    )
    return Identificatie(soort, **waarden)  # type: ignore[arg-type]


def _gemengd(gegeven: dict[str, list[str]], subject_type: str, problemen: list[Probleem]) -> None:
    """Report the identifying members of another subjectType (KLOK01 rule 3)."""
    for ander, sleutels in gegeven.items():
        if ander != subject_type and sleutels:
            problemen.append(
                Probleem(
                    f"{_SI}.{sleutels[0]}",
                    Probleemsoort.REGEL_3,
                    f"hoort niet bij subjectType {subject_type}; een klant is gerelateerd aan "
                    "een natuurlijk óf een niet-natuurlijk persoon",
                )
            )


def _persoon(si: dict[str, Any], waarden: dict[str, object], problemen: list[Probleem]) -> None:
    a_nummer = si.get("inpANummer")
    if not _gegeven(a_nummer):
        a_nummer = si.get("inpA_nummer")
    elif _gegeven(si.get("inpA_nummer")) and si.get("inpA_nummer") != a_nummer:
        problemen.append(
            Probleem(f"{_SI}.inpA_nummer", Probleemsoort.FORMAAT, "verschilt van inpANummer")
        )
    _nummer(Bsn, "bsn", "inpBsn", si.get("inpBsn"), waarden=waarden, problemen=problemen)
    _nummer(ANummer, "a_nummer", "inpANummer", a_nummer, waarden=waarden, problemen=problemen)
    _niet_over_te_nemen(si, "anpIdentificatie", problemen)


def _subject_zonder_sleutel() -> Probleem:
    return Probleem(
        "subject",
        Probleemsoort.NIET_OVER_TE_NEMEN,
        "verwijst naar een subject, maar subjectIdentificatie geeft geen BSN, A-nummer, "
        "KvK-nummer, RSIN of vestigingsnummer",
    )


def _niet_over_te_nemen(si: dict[str, Any], sleutel: str, problemen: list[Probleem]) -> None:
    if _gegeven(si.get(sleutel)):
        problemen.append(
            Probleem(
                f"{_SI}.{sleutel}",
                Probleemsoort.NIET_OVER_TE_NEMEN,
                "een nummer dat de gemeente zelf uitgaf: het register kan het niet opnemen",
            )
        )


def _nummer(
    cls: type[Bsn | ANummer | KvkNummer | Rsin | Vestigingsnummer],
    attr: str,
    v1_naam: str,
    waarde: object,
    *,
    waarden: dict[str, object],
    problemen: list[Probleem],
) -> None:
    if not _gegeven(waarde):
        return
    try:
        waarden[attr] = cls(waarde)  # type: ignore[arg-type]
    except OngeldigeWaardeError as fout:
        problemen.append(probleem(f"{_SI}.{v1_naam}", fout))


def _inn_nnp_id(waarde: object, waarden: dict[str, object], problemen: list[Probleem]) -> None:
    if not _gegeven(waarde):
        return
    veld = f"{_SI}.innNnpId"
    if not isinstance(waarde, str):
        problemen.append(
            Probleem(veld, Probleemsoort.TYPE, f"verwacht tekst, kreeg {_type(waarde)}")
        )
        return
    cijfers = Rsin.compact(waarde)
    if len(cijfers) == 8:
        _nummer(KvkNummer, "kvk_nummer", "innNnpId", waarde, waarden=waarden, problemen=problemen)
    elif len(cijfers) == 9:
        _nummer(Rsin, "rsin", "innNnpId", waarde, waarden=waarden, problemen=problemen)
    else:
        problemen.append(
            Probleem(
                veld,
                Probleemsoort.LENGTE,
                f"{toon(waarde)} heeft {len(cijfers)} tekens, verwacht 8 (KvK-nummer) of 9 (RSIN)",
            )
        )


# --- writing ------------------------------------------------------------------------


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
        **{v1: getattr(gegevens, attr) or "" for v1, attr in _GEGEVENS.items()},
        "adres": None
        if adres is None
        else {
            v1: getattr(adres, attr)
            if attr in {"huisnummer", "land"}
            else getattr(adres, attr) or ""
            for v1, attr in _ADRES.items()
        },
    }
    uit.update(_subject(klant))
    return uit


def _niet_schrijfbaar(klant: Klant, reden: str) -> FormaatError:
    return FormaatError(f"klant {klant.id} past niet in dit formaat: {reden}")


def _subject(klant: Klant) -> dict[str, Any]:
    ident = klant.identificatie
    if ident is None:
        return {"subject": "", "subjectType": "", _SI: None}
    if ident.buitenlands is not None:
        raise _niet_schrijfbaar(klant, "Klanten API v1 kent geen buitenlands nummer")
    if ident.soort is Subjectsoort.NATUURLIJK_PERSOON:
        si = {
            "inpBsn": "" if ident.bsn is None else ident.bsn.waarde,
            "anpIdentificatie": "",
            "inpANummer": "" if ident.a_nummer is None else ident.a_nummer.waarde,
        }
        return {"subject": "", "subjectType": "natuurlijk_persoon", _SI: si}
    organisatie = [n for n in (ident.kvk_nummer, ident.rsin) if n is not None]
    if ident.vestigingsnummer is not None and not organisatie:
        return {
            "subject": "",
            "subjectType": "vestiging",
            _SI: {"vestigingsNummer": ident.vestigingsnummer.waarde},
        }
    if len(organisatie) == 1 and ident.vestigingsnummer is None:
        return {
            "subject": "",
            "subjectType": "niet_natuurlijk_persoon",
            _SI: {"innNnpId": organisatie[0].waarde, "annIdentificatie": ""},
        }
    raise _niet_schrijfbaar(
        klant,
        "een v1-subject heeft één innNnpId (KvK-nummer of RSIN) of één vestigingsNummer",
    )


def schrijf(klanten: Iterable[Klant], bestand: IO[str], *, bronorganisatie: Rsin | str) -> int:
    """Write the klanten as v1 objects, one per line (JSON Lines); the number written."""
    return schrijf_regels((naar_v1(k, bronorganisatie=bronorganisatie) for k in klanten), bestand)
