"""A JSON Lines file written with spaces after its colons (``json.dumps``'s default) is read
by the standard decoder alone: orjson could not write such a line back byte for byte, so
trying it first would cost every line both decoders."""

from __future__ import annotations

import json

import orjson
import pytest

from klantregister.formats import stream

pytestmark = pytest.mark.unit


class Spion:
    def __init__(self) -> None:
        self.gevraagd = 0

    def loads(self, ruw: bytes) -> object:
        self.gevraagd += 1
        return orjson.loads(ruw)

    def dumps(self, waarde: object) -> bytes:
        return bytes(orjson.dumps(waarde))


@pytest.mark.parametrize(
    ("regel", "gevraagd"),
    [
        (json.dumps({"a": 1, "b": [1, 2]}), 0),  # spaces: the standard decoder only
        (json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")), 1),  # compact: orjson
    ],
)
def test_orjson_is_tried_only_on_a_line_it_could_write_back(regel: str, gevraagd: int) -> None:
    spion = Spion()
    oud, stream._orjson = stream._orjson, spion  # type: ignore[assignment]
    try:
        waarde = stream.decodeer_regel(regel.encode())
    finally:
        stream._orjson = oud
    assert waarde == {"a": 1, "b": [1, 2]}
    assert spion.gevraagd == gevraagd
