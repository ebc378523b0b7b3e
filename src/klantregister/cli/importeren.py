"""``klantregister import``: store what was read, once, whatever number of times it is run.

A record keeps the id the source gave it (its ``uuid``, or the UUID its ``url``
ends with), so importing the same export again meets klanten already present.
``bij_bestaand`` says what becomes of them:

- ``"overslaan"`` (the default): nothing; they are counted as already present;
- ``"bijwerken"``: the klant in the register takes the record's klantgegevens,
  identificatie and kenmerken in one change (:meth:`~klantregister.KlantRegister.werk_bij`:
  all or nothing), within the rules: the identificatie is corrected as
  :meth:`~klantregister.KlantRegister.corrigeer_identificatie` allows (never given
  to a zelfstandige klant, never of another soort, rule 1 kept), and the
  klantgegevens are replaced; where the record's are incomplete (a Partij whose
  digitale adressen are not in the file: the reader noted that), the fields it
  lacks keep the register's values rather than being erased. The kenmerken are the
  record's, unless it says nothing of them (a v1 Klant): then the register's stay. A
  record of another
  gemeente or klantnummer than the klant it names is refused: an import does not
  change those.

A record without an id of its own (a v1 Klant without ``url``) gets the id its
content gives, :func:`inhoudssleutel`: a UUID of its gemeente, klantnummer,
klantgegevens, identificatie and kenmerken, so importing it again, after a crash
or on purpose, finds it present too. (A record changed since, without an id, is a
new one to the register; its klantnummer or natural person, if it has one, is
then held already, and it is refused rather than stored twice.)

Records read from an export carry no authentication of their own: the register
they come from recorded it. Their identifiers are taken over as they stand, with an
:class:`~klantregister.Overname` from the file they were read from, which each klant
keeps as its ``herkomst`` (a ``kanoniek`` record's own overname, or the level its
authentication reached, is kept).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence, Set

import attrs

from klantregister.domain import (
    GEEN_KENMERKEN,
    KlantBestaatAlError,
    KlantregisterError,
    Overname,
    Registratie,
    identificatie_naar_dict,
    kenmerken_naar_dict,
    klantgegevens_naar_dict,
    nieuwe_registratie,
)
from klantregister.register import KlantRegister

__all__ = ["BIJ_BESTAAND", "Importresultaat", "importeer", "inhoudssleutel"]

#: What ``import --bij-bestaand`` takes.
BIJ_BESTAAND = ("overslaan", "bijwerken")

#: Why an import takes identifying data over, in each klant's herkomst.
TOELICHTING = "klantregister import"
#: The namespace of the content keys (a UUID of its own, fixed for good).
_INHOUD = uuid.UUID("5f0b9c1e-2d4a-5c8e-9b7f-6a3d2e1c0b9a")


def inhoudssleutel(registratie: Registratie) -> uuid.UUID:
    """The id a registratie's content gives it: a version-5 UUID of its gemeente,
    klantnummer, klantgegevens, identificatie and kenmerken, written canonically (the
    same content gives the same id, in every run and every release)."""
    inhoud = {
        "gemeente": registratie.gemeente.waarde,
        "klantnummer": registratie.klantnummer,
        "klantgegevens": klantgegevens_naar_dict(registratie.klantgegevens),
        "identificatie": None
        if registratie.identificatie is None
        else identificatie_naar_dict(registratie.identificatie),
        "kenmerken": kenmerken_naar_dict(registratie.kenmerken),
    }
    tekst = json.dumps(inhoud, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return uuid.uuid5(_INHOUD, tekst)


@attrs.frozen
class Importresultaat:
    """What an import did, per registratie by its position in the input (0-based)."""

    opgeslagen: int
    al_aanwezig: tuple[int, ...]
    bijgewerkt: tuple[int, ...]
    geweigerd: tuple[tuple[int, str], ...]


def importeer(
    register: KlantRegister,
    registraties: Sequence[Registratie],
    *,
    bij_bestaand: str,
    onvolledig: Mapping[int, Set[str]] | None = None,
    bronnen: Sequence[str] | None = None,
) -> Importresultaat:
    """Register ``registraties``; a klant already present is skipped or updated.

    ``onvolledig`` maps the position of a registratie whose klantgegevens are not all
    of the klant's to the fields it lacks: updating keeps the register's values of those.
    ``bronnen`` names the file each registratie was read from: the ``bron`` of the
    :class:`~klantregister.Overname` its identificatie is taken over with.
    """
    if bij_bestaand not in BIJ_BESTAAND:
        raise ValueError(f"bij_bestaand is {bij_bestaand!r}, verwacht een van {BIJ_BESTAAND}")
    overnames: dict[str, Overname] = {}
    voorbereid = [
        _overgenomen(r, overnames, "standaardinvoer" if bron in ("-", "") else bron)
        for r, bron in zip(
            registraties, bronnen or ["klantregister import"] * len(registraties), strict=True
        )
    ]
    resultaat = register.registreer_alle(voorbereid)
    al_aanwezig: list[int] = []
    bijgewerkt: list[int] = []
    geweigerd: list[tuple[int, str]] = []
    for positie, fout in resultaat.geweigerd:
        if not isinstance(fout, KlantBestaatAlError):
            geweigerd.append((positie, str(fout)))
        elif bij_bestaand == "overslaan":
            al_aanwezig.append(positie)
        else:
            try:
                ontbrekend = (onvolledig or {}).get(positie, frozenset())
                gewijzigd = _werk_bij(register, voorbereid[positie], ontbrekend)
            except KlantregisterError as weigering:
                geweigerd.append((positie, str(weigering)))
            else:
                (bijgewerkt if gewijzigd else al_aanwezig).append(positie)
    return Importresultaat(
        len(resultaat.geregistreerd), tuple(al_aanwezig), tuple(bijgewerkt), tuple(geweigerd)
    )


def _overgenomen(
    registratie: Registratie, overnames: dict[str, Overname], bron: str
) -> Registratie:
    """The registratie as the import registers it: with an id (its content's if it has
    none), and its identifiers taken over from ``bron`` (one Overname a source)."""
    if registratie.id is not None and registratie.identificatie is None:
        return registratie
    overname = registratie.overname
    if overname is None and registratie.identificatie is not None:
        overname = overnames.get(bron) or overnames.setdefault(
            bron, Overname(bron, toelichting=TOELICHTING)
        )
    # A copy of validated parts: attrs.evolve would run every converter again.
    return nieuwe_registratie(
        registratie.gemeente,
        registratie.klantgegevens,
        registratie.identificatie,
        authenticatie=None,
        klantnummer=registratie.klantnummer,
        id=registratie.id if registratie.id is not None else inhoudssleutel(registratie),
        bron=registratie.bron,
        kenmerken=registratie.kenmerken,
        overname=overname,
    )


def _werk_bij(register: KlantRegister, registratie: Registratie, ontbrekend: Set[str]) -> bool:
    """Give the klant ``registratie`` names its data; whether anything changed.

    The identificatie first: it is the change the rules may refuse, and then nothing
    has changed.
    """
    assert registratie.id is not None  # noqa: S101 (only a given id is already present)
    oud = register.get(registratie.id)
    nummer = registratie.klantnummer
    if oud.gemeente != registratie.gemeente or (nummer is not None and nummer != oud.klantnummer):
        raise KlantregisterError(
            f"klant {oud.id} staat al in het register, van gemeente {oud.gemeente.waarde} met "
            f"klantnummer {oud.klantnummer}; een import wijzigt die niet"
        )
    if registratie.identificatie is None and oud.identificatie is not None:
        raise KlantregisterError(
            f"klant {oud.id} is aangehaakt; een import maakt geen zelfstandige klant van "
            "hem (verwijder de klant om zijn identificerende gegevens te wissen)"
        )
    # A field the record may lack keeps the register's value, where the record gives none.
    gegevens = attrs.evolve(
        registratie.klantgegevens,
        **{
            veld: getattr(oud.klantgegevens, veld)
            for veld in ontbrekend
            if getattr(registratie.klantgegevens, veld) is None
        },
    )
    # A record that says nothing of the kenmerken (a v1 Klant has none) keeps the register's.
    kenmerken = None if registratie.kenmerken == GEEN_KENMERKEN else registratie.kenmerken
    # One change, all or nothing: a refused identificatie leaves the klantgegevens too.
    klant = register.werk_bij(
        oud.id,
        gegevens,
        registratie.identificatie,
        versie=oud.versie,
        kenmerken=kenmerken,
        overname=registratie.overname,
    )
    return klant.versie != oud.versie
