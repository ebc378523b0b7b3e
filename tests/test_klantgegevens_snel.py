"""The common-case patterns of ``emailadres`` and ``website_url`` are inside the full rules.

A value that matches :data:`~klantregister.domain.velden.EMAIL_ASCII` or
:data:`~klantregister.domain.velden.URL_ASCII` skips the full check; these tests prove that
the full rule accepts every such value and gives it the same normal form, so the shortcut
changes what is accepted or stored in no case.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister.domain import OngeldigFormaatError, klantgegevens, velden

pytestmark = pytest.mark.unit


@given(st.from_regex(velden.EMAIL_ASCII, fullmatch=True))
def test_an_emailadres_of_the_common_pattern_is_valid_by_the_full_rule(adres: str) -> None:
    assert klantgegevens._emailadres_volledig(adres) == klantgegevens._emailadres(adres)


@given(st.from_regex(velden.URL_ASCII, fullmatch=True))
def test_a_website_url_of_the_common_pattern_is_valid_by_the_full_rule(url: str) -> None:
    assert klantgegevens._website_url_volledig(url) == klantgegevens._website_url(url)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80) | st.from_regex(r".+@.+"))
def test_the_shortcut_never_accepts_what_the_full_email_rule_refuses(tekst: str) -> None:
    try:
        verwacht = klantgegevens._emailadres_volledig(tekst)
    except OngeldigFormaatError:
        assert klantgegevens._EMAIL_ASCII(tekst) is None
    else:
        assert klantgegevens._emailadres(tekst) == verwacht


@pytest.mark.parametrize(
    "adres",
    ["a@b.nl", "Klant.Een+post@Sub.Example.NL", "x_y%z@a-b.c-d.org"],
)
def test_the_common_email_case_lower_cases_the_domain_only(adres: str) -> None:
    lokaal, _, domein = adres.rpartition("@")
    assert klantgegevens._EMAIL_ASCII(adres) is not None
    assert klantgegevens._emailadres(adres) == f"{lokaal}@{domein.lower()}"
