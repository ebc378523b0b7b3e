"""The line decoder with orjson (the extra ``snel``) and without: every line read alike.

``decodeer_regel`` takes orjson's value only when orjson writes it back as the very
bytes it read; everything else goes to the standard library's decoder. These tests
decode arbitrary JSON and near-JSON both ways and demand the same value (type, sign of
zero and key order included) or the same error with the same message.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from klantregister.formats import stream

pytestmark = pytest.mark.unit


def beide(ruw: bytes) -> tuple[tuple[str, str], tuple[str, str]]:
    """What decodeer_regel gives for ``ruw`` with orjson and without: ("waarde", repr) or
    ("fout", message)."""
    uitkomsten = []
    for snel in (orjson, None):
        oud, stream._orjson = stream._orjson, snel
        try:
            uitkomsten.append(("waarde", repr(stream.decodeer_regel(ruw))))
        except stream.GeenRecord as fout:
            uitkomsten.append(("fout", str(fout)))
        finally:
            stream._orjson = oud
    return uitkomsten[0], uitkomsten[1]


def gelijk(ruw: bytes) -> None:
    met, zonder = beide(ruw)
    assert zonder == met


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda kinderen: (
        st.lists(kinderen, max_size=4) | st.dictionaries(st.text(max_size=4), kinderen, max_size=4)
    ),
    max_leaves=20,
)


def bevat_groot_getal(waarde: object) -> bool:
    if isinstance(waarde, dict):
        return any(map(bevat_groot_getal, waarde.values()))
    if isinstance(waarde, list):
        return any(map(bevat_groot_getal, waarde))
    return isinstance(waarde, int) and not -(2**63) <= waarde < 2**64


def schrijfwijzen(waarde: object) -> Iterator[bytes]:
    """``waarde`` written as JSON the ways exports write it."""
    if not bevat_groot_getal(waarde):  # orjson writes integers of 64 bits at most
        yield orjson.dumps(waarde)
    yield json.dumps(waarde, ensure_ascii=False, separators=(",", ":")).encode()
    yield json.dumps(waarde).encode()
    yield json.dumps(waarde, ensure_ascii=True, separators=(",", ":")).encode()


@given(JSON)
def test_any_json_value_decodes_alike_however_it_is_written(waarde: object) -> None:
    for ruw in schrijfwijzen(waarde):
        gelijk(ruw)


class Spion:
    """orjson, remembering the last value it decoded."""

    def __init__(self) -> None:
        self.laatste: object = None
        self.dumps = orjson.dumps

    def loads(self, ruw: bytes) -> object:
        self.laatste = orjson.loads(ruw)
        return self.laatste


@given(JSON)
def test_orjson_is_taken_for_the_compact_form_it_writes_itself(waarde: object) -> None:
    assume(not bevat_groot_getal(waarde))
    ruw = orjson.dumps(waarde)
    assume(len(ruw) <= 200)  # longer lines are counted for their nesting first
    # A line with '": ' in it (a string holding it) is read by the standard decoder, as
    # the spaced form json.dumps writes: stream.decodeer_regel does not try orjson there.
    assume(b'": ' not in ruw)
    spion = Spion()
    oud, stream._orjson = stream._orjson, spion  # type: ignore[assignment]
    try:
        gelezen = stream.decodeer_regel(ruw)
    finally:
        stream._orjson = oud
    assert gelezen is spion.laatste
    if isinstance(gelezen, (dict, list)):  # not a value Python shares (None, small ints)
        assert gelezen is not stream.decodeer_regel(ruw.decode())


#: Pieces of near-JSON: what orjson and the standard decoder may read otherwise.
STUKKEN = st.sampled_from(
    [
        b"{",
        b"}",
        b"[",
        b"]",
        b",",
        b":",
        b'"a"',
        b'"a":1',
        b'"a":2',
        b'"a\\u0000b"',
        b'"\\ud800"',
        b'"\\udc00\\ud800"',
        b'"\\ud83d\\ude00"',
        b'"\\/"',
        b'"\xed\xa0\x80"',
        b"\xff",
        b"\xc3",
        b"\xef\xbb\xbf",
        b"NaN",
        b"Infinity",
        b"-Infinity",
        b"1e400",
        b"-0",
        b"-0.0",
        b"1.0",
        b"1E5",
        b"1e16",
        b"18446744073709551615",
        b"18446744073709551616",
        b"-9223372036854775809",
        b"1" * 30,
        b"1" * 31,
        b"0.1",
        b"5e-324",
        b"true",
        b"null",
        b" ",
        b"\t",
        b"\n",
        b'"\x7f"',
        b'"\x01"',
        '"zë"'.encode(),
    ]
)


@given(st.lists(STUKKEN, max_size=12).map(b"".join))
@example(b'{"a":1,"a":2}')
@example(b'{"a":{"b":1,"b":1}}')
@example(b'{"a":"x:y","a":"z"}')
@example(b"18446744073709551616")
@example(b"1" * 31)
@example(b'"\\ud800"')
@example(b"\xef\xbb\xbf{}")
@example(b'{"a":1}\xff')
@example(b"[" * 150 + b"]" * 150)
@example(b"[" * 1010 + b"]" * 1010)  # orjson reads it; Python meets its recursion limit
@example(b"[" * 2000 + b"]" * 2000)
def test_near_json_decodes_alike_or_fails_alike(ruw: bytes) -> None:
    gelijk(ruw)


@given(st.binary(max_size=60))
def test_any_bytes_decode_alike_or_fail_alike(ruw: bytes) -> None:
    gelijk(ruw)


@given(st.dictionaries(st.text(max_size=3), JSON, min_size=1, max_size=5), st.data())
def test_a_key_given_twice_is_refused_with_orjson_too(
    waarde: dict[str, Any], data: st.DataObject
) -> None:
    sleutel = data.draw(st.sampled_from(sorted(waarde)))
    tweede = data.draw(JSON)
    schrijf = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    ruw = f"{schrijf(waarde)[:-1]},{schrijf(sleutel)}:{schrijf(tweede)}".encode()
    met, zonder = beide(ruw + b"}")
    assert ("fout", "geen enkel JSON-record") == met == zonder


def test_text_is_decoded_by_the_standard_decoder_alike() -> None:
    assert {"a": [1, 2.5]} == stream.decodeer_regel('{"a": [1, 2.5]}')
    assert {"a": [1, 2.5]} == stream.decodeer_regel(b'{"a":[1,2.5]}')


def test_invalid_utf_8_is_no_record() -> None:
    with pytest.raises(stream.GeenRecord, match="geen geldige UTF-8"):
        stream.decodeer_regel(b'{"a":"\xff"}')


def decoder_in_subprocess(code: str, **omgeving: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "KLANTREGISTER_JSON"} | omgeving
    uitkomst = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return uitkomst.stdout.strip()


TOON = (
    "from klantregister.formats import stream, decodeer_regel\n"
    "print(stream.decoder(), stream.decodeer_regel(b'{\"a\":[1,2.5,null]}'))"
)


def test_without_orjson_the_standard_decoder_reads_the_lines() -> None:
    code = "import sys; sys.modules['orjson'] = None\n" + TOON
    assert "json {'a': [1, 2.5, None]}" == decoder_in_subprocess(code)


def test_klantregister_json_set_to_json_turns_orjson_off() -> None:
    assert "json {'a': [1, 2.5, None]}" == decoder_in_subprocess(TOON, KLANTREGISTER_JSON="json")


def test_with_orjson_installed_it_is_tried_first() -> None:
    assert "orjson {'a': [1, 2.5, None]}" == decoder_in_subprocess(TOON)
