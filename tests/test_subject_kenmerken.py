"""The value objects of a subject URL and of a klant's kenmerken: what they accept, what they
refuse and how, and that a BSN in a subject URL never shows."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemachtigd import vastgelegd
from klantregister import (
    GemengdeIdentificatieError,
    Identificatie,
    Kenmerken,
    Klant,
    KlantRegister,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    OngeldigTypeError,
    Partijsoort,
    Registratie,
    Subjectsoort,
    SubjectUrl,
)
from klantregister.domain import GEEN_KENMERKEN, MAX_SUBJECT_URL, klok01
from klantregister.testing import bsns, identificaties, kenmerken, subject_urls

pytestmark = pytest.mark.unit

BRP = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/"


def brp_url(bsn: str) -> str:
    return BRP + bsn


# --- SubjectUrl ------------------------------------------------------------------------------


@given(url=subject_urls)
def test_a_subject_url_keeps_its_text_stripped_and_compares_by_it(url: SubjectUrl) -> None:
    assert (url, url.waarde) == (SubjectUrl(f"  {url.waarde}\t"), SubjectUrl(url.waarde).format())


@pytest.mark.parametrize(
    ("waarde", "fout"),
    [
        ("brp.example.nl/ingeschrevenpersonen/1", OngeldigFormaatError),
        ("ftp://brp.example.nl/ingeschrevenpersonen/1", OngeldigFormaatError),
        ("https://", OngeldigFormaatError),
        ("https://brp.example.nl/ingeschreven personen/1", OngeldigFormaatError),
        ("https://brp.example.nl/\x00", OngeldigFormaatError),
        ("https://brp.example.nl/ingeschrevenpersonen/é", OngeldigFormaatError),
        ("https://brp.example.nl/ingeschrevenpersonen/<1>", OngeldigFormaatError),
        ("", OngeldigFormaatError),
        ("https://brp.example.nl/" + "a" * MAX_SUBJECT_URL, OngeldigeLengteError),
        (42, OngeldigTypeError),
    ],
)
def test_a_malformed_subject_url_is_refused_naming_its_field(
    waarde: object, fout: type[OngeldigeWaardeError]
) -> None:
    with pytest.raises(fout) as info:
        SubjectUrl(waarde)

    assert ("subject_url", False) == (info.value.veld, SubjectUrl.is_valid(waarde))


def test_the_longest_subject_url_is_taken() -> None:
    url = "https://brp.example.nl/" + "a" * (MAX_SUBJECT_URL - len("https://brp.example.nl/"))
    assert MAX_SUBJECT_URL == len(SubjectUrl(url).waarde)


@given(bsn=bsns)
def test_the_repr_str_and_errors_of_a_subject_url_never_show_a_bsn_in_it(bsn: str) -> None:
    url = SubjectUrl(brp_url(bsn))
    klant = Klant(
        uuid.uuid4(), "0363", "K1", None, Identificatie.natuurlijk_persoon(subject_url=url)
    )
    with pytest.raises(OngeldigeWaardeError) as fout:
        SubjectUrl(brp_url(bsn) + " x")

    teksten = [repr(url), str(url), repr(klant.identificatie), repr(klant), str(fout.value)]
    assert (url.waarde.endswith(bsn), []) == (True, [t for t in teksten if bsn in t])


@given(bsn=bsns)
def test_a_rule_1_conflict_on_a_subject_url_does_not_name_the_person(bsn: str) -> None:
    from klantregister import Authenticatie, KardinaliteitError  # noqa: PLC0415

    register = KlantRegister()
    digid = Authenticatie("substantieel", "DigiD")
    persoon = Identificatie.natuurlijk_persoon(subject_url=brp_url(bsn))
    register.registreer("0363", identificatie=persoon, **vastgelegd(persoon, digid))

    with pytest.raises(KardinaliteitError) as fout:
        register.registreer("0363", identificatie=persoon, **vastgelegd(persoon, digid))

    assert bsn not in f"{fout.value} {fout.value!r} {fout.value.args!r}"


# --- Identificatie with a subject URL ----------------------------------------------------


@pytest.mark.parametrize("soort", list(Subjectsoort))
def test_a_subject_url_alone_identifies_a_subject_of_either_soort(soort: Subjectsoort) -> None:
    identificatie = Identificatie(soort, subject_url=brp_url("111222333"))
    assert ((SubjectUrl(brp_url("111222333")),), soort) == (
        identificatie.identificatoren,
        identificatie.soort,
    )


def test_a_persons_subject_url_is_a_key_of_rule_1_and_an_organisations_is_not() -> None:
    persoon = Identificatie.natuurlijk_persoon(bsn="111222333", subject_url=brp_url("111222333"))
    bedrijf = Identificatie.niet_natuurlijk_persoon(subject_url="https://hr.example.nl/nnp/1")
    assert ((persoon.bsn, persoon.subject_url), ()) == (
        persoon.persoonssleutels,
        bedrijf.persoonssleutels,
    )
    assert ("subject_url", brp_url("111222333")) == klok01.sleutel(persoon.subject_url)  # type: ignore[arg-type]


def test_a_blank_subject_url_is_not_given() -> None:
    with pytest.raises(OngeldigFormaatError, match="geen enkel identificerend gegeven"):
        Identificatie.natuurlijk_persoon(subject_url="  ")


# --- Kenmerken -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argumenten", "veld", "fout"),
    [
        ({"soort": "burger"}, "kenmerken.soort", OngeldigFormaatError),
        ({"actief": 1}, "kenmerken.actief", OngeldigTypeError),
        ({"actief": None}, "kenmerken.actief", OngeldigTypeError),
        ({"geheimhouding": "ja"}, "kenmerken.geheimhouding", OngeldigTypeError),
        (
            {"soort": "contactpersoon", "werkt_voor": "geen-uuid"},
            "kenmerken.werkt_voor",
            OngeldigFormaatError,
        ),
        (
            {"soort": "persoon", "werkt_voor": str(uuid.UUID(int=1))},
            "kenmerken.werkt_voor",
            OngeldigFormaatError,
        ),
    ],
)
def test_a_wrong_kenmerk_is_refused_naming_it(
    argumenten: dict[str, object], veld: str, fout: type[OngeldigeWaardeError]
) -> None:
    with pytest.raises(fout) as info:
        Kenmerken(**argumenten)

    assert veld == info.value.veld


def test_kenmerken_take_the_soort_by_its_value_and_a_uuid_as_text() -> None:
    werkgever = uuid.UUID(int=5)
    assert Kenmerken(Partijsoort.CONTACTPERSOON, werkt_voor=werkgever) == Kenmerken(
        "contactpersoon", werkt_voor=str(werkgever)
    )


def test_the_default_kenmerken_say_nothing() -> None:
    assert (None, True, None, None) == (
        GEEN_KENMERKEN.soort,
        GEEN_KENMERKEN.actief,
        GEEN_KENMERKEN.geheimhouding,
        GEEN_KENMERKEN.werkt_voor,
    )


@given(identificatie=identificaties, eigen=kenmerken())
def test_a_klant_and_a_registratie_refuse_a_soort_of_party_of_another_subject(
    identificatie: Identificatie, eigen: Kenmerken
) -> None:
    past = eigen.soort is None or eigen.soort.subjectsoort is identificatie.soort
    maak: list[Callable[[], Klant | Registratie]] = [
        lambda: Klant(uuid.uuid4(), "0363", "K1", None, identificatie, kenmerken=eigen),
        lambda: Registratie("0363", None, identificatie, kenmerken=eigen),
    ]
    for bouw in maak:
        if past:
            assert eigen == bouw().kenmerken
        else:
            with pytest.raises(GemengdeIdentificatieError):
                bouw()


@given(st.data())
def test_a_zelfstandige_klant_may_be_of_any_soort_of_party(data: st.DataObject) -> None:
    eigen = data.draw(kenmerken())
    assert eigen == Klant(uuid.uuid4(), "0363", "K1", kenmerken=eigen).kenmerken
