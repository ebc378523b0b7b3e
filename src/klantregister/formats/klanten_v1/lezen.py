"""Reading v1 ``Klant`` objects: every problem of a record, by v1's own field names."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from klantregister.domain import (
    Adres,
    ANummer,
    Bsn,
    Gemeentecode,
    Identificatie,
    Klantgegevens,
    KvkNummer,
    OngeldigeWaardeError,
    Rsin,
    Subjectsoort,
    SubjectUrl,
    Vestigingsnummer,
    codelijsten,
    klantgegevensveld,
    klok01,
    nieuwe_registratie,
    toon,
    toon_openbaar,
    velden,
)
from klantregister.formats.herkenning import vreemd_formaat
from klantregister.formats.klanten_v1.kern import gegevens_zeker_geldig, leden_niet_overgenomen
from klantregister.formats.klanten_v1.namen import (
    ADRES,
    GEGEVENS,
    MAX_KLANTNUMMER_V1,
    SI,
    SLEUTELS,
    SUBJECT_LEDEN,
    SUBJECTTYPES,
    V1_NAAM,
    VELDEN,
)
from klantregister.formats.resultaat import (
    Gelezen,
    Gemeenten,
    Probleem,
    Probleemsoort,
    gegeven,
    gemeente_tabel,
    lees_herkomst,
    lees_klantnummer,
    lees_met,
    niet_overgenomen,
    probleem,
    record_id,
    typeprobleem,
)
from klantregister.formats.stream import Bron

__all__ = ["lees", "lees_klant", "lezer"]


def lees(
    bron: Bron, *, gemeenten: Gemeenten | None = None, naam: str | None = None
) -> Iterator[Gelezen]:
    """Read every v1 klant of ``bron`` (an array, a page or JSON Lines; streamed).

    Raises :class:`~klantregister.FormaatError` when no gemeente is given (before
    reading anything) or the input is not readable; a record that cannot be
    taken over is yielded with its problems.
    """
    return lees_met(bron, lezer(gemeenten), naam)


def lezer(gemeenten: Gemeenten | None) -> Callable[[object, int, int], Gelezen]:
    """A reader of decoded v1 records, ``lees(record, positie, regel)``, for ``gemeenten``.

    The gemeente or table is validated once, here; what :func:`lees` uses per record.
    """
    tabel = gemeente_tabel(gemeenten)
    return lambda record, positie, regel: _lees(record, tabel, positie, regel)


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
        fout = typeprobleem("record", "een object", record)
        return Gelezen(positie, regel, None, None, (fout,))
    id_ = record_id(record)
    if (reden := vreemd_formaat(record, "klanten_v1", VELDEN)) is not None:
        fout = Probleem("record", Probleemsoort.FORMAAT, reden)
        return Gelezen(positie, regel, id_, None, (fout,))
    problemen: list[Probleem] = []
    klant_id, bron = lees_herkomst(record, problemen)
    gemeente = _gemeente(record, gemeenten, problemen)
    nummer = lees_klantnummer(record, "klantnummer", problemen)
    if nummer is not None and len(nummer) > MAX_KLANTNUMMER_V1:
        problemen.append(
            Probleem(
                "klantnummer",
                Probleemsoort.LENGTE,
                f"{len(nummer)} tekens, verwacht 1 tot en met {MAX_KLANTNUMMER_V1}",
            )
        )
        nummer = None
    identificatieproblemen: list[Probleem] = []
    identificatie = _identificatie(record, identificatieproblemen)
    # The notes whether or not the record has problems: what it holds that would not be
    # taken over once they are solved (what the fast path gives, beside the vestiging's).
    opmerkingen = leden_niet_overgenomen(record)
    vestiging = record.get("subjectType") == "vestiging"
    if vestiging and identificatie is not None and identificatie.vestigingsnummer is None:
        opmerkingen = (_VESTIGING_NIET_OVERGENOMEN, *opmerkingen)
    if problemen or identificatieproblemen or gemeente is None:
        # No registratie: the klantgegevens matter only for their problems, and the fast
        # path's checks may prove there are none without building them.
        if not gegevens_zeker_geldig(record):
            _klantgegevens(record, problemen)
        problemen += identificatieproblemen
        return Gelezen(
            positie, regel, id_, None, tuple(problemen), gemeente, identificatie, opmerkingen
        )
    gegevens = _klantgegevens(record, problemen)
    if problemen or gegevens is None:
        return Gelezen(
            positie, regel, id_, None, tuple(problemen), gemeente, identificatie, opmerkingen
        )
    # Every part is validated above: no converter need run again.
    registratie = nieuwe_registratie(
        gemeente, gegevens, identificatie, klantnummer=nummer, id=klant_id, bron=bron
    )
    return Gelezen(positie, regel, id_, registratie, (), gemeente, identificatie, opmerkingen)


#: A vestiging known by its subject URL alone: the register keeps the URL as that of a
#: niet-natuurlijk persoon (only a vestigingsnummer says it is a vestiging).
_VESTIGING_NIET_OVERGENOMEN = niet_overgenomen(
    "subjectType",
    "vestiging wordt niet overgenomen: zonder vestigingsNummer houdt het register de "
    "subject-URL als die van een niet-natuurlijk persoon (en schrijft hem zo terug)",
)


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
            # A valid RSIN here is a source organisation's (a gemeente's), no personal
            # data: in full, so the user sees which one to add. Anything else may be a
            # BSN in the wrong field: masked.
            f"{toon_openbaar(bron) if Rsin.is_valid(bron) else toon(bron)} staat niet in de "
            "tabel van bronorganisaties naar gemeenten",
        )
    )
    return None


def _klantgegevens(record: dict[str, Any], problemen: list[Probleem]) -> Klantgegevens | None:
    velden = {attr: record.get(v1) for v1, attr in GEGEVENS.items()}
    adres = record.get("adres")
    if adres is not None and not isinstance(adres, dict):
        problemen.append(typeprobleem("adres", "een object", adres))
        adres = None
    adresvelden = {
        attr: adres.get(v1) for v1, attr in ADRES.items() if adres and gegeven(adres.get(v1))
    }
    landcode_fout = _landcode_fout(adresvelden.get("land"))
    if landcode_fout is not None:
        problemen.append(landcode_fout)
        del adresvelden["land"]  # the other fields are checked as a Dutch address's
    else:
        try:
            return Klantgegevens(**velden, adres=Adres(**adresvelden) if adresvelden else None)
        except OngeldigeWaardeError:
            pass
    # Check field by field, so that every problem is reported, not only the first.
    for attr, waarde in velden.items():
        if not gegeven(waarde):
            continue  # nothing given, nothing wrong
        try:
            klantgegevensveld(attr, waarde)
        except OngeldigeWaardeError as fout:
            problemen.append(probleem(V1_NAAM.get(fout.veld, fout.veld), fout))
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
            problemen.append(probleem(V1_NAAM.get(fout.veld, fout.veld), fout))
    return None


def _landcode_fout(waarde: object) -> Probleem | None:
    """What is wrong with a v1 ``landcode`` that is not a Tabel 34 code, where
    :class:`~klantregister.Adres` would take it (an ISO code); ``None`` otherwise."""
    if not isinstance(waarde, str) or _BRP_LANDCODE.fullmatch(waarde.strip()):
        return None  # Adres says what is wrong with anything else
    land = codelijsten.land(waarde.strip())
    if land is None:
        return None
    code = codelijsten.brp_landcode(land)
    return Probleem(
        "adres.landcode",
        Probleemsoort.CODE,
        f"{toon(waarde)} is een ISO 3166-1-code; de Klanten API v1 verwacht een code van de "
        "BRP Landentabel (Tabel 34)" + (f", voor {land} {code}" if code is not None else ""),
    )


_BRP_LANDCODE = re.compile(velden.BRP_LANDCODE)


def _identificatie(record: dict[str, Any], problemen: list[Probleem]) -> Identificatie | None:
    subject_type = record.get("subjectType")
    waarden: dict[str, object] = {}
    # The URL first: what is wrong with it is reported whatever else the record holds.
    subject_geldig = _subject_url(record.get("subject"), waarden, problemen)
    si = record.get(SI)
    if si is None:
        si = {}
    if not isinstance(si, dict):
        problemen.append(typeprobleem(SI, "een object", si))
        return None
    # Most records give one or two numbers: look only at the members there are.
    aanwezig = si.keys() & SUBJECT_LEDEN
    per_soort = {
        soort: [sleutel for sleutel in sleutels if gegeven(si.get(sleutel))]
        if aanwezig and not aanwezig.isdisjoint(sleutels)
        else []
        for soort, sleutels in SLEUTELS.items()
    }
    if not gegeven(subject_type):
        if any(per_soort.values()):
            problemen.append(
                Probleem(
                    "subjectType", Probleemsoort.FORMAAT, "ontbreekt bij een subjectIdentificatie"
                )
            )
        elif gegeven(record.get("subject")):
            problemen.append(_SUBJECT_ZONDER_SOORT)
        return None
    if subject_type not in SUBJECTTYPES:
        problemen.append(
            Probleem(
                "subjectType",
                Probleemsoort.CODE,
                f"{toon(subject_type)} is niet natuurlijk_persoon, niet_natuurlijk_persoon "
                "of vestiging",
            )
        )
        return None
    _gemengd(per_soort, subject_type, problemen)
    aantal = len(problemen)
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
    if len(problemen) > aantal or not subject_geldig or not waarden:
        return None
    soort = (
        Subjectsoort.NATUURLIJK_PERSOON
        if subject_type == "natuurlijk_persoon"
        else Subjectsoort.NIET_NATUURLIJK_PERSOON
    )
    return Identificatie(soort, **waarden)  # type: ignore[arg-type]


def _subject_url(waarde: object, waarden: dict[str, object], problemen: list[Probleem]) -> bool:
    """Put the ``subject`` in ``waarden`` as ``subject_url``, if one is given; whether it is
    valid (or not given). What is wrong with it is a problem, its value masked."""
    if not gegeven(waarde):
        return True
    if not isinstance(waarde, str):
        problemen.append(typeprobleem("subject", "tekst", waarde))
        return False
    try:
        waarden["subject_url"] = SubjectUrl(waarde)
    except OngeldigeWaardeError as fout:
        problemen.append(probleem("subject", fout))
        return False
    return True


#: A ``subject`` without a ``subjectType``: the URL alone does not say whose it is.
_SUBJECT_ZONDER_SOORT = Probleem(
    "subjectType",
    Probleemsoort.NIET_OVER_TE_NEMEN,
    "ontbreekt bij een subject: zonder subjectType is niet te zeggen of de URL een natuurlijk "
    "persoon, een niet-natuurlijk persoon of een vestiging aanwijst",
)


def _gemengd(per_soort: dict[str, list[str]], subject_type: str, problemen: list[Probleem]) -> None:
    """Report the identifying members of another subjectType (KLOK01 rule 3)."""
    for ander, sleutels in per_soort.items():
        if ander != subject_type and sleutels:
            problemen.append(
                Probleem(
                    f"{SI}.{sleutels[0]}",
                    Probleemsoort.REGEL_3,
                    f"hoort niet bij subjectType {subject_type}; {klok01.REGEL_3}",
                )
            )


def _persoon(si: dict[str, Any], waarden: dict[str, object], problemen: list[Probleem]) -> None:
    a_nummer = si.get("inpANummer")
    if not gegeven(a_nummer):
        a_nummer = si.get("inpA_nummer")
    elif gegeven(si.get("inpA_nummer")) and si.get("inpA_nummer") != a_nummer:
        problemen.append(
            Probleem(f"{SI}.inpA_nummer", Probleemsoort.FORMAAT, "verschilt van inpANummer")
        )
    _nummer(Bsn, "bsn", "inpBsn", si.get("inpBsn"), waarden=waarden, problemen=problemen)
    _nummer(ANummer, "a_nummer", "inpANummer", a_nummer, waarden=waarden, problemen=problemen)
    _niet_over_te_nemen(si, "anpIdentificatie", problemen)


def _niet_over_te_nemen(si: dict[str, Any], sleutel: str, problemen: list[Probleem]) -> None:
    if gegeven(si.get(sleutel)):
        problemen.append(
            Probleem(
                f"{SI}.{sleutel}",
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
    if not gegeven(waarde):
        return
    try:
        waarden[attr] = cls(waarde)  # type: ignore[arg-type]
    except OngeldigeWaardeError as fout:
        problemen.append(probleem(f"{SI}.{v1_naam}", fout))


def _inn_nnp_id(waarde: object, waarden: dict[str, object], problemen: list[Probleem]) -> None:
    if not gegeven(waarde):
        return
    veld = f"{SI}.innNnpId"
    if not isinstance(waarde, str):
        problemen.append(typeprobleem(veld, "tekst", waarde))
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
