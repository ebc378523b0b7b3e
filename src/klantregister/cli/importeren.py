"""``klantregister import``: store what was read, once, whatever number of times it is run.

A record keeps the id the source gave it (its ``uuid``, or the UUID its ``url``
ends with), so importing the same export again meets klanten already present.
``bij_ingelezen`` says what becomes of them:

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

A record of another id whose natural person already has a klant (KLOK01 rule 1: one
klant per person per gemeente) is a second record of that person. ``bij_bestaande``
says what becomes of it:

- ``"weigeren"`` (the default): it is refused, naming the rule;
- ``"overslaan"``: nothing; it is counted as ``overgeslagen``;
- ``"aanvullen"``: the person's klant takes the record's klantgegevens in the fields
  it leaves empty (:func:`~klantregister.domain.aanvullen.aangevuld`, the rule
  ``voeg_samen`` follows; an address is one field), ``versie`` one higher, and is
  counted as ``aangevuld``; with nothing to fill it is counted as ``overgeslagen``.
  Either way the report names the klant and the fields that differ (the names only:
  the values are personal data), ``identificatie`` among them when the record holds an
  identifier the klant lacks. The klant keeps its own identificatie, klantnummer and
  kenmerken: an import takes no identifying data from a second record.

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
    KardinaliteitError,
    Klant,
    KlantBestaatAlError,
    KlantNietGevondenError,
    KlantnummerInGebruikError,
    KlantregisterError,
    Overname,
    Registratie,
    identificatie_naar_dict,
    kenmerken_naar_dict,
    klantgegevens_naar_dict,
    nieuwe_registratie,
)
from klantregister.domain.aanvullen import (
    KLANTGEGEVENSVELDEN,
    aangevuld,
    verschillende_velden,
)
from klantregister.register import KlantRegister

__all__ = [
    "BIJ_BESTAANDE",
    "BIJ_INGELEZEN",
    "Aanvulling",
    "Importresultaat",
    "importeer",
    "inhoudssleutel",
]

#: What ``import --bij-ingelezen`` takes: a record whose klant (by id) is present.
BIJ_INGELEZEN = ("overslaan", "bijwerken")
#: What ``import --bij-bestaande`` takes: a record whose person has another klant.
BIJ_BESTAANDE = ("weigeren", "overslaan", "aanvullen")

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
class Aanvulling:
    """What became of a second record of a person who has a klant, with ``aanvullen``:
    the klant, the fields filled from the record and the fields that differ (names)."""

    positie: int
    klant_id: uuid.UUID
    aangevuld: tuple[str, ...]
    verschillend: tuple[str, ...]


@attrs.frozen
class Importresultaat:
    """What an import did, per registratie by its position in the input (0-based).

    ``overgeslagen`` and ``aanvullingen`` are the records whose person had another klant
    (``bij_bestaande``); of the aanvullingen, those that filled a field were stored
    (:attr:`aangevuld`), the others count as overgeslagen too.
    """

    opgeslagen: int
    al_aanwezig: tuple[int, ...]
    bijgewerkt: tuple[int, ...]
    geweigerd: tuple[tuple[int, str], ...]
    overgeslagen: tuple[int, ...] = ()
    aanvullingen: tuple[Aanvulling, ...] = ()

    @property
    def aangevuld(self) -> tuple[int, ...]:
        """The positions of the records that filled a field of their person's klant."""
        return tuple(a.positie for a in self.aanvullingen if a.aangevuld)


def importeer(
    register: KlantRegister,
    registraties: Sequence[Registratie],
    *,
    bij_ingelezen: str = "overslaan",
    bij_bestaande: str = "weigeren",
    onvolledig: Mapping[int, Set[str]] | None = None,
    bronnen: Sequence[str] | None = None,
) -> Importresultaat:
    """Register ``registraties``; a klant already present is skipped or updated
    (``bij_ingelezen``), a second record of a person refused, skipped or used to fill the
    person's klant (``bij_bestaande``).

    ``onvolledig`` maps the position of a registratie whose klantgegevens are not all
    of the klant's to the fields it lacks: updating keeps the register's values of those.
    ``bronnen`` names the file each registratie was read from: the ``bron`` of the
    :class:`~klantregister.Overname` its identificatie is taken over with.
    """
    if bij_ingelezen not in BIJ_INGELEZEN:
        raise ValueError(f"bij_ingelezen is {bij_ingelezen!r}, verwacht een van {BIJ_INGELEZEN}")
    if bij_bestaande not in BIJ_BESTAANDE:
        raise ValueError(f"bij_bestaande is {bij_bestaande!r}, verwacht een van {BIJ_BESTAANDE}")
    overnames: dict[str, Overname] = {}
    voorbereid = [
        _overgenomen(r, overnames, "standaardinvoer" if bron in ("-", "") else bron)
        for r, bron in zip(
            registraties, bronnen or ["klantregister import"] * len(registraties), strict=True
        )
    ]
    resultaat = register.registreer_alle(voorbereid)
    uitkomst = _Uitkomst()
    for positie, fout in resultaat.geweigerd:
        try:
            if houder := _persoonshouder(register, fout, voorbereid[positie], bij_bestaande):
                uitkomst.tweede_record(
                    positie,
                    None
                    if bij_bestaande == "overslaan"
                    else _vul_aan(register, houder, voorbereid[positie], positie),
                )
            elif not isinstance(fout, KlantBestaatAlError):
                uitkomst.geweigerd.append((positie, str(fout)))
            elif bij_ingelezen == "overslaan":
                uitkomst.al_aanwezig.append(positie)
            else:
                ontbrekend = (onvolledig or {}).get(positie, frozenset())
                gewijzigd = _werk_bij(register, voorbereid[positie], ontbrekend)
                (uitkomst.bijgewerkt if gewijzigd else uitkomst.al_aanwezig).append(positie)
        except KlantregisterError as weigering:
            uitkomst.geweigerd.append((positie, str(weigering)))
    return Importresultaat(
        len(resultaat.geregistreerd),
        tuple(uitkomst.al_aanwezig),
        tuple(uitkomst.bijgewerkt),
        tuple(uitkomst.geweigerd),
        tuple(uitkomst.overgeslagen),
        tuple(uitkomst.aanvullingen),
    )


@attrs.define
class _Uitkomst:
    """What becomes of the registraties the register refused, gathered in their order."""

    al_aanwezig: list[int] = attrs.Factory(list)
    bijgewerkt: list[int] = attrs.Factory(list)
    geweigerd: list[tuple[int, str]] = attrs.Factory(list)
    overgeslagen: list[int] = attrs.Factory(list)
    aanvullingen: list[Aanvulling] = attrs.Factory(list)

    def tweede_record(self, positie: int, aanvulling: Aanvulling | None) -> None:
        """A record of a person who has another klant: skipped, or what it filled."""
        if aanvulling is None or not aanvulling.aangevuld:
            self.overgeslagen.append(positie)
        if aanvulling is not None and (aanvulling.aangevuld or aanvulling.verschillend):
            self.aanvullingen.append(aanvulling)


def _persoonshouder(
    register: KlantRegister, fout: Exception, registratie: Registratie, bij_bestaande: str
) -> uuid.UUID | None:
    """The klant that holds the record's person, when ``bij_bestaande`` says to do other
    than refuse a second record of them: as rule 1's refusal names it, or, when the
    record's klantnummer was refused first (two sources numbering alike), as a lookup by
    its natural-person keys finds it (logged, as every lookup by identifier)."""
    if bij_bestaande == "weigeren":
        return None
    if isinstance(fout, KardinaliteitError):
        return fout.klant_id if fout.regel == 1 else None
    if not isinstance(fout, KlantnummerInGebruikError) or registratie.identificatie is None:
        return None
    for sleutel in registratie.identificatie.persoonssleutels:
        if gevonden := register.zoek(sleutel, registratie.gemeente):
            return gevonden[0].id
    return None


def _vul_aan(
    register: KlantRegister, klant_id: uuid.UUID, registratie: Registratie, positie: int
) -> Aanvulling:
    """Fill the empty fields of the klant holding ``registratie``'s person from it."""
    klant = register.get(klant_id)
    nieuw = aangevuld(klant.klantgegevens, registratie.klantgegevens)
    velden = tuple(
        veld
        for veld in KLANTGEGEVENSVELDEN
        if getattr(nieuw, veld) != getattr(klant.klantgegevens, veld)
    )
    if velden:
        # versie: a klant changed since it was read is not filled from stale data.
        register.wijzig_klantgegevens(klant.id, nieuw, versie=klant.versie)
    return Aanvulling(positie, klant.id, velden, _verschillend(klant, registratie))


def _verschillend(klant: Klant, registratie: Registratie) -> tuple[str, ...]:
    """The fields of the klant the record gives another value of; ``identificatie`` when
    the record holds an identifier the klant lacks."""
    velden = verschillende_velden(klant.klantgegevens, registratie.klantgegevens)
    eigen = set() if klant.identificatie is None else set(klant.identificatie.identificatoren)
    if registratie.identificatie is not None and not eigen.issuperset(
        registratie.identificatie.identificatoren
    ):
        velden += ("identificatie",)
    return velden


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
        geregistreerd_op=registratie.geregistreerd_op,
        bewaren_tot=registratie.bewaren_tot,
    )


def _werk_bij(register: KlantRegister, registratie: Registratie, ontbrekend: Set[str]) -> bool:
    """Give the klant ``registratie`` names its data; whether anything changed.

    The identificatie first: it is the change the rules may refuse, and then nothing
    has changed.
    """
    assert registratie.id is not None  # noqa: S101 (only a given id is already present)
    try:
        oud = register.get(registratie.id)
    except KlantNietGevondenError as fout:
        if fout.opgegaan_in is None:
            raise
        # It went into another klant since it was read: present, as part of that one,
        # which a record of the klant it was no longer describes.
        return False
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
