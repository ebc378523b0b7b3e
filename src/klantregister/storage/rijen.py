"""A klant as SQL rows and back: the ``klant`` row and its key rows, for both SQL adapters.

The columns are those of :data:`~klantregister.storage.schema.KLANT_KOLOMMEN`.
"""

from __future__ import annotations

import json
import operator
import uuid
from collections.abc import Sequence
from typing import Any

from klantregister.domain import (
    GEEN_KLANTGEGEVENS,
    BuitenlandsNummer,
    Identificatie,
    Klant,
    klantgegevens_naar_dict,
    klantgegevens_uit_dict,
    klok01,
)
from klantregister.storage.schema import NUMMERKOLOMMEN

__all__ = ["Sleutelrij", "buitenlands_kolommen", "klant_rijen", "klant_uit_rij"]

#: A key row: gemeente, soort, waarde, klant_id.
Sleutelrij = tuple[str, str, str, str]
_GEEN_IDENTIFICATIE = (None,) * (1 + len(NUMMERKOLOMMEN) + 3)
_NUMMERS = operator.attrgetter(*NUMMERKOLOMMEN)
# Where the numbers stand in a klant row.
_EERSTE_NUMMER = 6
_NA_NUMMERS = _EERSTE_NUMMER + len(NUMMERKOLOMMEN)


def buitenlands_kolommen(nummer: BuitenlandsNummer) -> tuple[str, str, str]:
    return nummer.land, nummer.register, nummer.nummer


def klant_rijen(klant: Klant) -> tuple[tuple[Any, ...], list[Sleutelrij], list[Sleutelrij]]:
    """The ``klant`` row (columns as :data:`KLANT_KOLOMMEN`) and the person and
    organisation key rows (gemeente, soort, waarde, klant_id) of one klant.

    Written flat, without helper calls: the bulk path runs it once per klant.
    """
    klant_id = str(klant.id)
    gemeente = klant.gemeente.waarde
    gegevens = (
        "{}"
        if klant.klantgegevens is GEEN_KLANTGEGEVENS
        else json.dumps(klantgegevens_naar_dict(klant.klantgegevens), ensure_ascii=False)
    )
    identificatie = klant.identificatie
    if identificatie is None:
        return (
            (
                klant_id,
                gemeente,
                klant.klantnummer,
                klant.versie,
                gegevens,
                *_GEEN_IDENTIFICATIE,
                klant.bron,
            ),
            [],
            [],
        )
    buitenlands = identificatie.buitenlands
    rij: tuple[Any, ...] = (
        klant_id,
        gemeente,
        klant.klantnummer,
        klant.versie,
        gegevens,
        identificatie.soort.value,
        *(None if nummer is None else nummer.waarde for nummer in _NUMMERS(identificatie)),
        *((None, None, None) if buitenlands is None else buitenlands_kolommen(buitenlands)),
        klant.bron,
    )
    # The key rows from the values at hand, in the order of Identificatie.identificatoren.
    sleutels = [
        (gemeente, soort, waarde, klant_id)
        for soort, waarde in zip(NUMMERKOLOMMEN, rij[_EERSTE_NUMMER:_NA_NUMMERS], strict=True)
        if waarde is not None
    ]
    if buitenlands is not None:
        sleutels.append((gemeente, *klok01.sleutel(buitenlands), klant_id))
    # Rule 1 says whose keys are a person's, held by one klant; the others any number.
    if identificatie.persoonssleutels:
        return rij, sleutels, []
    return rij, [], sleutels


def klant_uit_rij(rij: Sequence[Any]) -> Klant:
    """A klant from its row; the value objects check the stored values once more."""
    klant_id, gemeente, klantnummer, versie, gegevens, soort = rij[:_EERSTE_NUMMER]
    land, register, nummer, bron = rij[_NA_NUMMERS:]
    if isinstance(gegevens, str):
        gegevens = json.loads(gegevens)
    identificatie = None
    if soort is not None:
        identificatie = Identificatie(
            soort,
            **dict(zip(NUMMERKOLOMMEN, rij[_EERSTE_NUMMER:_NA_NUMMERS], strict=True)),
            buitenlands=None if land is None else BuitenlandsNummer(land, register, nummer),
        )
    return Klant(
        uuid.UUID(str(klant_id)),
        gemeente,
        klantnummer,
        klantgegevens_uit_dict(gegevens),
        identificatie,
        versie,
        bron=bron,
    )
