"""Klant: one entry of a gemeente's register, checked field by field."""

from __future__ import annotations

from uuid import UUID

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import (
    Bsn,
    Gemeentecode,
    Identificatie,
    Klant,
    Klantgegevens,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
)
from klantregister.domain.klant import MAX_VERSIE
from klantregister.testing import gemeentecodes, identificaties, klantgegevens

pytestmark = pytest.mark.unit

KLANT_ID = UUID("12345678-1234-5678-1234-567812345678")
IDENTIFICATIE = Identificatie.natuurlijk_persoon(bsn="111222333")


def klant(**velden: object) -> Klant:
    """A valid klant of gemeente 0363, with ``velden`` changed."""
    standaard: dict[str, object] = {"id": KLANT_ID, "gemeente": "0363", "klantnummer": "00000001"}
    return Klant(**{**standaard, **velden})  # type: ignore[arg-type]


# --- construction ----------------------------------------------------------------


def test_a_klant_built_from_id_gemeente_and_klantnummer_is_at_versie_1() -> None:
    assert 1 == Klant(KLANT_ID, "0363", "00000001").versie


def test_a_klant_without_identificatie_is_zelfstandig() -> None:
    nieuw = klant()
    assert (True, False) == (nieuw.zelfstandig, nieuw.aangehaakt)


def test_a_klant_with_identificatie_is_aangehaakt() -> None:
    nieuw = klant(identificatie=IDENTIFICATIE)
    assert (True, False) == (nieuw.aangehaakt, nieuw.zelfstandig)


def test_a_klant_without_klantgegevens_has_empty_klantgegevens() -> None:
    assert klant().klantgegevens.leeg


def test_klantgegevens_none_means_empty_klantgegevens() -> None:
    assert Klantgegevens() == klant(klantgegevens=None).klantgegevens


def test_a_klant_keeps_its_klantgegevens() -> None:
    gegevens = Klantgegevens(voornaam="Zoë")
    assert gegevens == klant(klantgegevens=gegevens).klantgegevens


def test_a_klant_keeps_its_identificatie() -> None:
    assert IDENTIFICATIE == klant(identificatie=IDENTIFICATIE).identificatie


@pytest.mark.parametrize(
    "klantgegevens_",
    [{"voornaam": "Zoë"}, "Zoë", Identificatie.natuurlijk_persoon(bsn=Bsn("111222333"))],
    ids=repr,
)
def test_klantgegevens_that_are_no_klantgegevens_are_refused(klantgegevens_: object) -> None:
    with pytest.raises(OngeldigFormaatError) as info:
        klant(klantgegevens=klantgegevens_)
    assert "klantgegevens" == info.value.veld


@pytest.mark.parametrize(
    "identificatie", [Bsn("111222333"), "111222333", Klantgegevens()], ids=repr
)
def test_an_identificatie_that_is_no_identificatie_is_refused(identificatie: object) -> None:
    with pytest.raises(OngeldigFormaatError) as info:
        klant(identificatie=identificatie)
    assert "identificatie" == info.value.veld


# --- id ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tekst",
    [
        "12345678-1234-5678-1234-567812345678",
        "12345678123456781234567812345678",
        "{12345678-1234-5678-1234-567812345678}",
        "urn:uuid:12345678-1234-5678-1234-567812345678",
    ],
)
def test_the_id_may_be_given_as_text(tekst: str) -> None:
    assert KLANT_ID == klant(id=tekst).id


@pytest.mark.parametrize(
    "waarde",
    ["", "klant-1", "12345678-1234-5678-1234-56781234567", 1, None, KLANT_ID.bytes],
    ids=repr,
)
def test_an_id_that_is_no_uuid_is_refused(waarde: object) -> None:
    with pytest.raises(OngeldigFormaatError) as info:
        klant(id=waarde)
    assert "klant_id" == info.value.veld


# --- gemeente -------------------------------------------------------------------------


@pytest.mark.parametrize("gemeente", ["0363", "GM0363", " 0363 ", Gemeentecode("0363")], ids=repr)
def test_the_gemeente_may_be_given_as_text_or_as_gemeentecode(gemeente: object) -> None:
    assert Gemeentecode("0363") == klant(gemeente=gemeente).gemeente


@pytest.mark.parametrize("gemeente", ["0000", "363", "GM", "Amsterdam", 363], ids=repr)
def test_an_invalid_gemeente_is_refused(gemeente: object) -> None:
    with pytest.raises(OngeldigeWaardeError) as info:
        klant(gemeente=gemeente)
    assert "gemeente" == info.value.veld


# --- klantnummer ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nummer", ["1", "00000001", "K-2024/1", "ABCDEFGH", "ë", "1234567890", "ABCDEFGHIJ"]
)
def test_a_klantnummer_of_one_to_ten_characters_is_accepted(nummer: str) -> None:
    assert nummer == klant(klantnummer=nummer).klantnummer


def test_a_klantnummer_is_stripped() -> None:
    assert "12" == klant(klantnummer="  12\t").klantnummer


@pytest.mark.parametrize("nummer", ["12345678901", "ABCDEFGHIJK", "", "   "])
def test_a_klantnummer_of_no_or_more_than_ten_characters_is_refused(nummer: str) -> None:
    with pytest.raises(OngeldigeLengteError) as info:
        klant(klantnummer=nummer)
    assert "klantnummer" == info.value.veld


@pytest.mark.parametrize("nummer", ["12 34", "12\u00a034", "12\t34", "12\x0034", "12\u200b3"])
def test_a_klantnummer_with_spaces_or_control_characters_is_refused(nummer: str) -> None:
    with pytest.raises(OngeldigFormaatError) as info:
        klant(klantnummer=nummer)
    assert "klantnummer" == info.value.veld


@pytest.mark.parametrize("nummer", [1, None, b"1"], ids=repr)
def test_a_klantnummer_that_is_not_text_is_refused(nummer: object) -> None:
    with pytest.raises(OngeldigFormaatError) as info:
        klant(klantnummer=nummer)
    assert "klantnummer" == info.value.veld


# --- versie -----------------------------------------------------------------------------


@pytest.mark.parametrize("versie", [1, 2, 10**6])
def test_versie_is_a_whole_number_of_1_or_more(versie: int) -> None:
    assert versie == klant(versie=versie).versie


@pytest.mark.parametrize("versie", [0, -1, True, False, 1.0, "1", None], ids=repr)
def test_versie_below_1_or_not_a_whole_number_is_refused(versie: object) -> None:
    with pytest.raises(OngeldigFormaatError) as info:
        klant(versie=versie)
    assert "versie" == info.value.veld


# --- value semantics -----------------------------------------------------------------------


def test_a_klant_is_frozen() -> None:
    bestaand = klant()
    with pytest.raises(attrs.exceptions.FrozenError):
        bestaand.versie = 2  # type: ignore[misc]


def test_a_new_versie_made_with_evolve_is_checked_again() -> None:
    with pytest.raises(OngeldigFormaatError):
        attrs.evolve(klant(), versie=0)


def test_a_new_versie_made_with_evolve_keeps_the_other_fields() -> None:
    nieuw = attrs.evolve(klant(identificatie=IDENTIFICATIE), versie=2)
    assert (KLANT_ID, IDENTIFICATIE, 2) == (nieuw.id, nieuw.identificatie, nieuw.versie)


def test_klanten_with_the_same_fields_are_equal() -> None:
    assert klant(gemeente="GM0363", id=str(KLANT_ID)) == klant()


def test_klanten_with_a_different_versie_are_not_equal() -> None:
    assert klant(versie=1) != klant(versie=2)


def test_a_klant_repr_masks_the_bsn() -> None:
    assert "111222333" not in repr(klant(identificatie=IDENTIFICATIE))


# --- properties ------------------------------------------------------------------------------


@given(
    id_=st.uuids(),
    gemeente=gemeentecodes,
    nummer=st.from_regex(r"[0-9A-Z]{1,8}", fullmatch=True),
    gegevens=klantgegevens,
    identificatie=st.none() | identificaties,
    versie=st.integers(min_value=1, max_value=MAX_VERSIE),
)
def test_a_klant_keeps_every_valid_field_as_given(
    *,
    id_: UUID,
    gemeente: str,
    nummer: str,
    gegevens: Klantgegevens,
    identificatie: Identificatie | None,
    versie: int,
) -> None:
    nieuw = Klant(id_, gemeente, nummer, gegevens, identificatie, versie)
    assert (id_, gemeente, nummer, gegevens, identificatie, versie) == (
        nieuw.id,
        nieuw.gemeente.waarde,
        nieuw.klantnummer,
        nieuw.klantgegevens,
        nieuw.identificatie,
        nieuw.versie,
    )


@given(identificatie=st.none() | identificaties)
def test_a_klant_is_either_aangehaakt_or_zelfstandig(identificatie: Identificatie | None) -> None:
    nieuw = klant(identificatie=identificatie)
    assert (identificatie is not None, identificatie is None) == (
        nieuw.aangehaakt,
        nieuw.zelfstandig,
    )
