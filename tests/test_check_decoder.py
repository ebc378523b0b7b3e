"""``check`` in parts gives the same report with orjson decoding the lines and without it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantregister.check import Controle, Controlerapport, Invoer, controleer_bestand, parallel
from klantregister.domain import Gemeentecode
from klantregister.formats import stream

pytestmark = pytest.mark.process

GEMEENTE = Gemeentecode("0363")


def persoon(bsn: str, **extra: Any) -> dict[str, Any]:
    return {
        "url": "https://klanten.example/api/v1/klanten/6b5e5b2c-0b6d-4d0b-9b1a-1c6d8a1b2c3d",
        "voornaam": "Zoë",
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": bsn, "geslachtsnaam": "Jansen"},
        **extra,
    }


#: Lines as exports write them, and the near-JSON the decoders may read otherwise.
REGELS = st.sampled_from(
    [
        orjson.dumps(persoon("111222333")),
        orjson.dumps(persoon("123456782")),
        json.dumps(persoon("111222333")).encode(),  # with spaces: the standard decoder's
        json.dumps(persoon("010000008"), ensure_ascii=True).encode(),  # escapes
        orjson.dumps(persoon("111222333", huisnummer=18446744073709551615)),
        orjson.dumps(persoon("111222333"))[:-1] + b',"huisnummer":18446744073709551616}',
        orjson.dumps(persoon("111222333"))[:-1] + b',"voornaam":"Piet"}',
        orjson.dumps(persoon("111222333"))[:-1] + b',"x":{"a":1,"a":1}}',
        orjson.dumps(persoon("111222333"))[:-1] + b',"x":1e400}',
        orjson.dumps(persoon("111222333"))[:-1] + b',"x":"\\ud800"}',
        orjson.dumps(persoon("111222333"))[:-1] + b',"x":' + b"1" * 31 + b"}",
        orjson.dumps({"subjectType": "", "voornaam": "Jan", "x": -0.0}),
        b"",
    ]
)


def controleer(pad: Path, snel: object) -> Controlerapport | str:
    """The report of a check of ``pad`` in two parts with ``snel`` as the decoder (orjson
    or None), or the error it ends with."""
    oud = stream._orjson
    stream._orjson = snel  # type: ignore[assignment]
    try:
        controle = Controle()
        with pad.open("rb") as bestand:
            controleer_bestand(
                bestand, "export.jsonl", controle, Invoer("klanten_v1", GEMEENTE), processen=2
            )
        return controle.rapport()
    except Exception as fout:  # compared, not hidden
        return f"{type(fout).__name__}: {fout}"
    finally:
        stream._orjson = oud


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(REGELS, min_size=2, max_size=12))
def test_a_file_checked_in_parts_gives_the_same_report_with_orjson_and_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, regels: list[bytes]
) -> None:
    monkeypatch.setattr(parallel, "MIN_DEEL", 1)  # parts of any size
    pad = tmp_path / "export.jsonl"
    pad.write_bytes(b"\n".join(regels) + b"\n")
    assert controleer(pad, None) == controleer(pad, orjson)
