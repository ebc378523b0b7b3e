"""``klantregister check`` run as users run it: the notes of what is not taken over.

The installed command in a subprocess: notes leave the exit status alone, are
printed as ``import`` prints them, and are the same with ``--jobs 1`` and with a
large JSON Lines file shared out over two processes. ``import`` still lists its
own notes once.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

VOORBEELD = Path(__file__).parent.parent / "examples" / "klanten_v1_export.json"
KLANT = "https://klanten.example.nl/api/v1/klanten/"
SUBJECT_ZELF = (
    "gegevens van het subject zelf, die de BRP of het Handelsregister houdt; "
    "het register neemt het niet over"
)
#: Of each field, how many notes a report lists (klantregister.check.OPMERKINGEN_PER_VELD).
PER_VELD = 100
#: More than two parts of the smallest size a process is given (4 MiB each).
GROOT = 9 << 20


def klantregister(*args: str) -> subprocess.CompletedProcess[str]:
    # The installed console script, as users run it; else the module, as CI's venv has both.
    commando = shutil.which("klantregister")
    basis = [commando] if commando else [sys.executable, "-m", "klantregister"]
    return subprocess.run(  # noqa: S603 - our own command, arguments from the test
        [*basis, *args], capture_output=True, text=True, timeout=300, check=False
    )


def check(pad: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return klantregister("check", str(pad), "--gemeente", "0363", *args)


def persoon(nummer: int, **si: Any) -> dict[str, Any]:
    """A valid natural person with a BSN of its own, numbered from 1."""
    acht = f"{10_000_000 + (7_919 * nummer) % 90_000_000:08d}"
    controle = sum(g * int(c) for g, c in zip(range(9, 1, -1), acht, strict=True)) % 11
    if controle == 10:  # no ninth digit makes it pass: the next number does
        return persoon(nummer + 1_000_000, **si)
    return {
        "url": f"{KLANT}{nummer}",
        "voornaam": "Anna",
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": acht + str(controle), **si},
    }


def test_a_file_with_notes_only_exits_0_and_prints_each_note_by_record(tmp_path: Path) -> None:
    pad = tmp_path / "klanten.jsonl"
    records = [persoon(1, geslachtsnaam="Jansen"), {**persoon(2), "aanmaakkanaal": "balie"}]
    pad.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    uit = check(pad)
    assert (0, "") == (uit.returncode, uit.stderr)
    assert [
        f"{pad}:1 [{KLANT}1] niet overgenomen: subjectIdentificatie.geslachtsnaam: {SUBJECT_ZELF}",
        f"{pad}:2 [{KLANT}2] niet overgenomen: aanmaakkanaal: een veld dat het formaat niet "
        "kent; het register neemt het niet over",
        "niet overgenomen: 2 opmerkingen in 2 records: aanmaakkanaal 1, "
        "subjectIdentificatie.geslachtsnaam 1",
        "",
        "2 records: 2 aangehaakt, 0 zelfstandig; overtredingen: geen",
    ] == uit.stdout.splitlines()
    assert "Jansen" not in uit.stdout
    assert "balie" not in uit.stdout

    json_uit = check(pad, "--format", "json")
    assert 0 == json_uit.returncode
    rapport = json.loads(json_uit.stdout)
    assert [(1, 1, "subjectIdentificatie.geslachtsnaam"), (2, 2, "aanmaakkanaal")] == [
        (o["positie"], o["regel"], o["veld"]) for o in rapport["niet_overgenomen"]
    ]
    assert {
        "opmerkingen": 2,
        "records": 2,
        "per_veld": {"aanmaakkanaal": 1, "subjectIdentificatie.geslachtsnaam": 1},
    } == rapport["samenvatting"]["niet_overgenomen"]
    assert ([], {}) == (rapport["bevindingen"], rapport["samenvatting"]["overtredingen"])


def test_the_example_export_keeps_its_exit_status_and_gets_the_notes_of_its_subjects() -> None:
    uit = check(VOORBEELD, "--format", "json")
    assert 1 == uit.returncode  # for its violations, as before
    rapport = json.loads(uit.stdout)
    assert {
        "opmerkingen": 148,
        "records": 48,
        "per_veld": {
            "subjectIdentificatie.geslachtsnaam": 41,
            "subjectIdentificatie.handelsnaam": 1,
            "subjectIdentificatie.statutaireNaam": 6,
            "subjectIdentificatie.voorletters": 41,
            "subjectIdentificatie.voornamen": 41,
            "subjectIdentificatie.voorvoegselGeslachtsnaam": 18,
        },
    } == rapport["samenvatting"]["niet_overgenomen"]
    assert 148 == len(rapport["niet_overgenomen"])


def test_a_large_file_in_two_processes_gives_the_report_of_one_notes_included(
    tmp_path: Path,
) -> None:
    # Every record has notes (more of each field than a report lists); some a violation; a
    # field is noted only near the end, in the second part.
    pad = tmp_path / "groot.jsonl"
    with pad.open("w", encoding="utf-8") as bestand:
        nummer = 0
        while bestand.tell() < GROOT:
            nummer += 1
            record = persoon(nummer, geslachtsnaam="Jansen", voorletters="A", geboortedatum="")
            if nummer % 1_000 == 0:
                record["telefoonnummer"] = "0" * 21  # over its limit
            bestand.write(json.dumps(record) + "\n")
        bestand.write(json.dumps({**persoon(nummer + 1), "aanmaakkanaal": "balie"}) + "\n")
    aantal = nummer + 1
    for uitvoer in ("text", "json"):
        een = check(pad, "--format", uitvoer, "--jobs", "1")
        twee = check(pad, "--format", uitvoer, "--jobs", "2")
        assert (1, 1, "", "") == (een.returncode, twee.returncode, een.stderr, twee.stderr)
        assert een.stdout == twee.stdout
    rapport = json.loads(twee.stdout)
    assert {
        "opmerkingen": 2 * nummer + 1,
        "records": aantal,
        "per_veld": {
            "aanmaakkanaal": 1,
            "subjectIdentificatie.geslachtsnaam": nummer,
            "subjectIdentificatie.voorletters": nummer,
        },
    } == rapport["samenvatting"]["niet_overgenomen"]
    assert 2 * PER_VELD + 1 == len(rapport["niet_overgenomen"])
    assert aantal == rapport["niet_overgenomen"][-1]["positie"]
    assert nummer // 1_000 == rapport["samenvatting"]["overtredingen"]["limiet"]


def test_import_lists_each_note_once(tmp_path: Path) -> None:
    pad = tmp_path / "klanten.jsonl"
    pad.write_text(json.dumps(persoon(1, geslachtsnaam="Jansen")) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    uit = klantregister("import", str(pad), "--gemeente", "0363", "--into", url)
    assert 0 == uit.returncode
    regels = [r for r in uit.stdout.splitlines() if "niet overgenomen" in r]
    assert [
        f"{pad}:1 [{KLANT}1] niet overgenomen: subjectIdentificatie.geslachtsnaam: {SUBJECT_ZELF}"
    ] == regels
    json_uit = klantregister(
        "import", str(pad), "--gemeente", "0363", "--into", url, "--format", "json"
    )
    rapport = json.loads(json_uit.stdout)
    assert "niet_overgenomen" not in rapport
    assert 1 == len(rapport["import"]["niet_overgenomen"])
