"""Hardening of the command line (issue 11): Dutch throughout, a short overview without a
command, a version, tables and targets checked before anything is read, pipes read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from gemachtigd import als
from klantregister import KlantRegister
from klantregister.cli import main

REGEL = json.dumps(
    {
        "url": "https://klanten.example.nl/api/v1/klanten/00000000-0000-0000-0000-000000000001",
        "voornaam": "An",
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": "111222333"},
    }
)


@pytest.mark.unit
def test_no_command_prints_an_overview_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    uit = capsys.readouterr().out
    assert uit.startswith("gebruik: klantregister")
    for commando in ("check", "import", "export"):
        assert commando in uit
    assert "Afsluitstatus" in uit


@pytest.mark.unit
def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    from klantregister import __version__  # noqa: PLC0415

    with pytest.raises(SystemExit) as einde:
        main(["--version"])
    assert einde.value.code == 0
    assert capsys.readouterr().out.strip() == f"klantregister {__version__}"


@pytest.mark.unit
@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (["check"], "deze argumenten ontbreken: BESTAND"),
        (["import", "x.json", "--gemeente", "0363"], "deze argumenten ontbreken: --into"),
        (["check", "x", "--format", "xml"], "ongeldige keuze: 'xml'"),
        (["check", "x", "--gemeente", "1", "--gemeenten", "t"], "niet samen met argument"),
        (["exporteer"], "ongeldige keuze: 'exporteer'"),
        (["check", "x", "--onbekend"], "onbekende argumenten: --onbekend"),
    ],
)
def test_argparse_speaks_dutch(
    argumenten: list[str], melding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as einde:
        main(argumenten)
    assert einde.value.code == 2
    fout = capsys.readouterr().err
    assert "gebruik: klantregister" in fout
    assert ": fout: " in fout
    assert melding in fout
    for engels in ("usage:", "error:", "required", "invalid choice", "unrecognized"):
        assert engels not in fout


@pytest.mark.unit
@pytest.mark.parametrize("commando", ["check", "import", "export"])
def test_every_option_has_help_in_dutch(commando: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([commando, "--help"])
    hulp = capsys.readouterr().out
    assert "toon deze hulp en stop" in hulp
    assert "show this help" not in hulp
    for optie in ("--format", "--from", "--into", "--gemeenten", "--jobs"):
        if f" {optie} " in hulp or f" {optie}\n" in hulp:
            regel = hulp.split(optie, 2)[-1].split("\n  -", 1)[0]
            assert len(regel.split()) > 2, (optie, regel)  # a text, not only its metavar


@pytest.mark.unit
def test_argparse_is_left_in_english_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse  # noqa: PLC0415

    main([])
    capsys.readouterr()
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def _tabel(tmp_path: Path, tekst: str) -> Path:
    pad = tmp_path / "gemeenten.json"
    pad.write_text(tekst, encoding="utf-8")
    return pad


@pytest.mark.unit
@pytest.mark.parametrize(
    ("tabel", "melding"),
    [
        ("[" * 100_000 + "]" * 100_000, "te diep genest"),
        ('{"123456782": "0363", "123456782": "0599"}', "staat er twee keer in"),
        ('{"123456782": "0363", "1234 56 782": "0599"}', "zijn dezelfde"),
    ],
    ids=["diep", "dubbel", "twee-spellingen"],
)
def test_a_gemeenten_table_that_is_not_one_answer_per_rsin_is_a_usage_error(
    tabel: str, melding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoer = tmp_path / "e.jsonl"
    invoer.write_text(REGEL + "\n", encoding="utf-8")
    pad = _tabel(tmp_path, tabel)
    assert main(["check", str(invoer), "--gemeenten", str(pad), "--jobs", "1"]) == 2
    fout = capsys.readouterr().err
    assert melding in fout
    assert "Traceback" not in fout
    if "spellingen" in melding or "dezelfde" in melding:
        assert "123456782" in fout  # an RSIN is no personal data: shown in full


@pytest.mark.unit
@pytest.mark.parametrize("url", ["memory://", "sqlite:///:memory:", "MEMORY://"])
def test_import_into_a_register_that_ends_with_the_command_is_refused_before_reading(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "bestaat-niet.json", "--gemeente", "0363", "--into", url]) == 2
    fout = capsys.readouterr().err
    assert "verdwijnt als het commando stopt" in fout
    assert "bestaat-niet" not in fout


@pytest.mark.storage
def test_import_into_an_unusable_sqlite_url_fails_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    invoer = tmp_path / "e.jsonl"
    invoer.write_text("{kapot\n", encoding="utf-8")  # unreadable: reading it would say so
    status = main(["import", str(invoer), "--gemeente", "0363", "--into", "sqlite:///a%00b.db"])
    assert status == 2
    fout = capsys.readouterr().err
    assert "NUL" in fout
    assert "e.jsonl" not in fout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.jsonl"]


@pytest.mark.storage
def test_import_reads_a_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)

    def schrijf() -> None:
        with fifo.open("w", encoding="utf-8") as pijp:
            pijp.write(REGEL + "\n")

    schrijver = threading.Thread(target=schrijf)
    schrijver.start()
    url = f"sqlite:///{tmp_path / 'k.db'}"
    try:
        assert main(["import", str(fifo), "--gemeente", "0363", "--into", url]) == 0
    finally:
        schrijver.join(timeout=10)
    assert "opgeslagen: 1" in capsys.readouterr().out
    with KlantRegister.open(url) as register:
        assert len(register) == 1


@pytest.mark.e2e
def test_import_reads_standard_input_for_a_dash(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    uit = _klantregister("import", "-", "--gemeente", "0363", "--into", url, invoer=REGEL + "\n")
    assert uit.returncode == 0, uit.stderr
    assert "opgeslagen: 1" in uit.stdout
    with KlantRegister.open(url) as register:
        assert len(register) == 1


def _klantregister(
    *args: str, env: dict[str, str] | None = None, invoer: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed command in a subprocess (else the module), as users run it."""
    commando = shutil.which("klantregister")
    basis = [commando] if commando else [sys.executable, "-m", "klantregister"]
    return subprocess.run(  # noqa: S603 - our own command
        [*basis, *args],
        input=invoer,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
        errors="backslashreplace",
    )


@pytest.mark.e2e
@pytest.mark.parametrize("uitvoer", ["text", "json"])
def test_a_file_name_that_is_not_utf_8_is_reported_not_a_crash(
    uitvoer: str, tmp_path: Path
) -> None:
    naam = os.fsdecode(b"export-\xff.jsonl")
    pad = tmp_path / naam
    kapot = json.loads(REGEL)
    kapot["subjectIdentificatie"]["inpBsn"] = "123"  # one violation, reported with the name
    pad.write_text(json.dumps(kapot) + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    uit = _klantregister(
        "check", str(pad), "--gemeente", "0363", "--jobs", "1", "--format", uitvoer, env=env
    )
    assert uit.returncode == 1, uit.stderr
    assert "Traceback" not in uit.stderr
    assert "export-\\udcff.jsonl" in uit.stdout
    if uitvoer == "json":
        assert json.loads(uit.stdout)["samenvatting"]["overtredingen"]


@pytest.mark.storage
def test_export_from_a_register_that_does_not_exist_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "typo.db"
    assert main(["export", "--from", f"sqlite:///{pad}", "--format", "jsonl"]) == 2
    assert "bestaat niet" in capsys.readouterr().err
    assert not pad.exists()


def _register_met_klanten(url: str, *, onschrijfbaar: bool = False) -> None:
    from klantregister import Identificatie, Kenmerken  # noqa: PLC0415
    from klantregister.domain import Authenticatie  # noqa: PLC0415

    with KlantRegister.open(url) as register:
        for n in range(3):
            register.registreer("0363", klantnummer=f"K{n}")
        if onschrijfbaar:  # a klant v1 cannot hold: not active
            register.registreer(
                "0363",
                identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
                authenticatie=als(
                    Identificatie.natuurlijk_persoon(bsn="111222333"), Authenticatie("hoog")
                ),
                kenmerken=Kenmerken(soort="persoon", actief=False),
            )


@pytest.mark.storage
def test_export_uit_writes_the_whole_export_owner_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    _register_met_klanten(url)
    assert main(["export", "--from", url, "--format", "jsonl"]) == 0
    verwacht = capsys.readouterr().out
    doel = tmp_path / "export.jsonl"
    assert main(["export", "--from", url, "--format", "jsonl", "--uit", str(doel)]) == 0
    assert capsys.readouterr().out == ""
    assert doel.read_text(encoding="utf-8") == verwacht
    assert oct(doel.stat().st_mode & 0o777) == oct(0o600)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.storage
def test_an_export_that_cannot_be_completed_leaves_the_target_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    _register_met_klanten(url, onschrijfbaar=True)
    doel = tmp_path / "export.json"
    doel.write_text("de vorige export\n", encoding="utf-8")
    argumenten = ["export", "--from", url, "--format", "klanten_v1", "--bronorganisatie"]
    status = main([*argumenten, "002564440", "--uit", str(doel)])
    assert status == 1
    fout = capsys.readouterr().err
    assert "niet geschreven" in fout
    assert "111222333" not in fout
    assert doel.read_text(encoding="utf-8") == "de vorige export\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.storage
def test_a_storage_failure_mid_export_leaves_the_target_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3  # noqa: PLC0415

    url = f"sqlite:///{tmp_path / 'k.db'}"
    _register_met_klanten(url)
    with sqlite3.connect(tmp_path / "k.db") as verbinding:
        verbinding.execute("UPDATE klant SET klantgegevens = '{kapot' WHERE klantnummer = 'K2'")
    doel = tmp_path / "export.jsonl"
    status = main(["export", "--from", url, "--format", "jsonl", "--uit", str(doel)])
    assert status == 3
    assert "niets geschreven" in capsys.readouterr().err
    assert not doel.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.storage
def test_export_uit_into_a_missing_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    _register_met_klanten(url)
    doel = tmp_path / "ontbreekt" / "export.jsonl"
    assert main(["export", "--from", url, "--format", "jsonl", "--uit", str(doel)]) == 2
    assert "ontbreekt" in capsys.readouterr().err


@pytest.mark.unit
@pytest.mark.parametrize("processen", ["1", "2"])
def test_check_reads_a_fifo(
    processen: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    kapot = json.loads(REGEL)
    kapot["subjectIdentificatie"]["inpBsn"] = "123"

    def schrijf() -> None:
        with fifo.open("w", encoding="utf-8") as pijp:
            pijp.write(REGEL + "\n" + json.dumps(kapot) + "\n")

    schrijver = threading.Thread(target=schrijf)
    schrijver.start()
    try:
        status = main(["check", str(fifo), "--gemeente", "0363", "--jobs", processen])
    finally:
        schrijver.join(timeout=10)
    assert status == 1
    uit = capsys.readouterr().out
    assert "2 records: 1 aangehaakt" in uit
    assert f"{fifo}:2" in uit


@pytest.mark.e2e
def test_check_reads_standard_input_for_a_dash() -> None:
    uit = _klantregister("check", "-", "--gemeente", "0363", invoer=REGEL + "\n")
    assert uit.returncode == 0, uit.stderr
    assert "1 records: 1 aangehaakt" in uit.stdout
