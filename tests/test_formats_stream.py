"""Records streamed from a JSON array, an API page and JSON Lines."""

from __future__ import annotations

import contextlib
import io
import json
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import FormaatError, KlantregisterError
from klantregister.formats import MAX_RECORD, lees_records, schrijf_regels

pytestmark = pytest.mark.unit


def waarden(tekst: str | bytes) -> list[object]:
    bron = io.BytesIO(tekst) if isinstance(tekst, bytes) else io.StringIO(tekst)
    return [record.waarde for record in lees_records(bron)]


def fout(tekst: str | bytes) -> FormaatError:
    with pytest.raises(FormaatError) as info:
        waarden(tekst)
    return info.value


def test_an_array_gives_its_elements_in_order() -> None:
    assert [{"a": 1}, {"a": 2}] == waarden('[{"a": 1}, {"a": 2}]')


def test_an_api_page_gives_its_results_wherever_they_stand() -> None:
    pagina = '{"count": 2, "results": [{"a": 1}, {"a": 2}], "next": null, "previous": null}'
    assert [{"a": 1}, {"a": 2}] == waarden(pagina)


def test_json_lines_give_one_record_per_line_with_its_line_number() -> None:
    records = list(lees_records(io.StringIO('{"a": 1}\n\n{"a": 2}\n')))
    assert [(1, 1, {"a": 1}), (2, 3, {"a": 2})] == [(r.positie, r.regel, r.waarde) for r in records]


def test_an_array_record_knows_the_line_it_starts_on() -> None:
    records = list(lees_records(io.StringIO('[\n{"a": 1},\n\n{"a": 2}]')))
    assert [2, 4] == [r.regel for r in records]


def test_empty_input_and_an_empty_array_give_no_records() -> None:
    assert [] == waarden("")
    assert [] == waarden(" [ ] ")


def test_a_byte_order_mark_is_skipped() -> None:
    assert [{"a": 1}] == waarden('\ufeff[{"a": 1}]'.encode())


def test_a_path_is_read_and_named_in_errors(tmp_path: Path) -> None:
    pad = tmp_path / "export.json"
    pad.write_text('[{"a": 1}, {"a": ]')
    with pytest.raises(FormaatError) as info:
        list(lees_records(pad))
    assert (str(pad), 2) == (info.value.bron, info.value.positie)
    assert str(pad) in str(info.value)


def test_a_missing_file_is_a_formaat_error(tmp_path: Path) -> None:
    with pytest.raises(FormaatError, match="kan niet geopend worden"):
        list(lees_records(tmp_path / "bestaat-niet.json"))


@pytest.mark.parametrize(
    ("tekst", "positie", "melding"),
    [
        ('[{"a": 1}, {"a": 2}', 2, "houdt op midden in de lijst"),
        ('[{"a": 1} {"a": 2}]', 1, "verwacht , of ]"),
        ('[{"a": 1}, {"a": tru', 2, "afgebroken JSON"),
        ('{"a": 1}\n{"a": 2} {"a": 3}\n', 2, "op dezelfde regel"),
        ('{"results": {"a": 1}}', 1, "geen lijst"),
        ('[{"a": 1, "a": 2}]', 1, "meer dan eens"),
        ("[NaN]", 1, "geen JSON-waarde"),
        ("[" + "9" * 31 + "]", 1, "31 cijfers"),
        ("[" * 100_000, 1, "te diep genest"),
    ],
)
def test_malformed_input_is_refused_with_its_position(
    tekst: str, positie: int, melding: str
) -> None:
    fout_ = fout(tekst)
    assert positie == fout_.positie
    assert melding in fout_.reden


@pytest.mark.parametrize("tekst", ['"tekst"', "42", "null", "tru"])
def test_a_top_level_value_other_than_array_or_object_is_refused(tekst: str) -> None:
    assert "verwacht een JSON-lijst" in fout(tekst).reden


def test_text_after_the_array_or_page_is_refused() -> None:
    assert "na het einde van de lijst" in fout("[] []").reden
    assert "na het einde van de pagina" in fout('{"results": []} {}').reden


def test_invalid_utf8_is_refused_with_its_byte_offset() -> None:
    assert "byte 3" in fout(b'[{"\xff": 1}]').reden


def test_a_record_beyond_the_limit_is_refused() -> None:
    groot = json.dumps([{"a": "x" * (MAX_RECORD + 10)}])
    assert "meer dan" in fout(groot).reden


def test_a_number_split_across_blocks_is_read_whole() -> None:
    # 65536 is the block size: put a number's digits on both sides of the boundary.
    tekst = "[" + " " * (65536 - 3) + "12345]"
    assert [12345] == waarden(tekst.encode())


def test_a_multibyte_character_split_across_blocks_is_read_whole() -> None:
    tekst = '[{"a": "' + "x" * (65536 - 9) + 'ë"}]'
    assert ["x" * (65536 - 9) + "ë"] == [w["a"] for w in waarden(tekst.encode())]  # type: ignore[index]


json_waarden = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda kinderen: (
        st.lists(kinderen, max_size=4) | st.dictionaries(st.text(max_size=5), kinderen, max_size=4)
    ),
    max_leaves=20,
)


@given(st.lists(st.dictionaries(st.text(max_size=5), json_waarden, max_size=4), max_size=5))
def test_every_shape_gives_back_the_records_written(records: list[dict[str, object]]) -> None:
    regels = io.StringIO()
    schrijf_regels(records, regels)
    lijst = json.dumps(records)
    pagina = json.dumps({"count": len(records), "next": None, "results": records})
    for tekst in (regels.getvalue(), lijst, pagina):
        assert records == waarden(tekst)


@given(st.binary(max_size=200))
def test_random_bytes_never_raise_anything_but_the_librarys_errors(data: bytes) -> None:
    with contextlib.suppress(KlantregisterError):
        waarden(data)


@given(json_waarden, st.data())
def test_truncated_json_never_raises_anything_but_the_librarys_errors(
    waarde: object, data: st.DataObject
) -> None:
    tekst = json.dumps([waarde, {"results": waarde}])
    afgebroken = tekst[: data.draw(st.integers(0, len(tekst)))]
    with contextlib.suppress(KlantregisterError):
        waarden(afgebroken)


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    pad = tmp_path / "groot.jsonl"
    record = {"klantnummer": "K0000001", "voornaam": "Anna", "achternaam": "Jansen" * 5}
    with pad.open("w", encoding="utf-8") as bestand:
        schrijf_regels((record for _ in range(50_000)), bestand)
    assert pad.stat().st_size > 4_000_000
    tracemalloc.start()
    try:
        with pad.open("rb") as bestand:
            aantal = sum(1 for _ in lees_records(bestand))
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert 50_000 == aantal
    assert piek < 1_000_000


def test_a_formaat_error_survives_pickling_with_its_position() -> None:
    import pickle  # noqa: PLC0415

    fout_ = FormaatError("kapot", bron="a.json", positie=3, regel=7)
    kopie = pickle.loads(pickle.dumps(fout_))  # noqa: S301 (our own object)
    assert (str(fout_), 3, 7) == (str(kopie), kopie.positie, kopie.regel)
