"""End-to-end tests of the installed ``klantregister`` command, run in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

VOORBEELD = Path(__file__).parent.parent / "examples" / "klanten_v1_export.json"


def klantregister(*args: str) -> subprocess.CompletedProcess[str]:
    # The installed console script, as users run it; else the module, as CI's venv has both.
    commando = shutil.which("klantregister")
    basis = [commando] if commando else [sys.executable, "-m", "klantregister"]
    return subprocess.run(  # noqa: S603 - our own command, arguments from the test
        [*basis, *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_check_of_the_example_reports_every_kind_of_violation_and_exits_1() -> None:
    uit = klantregister("check", str(VOORBEELD), "--gemeente", "0363")
    assert 1 == uit.returncode
    laatste = uit.stdout.strip().splitlines()[-1]
    assert (
        "52 records: 44 aangehaakt, 4 zelfstandig; overtredingen: limiet 2, ongeldig_veld 1, "
        "ongeldige_identificatie 3, regel_1 2, regel_3 1"
    ) == laatste
    assert "" == uit.stderr


def test_check_reports_nothing_about_the_tabel_34_landcodes_of_real_addresses() -> None:
    export = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    landcodes = [r["adres"]["landcode"] for r in export["results"] if r.get("adres")]
    uit = klantregister("check", str(VOORBEELD), "--gemeente", "0363", "--format", "json")
    velden = [bevinding["veld"] for bevinding in json.loads(uit.stdout)["bevindingen"]]
    assert (48, {"6030"}) == (len(landcodes), set(landcodes))
    assert [] == [veld for veld in velden if "landcode" in veld]


def test_check_names_file_position_field_and_rule() -> None:
    uit = klantregister("check", str(VOORBEELD), "--gemeente", "0363")
    regel = next(r for r in uit.stdout.splitlines() if "11-proef" in r)
    assert regel.startswith(f"{VOORBEELD}:29 (regel ")
    assert "subjectIdentificatie.inpBsn" in regel
    assert "(ongeldige_identificatie/controlegetal)" in regel


def test_check_never_prints_a_full_bsn() -> None:
    export = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    bsns = {
        r["subjectIdentificatie"]["inpBsn"]
        for r in export["results"]
        if r.get("subjectIdentificatie") and r["subjectIdentificatie"].get("inpBsn")
    }
    uit = klantregister("check", str(VOORBEELD), "--gemeente", "0363", "--format", "json")
    assert bsns
    assert not [bsn for bsn in bsns if bsn in uit.stdout or bsn in uit.stderr]


def test_check_in_json_gives_the_summary_and_the_rule_1_groups() -> None:
    uit = klantregister("check", str(VOORBEELD), "--gemeente", "0363", "--format", "json")
    rapport = json.loads(uit.stdout)
    assert {"records": 52, "aangehaakt": 44, "zelfstandig": 4} == {
        k: rapport["samenvatting"][k] for k in ("records", "aangehaakt", "zelfstandig")
    }
    assert [2, 2] == [len(groep["records"]) for groep in rapport["regel_1"]]


def test_check_of_a_clean_file_exits_0(tmp_path: Path) -> None:
    schoon = tmp_path / "schoon.jsonl"
    schoon.write_text(
        json.dumps(
            {"subjectType": "natuurlijk_persoon", "subjectIdentificatie": {"inpBsn": "111222333"}}
        )
        + "\n",
        encoding="utf-8",
    )
    uit = klantregister("check", str(schoon), "--gemeente", "0363")
    assert 0 == uit.returncode
    assert uit.stdout.strip().endswith("overtredingen: geen")


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ('[{"voornaam": "Zoë"}, ', "schoon.json"),
        ("geen json", "schoon.json"),
        ('{"results": 3}', "schoon.json"),
    ],
)
def test_unreadable_input_exits_2_without_a_traceback(
    tmp_path: Path, inhoud: str, melding: str
) -> None:
    bestand = tmp_path / "schoon.json"
    bestand.write_text(inhoud, encoding="utf-8")
    uit = klantregister("check", str(bestand), "--gemeente", "0363")
    assert 2 == uit.returncode
    assert "Traceback" not in uit.stderr
    assert melding in uit.stderr


def test_a_missing_gemeente_is_a_usage_error() -> None:
    uit = klantregister("check", str(VOORBEELD))
    assert 2 == uit.returncode
    assert "--gemeente" in uit.stderr


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    uit = klantregister("check", str(tmp_path / "bestaat-niet.json"), "--gemeente", "0363")
    assert 2 == uit.returncode
    assert "kan niet geopend worden" in uit.stderr


def test_import_stores_the_valid_records_and_reports_the_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    uit = klantregister("import", str(VOORBEELD), "--gemeente", "0363", "--into", url)
    assert 1 == uit.returncode
    # 45 readable records; of each rule-1 pair the second is refused.
    assert (
        "opgeslagen: 43, al aanwezig: 0, bijgewerkt: 0, geweigerd: 2"
        == (uit.stdout.strip().splitlines()[-1])
    )
    export = klantregister("export", "--from", url, "--format", "jsonl")
    assert 0 == export.returncode
    assert 43 == len(export.stdout.splitlines())


def test_export_as_v1_needs_a_bronorganisatie(tmp_path: Path) -> None:
    uit = klantregister(
        "export", "--from", f"sqlite:///{tmp_path / 'k.db'}", "--format", "klanten_v1"
    )
    assert 2 == uit.returncode
    assert "--bronorganisatie" in uit.stderr


def test_export_as_v1_reads_back_as_the_same_klanten_and_names_those_v1_cannot_hold(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    klantregister("import", str(VOORBEELD), "--gemeente", "0363", "--into", url)
    uit = klantregister(
        "export",
        *("--from", url, "--format", "klanten_v1", "--bronorganisatie", "002564440"),
        *("--website-url", "https://www.amsterdam.nl", "--vorm", "antwoord"),
    )
    v1 = tmp_path / "terug.jsonl"
    v1.write_text(uit.stdout, encoding="utf-8")
    terug = klantregister("check", str(v1), "--gemeente", "0363")
    assert 0 == terug.returncode
    # The six organisations the example knows by KvK-nummer only have no place in v1,
    # whose innNnpId is an RSIN: each is named, the others written.
    assert terug.stdout.strip().startswith("37 records")
    assert (1, 6, "6 klanten niet geschreven") == (
        uit.returncode,
        uit.stderr.count("Klanten API v1 heeft geen veld voor een KvK-nummer"),
        uit.stderr.strip().splitlines()[-1],
    )
    ids = {json.loads(regel)["url"] for regel in uit.stdout.splitlines()}
    export = json.loads(VOORBEELD.read_text(encoding="utf-8"))["results"]
    assert ids <= {record["url"] for record in export}
