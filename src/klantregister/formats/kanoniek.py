"""The library's own JSON for a :class:`~klantregister.Klant`, versioned and lossless.

>>> import uuid
>>> from klantregister import Klant
>>> klant = Klant(uuid.UUID(int=1), "0363", "K1")
>>> naar_dict(klant)["formaat"], naar_dict(klant)["formaatversie"]
('klantregister/klant', 4)
>>> uit_dict(naar_dict(klant)) == klant
True

``formaatversie`` is the version of this format; ``versie`` is the klant's own
(optimistic concurrency). Version 2 added ``bron`` (the URL of the record the klant
was imported from), version 3 ``kenmerken`` (soort of party, active, secrecy; only
what says something, ``{}`` for a klant without) and ``identificatie.subject_url``,
version 4 ``herkomst`` (what the identificatie was recorded with: an ``"authenticatie"``
with its level, means, subject and namens, or an ``"overname"`` with its source; ``null``
for a zelfstandige klant or one whose herkomst is not known) and the retention dates
``geregistreerd_op`` and ``bewaren_tot`` (``"YYYY-MM-DD"`` or ``null``); versions 1 to 3
are read still. A reader refuses a format version it does not know.

:func:`lees` reads a JSON Lines file of them for ``klantregister check`` and
``import --invoer kanoniek``: each record becomes a registratie with the klant's own
id, gemeente, klantnummer, klantgegevens, identificatie, bron and dates; ``versie`` counts
the changes in the register it came from, and starts again at 1. The kenmerken come
along. The identificatie is taken over (:class:`~klantregister.Overname`), not
authenticated anew: a record's herkomst that is an overname is kept, one that is an
authentication becomes an overname from ``klantregister/klant`` at the level it reached.
"""

from __future__ import annotations

import datetime
import json
import json.encoder
import operator
import re
from collections.abc import Callable, Iterator
from typing import Any

from klantregister.domain import (
    GEEN_KENMERKEN,
    Authenticatie,
    FormaatError,
    Gemeentecode,
    Herkomst,
    Identificatie,
    Klant,
    KlantregisterError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    Overname,
    Registratie,
    als_klant,
    herkomst_naar_dict,
    herkomst_uit_dict,
    identificatie_naar_dict,
    identificatie_uit_dict,
    kenmerken_naar_dict,
    kenmerken_uit_dict,
    klantgegevens_naar_dict,
    klantgegevens_uit_dict,
    toon,
    typefout,
)
from klantregister.domain.klok01 import NUMMERSOORTEN
from klantregister.formats.herkenning import FORMAAT, KENMERKEN, vreemd_formaat
from klantregister.formats.jsontekst import json_codeerder
from klantregister.formats.resultaat import (
    Gelezen,
    Gemeenten,
    Probleem,
    Probleemsoort,
    gemeente_tabel,
    lees_met,
    probleem,
    typeprobleem,
)
from klantregister.formats.stream import Bron

__all__ = [
    "FORMAAT",
    "FORMAATVERSIE",
    "FORMAATVERSIES",
    "identificatie_naar_dict",
    "identificatie_uit_dict",
    "klantgegevens_naar_dict",
    "klantgegevens_uit_dict",
    "lees",
    "lezer",
    "naar_dict",
    "regel",
    "uit_dict",
]

#: The version of the format this release writes.
FORMAATVERSIE = 4
#: The versions it reads.
FORMAATVERSIES = (1, 2, 3, 4)
#: Every member of a record of this format.
VELDEN = frozenset(
    {"formaat", "formaatversie", "id", "gemeente", "klantnummer", "versie", "bron"}
    | {"klantgegevens", "identificatie", "kenmerken", "herkomst"}
    | {"geregistreerd_op", "bewaren_tot"}
)
#: The members each version added.
_NIEUW_IN = {2: {"bron"}, 3: {"kenmerken"}, 4: {"herkomst", "geregistreerd_op", "bewaren_tot"}}


def naar_dict(klant: Klant) -> dict[str, Any]:
    """The klant as a JSON-ready dict of this format. Holds the identifiers in full."""
    als_klant(klant)
    return {
        "formaat": FORMAAT,
        "formaatversie": FORMAATVERSIE,
        "id": str(klant.id),
        "gemeente": klant.gemeente.waarde,
        "klantnummer": klant.klantnummer,
        "versie": klant.versie,
        "klantgegevens": klantgegevens_naar_dict(klant.klantgegevens),
        "identificatie": None
        if klant.identificatie is None
        else identificatie_naar_dict(klant.identificatie),
        "bron": klant.bron,
        "kenmerken": kenmerken_naar_dict(klant.kenmerken),
        "herkomst": None if klant.herkomst is None else herkomst_naar_dict(klant.herkomst),
        "geregistreerd_op": _dag(klant.geregistreerd_op),
        "bewaren_tot": _dag(klant.bewaren_tot),
    }


def _dag(datum: datetime.date | None) -> str | None:
    return None if datum is None else datum.isoformat()


def _dag_uit(veld: str, waarde: object) -> datetime.date | None:
    """A date as this format writes it: ``YYYY-MM-DD``, or ``null``."""
    if waarde is None:
        return None
    if not isinstance(waarde, str) or not _DAG.fullmatch(waarde):
        raise OngeldigFormaatError(veld, f"{toon(waarde)} is geen datum (JJJJ-MM-DD)")
    try:
        return datetime.date.fromisoformat(waarde)
    except ValueError:
        pass  # raised below, without the standard library's error as its context
    raise OngeldigFormaatError(veld, f"{toon(waarde)} is geen bestaande datum")


_DAG = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def regel(klant: Klant) -> str:
    """The klant as one line of this format: the JSON text of :func:`naar_dict`, as
    ``json.dumps(naar_dict(klant), ensure_ascii=False, allow_nan=False)`` writes it, byte
    for byte (a test holds the two equal for every klant).

    ``export --format jsonl`` writes every klant this way: the members of a klant that
    are the same in every line are written as text, and the others by the json module's
    own encoders, without building the dict around them first.

    >>> import uuid
    >>> from klantregister import Klant
    >>> klant = Klant(uuid.UUID(int=1), "0363", "K1")
    >>> regel(klant) == json.dumps(naar_dict(klant), ensure_ascii=False)
    True
    """
    identificatie = als_klant(klant).identificatie
    bron = klant.bron
    kenmerken = klant.kenmerken
    herkomst = klant.herkomst
    return (
        f"{_BEGIN}{klant.id}{_GEMEENTE}{klant.gemeente.waarde}{_KLANTNUMMER}"
        f"{_TEKST(klant.klantnummer)}{_VERSIE}{int.__repr__(klant.versie)}{_KLANTGEGEVENS}"
        f"{_JSON(klantgegevens_naar_dict(klant.klantgegevens))}{_IDENTIFICATIE}"
        f"{'null' if identificatie is None else _identificatie_tekst(identificatie)}"
        f"{_BRON}{'null' if bron is None else _TEKST(bron)}{_KENMERKEN}"
        f"{'{}' if kenmerken is GEEN_KENMERKEN else _JSON(kenmerken_naar_dict(kenmerken))}"
        f"{_HERKOMST}{'null' if herkomst is None else _herkomst_tekst(herkomst)}"
        f"{_GEREGISTREERD_OP}{_dag_tekst(klant.geregistreerd_op)}"
        f"{_BEWAREN_TOT}{_dag_tekst(klant.bewaren_tot)}}}"
    )


def _identificatie_tekst(identificatie: Identificatie) -> str:
    """The JSON of :func:`identificatie_naar_dict`. An identificatie of numbers only (most
    are: a BSN, a KvK-nummer) is written around them: ASCII digits, and a soort, that
    JSON writes as they are."""
    if identificatie.buitenlands is not None or identificatie.subject_url is not None:
        return _JSON(identificatie_naar_dict(identificatie))
    nummers = "".join(
        f'{label}{nummer.waarde}"'
        for label, nummer in zip(_NUMMERLABELS, _NUMMERS(identificatie), strict=True)
        if nummer is not None
    )
    return f'{{"soort": "{identificatie.soort.value}"{nummers}}}'


# The herkomst last written and its text: a batch's klanten share one herkomst (an import
# takes every record over with one Overname, and the reader gives a text read before the
# same object), so it is encoded once while it recurs. One tuple, read and replaced whole.
_VORIGE_HERKOMST: tuple[Herkomst | None, str] = (None, "null")


def _herkomst_tekst(herkomst: Herkomst) -> str:
    global _VORIGE_HERKOMST  # noqa: PLW0603 - a cache of one, replaced whole
    vorige, tekst = _VORIGE_HERKOMST
    if herkomst is not vorige:
        tekst = _JSON(herkomst_naar_dict(herkomst))
        _VORIGE_HERKOMST = (herkomst, tekst)
    return tekst


def _dag_tekst(datum: datetime.date | None) -> str:
    return "null" if datum is None else f'"{datum.isoformat()}"'


# The encoder json.dumps(..., ensure_ascii=False, allow_nan=False) makes, made once (the
# dicts of naar_dict hold no circle to look for), and its encoder of one string; the text
# between the values, in the order of naar_dict.
_JSON = json_codeerder(kringen=False)
_TEKST = json.encoder.encode_basestring
_NUMMERLABELS = tuple(f', "{soort.sleutel}": "' for soort in NUMMERSOORTEN)
_NUMMERS = operator.attrgetter(*(soort.sleutel for soort in NUMMERSOORTEN))
_BEGIN = f'{{"formaat": {_TEKST(FORMAAT)}, "formaatversie": {FORMAATVERSIE}, "id": "'
_GEMEENTE = '", "gemeente": "'
_KLANTNUMMER = '", "klantnummer": '
_VERSIE = ', "versie": '
_KLANTGEGEVENS = ', "klantgegevens": '
_IDENTIFICATIE = ', "identificatie": '
_BRON = ', "bron": '
_KENMERKEN = ', "kenmerken": '
_HERKOMST = ', "herkomst": '
_GEREGISTREERD_OP = ', "geregistreerd_op": '
_BEWAREN_TOT = ', "bewaren_tot": '


def uit_dict(data: object) -> Klant:
    """The klant a dict of this format describes.

    Raises :class:`~klantregister.FormaatError` for another format or
    version, and an :class:`~klantregister.OngeldigeWaardeError` (naming the
    field) for a value the klant refuses.
    """
    if not isinstance(data, dict):
        raise FormaatError(f"verwacht een object, kreeg {type(data).__name__}")
    if data.get("formaat") != FORMAAT:
        raise FormaatError(f"formaat is {toon(data.get('formaat'))}, verwacht {FORMAAT!r}")
    versie = data.get("formaatversie")
    if versie.__class__ is not int or versie not in FORMAATVERSIES:
        raise FormaatError(
            f"formaatversie {toon(versie)} is onbekend; "
            f"deze versie leest {' en '.join(map(str, FORMAATVERSIES))}"
        )
    later = {veld for v, velden in _NIEUW_IN.items() if v > versie for veld in velden}
    if onbekend := sorted(set(data) - VELDEN | (set(data) & later)):
        raise OngeldigFormaatError(onbekend[0], f"onbekend veld {onbekend[0]!r}")
    identificatie = data.get("identificatie")
    if versie < 3 and isinstance(identificatie, dict) and "subject_url" in identificatie:
        raise OngeldigFormaatError(
            "identificatie", f"onbekend veld 'subject_url' in formaatversie {versie}"
        )
    gegevens = data.get("klantgegevens") or {}
    if not isinstance(gegevens, dict):
        raise typefout("klantgegevens", "een object", gegevens)
    herkomst = data.get("herkomst")
    try:
        return Klant(
            data.get("id"),  # type: ignore[arg-type]
            data.get("gemeente"),  # type: ignore[arg-type]
            data.get("klantnummer"),
            klantgegevens_uit_dict(gegevens),
            None if identificatie is None else identificatie_uit_dict(identificatie),
            data.get("versie"),
            bron=data.get("bron"),
            kenmerken=kenmerken_uit_dict(data.get("kenmerken") or {}),
            herkomst=None if herkomst is None else herkomst_uit_dict(herkomst),
            geregistreerd_op=_dag_uit("geregistreerd_op", data.get("geregistreerd_op")),
            bewaren_tot=_dag_uit("bewaren_tot", data.get("bewaren_tot")),
        )
    except KlantregisterError:
        raise
    except TypeError as fout:  # a value of a type no converter expected
        raise OngeldigFormaatError("klant", str(fout)) from None


def lees(
    bron: Bron, *, gemeenten: Gemeenten | None = None, naam: str | None = None
) -> Iterator[Gelezen]:
    """Read every klant of ``bron`` (JSON Lines or an array of this format; streamed).

    Each record names its own gemeente; ``gemeenten``, when given (a gemeentecode or a
    table as the v1 reader takes), is the set of gemeenten a record may be of, and a
    record of another is a problem.
    """
    return lees_met(bron, lezer(gemeenten), naam)


def lezer(gemeenten: Gemeenten | None = None) -> Callable[[object, int, int], Gelezen]:
    """A reader of decoded records of this format, ``lees(record, positie, regel)``."""
    toegestaan: frozenset[Gemeentecode] | None = None
    if gemeenten is not None:
        tabel = gemeente_tabel(gemeenten)
        toegestaan = frozenset([tabel] if isinstance(tabel, Gemeentecode) else tabel.values())
    return lambda record, positie, regel: _lees(record, toegestaan, positie, regel)


def _lees(
    record: object, toegestaan: frozenset[Gemeentecode] | None, positie: int, regel: int
) -> Gelezen:
    if not isinstance(record, dict):
        fout = typeprobleem("record", "een object", record)
        return Gelezen(positie, regel, None, None, (fout,))
    id_ = record.get("id") if isinstance(record.get("id"), str) else None
    if (reden := vreemd_formaat(record, "kanoniek", KENMERKEN["kanoniek"][1])) is not None:
        return Gelezen(
            positie, regel, id_, None, (Probleem("record", Probleemsoort.FORMAAT, reden),)
        )
    try:
        klant = uit_dict(record)
    except FormaatError as fout:
        veld = "formaat" if record.get("formaat") != FORMAAT else "formaatversie"
        melding = Probleem(veld, Probleemsoort.FORMAAT, str(fout))
        return Gelezen(positie, regel, id_, None, (melding,))
    except OngeldigeWaardeError as fout:
        return Gelezen(positie, regel, id_, None, (probleem(fout.veld, fout),))
    if toegestaan is not None and klant.gemeente not in toegestaan:
        melding = Probleem(
            "gemeente",
            Probleemsoort.GEMEENTE,
            f"gemeente {klant.gemeente.waarde} is niet een van de gegeven gemeenten",
        )
        return Gelezen(positie, regel, id_, None, (melding,), klant.gemeente, klant.identificatie)
    registratie = Registratie(
        klant.gemeente,
        klant.klantgegevens,
        klant.identificatie,
        klantnummer=klant.klantnummer,
        id=klant.id,
        bron=klant.bron,
        kenmerken=klant.kenmerken,
        overname=overname(klant.herkomst),
        geregistreerd_op=klant.geregistreerd_op,
        bewaren_tot=klant.bewaren_tot,
    )
    return Gelezen(positie, regel, id_, registratie, (), klant.gemeente, klant.identificatie)


def overname(herkomst: Authenticatie | Overname | None) -> Overname | None:
    """How a record's identificatie is taken over: its own overname, or one from this
    format at the level its authentication reached; ``None`` for no herkomst (the
    import then says where the data came from)."""
    if herkomst is None or isinstance(herkomst, Overname):
        return herkomst
    return Overname(FORMAAT, oorspronkelijk_niveau=herkomst.niveau, toelichting=herkomst.middel)
