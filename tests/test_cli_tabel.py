"""The command line's bad-input table (issue 11): each case as users meet it, the installed
``klantregister`` run as a subprocess, with the exit status and the words it must say.

0 clean, 1 violations or klanten refused or not written, 2 bad usage, unreadable input or a
register that cannot be opened, 3 a storage failure on the way (docs/commandline.md). No case
may end in a traceback or show a BSN.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gemachtigd import als
from klantregister import Authenticatie, Identificatie, Kenmerken, KlantRegister

pytestmark = pytest.mark.e2e

BSN = "111222333"
REGEL = json.dumps(
    {
        "url": "https://klanten.example.nl/api/v1/klanten/00000000-0000-0000-0000-000000000001",
        "voornaam": "An",
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": BSN},
    }
)


def _klantregister(
    *args: str, invoer: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    commando = shutil.which("klantregister")
    basis = [commando] if commando else [sys.executable, "-m", "klantregister"]
    return subprocess.run(  # noqa: S603 - our own command, arguments from the table
        [*basis, *args],
        input=invoer,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        errors="backslashreplace",
    )


@pytest.fixture
def werk(tmp_path: Path) -> Path:
    (tmp_path / "e.jsonl").write_text(REGEL + "\n", encoding="utf-8")
    (tmp_path / "diep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp_path / "dubbel.json").write_text('{"002564440": "0363", "002564440": "0599"}')
    (tmp_path / "spelling.json").write_text('{"002564440": "0363", "0025.64.440": "0599"}')
    with KlantRegister.open(f"sqlite:///{tmp_path / 'k.db'}") as register:
        register.registreer("0363", klantnummer="K1")
        register.registreer(  # a klant v1 cannot hold: not active
            "0363",
            identificatie=Identificatie.natuurlijk_persoon(bsn=BSN),
            authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSN), Authenticatie("hoog")),
            kenmerken=Kenmerken(soort="persoon", actief=False),
        )
    with KlantRegister.open(f"sqlite:///{tmp_path / 'kapot.db'}") as register:
        register.registreer("0363", klantnummer="K1")
    with sqlite3.connect(tmp_path / "kapot.db") as verbinding:
        verbinding.execute("UPDATE klant SET klantgegevens = '{kapot'")
    (tmp_path / "vorige.json").write_text("de vorige export\n", encoding="utf-8")
    return tmp_path


V1 = ["--format", "klanten_v1", "--bronorganisatie", "002564440"]
IMPORT = ["import", "e.jsonl", "--gemeente", "0363", "--into"]
EXPORT = ["export", "--from", "sqlite:///k.db"]

#: (arguments, standard input, exit status, words on stdout or stderr)
TABEL: list[tuple[list[str], str | None, int, str]] = [
    ([], None, 0, "gebruik: klantregister"),
    (["--version"], None, 0, "klantregister 0."),
    (["check"], None, 2, "deze argumenten ontbreken: BESTAND"),
    (["check", "e.jsonl", "--format", "xml", "--gemeente", "0363"], None, 2, "ongeldige keuze"),
    (["check", "-", "--gemeente", "0363"], REGEL + "\n", 0, "1 records: 1 aangehaakt"),
    (["check", "/dev/stdin", "--gemeente", "0363"], REGEL + "\n", 0, "1 records"),
    (["check", "e.jsonl", "--gemeenten", "diep.json"], None, 2, "te diep genest"),
    (["check", "e.jsonl", "--gemeenten", "dubbel.json"], None, 2, "twee keer"),
    (["check", "e.jsonl", "--gemeenten", "spelling.json"], None, 2, "zijn dezelfde"),
    (["check", "ontbreekt.jsonl", "--gemeente", "0363"], None, 2, "kan niet geopend worden"),
    (
        ["import", "-", "--gemeente", "0363", "--into", "sqlite:///n.db"],
        REGEL + "\n",
        0,
        "opgeslagen: 1",
    ),
    ([*IMPORT, "memory://"], None, 2, "verdwijnt"),
    (
        [*IMPORT, "sqlite:///:memory:"],
        None,
        2,
        "verdwijnt",
    ),
    ([*IMPORT, "sqlite:///a%00b.db"], None, 2, "NUL"),
    (
        [*IMPORT, "sqlite:///k2.db?mode=ro"],
        None,
        2,
        "parameters",
    ),
    (
        [*IMPORT, "ftp://x"],
        None,
        2,
        "onbekend URL-schema",
    ),
    (["export", "--from", "sqlite:///typo.db", "--format", "jsonl"], None, 2, "bestaat niet"),
    ([*EXPORT, *V1], None, 1, "niet geschreven"),
    (
        [*EXPORT, *V1, "--uit", "vorige.json"],
        None,
        1,
        "is niet geschreven",
    ),
    (["export", "--from", "sqlite:///kapot.db", "--format", "jsonl"], None, 3, "onleesbaar"),
    (
        [*EXPORT, "--format", "jsonl", "--uit", "x/y.jsonl"],
        None,
        2,
        "x/",
    ),
]


@pytest.mark.parametrize(
    ("argumenten", "invoer", "status", "woorden"),
    TABEL,
    ids=[" ".join(a) or "(niets)" for a, *_ in TABEL],
)
def test_the_command_line_answers_bad_input_as_documented(
    werk: Path, argumenten: list[str], invoer: str | None, status: int, woorden: str
) -> None:
    uit = _klantregister(*argumenten, invoer=invoer, cwd=werk)
    alles = uit.stdout + uit.stderr
    assert uit.returncode == status, alles
    assert woorden in alles
    assert "Traceback" not in alles
    assert BSN not in alles


def test_what_the_table_says_of_the_files(werk: Path) -> None:
    # The cases that must leave the files as they were, once more by what is on disk.
    for argumenten, invoer, *_ in TABEL:
        _klantregister(*argumenten, invoer=invoer, cwd=werk)
    namen = set(os.listdir(werk))
    assert not {"typo.db", "k2.db?mode=ro", "k2.db", "a\x00b.db"} & namen
    assert not [naam for naam in namen if naam.endswith(".tmp")]
    assert (werk / "vorige.json").read_text(encoding="utf-8") == "de vorige export\n"
