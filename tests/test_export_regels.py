"""The lines export writes: ``kanoniek.regel`` is byte for byte ``json.dumps`` of
``naar_dict``; ``schrijf_regels`` writes in blocks what it wrote line by line, and the lines
before a failure."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import FormaatError, Klant, OpslagError
from klantregister.formats import kanoniek, klantinteracties, schrijf_regels
from klantregister.formats.jsontekst import json_codeerder
from klantregister.formats.klantinteracties.verzoeken import IN_TE_VULLEN
from klantregister.testing import klanten

pytestmark = pytest.mark.unit

BRONNEN = st.none() | st.from_regex(r"https://[a-z]{1,10}\.nl/[a-zé0-9/\"\\]{0,20}", fullmatch=True)


JSON_WAARDEN = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda kinderen: st.lists(kinderen, max_size=4) | st.dictionaries(st.text(), kinderen),
    max_leaves=20,
)


@given(JSON_WAARDEN, st.booleans())
def test_the_encoder_made_once_writes_what_json_dumps_writes(waarde: object, kringen: bool) -> None:
    assert json.dumps(waarde, ensure_ascii=False, allow_nan=False) == (
        json_codeerder(kringen=kringen)(waarde)
    )


def test_the_encoder_made_once_refuses_what_json_dumps_refuses() -> None:
    kring: list[object] = []
    kring.append(kring)
    codeer = json_codeerder()

    for waarde in (float("nan"), kring, {"a": object()}):
        with pytest.raises((TypeError, ValueError)) as verwacht:
            json.dumps(waarde, ensure_ascii=False, allow_nan=False)
        with pytest.raises(type(verwacht.value)) as gekregen:
            codeer(waarde)
        assert str(verwacht.value) == str(gekregen.value)
    # And after a failure it writes on as before.
    assert '[[1], {"a": [2]}]' == codeer([[1], {"a": [2]}])


@given(klant=klanten(met_kenmerken=True), bron=BRONNEN)
def test_a_canonical_line_is_json_dumps_of_the_klants_dict(klant: Klant, bron: str | None) -> None:
    klant = attrs.evolve(klant, bron=bron)

    assert json.dumps(kanoniek.naar_dict(klant), ensure_ascii=False, allow_nan=False) == (
        kanoniek.regel(klant)
    )


@given(st.lists(klanten(met_kenmerken=True), max_size=5))
def test_lines_written_through_a_format_s_own_encoder_are_those_json_dumps_writes(
    lijst: list[Klant],
) -> None:
    eigen, per_waarde = io.StringIO(), io.StringIO()

    assert len(lijst) == schrijf_regels(lijst, eigen, kanoniek.regel)
    schrijf_regels((kanoniek.naar_dict(klant) for klant in lijst), per_waarde)

    verwacht = "".join(
        json.dumps(kanoniek.naar_dict(klant), ensure_ascii=False) + "\n" for klant in lijst
    )
    assert (verwacht, verwacht) == (eigen.getvalue(), per_waarde.getvalue())


class _Stroom(io.StringIO):
    """Counts the writes it is given."""

    schrijfacties = 0

    def write(self, tekst: str) -> int:
        self.schrijfacties += 1
        return super().write(tekst)


def test_many_lines_are_written_in_a_few_blocks_as_they_were_line_by_line() -> None:
    records = [{"klantnummer": f"K{n}", "naam": "Zoë " * (n % 7)} for n in range(20_000)]
    uit = _Stroom()

    assert 20_000 == schrijf_regels(records, uit)

    assert "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records) == uit.getvalue()
    assert uit.schrijfacties < 20_000 // 100


def test_the_lines_before_a_failing_source_are_written_and_its_error_raised() -> None:
    def bron() -> Iterator[dict[str, int]]:
        yield {"a": 1}
        yield {"a": 2}
        raise OpslagError("de verbinding is weg")

    uit = io.StringIO()

    with pytest.raises(OpslagError):
        schrijf_regels(bron(), uit)

    assert '{"a": 1}\n{"a": 2}\n' == uit.getvalue()


def test_a_value_json_cannot_hold_is_named_by_position_after_the_lines_before_it() -> None:
    uit = io.StringIO()

    with pytest.raises(FormaatError) as fout:
        schrijf_regels([{"a": 1}, {"a": float("nan")}], uit)

    assert (2, '{"a": 1}\n') == (fout.value.positie, uit.getvalue())


@given(klanten(met_kenmerken=True))
def test_the_requests_of_a_klant_are_its_partij_then_its_identificatoren_and_adressen(
    klant: Klant,
) -> None:
    try:
        verwacht: object = {
            "partij": klantinteracties.naar_partij(klant),
            "daarna": [
                {
                    "pad": "/partij-identificatoren",
                    "body": body,
                    "invullen": ["identificeerdePartij.uuid", "subIdentificatorVan.uuid"],
                }
                for body in klantinteracties.partij_identificatoren(
                    klant, partij_uuid=IN_TE_VULLEN, kvk_uuid=IN_TE_VULLEN
                )
            ]
            + [
                {"pad": "/digitaleadressen", "body": body, "invullen": ["verstrektDoorPartij.uuid"]}
                for body in klantinteracties.digitale_adressen(klant, partij_uuid=IN_TE_VULLEN)
            ],
        }
    except FormaatError as fout:
        verwacht = str(fout)

    try:
        gekregen: object = klantinteracties.verzoeken(klant)
    except FormaatError as fout:
        gekregen = str(fout)

    assert verwacht == gekregen


@given(st.lists(klanten(met_kenmerken=True), min_size=1, max_size=3), st.lists(st.integers(0, 2)))
def test_klanten_again_and_in_turn_give_each_its_own_line(
    eigen: list[Klant], volgorde: list[int]
) -> None:
    # One klant's herkomst written again, another's between: each line its own klant's.
    for index in volgorde:
        klant = eigen[index % len(eigen)]

        assert kanoniek.regel(klant) == json.dumps(
            kanoniek.naar_dict(klant), ensure_ascii=False, allow_nan=False
        )
