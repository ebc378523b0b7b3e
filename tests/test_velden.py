"""The field spec (``klantregister.domain.velden``) is what the value objects and the fast
path enforce: every limit at its edge, every pattern, read from the spec itself."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import (
    Adres,
    Gemeentecode,
    Klantgegevens,
    OngeldigeLengteError,
    OngeldigFormaatError,
)
from klantregister.domain import velden
from klantregister.formats.klanten_v1 import kern
from klantregister.formats.klanten_v1.namen import ADRES, GEGEVENS

pytestmark = pytest.mark.unit

GEMEENTE = Gemeentecode("0363")
#: Klanten API v1 member -> Klantgegevens attribute, for the fields v1 has.
V1_VAN = {attr: v1 for v1, attr in GEGEVENS.items()}
V1_ADRES_VAN = {attr: v1 for v1, attr in ADRES.items()}

VRIJE_TEKST = [veld for veld in velden.KLANTGEGEVENS.values() if veld.vrije_tekst]
VRIJE_ADRESTEKST = [veld for veld in velden.ADRES.values() if veld.vrije_tekst]


def test_the_spec_has_every_text_field_of_the_value_objects() -> None:
    import attrs  # noqa: PLC0415

    assert (
        {v.name for v in attrs.fields(Klantgegevens)} - {"adres", "correspondentieadres"},
        {v.name for v in attrs.fields(Adres)} - {"huisnummer", "land"},
    ) == (set(velden.KLANTGEGEVENS), set(velden.ADRES))


@pytest.mark.parametrize("veld", VRIJE_TEKST, ids=lambda veld: veld.naam)
def test_free_text_of_the_maximum_length_is_taken_and_one_more_is_refused(
    veld: velden.Veld,
) -> None:
    Klantgegevens(**{veld.naam: "x" * veld.maximum})
    with pytest.raises(OngeldigeLengteError, match=f"ten hoogste {veld.maximum} toegestaan"):
        Klantgegevens(**{veld.naam: "x" * (veld.maximum + 1)})


@pytest.mark.parametrize("veld", VRIJE_ADRESTEKST, ids=lambda veld: veld.naam)
def test_free_address_text_of_the_maximum_length_is_taken_and_one_more_is_refused(
    veld: velden.Veld,
) -> None:
    Adres(**{veld.naam: "x" * veld.maximum})
    with pytest.raises(OngeldigeLengteError, match=f"ten hoogste {veld.maximum} toegestaan"):
        Adres(**{veld.naam: "x" * (veld.maximum + 1)})


@pytest.mark.parametrize(
    "veld",
    [veld for veld in VRIJE_TEKST if veld.naam in V1_VAN],
    ids=lambda veld: veld.naam,
)
def test_the_fast_path_takes_the_maximum_length_and_leaves_one_more_to_the_full_reader(
    veld: velden.Veld,
) -> None:
    v1 = V1_VAN[veld.naam]
    assert (True, None) == (
        kern({v1: "x" * veld.maximum}, GEMEENTE) is not None,
        kern({v1: "x" * (veld.maximum + 1)}, GEMEENTE),
    )


@given(st.from_regex(velden.TELEFOONNUMMER, fullmatch=True))
def test_a_telephone_number_is_taken_when_it_matches_and_has_enough_digits(tekst: str) -> None:
    cijfers = sum(teken.isdigit() for teken in tekst)
    normaal = " ".join(tekst.split())
    past = (
        cijfers >= velden.TELEFOON_MIN_CIJFERS
        and len(normaal) <= velden.KLANTGEGEVENS["telefoonnummer"].maximum
        and re.fullmatch(velden.TELEFOONNUMMER, normaal) is not None
    )
    if past:
        assert normaal == Klantgegevens(telefoonnummer=tekst).telefoonnummer
    else:
        with pytest.raises((OngeldigFormaatError, OngeldigeLengteError)):
            Klantgegevens(telefoonnummer=tekst)


@pytest.mark.parametrize("letters", sorted(velden.POSTCODE_NL_NIET_UITGEGEVEN))
def test_a_postcode_with_letters_never_issued_is_refused_by_the_value_and_the_fast_path(
    letters: str,
) -> None:
    postcode = f"1234 {letters}"
    with pytest.raises(OngeldigFormaatError, match="worden niet uitgegeven"):
        Adres(postcode=postcode)
    assert (None, None) == (
        re.fullmatch(velden.POSTCODE_NL_UITGEGEVEN, postcode),
        kern({"adres": {V1_ADRES_VAN["postcode"]: postcode}}, GEMEENTE),
    )


@given(st.from_regex(velden.POSTCODE_NL, fullmatch=True))
def test_the_derived_postcode_pattern_takes_exactly_the_postcodes_adres_takes(
    postcode: str,
) -> None:
    try:
        Adres(postcode=postcode)
        genomen = True
    except OngeldigFormaatError:
        genomen = False
    assert genomen == (re.fullmatch(velden.POSTCODE_NL_UITGEGEVEN, postcode) is not None)


@pytest.mark.parametrize(
    ("huisnummer", "genomen"),
    [
        (velden.HUISNUMMER_MIN, True),
        (velden.HUISNUMMER_MAX, True),
        (velden.HUISNUMMER_MIN - 1, False),
        (velden.HUISNUMMER_MAX + 1, False),
    ],
)
def test_the_huisnummer_range_holds_for_the_value_and_the_fast_path(
    huisnummer: int, genomen: bool
) -> None:
    try:
        Adres(huisnummer=huisnummer)
        door_adres = True
    except OngeldigeLengteError:
        door_adres = False
    door_kern = kern({"adres": {"huisnummer": huisnummer}}, GEMEENTE) is not None
    assert (genomen, genomen) == (door_adres, door_kern)


def test_a_foreign_postcode_of_the_maximum_length_is_taken_and_one_more_is_refused() -> None:
    maximum = velden.MAX_POSTCODE_BUITENLAND
    Adres(postcode="X" * maximum, land="GB")
    with pytest.raises(OngeldigeLengteError):
        Adres(postcode="X" * (maximum + 1), land="GB")


@pytest.mark.parametrize("schema", sorted(velden.URL_SCHEMAS))
def test_every_url_scheme_of_the_spec_is_taken(schema: str) -> None:
    assert (
        f"{schema}://example.nl" == Klantgegevens(website_url=f"{schema}://example.nl").website_url
    )


def test_an_email_address_with_the_longest_local_part_is_taken_and_one_more_is_refused() -> None:
    lokaal = "a" * velden.EMAIL_MAX_LOKAAL
    Klantgegevens(emailadres=f"{lokaal}@example.nl")
    with pytest.raises(OngeldigFormaatError):
        Klantgegevens(emailadres=f"{lokaal}a@example.nl")
