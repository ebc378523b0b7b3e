"""What a check reports: :class:`Controlerapport`, its violations and its notes.

A violation (:class:`Bevinding`, :class:`Regel1Groep`) keeps a record out of the
register; a note (:class:`Opmerking`) names what a record holds that the register
does not take over (a member it has no place for), while the record itself is
taken over. Notes never make a report unclean.
"""

from __future__ import annotations

import enum
import json
from collections import Counter
from collections.abc import Callable, Sequence
from typing import IO, Any

import attrs

from klantregister.domain import getoond, getoonde_telling, typefout, weergave
from klantregister.formats.argumenten import tekstbestand

__all__ = [
    "OPMERKINGEN_PER_VELD",
    "RECORDS_PER_GROEP",
    "Bevinding",
    "Controlerapport",
    "Opmerking",
    "Overtreding",
    "Regel1Groep",
]

#: How many notes of each field a report lists, the first in input order; it counts them all.
OPMERKINGEN_PER_VELD = 100
#: How many records of one rule-1 group the text and HTML reports list (the first, in input
#: order), saying how many more there are; the JSON report lists them all.
RECORDS_PER_GROEP = 20


class Overtreding(enum.Enum):
    """The kinds of violation a check reports."""

    ONGELDIGE_IDENTIFICATIE = "ongeldige_identificatie"
    REGEL_1 = "regel_1"
    REGEL_3 = "regel_3"
    LIMIET = "limiet"
    ONGELDIG_VELD = "ongeldig_veld"
    NIET_OVER_TE_NEMEN = "niet_over_te_nemen"
    GEMEENTE = "gemeente"


@attrs.frozen
class Bevinding:
    """One violation of one record: where it is, which field, and why (masked)."""

    soort: Overtreding = attrs.field(repr=getoond)
    bron: str = attrs.field(repr=getoond)
    positie: int = attrs.field(repr=getoonde_telling)
    regel: int = attrs.field(repr=getoonde_telling)
    id: str | None = attrs.field(repr=getoond)
    veld: str = attrs.field(repr=getoond)
    melding: str = attrs.field(repr=getoond)
    controle: str | None = attrs.field(default=None, repr=getoond)

    def naar_dict(self) -> dict[str, Any]:
        return {
            "soort": self.soort.value,
            "bron": self.bron,
            "positie": self.positie,
            "regel": self.regel,
            "id": self.id,
            "veld": self.veld,
            "controle": self.controle,
            "melding": self.melding,
        }


@attrs.frozen
class Opmerking:
    """One note of one record: a field it holds that the register does not take over, and
    why. Not a violation: the record is taken over without it. The message never shows
    the field's value (it may be personal data)."""

    bron: str = attrs.field(repr=getoond)
    positie: int = attrs.field(repr=getoonde_telling)
    regel: int = attrs.field(repr=getoonde_telling)
    id: str | None = attrs.field(repr=getoond)
    veld: str = attrs.field(repr=getoond)
    melding: str = attrs.field(repr=getoond)

    def naar_dict(self) -> dict[str, Any]:
        return {
            "bron": self.bron,
            "positie": self.positie,
            "regel": self.regel,
            "id": self.id,
            "veld": self.veld,
            "melding": self.melding,
        }


@attrs.frozen
class Regel1Groep:
    """Records of one gemeente that share a natural person (KLOK01 rule 1)."""

    gemeente: str = attrs.field(repr=getoond)
    sleutels: tuple[str, ...] = attrs.field(repr=getoond)  # masked, as "BSN ******333"
    # (bron, positie, id), in input order
    records: tuple[tuple[str, int, str | None], ...] = attrs.field(repr=getoond)

    def getoond(self) -> tuple[tuple[tuple[str, int, str | None], ...], int]:
        """The records the text and HTML reports list, and how many more the group has."""
        return self.records[:RECORDS_PER_GROEP], max(len(self.records) - RECORDS_PER_GROEP, 0)

    def naar_dict(self) -> dict[str, Any]:
        return {
            "soort": Overtreding.REGEL_1.value,
            "gemeente": self.gemeente,
            "sleutels": list(self.sleutels),
            "records": [{"bron": b, "positie": p, "id": i} for b, p, i in self.records],
        }

    def _schrijf_json(self, schrijf: Callable[[str], object]) -> None:
        """Write ``json.dumps(self.naar_dict())`` with ``schrijf``, some records at a time."""
        schrijf(
            f'{{"soort": {_json(Overtreding.REGEL_1.value)}, "gemeente": {_json(self.gemeente)}, '
            f'"sleutels": {_json(list(self.sleutels))}, "records": ['
        )
        records = self.records
        for begin in range(0, len(records), _RECORDS_PER_STUK):
            stuk = ", ".join(
                # What json.dumps writes for {"bron": b, "positie": p, "id": i}.
                f'{{"bron": {_json(b)}, "positie": {_json(p)}, '
                f'"id": {"null" if i is None else _json(i)}}}'
                for b, p, i in records[begin : begin + _RECORDS_PER_STUK]
            )
            schrijf(f", {stuk}" if begin else stuk)
        schrijf("]}")


def _aantal(_: object, veld: attrs.Attribute[int], waarde: object) -> None:
    if waarde.__class__ is not int or waarde < 0:
        raise typefout(veld.name, "een geheel getal van 0 of meer", waarde)


def _reeks(soort: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def controleer(_: object, veld: attrs.Attribute[Any], waarde: object) -> None:
        if waarde.__class__ is not tuple or not all(isinstance(w, soort) for w in waarde):
            raise typefout(veld.name, f"een tuple van {soort.__name__}", waarde)

    return controleer


def _per_veld(_: object, veld: attrs.Attribute[Any], waarde: object) -> None:
    if waarde.__class__ is not dict or not all(
        isinstance(naam, str) and aantal.__class__ is int for naam, aantal in waarde.items()
    ):
        raise typefout(veld.name, "een dict van veld naar aantal", waarde)


@attrs.frozen
class Controlerapport:
    """What a check found: counts, every violation with its record, and the notes.

    ``aangehaakt``: records with valid identifying data; ``zelfstandig``:
    records without any; a record whose identifiers are refused is neither.

    ``opmerkingen``: what records hold that the register does not take over, the
    first :data:`OPMERKINGEN_PER_VELD` of each field in input order;
    ``niet_overgenomen``: per field, how many notes there are (listed or not, at most one
    a record), sorted by field; ``met_opmerkingen``: how many records have any. Notes are
    not violations: they leave the report :attr:`schoon`.
    """

    # Checked as they are given: a report is shown (repr, HTML, JSON) from these alone.
    records: int = attrs.field(repr=getoonde_telling, validator=_aantal)
    aangehaakt: int = attrs.field(repr=getoonde_telling, validator=_aantal)
    zelfstandig: int = attrs.field(repr=getoonde_telling, validator=_aantal)
    bevindingen: tuple[Bevinding, ...] = attrs.field(repr=getoond, validator=_reeks(Bevinding))
    groepen: tuple[Regel1Groep, ...] = attrs.field(repr=getoond, validator=_reeks(Regel1Groep))
    opmerkingen: tuple[Opmerking, ...] = attrs.field(
        default=(), repr=getoond, validator=_reeks(Opmerking)
    )
    niet_overgenomen: dict[str, int] = attrs.field(
        factory=dict, hash=False, repr=getoond, validator=_per_veld
    )
    met_opmerkingen: int = attrs.field(default=0, repr=getoonde_telling, validator=_aantal)

    @property
    def schoon(self) -> bool:
        """Whether no violation was found (notes are none)."""
        return not self.bevindingen and not self.groepen

    @property
    def aantal_opmerkingen(self) -> int:
        """How many notes there are, listed in :attr:`opmerkingen` or only counted."""
        return sum(self.niet_overgenomen.values())

    def per_soort(self) -> dict[str, int]:
        """How many violations of each kind (a rule-1 group counts once)."""
        telling = Counter(bevinding.soort.value for bevinding in self.bevindingen)
        if self.groepen:
            telling[Overtreding.REGEL_1.value] += len(self.groepen)
        return dict(sorted(telling.items()))

    def _repr_html_(self) -> str:
        """The report as HTML tables in Jupyter: summary, violations, rule-1 groups, notes."""
        return weergave.html(self)

    def naar_dict(self, *, opmerkingen: bool = True) -> dict[str, Any]:
        """The report as plain JSON values (``klantregister check --format json``); without
        the notes when ``opmerkingen`` is false (``import`` lists its own)."""
        if not isinstance(opmerkingen, bool):
            raise typefout("opmerkingen", "True of False", opmerkingen)
        uit: dict[str, Any] = {
            "samenvatting": self._samenvatting(opmerkingen),
            "bevindingen": [bevinding.naar_dict() for bevinding in self.bevindingen],
            "regel_1": [groep.naar_dict() for groep in self.groepen],
        }
        if opmerkingen:
            uit["niet_overgenomen"] = [opmerking.naar_dict() for opmerking in self.opmerkingen]
        return uit

    def _samenvatting(self, opmerkingen: bool) -> dict[str, Any]:
        samenvatting: dict[str, Any] = {
            "records": self.records,
            "aangehaakt": self.aangehaakt,
            "zelfstandig": self.zelfstandig,
            "overtredingen": self.per_soort(),
        }
        if opmerkingen:
            samenvatting["niet_overgenomen"] = {
                "opmerkingen": self.aantal_opmerkingen,
                "records": self.met_opmerkingen,
                "per_veld": dict(self.niet_overgenomen),
            }
        return samenvatting

    def schrijf_json(self, bestand: IO[str], *, opmerkingen: bool = True) -> None:
        """Write :meth:`naar_dict` as JSON, a member's lines indented and each item of a
        list on one line (what ``klantregister check --format json`` prints), item by item:
        a rule-1 group of a million records is written a part of its records at a time,
        never held as one text."""
        if not isinstance(opmerkingen, bool):
            raise typefout("opmerkingen", "True of False", opmerkingen)
        schrijf = tekstbestand(bestand).write
        samenvatting = json.dumps(
            self._samenvatting(opmerkingen), ensure_ascii=False, allow_nan=False, indent=2
        ).replace("\n", "\n  ")
        schrijf(f'{{\n  "samenvatting": {samenvatting}')
        lijsten: list[tuple[str, Sequence[Any], Callable[[Any], object]]] = [
            ("bevindingen", self.bevindingen, lambda b: schrijf(_json(b.naar_dict()))),
            ("regel_1", self.groepen, lambda g: g._schrijf_json(schrijf)),
        ]
        if opmerkingen:
            lijsten.append(
                ("niet_overgenomen", self.opmerkingen, lambda o: schrijf(_json(o.naar_dict())))
            )
        for naam, items, schrijf_item in lijsten:
            if not items:
                schrijf(f',\n  "{naam}": []')
                continue
            schrijf(f',\n  "{naam}": [\n')
            for index, item in enumerate(items):
                schrijf(",\n    " if index else "    ")
                schrijf_item(item)
            schrijf("\n  ]")
        schrijf("\n}\n")


# What json.dumps(..., ensure_ascii=False, allow_nan=False) writes, from one encoder (dumps
# with options makes an encoder a call).
_json = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
#: How many records of a rule-1 group are written as JSON at a time.
_RECORDS_PER_STUK = 10_000
