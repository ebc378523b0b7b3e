"""What a check reports: :class:`Controlerapport`, its violations and its notes.

A violation (:class:`Bevinding`, :class:`Regel1Groep`) keeps a record out of the
register; a note (:class:`Opmerking`) names what a record holds that the register
does not take over (a member it has no place for), while the record itself is
taken over. Notes never make a report unclean.
"""

from __future__ import annotations

import enum
from collections import Counter
from typing import Any

import attrs

from klantregister.domain import weergave

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

    soort: Overtreding
    bron: str
    positie: int
    regel: int
    id: str | None
    veld: str
    melding: str
    controle: str | None = None

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

    bron: str
    positie: int
    regel: int
    id: str | None
    veld: str
    melding: str

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

    gemeente: str
    sleutels: tuple[str, ...]  # masked, as "BSN ******333"
    records: tuple[tuple[str, int, str | None], ...]  # (bron, positie, id), in input order

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

    records: int
    aangehaakt: int
    zelfstandig: int
    bevindingen: tuple[Bevinding, ...]
    groepen: tuple[Regel1Groep, ...]
    opmerkingen: tuple[Opmerking, ...] = ()
    niet_overgenomen: dict[str, int] = attrs.field(factory=dict, hash=False)
    met_opmerkingen: int = 0

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
        samenvatting: dict[str, Any] = {
            "records": self.records,
            "aangehaakt": self.aangehaakt,
            "zelfstandig": self.zelfstandig,
            "overtredingen": self.per_soort(),
        }
        uit: dict[str, Any] = {
            "samenvatting": samenvatting,
            "bevindingen": [bevinding.naar_dict() for bevinding in self.bevindingen],
            "regel_1": [groep.naar_dict() for groep in self.groepen],
        }
        if opmerkingen:
            samenvatting["niet_overgenomen"] = {
                "opmerkingen": self.aantal_opmerkingen,
                "records": self.met_opmerkingen,
                "per_veld": dict(self.niet_overgenomen),
            }
            uit["niet_overgenomen"] = [opmerking.naar_dict() for opmerking in self.opmerkingen]
        return uit
