"""``klantregister export --jobs N``: a large SQL register read in parts by processes of their
own, written as one process writes it (``cli/exporteren.py``), and the parts themselves
(``storage/delen.py``): every klant in exactly one, in the register's order block by block."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantregister import (
    Klantgegevens,
    KlantRegister,
    OngeldigeWaardeError,
    PostgresRepository,
    SqliteRepository,
)
from klantregister.cli.exporteren import DELEN_VANAF, _einde, _grens_van_delen

GEMEENTE = "0363"
# Above DELEN_VANAF, with two blocks erased (registration numbers 3001-5500).
AANTAL = DELEN_VANAF + 6_000
_KLANTEN = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
INSERT INTO klant (id, gemeente, klantnummer, versie, klantgegevens, subject_url, soort)
SELECT printf('00000000-0000-4000-8000-%012x', i), '0363', printf('%08d', i), 1,
       CASE WHEN i % 997 = 0
            THEN json_object('voorletters', 'A.', 'achternaam', 'Jansen')
            ELSE json_object('voornaam', 'Voornaam' || i, 'achternaam', 'Jansen') END,
       CASE WHEN i % 2 = 1 THEN 'https://brp.example.nl/personen/' || i END,
       CASE WHEN i % 2 = 1 THEN 'natuurlijk_persoon' END
FROM n
"""


def _commando() -> list[str]:
    commando = shutil.which("klantregister")
    return [commando] if commando else [sys.executable, "-m", "klantregister"]


@pytest.fixture(scope="module")
def groot_register(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite register of AANTAL klanten less the erased, written by the database itself:
    each odd one a natural person by a subject URL alone (which a Partij cannot carry),
    each even one zelfstandig (which v1 cannot), every 997th with voorletters (which v1
    refuses too)."""
    pad = tmp_path_factory.mktemp("delen") / "klanten.db"
    SqliteRepository(pad).close()
    with contextlib.closing(sqlite3.connect(pad)) as verbinding, verbinding:
        verbinding.execute(_KLANTEN, (AANTAL,))
        verbinding.execute("DELETE FROM klant WHERE volgorde BETWEEN 3001 AND 5500")
    return f"sqlite:///{pad}"


def _export(url: str, *argumenten: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # noqa: S603 - our own command, arguments from the test
        [*_commando(), "export", "--from", url, *argumenten],
        capture_output=True,
        timeout=300,
        check=False,
    )


def _args(url: str, processen: int) -> argparse.Namespace:
    return argparse.Namespace(bron=url, processen=processen, vertegenwoordigingen=None)


@pytest.mark.process
def test_a_large_sql_register_is_read_in_parts_and_a_small_one_or_jobs_1_in_one(
    groot_register: str, tmp_path: Path
) -> None:
    klein = f"sqlite:///{tmp_path / 'klein.db'}"
    with KlantRegister.open(klein) as register:
        register.registreer(GEMEENTE, Klantgegevens(achternaam="Jansen"))

    assert _grens_van_delen(_args(groot_register, 2)) == AANTAL
    assert _grens_van_delen(_args(groot_register, 1)) is None
    assert _grens_van_delen(_args(klein, 2)) is None
    assert _grens_van_delen(_args("memory://", 2)) is None


@pytest.mark.process
@pytest.mark.parametrize(
    "formaat",
    [
        ["--format", "jsonl"],
        [
            "--format",
            "klanten_v1",
            "--bronorganisatie",
            "002564440",
            "--website-url",
            "https://www.example.nl",
        ],
        ["--format", "klantinteracties"],
    ],
    ids=["jsonl", "klanten_v1", "klantinteracties"],
)
@pytest.mark.parametrize("processen", ["2", "3"])
def test_an_export_in_parts_writes_what_one_process_writes_byte_for_byte(
    groot_register: str, formaat: list[str], processen: str
) -> None:
    een = _export(groot_register, *formaat, "--jobs", "1")
    delen = _export(groot_register, *formaat, "--jobs", processen)

    assert (delen.returncode, delen.stdout, delen.stderr) == (
        een.returncode,
        een.stdout,
        een.stderr,
    )
    bewaard = [i for i in range(1, AANTAL + 1) if not 3001 <= i <= 5500]
    geschreven = {
        "jsonl": bewaard,
        "klanten_v1": [i for i in bewaard if i % 2 == 1 and i % 997 != 0],
        "klantinteracties": [i for i in bewaard if i % 2 == 0],
    }[formaat[1]]
    geweigerd = len(bewaard) - len(geschreven)
    assert een.stdout.count(b"\n") == len(geschreven)
    assert een.stderr.count(b"niet geschreven: ") == geweigerd
    assert een.returncode == (1 if geweigerd else 0)


@pytest.mark.process
def test_a_part_killed_ends_the_export_with_status_3_and_what_was_written_is_whole(
    groot_register: str,
) -> None:
    volledig = _export(groot_register, "--format", "jsonl", "--jobs", "1").stdout
    # Nothing reads stdout at first: the command stops on a full pipe, with its parts
    # waiting to send their next block, and one of them is killed there.
    proces = subprocess.Popen(  # noqa: S603 - our own command
        [*_commando(), "export", "--from", groot_register, "--format", "jsonl", "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        kinderen = _kinderen(proces.pid, 2)
        time.sleep(0.5)  # the parts read their first blocks and block on their pipes
        os.kill(kinderen[-1], signal.SIGKILL)
        uit, fout = proces.communicate(timeout=120)
    finally:
        if proces.poll() is None:
            proces.kill()
            proces.wait()

    assert proces.returncode == 3
    melding = fout.decode().strip().splitlines()[-1]
    geschreven = uit.count(b"\n")
    assert melding.startswith("klantregister: opslag: deel 2 van de export stopte onverwacht")
    assert melding.endswith(f"; {geschreven} klanten waren geschreven")
    assert uit.endswith(b"\n")
    assert volledig.startswith(uit)
    assert 0 < geschreven < volledig.count(b"\n")


@pytest.mark.process
@pytest.mark.parametrize("processen", ["2", "3"])
@pytest.mark.parametrize(
    "volgorde",
    [7500, 7000, 1000, 2],
    ids=["in-a-block", "first-of-a-block", "first-of-a-part", "second-of-the-first-part"],
)
def test_a_klant_that_cannot_be_read_ends_an_export_in_parts_where_one_process_ends(
    groot_register: str, tmp_path: Path, processen: str, volgorde: int
) -> None:
    pad = tmp_path / "onleesbaar.db"
    shutil.copy(groot_register.removeprefix("sqlite:///"), pad)
    with contextlib.closing(sqlite3.connect(pad)) as verbinding, verbinding:
        verbinding.execute("UPDATE klant SET klantgegevens = '{' WHERE volgorde = ?", (volgorde,))
    url = f"sqlite:///{pad}"

    een = _export(url, "--format", "jsonl", "--jobs", "1")
    delen = _export(url, "--format", "jsonl", "--jobs", processen)

    assert (delen.returncode, delen.stdout, delen.stderr) == (
        een.returncode,
        een.stdout,
        een.stderr,
    )
    assert een.returncode == 3
    # Every klant before it, those of the blocks of the other parts included.
    ervoor = [i for i in range(1, volgorde) if not 3001 <= i <= 5500]
    assert een.stdout.count(b"\n") == len(ervoor)
    assert b"is onleesbaar opgeslagen" in een.stderr
    assert een.stderr.endswith(f"; {len(ervoor)} klanten waren geschreven\n".encode())


@pytest.mark.process
def test_an_export_in_parts_refuses_a_bad_log_key_as_one_process_does(
    groot_register: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLANTREGISTER_LOGSLEUTEL", "geen-hex")

    een = _export(groot_register, "--format", "jsonl", "--jobs", "1")
    delen = _export(groot_register, "--format", "jsonl", "--jobs", "2")

    assert (delen.returncode, delen.stdout, delen.stderr) == (
        een.returncode,
        een.stdout,
        een.stderr,
    )
    assert (een.returncode, een.stdout) == (2, b"")
    assert b"KLANTREGISTER_LOGSLEUTEL" in een.stderr


@pytest.mark.process
@pytest.mark.parametrize("sein", [signal.SIGKILL, signal.SIGTERM])
def test_the_parts_stop_when_the_command_is_killed(groot_register: str, sein: int) -> None:
    proces = subprocess.Popen(  # noqa: S603 - our own command
        [*_commando(), "export", "--from", groot_register, "--format", "jsonl", "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        kinderen = _kinderen(proces.pid, 2)
        time.sleep(0.5)  # the parts wait on their pipes, the command on its stdout
        proces.send_signal(sein)
        proces.wait(timeout=30)
        assert proces.stdout is not None
        proces.stdout.read()
        einde = time.monotonic() + 30
        while time.monotonic() < einde and any(_leeft(kind) for kind in kinderen):
            time.sleep(0.05)

        assert not any(_leeft(kind) for kind in kinderen)
    finally:
        if proces.poll() is None:
            proces.kill()
            proces.wait()
        if proces.stdout is not None:
            proces.stdout.close()


def _leeft(pid: int) -> bool:
    # A part whose parent died is adopted and reaped; a zombie is a process that ended.
    try:
        status = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return status != "Z"


@pytest.mark.unit
@pytest.mark.parametrize(
    ("code", "verwacht"),
    [(-9, "signaal SIGKILL"), (-15, "signaal SIGTERM"), (1, "status 1"), (-1000, "status -1000")],
)
def test_a_part_that_died_is_named_by_how_it_ended(code: int, verwacht: str) -> None:
    assert _einde(argparse.Namespace(exitcode=code)) == verwacht


def _kinderen(pid: int, aantal: int) -> list[int]:
    """The processes ``pid`` started, once it has ``aantal`` of them."""
    einde = time.monotonic() + 60
    while time.monotonic() < einde:
        with contextlib.suppress(FileNotFoundError):
            kinderen = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            if len(kinderen) >= aantal:
                return [int(k) for k in kinderen]
        time.sleep(0.01)
    pytest.fail(f"export started no {aantal} parts")


# --- the parts ------------------------------------------------------------------------------


def _samen(opslag: SqliteRepository | PostgresRepository, aantal: int, blok: int) -> list[str]:
    """The parts' klanten put side by side block by block, each part's in its order."""
    grens = opslag.laatste_volgorde()
    delen = [list(opslag.deel(index, aantal, grens, blok=blok)) for index in range(aantal)]
    for deel in delen:
        assert [b for b, _ in deel] == sorted(b for b, _ in deel)
        assert len({b for b, _ in deel} & {b for d in delen if d is not deel for b, _ in d}) == 0
    paren = sorted(
        (b, plek, k.klantgegevens.achternaam) for d in delen for plek, (b, k) in enumerate(d)
    )
    return [naam for _, _, naam in paren]  # type: ignore[misc]


@pytest.mark.storage
@settings(max_examples=40, deadline=None)
@given(
    aantal_klanten=st.integers(0, 40),
    verwijderd=st.sets(st.integers(0, 39)),
    aantal=st.integers(1, 4),
    blok=st.integers(1, 7),
)
def test_every_klant_is_in_one_part_and_the_parts_block_by_block_are_the_register(
    aantal_klanten: int, verwijderd: set[int], aantal: int, blok: int
) -> None:
    with (
        tempfile.TemporaryDirectory() as map_,
        contextlib.closing(SqliteRepository(Path(map_) / "k.db")) as opslag,
    ):
        register = KlantRegister(opslag)
        klanten = [
            register.registreer(GEMEENTE, Klantgegevens(achternaam=f"N{i}"))
            for i in range(aantal_klanten)
        ]
        for i in sorted(verwijderd):
            if i < aantal_klanten:
                register.verwijder(klanten[i].id)

        assert _samen(opslag, aantal, blok) == [k.klantgegevens.achternaam for k in register]


@pytest.mark.storage
def test_parts_read_up_to_their_bound_whatever_was_registered_since(tmp_path: Path) -> None:
    with contextlib.closing(SqliteRepository(tmp_path / "k.db")) as opslag:
        register = KlantRegister(opslag)
        for i in range(10):
            register.registreer(GEMEENTE, Klantgegevens(achternaam=f"N{i}"))
        grens = opslag.laatste_volgorde()
        for i in range(10, 15):  # in the last block of the bound and past it
            register.registreer(GEMEENTE, Klantgegevens(achternaam=f"N{i}"))

        for aantal in (1, 2, 3):
            delen = [
                [
                    str(k.klantgegevens.achternaam)
                    for _, k in opslag.deel(index, aantal, grens, blok=4)
                ]
                for index in range(aantal)
            ]
            namen = sorted(naam for deel in delen for naam in deel)
            assert namen == sorted(f"N{i}" for i in range(10))


@pytest.mark.storage
@pytest.mark.parametrize("aantal", [1, 2])
def test_a_block_of_more_than_a_page_is_read_whole(tmp_path: Path, aantal: int) -> None:
    pad = tmp_path / "k.db"
    SqliteRepository(pad).close()
    with contextlib.closing(sqlite3.connect(pad)) as verbinding, verbinding:
        verbinding.execute(_KLANTEN, (2_600,))
    with contextlib.closing(SqliteRepository(pad)) as opslag:
        grens = opslag.laatste_volgorde()
        delen = [list(opslag.deel(index, aantal, grens, blok=2_000)) for index in range(aantal)]
        samen = sorted((b, k.klantnummer) for deel in delen for b, k in deel)

        assert [len(deel) for deel in delen] == ([2_600] if aantal == 1 else [1_999, 601])
        assert [nummer for _, nummer in samen] == [k.klantnummer for k in opslag]


@pytest.fixture
def postgres_register(postgres_schema_url: str) -> Iterator[PostgresRepository]:
    with contextlib.closing(PostgresRepository(postgres_schema_url)) as opslag:
        register = KlantRegister(opslag)
        klanten = [
            register.registreer(GEMEENTE, Klantgegevens(achternaam=f"N{i}")) for i in range(30)
        ]
        for klant in klanten[4:11] + klanten[20:21]:
            register.verwijder(klant.id)
        yield opslag


@pytest.mark.storage
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(aantal=st.integers(1, 4), blok=st.integers(1, 9))
def test_the_parts_of_a_postgresql_register_block_by_block_are_the_register(
    postgres_register: PostgresRepository, aantal: int, blok: int
) -> None:
    # The register is only read: one for every example.
    verwacht = [k.klantgegevens.achternaam for k in postgres_register]

    assert _samen(postgres_register, aantal, blok) == verwacht


@pytest.mark.storage
@pytest.mark.parametrize(
    ("geval", "veld"),
    [
        ((2, 2, 10, 1), "index"),
        ((-1, 2, 10, 1), "index"),
        ((0, 0, 10, 1), "aantal"),
        ((0, 1, -2, 1), "tot_en_met"),
        ((0, 1, 10, 0), "blok"),
        ((True, 2, 10, 1), "index"),
        ((0, 2**63, 10, 1), "aantal"),
        ((0, 1, 10, 2**63), "blok"),
    ],
)
def test_a_part_out_of_range_is_refused_before_anything_is_read(
    tmp_path: Path, geval: tuple[object, object, object, object], veld: str
) -> None:
    index, aantal, tot_en_met, blok = geval
    with contextlib.closing(SqliteRepository(tmp_path / "k.db")) as opslag:
        with pytest.raises(OngeldigeWaardeError) as fout:
            opslag.deel(index, aantal, tot_en_met, blok=blok)  # type: ignore[arg-type]

        assert fout.value.veld == veld
