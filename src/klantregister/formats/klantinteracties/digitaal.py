"""Reading a Partij's digitale adressen, in each shape a Partij holds them.

- In a response, ``digitaleAdressen`` holds references (``{"uuid", "url"}``) and the
  addresses come in ``_expand.digitaleAdressen`` when the client asked
  ``expand=digitaleAdressen``. Each reference is matched to its address by uuid or
  url; an expanded address without a reference is read too.
- Older exports (and this library before it wrote responses) hold the DigitaalAdres
  objects themselves in ``digitaleAdressen``: read as they stand.
- A reference whose address is not in the input is not a problem: the Partij is read
  without it, and one note per Partij says how many are missing and how to get them.

An address ``verstrektDoorPartij`` another Partij than the one read is not this
klant's: a problem. ``email`` becomes ``emailadres``, ``telefoonnummer``
``telefoonnummer``, ``overig`` with an http(s) URL ``website_url``; the register
holds one of each, so the first is taken and every further, different one reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from klantregister.domain import toon
from klantregister.formats.klantinteracties.namen import (
    DA,
    DIGITAAL,
    DIGITALE_ADRESSEN,
    NIET_IN_REGISTER_DIGITAAL_ADRES,
    OMSCHRIJVING,
)
from klantregister.formats.klantinteracties.verwijzingen import benoem, sleutels, uuid_van
from klantregister.formats.resultaat import (
    Probleem,
    Probleemsoort,
    gegeven,
    niet_overgenomen,
    noteer_niet_overgenomen,
    typeprobleem,
)

__all__ = ["EXPAND", "lees_digitale_adressen"]

#: Where a response holds the addresses themselves.
EXPAND = "_expand"

#: Klantgegevens attribute -> (field name for problems, value).
Velden = dict[str, tuple[str, object]]


class _Adres(NamedTuple):
    """A DigitaalAdres object of the record: where it stands, and what names it."""

    plek: str
    adres: dict[str, Any]
    sleutels: frozenset[str]


def lees_digitale_adressen(
    record: Mapping[str, object],
    velden: Velden,
    problemen: list[Probleem],
    opmerkingen: list[Probleem],
) -> None:
    """Add the Partij's e-mail address, telephone number and website to ``velden``."""
    lijst = record.get(DA)
    if lijst is not None and not isinstance(lijst, list):
        problemen.append(typeprobleem(DA, "een lijst", lijst))
        lijst = None
    uitgebreid = _uitgebreid(record.get(EXPAND), problemen)
    gebruikt: set[int] = set()
    te_lezen: list[_Adres] = []
    ontbrekend = 0
    for i, adres in enumerate(lijst or []):
        plek = f"{DA}[{i}]"
        if not isinstance(adres, dict):
            problemen.append(typeprobleem(plek, "een object", adres))
            continue
        naam = sleutels(adres) or frozenset()
        j = next((j for j, a in enumerate(uitgebreid) if naam & a.sleutels), None)
        if gegeven(adres.get("soortDigitaalAdres")) or gegeven(adres.get("adres")):
            te_lezen.append(_Adres(plek, adres, naam))  # the address itself
        elif not naam:
            continue  # an empty entry: nothing to read
        elif j is None:
            ontbrekend += 1
            continue
        elif j not in gebruikt:
            te_lezen.append(uitgebreid[j])
        if j is not None:
            gebruikt.add(j)
    te_lezen += [a for j, a in enumerate(uitgebreid) if j not in gebruikt]
    eigen = sleutels(record)
    for gevonden in te_lezen:
        _lees_adres(gevonden, eigen, velden, problemen, opmerkingen)
    if ontbrekend:
        opmerkingen.append(niet_overgenomen(DA, _ontbrekend(ontbrekend, uuid_van(record))))


def _uitgebreid(uitgebreid: object, problemen: list[Probleem]) -> list[_Adres]:
    """The addresses in ``_expand.digitaleAdressen``."""
    if uitgebreid is None:
        return []
    if not isinstance(uitgebreid, dict):
        problemen.append(typeprobleem(EXPAND, "een object", uitgebreid))
        return []
    lijst = uitgebreid.get(DA)
    if lijst is None:
        return []
    if not isinstance(lijst, list):
        problemen.append(typeprobleem(f"{EXPAND}.{DA}", "een lijst", lijst))
        return []
    adressen = []
    for j, adres in enumerate(lijst):
        plek = f"{EXPAND}.{DA}[{j}]"
        if not isinstance(adres, dict):
            problemen.append(typeprobleem(plek, "een object", adres))
        else:
            adressen.append(_Adres(plek, adres, sleutels(adres) or frozenset()))
    return adressen


def _ontbrekend(aantal: int, partij: str | None) -> str:
    """The note on references to addresses that are not in the input."""
    een = aantal == 1
    verstrekt = partij or "<uuid van de Partij>"
    return (
        f"{aantal} {'digitaal adres staat' if een else 'digitale adressen staan'} niet in de "
        f"invoer, alleen {'de verwijzing' if een else 'de verwijzingen'} (uuid, url): "
        f"{'het is' if een else 'ze zijn'} niet overgenomen. Lees de Partij met "
        f"expand=digitaleAdressen, of haal {'het' if een else 'ze'} op met "
        f"GET /{DIGITALE_ADRESSEN}?verstrektDoorPartij__uuid={verstrekt}"
    )


def _lees_adres(
    gevonden: _Adres,
    eigen: frozenset[str] | None,
    velden: Velden,
    problemen: list[Probleem],
    opmerkingen: list[Probleem],
) -> None:
    plek, adres, _ = gevonden
    verstrekt = adres.get("verstrektDoorPartij")
    if gegeven(verstrekt):
        door = sleutels(verstrekt)
        if door is None or (eigen is not None and not door & eigen):
            problemen.append(
                Probleem(
                    f"{plek}.verstrektDoorPartij",
                    Probleemsoort.FORMAAT,
                    "verwacht een uuid of url van een Partij"
                    if door is None
                    else f"verstrekt door een andere Partij ({benoem(verstrekt)}) dan deze: "
                    "het is niet een adres van deze klant",
                )
            )
            return
    soort = adres.get("soortDigitaalAdres")
    waarde = adres.get("adres")
    if not isinstance(soort, str):
        problemen.append(typeprobleem(f"{plek}.soortDigitaalAdres", "tekst", soort))
        return
    if soort not in DIGITAAL:
        problemen.append(
            Probleem(
                f"{plek}.soortDigitaalAdres",
                Probleemsoort.CODE,
                f"{toon(soort)} is niet email, telefoonnummer of overig",
            )
        )
        return
    if not gegeven(waarde):
        problemen.append(Probleem(f"{plek}.adres", Probleemsoort.FORMAAT, "ontbreekt"))
        return
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
        return
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
        return
    velden[attr] = (f"{plek}.adres", waarde)
    leden = NIET_IN_REGISTER_DIGITAAL_ADRES
    if adres.get("omschrijving") == OMSCHRIJVING[attr]:  # what this library writes
        leden = {naam: lid for naam, lid in leden.items() if naam != "omschrijving"}
    noteer_niet_overgenomen(adres, leden, opmerkingen, plek=f"{plek}.")
