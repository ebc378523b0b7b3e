"""Bringing two sets of klantgegevens together: what ``voeg_samen`` and ``import
--bij-bestaande aanvullen`` do with the data of a second record of one klant.

The first set wins: a field it holds is kept, and a field it leaves empty is filled
from the second. An address is one field: its parts are never mixed with another
address's (a street of one and a number of the other would be an address nobody
gave).

>>> eerst = Klantgegevens(achternaam="Jansen", emailadres="a@example.nl")
>>> daarna = Klantgegevens(achternaam="Janssen", telefoonnummer="0612345678")
>>> aangevuld(eerst, daarna).telefoonnummer
'0612345678'
>>> verschillende_velden(eerst, daarna)
('achternaam',)
"""

from __future__ import annotations

import attrs

from klantregister.domain.errors import KardinaliteitError
from klantregister.domain.identificatie import Identificatie
from klantregister.domain.klantgegevens import Klantgegevens
from klantregister.domain.klok01 import IDENTIFICATORSOORTEN

__all__ = [
    "KLANTGEGEVENSVELDEN",
    "aangevuld",
    "samengevoegde_identificatie",
    "verschillende_velden",
]

#: The fields of :class:`Klantgegevens`, in their order.
KLANTGEGEVENSVELDEN: tuple[str, ...] = tuple(veld.name for veld in attrs.fields(Klantgegevens))


def aangevuld(basis: Klantgegevens, aanvulling: Klantgegevens) -> Klantgegevens:
    """``basis`` with each field it leaves empty taken from ``aanvulling``."""
    leeg = {
        naam: waarde
        for naam in KLANTGEGEVENSVELDEN
        if getattr(basis, naam) is None and (waarde := getattr(aanvulling, naam)) is not None
    }
    return attrs.evolve(basis, **leeg) if leeg else basis


def verschillende_velden(basis: Klantgegevens, aanvulling: Klantgegevens) -> tuple[str, ...]:
    """The names of the fields both hold, with different values (``aangevuld`` keeps
    ``basis``'s): what a user should look at. Only names: the values are personal data."""
    return tuple(
        naam
        for naam in KLANTGEGEVENSVELDEN
        if (a := getattr(basis, naam)) is not None
        and (b := getattr(aanvulling, naam)) is not None
        and a != b
    )


def samengevoegde_identificatie(
    eerste: Identificatie | None, tweede: Identificatie | None
) -> Identificatie | None:
    """The identificatie of two klanten brought together: both sets of identifiers, which
    must still be of one subject (rule 3: of one soort, and at most one identifier of each
    kind; one the two hold alike counts once). ``None`` when neither has one.

    Raises :class:`KardinaliteitError` (``regel == 3``, naming the kind, never the numbers)
    when the two are not of one subject.
    """
    if eerste is None or tweede is None:
        return eerste or tweede
    if eerste.soort is not tweede.soort:
        raise KardinaliteitError(
            3,
            f"de ene klant is een {eerste.soort.value.replace('_', ' ')}, de andere een "
            f"{tweede.soort.value.replace('_', ' ')}: samen zijn ze niet één subject",
        )
    velden = {}
    for soort in IDENTIFICATORSOORTEN:
        a, b = getattr(eerste, soort.sleutel), getattr(tweede, soort.sleutel)
        if a is not None and b is not None and a != b:
            raise KardinaliteitError(
                3,
                f"beide klanten hebben een {soort.label}, en niet dezelfde: een klant heeft "
                "er ten hoogste één",
            )
        velden[soort.sleutel] = a if a is not None else b
    return Identificatie(eerste.soort, **velden)
