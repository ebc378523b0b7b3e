"""Retention: how long the register keeps a klant (KLUIT01: erasure "voor zover de
bewaartermijn ... dat toelaat").

Two dates of a klant, and one term of a register:

- ``bewaren_tot``, a hold: the klant is kept *until* that date. Before it,
  ``verwijder`` refuses (:class:`BewaartermijnError`) unless the caller overrides the
  hold; from that date on the klant may be erased, and ``verwijder_verlopen`` erases it
  (aangehaakt or zelfstandig: the date is the one the gemeente set).
- ``geregistreerd_op``, the day the klant was registered: the start of the term of a
  zelfstandige klant, whose data serve the interaction they were recorded for.
- ``bewaartermijn_zelfstandig``, the register's term for zelfstandige klanten (a
  ``timedelta`` of whole days): one registered on day *d* has expired from day
  *d* + term, unless it has a ``bewaren_tot`` of its own, which then says when; a
  klant registered before klantregister kept the date (``None``) has no term.

>>> from datetime import date, timedelta
>>> verlopen(date(2027, 1, 1), None, None, date(2027, 1, 1), None)
True
>>> verlopen(None, date(2026, 1, 1), None, date(2026, 1, 31), timedelta(days=30))
True
>>> verlopen(None, date(2026, 1, 1), None, date(2026, 1, 30), timedelta(days=30))
False
"""

from __future__ import annotations

import datetime
import uuid

from klantregister.domain.errors import BewaartermijnError, OngeldigFormaatError, typefout
from klantregister.domain.identificatie import Identificatie
from klantregister.domain.meldingen import toon

__all__ = [
    "als_bewaren_tot",
    "als_datum",
    "als_geregistreerd_op",
    "als_termijn",
    "controleer_bewaartermijn",
    "samen_bewaren_tot",
    "verlopen",
]


def als_datum(veld: str, value: object) -> datetime.date | None:
    """Converter: ``None``, or a calendar date (a ``datetime`` is refused: a moment has a
    time zone a date does not, so say which day is meant)."""
    if value is None:
        return None
    if value.__class__ is datetime.date:
        return value
    raise typefout(veld, "een datum (datetime.date) of None", value)


def als_geregistreerd_op(value: object) -> datetime.date | None:
    """Converter of a klant's ``geregistreerd_op``."""
    return als_datum("geregistreerd_op", value)


def als_bewaren_tot(value: object) -> datetime.date | None:
    """Converter of a klant's ``bewaren_tot``."""
    return als_datum("bewaren_tot", value)


def als_termijn(value: object) -> datetime.timedelta | None:
    """Converter: ``None`` (no term), or a ``timedelta`` of one or more whole days."""
    if value is None:
        return None
    if not isinstance(value, datetime.timedelta):
        raise typefout("bewaartermijn_zelfstandig", "een timedelta of None", value)
    if value.days < 1 or value.seconds or value.microseconds:
        raise OngeldigFormaatError(
            "bewaartermijn_zelfstandig",
            f"{toon(value)} is geen termijn van hele dagen, ten minste 1",
        )
    return value


def verlopen(
    bewaren_tot: datetime.date | None,
    geregistreerd_op: datetime.date | None,
    identificatie: Identificatie | None,
    peildatum: datetime.date,
    termijn: datetime.timedelta | None,
) -> bool:
    """Whether a klant with these dates may be erased as expired on ``peildatum``: its
    ``bewaren_tot`` has come; or, without one, it is zelfstandig and its term has passed."""
    einde = _einde(bewaren_tot, geregistreerd_op, identificatie, termijn)
    return einde is not None and einde <= peildatum


def _einde(
    bewaren_tot: datetime.date | None,
    geregistreerd_op: datetime.date | None,
    identificatie: Identificatie | None,
    termijn: datetime.timedelta | None,
) -> datetime.date | None:
    """The first day a klant with these dates is expired (:func:`verlopen`); ``None``
    when it never is: an aangehaakte klant without a hold is kept until it is erased."""
    if bewaren_tot is not None:
        return bewaren_tot
    if identificatie is not None or termijn is None or geregistreerd_op is None:
        return None
    if termijn > datetime.date.max - geregistreerd_op:
        return None  # past the calendar's end: never
    return geregistreerd_op + termijn


def samen_bewaren_tot(
    behouden: tuple[datetime.date | None, datetime.date | None, Identificatie | None],
    opgaan: tuple[datetime.date | None, datetime.date | None, Identificatie | None],
    resultaat: Identificatie | None,
    termijn: datetime.timedelta | None,
) -> datetime.date | None:
    """The ``bewaren_tot`` of two klanten brought together (each given as its
    ``(bewaren_tot, geregistreerd_op, identificatie)``, the result keeping ``behouden``'s
    ``geregistreerd_op``): kept as long as either would have been. ``None`` when either
    is never expired, or when the result expires as ``behouden`` did without a hold of
    its own; otherwise the later of the two days they expire."""
    eerste, tweede = _einde(*behouden, termijn), _einde(*opgaan, termijn)
    if eerste is None or tweede is None:
        return None
    if eerste >= tweede and behouden[0] is None and resultaat is None:
        return None  # its own term, which it keeps as a zelfstandige klant
    return max(eerste, tweede)


def controleer_bewaartermijn(
    klant_id: uuid.UUID, bewaren_tot: datetime.date | None, vandaag: datetime.date
) -> None:
    """Raise :class:`BewaartermijnError` when the klant is held on ``vandaag``."""
    if bewaren_tot is not None and bewaren_tot > vandaag:
        raise BewaartermijnError(klant_id, bewaren_tot)
