"""The PostgreSQL repository's connection: what it is opened with checked, the driver's
errors translated, and one statement sent with the ``BEGIN`` of its transaction.

:class:`Pijplijn` sends a statement and its transaction's ``BEGIN`` in one round trip,
through libpq's pipeline: the path of ``registreer``.

A registration is one statement (:func:`~klantregister.storage.postgres_sql.een_klant`) in
a transaction of its own. Sent the usual way it takes three round trips (``BEGIN``, the
statement, ``COMMIT``); here ``BEGIN`` goes with the statement, and the statement is
prepared once per connection and sent with its parameters as text, past psycopg's
adaptation (the values are this library's own: text, whole numbers, truth values, moments
and ``None``, each cast in the statement to its column's type).

Every value another type, or a text with a NUL character (which PostgreSQL's text cannot
hold), is refused with psycopg's own :class:`~psycopg.DataError` before anything is sent,
so the caller translates it as it translates every driver error.
"""

from __future__ import annotations

import datetime
import math
import re
import select
import time
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg import pq

from klantregister.domain import OpslagError, toon
from klantregister.storage.sql import UniekeSchending

__all__ = [
    "Pijplijn",
    "genummerd",
    "heeft_transactie",
    "melding",
    "verbindingsgegevens",
    "vertaal",
]

_PLAATS = re.compile(r"%[s%]")
_OK = (pq.ExecStatus.COMMAND_OK, pq.ExecStatus.TUPLES_OK)


_GEEN_TRANSACTIE = (pq.TransactionStatus.IDLE, pq.TransactionStatus.UNKNOWN)


def heeft_transactie(verbinding: psycopg.Connection[Any]) -> bool:
    """Whether the connection holds a transaction open. One the server ended holds none:
    the error that ended it is then the one to raise, not that of a ROLLBACK sent to no one."""
    return verbinding.info.transaction_status not in _GEEN_TRANSACTIE


def genummerd(sql: str) -> bytes:
    """A statement with psycopg's ``%s`` placeholders in libpq's form (``$1``, ``$2``...),
    and ``%%`` as the ``%`` it stands for."""
    teller = 0

    def plaats(treffer: re.Match[str]) -> str:
        nonlocal teller
        if treffer.group() == "%%":
            return "%"
        teller += 1
        return f"${teller}"

    return _PLAATS.sub(plaats, sql).encode()


def _als_tekst(waarde: object, codering: str) -> bytes | None:
    """A parameter in PostgreSQL's text form, text in the connection's ``codering``."""
    if waarde is None:
        return None
    if isinstance(waarde, str):  # a subclass too (a StrEnum), as psycopg takes it
        if "\x00" in waarde:
            raise psycopg.DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
        try:
            return waarde.encode(codering)
        except UnicodeEncodeError as fout:
            teken = f"U+{ord(fout.object[fout.start]):04X}"
            melding = f"het teken {teken} past niet in de codering van de verbinding ({codering})"
        raise psycopg.DataError(melding)
    if isinstance(waarde, bool):
        return b"t" if waarde else b"f"
    if isinstance(waarde, int):  # an IntEnum too
        return int.__repr__(waarde).encode()
    if isinstance(waarde, datetime.date):  # a datetime too; one without zone as psycopg
        return waarde.isoformat().encode()  # sends it: in the session's time zone
    raise psycopg.DataError(f"geen parameter van dit pad: {type(waarde).__name__}")


class Pijplijn:
    """The statements of one connection sent this way, each prepared once."""

    def __init__(self, verbinding: psycopg.Connection[Any]) -> None:
        self._verbinding = verbinding
        self._namen: dict[str, bytes] = {}

    def rij(self, sql: str, parameters: Sequence[object], *, begin: bool) -> list[Any]:
        """The one row ``sql`` returns (each value as text, ``None`` for NULL), run with
        ``parameters``; ``begin`` sends ``BEGIN`` before it in the same round trip."""
        return self.stuur(*self.bereid(sql, parameters), begin=begin)

    def bereid(self, sql: str, parameters: Sequence[object]) -> tuple[bytes, list[bytes | None]]:
        """The prepared statement of ``sql`` (prepared now, the first time) and the
        parameters as sent. Sends nothing else: a value refused here leaves the
        transaction as it was, a BEGIN still to send included."""
        codering = self._verbinding.info.encoding
        waarden = [_als_tekst(waarde, codering) for waarde in parameters]
        naam = self._namen.get(sql)
        if naam is None:
            naam = f"klantregister_{len(self._namen)}".encode()
            self._uitkomst(self._verbinding.pgconn.prepare(naam, genummerd(sql)))
            self._namen[sql] = naam
        return naam, waarden

    def stuur(self, naam: bytes, waarden: list[bytes | None], *, begin: bool) -> list[Any]:
        """Run a statement :meth:`bereid` gave; its one row as :meth:`rij` gives it.

        Raises the driver's error of the statement, or of ``BEGIN``; the transaction is
        then aborted, as after any failed statement.
        """
        pgconn = self._verbinding.pgconn
        pgconn.enter_pipeline_mode()
        gesynchroniseerd = klaar = False
        try:
            if begin:
                pgconn.send_query_params(b"BEGIN", None)
            pgconn.send_query_prepared(naam, waarden)
            pgconn.pipeline_sync()
            gesynchroniseerd = True
            _verstuur(pgconn)
            uitkomsten = [self._volgende(pgconn) for _ in range(1 + begin)]
            self._synchroon(pgconn)
            klaar = True
        finally:
            if pgconn.status != pq.ConnStatus.OK:
                pass  # a broken connection has no pipeline left
            elif klaar:
                pgconn.exit_pipeline_mode()
            else:
                _breek_af(self._verbinding, gesynchroniseerd)
        for uitkomst in uitkomsten:
            self._uitkomst(uitkomst)
        laatste = uitkomsten[-1]
        waarden_uit = (laatste.get_value(0, kolom) for kolom in range(laatste.nfields))
        codering = self._verbinding.info.encoding
        return [None if waarde is None else waarde.decode(codering) for waarde in waarden_uit]

    def _volgende(self, pgconn: pq.abc.PGconn) -> pq.abc.PGresult:
        """The result of the next statement in the pipeline, and the end of it."""
        uitkomst = _haal(pgconn)
        if uitkomst is None:
            raise psycopg.OperationalError(self._verbroken(pgconn))
        while _haal(pgconn) is not None:  # pragma: no cover - one result a statement
            pass
        return uitkomst

    def _synchroon(self, pgconn: pq.abc.PGconn) -> None:
        uitkomst = _haal(pgconn)
        if uitkomst is None or uitkomst.status != pq.ExecStatus.PIPELINE_SYNC:
            raise psycopg.OperationalError(self._verbroken(pgconn))

    def _verbroken(self, pgconn: pq.abc.PGconn) -> str:
        melding = (pgconn.error_message or b"").decode("utf-8", "replace").strip()
        return melding or "de verbinding gaf geen antwoord"

    def _uitkomst(self, uitkomst: pq.abc.PGresult) -> None:
        """Raise the driver's error of a failed statement, as psycopg would."""
        # Raised in the order sent: a statement the pipeline left out (PIPELINE_ABORTED)
        # follows the one that failed, whose error is the one raised.
        if uitkomst.status in _OK:
            return
        raise pg_errors.error_from_result(uitkomst, encoding=self._verbinding.info.encoding)


# Waiting for the server: never inside libpq, which would hold the interpreter (no other
# thread could run, not even one that would end the wait by letting a lock go, and an
# interrupt would wait for the server), but in poll() (select() where there is none), which
# lets both through.


def _wacht(pgconn: pq.abc.PGconn, *, schrijven: bool = False, tot: float | None = None) -> bool:
    """Wait until the connection's socket can be read (or written), or until the moment
    ``tot`` (of ``time.monotonic``); whether it can."""
    fd = pgconn.socket
    seconden = None if tot is None else max(0.0, tot - time.monotonic())
    if hasattr(select, "poll"):
        peiling = select.poll()
        peiling.register(fd, select.POLLOUT if schrijven else select.POLLIN)
        return bool(peiling.poll(None if seconden is None else seconden * 1000))
    lezen, schrijf, _ = select.select(  # pragma: no cover - Windows
        [] if schrijven else [fd], [fd] if schrijven else [], [], seconden
    )
    return bool(lezen or schrijf)  # pragma: no cover


def _verstuur(pgconn: pq.abc.PGconn, *, tot: float | None = None) -> None:
    """Send what the connection holds unsent (by the moment ``tot``, if given)."""
    while pgconn.flush():
        if not _wacht(pgconn, schrijven=True, tot=tot):
            raise psycopg.OperationalError("de database nam de opdracht niet aan")


def _haal(pgconn: pq.abc.PGconn) -> pq.abc.PGresult | None:
    """libpq's next result, waited for outside it."""
    while pgconn.is_busy():
        _wacht(pgconn)
        pgconn.consume_input()
    return pgconn.get_result()


#: How many results an interrupted pipeline holds at most: BEGIN's and the statement's,
#: each with its end, then the end of the pipeline.
_MAX_UITKOMSTEN = 5
#: How long an interrupted statement is waited for (seconds), and how often in that time
#: the server is asked again to stop it (a request that came before the statement began
#: is lost); after that, the connection is closed.
_AFBREKEN_UITERST = 10.0
_AFBREKEN_OPNIEUW = 1.0


def _breek_af(verbinding: psycopg.Connection[Any], gesynchroniseerd: bool) -> None:
    """End a pipeline that was interrupted (Ctrl-C while waiting, say): what is in it is
    sent, the server asked to stop the statement, and what it answers read and dropped, up
    to the pipeline's end, so that the connection goes on. A transaction the pipeline began
    is then aborted, and rolled back by whoever began it.

    Called while the interrupt is raised: whatever goes wrong here (another Ctrl-C, a
    server that does not answer within ``_AFBREKEN_UITERST`` seconds) closes the connection
    instead (the server then rolls back), and the interrupt goes on being raised.
    """
    pgconn = verbinding.pgconn
    uiterst = time.monotonic() + _AFBREKEN_UITERST
    try:
        if not gesynchroniseerd:
            pgconn.pipeline_sync()
        _verstuur(pgconn, tot=uiterst)
        gevraagd = -math.inf  # when the server was last asked to stop: not yet
        for _ in range(_MAX_UITKOMSTEN):
            while pgconn.is_busy():
                nu = time.monotonic()
                if nu >= uiterst:
                    raise psycopg.OperationalError("de database stopte de opdracht niet")
                if nu >= gevraagd + _AFBREKEN_OPNIEUW:
                    verbinding.cancel_safe(timeout=max(0.1, uiterst - nu))
                    gevraagd = time.monotonic()
                _wacht(pgconn, tot=min(uiterst, gevraagd + _AFBREKEN_OPNIEUW))
                pgconn.consume_input()
            uitkomst = pgconn.get_result()
            if uitkomst is not None and uitkomst.status == pq.ExecStatus.PIPELINE_SYNC:
                break
        pgconn.exit_pipeline_mode()
    except BaseException:  # the interrupt being raised is the one to raise
        pgconn.finish()


def vertaal(fout: Exception) -> Exception:
    """The driver's error as this package's: a unique violation, or an OpslagError."""
    if isinstance(fout, pg_errors.UniqueViolation):
        return UniekeSchending(melding(fout))
    return OpslagError(f"PostgreSQL: {melding(fout)}")


#: The longest connect_timeout libpq takes (a C int), in seconds.
_MAX_WACHTTIJD = 2**31 - 1


def verbindingsgegevens(dsn: object, connect_timeout: object, aanmaken: object) -> None:
    """Refuse what no connection can be made of, before the driver is asked."""
    if not isinstance(dsn, str):
        raise OpslagError(f"de verbindingsgegevens zijn tekst, geen {type(dsn).__name__}")
    try:
        dsn.encode()
    except UnicodeEncodeError:
        raise OpslagError("de verbindingsgegevens bevatten een ongeldig teken") from None
    if "\x00" in dsn:
        raise OpslagError("de verbindingsgegevens bevatten een NUL-teken")
    if connect_timeout is not None and (
        not isinstance(connect_timeout, int)
        or isinstance(connect_timeout, bool)
        or not 0 <= connect_timeout <= _MAX_WACHTTIJD
    ):
        raise OpslagError(
            f"connect_timeout is {toon(connect_timeout)}: verwacht een geheel aantal seconden"
            f" van 0 tot en met {_MAX_WACHTTIJD}, of None"
        )
    if not isinstance(aanmaken, bool):
        raise OpslagError(f"aanmaken is True of False, geen {type(aanmaken).__name__}")


def melding(fout: Exception) -> str:
    """The driver's message without its detail lines, which can quote row values."""
    return str(fout).split("\n", 1)[0].strip()
