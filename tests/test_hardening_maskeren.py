"""Hardening (issue 11): what is masked and what is not.

A BSN or A-nummer never shows in full, nor does an invalid value where an organisation's
number belongs (it may be a BSN in the wrong field); a valid RSIN naming a source
organisation does, so the user sees which one to add; a record's id (its url, which may
hold a BSN) is masked in what import reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from klantregister import Bsn, OngeldigeWaardeError
from klantregister.cli import main

BSN = "111222333"
RSIN = "123456782"


@pytest.mark.unit
@pytest.mark.parametrize("waarde", ["11122233X", "111222334", "1112223331"])
def test_an_invalid_bsn_is_never_shown(waarde: str) -> None:
    # An invalid organisation number is masked too (test_privacy): it may be a BSN.
    with pytest.raises(OngeldigeWaardeError) as fout:
        Bsn(waarde)
    assert waarde[:6] not in str(fout.value)


def _record(url: str, bsn: str = BSN, **meer: object) -> str:
    return json.dumps(
        {
            "url": url,
            "subjectType": "natuurlijk_persoon",
            "subjectIdentificatie": {"inpBsn": bsn},
            **meer,
        }
    )


@pytest.mark.unit
def test_a_bronorganisatie_missing_from_the_table_is_named_in_full(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoer = tmp_path / "e.jsonl"
    invoer.write_text(
        _record(
            "https://klanten.example.nl/api/v1/klanten/00000000-0000-0000-0000-000000000001",
            bronorganisatie=RSIN,
        )
        + "\n",
        encoding="utf-8",
    )
    tabel = tmp_path / "g.json"
    tabel.write_text('{"002220647": "0363"}', encoding="utf-8")
    assert main(["check", str(invoer), "--gemeenten", str(tabel), "--jobs", "1"]) == 1
    uit = capsys.readouterr().out
    assert f"'{RSIN}' staat niet in de tabel" in uit
    assert BSN not in uit


@pytest.mark.unit
def test_a_bronorganisatie_that_is_no_rsin_is_masked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoer = tmp_path / "e.jsonl"
    invoer.write_text(_record("https://k.example.nl/1", bronorganisatie="1112223330") + "\n")
    tabel = tmp_path / "g.json"
    tabel.write_text('{"002220647": "0363"}', encoding="utf-8")
    assert main(["check", str(invoer), "--gemeenten", str(tabel), "--jobs", "1"]) == 1
    uit = capsys.readouterr().out
    assert "staat niet in de tabel" in uit
    assert "1112223330" not in uit


@pytest.mark.storage
@pytest.mark.parametrize("uitvoer", ["text", "json"])
def test_import_masks_a_bsn_in_the_url_of_a_refused_record(
    uitvoer: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoer = tmp_path / "e.jsonl"
    invoer.write_text(
        _record("https://klanten.example.nl/api/v1/klanten?bsn=111222333", voornaam="An")
        + "\n"
        + _record("https://klanten.example.nl/api/v1/klanten?bsn=111222333&x=1", voornaam="Bo")
        + "\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'k.db'}"
    status = main(["import", str(invoer), "--gemeente", "0363", "--into", url, "--format", uitvoer])
    assert status == 1
    uit = capsys.readouterr()
    assert "geweigerd" in uit.out
    assert "klanten?bsn=******333" in uit.out
    assert BSN not in uit.out + uit.err


@pytest.mark.unit
def test_the_repr_of_a_record_read_masks_its_bsn() -> None:
    import io  # noqa: PLC0415

    from klantregister.formats import lees_records  # noqa: PLC0415

    tekst = json.dumps({"subjectIdentificatie": {"inpBsn": BSN}}).encode()
    record = next(lees_records(io.BytesIO(tekst)))
    assert record.waarde == {"subjectIdentificatie": {"inpBsn": BSN}}  # the value is kept
    assert BSN not in repr(record)
    assert "******333" in repr(record)


MET_BSN = "https://klanten.example.nl/api/v1/klanten?bsn=111222333"
MET_UUID = "https://klanten.example.nl/api/v1/klanten/6b5e5b2c-0b6d-4d0b-9b1a-123456789012"


def _twee_records(tmp_path: Path) -> Path:
    invoer = tmp_path / "e.jsonl"
    ongeldig = {"inpBsn": "123"}  # a violation, so each record is named in the report
    invoer.write_text(
        json.dumps({"url": MET_BSN, "subjectType": "natuurlijk_persoon", SI: ongeldig})
        + "\n"
        + json.dumps({"url": MET_UUID, "subjectType": "natuurlijk_persoon", SI: ongeldig})
        + "\n",
        encoding="utf-8",
    )
    return invoer


SI = "subjectIdentificatie"


@pytest.mark.unit
@pytest.mark.parametrize("uitvoer", ["text", "json"])
def test_check_masks_a_bsn_in_a_record_url_and_shows_a_uuid_whole(
    uitvoer: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoer = _twee_records(tmp_path)
    argumenten = ["check", str(invoer), "--gemeente", "0363", "--jobs", "1", "--format", uitvoer]
    assert main(argumenten) == 1
    uit = capsys.readouterr().out
    assert BSN not in uit
    assert "klanten?bsn=******333" in uit
    assert MET_UUID in uit  # the id the user looks the record up by


@pytest.mark.unit
def test_a_rule_1_group_names_its_records_with_masked_urls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoer = tmp_path / "e.jsonl"
    regels = [
        json.dumps(
            {"url": f"{MET_BSN}&n={n}", "subjectType": "natuurlijk_persoon", SI: {"inpBsn": BSN}}
        )
        for n in range(2)
    ]
    invoer.write_text("\n".join(regels) + "\n", encoding="utf-8")
    argumenten = ["check", str(invoer), "--gemeente", "0363", "--jobs", "1", "--format", "json"]
    assert main(argumenten) == 1
    uit = capsys.readouterr().out
    assert BSN not in uit
    assert (
        json.loads(uit)["regel_1"][0]["records"][0]["id"]
        == "https://klanten.example.nl/api/v1/klanten?bsn=******333&n=0"
    )


@pytest.mark.unit
def test_the_html_report_shows_its_own_counts_and_positions_and_masks_the_bsn(
    tmp_path: Path,
) -> None:
    import attrs  # noqa: PLC0415

    from klantregister.check import Controle  # noqa: PLC0415
    from klantregister.formats import klanten_v1  # noqa: PLC0415

    controle = Controle()
    for gelezen in klanten_v1.lees(_twee_records(tmp_path), gemeenten="0363"):
        controle.voeg_toe(gelezen, "e.json")
    rapport = controle.rapport()
    groot = attrs.evolve(
        rapport,
        records=1_000_003,
        bevindingen=tuple(attrs.evolve(b, positie=654_567) for b in rapport.bevindingen),
    )
    tekst = groot._repr_html_()
    assert "1000003" in tekst
    assert "654567" in tekst
    assert "***003" not in tekst
    assert "***567" not in tekst
    assert BSN not in tekst
    assert "bsn=******333" in tekst
