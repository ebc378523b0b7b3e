"""Klantinteracties API (Open Klant 2.x): read and write ``Partij`` objects, by their field names.

A Partij has no ``bronorganisatie``: the caller names the one gemeente all
records belong to (``gemeenten="0363"``). A table, as the Klanten API v1 reader
takes, has nothing to look up here and is refused before anything is read.

Mapping decisions:

- ``soortPartij`` ``persoon`` and ``contactpersoon`` are natural persons,
  ``organisatie`` a niet-natuurlijk persoon; it is required.
- ``partijIdentificatoren``: only the combinations the API allows are read:
  ``brp`` + ``natuurlijk_persoon`` + ``bsn``; ``hr`` + ``niet_natuurlijk_persoon``
  + ``rsin`` | ``kvk_nummer``; ``hr`` + ``vestiging`` + ``vestigingsnummer``.
  Every other identificator is reported, never dropped: an unknown code
  (``CODE``), a combination outside that list (``CODE``), one with ``overig``
  (``NIET_OVER_TE_NEMEN``: the register has no place for it), a Handelsregister
  number in a persoon or a BSN in an organisatie (``REGEL_3``), a second,
  different number of a kind the register holds once (``NIET_OVER_TE_NEMEN``),
  an entry that is only a reference without its ``partijIdentificator``
  (``NIET_OVER_TE_NEMEN``). The same number given twice is read once.
- ``subIdentificatorVan`` (``{"uuid", "url"}``, or a uuid or url as text) is
  allowed on a vestiging only and must point, by uuid or url, to a
  ``kvk_nummer`` identificator of the same Partij; a vestiging without one is
  read (older Open Klant versions do not set it). A dangling reference, or one to
  another kind of identificator, is reported (``FORMAAT``).
- ``digitaleAdressen``: ``email`` becomes ``emailadres``, ``telefoonnummer``
  ``telefoonnummer``, ``overig`` with an http(s) URL ``website_url``. The
  register holds one of each: the first is taken and every further, different
  one is reported (``NIET_OVER_TE_NEMEN``), as is an ``overig`` that is not a
  URL and an entry that is only a reference (read the Partij with
  ``expand=digitaleAdressen``).
- ``partijIdentificatie.contactnaam`` {``voorletters``, ``voornaam``,
  ``voorvoegselAchternaam``, ``achternaam``} and ``partijIdentificatie.naam``
  (an organisation's) become the names and ``bedrijfsnaam``, whichever soort
  gives them. ``voorkeurstaal`` (ISO 639-2) is read as it is; ``""`` is not given.
- ``nummer`` is the klantnummer (at most 8 characters here; a longer one is
  reported). ``bezoekadres`` and ``correspondentieadres`` are not read: they are
  not identifying, and the register's Adres has no place for a
  ``nummeraanduidingId``.
- Writing is lossless or refused with a :class:`~klantregister.FormaatError`:
  Klantinteracties has no standard code for an A-nummer or a foreign number
  (``overig`` would lose which register issued it), nor a field for ``functie``
  or an ``adres``; a persoon has no ``bedrijfsnaam``, an organisatie no
  contactnaam. A zelfstandige klant is written as an organisatie when it has a
  ``bedrijfsnaam`` and no names, otherwise as a persoon. The Partij's ``uuid``
  is the klant's id; the uuids of its identificatoren and digitale adressen are
  uuid5 of the klant's id and their kind, so writing is reproducible.

>>> gelezen = lees_partij({"soortPartij": "persoon", "partijIdentificatoren": [
...     {"partijIdentificator": {"codeRegister": "brp", "codeObjecttype": "natuurlijk_persoon",
...      "codeSoortObjectId": "bsn", "objectId": "111222333"}}]}, gemeenten="0363")
>>> gelezen.registratie.identificatie
Identificatie(soort=Subjectsoort.NATUURLIJK_PERSOON, bsn=Bsn('******333'))
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

import attrs

from klantregister._errors import FormaatError, OngeldigeWaardeError, toon
from klantregister._identificatie import Identificatie, Subjectsoort
from klantregister._identifiers import Bsn, Gemeentecode, KvkNummer, Rsin, Vestigingsnummer
from klantregister._klant import Klant, klantnummer
from klantregister._klantgegevens import Klantgegevens
from klantregister._register import Registratie
from klantregister.formats._resultaat import (
    Gelezen,
    Probleem,
    Probleemsoort,
    lees_met,
    probleem,
)
from klantregister.formats._stream import Bron, schrijf_regels

__all__ = ["lees", "lees_partij", "naar_partij", "schrijf"]

_PI = "partijIdentificatoren"
_DA = "digitaleAdressen"
_SOORTEN_PARTIJ = ("persoon", "organisatie", "contactpersoon")
_REGISTERS = ("brp", "hr", "overig")
_OBJECTTYPES = ("natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging", "overig")
_SOORTEN_OBJECT_ID = ("bsn", "vestigingsnummer", "rsin", "kvk_nummer", "overig")
#: (codeRegister, codeObjecttype, codeSoortObjectId) -> (Identificatie attribute, class).
_Nummer = Bsn | KvkNummer | Rsin | Vestigingsnummer
_COMBINATIES: dict[tuple[str, str, str], tuple[str, type[_Nummer]]] = {
    ("brp", "natuurlijk_persoon", "bsn"): ("bsn", Bsn),
    ("hr", "niet_natuurlijk_persoon", "rsin"): ("rsin", Rsin),
    ("hr", "niet_natuurlijk_persoon", "kvk_nummer"): ("kvk_nummer", KvkNummer),
    ("hr", "vestiging", "vestigingsnummer"): ("vestigingsnummer", Vestigingsnummer),
}
_CODE_VAN = {attr: combinatie for combinatie, (attr, _) in _COMBINATIES.items()}
#: contactnaam field -> Klantgegevens attribute.
_CONTACTNAAM = {
    "voorletters": "voorletters",
    "voornaam": "voornaam",
    "voorvoegselAchternaam": "voorvoegsel_achternaam",
    "achternaam": "achternaam",
}
#: soortDigitaalAdres -> Klantgegevens attribute.
_DIGITAAL = {"email": "emailadres", "telefoonnummer": "telefoonnummer", "overig": "website_url"}
_OMSCHRIJVING = {"emailadres": "e-mail", "telefoonnummer": "telefoon", "website_url": "website"}


def _gegeven(waarde: object) -> bool:
    return waarde is not None and waarde != ""


def _type(waarde: object) -> str:
    namen = {dict: "een object", list: "een lijst", str: "tekst", bool: "een boolean"}
    if waarde is None:
        return "null"
    return namen.get(type(waarde), "een getal")


def _typefout(veld: str, verwacht: str, waarde: object) -> Probleem:
    return Probleem(veld, Probleemsoort.TYPE, f"verwacht {verwacht}, kreeg {_type(waarde)}")


def _een_gemeente(gemeenten: Gemeentecode | str | Mapping[str, Any] | None) -> Gemeentecode:
    """The one gemeente of all records, validated before anything is read."""
    if gemeenten is None:
        raise FormaatError(
            "geen gemeente opgegeven: geef gemeenten=<gemeentecode> voor alle Partijen"
        )
    if not isinstance(gemeenten, (Gemeentecode, str)):
        raise FormaatError(
            "een Partij heeft geen bronorganisatie om in een tabel op te zoeken: "
            "geef één gemeentecode voor alle Partijen"
        )
    return Gemeentecode.parse(gemeenten)


def lees(
    bron: Bron,
    *,
    gemeenten: Gemeentecode | str | Mapping[str, Any] | None = None,
    naam: str | None = None,
) -> Iterator[Gelezen]:
    """Read every Partij of ``bron`` (an array, a page or JSON Lines; streamed).

    Raises :class:`~klantregister.FormaatError` when no gemeente (or a table) is
    given, before reading anything, or the input is not readable; a Partij that
    cannot be taken over is yielded with its problems.
    """
    code = _een_gemeente(gemeenten)
    return lees_met(bron, lambda w, p, r: _lees(w, code, p, r), naam)


def lees_partij(
    record: object,
    *,
    gemeenten: Gemeentecode | str | Mapping[str, Any] | None = None,
    positie: int = 1,
    regel: int = 1,
) -> Gelezen:
    """Read one Partij object (already decoded from JSON)."""
    return _lees(record, _een_gemeente(gemeenten), positie, regel)


_GELEZEN_VELDEN = frozenset(attrs.fields_dict(Gelezen))


def _gelezen(**velden: Any) -> Gelezen:
    # Gemeente and identificatie are given where Gelezen has (or will have) them.
    return Gelezen(**{k: v for k, v in velden.items() if k in _GELEZEN_VELDEN})


def _lees(record: object, code: Gemeentecode, positie: int, regel: int) -> Gelezen:
    if not isinstance(record, dict):
        fout = _typefout("record", "een object", record)
        return _gelezen(positie=positie, regel=regel, id=None, registratie=None, problemen=(fout,))
    problemen: list[Probleem] = []
    record_id = next(
        (w for w in (record.get("uuid"), record.get("url")) if isinstance(w, str) and w), None
    )
    nummer = None
    if _gegeven(record.get("nummer")):
        try:
            nummer = klantnummer(record["nummer"])
        except OngeldigeWaardeError as fout:
            problemen.append(probleem("nummer", fout))
    soort = _soort_partij(record.get("soortPartij"), problemen)
    gegevens = _klantgegevens(record, problemen)
    identificatie = _identificatie(record.get(_PI), soort, problemen)
    if problemen:
        return _gelezen(
            positie=positie,
            regel=regel,
            id=record_id,
            registratie=None,
            problemen=tuple(problemen),
            gemeente=code,
            identificatie=identificatie,
        )
    registratie = Registratie(code, gegevens, identificatie, klantnummer=nummer)
    return _gelezen(
        positie=positie,
        regel=regel,
        id=record_id,
        registratie=registratie,
        gemeente=code,
        identificatie=identificatie,
    )


def _soort_partij(waarde: object, problemen: list[Probleem]) -> Subjectsoort | None:
    if not _gegeven(waarde):
        problemen.append(Probleem("soortPartij", Probleemsoort.FORMAAT, "ontbreekt"))
        return None
    if waarde not in _SOORTEN_PARTIJ:
        problemen.append(
            Probleem(
                "soortPartij",
                Probleemsoort.CODE,
                f"{toon(waarde)} is niet persoon, organisatie of contactpersoon",
            )
        )
        return None
    if waarde == "organisatie":
        return Subjectsoort.NIET_NATUURLIJK_PERSOON
    return Subjectsoort.NATUURLIJK_PERSOON


# --- klantgegevens ------------------------------------------------------------------


def _klantgegevens(record: dict[str, Any], problemen: list[Probleem]) -> Klantgegevens | None:
    #: Klantgegevens attribute -> (field name for problems, value).
    velden: dict[str, tuple[str, object]] = {}
    identificatie = record.get("partijIdentificatie")
    if identificatie is not None and not isinstance(identificatie, dict):
        problemen.append(_typefout("partijIdentificatie", "een object", identificatie))
        identificatie = None
    identificatie = identificatie or {}
    contactnaam = identificatie.get("contactnaam")
    if contactnaam is not None and not isinstance(contactnaam, dict):
        problemen.append(_typefout("partijIdentificatie.contactnaam", "een object", contactnaam))
        contactnaam = None
    for veld, attr in _CONTACTNAAM.items():
        waarde = (contactnaam or {}).get(veld)
        if _gegeven(waarde):
            velden[attr] = (f"partijIdentificatie.contactnaam.{veld}", waarde)
    if _gegeven(identificatie.get("naam")):
        velden["bedrijfsnaam"] = ("partijIdentificatie.naam", identificatie["naam"])
    if _gegeven(record.get("voorkeurstaal")):
        velden["voorkeurstaal"] = ("voorkeurstaal", record["voorkeurstaal"])
    _digitale_adressen(record.get(_DA), velden, problemen)
    waarden = {attr: waarde for attr, (_, waarde) in velden.items()}
    try:
        return Klantgegevens(**waarden)  # type: ignore[arg-type]
    except OngeldigeWaardeError:
        pass
    # Check field by field, so that every problem is reported, not only the first.
    for attr, (veld, waarde) in velden.items():
        try:
            Klantgegevens(**{attr: waarde})  # type: ignore[arg-type]
        except OngeldigeWaardeError as fout:
            problemen.append(probleem(veld, fout))
    return None


def _digitale_adressen(
    adressen: object, velden: dict[str, tuple[str, object]], problemen: list[Probleem]
) -> None:
    if adressen is None:
        return
    if not isinstance(adressen, list):
        problemen.append(_typefout(_DA, "een lijst", adressen))
        return
    for i, adres in enumerate(adressen):
        plek = f"{_DA}[{i}]"
        if not isinstance(adres, dict):
            problemen.append(_typefout(plek, "een object", adres))
            continue
        soort = adres.get("soortDigitaalAdres")
        waarde = adres.get("adres")
        if not _gegeven(soort) and not _gegeven(waarde):
            if _gegeven(adres.get("uuid")) or _gegeven(adres.get("url")):
                problemen.append(
                    Probleem(
                        plek,
                        Probleemsoort.NIET_OVER_TE_NEMEN,
                        "alleen een verwijzing, zonder het adres zelf "
                        "(lees de Partij met expand=digitaleAdressen)",
                    )
                )
            continue
        if not isinstance(soort, str):
            problemen.append(_typefout(f"{plek}.soortDigitaalAdres", "tekst", soort))
            continue
        if soort not in _DIGITAAL:
            problemen.append(
                Probleem(
                    f"{plek}.soortDigitaalAdres",
                    Probleemsoort.CODE,
                    f"{toon(soort)} is niet email, telefoonnummer of overig",
                )
            )
            continue
        if not _gegeven(waarde):
            problemen.append(Probleem(f"{plek}.adres", Probleemsoort.FORMAAT, "ontbreekt"))
            continue
        attr = _DIGITAAL[soort]
        if soort == "overig" and not (
            isinstance(waarde, str) and waarde.strip().lower().startswith(("http://", "https://"))
        ):
            problemen.append(
                Probleem(
                    f"{plek}.adres",
                    Probleemsoort.NIET_OVER_TE_NEMEN,
                    "een overig digitaal adres dat geen http(s)-URL is: "
                    "het register heeft er geen plaats voor",
                )
            )
            continue
        if attr in velden:
            if velden[attr][1] != waarde:
                problemen.append(
                    Probleem(
                        f"{plek}.adres",
                        Probleemsoort.NIET_OVER_TE_NEMEN,
                        f"een tweede {soort}-adres: het register houdt er één, "
                        f"het eerste ({velden[attr][0]}) is genomen",
                    )
                )
            continue
        velden[attr] = (f"{plek}.adres", waarde)


# --- identificatoren ----------------------------------------------------------------


@attrs.frozen
class _Identificator:
    """One readable identificator: where it stands, its kind, its value and its references."""

    plek: str
    attr: str
    waarde: _Nummer
    sleutels: frozenset[str]
    sub_van: object


def _sleutels(entry: dict[str, Any]) -> frozenset[str]:
    """What a subIdentificatorVan may name this identificator by: its uuid and url."""
    return frozenset(
        w.strip().lower().rstrip("/")
        for w in (entry.get("uuid"), entry.get("url"))
        if isinstance(w, str) and w.strip()
    )


def _verwijzing(waarde: object) -> frozenset[str] | None:
    """The uuid and url a subIdentificatorVan gives; None when it has neither."""
    if isinstance(waarde, str):
        waarde = {"url" if "/" in waarde else "uuid": waarde}
    if not isinstance(waarde, dict):
        return None
    sleutels = set(_sleutels(waarde))
    # A url ends in the uuid of what it names.
    sleutels |= {s.rsplit("/", 1)[-1] for s in sleutels if "/" in s}
    return frozenset(sleutels) or None


def _identificatie(
    lijst: object, soort: Subjectsoort | None, problemen: list[Probleem]
) -> Identificatie | None:
    if lijst is None:
        return None
    if not isinstance(lijst, list):
        problemen.append(_typefout(_PI, "een lijst", lijst))
        return None
    gelezen: list[_Identificator] = []
    for i, entry in enumerate(lijst):
        if (ident := _identificator(entry, f"{_PI}[{i}]", problemen)) is not None:
            gelezen.append(ident)
    # The kind of subject: from soortPartij, else from the first identificator.
    if soort is None and gelezen:
        soort = _soort_van(gelezen[0].attr)
    waarden: dict[str, _Nummer] = {}
    plekken: dict[str, str] = {}
    for ident in gelezen:
        if _soort_van(ident.attr) is not soort:
            problemen.append(
                Probleem(
                    f"{ident.plek}.partijIdentificator",
                    Probleemsoort.REGEL_3,
                    f"een {ident.attr} hoort niet bij een "
                    f"{'persoon' if soort is Subjectsoort.NATUURLIJK_PERSOON else 'organisatie'}; "
                    "een klant is gerelateerd aan een natuurlijk óf een niet-natuurlijk persoon",
                )
            )
            continue
        _sub_identificator(ident, gelezen, problemen)
        if ident.attr in waarden:
            if waarden[ident.attr] != ident.waarde:
                problemen.append(
                    Probleem(
                        f"{ident.plek}.partijIdentificator.objectId",
                        Probleemsoort.NIET_OVER_TE_NEMEN,
                        f"een tweede, ander {ident.attr} (naast {plekken[ident.attr]}): "
                        "het register houdt er één per klant",
                    )
                )
            continue
        waarden[ident.attr] = ident.waarde
        plekken[ident.attr] = ident.plek
    if not waarden or soort is None:
        return None
    try:
        return Identificatie(soort, **waarden)  # type: ignore[arg-type]
    except OngeldigeWaardeError as fout:  # pragma: no cover (soort was checked above)
        problemen.append(probleem(_PI, fout))
        return None


def _soort_van(attr: str) -> Subjectsoort:
    if attr == "bsn":
        return Subjectsoort.NATUURLIJK_PERSOON
    return Subjectsoort.NIET_NATUURLIJK_PERSOON


def _identificator(entry: object, plek: str, problemen: list[Probleem]) -> _Identificator | None:
    if not isinstance(entry, dict):
        problemen.append(_typefout(plek, "een object", entry))
        return None
    pi = entry.get("partijIdentificator")
    if not isinstance(pi, dict):
        problemen.append(
            _typefout(f"{plek}.partijIdentificator", "een object", pi)
            if pi is not None
            else Probleem(
                f"{plek}.partijIdentificator",
                Probleemsoort.NIET_OVER_TE_NEMEN,
                "ontbreekt: een identificator zonder register, soort en nummer",
            )
        )
        return None
    codes = _codes(pi, plek, problemen)
    combinatie = None if codes is None else _combinatie(codes, plek, problemen)
    if combinatie is None:
        return None
    attr, cls = combinatie
    object_id = pi.get("objectId")
    veld = f"{plek}.partijIdentificator.objectId"
    if not _gegeven(object_id):
        problemen.append(Probleem(veld, Probleemsoort.FORMAAT, f"ontbreekt bij een {attr}"))
        return None
    try:
        waarde = cls(object_id)  # type: ignore[arg-type]
    except OngeldigeWaardeError as fout:
        problemen.append(probleem(veld, fout))
        return None
    return _Identificator(plek, attr, waarde, _sleutels(entry), entry.get("subIdentificatorVan"))


def _combinatie(
    codes: list[str], plek: str, problemen: list[Probleem]
) -> tuple[str, type[_Nummer]] | None:
    """The identificatie attribute and class of an allowed combination of codes."""
    register, objecttype, soort_id = codes
    combinatie = _COMBINATIES.get((register, objecttype, soort_id))
    if combinatie is None:
        overig = "overig" in codes
        problemen.append(
            Probleem(
                f"{plek}.partijIdentificator",
                Probleemsoort.NIET_OVER_TE_NEMEN if overig else Probleemsoort.CODE,
                f"{register} + {objecttype} + {soort_id}: "
                + (
                    "het register heeft geen plaats voor een identificator van een ander register"
                    if overig
                    else "geen toegestane combinatie (brp + natuurlijk_persoon + bsn; "
                    "hr + niet_natuurlijk_persoon + rsin of kvk_nummer; "
                    "hr + vestiging + vestigingsnummer)"
                ),
            )
        )
    return combinatie


def _codes(pi: dict[str, Any], plek: str, problemen: list[Probleem]) -> list[str] | None:
    """codeRegister, codeObjecttype and codeSoortObjectId, each checked against its list."""
    codes: list[str] = []
    aantal = len(problemen)
    for veld, toegestaan in (
        ("codeRegister", _REGISTERS),
        ("codeObjecttype", _OBJECTTYPES),
        ("codeSoortObjectId", _SOORTEN_OBJECT_ID),
    ):
        waarde = pi.get(veld)
        if not isinstance(waarde, str):
            problemen.append(_typefout(f"{plek}.partijIdentificator.{veld}", "tekst", waarde))
        elif waarde not in toegestaan:
            problemen.append(
                Probleem(
                    f"{plek}.partijIdentificator.{veld}",
                    Probleemsoort.CODE,
                    f"{toon(waarde)} is niet een van {', '.join(toegestaan)}",
                )
            )
        else:
            codes.append(waarde)
    return None if len(problemen) > aantal else codes


def _sub_identificator(
    ident: _Identificator, alle: list[_Identificator], problemen: list[Probleem]
) -> None:
    """Check that a subIdentificatorVan is a vestiging's, pointing to a kvk_nummer."""
    if not _gegeven(ident.sub_van):
        return
    veld = f"{ident.plek}.subIdentificatorVan"
    if ident.attr != "vestigingsnummer":
        problemen.append(
            Probleem(
                veld,
                Probleemsoort.FORMAAT,
                f"alleen een vestigingsnummer is een subidentificator, geen {ident.attr}",
            )
        )
        return
    sleutels = _verwijzing(ident.sub_van)
    if sleutels is None:
        problemen.append(
            Probleem(veld, Probleemsoort.FORMAAT, "verwacht een uuid of url van een identificator")
        )
        return
    doel = next((a for a in alle if a.sleutels & sleutels), None)
    if doel is None:
        problemen.append(
            Probleem(
                veld,
                Probleemsoort.FORMAAT,
                "verwijst naar geen identificator van deze Partij",
            )
        )
    elif doel.attr != "kvk_nummer":
        problemen.append(
            Probleem(
                veld,
                Probleemsoort.FORMAAT,
                f"verwijst naar een {doel.attr} ({doel.plek}), niet naar een kvk_nummer",
            )
        )


# --- writing ------------------------------------------------------------------------


def _uuid(klant: Klant, wat: str) -> str:
    return str(uuid.uuid5(klant.id, wat))


def naar_partij(klant: Klant) -> dict[str, Any]:
    """The klant as a Klantinteracties ``Partij``; raises FormaatError where it would lose data.

    Text fields not given are written as ``""``, as the API does.
    """
    gegevens = klant.klantgegevens
    ident = klant.identificatie
    namen = [veld for veld, attr in _CONTACTNAAM.items() if getattr(gegevens, attr) is not None]
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
                veld: getattr(gegevens, attr) or "" for veld, attr in _CONTACTNAAM.items()
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
        _PI: _identificatoren(klant),
        _DA: [
            {
                "uuid": _uuid(klant, f"digitaalAdres/{soort}"),
                "verstrektDoorPartij": {"uuid": partij_id},
                "soortDigitaalAdres": soort,
                "adres": getattr(gegevens, attr),
                "omschrijving": _OMSCHRIJVING[attr],
            }
            for soort, attr in _DIGITAAL.items()
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
        register, objecttype, soort_id = _CODE_VAN[attr]
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
