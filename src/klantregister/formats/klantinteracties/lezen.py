"""Reading ``Partij`` objects: every problem of a record, and what it holds that is not taken
over, by the API's own field names."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from klantregister.domain import (
    FormaatError,
    Gemeentecode,
    Kenmerken,
    Klantgegevens,
    OngeldigeWaardeError,
    Partijsoort,
    Registratie,
    toon,
)
from klantregister.formats.herkenning import vreemd_formaat
from klantregister.formats.klantinteracties.adressen import ADRESSEN, uit_bezoekadres
from klantregister.formats.klantinteracties.digitaal import lees_digitale_adressen
from klantregister.formats.klantinteracties.identificatoren import lees_identificatie
from klantregister.formats.klantinteracties.namen import (
    CONTACTNAAM,
    MAX_NUMMER,
    NIET_IN_REGISTER,
    PI,
    SOORTEN_PARTIJ,
    VELDEN,
    WERKTE_VOOR,
)
from klantregister.formats.klantinteracties.verwijzingen import uuid_van
from klantregister.formats.resultaat import (
    Gelezen,
    Probleem,
    Probleemsoort,
    gegeven,
    lees_herkomst,
    lees_klantnummer,
    lees_met,
    niet_overgenomen,
    noteer_niet_overgenomen,
    noteer_onbekend,
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
    opmerkingen: list[Probleem] = []
    klant_id, bron = lees_herkomst(record, problemen)
    nummer = _nummer(record, problemen)
    soort = _soort_partij(record.get("soortPartij"), problemen)
    gegevens = _klantgegevens(record, problemen, opmerkingen)
    identificatie = lees_identificatie(
        record.get(PI), None if soort is None else soort.subjectsoort, problemen, opmerkingen
    )
    kenmerken = _kenmerken(record, soort, klant_id, problemen, opmerkingen)
    noteer_niet_overgenomen(record, NIET_IN_REGISTER, opmerkingen)
    noteer_onbekend(record, _BEKEND, opmerkingen)
    registratie = None
    if not problemen:
        registratie = Registratie(
            code,
            gegevens,
            identificatie,
            klantnummer=nummer,
            id=klant_id,
            bron=bron,
            kenmerken=kenmerken,
        )
    return _gelezen(
        positie=positie,
        regel=regel,
        id=id_,
        registratie=registratie,
        problemen=tuple(problemen),
        gemeente=code,
        identificatie=identificatie,
        opmerkingen=tuple(opmerkingen),
    )


#: Every member of a Partij (the reader reads it, notes it, or it only identifies).
_BEKEND = VELDEN | {"uuid", "url"}


def _nummer(record: dict[str, Any], problemen: list[Probleem]) -> str | None:
    """The klantnummer ``nummer`` gives: up to 10 characters, as Open Klant 2.0 to 2.15
    generated them (the register holds a klantnummer of as many)."""
    waarde = record.get("nummer")
    lengte = len(waarde.strip()) if isinstance(waarde, str) else 0
    if lengte > MAX_NUMMER:
        problemen.append(
            Probleem(
                "nummer",
                Probleemsoort.LENGTE,
                f"{lengte} tekens, verwacht ten hoogste {MAX_NUMMER} (het nummer van een Partij)",
            )
        )
        return None
    return lees_klantnummer(record, "nummer", problemen)


def _soort_partij(waarde: object, problemen: list[Probleem]) -> Partijsoort | None:
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
    return Partijsoort(waarde)


# --- kenmerken ----------------------------------------------------------------------


def _kenmerken(
    record: dict[str, Any],
    soort: Partijsoort | None,
    klant_id: uuid.UUID | None,
    problemen: list[Probleem],
    opmerkingen: list[Probleem],
) -> Kenmerken | None:
    """The klant's kenmerken: ``soortPartij``, ``indicatieActief`` (absent or ``null``:
    active), ``indicatieGeheimhouding`` (``null``: not said) and a contactpersoon's
    ``werkteVoorPartij``; ``None`` when one of them is a problem."""
    aantal = len(problemen)
    actief = record.get("indicatieActief")
    if actief is None:
        actief = True
    elif not isinstance(actief, bool):
        problemen.append(typeprobleem("indicatieActief", "een boolean", actief))
    geheimhouding = record.get("indicatieGeheimhouding")
    if geheimhouding is not None and not isinstance(geheimhouding, bool):
        problemen.append(
            typeprobleem("indicatieGeheimhouding", "een boolean of null", geheimhouding)
        )
    werkt_voor = _werkt_voor(record, soort, klant_id, problemen, opmerkingen)
    if soort is None or len(problemen) > aantal:
        return None
    return Kenmerken(soort, actief, geheimhouding, werkt_voor)


def _werkt_voor(
    record: dict[str, Any],
    soort: Partijsoort | None,
    klant_id: uuid.UUID | None,
    problemen: list[Probleem],
    opmerkingen: list[Probleem],
) -> uuid.UUID | None:
    """The id of the organisation a contactpersoon works for: the Partij its
    ``werkteVoorPartij`` names (by uuid, or the uuid its url ends with). The register does
    not ask for that Partij to be in it."""
    identificatie = record.get("partijIdentificatie")
    waarde = identificatie.get("werkteVoorPartij") if isinstance(identificatie, dict) else None
    if waarde is None or waarde in ("", {}):
        return None
    if soort is not Partijsoort.CONTACTPERSOON:
        opmerkingen.append(
            niet_overgenomen(
                WERKTE_VOOR,
                "alleen een contactpersoon werkt voor een organisatie; de Partij waarvoor "
                f"deze {'Partij' if soort is None else soort.value} werkt wordt niet overgenomen",
            )
        )
        return None
    if not isinstance(waarde, (dict, str)):
        problemen.append(typeprobleem(WERKTE_VOOR, "een object {uuid, url}", waarde))
        return None
    gevonden = uuid_van(waarde)
    if gevonden is None:
        problemen.append(
            Probleem(
                WERKTE_VOOR,
                Probleemsoort.FORMAAT,
                f"{toon(waarde)} noemt geen Partij: verwacht een uuid, of een url die op een "
                "uuid eindigt",
            )
        )
        return None
    if klant_id is not None and uuid.UUID(gevonden) == klant_id:
        problemen.append(
            Probleem(
                WERKTE_VOOR, Probleemsoort.FORMAAT, "een contactpersoon werkt niet voor zichzelf"
            )
        )
        return None
    return uuid.UUID(gevonden)


# --- klantgegevens ------------------------------------------------------------------


def _adres(
    waarde: object,
    lid: str,
    attr: str,
    *,
    velden: dict[str, tuple[str, object]],
    problemen: list[Probleem],
    opmerkingen: list[Probleem],
) -> None:
    """The Partij's ``bezoekadres`` or ``correspondentieadres`` as the klant's address of
    that kind (:mod:`.adressen`)."""
    if waarde is None:
        return
    if not isinstance(waarde, dict):
        problemen.append(typeprobleem(lid, "een object", waarde))
        return

    def fout(veld: str, reden: OngeldigeWaardeError | str) -> None:
        if isinstance(reden, str):
            problemen.append(Probleem(veld, Probleemsoort.CODE, reden))
        else:
            problemen.append(probleem(veld, reden))

    adres = uit_bezoekadres(waarde, fout, lid)
    if adres is not None:
        velden[attr] = (lid, adres)
    if gegeven(waarde.get("nummeraanduidingId")):
        opmerkingen.append(
            niet_overgenomen(
                f"{lid}.nummeraanduidingId",
                "het register houdt het adres, niet zijn nummeraanduiding in de BAG",
            )
        )


def _klantgegevens(
    record: dict[str, Any], problemen: list[Probleem], opmerkingen: list[Probleem]
) -> Klantgegevens | None:
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
    lees_digitale_adressen(record, velden, problemen, opmerkingen)
    for lid, attr in ADRESSEN.items():
        _adres(
            record.get(lid), lid, attr, velden=velden, problemen=problemen, opmerkingen=opmerkingen
        )
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
