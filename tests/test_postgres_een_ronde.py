"""PostgreSQL's registreer in two round trips: the statement with its transaction's BEGIN
(``storage/postgres_verbinding.py``'s ``Pijplijn``), then COMMIT; its parameters as text,
read by the server as psycopg's own adaptation would have them read."""

from __future__ import annotations

import contextlib
import datetime
import enum
import itertools
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st
from psycopg import pq

from gemachtigd import als
from klantregister import (
    Authenticatie,
    Identificatie,
    Klant,
    Klantgegevens,
    KlantRegister,
    OpslagError,
    PostgresRepository,
)
from klantregister.storage.postgres_sql import BULK_SLOT
from klantregister.storage.postgres_verbinding import Pijplijn, genummerd

pytestmark = pytest.mark.storage

AMSTERDAM = "0363"
DIGID = Authenticatie("substantieel", "DigiD")


@contextlib.contextmanager
def _spoor(opslag: PostgresRepository) -> Iterator[list[str]]:
    """The messages the repository's connection exchanges inside the block (libpq's
    trace: ``F`` from the client, ``B`` from the server), by name."""
    berichten: list[str] = []
    pgconn = opslag._verbinding.pgconn
    with tempfile.TemporaryFile() as bestand:
        pgconn.trace(bestand.fileno())
        pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
        try:
            yield berichten
        finally:
            pgconn.untrace()
            bestand.seek(0)
            for regel in bestand.read().decode().splitlines():
                richting, _lengte, naam, *rest = regel.split("\t")
                berichten.append(f"{richting} {naam}{''.join(rest)}")


def _rondes(berichten: list[str]) -> int:
    # The client waits once for each ReadyForQuery: one per Sync or simple Query.
    return sum(bericht.startswith("B ReadyForQuery") for bericht in berichten)


def test_a_registration_takes_its_begin_along_with_its_statement(
    postgres_schema_url: str,
) -> None:
    with KlantRegister.open(postgres_schema_url) as register:
        opslag = register._store
        assert isinstance(opslag, PostgresRepository)
        # The first prepares the statement, once per connection.
        register.registreer(
            AMSTERDAM,
            Klantgegevens(achternaam="Eerst"),
            identificatie=(i := Identificatie.natuurlijk_persoon(bsn="111222333")),
            authenticatie=als(i),
        )
        with _spoor(opslag) as berichten:
            klant = register.registreer(
                AMSTERDAM,
                Klantgegevens(achternaam="Jansen"),
                (i := Identificatie.natuurlijk_persoon(bsn="123456782")),
                authenticatie=als(i),
            )

        gestuurd = [b for b in berichten if b.startswith("F ")]
        assert _rondes(berichten) == 2, berichten
        # BEGIN, the statement and one Sync; then COMMIT.
        assert gestuurd[0].startswith('F Parse "" "BEGIN"'), gestuurd
        assert [b.split(" ")[1] for b in gestuurd] == [
            "Parse",
            "Bind",
            "Describe",
            "Execute",  # BEGIN
            "Bind",
            "Describe",
            "Execute",  # the prepared statement
            "Sync",
            "Query",
        ], gestuurd
        assert gestuurd[-1] == 'F Query "COMMIT"'
        assert register.get(klant.id) == klant


def test_a_transaction_in_which_nothing_ran_sends_nothing(postgres_schema_url: str) -> None:
    with contextlib.closing(PostgresRepository(postgres_schema_url)) as opslag:
        with _spoor(opslag) as berichten:
            with opslag.transaction():
                pass
            with contextlib.suppress(ZeroDivisionError), opslag.transaction():
                raise ZeroDivisionError

        assert berichten == []


def test_a_statement_inside_a_transaction_still_runs_in_it(postgres_schema_url: str) -> None:
    # Without the BEGIN taken along, a refused second write would leave the first behind.
    with KlantRegister.open(postgres_schema_url) as register:
        opslag = register._store
        with contextlib.suppress(ZeroDivisionError), opslag.transaction():
            register.registreer(AMSTERDAM, Klantgegevens(achternaam="Jansen"))
            raise ZeroDivisionError

        assert list(register) == []


@pytest.mark.parametrize("voorbereid", [False, True], ids=["te-bereiden", "voorbereid"])
def test_a_connection_the_server_ended_is_an_opslag_error_and_stores_nothing(
    postgres_schema_url: str, postgres_beheer: psycopg.Connection[Any], voorbereid: bool
) -> None:
    # Ended before the statement is prepared, or after: then inside the pipeline.
    with KlantRegister.open(postgres_schema_url) as register:
        opslag = register._store
        assert isinstance(opslag, PostgresRepository)
        eerste = Identificatie.natuurlijk_persoon(bsn="123456782") if voorbereid else None
        register.registreer(
            AMSTERDAM, Klantgegevens(achternaam="Eerst"), eerste, authenticatie=als(eerste)
        )
        pid = opslag._verbinding.info.backend_pid
        postgres_beheer.execute("SELECT pg_terminate_backend(%s)", (pid,))

        with pytest.raises(OpslagError) as fout:
            register.registreer(
                AMSTERDAM,
                Klantgegevens(achternaam="Tweede"),
                (i := Identificatie.natuurlijk_persoon(bsn="111222333")),
                authenticatie=als(i),
            )

    assert str(fout.value).startswith("PostgreSQL: ")
    assert fout.value.__cause__ is None
    assert fout.value.__context__ is None
    assert "111222333" not in str(fout.value)
    with KlantRegister.open(postgres_schema_url) as register:
        assert [k.klantgegevens.achternaam for k in register] == ["Eerst"]


def test_a_statement_that_fails_in_the_pipeline_raises_the_servers_error_and_aborts(
    postgres_schema_url: str,
) -> None:
    with contextlib.closing(psycopg.connect(postgres_schema_url, autocommit=True)) as verbinding:
        pijplijn = Pijplijn(verbinding)
        with pytest.raises(psycopg.errors.DivisionByZero):
            pijplijn.rij("SELECT 1 / %s::int", (0,), begin=True)

        # BEGIN went in, and the statement's failure aborted the transaction it began.
        assert verbinding.info.transaction_status == pq.TransactionStatus.INERROR
        with pytest.raises(psycopg.errors.InFailedSqlTransaction):
            pijplijn.rij("SELECT 1 / %s::int", (1,), begin=False)
        verbinding.pgconn.exec_(b"ROLLBACK")
        assert pijplijn.rij("SELECT 1 / %s::int", (1,), begin=False) == ["1"]


def test_placeholders_are_numbered_and_a_doubled_percent_is_one() -> None:
    assert genummerd("SELECT %s, '%%', %s::int") == b"SELECT $1, '%', $2::int"


@pytest.mark.parametrize(
    ("waarde", "reden"),
    [("a\x00b", "NUL"), (uuid.UUID(int=1), "UUID"), (1.5, "float")],
)
def test_a_value_this_path_cannot_send_is_refused_before_anything_is_sent(
    postgres_schema_url: str, waarde: object, reden: str
) -> None:
    with contextlib.closing(psycopg.connect(postgres_schema_url, autocommit=True)) as verbinding:
        pijplijn = Pijplijn(verbinding)
        with pytest.raises(psycopg.DataError) as fout:
            pijplijn.rij("SELECT %s::text", (waarde,), begin=False)

        assert reden in str(fout.value)
        assert verbinding.info.transaction_status == pq.TransactionStatus.IDLE


# A value of each kind the registration's rows hold, with its column type.
_WAARDEN = st.one_of(
    st.tuples(st.text().filter(lambda t: "\x00" not in t), st.just("text")),
    st.tuples(st.integers(-(2**63), 2**63 - 1), st.just("bigint")),
    st.tuples(st.booleans(), st.just("boolean")),
    st.tuples(st.dates(), st.just("date")),
    st.tuples(
        st.datetimes(timezones=st.just(datetime.timezone.utc), allow_imaginary=False),
        st.just("timestamptz"),
    ),
    st.tuples(st.none(), st.just("text")),
)


@given(waarden=st.lists(_WAARDEN, min_size=1, max_size=6), begin=st.booleans())
def test_the_server_reads_every_parameter_as_psycopg_would_send_it(
    postgres_url: str, waarden: list[tuple[object, str]], begin: bool
) -> None:
    sql = "SELECT " + ", ".join(f"(%s::{soort})::text" for _, soort in waarden)
    parameters = [waarde for waarde, _ in waarden]
    with contextlib.closing(psycopg.connect(postgres_url, autocommit=True)) as verbinding:
        verbinding.execute("SET TIME ZONE 'UTC'")
        verwacht = verbinding.execute(sql, parameters).fetchone()

        rij = Pijplijn(verbinding).rij(sql, parameters, begin=begin)

        assert tuple(rij) == verwacht
        geopend = pq.TransactionStatus.INTRANS if begin else pq.TransactionStatus.IDLE
        assert verbinding.info.transaction_status == geopend


def _latin1(url: str) -> str:
    return f"{url}&client_encoding=LATIN1"


def test_text_goes_in_the_connections_encoding(postgres_schema_url: str) -> None:
    url = _latin1(postgres_schema_url)
    with KlantRegister.open(url) as register:
        klant = register.registreer(AMSTERDAM, Klantgegevens(achternaam="Müller"))
    with KlantRegister.open(postgres_schema_url) as register:
        assert register.get(klant.id).klantgegevens.achternaam == "Müller"


def test_a_value_refused_before_it_is_sent_leaves_the_transaction_whole(
    postgres_schema_url: str,
) -> None:
    # Ł has no place in LATIN1: refused before anything is sent, BEGIN still to send.
    with KlantRegister.open(_latin1(postgres_schema_url)) as register:
        opslag = register._store
        assert isinstance(opslag, PostgresRepository)
        register.registreer(AMSTERDAM, Klantgegevens(achternaam="Eerst"))
        with contextlib.suppress(ZeroDivisionError), opslag.transaction():
            with pytest.raises(OpslagError, match="U\\+0141"):
                opslag.add_with_next_klantnummer(
                    Klant(uuid.uuid4(), AMSTERDAM, "X", Klantgegevens(achternaam="Łukasz"))
                )
            opslag.add_with_next_klantnummer(
                Klant(uuid.uuid4(), AMSTERDAM, "X", Klantgegevens(achternaam="Tweede"))
            )
            raise ZeroDivisionError

        assert [k.klantgegevens.achternaam for k in register] == ["Eerst"]


class _Tekst(str):
    __slots__ = ()


class _Getal(enum.IntEnum):
    DRIE = 3


@pytest.mark.parametrize("encoding", ["UTF8", "LATIN1"])
@given(
    tekst=st.text(st.characters(max_codepoint=0xFF, exclude_characters="\x00")),
    getal=st.integers(-(2**31), 2**31 - 1),
)
def test_subclasses_and_other_encodings_are_sent_as_psycopg_sends_them(
    postgres_url: str, encoding: str, tekst: str, getal: int
) -> None:
    sql = "SELECT %s::text, %s::text, %s::bigint::text, %s::bigint::text, %s::timestamptz::text"
    moment = datetime.datetime(2026, 12, 3, 12, 30)  # without a zone: the session's
    parameters = [tekst, _Tekst(tekst), getal, _Getal.DRIE, moment]
    with contextlib.closing(
        psycopg.connect(f"{postgres_url}&client_encoding={encoding}", autocommit=True)
    ) as verbinding:
        verbinding.execute("SET TIME ZONE 'Europe/Amsterdam'")
        verwacht = verbinding.execute(sql, parameters).fetchone()

        assert tuple(Pijplijn(verbinding).rij(sql, parameters, begin=False)) == verwacht


# --- waiting for the server ---------------------------------------------------------------
#
# Each test below registers in a gemeente of its own, whose lock (the bulk path's) another
# connection holds for a while: the lock is the database's, every schema's, so tests on
# other pytest-xdist workers must not share one.


def _met_lock_timeout(url: str) -> str:
    # Before waiting released the interpreter, the thread that ends the wait below could
    # not run: the registration then failed on this timeout, and the test with it.
    return f"{url}%20-clock_timeout%3D8000"


class _Wachter:
    """A register of one gemeente, its statement prepared by a first registration."""

    def __init__(self, register: KlantRegister, gemeente: str, url: str) -> None:
        self.register, self.gemeente, self._url = register, gemeente, url

    def registreer(self, achternaam: str, bsn: str = "111222333") -> Klant:
        identificatie = Identificatie.natuurlijk_persoon(bsn=bsn)
        return self.register.registreer(
            self.gemeente,
            Klantgegevens(achternaam=achternaam),
            identificatie,
            authenticatie=als(identificatie),
        )

    def onderbroken(self) -> float:
        """Register a klant, expecting an interrupt; how long it took to come."""
        begin = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            self.registreer("Onderbroken")
        return time.monotonic() - begin

    def namen(self) -> list[str | None]:
        return [klant.klantgegevens.achternaam for klant in self.register]

    @contextlib.contextmanager
    def vergrendeld(self, los_na: float) -> Iterator[None]:
        """Another connection holds the gemeente's lock (as a bulk load does) for
        ``los_na`` seconds, then lets it go, from a thread of its own."""
        houder = psycopg.connect(self._url)
        houder.execute(
            "SELECT pg_advisory_xact_lock(%s, %s::integer)", (BULK_SLOT, int(self.gemeente))
        )
        timer = threading.Timer(los_na, houder.rollback)
        timer.start()
        try:
            yield
        finally:
            timer.join()
            houder.close()

    @contextlib.contextmanager
    def onderbroken_bij(self, methode: str, fout: BaseException | None = None) -> Iterator[None]:
        """The connection interrupted at its libpq call ``methode`` (once), by ``fout``
        (KeyboardInterrupt, as a Ctrl-C landing just there would)."""
        opslag = self.register._store
        assert isinstance(opslag, PostgresRepository)
        verbinding: Any = opslag._verbinding
        echt = verbinding.pgconn
        verbinding.pgconn = _Onderbreker(echt, methode, fout or KeyboardInterrupt(methode))
        try:
            yield
        finally:
            verbinding.pgconn = echt


class _Onderbreker:
    """A libpq connection, but for one call, which raises ``fout`` (once)."""

    def __init__(self, pgconn: Any, methode: str, fout: BaseException) -> None:
        self._pgconn, self._methode, self._fout = pgconn, methode, fout

    def __getattr__(self, naam: str) -> Any:
        if naam == self._methode:
            self._methode = ""
            raise self._fout
        return getattr(self._pgconn, naam)


@contextlib.contextmanager
def _wachter(url: str, gemeente: str, *, server_url: str | None = None) -> Iterator[_Wachter]:
    """A register at ``url`` (its waits timing out); the lock is taken at ``server_url``."""
    with KlantRegister.open(_met_lock_timeout(url)) as register:
        wachter = _Wachter(register, gemeente, server_url or url)
        wachter.registreer("Eerst", "123456782")
        yield wachter


def _onderbreek_na(seconden: float) -> threading.Timer:
    """A Ctrl-C of this process in ``seconden``."""
    onderbreking = threading.Timer(seconden, os.kill, (os.getpid(), signal.SIGINT))
    onderbreking.start()
    return onderbreking


def test_a_registration_waiting_for_a_lock_lets_the_other_threads_run(
    postgres_schema_url: str,
) -> None:
    with _wachter(postgres_schema_url, "1981") as wachter, wachter.vergrendeld(los_na=0.5):
        begin = time.monotonic()
        klant = wachter.registreer("Tweede")
        gewacht = time.monotonic() - begin

    assert gewacht >= 0.4  # it waited for the lock, and got it when the thread let it go
    with KlantRegister.open(postgres_schema_url) as register:
        assert register.get(klant.id).klantgegevens.achternaam == "Tweede"


def test_an_interrupt_while_waiting_stores_nothing_and_leaves_the_connection_usable(
    postgres_schema_url: str,
) -> None:
    with _wachter(postgres_schema_url, "1982") as wachter:
        with wachter.vergrendeld(los_na=4.0):
            onderbreking = _onderbreek_na(0.3)
            duur = wachter.onderbroken()
            onderbreking.join()
            assert duur < 2.5  # the statement was stopped, not waited for
            # The same connection goes on, while the lock is still held: the interrupted
            # registration is not there.
            assert wachter.namen() == ["Eerst"]
        klant = wachter.registreer("Daarna")
        assert wachter.namen() == ["Eerst", "Daarna"]

    with KlantRegister.open(postgres_schema_url) as register:
        assert [k.klantgegevens.achternaam for k in register] == ["Eerst", "Daarna"]
        assert register.get(klant.id).klantgegevens.achternaam == "Daarna"


def test_an_interrupt_before_the_pipeline_is_sent_stops_the_statement_all_the_same(
    postgres_schema_url: str,
) -> None:
    # The statement is queued, not yet sent: it is sent with the end of the pipeline, and
    # then stopped (a request to stop it that came before it began would be lost).
    with _wachter(postgres_schema_url, "1983") as wachter:
        with wachter.vergrendeld(los_na=5.0):
            with wachter.onderbroken_bij("pipeline_sync"):
                duur = wachter.onderbroken()
            assert duur < 3.5
        wachter.registreer("Daarna")
        assert wachter.namen() == ["Eerst", "Daarna"]


@pytest.mark.parametrize(
    "fout",
    [KeyboardInterrupt("een tweede Ctrl-C"), psycopg.OperationalError("geen verbinding")],
    ids=["a second interrupt", "a failing request"],
)
def test_a_failure_while_the_statement_is_stopped_closes_the_connection(
    postgres_schema_url: str, fout: BaseException
) -> None:
    gemeente = "1984" if isinstance(fout, KeyboardInterrupt) else "1985"
    with _wachter(postgres_schema_url, gemeente) as wachter:
        with wachter.vergrendeld(los_na=2.0):
            # It lands as the server is asked to stop the statement; the first interrupt
            # is the one raised.
            with wachter.onderbroken_bij("cancel_conn", fout):
                onderbreking = _onderbreek_na(0.3)
                duur = wachter.onderbroken()
            onderbreking.join()
            assert duur < 1.5
        # The connection was closed (the server rolled back): the next call says so.
        with pytest.raises(OpslagError, match="de verbinding met de database is gesloten"):
            wachter.registreer("Daarna")

    with KlantRegister.open(postgres_schema_url) as register:
        assert [k.klantgegevens.achternaam for k in register] == ["Eerst"]


@contextlib.contextmanager
def _via_proxy(url: str, vertraging: float = 0.0, verlies: int = 0) -> Iterator[str]:
    """``url`` through a TCP proxy (tests/annuleerproxy.py) that answers cancel requests
    only after ``vertraging`` seconds, and loses the first ``verlies`` of them."""
    proxy = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [
            sys.executable,
            str(Path(__file__).with_name("annuleerproxy.py")),
            url,
            str(vertraging),
            str(verlies),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proxy.stdout is not None
        poort = int(proxy.stdout.readline())
        gegevens = psycopg.conninfo.conninfo_to_dict(url)
        wachtwoord = (
            f":{urllib.parse.quote(str(gegevens['password']))}" if "password" in gegevens else ""
        )
        parameters = urllib.parse.urlencode(
            {"sslmode": "disable", "gssencmode": "disable", "options": gegevens.get("options", "")}
        )
        yield (
            f"postgresql://{urllib.parse.quote(str(gegevens.get('user', 'postgres')))}"
            f"{':' + wachtwoord if wachtwoord else ''}@127.0.0.1:{poort}/{gegevens['dbname']}"
            f"?{parameters}"
        )
    finally:
        proxy.kill()
        proxy.wait()
        if proxy.stdout is not None:
            proxy.stdout.close()


def test_the_other_threads_run_while_an_interrupted_statement_is_being_stopped(
    postgres_schema_url: str,
) -> None:
    # Stopping the statement waits for the server to take the request (here 1.5 s, the
    # proxy holding it back); waited for inside libpq, no other thread ran meanwhile.
    tikken: list[float] = []
    klaar = threading.Event()

    def tik() -> None:
        while not klaar.is_set():
            tikken.append(time.monotonic())
            time.sleep(0.01)

    with (
        _via_proxy(postgres_schema_url, vertraging=1.5) as url,
        _wachter(url, "1986", server_url=postgres_schema_url) as wachter,
    ):
        teller = threading.Thread(target=tik)
        with wachter.vergrendeld(los_na=4.0):
            teller.start()
            onderbreking = _onderbreek_na(0.3)
            try:
                duur = wachter.onderbroken()
            finally:
                klaar.set()
                teller.join()
                onderbreking.join()
        assert wachter.namen() == ["Eerst"]

    assert duur >= 1.5  # the cancel request was held back, and waited for
    assert max(b - a for a, b in itertools.pairwise(tikken)) < 0.5


def test_a_request_to_stop_that_is_lost_is_made_again(postgres_schema_url: str) -> None:
    # The proxy drops the first request (as one that reached the server before the
    # statement began would be dropped): the second, a second later, stops it.
    with (
        _via_proxy(postgres_schema_url, verlies=1) as url,
        _wachter(url, "1987", server_url=postgres_schema_url) as wachter,
    ):
        with wachter.vergrendeld(los_na=6.0):
            onderbreking = _onderbreek_na(0.3)
            duur = wachter.onderbroken()
            onderbreking.join()
            assert 0.9 <= duur < 4.0
            assert wachter.namen() == ["Eerst"]
        wachter.registreer("Daarna")
        assert wachter.namen() == ["Eerst", "Daarna"]
