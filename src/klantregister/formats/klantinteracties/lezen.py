"""Reading ``Partij`` objects: every problem of a record, by the API's own field names."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from klantregister.domain import (
    SOORT_MET_SLEUTEL,
    FormaatError,
    Gemeentecode,
    Identificatie,
    Klantgegevens,
    OngeldigeWaardeError,
    Registratie,
    Subjectsoort,
    klok01,
    toon,
)
from klantregister.formats.herkenning import vreemd_formaat
from klantregister.formats.klantinteracties.namen import (
    COMBINATIES,
    CONTACTNAAM,
    DA,
    DIGITAAL,
    OBJECTTYPES,
    PI,
    REGISTERS,
    SOORTEN_OBJECT_ID,
    SOORTEN_PARTIJ,
    VELDEN,
    Nummer,
)
from klantregister.formats.resultaat import (
    Gelezen,
    Probleem,
    Probleemsoort,
    gegeven,
    lees_herkomst,
    lees_klantnummer,
    lees_met,
    probleem,
    record_id,
    typeprobleem,
)
from klantregister.formats.stream import Bron

__all__ = ["een_gemeente", "lees", "lees_partij", "lezer"]


def een_gemeente(gemeenten: Gemeentecode | str | Mapping[str, Any] | None) -> Gemeentecode:
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
    return lees_met(bron, lezer(gemeenten), naam)


def lezer(
    gemeenten: Gemeentecode | str | Mapping[str, Any] | None,
) -> Callable[[object, int, int], Gelezen]:
    """A reader of decoded Partij records, ``lees(record, positie, regel)``, for the one
    gemeente of all records; validated once, here. What :func:`lees` uses per record."""
    code = een_gemeente(gemeenten)
    return lambda record, positie, regel: _lees(record, code, positie, regel)


def lees_partij(
    record: object,
    *,
    gemeenten: Gemeentecode | str | Mapping[str, Any] | None = None,
    positie: int = 1,
    regel: int = 1,
) -> Gelezen:
    """Read one Partij object (already decoded from JSON)."""
    return _lees(record, een_gemeente(gemeenten), positie, regel)


_GELEZEN_VELDEN = frozenset(attrs.fields_dict(Gelezen))


def _gelezen(**velden: Any) -> Gelezen:
    # Gemeente and identificatie are given where Gelezen has (or will have) them.
    return Gelezen(**{k: v for k, v in velden.items() if k in _GELEZEN_VELDEN})


def _lees(record: object, code: Gemeentecode, positie: int, regel: int) -> Gelezen:
    if not isinstance(record, dict):
        fout = typeprobleem("record", "een object", record)
        return _gelezen(positie=positie, regel=regel, id=None, registratie=None, problemen=(fout,))
    id_ = record_id(record)
    if (reden := vreemd_formaat(record, "klantinteracties", VELDEN)) is not None:
        fout = Probleem("record", Probleemsoort.FORMAAT, reden)
        return _gelezen(positie=positie, regel=regel, id=id_, registratie=None, problemen=(fout,))
    problemen: list[Probleem] = []
    klant_id, bron = lees_herkomst(record, problemen)
    nummer = lees_klantnummer(record, "nummer", problemen)
    soort = _soort_partij(record.get("soortPartij"), problemen)
    gegevens = _klantgegevens(record, problemen)
    identificatie = _identificatie(record.get(PI), soort, problemen)
    if problemen:
        return _gelezen(
            positie=positie,
            regel=regel,
            id=id_,
            registratie=None,
            problemen=tuple(problemen),
            gemeente=code,
            identificatie=identificatie,
        )
    registratie = Registratie(
        code, gegevens, identificatie, klantnummer=nummer, id=klant_id, bron=bron
    )
    return _gelezen(
        positie=positie,
        regel=regel,
        id=id_,
        registratie=registratie,
        gemeente=code,
        identificatie=identificatie,
    )


def _soort_partij(waarde: object, problemen: list[Probleem]) -> Subjectsoort | None:
    if not gegeven(waarde):
        problemen.append(Probleem("soortPartij", Probleemsoort.FORMAAT, "ontbreekt"))
        return None
    if waarde not in SOORTEN_PARTIJ:
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
        problemen.append(typeprobleem("partijIdentificatie", "een object", identificatie))
        identificatie = None
    identificatie = identificatie or {}
    contactnaam = identificatie.get("contactnaam")
    if contactnaam is not None and not isinstance(contactnaam, dict):
        problemen.append(typeprobleem("partijIdentificatie.contactnaam", "een object", contactnaam))
        contactnaam = None
    for veld, attr in CONTACTNAAM.items():
        waarde = (contactnaam or {}).get(veld)
        if gegeven(waarde):
            velden[attr] = (f"partijIdentificatie.contactnaam.{veld}", waarde)
    if gegeven(identificatie.get("naam")):
        velden["bedrijfsnaam"] = ("partijIdentificatie.naam", identificatie["naam"])
    if gegeven(record.get("voorkeurstaal")):
        velden["voorkeurstaal"] = ("voorkeurstaal", record["voorkeurstaal"])
    _digitale_adressen(record.get(DA), velden, problemen)
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
        problemen.append(typeprobleem(DA, "een lijst", adressen))
        return
    for i, adres in enumerate(adressen):
        plek = f"{DA}[{i}]"
        if not isinstance(adres, dict):
            problemen.append(typeprobleem(plek, "een object", adres))
            continue
        soort = adres.get("soortDigitaalAdres")
        waarde = adres.get("adres")
        if not gegeven(soort) and not gegeven(waarde):
            if gegeven(adres.get("uuid")) or gegeven(adres.get("url")):
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
            problemen.append(typeprobleem(f"{plek}.soortDigitaalAdres", "tekst", soort))
            continue
        if soort not in DIGITAAL:
            problemen.append(
                Probleem(
                    f"{plek}.soortDigitaalAdres",
                    Probleemsoort.CODE,
                    f"{toon(soort)} is niet email, telefoonnummer of overig",
                )
            )
            continue
        if not gegeven(waarde):
            problemen.append(Probleem(f"{plek}.adres", Probleemsoort.FORMAAT, "ontbreekt"))
            continue
        attr = DIGITAAL[soort]
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
    waarde: Nummer
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
        problemen.append(typeprobleem(PI, "een lijst", lijst))
        return None
    gelezen: list[_Identificator] = []
    for i, entry in enumerate(lijst):
        if (ident := _identificator(entry, f"{PI}[{i}]", problemen)) is not None:
            gelezen.append(ident)
    # The kind of subject: from soortPartij, else from the first identificator.
    if soort is None and gelezen:
        soort = _soort_van(gelezen[0].attr)
    waarden: dict[str, Nummer] = {}
    plekken: dict[str, str] = {}
    for ident in gelezen:
        if _soort_van(ident.attr) is not soort:
            problemen.append(
                Probleem(
                    f"{ident.plek}.partijIdentificator",
                    Probleemsoort.REGEL_3,
                    f"een {ident.attr} hoort niet bij een "
                    f"{'persoon' if soort is Subjectsoort.NATUURLIJK_PERSOON else 'organisatie'}; "
                    f"{klok01.REGEL_3}",
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
        problemen.append(probleem(PI, fout))
        return None


def _soort_van(attr: str) -> Subjectsoort | None:
    return SOORT_MET_SLEUTEL[attr].subjectsoort


def _identificator(entry: object, plek: str, problemen: list[Probleem]) -> _Identificator | None:
    if not isinstance(entry, dict):
        problemen.append(typeprobleem(plek, "een object", entry))
        return None
    pi = entry.get("partijIdentificator")
    if not isinstance(pi, dict):
        problemen.append(
            typeprobleem(f"{plek}.partijIdentificator", "een object", pi)
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
    if not gegeven(object_id):
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
) -> tuple[str, type[Nummer]] | None:
    """The identificatie attribute and class of an allowed combination of codes."""
    register, objecttype, soort_id = codes
    combinatie = COMBINATIES.get((register, objecttype, soort_id))
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
        ("codeRegister", REGISTERS),
        ("codeObjecttype", OBJECTTYPES),
        ("codeSoortObjectId", SOORTEN_OBJECT_ID),
    ):
        waarde = pi.get(veld)
        if not isinstance(waarde, str):
            problemen.append(typeprobleem(f"{plek}.partijIdentificator.{veld}", "tekst", waarde))
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
    if not gegeven(ident.sub_van):
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
