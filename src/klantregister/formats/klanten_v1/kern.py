"""The check's fast path for v1 records: :func:`kern`.

A check reads every record, but of a valid one it needs only its id, gemeente and
natural-person keys (the numbers, then the ``subject`` URL), and the notes of what it holds
that the register does not take over (:func:`leden_niet_overgenomen`, the full reader's own
notes). ``kern`` proves a record valid with cheap tests, each derived from the field spec
(:mod:`klantregister.domain.velden`) and a narrower rule than the value objects' own
(ASCII patterns, text that Unicode normalisation leaves as it is), or with the very
checks they run (identifiers, the subject URL, klantnummer). A record it cannot
vouch for is left to the full reader, which says exactly what is wrong.
``tests/test_formats_kern.py`` checks that every record it accepts, the full reader
accepts with the same id, gemeente, keys and notes.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from klantregister.domain import (
    ANummer,
    Bsn,
    Gemeentecode,
    KvkNummer,
    OngeldigeWaardeError,
    Rsin,
    SubjectUrl,
    Vestigingsnummer,
    als_bron,
    klantnummer,
    klok01,
    typefout,
    velden,
)
from klantregister.formats.klanten_v1.namen import (
    ADRES,
    GEGEVENS,
    LEDEN,
    SI,
    SLEUTELS,
    SUBJECT_LEDEN,
    VELDEN,
)
from klantregister.formats.klanten_v1.namen import (
    MAX_KLANTNUMMER_V1 as MAX_V1,
)
from klantregister.formats.resultaat import UUID, Kern, Probleem, onbekend_lid

__all__ = ["gegevens_zeker_geldig", "kern", "leden_niet_overgenomen"]

_K, _A = velden.KLANTGEGEVENS, velden.ADRES
#: v1 text fields checked for length and characters only, with their limits.
_KERN_TEKST = tuple((v1, _K[attr].maximum) for v1, attr in GEGEVENS.items() if _K[attr].vrije_tekst)
_KERN_ADRES_TEKST = tuple(
    (v1, _A[attr].maximum) for v1, attr in ADRES.items() if attr in _A and _A[attr].vrije_tekst
)
# Derived from the field spec, and narrower than the value objects' rules where those
# take more (Unicode, quoted local parts): what they accept beyond these is left to them.
_KERN_PATRONEN = (
    (
        "emailadres",
        _K["emailadres"].maximum,
        re.compile(
            rf"[A-Za-z0-9._%+-]{{1,{velden.EMAIL_MAX_LOKAAL}}}"
            r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
        ).fullmatch,
    ),
    (
        "telefoonnummer",
        _K["telefoonnummer"].maximum,
        # The value object's own pattern and its digits, as written (not normalised).
        re.compile(
            rf"(?=(?:[^0-9]*[0-9]){{{velden.TELEFOON_MIN_CIJFERS}}})"
            + str(_K["telefoonnummer"].patroon)
        ).fullmatch,
    ),
    (
        "websiteUrl",
        _K["website_url"].maximum,
        re.compile(
            f"(?:{'|'.join(sorted(velden.URL_SCHEMAS))})"
            r"://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?:[/?#][!-~]*)?"
        ).fullmatch,
    ),
)
_KERN_ADRES_PATRONEN = (
    ("huisletter", _A["huisletter"].maximum, re.compile(str(_A["huisletter"].patroon)).fullmatch),
    (
        "huisnummertoevoeging",
        _A["huisnummertoevoeging"].maximum,
        re.compile(str(_A["huisnummertoevoeging"].patroon)).fullmatch,
    ),
    # A Dutch postcode, without the letters PostNL never issues.
    ("postcode", _A["postcode"].maximum, re.compile(velden.POSTCODE_NL_UITGEGEVEN).fullmatch),
)
#: What ``gegeven`` calls not given (for hashable values).
_LEEG = frozenset({None, ""})
_ALLE_SLEUTELS = tuple(sleutel for sleutels in SLEUTELS.values() for sleutel in sleutels)
# Identifying members the fast path leaves to the full reader whatever the subjectType.
_KERN_NIET = frozenset({"inpA_nummer", "anpIdentificatie", "annIdentificatie"})
#: The soort of a subject URL's key, as ``klok01.sleutel`` gives it.
_SUBJECT_URL = klok01.SOORT_VAN[SubjectUrl].sleutel


class _Onzeker(Exception):  # noqa: N818 (a signal inside kern, never raised further)
    """The fast path cannot vouch for the record."""


def kern(record: object, gemeenten: Gemeentecode | dict[str, Gemeentecode]) -> Kern | None:
    """What a check needs of ``record`` when cheap tests prove it valid; else ``None``.

    ``None`` says only that the record needs the full reader (:func:`lees_klant`),
    not that it is invalid. ``gemeenten`` is a :class:`Gemeentecode` or a table from
    RSIN to gemeentecode, as :func:`~klantregister.formats.gemeente_tabel` makes them
    (anything else raises :class:`~klantregister.OngeldigTypeError`). The notes are
    those the full reader gives the record (:func:`leden_niet_overgenomen`); a record it would note
    otherwise (a vestiging known by its ``subject`` alone) is left to it.

    >>> id_, gemeente, sleutels, opmerkingen = kern({
    ...     "uuid": "6b1d5e8c-0d2a-4c55-9f3e-6a7b8c9d0e1f", "voornaam": "Zoë",
    ...     "subjectType": "natuurlijk_persoon",
    ...     "subjectIdentificatie": {"inpBsn": "111222333", "geslachtsnaam": "Jansen"},
    ... }, Gemeentecode("0363"))
    >>> id_, gemeente, [soort for soort, _ in sleutels]  # the keys hold the BSN in full
    ('6b1d5e8c-0d2a-4c55-9f3e-6a7b8c9d0e1f', Gemeentecode('0363'), ['bsn'])
    >>> [opmerking.veld for opmerking in opmerkingen]  # by name; the value is not shown
    ['subjectIdentificatie.geslachtsnaam']
    """
    if record.__class__ is not dict or VELDEN.isdisjoint(record) or "formaat" in record:
        return None  # not a v1 record: the full reader says what it looks like
    if "formaatversie" in record:
        return None
    get = record.get
    gemeente: Gemeentecode | None = gemeenten if isinstance(gemeenten, Gemeentecode) else None
    if gemeente is None and gemeenten.__class__ is not dict:
        raise typefout("gemeenten", "een Gemeentecode of een tabel van gemeente_tabel", gemeenten)
    try:
        if gemeente is None:
            bron = get("bronorganisatie")
            gemeente = gemeenten.get(Rsin.compact(bron))  # type: ignore[union-attr, arg-type]
            if gemeente is None:
                return None
        nummer = get("klantnummer")
        if not (
            # Printable ASCII without a space is what klantnummer() takes as it is.
            nummer.__class__ is str
            and len(nummer) <= MAX_V1
            and nummer.isascii()
            and nummer.isprintable()
            and " " not in nummer
        ) and (nummer not in _LEEG and len(klantnummer(nummer)) > MAX_V1):
            return None  # longer than v1 allows: the full reader says so
        _kern_herkomst(get("uuid"), get("url"))
        _kern_velden(get, _KERN_TEKST, _KERN_PATRONEN)
        adres = get("adres")
        if adres is not None:
            _kern_adres(adres)
        sleutels = _kern_sleutels(get)
    # TypeError: an unhashable value (a list or an object) where text belongs.
    except (_Onzeker, OngeldigeWaardeError, TypeError):
        return None
    id_ = get("uuid")
    if id_.__class__ is not str or not id_:
        id_ = get("url")
        if id_.__class__ is not str or not id_:
            id_ = None
    return id_, gemeente, sleutels, leden_niet_overgenomen(record)


#: What the full reader calls the members of subjectIdentificatie it does not read.
_SUBJECT_ZELF = "gegevens van het subject zelf, die de BRP of het Handelsregister houdt"


def leden_niet_overgenomen(record: Mapping[str, object]) -> tuple[Probleem, ...]:
    """The notes of the members of the v1 Klant ``record`` the register has no place for, by
    name (their values are not shown), as :func:`~klantregister.formats.noteer_onbekend`
    gives them: members v1 does not have that give a value, then those of its
    ``subjectIdentificatie`` that are not a number (the subject's own data).

    The full reader's own notes of them (it notes a vestiging known by its ``subject``
    alone besides). A record whose members are all known costs two set comparisons; the
    others a lookup of the names their keys (in their order) leave, as a file's records
    mostly have the same.
    """
    boven = () if record.keys() <= LEDEN else _notities(_met_waarde(record, LEDEN), False)
    si = record.get(SI)
    if not isinstance(si, dict) or si.keys() <= SUBJECT_LEDEN:
        return boven
    binnen = _notities(_met_waarde(si, SUBJECT_LEDEN), True)
    return boven + binnen if boven else binnen


#: The types whose empty values give none (``""``, ``[]``, ``{}``), as ``noteer_onbekend``
#: has them; ``null`` gives none either, ``0`` and ``false`` do.
_LEEG_ALS_NIETS = frozenset({str, list, dict})


def _met_waarde(leden: Mapping[str, object], bekend: frozenset[str]) -> tuple[str, ...]:
    """The members of ``leden`` beyond ``bekend`` that give a value, sorted."""
    namen = _onbekend(tuple(leden), bekend)
    waarden = tuple(map(leden.__getitem__, namen))
    if _LEEG_ALS_NIETS_OF_NULL.issuperset(map(type, waarden)):
        # Text, lists, objects and null: a value where it is true.
        return tuple(itertools.compress(namen, waarden))
    return tuple(
        [
            naam
            for naam, waarde in zip(namen, waarden, strict=True)
            # Text, a list or an object is empty when false; any other value but null is one.
            if waarde or (waarde is not None and waarde.__class__ not in _LEEG_ALS_NIETS)
        ]
    )


_LEEG_ALS_NIETS_OF_NULL = _LEEG_ALS_NIETS | {type(None)}


@functools.lru_cache(maxsize=1024)
def _onbekend(leden: tuple[str, ...], bekend: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(set(leden) - bekend))


@functools.lru_cache(maxsize=1024)
def _notities(namen: tuple[str, ...], subject: bool) -> tuple[Probleem, ...]:
    if subject:
        return tuple(onbekend_lid(f"{SI}.{naam}", _SUBJECT_ZELF) for naam in namen)
    return tuple(onbekend_lid(naam) for naam in namen)


def _kern_herkomst(uuid: object, url: object) -> None:
    """The record's ``uuid`` and ``url`` as :func:`~klantregister.formats.lees_herkomst`
    takes them, or else the full reader says what is wrong."""
    if uuid not in _LEEG and (uuid.__class__ is not str or UUID.fullmatch(uuid) is None):
        raise _Onzeker
    if url not in _LEEG:
        als_bron(url)  # the full reader's own check: its error sends the record there


def gegevens_zeker_geldig(record: dict[str, Any]) -> bool:
    """Whether the fast path's checks prove the record's klantgegevens valid."""
    try:
        _kern_velden(record.get, _KERN_TEKST, _KERN_PATRONEN)
        if (adres := record.get("adres")) is not None:
            _kern_adres(adres)
    except (_Onzeker, TypeError):
        return False
    return True


def _kern_velden(
    get: Any,
    teksten: tuple[tuple[str, int], ...],
    patronen: tuple[tuple[str, int, Callable[[str], object]], ...],
) -> None:
    """Pass text fields that are absent, or printable text that normalisation leaves as it
    is, and fields that are absent or match their pattern."""
    for veld, maximum in teksten:
        waarde = get(veld)
        if waarde.__class__ is str:
            # "" passes as it is: not given.
            if len(waarde) > maximum or not (
                waarde.isprintable()
                # Printable text has no whitespace but the space, and collapsing spaces
                # keeps NFC.
                and (waarde.isascii() or _NFC(waarde))
            ):
                raise _Onzeker
        elif waarde is not None:
            raise _Onzeker
    for veld, maximum, past in patronen:
        waarde = get(veld)
        if waarde.__class__ is str:
            if waarde and (len(waarde) > maximum or past(waarde) is None):
                raise _Onzeker
        elif waarde is not None:
            raise _Onzeker


_NFC = functools.partial(unicodedata.is_normalized, "NFC")


def _kern_adres(adres: Any) -> None:
    if adres.__class__ is not dict:
        raise _Onzeker
    get = adres.get
    if get("landcode") not in _KERN_LAND:
        raise _Onzeker  # a foreign address: its postcode has other rules
    _kern_velden(get, _KERN_ADRES_TEKST, _KERN_ADRES_PATRONEN)
    huisnummer = get("huisnummer")
    if huisnummer is not None and not (
        huisnummer.__class__ is int and velden.HUISNUMMER_MIN <= huisnummer <= velden.HUISNUMMER_MAX
    ):
        raise _Onzeker


_KERN_LAND = frozenset({None, "", velden.BRP_NEDERLAND})


def _kern_sleutels(get: Any) -> tuple[tuple[str, str], ...] | None:
    """The record's natural-person keys; ``None`` when it has no identifying data."""
    subject_type = get("subjectType")
    si = get(SI)
    if si is None:
        si = {}
    elif si.__class__ is not dict:
        raise _Onzeker
    lid = si.get
    if subject_type in _LEEG:
        andere, lees = _ALLE_SLEUTELS, None
    elif subject_type in _KERN_SOORTEN:
        andere, lees = _KERN_SOORTEN[subject_type]
    else:
        raise _Onzeker
    if not _LEEG.issuperset(map(lid, andere)):
        raise _Onzeker
    sleutels = None if lees is None else lees(lid)
    subject = get("subject")
    if subject in _LEEG:
        return sleutels
    if lees is None or subject.__class__ is not str:
        raise _Onzeker  # a URL without subjectType or not text: the full reader reports it
    if sleutels is None and subject_type == "vestiging":
        raise _Onzeker  # a vestiging known by its URL alone: the full reader notes it
    # The very check the full reader runs; its error sends the record there. A natural
    # person's URL is a key of rule 1, after the numbers (the order of persoonssleutels).
    url = (_SUBJECT_URL, SubjectUrl(subject).waarde)
    if subject_type != "natuurlijk_persoon":
        return ()
    return (url,) if sleutels is None else (*sleutels, url)


def _kern_persoon(lid: Callable[[str], Any]) -> tuple[tuple[str, str], ...] | None:
    bsn, a_nummer = lid("inpBsn"), lid("inpANummer")
    if a_nummer in _LEEG:
        return None if bsn in _LEEG else (("bsn", Bsn.validate(bsn)),)
    if bsn in _LEEG:
        return (("a_nummer", ANummer.validate(a_nummer)),)
    return ("bsn", Bsn.validate(bsn)), ("a_nummer", ANummer.validate(a_nummer))


def _kern_niet_natuurlijk(lid: Callable[[str], Any]) -> tuple[()] | None:
    nnp_id = lid("innNnpId")
    if nnp_id in _LEEG:
        return None
    lengte = len(Rsin.compact(nnp_id))
    if lengte not in {8, 9}:
        raise _Onzeker
    (KvkNummer if lengte == 8 else Rsin).validate(nnp_id)
    return ()


def _kern_vestiging(lid: Callable[[str], Any]) -> tuple[()] | None:
    nummer = lid("vestigingsNummer")
    if nummer in _LEEG:
        return None
    Vestigingsnummer.validate(nummer)
    return ()


_Kernlezer = Callable[[Callable[[str], Any]], "tuple[tuple[str, str], ...] | None"]
#: Per subjectType: the identifying members left to the full reader (those of another
#: subjectType, KLOK01 rule 3; numbers the register cannot hold; inpA_nummer), and how to
#: read the keys.
_KERN_SOORTEN: dict[str, tuple[tuple[str, ...], _Kernlezer]] = {
    soort: (
        tuple(s for s in _ALLE_SLEUTELS if s not in SLEUTELS[soort] or s in _KERN_NIET),
        lezer,
    )
    for soort, lezer in (
        ("natuurlijk_persoon", _kern_persoon),
        ("niet_natuurlijk_persoon", _kern_niet_natuurlijk),
        ("vestiging", _kern_vestiging),
    )
}
