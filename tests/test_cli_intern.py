"""The command line called in-process: the paths the subprocess tests do not reach."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pytest

from klantregister.cli import commando as _cli

VOORBEELD = Path(__file__).parent.parent / "examples" / "klanten_v1_export.json"


@pytest.mark.unit
def test_a_mapping_file_gives_each_bronorganisatie_its_gemeente(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tabel = tmp_path / "gemeenten.json"
    tabel.write_text(json.dumps({"002564440": "0363"}), encoding="utf-8")
    assert 1 == _cli.main(["check", str(VOORBEELD), "--gemeenten", str(tabel)])
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("52 records")


@pytest.mark.unit
@pytest.mark.parametrize("inhoud", ["geen json", "[1, 2]"])
def test_an_unreadable_mapping_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inhoud: str
) -> None:
    tabel = tmp_path / "gemeenten.json"
    tabel.write_text(inhoud, encoding="utf-8")
    assert 2 == _cli.main(["check", str(VOORBEELD), "--gemeenten", str(tabel)])
    assert "gemeenten.json" in capsys.readouterr().err


@pytest.mark.unit
def test_a_bronorganisatie_missing_from_the_mapping_is_a_gemeente_violation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tabel = tmp_path / "gemeenten.json"
    tabel.write_text(json.dumps({"002220647": "0344"}), encoding="utf-8")
    assert 1 == _cli.main(["check", str(VOORBEELD), "--gemeenten", str(tabel), "--format", "json"])
    assert 52 == json.loads(capsys.readouterr().out)["samenvatting"]["overtredingen"]["gemeente"]


@pytest.mark.storage
def test_import_in_json_reports_what_was_stored_and_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    argumenten = ["import", str(VOORBEELD), "--gemeente", "0363", "--into", url]
    assert 1 == _cli.main([*argumenten, "--format", "json"])
    uitvoer = json.loads(capsys.readouterr().out)
    assert 43 == uitvoer["import"]["opgeslagen"]
    assert [40, 41] == sorted(r["positie"] for r in uitvoer["import"]["geweigerd"])


@pytest.mark.unit
def test_an_unknown_storage_url_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == _cli.main(["export", "--from", "ftp://x/y", "--format", "jsonl"])
    assert "opslag: onbekend URL-schema" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.unit
def test_progress_shows_on_a_terminal_with_rate_and_time_left(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    # A clock that advances a second per reading, so every record shows progress.
    klok = itertools.count()
    monkeypatch.setattr("time.monotonic", lambda: float(next(klok)))
    assert 1 == _cli.main(["check", str(VOORBEELD), "--gemeente", "0363"])
    voortgang = terminal.getvalue()
    assert "records, " in voortgang
    assert "/s, nog ~" in voortgang
    assert voortgang.endswith("\r\x1b[K")
    assert "records" not in capsys.readouterr().err


@pytest.mark.unit
def test_progress_never_mixes_into_json_output(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert 1 == _cli.main(["check", str(VOORBEELD), "--gemeente", "0363", "--format", "json"])
    assert "" == terminal.getvalue()


@pytest.mark.unit
def test_check_reads_klantinteracties_partijen_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partij = {
        "soortPartij": "persoon",
        "partijIdentificatoren": [
            {
                "partijIdentificator": {
                    "codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn",
                    "objectId": "111222333",
                    "codeRegister": "brp",
                }
            }
        ],
    }
    bestand = tmp_path / "partijen.jsonl"
    bestand.write_text(json.dumps(partij) + "\n" + json.dumps(partij) + "\n", encoding="utf-8")
    argumenten = ["check", str(bestand), "--gemeente", "0363", "--invoer", "klantinteracties"]
    assert 1 == _cli.main(argumenten)
    uit = capsys.readouterr().out
    assert "KLOK01 regel 1: gemeente 0363, Bsn ******333 in 2 records" in uit
    assert "111222333" not in uit


@pytest.mark.unit
@pytest.mark.parametrize("aantal", ["0", "x"])
def test_check_jobs_must_be_a_number_of_processes(
    capsys: pytest.CaptureFixture[str], aantal: str
) -> None:
    with pytest.raises(SystemExit) as info:
        _cli.main(["check", str(VOORBEELD), "--gemeente", "0363", "--jobs", aantal])
    assert 2 == info.value.code
    assert "--jobs" in capsys.readouterr().err


@pytest.fixture
def voorbeeld_jsonl(tmp_path: Path) -> Path:
    """The example export as JSON Lines: one record per line."""
    pagina = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    pad = tmp_path / "klanten_v1_export.jsonl"
    pad.write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in pagina["results"]),
        encoding="utf-8",
    )
    return pad


@pytest.mark.process
@pytest.mark.parametrize("uitvoer", ["text", "json"])
def test_check_in_parts_prints_what_one_process_prints(
    voorbeeld_jsonl: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    uitvoer: str,
) -> None:
    monkeypatch.setattr("klantregister.check.parallel.MIN_DEEL", 1024)
    argumenten = ["check", str(voorbeeld_jsonl), "--gemeente", "0363", "--format", uitvoer]
    assert 1 == _cli.main([*argumenten, "--jobs", "1"])
    een_proces = capsys.readouterr().out
    assert 1 == _cli.main([*argumenten, "--jobs", "2"])
    assert een_proces == capsys.readouterr().out


@pytest.mark.process
def test_progress_shows_on_a_terminal_with_jobs_too(
    voorbeeld_jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr("klantregister.check.parallel.MIN_DEEL", 1024)
    klok = itertools.count()
    monkeypatch.setattr("time.monotonic", lambda: float(next(klok)))
    assert 1 == _cli.main(["check", str(voorbeeld_jsonl), "--gemeente", "0363", "--jobs", "2"])
    voortgang = terminal.getvalue()
    assert "records, " in voortgang
    assert "/s, nog ~" in voortgang
