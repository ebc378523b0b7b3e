"""A klant as SQL rows and back: the ``klant`` row and its key rows, for both SQL adapters.

The columns are those of :data:`~klantregister.storage.schema.KLANT_KOLOMMEN`.
"""

from __future__ import annotations

import datetime
import functools
import json
import operator
import uuid
from collections.abc import Sequence
from typing import Any

from klantregister.domain import (
    GEEN_KENMERKEN,
    GEEN_KLANTGEGEVENS,
    BuitenlandsNummer,
    Herkomst,
    Identificatie,
    Kenmerken,
    Klant,
    KlantregisterError,
    OpslagError,
    herkomst_naar_dict,
    herkomst_uit_dict,
    klantgegevens_naar_dict,
    klantgegevens_uit_dict,
    klok01,
    maskeer,
    toon,
    typefout,
    vertrouwd,
    zoeksleutels,
)
from klantregister.storage.schema import NUMMERKOLOMMEN

__all__ = [
    "Sleutelrij",
    "buitenlands_kolommen",
    "klant_rijen",
    "klant_uit_rij",
    "klant_uit_rij_gecontroleerd",
    "klant_uit_rij_vertrouwd",
    "zoekrijen",
]

#: A key row: gemeente, soort, waarde, klant_id.
Sleutelrij = tuple[str, str, str, str]
_GEEN_IDENTIFICATIE = (None,) * (1 + len(NUMMERKOLOMMEN) + 4)
# The kenmerken columns of a klant that has none: partijsoort, actief, geheimhouding,
# werkt_voor.
_GEEN_KENMERKEN = (None, True, None, None)
_NUMMERS = operator.attrgetter(*NUMMERKOLOMMEN)
# Where the numbers stand in a klant row.
_EERSTE_NUMMER = 6
_NA_NUMMERS = _EERSTE_NUMMER + len(NUMMERKOLOMMEN)


def buitenlands_kolommen(nummer: BuitenlandsNummer) -> tuple[str, str, str]:
    return nummer.land, nummer.register, nummer.nummer


def _kenmerken(kenmerken: Kenmerken) -> tuple[Any, ...]:
    if kenmerken is GEEN_KENMERKEN:
        return _GEEN_KENMERKEN
    soort = kenmerken.soort
    werkt_voor = kenmerken.werkt_voor
    return (
        None if soort is None else soort.value,
        kenmerken.actief,
        kenmerken.geheimhouding,
        None if werkt_voor is None else str(werkt_voor),
    )


#: ``json.dumps(..., ensure_ascii=False)`` without building an encoder for every klant.
_SCHRIJF_JSON = json.JSONEncoder(ensure_ascii=False).encode


# A batch's klanten often share one herkomst (an import takes every record over with one
# Overname; a gemeente's staff register many with one authentication of an employee's):
# its text is made once, and a stored text read once, while it recurs. Values are
# immutable, so a klant may share its herkomst with others.
@functools.lru_cache(maxsize=256)
def herkomst_tekst(herkomst: Herkomst) -> str:
    """The herkomst as the ``herkomst`` column holds it: the JSON of its dict."""
    return _SCHRIJF_JSON(herkomst_naar_dict(herkomst))


@functools.lru_cache(maxsize=1024)
def herkomst_uit_tekst(tekst: str) -> Herkomst:
    """The herkomst a ``herkomst`` column holds, every value validated."""
    return herkomst_uit_dict(_json(tekst))


def _herkomst_uit(waarde: object) -> Herkomst | None:
    # As text (the adapters read it so), or as the driver decoded a jsonb value.
    if waarde is None:
        return None
    return herkomst_uit_tekst(waarde) if type(waarde) is str else herkomst_uit_dict(waarde)


def _json(waarde: object) -> object:
    # SQLite and the reads of PostgreSQL give the column's text; anything else is read as is.
    return json.loads(waarde) if isinstance(waarde, str) else waarde


def _data(klant: Klant) -> tuple[str | None, str | None]:
    """The ``geregistreerd_op`` and ``bewaren_tot`` columns: ISO text, which SQLite keeps
    and PostgreSQL takes for its ``date``."""
    op, tot = klant.geregistreerd_op, klant.bewaren_tot
    return (None if op is None else op.isoformat(), None if tot is None else tot.isoformat())


def _datum_uit(waarde: object) -> datetime.date | None:
    # SQLite gives the text written, PostgreSQL a date.
    if waarde is None or waarde.__class__ is datetime.date:
        return waarde
    if type(waarde) is not str:
        raise typefout("datum", "een datum", waarde)
    return datetime.date.fromisoformat(waarde)


def zoekrijen(klant: Klant) -> list[Sleutelrij]:
    """The ``zoeksleutel`` rows (gemeente, soort, waarde, klant_id) of a klant's contact
    data: what ``zoek_op_gegevens`` finds it by."""
    if klant.klantgegevens is GEEN_KLANTGEGEVENS:
        return []
    gemeente, klant_id = klant.gemeente.waarde, str(klant.id)
    return [
        (gemeente, soort, waarde, klant_id) for soort, waarde in zoeksleutels(klant.klantgegevens)
    ]


def klant_rijen(klant: Klant) -> tuple[tuple[Any, ...], list[Sleutelrij], list[Sleutelrij]]:
    """The ``klant`` row (columns as :data:`KLANT_KOLOMMEN`) and the person and
    organisation key rows (gemeente, soort, waarde, klant_id) of one klant.

    Written flat, without helper calls: the bulk path runs it once per klant.
    """
    klant_id = str(klant.id)
    gemeente = klant.gemeente.waarde
    gegevens = (
        "{}"
        if klant.klantgegevens is GEEN_KLANTGEGEVENS
        else _SCHRIJF_JSON(klantgegevens_naar_dict(klant.klantgegevens))
    )
    identificatie = klant.identificatie
    if identificatie is None:
        return (
            (
                klant_id,
                gemeente,
                klant.klantnummer,
                klant.versie,
                gegevens,
                *_GEEN_IDENTIFICATIE[:-1],
                klant.bron,
                None,
                *_kenmerken(klant.kenmerken),
                None,
                *_data(klant),
            ),
            [],
            [],
        )
    buitenlands = identificatie.buitenlands
    subject_url = identificatie.subject_url
    rij: tuple[Any, ...] = (
        klant_id,
        gemeente,
        klant.klantnummer,
        klant.versie,
        gegevens,
        identificatie.soort.value,
        *(None if nummer is None else nummer.waarde for nummer in _NUMMERS(identificatie)),
        *((None, None, None) if buitenlands is None else buitenlands_kolommen(buitenlands)),
        klant.bron,
        None if subject_url is None else subject_url.waarde,
        *_kenmerken(klant.kenmerken),
        None if klant.herkomst is None else herkomst_tekst(klant.herkomst),
        *_data(klant),
    )
    # The key rows from the values at hand, in the order of Identificatie.identificatoren.
    sleutels = [
        (gemeente, soort, waarde, klant_id)
        for soort, waarde in zip(NUMMERKOLOMMEN, rij[_EERSTE_NUMMER:_NA_NUMMERS], strict=True)
        if waarde is not None
    ]
    if buitenlands is not None:
        sleutels.append((gemeente, *klok01.sleutel(buitenlands), klant_id))
    if subject_url is not None:
        sleutels.append((gemeente, *klok01.sleutel(subject_url), klant_id))
    # Rule 1 says whose keys are a person's, held by one klant; the others any number.
    if identificatie.persoonssleutels:
        return rij, sleutels, []
    return rij, [], sleutels


def klant_uit_rij(rij: Sequence[Any]) -> Klant:
    """A klant from its row, as this library wrote it: the values' types and shape are
    checked, not every rule again (:mod:`klantregister.domain.vertrouwd`).

    A row that is not as written (changed by hand) is read by
    :func:`klant_uit_rij_gecontroleerd`, which normalises what it can; a row that cannot
    be read raises :class:`~klantregister.OpslagError` naming the klant and what is wrong.
    """
    try:
        return klant_uit_rij_vertrouwd(rij)
    except _ONLEESBAAR:
        return klant_uit_rij_gecontroleerd(rij)


def klant_uit_rij_vertrouwd(rij: Sequence[Any]) -> Klant:
    """:func:`klant_uit_rij` without the way back: raises
    :class:`~klantregister.domain.vertrouwd.Afwijking` (or another of the errors a
    malformed value can raise) for a row that is not as this library writes it."""
    klant_id, gemeente, klantnummer, versie, gegevens, soort = rij[:_EERSTE_NUMMER]
    (
        land,
        register,
        nummer,
        bron,
        subject_url,
        partijsoort,
        actief,
        geheimhouding,
        werkt_voor,
        herkomst,
        geregistreerd_op,
        bewaren_tot,
    ) = rij[_NA_NUMMERS:]
    if type(gegevens) is str:
        gegevens = _json_object(gegevens)
    identificatie = None
    if soort is not None:
        identificatie = vertrouwd.identificatie_uit(
            soort,
            rij[_EERSTE_NUMMER:_NA_NUMMERS],
            None
            if land is None and register is None and nummer is None
            else (land, register, nummer),
            subject_url,
        )
    id_ = vertrouwd.uuid_uit(klant_id)
    return vertrouwd.klant_uit(
        id_,
        gemeente,
        klantnummer,
        vertrouwd.klantgegevens_uit(gegevens),
        identificatie,
        versie=versie,
        bron=bron,
        kenmerken=vertrouwd.kenmerken_uit(partijsoort, actief, geheimhouding, werkt_voor),
        herkomst=_herkomst_uit(herkomst),
        geregistreerd_op=_datum_uit(geregistreerd_op),
        bewaren_tot=_datum_uit(bewaren_tot),
    )


def klant_uit_rij_gecontroleerd(rij: Sequence[Any]) -> Klant:
    """A klant from its row, every value checked again by the value objects (and
    normalised); :class:`~klantregister.OpslagError` for a row that cannot be read."""
    try:
        return _klant_uit_rij(rij)
    except _ONLEESBAAR as fout:
        raise OpslagError(
            f"klant {_klant_in_melding(rij)} is onleesbaar opgeslagen: {_reden(fout)}"
        ) from None


#: What reading a malformed value can raise: the domain's errors, and those of a value of
#: a wrong type or shape given to a converter.
_ONLEESBAAR = (KlantregisterError, ValueError, TypeError, LookupError, AttributeError)


def _json_object(tekst: str) -> Any:
    # The text as klant_rijen wrote it: no white space around the value, which
    # JSONDecoder.decode would look for with two matches.
    waarde, einde = _JSON.raw_decode(tekst)
    if einde != len(tekst):
        raise vertrouwd.Afwijking("klantgegevens")
    return waarde


_JSON = json.JSONDecoder()


def _klant_in_melding(rij: Sequence[Any]) -> str:
    """The klant's id as a message names it: a UUID is no personal data; anything else in
    that column may be, and is quoted masked."""
    waarde = rij[0] if rij else None
    if isinstance(waarde, uuid.UUID):
        return str(waarde)
    if isinstance(waarde, str):
        try:
            return str(uuid.UUID(waarde))
        except ValueError:
            pass
    return f"met id {toon(waarde)}"


def _reden(fout: Exception) -> str:
    if isinstance(fout, json.JSONDecodeError):
        # Its message says where, never what: the text may hold personal data.
        return f"klantgegevens is geen JSON ({fout.msg}, teken {fout.pos + 1})"
    if isinstance(fout, KlantregisterError):
        return str(fout)  # the domain's messages mask personal numbers themselves
    return maskeer(f"{type(fout).__name__}: {fout}")


def _klant_uit_rij(rij: Sequence[Any]) -> Klant:
    klant_id, gemeente, klantnummer, versie, gegevens, soort = rij[:_EERSTE_NUMMER]
    land, register, nummer, bron, subject_url, *kenmerken, herkomst, op, tot = rij[_NA_NUMMERS:]
    if isinstance(gegevens, str):
        gegevens = json.loads(gegevens)
    if not isinstance(gegevens, dict):
        raise typefout("klantgegevens", "een object", gegevens)
    identificatie = None
    if soort is not None:
        identificatie = Identificatie(
            soort,
            **dict(zip(NUMMERKOLOMMEN, rij[_EERSTE_NUMMER:_NA_NUMMERS], strict=True)),
            buitenlands=None if land is None else BuitenlandsNummer(land, register, nummer),
            subject_url=subject_url,
        )
    return Klant(
        klant_id,
        gemeente,
        klantnummer,
        klantgegevens_uit_dict(gegevens),
        identificatie,
        versie,
        bron=bron,
        kenmerken=_kenmerken_uit(*kenmerken),
        herkomst=None if herkomst is None else herkomst_uit_dict(_json(herkomst)),
        geregistreerd_op=_datum_uit(op),
        bewaren_tot=_datum_uit(tot),
    )


def _kenmerken_uit(soort: Any, actief: Any, geheimhouding: Any, werkt_voor: Any) -> Kenmerken:
    # SQLite gives its truth values as 0 and 1, PostgreSQL as bools.
    actief = bool(actief)
    if soort is None and actief and geheimhouding is None:
        return GEEN_KENMERKEN  # werkt_voor is given only with a soort
    return Kenmerken(
        soort,
        actief,
        None if geheimhouding is None else bool(geheimhouding),
        None if werkt_voor is None else str(werkt_voor),
    )
