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
