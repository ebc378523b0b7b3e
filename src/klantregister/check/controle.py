"""Checking klant records against KLOK01 before they enter a register.

A :class:`Controle` takes the records a format reader gives
(:class:`~klantregister.formats.Gelezen`) one at a time and keeps only what it
needs to find KLOK01 rule-1 groups: per gemeente, every natural-person key and
the record that first held it. Its :class:`Controlerapport` lists each
violation with the record's file, position and id:

- ``ongeldige_identificatie``: a BSN, A-nummer, RSIN, KvK-nummer,
  vestigingsnummer or subject URL that fails a check (which check: ``controle``);
- ``regel_1``: records of one gemeente sharing a natural person, by a number or
  a subject URL (each group once, its key masked);
- ``regel_3``: a record mixing a natural person and an organisation;
- ``limiet``: a field value over its limit;
- ``ongeldig_veld``: any other field the register cannot take as it is;
- ``niet_over_te_nemen``: identifying data the register has no place for;
- ``gemeente``: a record whose gemeente cannot be told.

Besides, the report carries each record's notes (:class:`Opmerking`): what it holds
that the register does not take over, by field; they are no violations. The report's
classes are in :mod:`~klantregister.check.rapport`.

>>> import io, json
>>> from klantregister.formats import klanten_v1
>>> klant = {"subjectType": "natuurlijk_persoon", "subjectIdentificatie": {"inpBsn": "111222333"}}
>>> export = io.StringIO(json.dumps([klant, klant]))
>>> controle = Controle()
>>> for gelezen in klanten_v1.lees(export, gemeenten="0363"):
...     controle.voeg_toe(gelezen, "export.json")
>>> rapport = controle.rapport()
>>> rapport.records, rapport.per_soort()
(2, {'regel_1': 1})
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from klantregister.check.index import Regel1Index
from klantregister.check.rapport import (
    OPMERKINGEN_PER_VELD,
    Bevinding,
    Controlerapport,
    Opmerking,
    Overtreding,
    Regel1Groep,
)
from klantregister.domain import (
    NUMMERKLASSEN,
    NUMMERSOORTEN,
    Gemeentecode,
    SubjectUrl,
    klok01,
    maskeer_id,
    typefout,
)
from klantregister.domain.klok01 import Nummer
from klantregister.formats import Gelezen, Kern, Probleem, Probleemsoort

__all__ = [
    "Bevinding",
    "Controle",
    "Controlerapport",
    "Opmerking",
    "Overtreding",
    "Regel1Groep",
]


# The fields whose values are identifiers, in the formats' own names.
_IDENTIFICERENDE_VELDEN = (
    "bsn",
    "anummer",
    "a_nummer",
    "rsin",
    "nnpid",
    "kvk",
    "vestiging",
    "objectid",
)
#: The members whose value is an identifier, by their whole name: a v1 subject URL.
_IDENTIFICERENDE_LEDEN = frozenset({"subject"})


def _eerste(run: tuple[int, str, int]) -> int:
    return run[0]


#: The natural-person keys whose masked form the report rebuilds from the key itself: the
#: Dutch numbers and the subject URL, which a fast path gives as keys only (a foreign
#: number's key loses the register's case, so it is kept as shown).
_GEHEIM: dict[str, type[Nummer | SubjectUrl]] = {
    **{
        soort.sleutel: klasse
        for soort, klasse in zip(NUMMERSOORTEN, NUMMERKLASSEN, strict=True)
        if soort.persoonsgebonden
    },
    klok01.SOORT_VAN[SubjectUrl].sleutel: SubjectUrl,
}

_IDENTIFICATIEFOUTEN = frozenset(
    {Overtreding.ONGELDIGE_IDENTIFICATIE, Overtreding.REGEL_3, Overtreding.NIET_OVER_TE_NEMEN}
)


#: How many tuples of notes a check counts by the tuple, and how many it watches for that.
_KANDIDATEN = 64


def _soort(veld: str, probleemsoort: Probleemsoort) -> Overtreding:
    if probleemsoort is Probleemsoort.REGEL_3:
        return Overtreding.REGEL_3
    if probleemsoort is Probleemsoort.NIET_OVER_TE_NEMEN:
        return Overtreding.NIET_OVER_TE_NEMEN
    if probleemsoort is Probleemsoort.GEMEENTE:
        return Overtreding.GEMEENTE
    if veld in _IDENTIFICERENDE_LEDEN or any(
        naam in veld.lower() for naam in _IDENTIFICERENDE_VELDEN
    ):
        return Overtreding.ONGELDIGE_IDENTIFICATIE
    if probleemsoort is Probleemsoort.LENGTE:
        return Overtreding.LIMIET
    return Overtreding.ONGELDIG_VELD


# repr=False: the rule-1 index holds every natural-person key in full.
def _weiger(**argumenten: tuple[object, bool]) -> None:
    """Refuse the first argument that is not what its method takes (its value, and whether
    it is)."""
    veld, waarde = next((veld, waarde) for veld, (waarde, goed) in argumenten.items() if not goed)
    omschrijving = {
        "gelezen": "een Gelezen",
        "kern": "een Kern (id, Gemeentecode, sleutels of None, opmerkingen)",
        "bron": "tekst (str)",
    }.get(veld, "een geheel getal")
    raise typefout(veld, omschrijving, waarde)


@attrs.define(repr=False)
class Controle:
    """A check in progress; feed it records with :meth:`voeg_toe`, then ask :meth:`rapport`.

    ``regel_1=False`` leaves out the rule-1 groups, and the index of every natural-person
    key they need (what ``import`` does: the register refuses those records itself), so that
    its memory does not grow with the number of persons.
    """

    _records: int = attrs.field(default=0, init=False)
    _aangehaakt: int = attrs.field(default=0, init=False)
    _zelfstandig: int = attrs.field(default=0, init=False)
    _bevindingen: list[Bevinding] = attrs.field(factory=list, init=False)
    # Every natural-person key with its record's number, and those records' ids.
    _index: Regel1Index = attrs.field(factory=Regel1Index, init=False)
    # Where those records are: runs of (first number, bron, its position) in which the
    # position goes up with the number. A record's position is only needed for a report.
    _runs: list[tuple[int, str, int]] = attrs.field(factory=list, init=False)
    # How a foreign number is shown in the report (its key alone loses the register's case).
    _getoond: dict[str, str] = attrs.field(factory=dict, init=False)
    # The notes: the first OPMERKINGEN_PER_VELD of each field, and per field how many there
    # are (in the order the fields first came); how many records have any.
    _opmerkingen: list[Opmerking] = attrs.field(factory=list, init=False)
    _per_veld: dict[str, int] = attrs.field(factory=dict, init=False)
    _met_opmerkingen: int = attrs.field(default=0, init=False)
    # Notes whose every field has all its listed notes, by the tuple's id: the tuple and
    # how many more records gave it (not yet in _per_veld).
    _vol: dict[int, list[Any]] = attrs.field(factory=dict, init=False)
    # Notes of which that was seen once, by the tuple's id (at most _KANDIDATEN).
    _kandidaten: dict[int, tuple[Probleem, ...]] = attrs.field(factory=dict, init=False)
    _regel_1: bool = attrs.field(default=True, kw_only=True, alias="regel_1")

    @property
    def records(self) -> int:
        """How many records were given so far."""
        return self._records

    @property
    def personen(self) -> int:
        """How many records the rule-1 index holds: those that hold a natural-person key."""
        return self._index.records

    def __repr__(self) -> str:
        return f"<Controle records={self._records} bevindingen={len(self._bevindingen)}>"

    def voeg_toe(self, gelezen: Gelezen, bron: str) -> None:
        """Check one record read from ``bron`` (a file name, for the report)."""
        if gelezen.__class__ is not Gelezen or bron.__class__ is not str:
            _weiger(
                gelezen=(gelezen, gelezen.__class__ is Gelezen), bron=(bron, bron.__class__ is str)
            )
        self._voeg_toe(gelezen, bron)

    def _voeg_toe(self, gelezen: Gelezen, bron: str) -> None:
        """:meth:`voeg_toe` of a record a format's reader gave (the check's own loop)."""
        self._records += 1
        if gelezen.opmerkingen:
            self._noteer(bron, gelezen.positie, gelezen.regel, gelezen.id, gelezen.opmerkingen)
        for probleem in gelezen.problemen:
            self._bevindingen.append(
                Bevinding(
                    _soort(probleem.veld, probleem.soort),
                    bron,
                    gelezen.positie,
                    gelezen.regel,
                    None if gelezen.id is None else maskeer_id(gelezen.id),
                    probleem.veld,
                    probleem.melding,
                    probleem.soort.value,
                )
            )
        identificatie = gelezen.identificatie
        # A record whose identifying data is refused (in part) is neither aangehaakt nor
        # zelfstandig: it is counted among the violations.
        geweigerd = any(_soort(p.veld, p.soort) in _IDENTIFICATIEFOUTEN for p in gelezen.problemen)
        if identificatie is None:
            self._zelfstandig += not geweigerd
            return
        self._aangehaakt += not geweigerd
        if not self._regel_1 or gelezen.gemeente is None or not identificatie.persoonssleutels:
            return
        sleutels = []
        for identificator in identificatie.persoonssleutels:
            soort, waarde = klok01.sleutel(identificator)
            if soort not in _GEHEIM:
                self._getoond[f"{gelezen.gemeente.waarde}|{soort}|{waarde}"] = (
                    f"{type(identificator).__name__} {identificator}"
                )
            sleutels.append((soort, waarde))
        self._houd(bron, gelezen.positie, gelezen.id, gelezen.gemeente.waarde, sleutels)

    def voeg_kern_toe(self, kern: Kern, bron: str, positie: int, regel: int) -> None:
        """Count one record a reader's fast path proved valid (see :data:`Kern`), at
        ``positie`` and ``regel`` (its line) of ``bron``."""
        # Checked before anything is counted; the check's own loop, which has the format's
        # values, calls _voeg_kern_toe.
        vorm = (
            kern.__class__ is tuple
            and len(kern) == 4
            and kern[1].__class__ is Gemeentecode
            and (kern[2] is None or kern[2].__class__ is tuple)
            and kern[3].__class__ is tuple
        )
        if not (vorm and bron.__class__ is str and positie.__class__ is regel.__class__ is int):
            _weiger(
                kern=(kern, vorm),
                bron=(bron, bron.__class__ is str),
                positie=(positie, positie.__class__ is int),
                regel=(regel, regel.__class__ is int),
            )
        self._voeg_kern_toe(kern, bron, positie, regel)

    def _voeg_kern_toe(self, kern: Kern, bron: str, positie: int, regel: int) -> None:
        """:meth:`voeg_kern_toe` of what a format's fast path gave: the check's own loop,
        which pays no argument checks once a record."""
        self._records += 1
        id_, gemeente, sleutels, opmerkingen = kern
        if opmerkingen:
            self._noteer(bron, positie, regel, id_, opmerkingen)
        if sleutels is None:
            self._zelfstandig += 1
            return
        self._aangehaakt += 1
        if sleutels and self._regel_1:
            self._houd(bron, positie, id_, gemeente.waarde, sleutels)

    def _noteer(
        self, bron: str, positie: int, regel: int, id_: str | None, opmerkingen: Sequence[Probleem]
    ) -> None:
        self._met_opmerkingen += 1
        vol = self._vol.get(id(opmerkingen))
        if vol is not None and vol[0] is opmerkingen:
            vol[1] += 1  # every field of these notes is listed in full: only counted
            return
        per_veld = self._per_veld
        gelijst = False
        for opmerking in opmerkingen:
            veld = opmerking.veld
            aantal = per_veld.get(veld, 0)
            per_veld[veld] = aantal + 1
            if aantal < OPMERKINGEN_PER_VELD - 1:
                gelijst = True
            if aantal < OPMERKINGEN_PER_VELD:
                self._opmerkingen.append(
                    Opmerking(
                        bron,
                        positie,
                        regel,
                        None if id_ is None else maskeer_id(id_),
                        veld,
                        opmerking.melding,
                    )
                )
        if not gelijst and opmerkingen.__class__ is tuple:
            # kern gives the same notes as the same tuple (cached): one seen twice is from
            # then on counted by the tuple, and by field in _tel_vol. Tuples made anew for
            # each record (the full reader's) only pass through the few candidates.
            if self._kandidaten.get(id(opmerkingen)) is not opmerkingen:
                if len(self._kandidaten) >= _KANDIDATEN:
                    self._kandidaten.clear()
                self._kandidaten[id(opmerkingen)] = opmerkingen
            elif len(self._vol) < _KANDIDATEN:
                if vol is not None:
                    self._tel_vol()  # an id taken over by another tuple: count the old one
                self._vol[id(opmerkingen)] = [opmerkingen, 0]

    def _tel_vol(self) -> None:
        """Count the notes counted by their tuple in ``_vol`` by field."""
        per_veld = self._per_veld
        for opmerkingen, aantal in self._vol.values():
            for opmerking in opmerkingen:
                per_veld[opmerking.veld] += aantal
        self._vol.clear()

    def _houd(
        self,
        bron: str,
        positie: int,
        id_: str | None,
        gemeente: str,
        sleutels: Iterable[tuple[str, str]],
    ) -> None:
        nummer = self._records
        runs = self._runs
        if not runs or runs[-1][1] is not bron or runs[-1][2] - runs[-1][0] != positie - nummer:
            runs.append((nummer, bron, positie))
        self._index.houd(nummer, id_, gemeente, sleutels)

    def voeg_samen(self, deel: Controle, *, posities: int = 0, regels: int = 0) -> None:
        """Take over the records ``deel`` checked, as if given here after those so far.

        ``posities`` and ``regels`` shift the positions and lines of ``deel``'s
        records, when it checked a part of a file that starts further in. ``deel``
        is taken over, not copied: do not use it afterwards.
        """
        if not isinstance(deel, Controle) or deel is self:
            raise typefout("deel", "een andere Controle", deel)
        for naam, verschuiving in (("posities", posities), ("regels", regels)):
            if verschuiving.__class__ is not int or verschuiving < 0:
                raise typefout(naam, "een geheel getal van 0 of meer", verschuiving)
        if not self._records and not posities and not regels:
            # Into an empty check (the first part of the first file): take it over as it is.
            for veld in attrs.fields(Controle):
                setattr(self, veld.name, getattr(deel, veld.name))
            return
        self._tel_vol()
        deel._tel_vol()
        verschuiving = self._records
        self._records += deel._records
        self._aangehaakt += deel._aangehaakt
        self._zelfstandig += deel._zelfstandig
        self._bevindingen.extend(
            attrs.evolve(b, positie=b.positie + posities, regel=b.regel + regels)
            for b in deel._bevindingen
        )
        self._getoond.update(deel._getoond)
        self._voeg_opmerkingen_samen(deel, posities, regels)
        self._runs.extend((n + verschuiving, b, p + posities) for n, b, p in deel._runs)
        self._index.voeg_samen(deel._index, verschuiving)

    def _voeg_opmerkingen_samen(self, deel: Controle, posities: int, regels: int) -> None:
        """Take over ``deel``'s notes as if given here: of each field, those that come
        within the first OPMERKINGEN_PER_VELD (``deel`` kept at least those)."""
        per_veld = self._per_veld
        eerder = dict(per_veld)
        for opmerking in deel._opmerkingen:
            aantal = eerder.get(opmerking.veld, 0)
            eerder[opmerking.veld] = aantal + 1
            if aantal < OPMERKINGEN_PER_VELD:
                self._opmerkingen.append(
                    attrs.evolve(
                        opmerking,
                        positie=opmerking.positie + posities,
                        regel=opmerking.regel + regels,
                    )
                )
        for veld, aantal in deel._per_veld.items():
            per_veld[veld] = per_veld.get(veld, 0) + aantal
        self._met_opmerkingen += deel._met_opmerkingen

    def rapport(self) -> Controlerapport:
        """The report of every record given so far."""
        self._tel_vol()
        groepen = [
            Regel1Groep(
                gemeente=sleutels[0].partition("|")[0],
                sleutels=tuple(self._toon(s) for s in sleutels),
                records=tuple(self._waar(nummers, ids)),
            )
            for sleutels, nummers, ids in self._index.groepen()
        ]
        return Controlerapport(
            records=self._records,
            aangehaakt=self._aangehaakt,
            zelfstandig=self._zelfstandig,
            bevindingen=tuple(self._bevindingen),
            groepen=tuple(groepen),
            opmerkingen=tuple(self._opmerkingen),
            niet_overgenomen=dict(sorted(self._per_veld.items())),
            met_opmerkingen=self._met_opmerkingen,
        )

    def _waar(
        self, nummers: list[int], ids: list[str | None]
    ) -> Iterator[tuple[str, int, str | None]]:
        """(bron, positie, id) of records that hold a natural-person key, ``nummers`` in
        order: the runs walked along with them."""
        runs = self._runs
        index = bisect.bisect_right(runs, nummers[0], key=_eerste) - 1 if nummers else 0
        for nummer, id_ in zip(nummers, ids, strict=True):
            while index + 1 < len(runs) and runs[index + 1][0] <= nummer:
                index += 1
            eerste, bron, positie = runs[index]
            yield bron, positie + nummer - eerste, None if id_ is None else maskeer_id(id_)

    def _toon(self, sleutel_: str) -> str:
        """A key as the report shows it: the identifier's name and its masked form."""
        if (getoond := self._getoond.get(sleutel_)) is not None:
            return getoond
        _, soort, waarde = sleutel_.split("|", 2)
        klasse = _GEHEIM[soort]
        return f"{klasse.__name__} {klasse(waarde)}"
