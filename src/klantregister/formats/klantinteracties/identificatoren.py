"""Reading a Partij's ``partijIdentificatoren``: the numbers that identify its klant.

Only the combinations of codes the API allows are read (``namen.COMBINATIES``);
every other identificator is reported, never dropped. A vestigingsnummer's
``subIdentificatorVan`` names a ``kvk_nummer`` identificator by uuid or url: one of
the same Partij is checked here; one of another Partij cannot be, since a Partij is
read on its own, and is noted (it is not kept) instead of refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from klantregister.domain import (
    SOORT_MET_SLEUTEL,
    Identificatie,
    OngeldigeWaardeError,
    Subjectsoort,
    klok01,
    toon,
)
from klantregister.formats.klantinteracties.namen import (
    COMBINATIES,
    NIET_IN_REGISTER_IDENTIFICATOR,
    OBJECTTYPES,
    PI,
    REGISTERS,
    SOORTEN_OBJECT_ID,
    Nummer,
)
from klantregister.formats.klantinteracties.verwijzingen import benoem, sleutels
from klantregister.formats.resultaat import (
    Probleem,
    Probleemsoort,
    gegeven,
    niet_overgenomen,
    noteer_niet_overgenomen,
    probleem,
    typeprobleem,
)

__all__ = ["lees_identificatie"]


@attrs.frozen
class _Identificator:
    """One readable identificator: where it stands, its kind, its value and its references."""

    plek: str
    attr: str
    waarde: Nummer
    sleutels: frozenset[str]
    sub_van: object


def lees_identificatie(
    lijst: object,
    soort: Subjectsoort | None,
    problemen: list[Probleem],
    opmerkingen: list[Probleem],
) -> Identificatie | None:
    """The Identificatie ``partijIdentificatoren`` gives a Partij of ``soort`` (``None``:
    not known, then the first identificator's kind), its problems and notes added."""
    if lijst is None:
        return None
    if not isinstance(lijst, list):
        problemen.append(typeprobleem(PI, "een lijst", lijst))
        return None
    gelezen: list[_Identificator] = []
    eigen: set[str] = set()
    for i, entry in enumerate(lijst):
        if isinstance(entry, dict):
            eigen |= sleutels(entry) or frozenset()
            noteer_niet_overgenomen(
                entry, NIET_IN_REGISTER_IDENTIFICATOR, opmerkingen, plek=f"{PI}[{i}]."
            )
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
        _sub_identificator(ident, gelezen, frozenset(eigen), problemen, opmerkingen)
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
    eigen = sleutels(entry) or frozenset()
    return _Identificator(plek, attr, waarde, eigen, entry.get("subIdentificatorVan"))


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
    ident: _Identificator,
    alle: Sequence[_Identificator],
    eigen: frozenset[str],
    problemen: list[Probleem],
    opmerkingen: list[Probleem],
) -> None:
    """Check that a subIdentificatorVan is a vestiging's, pointing to a kvk_nummer.

    ``alle`` are the Partij's readable identificatoren, ``eigen`` the keys of all its
    identificatoren (an unreadable one is reported by itself). A reference to none of
    them names another Partij's: accepted, and noted.
    """
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
    doel_sleutels = sleutels(ident.sub_van)
    if doel_sleutels is None:
        problemen.append(
            Probleem(veld, Probleemsoort.FORMAAT, "verwacht een uuid of url van een identificator")
        )
        return
    doel = next((a for a in alle if a.sleutels & doel_sleutels), None)
    if doel is not None:
        if doel.attr != "kvk_nummer":
            problemen.append(
                Probleem(
                    veld,
                    Probleemsoort.FORMAAT,
                    f"verwijst naar een {doel.attr} ({doel.plek}), niet naar een kvk_nummer",
                )
            )
        return
    if doel_sleutels & eigen:
        return  # one of this Partij's own, which could not be read: reported there
    verwijzing = benoem(ident.sub_van)
    kvk = next((a for a in alle if a.attr == "kvk_nummer"), None)
    opmerkingen.append(
        niet_overgenomen(
            veld,
            f"het KvK-nummer van de vestiging staat in een andere Partij (identificator "
            f"{verwijzing}): het vestigingsnummer is overgenomen zonder KvK-nummer"
            if kvk is None
            else f"verwijst naar een identificator van een andere Partij ({verwijzing}), "
            f"niet naar het KvK-nummer van deze Partij ({kvk.plek}): het register houdt "
            "het vestigingsnummer bij het KvK-nummer van deze Partij",
        )
    )
