"""Identificerende gegevens: the hook from a klant to a person or organisation elsewhere.

An :class:`Identificatie` holds the keys of exactly one subject in another
register: a natuurlijk persoon (BRP: BSN, A-nummer; or a foreign person
register) or a niet-natuurlijk persoon (Handelsregister: KvK-nummer,
vestigingsnummer, RSIN; or a foreign company register). The register is not
the authentic source for these; it keeps only the keys.

KLOK01 rule 3 holds by construction: one subject, never both kinds, at most
one identifier of each kind, and at least one identifier.

>>> Identificatie.natuurlijk_persoon(bsn="1112.22.333")
Identificatie(soort=Subjectsoort.NATUURLIJK_PERSOON, bsn=Bsn('******333'))
>>> Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938").soort.value
'niet_natuurlijk_persoon'
"""

from __future__ import annotations

from operator import attrgetter
from typing import TypeVar

import attrs

from klantregister.domain.buitenlands import BuitenlandsNummer
from klantregister.domain.errors import GemengdeIdentificatieError, OngeldigFormaatError, typefout
from klantregister.domain.identifiers import ANummer, Bsn, KvkNummer, Rsin, Vestigingsnummer
from klantregister.domain.klok01 import (
    IDENTIFICATORSOORTEN,
    REGEL_3,
    Identificator,
    Subjectsoort,
    persoonssleutels,
)
from klantregister.domain.meldingen import opsomming, toon
from klantregister.domain.subject import SubjectUrl

__all__ = ["Identificatie", "Identificator", "Subjectsoort"]

_T = TypeVar("_T", Bsn, ANummer, Rsin, KvkNummer, Vestigingsnummer)

# Every identifier of an identificatie, in the table's order; the labels of each soort's.
_IDENTIFICATOREN = attrgetter(*(soort.sleutel for soort in IDENTIFICATORSOORTEN))
# Per soort of subject: the attributes only the other soort may have (rule 3), and their
# labels for the message.
_VAN_ANDERE_SOORT = {
    subjectsoort: tuple(
        soort.sleutel
        for soort in IDENTIFICATORSOORTEN
        if soort.subjectsoort is not None and soort.subjectsoort is not subjectsoort
    )
    for subjectsoort in Subjectsoort
}
_LABELS = {
    subjectsoort: opsomming(
        [
            soort.label
            for soort in IDENTIFICATORSOORTEN
            if soort.sleutel in _VAN_ANDERE_SOORT[subjectsoort]
        ]
    )
    for subjectsoort in Subjectsoort
}


def _optioneel(cls: type[_T], value: _T | str | None) -> _T | None:
    """``None`` or a blank string is "not given"; a string is validated."""
    if value.__class__ is cls:
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return cls.parse(value)


# Named converters, as mypy's attrs plugin needs.
def _bsn(value: Bsn | str | None) -> Bsn | None:
    return None if value is None else _optioneel(Bsn, value)


def _a_nummer(value: ANummer | str | None) -> ANummer | None:
    return None if value is None else _optioneel(ANummer, value)


def _kvk_nummer(value: KvkNummer | str | None) -> KvkNummer | None:
    return None if value is None else _optioneel(KvkNummer, value)


def _vestigingsnummer(value: Vestigingsnummer | str | None) -> Vestigingsnummer | None:
    return None if value is None else _optioneel(Vestigingsnummer, value)


def _rsin(value: Rsin | str | None) -> Rsin | None:
    return None if value is None else _optioneel(Rsin, value)


def _buitenlands(value: object) -> BuitenlandsNummer | None:
    if value is None or isinstance(value, BuitenlandsNummer):
        return value
    if isinstance(value, tuple) and len(value) == 3:
        return BuitenlandsNummer(*value)
    raise typefout("buitenlands", "een BuitenlandsNummer of (land, register, nummer)", value)


def _subject_url(value: SubjectUrl | str | None) -> SubjectUrl | None:
    if value is None or value.__class__ is SubjectUrl:
        return value
    if isinstance(value, str) and not value.strip():
        return None
    return SubjectUrl.parse(value)


def _soort(value: Subjectsoort | str) -> Subjectsoort:
    if value.__class__ is Subjectsoort:
        return value
    try:
        return Subjectsoort(value)
    except ValueError:
        pass  # raised below, so that the enum's error (which repeats the value) is no context
    raise OngeldigFormaatError(
        "soort", f"{toon(value)} is geen subjectsoort ({', '.join(s.value for s in Subjectsoort)})"
    )


@attrs.frozen(repr=False)
class Identificatie:
    """The identifying data of one subject; build it with the two class methods.

    Attributes: ``soort`` (a :class:`Subjectsoort`), and per identifier kind
    one value or ``None``: ``bsn``, ``a_nummer`` (natuurlijk persoon);
    ``kvk_nummer``, ``vestigingsnummer``, ``rsin`` (niet-natuurlijk persoon);
    ``buitenlands`` and ``subject_url`` (either, read according to ``soort``; the
    URL of the subject in its register's API, a v1 ``subject``).

    Building one directly with identifiers of both soorten raises
    :class:`GemengdeIdentificatieError` (KLOK01 rule 3).
    """

    soort: Subjectsoort = attrs.field(converter=_soort)
    bsn: Bsn | None = attrs.field(default=None, converter=_bsn)
    a_nummer: ANummer | None = attrs.field(default=None, converter=_a_nummer)
    kvk_nummer: KvkNummer | None = attrs.field(default=None, converter=_kvk_nummer)
    vestigingsnummer: Vestigingsnummer | None = attrs.field(
        default=None, converter=_vestigingsnummer
    )
    rsin: Rsin | None = attrs.field(default=None, converter=_rsin)
    buitenlands: BuitenlandsNummer | None = attrs.field(default=None, converter=_buitenlands)
    subject_url: SubjectUrl | None = attrs.field(default=None, converter=_subject_url)

    def __attrs_post_init__(self) -> None:
        for sleutel in _VAN_ANDERE_SOORT[self.soort]:
            if getattr(self, sleutel) is not None:
                # Rule 3: the identifier of another soort of subject than this one's.
                raise GemengdeIdentificatieError(
                    3, f"een {self.soort.omschrijving} heeft geen {_LABELS[self.soort]}; {REGEL_3}"
                )
        if not any(_IDENTIFICATOREN(self)):
            raise OngeldigFormaatError("identificatie", "bevat geen enkel identificerend gegeven")

    @classmethod
    def natuurlijk_persoon(
        cls,
        *,
        bsn: Bsn | str | None = None,
        a_nummer: ANummer | str | None = None,
        buitenlands: BuitenlandsNummer | tuple[str, str, str] | None = None,
        subject_url: SubjectUrl | str | None = None,
    ) -> Identificatie:
        """The identificatie of a natural person: BRP numbers, a foreign one and/or the
        URL of the ingeschreven persoon."""
        return cls(
            Subjectsoort.NATUURLIJK_PERSOON,
            bsn=bsn,
            a_nummer=a_nummer,
            buitenlands=buitenlands,
            subject_url=subject_url,
        )

    @classmethod
    def niet_natuurlijk_persoon(
        cls,
        *,
        kvk_nummer: KvkNummer | str | None = None,
        vestigingsnummer: Vestigingsnummer | str | None = None,
        rsin: Rsin | str | None = None,
        buitenlands: BuitenlandsNummer | tuple[str, str, str] | None = None,
        subject_url: SubjectUrl | str | None = None,
    ) -> Identificatie:
        """The identificatie of an organisation: Handelsregister numbers, a foreign one
        and/or the URL of the organisation in the Handelsregister's API.

        A vestigingsnummer may stand alone or beside the KvK-nummer it belongs to.
        """
        return cls(
            Subjectsoort.NIET_NATUURLIJK_PERSOON,
            kvk_nummer=kvk_nummer,
            vestigingsnummer=vestigingsnummer,
            rsin=rsin,
            buitenlands=buitenlands,
            subject_url=subject_url,
        )

    @property
    def identificatoren(self) -> tuple[Identificator, ...]:
        """Every identifier given, in a fixed order."""
        # filter(None, ...) drops the absent ones: identifiers are always truthy.
        return tuple(filter(None, _IDENTIFICATOREN(self)))

    @property
    def persoonssleutels(self) -> tuple[Identificator, ...]:
        """The natural-person keys: at most one klant per gemeente may hold each (rule 1).

        Empty for a niet-natuurlijk persoon: any number of klanten may share
        an organisation's keys (rule 2).
        """
        return persoonssleutels(self.soort, self.identificatoren)

    def __repr__(self) -> str:
        velden = "".join(
            f", {veld.name}={waarde!r}"
            for veld in attrs.fields(Identificatie)[1:]
            if (waarde := getattr(self, veld.name)) is not None
        )
        return f"Identificatie(soort={self.soort!r}{velden})"
