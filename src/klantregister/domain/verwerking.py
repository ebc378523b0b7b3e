"""The processing log: one :class:`Verwerking` for every operation on identifying data.

Shaped after the standard Logboek Dataverwerkingen (Logius): each entry says which
operation (``handeling``, its ``name``), when (``tijdstip``), on which klant and data
subject, with which authentication, for which purpose (``doel``, the processing
activity) and in which trace (``trace_id``, the W3C trace context's 32 hex digits).
:meth:`Verwerking.als_ldv` gives the entry under the standard's own field names.

The data subject's identifier, and those of the authentication (its subject and the
one it acted for), are never kept in plain text: :class:`Pseudonimisering` replaces
each by a keyed hash (HMAC-SHA256 of its kind and number), so that the log can be
searched for a person's entries by whoever holds the key (an inzageverzoek), and
shows no number to anyone else. Free text (the means, the source of a take-over,
the purpose) is kept with every run of six or more digits masked.

>>> from klantregister import Bsn
>>> sleutel = Pseudonimisering(b"0123456789abcdef0123456789abcdef")
>>> sleutel.pseudoniem(Bsn("111222333")) == sleutel.pseudoniem(Bsn("1112.22.333"))
True
>>> len(sleutel.pseudoniem(Bsn("111222333")))
64
"""

from __future__ import annotations

import contextvars
import datetime as dt
import enum
import hmac
import re
import uuid
from contextlib import AbstractContextManager
from typing import Any

import attrs

from klantregister.domain.authenticatie import (
    Betrouwbaarheidsniveau,
    Herkomst,
    Overname,
    Vertegenwoordigingsgrondslag,
    als_herkomst,
    eenregelig,
)
from klantregister.domain.errors import OngeldigeLengteError, OngeldigFormaatError, typefout
from klantregister.domain.identifiers import Gemeentecode
from klantregister.domain.klant import klant_id as als_uuid
from klantregister.domain.klok01 import SOORT_MET_SLEUTEL, SOORT_VAN, Identificator, sleutel
from klantregister.domain.meldingen import maskeer

__all__ = [
    "MAX_DOEL",
    "Handeling",
    "Pseudonimisering",
    "Verwerking",
    "huidige_context",
    "verwerkingsdoel",
]

#: The longest purpose, in characters.
MAX_DOEL = 200
_TRACE_ID = re.compile(r"[0-9a-f]{32}")
_PSEUDONIEM = re.compile(r"[0-9a-f]{64}")


class Handeling(enum.Enum):
    """What an operation did with identifying data (the entry's ``name``)."""

    #: ``registreer``, ``registreer_alle``: an identificatie recorded.
    VASTLEGGEN = "vastleggen"
    #: ``corrigeer_identificatie``, ``werk_bij``: an identificatie corrected.
    CORRIGEREN = "corrigeren"
    #: ``verstrek``: a klant with its identificatie handed to the klant authenticated.
    VERSTREKKEN = "verstrekken"
    #: ``zoek``: klanten looked up by an identifier.
    RAADPLEGEN = "raadplegen"
    #: ``verwijder``, ``verwijder_verlopen`` of an aangehaakte klant, and the one that went
    #: into another (``voeg_samen``): its identificatie erased.
    WISSEN = "wissen"
    #: ``voeg_samen``: the identificatie of the klant kept, and the data brought into it.
    SAMENVOEGEN = "samenvoegen"


@attrs.frozen(repr=False)
class Pseudonimisering:
    """The keyed hash of identifiers in the log: HMAC-SHA256 with ``sleutel`` (at least 16
    bytes, a secret of the gemeente's) over an identifier's kind and compact number, as
    64 lowercase hex digits. The same identifier written differently gives the same
    pseudonym; a foreign register's name counts without regard to case."""

    sleutel: bytes = attrs.field()

    @sleutel.validator
    def _lang_genoeg(self, _: object, waarde: object) -> None:
        if not isinstance(waarde, bytes):
            raise typefout("logsleutel", "bytes", waarde)
        if len(waarde) < 16:
            raise OngeldigeLengteError("logsleutel", f"{len(waarde)} bytes, ten minste 16")

    def pseudoniem(self, identificator: Identificator) -> str:
        """The pseudonym of one identifier."""
        if type(identificator) not in SOORT_VAN:
            raise typefout("identificator", "een identificator", identificator)
        soort, waarde = sleutel(identificator)
        # hmac.digest: the one-shot C path, a third of hmac.new's cost.
        return hmac.digest(self.sleutel, f"{soort}:{waarde}".encode(), "sha256").hex()

    def __repr__(self) -> str:
        return "Pseudonimisering(sleutel=<geheim>)"


# The purpose and the trace id of the operations in this thread or task.
_CONTEXT: contextvars.ContextVar[tuple[str | None, str | None]] = contextvars.ContextVar(
    "klantregister_verwerking", default=(None, None)
)


def _doel(value: object) -> str | None:
    doel = eenregelig("doel", value, maximum=MAX_DOEL)
    return None if doel is None else maskeer(doel)


def _trace_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise typefout("trace_id", "tekst (str) of None", value)
    if not _TRACE_ID.fullmatch(value) or value == "0" * 32:
        raise OngeldigFormaatError(
            "trace_id", "verwacht 32 hexadecimale tekens in kleine letters (W3C trace-id)"
        )
    return value


# The tokens to restore the purpose with, per context: so one verwerkingsdoel object may be
# entered in several threads or tasks at once, and nested in each.
_TEKENS: contextvars.ContextVar[tuple[contextvars.Token[tuple[str | None, str | None]], ...]] = (
    contextvars.ContextVar("klantregister_verwerking_tekens", default=())
)


class _Verwerkingsdoel:
    """The context :func:`verwerkingsdoel` returns: its values checked when it is made."""

    def __init__(self, doel: str | None, trace_id: str | None) -> None:
        self._waarde = (doel, trace_id)

    def __enter__(self) -> None:
        _TEKENS.set((*_TEKENS.get(), _CONTEXT.set(self._waarde)))

    def __exit__(self, *_: object) -> None:
        *rest, teken = _TEKENS.get()
        _TEKENS.set(tuple(rest))
        _CONTEXT.reset(teken)


def verwerkingsdoel(
    doel: str | None, *, trace_id: str | None = None
) -> AbstractContextManager[None]:
    """Within the ``with`` block, every :class:`Verwerking` the register writes carries
    this purpose (the processing activity: ``"aanvraag parkeervergunning"``, at most
    200 characters, one line) and trace id (the W3C ``traceparent``'s trace-id), in this
    thread or task only.

    >>> with verwerkingsdoel("behandeling bezwaar", trace_id="4bf92f3577b34da6a3ce929d0e0e4736"):
    ...     huidige_context()
    ('behandeling bezwaar', '4bf92f3577b34da6a3ce929d0e0e4736')
    """
    return _Verwerkingsdoel(_doel(doel), _trace_id(trace_id))


def huidige_context() -> tuple[str | None, str | None]:
    """The purpose and trace id :func:`verwerkingsdoel` set here, or ``(None, None)``."""
    return _CONTEXT.get()


def _pseudoniem(value: object) -> str | None:
    if value is None or (isinstance(value, str) and _PSEUDONIEM.fullmatch(value)):
        return value
    raise OngeldigFormaatError("pseudoniem", "verwacht 64 hexadecimale tekens in kleine letters")


def _vrije_tekst(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise typefout("tekst", "tekst (str) of None", value)
    return maskeer(value)


def _kort(value: str | None) -> str:
    return repr(value if value is None else value[:12] + "…")


def _tijdstip(value: object) -> dt.datetime:
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise typefout("tijdstip", "een datetime met tijdzone", value)
    return value.astimezone(dt.timezone.utc)


def _id(value: object) -> uuid.UUID:
    return als_uuid(value)  # type: ignore[arg-type]


def _klant_id(value: object) -> uuid.UUID | None:
    return None if value is None else als_uuid(value)  # type: ignore[arg-type]


def _soort(value: object) -> str | None:
    if value is None or (isinstance(value, str) and value in SOORT_MET_SLEUTEL):
        return value
    raise OngeldigFormaatError("betrokkene_soort", "verwacht de soort van een identificator")


def _handeling(value: Handeling | str) -> Handeling:
    if isinstance(value, Handeling):
        return value
    try:
        return Handeling(value)
    except ValueError:
        pass
    raise OngeldigFormaatError("handeling", "onbekende handeling")


def _niveau(value: object) -> Betrouwbaarheidsniveau | None:
    return None if value is None else Betrouwbaarheidsniveau.parse(value)  # type: ignore[arg-type]


def _grondslag(value: object) -> Vertegenwoordigingsgrondslag | None:
    return None if value is None else Vertegenwoordigingsgrondslag.parse(value)  # type: ignore[arg-type]


def _gemeente(value: Gemeentecode | str) -> Gemeentecode:
    return Gemeentecode.parse(value)


@attrs.frozen
class Verwerking:
    """One operation on identifying data, as the processing log keeps it.

    - ``id``: the entry's own id (its span id, in the standard's terms, is the first
      16 hex digits);
    - ``handeling``: what was done (:class:`Handeling`); ``tijdstip``: when (UTC);
    - ``gemeente``, ``klant_id``: whose register, which klant (``None`` for a lookup
      that found none);
    - ``betrokkene``: the pseudonym of the data subject's identifier (the klant's first,
      or the one looked up); ``betrokkene_soort`` its kind (``"bsn"``, ``"kvk_nummer"``);
    - ``niveau``, ``middel``: the authentication's level and means, as given;
      ``subject``: the pseudonym of the identifier it established; ``namens``: that of
      the one the klant acted for, and ``grondslag`` on what ground; ``overname``: the
      source of data taken over instead, masked;
    - ``doel``, ``trace_id``: as :func:`verwerkingsdoel` set them.

    No field holds a BSN or A-nummer: identifiers are pseudonyms, free text is masked.
    """

    id: uuid.UUID = attrs.field(converter=_id)
    handeling: Handeling = attrs.field(converter=_handeling)
    tijdstip: dt.datetime = attrs.field(converter=_tijdstip)
    gemeente: Gemeentecode = attrs.field(converter=_gemeente)
    klant_id: uuid.UUID | None = attrs.field(converter=_klant_id)
    betrokkene: str | None = attrs.field(converter=_pseudoniem, repr=_kort)
    betrokkene_soort: str | None = attrs.field(default=None, converter=_soort)
    niveau: Betrouwbaarheidsniveau | None = attrs.field(default=None, converter=_niveau)
    middel: str | None = attrs.field(default=None, converter=_vrije_tekst)
    subject: str | None = attrs.field(default=None, converter=_pseudoniem, repr=_kort)
    namens: str | None = attrs.field(default=None, converter=_pseudoniem, repr=_kort)
    grondslag: Vertegenwoordigingsgrondslag | None = attrs.field(default=None, converter=_grondslag)
    overname: str | None = attrs.field(default=None, converter=_vrije_tekst)
    doel: str | None = attrs.field(default=None, converter=_vrije_tekst)
    trace_id: str | None = attrs.field(default=None, converter=_trace_id)

    @classmethod
    def van(
        cls,
        handeling: Handeling,
        gemeente: Gemeentecode,
        klant_id: uuid.UUID | None,
        betrokkene: Identificator | None,
        *,
        herkomst: Herkomst | None,
        pseudonimisering: Pseudonimisering,
    ) -> Verwerking:
        """The entry of an operation the register just did, in the current context."""
        herkomst = als_herkomst(herkomst)
        if not isinstance(pseudonimisering, Pseudonimisering):
            raise typefout("pseudonimisering", "een Pseudonimisering", pseudonimisering)
        doel, trace_id = huidige_context()
        velden: dict[str, Any] = {}
        if isinstance(herkomst, Overname):
            velden["overname"] = herkomst.bron
        elif herkomst is not None:
            velden["niveau"] = herkomst.niveau
            velden["middel"] = herkomst.middel
            if herkomst.subject is not None:
                velden["subject"] = pseudonimisering.pseudoniem(herkomst.subject)
            if (namens := herkomst.namens) is not None:
                velden["namens"] = pseudonimisering.pseudoniem(namens.vertegenwoordigde)
                velden["grondslag"] = namens.grondslag
        argumenten = (
            uuid.uuid4(),
            handeling,
            dt.datetime.now(dt.timezone.utc),
            gemeente,
            klant_id,
            None if betrokkene is None else pseudonimisering.pseudoniem(betrokkene),
            None if betrokkene is None else sleutel(betrokkene)[0],
        )
        if (
            handeling.__class__ is not Handeling
            or gemeente.__class__ is not Gemeentecode
            or not (klant_id is None or klant_id.__class__ is uuid.UUID)
        ):
            # A caller's own values: the converters check them and say what is wrong.
            return cls(*argumenten, doel=doel, trace_id=trace_id, **velden)
        # The register's own (the common case, once per operation): every value is of its
        # type already, or made here; only the free text is masked, as the converter does.
        verwerking: Verwerking = object.__new__(cls)
        zet = object.__setattr__
        for veld, waarde in zip(_POSITIONEEL, argumenten, strict=True):
            zet(verwerking, veld, waarde)
        for veld in _OVERIG:
            zet(verwerking, veld, None)
        zet(verwerking, "doel", doel)
        zet(verwerking, "trace_id", trace_id)
        for veld, waarde in velden.items():
            zet(
                verwerking,
                veld,
                maskeer(waarde) if veld in _VRIJ and waarde is not None else waarde,
            )
        return verwerking

    def als_ldv(self) -> dict[str, Any]:
        """The entry under the field names of Logboek Dataverwerkingen: ``trace_id``,
        ``span_id``, ``name``, ``start_time`` and ``end_time`` (milliseconds since the
        epoch; the operation is one moment), ``status_code`` (``"STATUS_CODE_OK"``: only
        operations that succeeded are logged), ``resource`` and ``attributes`` (the
        ``dpl.core`` ones and the register's own, under ``klantregister.``)."""
        moment = int(self.tijdstip.timestamp() * 1000)
        attributen: dict[str, Any] = {
            "dpl.core.processing_activity_id": self.doel,
            "dpl.core.data_subject_id": self.betrokkene,
            "dpl.core.data_subject_id_type": self.betrokkene_soort,
            "klantregister.gemeente": self.gemeente.waarde,
            "klantregister.klant_id": None if self.klant_id is None else str(self.klant_id),
            "klantregister.niveau": None if self.niveau is None else self.niveau.name.lower(),
            "klantregister.middel": self.middel,
            "klantregister.subject": self.subject,
            "klantregister.namens": self.namens,
            "klantregister.grondslag": None if self.grondslag is None else self.grondslag.value,
            "klantregister.overname": self.overname,
        }
        return {
            "trace_id": self.trace_id or self.id.hex,
            "span_id": self.id.hex[:16],
            "name": self.handeling.value,
            "start_time": moment,
            "end_time": moment,
            "status_code": "STATUS_CODE_OK",
            "resource": {"name": "klantregister"},
            "attributes": {k: v for k, v in attributen.items() if v is not None},
        }


_POSITIONEEL = (
    "id",
    "handeling",
    "tijdstip",
    "gemeente",
    "klant_id",
    "betrokkene",
    "betrokkene_soort",
)
_OVERIG = ("niveau", "middel", "subject", "namens", "grondslag", "overname")
_VRIJ = frozenset({"middel", "overname"})
