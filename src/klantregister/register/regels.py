"""The rules the register checks against the storage's state, and what an identificatie
is recorded with: rules 5 and 10, or a take-over.

The register calls :func:`herkomst_van` for every operation that records or
corrects identifying data, before it changes anything, and :func:`correctie` for a
correction of an identificatie (rules 4, 5, 10 and 1): the klant's
authentication must reach the register's minimum level (rule 5) and cover the
identificatie, als or namens (rule 10); or the data are taken over from elsewhere
with an :class:`~klantregister.Overname`, which the caller states in place of an
authentication.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from klantregister.domain import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    BetrouwbaarheidsniveauError,
    Gemeentecode,
    Herkomst,
    Identificatie,
    Klant,
    MachtigingError,
    OngeldigFormaatError,
    Overname,
    controleer_herkomst,
    klok01,
)
from klantregister.register.ports import KlantRepository

__all__ = ["controleer_uniek", "correctie", "herkomst_van", "verstrekbaar"]


def herkomst_van(
    authenticatie: Authenticatie | None,
    overname: Overname | None,
    identificatie: Identificatie,
    minimum: Betrouwbaarheidsniveau,
    *,
    vereis_subject: bool,
) -> Herkomst:
    """The herkomst the klant keeps for ``identificatie``, once its rules hold.

    Raises :class:`~klantregister.BetrouwbaarheidsniveauError` (rule 5),
    :class:`~klantregister.MachtigingError` (rule 10), or an
    :class:`~klantregister.OngeldigFormaatError` for an authentication and a take-over
    given together.
    """
    controleer_herkomst(authenticatie, overname)
    if overname is not None:
        return overname
    geldig = klok01.controleer_niveau(authenticatie, minimum)
    klok01.controleer_machtiging(
        geldig,
        identificatie.identificatoren,
        vereis_subject=vereis_subject,
        subjectsoort=identificatie.soort,
    )
    return geldig


def correctie(
    store: KlantRepository,
    oud: Klant,
    nieuw: Identificatie | None,
    herkomst: Callable[[Identificatie], Herkomst],
) -> Herkomst:
    """Rules 4, 5, 10 and 1 for a correction of ``oud``'s identificatie to ``nieuw``;
    ``herkomst`` checks rules 5 and 10 (the register's :func:`herkomst_van`)."""
    if nieuw is None:
        raise OngeldigFormaatError(
            "identificatie",
            "een identificatie kan worden gecorrigeerd, niet verwijderd; "
            "verwijder de klant om de gegevens te wissen",
        )
    oude_soort = None if oud.identificatie is None else oud.identificatie.soort
    klok01.controleer_correctie(oud.id, oude_soort, nieuw.soort)
    geldig = herkomst(nieuw)
    controleer_uniek(store, oud.gemeente, nieuw, oud.id)
    return geldig


def controleer_uniek(
    store: KlantRepository,
    gemeente: Gemeentecode,
    identificatie: Identificatie,
    zelf: uuid.UUID | None,
) -> None:
    """Rule 1: no other klant of the gemeente may hold any of these natural-person keys."""
    for sleutel in identificatie.persoonssleutels:
        houder = store.holder(gemeente, sleutel)
        if houder is not None and houder != zelf:
            raise klok01.regel_1_fout(gemeente, houder, sleutel)


def verstrekbaar(
    klant: Klant, authenticatie: Authenticatie, minimum: Betrouwbaarheidsniveau
) -> None:
    """KLUIT06 for handing a klant out: an authentication at ``minimum`` or above that
    covers its identificatie (als or namens, a subject always required); else
    :class:`~klantregister.MachtigingError`, the level's shortfall included."""
    if klant.identificatie is None:
        raise MachtigingError(
            f"klant {klant.id} is een zelfstandige klant, aan niemand gebonden: een "
            "authenticatie kan niet vaststellen dat hij van de aanvrager is"
        )
    try:
        klok01.controleer_niveau(authenticatie, minimum)
    except BetrouwbaarheidsniveauError as fout:
        raise MachtigingError(f"verstrekken van identificerende gegevens: {fout}") from None
    klok01.controleer_machtiging(
        authenticatie,
        klant.identificatie.identificatoren,
        vereis_subject=True,
        subjectsoort=klant.identificatie.soort,
    )
