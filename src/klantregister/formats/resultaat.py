"""What a format reader gives per record: the registratie, or the problems that prevent it."""

from __future__ import annotations

import enum
import functools
import re
import uuid
from collections.abc import Callable, Iterator, Mapping, Set

import attrs

from klantregister.domain import (
    FormaatError,
    Gemeentecode,
    GemengdeIdentificatieError,
    Identificatie,
    KlantregisterError,
    OnbekendeCodeError,
    OngeldigControlegetalError,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigTypeError,
    Registratie,
    Rsin,
    als_bron,
    getoond,
    getoonde_telling,
    klantnummer,
    maskeer,
    maskeer_id,
    toon,
    typefout,
    velden,
)
from klantregister.formats.stream import Bron, lees_records

__all__ = [
    "Gelezen",
    "Gemeenten",
    "Kern",
    "Probleem",
    "Probleemsoort",
    "gegeven",
    "gemeente_tabel",
    "json_soort",
    "lees_herkomst",
    "lees_met",
    "niet_overgenomen",
    "noteer_niet_overgenomen",
    "noteer_onbekend",
    "onbekend_lid",
    "probleem",
    "typeprobleem",
    "uuid_aan_het_eind",
]


class Probleemsoort(enum.Enum):
    """Which check a record failed."""

    #: The JSON value has the wrong type (a number where text belongs, a list for an object).
    TYPE = "type"
    #: Characters or a shape the field does not allow.
    FORMAAT = "formaat"
    #: Too long, too short, or out of range.
    LENGTE = "lengte"
    #: The 11-proef of a BSN or RSIN fails.
    CONTROLEGETAL = "controlegetal"
    #: Not in its code list (ISO 3166-1, ISO 639-2, the format's own codes).
    CODE = "code"
    #: A natuurlijk persoon mixed with an organisation (KLOK01 rule 3).
    REGEL_3 = "regel_3"
    #: Identifying data the register has no place for; it is not dropped but reported.
    NIET_OVER_TE_NEMEN = "niet_over_te_nemen"
    #: The record's gemeente cannot be told (``bronorganisatie`` not in the table).
    GEMEENTE = "gemeente"
    #: Something the record holds that the register does not take over (a member it has
    #: no place for, a reference to what is not in the input): a note, not a problem. The
    #: record is read without it; such a note is in :attr:`Gelezen.opmerkingen`, never in
    #: :attr:`Gelezen.problemen`.
    NIET_OVERGENOMEN = "niet_overgenomen"


@attrs.frozen
class Probleem:
    """One reason a record cannot be taken over: the field (as the format names it),
    the check that failed, and a message in which personal numbers are masked.

    A note of what a record holds that is not taken over has the same form, with
    :attr:`Probleemsoort.NIET_OVERGENOMEN` (:attr:`Gelezen.opmerkingen`)."""

    veld: str = attrs.field(repr=getoond)
    soort: Probleemsoort = attrs.field(repr=getoond)
    melding: str = attrs.field(repr=getoond)

    def __str__(self) -> str:
        soort = getattr(self.soort, "value", self.soort)
        return maskeer_id(f"{self.veld}: {self.melding} ({soort})")


@attrs.frozen
class Gelezen:
    """One record as read: its position (1-based) and line, its id where it has one,
    and either a :class:`~klantregister.Registratie` or the problems that prevent one.

    ``registratie`` is ``None`` exactly when ``problemen`` is not empty.

    ``gemeente`` and ``identificatie`` are what could be read of them even when
    other fields have problems, so a check can still find the record's person
    among the others (KLOK01 rule 1).

    ``opmerkingen`` are notes that block nothing: what the record holds that the
    register does not take over (each :attr:`Probleemsoort.NIET_OVERGENOMEN`, with the
    field as the format names it), given whether or not the record has problems.
    """

    # Each as getoond shows it: a reader's values are masked already, and anything else
    # a caller put there may hold a BSN.
    positie: int = attrs.field(repr=getoonde_telling)
    regel: int = attrs.field(repr=getoonde_telling)
    id: str | None = attrs.field(repr=getoond)
    registratie: Registratie | None = attrs.field(repr=getoond)
    problemen: tuple[Probleem, ...] = attrs.field(default=(), repr=getoond)
    gemeente: Gemeentecode | None = attrs.field(default=None, repr=getoond)
    identificatie: Identificatie | None = attrs.field(default=None, repr=getoond)
    opmerkingen: tuple[Probleem, ...] = attrs.field(default=(), repr=getoond)

    @property
    def geldig(self) -> bool:
        """Whether the record can be registered as it is."""
        return not self.problemen


#: What a check needs of a record that is valid as it stands: its id, its gemeente,
#: its natural-person keys as ``(soort, waarde)`` pairs (KLOK01 rule 1):
#: ``None`` for a record without identifying data (zelfstandig), ``()`` for one
#: identifying an organisation; and its notes, those the full reader gives it
#: (:attr:`Gelezen.opmerkingen`, most often none). A reader's fast path gives it in
#: place of a :class:`Gelezen` when cheap checks prove the record valid.
Kern = tuple[str | None, Gemeentecode, tuple[tuple[str, str], ...] | None, tuple[Probleem, ...]]


# The most specific class first: a GemengdeIdentificatieError is a rule-3 breach before it is
# a value refused, an OngeldigTypeError a wrong type before it is a wrong form.
_SOORTEN: tuple[tuple[type[KlantregisterError], Probleemsoort], ...] = (
    (GemengdeIdentificatieError, Probleemsoort.REGEL_3),
    (OngeldigTypeError, Probleemsoort.TYPE),
    (OngeldigControlegetalError, Probleemsoort.CONTROLEGETAL),
    (OngeldigeLengteError, Probleemsoort.LENGTE),
    (OnbekendeCodeError, Probleemsoort.CODE),
)


def probleem(veld: str, fout: OngeldigeWaardeError) -> Probleem:
    """The problem an error of the value objects stands for, under the format's field name."""
    soort = next((s for cls, s in _SOORTEN if isinstance(fout, cls)), Probleemsoort.FORMAAT)
    return Probleem(veld, soort, maskeer(fout.reden))


def niet_overgenomen(veld: str, melding: str) -> Probleem:
    """The note that the record's ``veld`` is not taken over, and why.

    ``melding`` is shown as it is, so that a UUID it names stays whole: give the
    record's values in it with :func:`~klantregister.domain.toon`.
    """
    return Probleem(veld, Probleemsoort.NIET_OVERGENOMEN, melding)


def noteer_niet_overgenomen(
    record: Mapping[str, object],
    leden: Mapping[str, tuple[object, str]],
    opmerkingen: list[Probleem],
    *,
    plek: str = "",
) -> None:
    """Note each member of ``leden`` that ``record`` gives a value the register does not keep.

    ``leden`` maps a member (a dotted name for a member of a member) to the value that
    says nothing and what the member holds, in words. A member that is absent, ``null``,
    ``""``, ``[]``, ``{}`` or that value (of its type: ``0`` is not ``False``) is not
    noted. ``plek`` goes before the member's name in the note's field.
    """
    for naam, (niets, wat) in leden.items():
        waarde: object = record
        for deel in naam.split("."):
            waarde = waarde.get(deel) if isinstance(waarde, Mapping) else None
        if waarde is None or waarde in ("", [], {}):
            continue
        if type(waarde) is type(niets) and waarde == niets:
            continue
        opmerkingen.append(
            niet_overgenomen(
                f"{plek}{naam}", f"{wat} wordt niet overgenomen: het register houdt dit niet bij"
            )
        )


#: What :func:`noteer_onbekend` calls a member, unless told otherwise.
_ONBEKEND = "een veld dat het formaat niet kent"


def noteer_onbekend(
    record: Mapping[str, object],
    bekend: Set[str],
    opmerkingen: list[Probleem],
    *,
    plek: str = "",
    wat: str = _ONBEKEND,
) -> None:
    """Note each member of ``record`` not in ``bekend`` that gives a value (not ``null``,
    ``""``, ``[]`` or ``{}``), by its name; its value is not shown (it may be personal data)."""
    for naam in sorted(record.keys() - bekend):
        waarde = record[naam]
        if waarde is None or waarde in ("", [], {}):
            continue
        opmerkingen.append(onbekend_lid(f"{plek}{naam}", wat))


@functools.lru_cache(maxsize=4096)
def onbekend_lid(veld: str, wat: str = _ONBEKEND) -> Probleem:
    """The note :func:`noteer_onbekend` gives a member ``veld`` that holds ``wat`` (in words).

    One note for each field, shared (a note is frozen): a file's records mostly hold the
    same members.
    """
    return niet_overgenomen(veld, f"{wat}; het register neemt het niet over")


def gegeven(waarde: object) -> bool:
    """Whether a member of a record gives a value: the APIs write ``""`` or ``null`` for none."""
    return waarde is not None and waarde != ""


_JSON_SOORTEN = {dict: "een object", list: "een lijst", str: "tekst", bool: "een boolean"}


def json_soort(waarde: object) -> str:
    """The kind of a decoded JSON value, in words: ``"een object"``, ``"tekst"``, ``"null"``."""
    if waarde is None:
        return "null"
    return _JSON_SOORTEN.get(type(waarde), "een getal")


#: A record's ``uuid``, and the UUID that ends a record's ``url``.
UUID = re.compile(velden.UUID)
_UUID_AAN_HET_EIND = re.compile(rf"/({velden.UUID})/?\Z")


def lees_herkomst(
    record: Mapping[str, object], problemen: list[Probleem]
) -> tuple[uuid.UUID | None, str | None]:
    """The id and ``bron`` a klant keeps of the record it is read from.

    The id is the record's ``uuid`` (a Partij's; some v1 exports carry one too), else
    the UUID its ``url`` ends with (a v1 Klant's); the ``bron`` is its ``url``. A
    ``uuid`` or ``url`` that is given but malformed is a problem: the klant would lose
    its identity, and reading the record again would register it twice.
    """
    klant_id = None
    waarde = record.get("uuid")
    if gegeven(waarde):
        if waarde.__class__ is not str:
            problemen.append(typeprobleem("uuid", "tekst", waarde))
        elif UUID.fullmatch(waarde) is None:
            problemen.append(
                Probleem("uuid", Probleemsoort.FORMAAT, f"{toon(waarde)} is geen UUID")
            )
        else:
            klant_id = uuid.UUID(waarde)
    bron = None
    waarde = record.get("url")
    if gegeven(waarde):
        try:
            bron = als_bron(waarde)
        except OngeldigeWaardeError as fout:
            problemen.append(probleem("url", fout))
        else:
            if klant_id is None and bron is not None:
                klant_id = uuid_aan_het_eind(bron)
    return klant_id, bron


def uuid_aan_het_eind(url: str) -> uuid.UUID | None:
    """The UUID ``url`` ends with (perhaps followed by a ``/``), the id of the resource it
    names; ``None`` when it ends with none."""
    match = _UUID_AAN_HET_EIND.search(url)
    return None if match is None else uuid.UUID(match.group(1))


def record_id(record: Mapping[str, object]) -> str | None:
    """A record's id, as the APIs give it: its ``uuid``, else its ``url``, else none."""
    return next(
        (w for w in (record.get("uuid"), record.get("url")) if isinstance(w, str) and w), None
    )


def lees_klantnummer(
    record: Mapping[str, object], veld: str, problemen: list[Probleem]
) -> str | None:
    """The klantnummer in the member ``veld``, if one is given; a bad one is a problem."""
    if not gegeven(record.get(veld)):
        return None
    try:
        return klantnummer(record[veld])
    except OngeldigeWaardeError as fout:
        problemen.append(probleem(veld, fout))
        return None


def typeprobleem(veld: str, verwacht: str, waarde: object) -> Probleem:
    """The problem of ``waarde`` given where ``verwacht`` (in words) belongs."""
    return Probleem(veld, Probleemsoort.TYPE, f"verwacht {verwacht}, kreeg {json_soort(waarde)}")


#: How a reader finds a record's gemeente: one for all, or a table (RSIN -> gemeentecode).
Gemeenten = Gemeentecode | str | Mapping[str, Gemeentecode | str]


def gemeente_tabel(gemeenten: Gemeenten | None) -> Gemeentecode | dict[str, Gemeentecode]:
    """Validate the caller's gemeente or table once, before any record is read."""
    if gemeenten is None:
        raise FormaatError(
            "geen gemeente opgegeven: geef gemeenten=<gemeentecode> voor alle records, "
            "of een tabel van bronorganisatie (RSIN) naar gemeentecode"
        )
    if isinstance(gemeenten, (Gemeentecode, str)):
        return Gemeentecode.parse(gemeenten)
    if not isinstance(gemeenten, Mapping):
        raise typefout(
            "gemeenten", "een gemeentecode of een tabel van RSIN naar gemeentecode", gemeenten
        )
    # Keys as records' bronorganisaties are looked up: compact ("0025.64.440" is "002564440").
    return {Rsin.compact(str(rsin)): Gemeentecode.parse(code) for rsin, code in gemeenten.items()}


def lees_met(
    bron: Bron,
    lees_record: Callable[[object, int, int], Gelezen],
    naam: str | None,
) -> Iterator[Gelezen]:
    """Read every record of ``bron`` with ``lees_record(waarde, positie, regel)``."""
    for record in lees_records(bron, naam=naam):
        yield lees_record(record.waarde, record.positie, record.regel)
