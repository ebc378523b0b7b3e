"""Klanten API v1: read and write its ``Klant`` objects, by their own field names.

A v1 klant is scoped by ``bronorganisatie`` (an RSIN), not by gemeente: the
caller says which gemeente the records belong to, one for all
(``gemeenten="0363"``) or per bronorganisatie (``gemeenten={"002220647": "0363"}``).

Mapping decisions:

- ``subjectType`` ``natuurlijk_persoon``: ``inpBsn`` and ``inpANummer`` (also
  read as ``inpA_nummer``, the API's own spelling) become the BSN and A-nummer;
  ``niet_natuurlijk_persoon``: ``innNnpId`` of 8 digits a KvK-nummer, of 9 an
  RSIN; ``vestiging``: ``vestigingsNummer``. The subject's names
  (``geslachtsnaam``, ``statutaireNaam``, ``handelsnaam``...) belong to the BRP
  and the Handelsregister; the register keeps only keys, so they are not read.
- ``anpIdentificatie`` and ``annIdentificatie`` (numbers a gemeente issued
  itself), and a ``subject`` URL without a ``subjectIdentificatie``, identify
  a subject the register cannot hold: such a record is reported, never read
  without them.
- ``adres.landcode`` is an ISO 3166-1 alpha-2 code both ways (absent means
  ``NL``); any other code is reported.
- Writing is lossless or refused with a :class:`~klantregister.FormaatError`:
  a klant with a foreign number, with a KvK-nummer and an RSIN or a
  vestigingsnummer together, or with ``voorletters``, ``voorkeurstaal`` or
  ``adresregel``s (which v1 lacks) cannot be written.

>>> gelezen = lees_klant({"klantnummer": "K1", "subjectType": "natuurlijk_persoon",
...     "subjectIdentificatie": {"inpBsn": "111222333"}}, gemeenten="0363")
>>> gelezen.registratie.identificatie
Identificatie(soort=Subjectsoort.NATUURLIJK_PERSOON, bsn=Bsn('******333'))
>>> lees_klant({"subjectType": "natuurlijk_persoon",
...     "subjectIdentificatie": {"inpBsn": "111222334"}}, gemeenten="0363").problemen[0].veld
'subjectIdentificatie.inpBsn'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from klantregister._errors import FormaatError, OngeldigeWaardeError, toon
from klantregister._identificatie import Identificatie, Subjectsoort
from klantregister._identifiers import ANummer, Bsn, Gemeentecode, KvkNummer, Rsin, Vestigingsnummer
from klantregister._klant import Klant, klantnummer
from klantregister._klantgegevens import (
    _ADRES_REGELS,
    _HUISLETTER,
    _KLANTGEGEVENS_REGELS,
    _TOEVOEGING,
    Adres,
    Klantgegevens,
    klantgegevensveld,
)
from klantregister._register import Registratie
from klantregister.formats._resultaat import (
    Gelezen,
    Gemeenten,
    Kern,
    Probleem,
    Probleemsoort,
    gemeente_tabel,
    lees_met,
    probleem,
)
from klantregister.formats._stream import Bron, schrijf_regels

__all__ = ["kern", "lees", "lees_klant", "naar_v1", "schrijf"]

#: v1 field -> Klantgegevens attribute.
_GEGEVENS = {
    "bedrijfsnaam": "bedrijfsnaam",
    "functie": "functie",
    "websiteUrl": "website_url",
    "voornaam": "voornaam",
    "voorvoegselAchternaam": "voorvoegsel_achternaam",
    "achternaam": "achternaam",
    "telefoonnummer": "telefoonnummer",
    "emailadres": "emailadres",
}
#: v1 adres field -> Adres attribute.
_ADRES = {
    "straatnaam": "straatnaam",
    "huisnummer": "huisnummer",
    "huisletter": "huisletter",
    "huisnummertoevoeging": "huisnummertoevoeging",
    "postcode": "postcode",
    "woonplaatsnaam": "woonplaatsnaam",
    "landcode": "land",
}
_V1_NAAM = {
    **{attr: v1 for v1, attr in _GEGEVENS.items()},
    **{f"adres.{attr}": f"adres.{v1}" for v1, attr in _ADRES.items()},
}
_SUBJECTTYPES = ("natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging")
#: The identifying members of subjectIdentificatie, per subjectType.
_SLEUTELS = {
    "natuurlijk_persoon": ("inpBsn", "inpANummer", "inpA_nummer", "anpIdentificatie"),
    "niet_natuurlijk_persoon": ("innNnpId", "annIdentificatie"),
    "vestiging": ("vestigingsNummer",),
}
_SI = "subjectIdentificatie"


def _gegeven(waarde: object) -> bool:
    return waarde is not None and waarde != ""


def lees(
    bron: Bron, *, gemeenten: Gemeenten | None = None, naam: str | None = None
) -> Iterator[Gelezen]:
    """Read every v1 klant of ``bron`` (an array, a page or JSON Lines; streamed).

    Raises :class:`~klantregister.FormaatError` when no gemeente is given (before
    reading anything) or the input is not readable; a record that cannot be
    taken over is yielded with its problems.
    """
    tabel = gemeente_tabel(gemeenten)
    return lees_met(bron, lambda w, p, r: _lees(w, tabel, p, r), naam)


def lees_klant(
    record: object,
    *,
    gemeenten: Gemeenten | None = None,
    positie: int = 1,
    regel: int = 1,
) -> Gelezen:
    """Read one v1 klant object (already decoded from JSON)."""
    return _lees(record, gemeente_tabel(gemeenten), positie, regel)


def _lees(
    record: object,
    gemeenten: Gemeentecode | dict[str, Gemeentecode],
    positie: int,
    regel: int,
) -> Gelezen:
    if not isinstance(record, dict):
        fout = Probleem("record", Probleemsoort.TYPE, f"verwacht een object, kreeg {_type(record)}")
        return Gelezen(positie, regel, None, None, (fout,))
    problemen: list[Probleem] = []
    record_id = next(
        (w for w in (record.get("uuid"), record.get("url")) if isinstance(w, str) and w), None
    )
    gemeente = _gemeente(record, gemeenten, problemen)
    nummer = None
    if _gegeven(record.get("klantnummer")):
        try:
            nummer = klantnummer(record["klantnummer"])
        except OngeldigeWaardeError as fout:
            problemen.append(probleem("klantnummer", fout))
    identificatieproblemen: list[Probleem] = []
    identificatie = _identificatie(record, identificatieproblemen)
    if problemen or identificatieproblemen or gemeente is None:
        # No registratie: the klantgegevens matter only for their problems, and the fast
        # path's checks may prove there are none without building them.
        if not _gegevens_zeker_geldig(record):
            _klantgegevens(record, problemen)
        problemen += identificatieproblemen
        return Gelezen(positie, regel, record_id, None, tuple(problemen), gemeente, identificatie)
    gegevens = _klantgegevens(record, problemen)
    if problemen:
        return Gelezen(positie, regel, record_id, None, tuple(problemen), gemeente, identificatie)
    registratie = Registratie(gemeente, gegevens, identificatie, klantnummer=nummer)
    return Gelezen(positie, regel, record_id, registratie, (), gemeente, identificatie)


def _type(waarde: object) -> str:
    namen = {dict: "een object", list: "een lijst", str: "tekst", bool: "een boolean"}
    if waarde is None:
        return "null"
    return namen.get(type(waarde), "een getal")


def _gemeente(
    record: dict[str, Any],
    gemeenten: Gemeentecode | dict[str, Gemeentecode],
    problemen: list[Probleem],
) -> Gemeentecode | None:
    if isinstance(gemeenten, Gemeentecode):
        return gemeenten
    bron = record.get("bronorganisatie")
    if isinstance(bron, str) and (code := gemeenten.get(Rsin.compact(bron))) is not None:
        return code
    problemen.append(
        Probleem(
            "bronorganisatie",
            Probleemsoort.GEMEENTE,
            f"{toon(bron)} staat niet in de tabel van bronorganisaties naar gemeenten",
        )
    )
    return None


def _klantgegevens(record: dict[str, Any], problemen: list[Probleem]) -> Klantgegevens | None:
    velden = {attr: record.get(v1) for v1, attr in _GEGEVENS.items()}
    adres = record.get("adres")
    if adres is not None and not isinstance(adres, dict):
        problemen.append(
            Probleem("adres", Probleemsoort.TYPE, f"verwacht een object, kreeg {_type(adres)}")
        )
        adres = None
    adresvelden = {
        attr: adres.get(v1) for v1, attr in _ADRES.items() if adres and _gegeven(adres.get(v1))
    }
    try:
        return Klantgegevens(**velden, adres=Adres(**adresvelden) if adresvelden else None)
    except OngeldigeWaardeError:
        pass
    # Check field by field, so that every problem is reported, not only the first.
    for attr, waarde in velden.items():
        if not _gegeven(waarde):
            continue  # nothing given, nothing wrong
        try:
            klantgegevensveld(attr, waarde)
        except OngeldigeWaardeError as fout:
            problemen.append(probleem(_V1_NAAM.get(fout.veld, fout.veld), fout))
    land = adresvelden.pop("land", "NL")
    try:
        Adres(land=land)
    except OngeldigeWaardeError as fout:
        problemen.append(probleem("adres.landcode", fout))
        land = "NL"
    for attr, waarde in adresvelden.items():
        try:
            Adres(**{attr: waarde, "land": land})
        except OngeldigeWaardeError as fout:
            problemen.append(probleem(_V1_NAAM.get(fout.veld, fout.veld), fout))
    return None


def _identificatie(record: dict[str, Any], problemen: list[Probleem]) -> Identificatie | None:
    subject_type = record.get("subjectType")
    si = record.get(_SI)
    if si is None:
        si = {}
    if not isinstance(si, dict):
        problemen.append(
            Probleem(_SI, Probleemsoort.TYPE, f"verwacht een object, kreeg {_type(si)}")
        )
        return None
    gegeven = {
        soort: [sleutel for sleutel in sleutels if _gegeven(si.get(sleutel))]
        for soort, sleutels in _SLEUTELS.items()
    }
    if not _gegeven(subject_type):
        if any(gegeven.values()):
            problemen.append(
                Probleem(
                    "subjectType", Probleemsoort.FORMAAT, "ontbreekt bij een subjectIdentificatie"
                )
            )
        elif _gegeven(record.get("subject")):
            problemen.append(_subject_zonder_sleutel())
        return None
    if subject_type not in _SUBJECTTYPES:
        problemen.append(
            Probleem(
                "subjectType",
                Probleemsoort.CODE,
                f"{toon(subject_type)} is niet natuurlijk_persoon, niet_natuurlijk_persoon "
                "of vestiging",
            )
        )
        return None
    _gemengd(gegeven, subject_type, problemen)
    aantal = len(problemen)
    waarden: dict[str, object] = {}
    if subject_type == "natuurlijk_persoon":
        _persoon(si, waarden, problemen)
    elif subject_type == "niet_natuurlijk_persoon":
        _inn_nnp_id(si.get("innNnpId"), waarden, problemen)
        _niet_over_te_nemen(si, "annIdentificatie", problemen)
    else:
        nummer = si.get("vestigingsNummer")
        _nummer(
            Vestigingsnummer,
            "vestigingsnummer",
            "vestigingsNummer",
            nummer,
            waarden=waarden,
            problemen=problemen,
        )
    if len(problemen) > aantal:
        return None
    if not waarden:
        if _gegeven(record.get("subject")):
            problemen.append(_subject_zonder_sleutel())
        return None
    soort = (
        Subjectsoort.NATUURLIJK_PERSOON
        if subject_type == "natuurlijk_persoon"
        else Subjectsoort.NIET_NATUURLIJK_PERSOON
    )
    return Identificatie(soort, **waarden)  # type: ignore[arg-type]


def _gemengd(gegeven: dict[str, list[str]], subject_type: str, problemen: list[Probleem]) -> None:
    """Report the identifying members of another subjectType (KLOK01 rule 3)."""
    for ander, sleutels in gegeven.items():
        if ander != subject_type and sleutels:
            problemen.append(
                Probleem(
                    f"{_SI}.{sleutels[0]}",
                    Probleemsoort.REGEL_3,
                    f"hoort niet bij subjectType {subject_type}; een klant is gerelateerd aan "
                    "een natuurlijk óf een niet-natuurlijk persoon",
                )
            )


def _persoon(si: dict[str, Any], waarden: dict[str, object], problemen: list[Probleem]) -> None:
    a_nummer = si.get("inpANummer")
    if not _gegeven(a_nummer):
        a_nummer = si.get("inpA_nummer")
    elif _gegeven(si.get("inpA_nummer")) and si.get("inpA_nummer") != a_nummer:
        problemen.append(
            Probleem(f"{_SI}.inpA_nummer", Probleemsoort.FORMAAT, "verschilt van inpANummer")
        )
    _nummer(Bsn, "bsn", "inpBsn", si.get("inpBsn"), waarden=waarden, problemen=problemen)
    _nummer(ANummer, "a_nummer", "inpANummer", a_nummer, waarden=waarden, problemen=problemen)
    _niet_over_te_nemen(si, "anpIdentificatie", problemen)


def _subject_zonder_sleutel() -> Probleem:
    return Probleem(
        "subject",
        Probleemsoort.NIET_OVER_TE_NEMEN,
        "verwijst naar een subject, maar subjectIdentificatie geeft geen BSN, A-nummer, "
        "KvK-nummer, RSIN of vestigingsnummer",
    )


def _niet_over_te_nemen(si: dict[str, Any], sleutel: str, problemen: list[Probleem]) -> None:
    if _gegeven(si.get(sleutel)):
        problemen.append(
            Probleem(
                f"{_SI}.{sleutel}",
                Probleemsoort.NIET_OVER_TE_NEMEN,
                "een nummer dat de gemeente zelf uitgaf: het register kan het niet opnemen",
            )
        )


def _nummer(
    cls: type[Bsn | ANummer | KvkNummer | Rsin | Vestigingsnummer],
    attr: str,
    v1_naam: str,
    waarde: object,
    *,
    waarden: dict[str, object],
    problemen: list[Probleem],
) -> None:
    if not _gegeven(waarde):
        return
    try:
        waarden[attr] = cls(waarde)  # type: ignore[arg-type]
    except OngeldigeWaardeError as fout:
        problemen.append(probleem(f"{_SI}.{v1_naam}", fout))


def _inn_nnp_id(waarde: object, waarden: dict[str, object], problemen: list[Probleem]) -> None:
    if not _gegeven(waarde):
        return
    veld = f"{_SI}.innNnpId"
    if not isinstance(waarde, str):
        problemen.append(
            Probleem(veld, Probleemsoort.TYPE, f"verwacht tekst, kreeg {_type(waarde)}")
        )
        return
    cijfers = Rsin.compact(waarde)
    if len(cijfers) == 8:
        _nummer(KvkNummer, "kvk_nummer", "innNnpId", waarde, waarden=waarden, problemen=problemen)
    elif len(cijfers) == 9:
        _nummer(Rsin, "rsin", "innNnpId", waarde, waarden=waarden, problemen=problemen)
    else:
        problemen.append(
            Probleem(
                veld,
                Probleemsoort.LENGTE,
                f"{toon(waarde)} heeft {len(cijfers)} tekens, verwacht 8 (KvK-nummer) of 9 (RSIN)",
            )
        )


# --- the check's fast path ------------------------------------------------------------
#
# A check reads every record, but of a valid one it needs only its id, gemeente and
# natural-person keys. ``kern`` proves a record valid with cheap tests, each a narrower
# rule than the value objects' own (ASCII patterns, text that Unicode normalisation
# leaves as it is), or with the very checks they run (identifiers, klantnummer). A
# record it cannot vouch for is left to ``_lees``, which says exactly what is wrong.
# tests/test_formats_kern.py checks that every record it accepts, ``_lees`` accepts
# with the same id, gemeente and keys.

#: v1 text fields checked for length and characters only, with their limits.
_KERN_TEKST = tuple(
    (v1, _KLANTGEGEVENS_REGELS[attr][0])
    for v1, attr in _GEGEVENS.items()
    if _KLANTGEGEVENS_REGELS[attr][1] is None
)
_KERN_ADRES_TEKST = tuple(
    (v1, _ADRES_REGELS[attr][0])
    for v1, attr in _ADRES.items()
    if attr in {"straatnaam", "woonplaatsnaam"}
)
# Narrower than the value objects' rules: what they accept beyond these is left to them.
_KERN_PATRONEN = (
    (
        "emailadres",
        _KLANTGEGEVENS_REGELS["emailadres"][0],
        re.compile(
            r"[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
            r"[A-Za-z]{2,63}"
        ).fullmatch,
    ),
    (
        "telefoonnummer",
        _KLANTGEGEVENS_REGELS["telefoonnummer"][0],
        # The value object's own pattern and its three digits, as written (not normalised).
        re.compile(r"(?=(?:[^0-9]*[0-9]){3})\+?[0-9(][0-9 ()./-]*").fullmatch,
    ),
    (
        "websiteUrl",
        _KLANTGEGEVENS_REGELS["website_url"][0],
        re.compile(r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?:[/?#][!-~]*)?").fullmatch,
    ),
)
_KERN_ADRES_PATRONEN = (
    ("huisletter", _ADRES_REGELS["huisletter"][0], _HUISLETTER.fullmatch),
    ("huisnummertoevoeging", _ADRES_REGELS["huisnummertoevoeging"][0], _TOEVOEGING.fullmatch),
    # A Dutch postcode, without the letters PostNL never issues (SA, SD, SS).
    (
        "postcode",
        _ADRES_REGELS["postcode"][0],
        re.compile(r"[1-9][0-9]{3} ?(?![Ss][AaDdSs])[A-Za-z]{2}").fullmatch,
    ),
)
#: What ``_gegeven`` calls not given (for hashable values).
_LEEG = frozenset({None, ""})
_ALLE_SLEUTELS = tuple(sleutel for sleutels in _SLEUTELS.values() for sleutel in sleutels)
# Identifying members the fast path leaves to the full reader whatever the subjectType.
_KERN_NIET = frozenset({"inpA_nummer", "anpIdentificatie", "annIdentificatie"})


class _Onzeker(Exception):  # noqa: N818 (a signal inside kern, never raised further)
    """The fast path cannot vouch for the record."""


def kern(record: object, gemeenten: Gemeentecode | dict[str, Gemeentecode]) -> Kern | None:
    """What a check needs of ``record`` when cheap tests prove it valid; else ``None``.

    ``None`` says only that the record needs the full reader (:func:`lees_klant`),
    not that it is invalid. ``gemeenten`` is a gemeentecode or a table from
    RSIN to gemeentecode, already validated.

    >>> id_, gemeente, sleutels = kern({"uuid": "k1", "voornaam": "Zoë",
    ...     "subjectType": "natuurlijk_persoon", "subjectIdentificatie": {"inpBsn": "111222333"}},
    ...     Gemeentecode("0363"))
    >>> id_, gemeente, [soort for soort, _ in sleutels]  # the keys hold the BSN in full
    ('k1', Gemeentecode('0363'), ['bsn'])
    """
    if record.__class__ is not dict:
        return None
    get = record.get
    gemeente: Gemeentecode | None = gemeenten if isinstance(gemeenten, Gemeentecode) else None
    try:
        if gemeente is None:
            bron = get("bronorganisatie")
            gemeente = gemeenten.get(Rsin.compact(bron))  # type: ignore[union-attr, arg-type]
            if gemeente is None:
                return None
        if get("klantnummer") not in _LEEG:
            klantnummer(get("klantnummer"))
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
    return id_, gemeente, sleutels


def _gegevens_zeker_geldig(record: dict[str, Any]) -> bool:
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
        if waarde in _LEEG:
            continue
        if not (
            waarde.__class__ is str
            and len(waarde) <= maximum
            and waarde.isprintable()
            # Printable text has no whitespace but the space, and collapsing spaces keeps NFC.
            and (waarde.isascii() or unicodedata.is_normalized("NFC", waarde))
        ):
            raise _Onzeker
    for veld, maximum, past in patronen:
        waarde = get(veld)
        if waarde in _LEEG:
            continue
        if waarde.__class__ is not str or len(waarde) > maximum or past(waarde) is None:
            raise _Onzeker


def _kern_adres(adres: Any) -> None:
    if adres.__class__ is not dict:
        raise _Onzeker
    get = adres.get
    if get("landcode") not in _KERN_LAND:
        raise _Onzeker  # a foreign address: its postcode has other rules
    _kern_velden(get, _KERN_ADRES_TEKST, _KERN_ADRES_PATRONEN)
    huisnummer = get("huisnummer")
    if huisnummer is not None and not (huisnummer.__class__ is int and 0 <= huisnummer <= 99999):
        raise _Onzeker


_KERN_LAND = frozenset({None, "", "NL"})


def _kern_sleutels(get: Any) -> tuple[tuple[str, str], ...] | None:
    """The record's natural-person keys; ``None`` when it has no identifying data."""
    subject_type = get("subjectType")
    si = get(_SI)
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
    # Without identifying data a record is zelfstandig, unless a subject URL points at
    # someone (which the full reader reports).
    if sleutels is None and get("subject") not in _LEEG:
        raise _Onzeker
    return sleutels


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
        tuple(s for s in _ALLE_SLEUTELS if s not in _SLEUTELS[soort] or s in _KERN_NIET),
        lezer,
    )
    for soort, lezer in (
        ("natuurlijk_persoon", _kern_persoon),
        ("niet_natuurlijk_persoon", _kern_niet_natuurlijk),
        ("vestiging", _kern_vestiging),
    )
}


# --- writing ------------------------------------------------------------------------


def naar_v1(klant: Klant, *, bronorganisatie: Rsin | str) -> dict[str, Any]:
    """The klant as a v1 ``Klant`` object; raises FormaatError where v1 would lose data.

    Text fields not given are written as ``""``, as the API does; ``uuid`` is the klant's id.
    """
    bron = Rsin.parse(bronorganisatie)
    gegevens = klant.klantgegevens
    weg = [naam for naam in ("voorletters", "voorkeurstaal") if getattr(gegevens, naam) is not None]
    adres = gegevens.adres
    if adres is not None:
        weg += [
            f"adres.{naam}"
            for naam in ("adresregel1", "adresregel2", "adresregel3")
            if getattr(adres, naam) is not None
        ]
    if weg:
        raise _niet_schrijfbaar(klant, f"Klanten API v1 heeft geen veld voor {', '.join(weg)}")
    uit: dict[str, Any] = {
        "uuid": str(klant.id),
        "bronorganisatie": bron.waarde,
        "klantnummer": klant.klantnummer,
        **{v1: getattr(gegevens, attr) or "" for v1, attr in _GEGEVENS.items()},
        "adres": None
        if adres is None
        else {
            v1: getattr(adres, attr)
            if attr in {"huisnummer", "land"}
            else getattr(adres, attr) or ""
            for v1, attr in _ADRES.items()
        },
    }
    uit.update(_subject(klant))
    return uit


def _niet_schrijfbaar(klant: Klant, reden: str) -> FormaatError:
    return FormaatError(f"klant {klant.id} past niet in dit formaat: {reden}")


def _subject(klant: Klant) -> dict[str, Any]:
    ident = klant.identificatie
    if ident is None:
        return {"subject": "", "subjectType": "", _SI: None}
    if ident.buitenlands is not None:
        raise _niet_schrijfbaar(klant, "Klanten API v1 kent geen buitenlands nummer")
    if ident.soort is Subjectsoort.NATUURLIJK_PERSOON:
        si = {
            "inpBsn": "" if ident.bsn is None else ident.bsn.waarde,
            "anpIdentificatie": "",
            "inpANummer": "" if ident.a_nummer is None else ident.a_nummer.waarde,
        }
        return {"subject": "", "subjectType": "natuurlijk_persoon", _SI: si}
    organisatie = [n for n in (ident.kvk_nummer, ident.rsin) if n is not None]
    if ident.vestigingsnummer is not None and not organisatie:
        return {
            "subject": "",
            "subjectType": "vestiging",
            _SI: {"vestigingsNummer": ident.vestigingsnummer.waarde},
        }
    if len(organisatie) == 1 and ident.vestigingsnummer is None:
        return {
            "subject": "",
            "subjectType": "niet_natuurlijk_persoon",
            _SI: {"innNnpId": organisatie[0].waarde, "annIdentificatie": ""},
        }
    raise _niet_schrijfbaar(
        klant,
        "een v1-subject heeft één innNnpId (KvK-nummer of RSIN) of één vestigingsNummer",
    )


def schrijf(klanten: Iterable[Klant], bestand: IO[str], *, bronorganisatie: Rsin | str) -> int:
    """Write the klanten as v1 objects, one per line (JSON Lines); the number written."""
    return schrijf_regels((naar_v1(k, bronorganisatie=bronorganisatie) for k in klanten), bestand)
