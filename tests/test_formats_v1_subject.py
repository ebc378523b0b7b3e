"""Klanten API v1: the ``subject`` URL is read as ``Identificatie.subject_url`` and written
back, and the kenmerken v1 has no member for are refused rather than dropped."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import (
    FormaatError,
    Identificatie,
    Kenmerken,
    Klant,
    Klantgegevens,
    SubjectUrl,
)
from klantregister.formats import Gelezen, Probleemsoort, klanten_v1
from klantregister.testing import (
    a_nummers,
    bsns,
    rsins,
    subject_urls,
    vestigingsnummers,
    website_urls,
)
from spec import Richting, fouten, regelfouten, verzoekfouten
from strategies import klantnummers_v1

pytestmark = pytest.mark.unit

RSIN = "002220647"
WEBSITE = "https://www.gemeente.example.nl"
KLANTEN = "https://klanten.example.nl/api/v1/klanten"
#: An ingeschreven persoon in the BRP's API (its path ends in the BSN) and an organisation in
#: the Handelsregister's.
PERSOON_URL = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/111222333"
HR_URL = "https://hr.example.nl/api/v1/vestigingen/000012345678"


def lees(record: dict[str, Any]) -> Gelezen:
    return klanten_v1.lees_klant(record, gemeenten="0363")


def problemen(record: dict[str, Any]) -> list[tuple[str, Probleemsoort]]:
    return [(p.veld, p.soort) for p in lees(record).problemen]


def identificatie(record: dict[str, Any]) -> Identificatie | None:
    gelezen = lees(record)
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    return gelezen.registratie.identificatie


# --- reading ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "verwacht"),
    [
        pytest.param(
            {"subjectType": "natuurlijk_persoon", "subject": PERSOON_URL},
            Identificatie.natuurlijk_persoon(subject_url=PERSOON_URL),
            id="natuurlijk-persoon",
        ),
        pytest.param(
            {
                "subjectType": "natuurlijk_persoon",
                "subject": PERSOON_URL,
                "subjectIdentificatie": {},
            },
            Identificatie.natuurlijk_persoon(subject_url=PERSOON_URL),
            id="natuurlijk-persoon-with-an-empty-subjectIdentificatie",
        ),
        pytest.param(
            {"subjectType": "niet_natuurlijk_persoon", "subject": HR_URL},
            Identificatie.niet_natuurlijk_persoon(subject_url=HR_URL),
            id="niet-natuurlijk-persoon",
        ),
    ],
)
def test_a_subject_url_alone_makes_an_aangehaakte_klant(
    record: dict[str, Any], verwacht: Identificatie
) -> None:
    gelezen = lees(record)
    assert () == gelezen.opmerkingen
    assert gelezen.registratie is not None
    assert verwacht == gelezen.registratie.identificatie
    assert not gelezen.registratie.identificatie.identificatoren[1:]  # the URL, nothing else


@pytest.mark.parametrize(
    ("record", "verwacht"),
    [
        (
            {
                "subjectType": "natuurlijk_persoon",
                "subjectIdentificatie": {"inpBsn": "111222333", "inpANummer": "1234567890"},
            },
            Identificatie.natuurlijk_persoon(
                bsn="111222333", a_nummer="1234567890", subject_url=PERSOON_URL
            ),
        ),
        (
            {"subjectType": "niet_natuurlijk_persoon", "subjectIdentificatie": {"innNnpId": RSIN}},
            Identificatie.niet_natuurlijk_persoon(rsin=RSIN, subject_url=PERSOON_URL),
        ),
        (
            {
                "subjectType": "vestiging",
                "subjectIdentificatie": {"vestigingsNummer": "000012345678"},
            },
            Identificatie.niet_natuurlijk_persoon(
                vestigingsnummer="000012345678", subject_url=PERSOON_URL
            ),
        ),
    ],
)
def test_a_subject_url_beside_the_numbers_is_taken_over_without_a_note(
    record: dict[str, Any], verwacht: Identificatie
) -> None:
    gelezen = lees({**record, "subject": PERSOON_URL})
    assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
    assert gelezen.registratie is not None
    assert verwacht == gelezen.registratie.identificatie


def test_a_subject_url_is_kept_as_written_without_surrounding_whitespace() -> None:
    ident = identificatie({"subjectType": "natuurlijk_persoon", "subject": f" {PERSOON_URL}\n"})
    assert ident is not None
    assert SubjectUrl(PERSOON_URL) == ident.subject_url


@pytest.mark.parametrize("leeg", ["", None])
def test_an_empty_subject_is_not_given(leeg: str | None) -> None:
    persoon = {
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": "111222333"},
        "subject": leeg,
    }
    assert Identificatie.natuurlijk_persoon(bsn="111222333") == identificatie(persoon)
    assert None is identificatie({"subjectType": leeg, "subject": leeg})
    assert None is identificatie({"subjectType": "natuurlijk_persoon", "subject": leeg})


def test_a_vestiging_known_by_its_url_alone_is_kept_as_an_organisation_with_a_note() -> None:
    gelezen = lees({"subjectType": "vestiging", "subject": HR_URL})
    assert gelezen.registratie is not None
    assert (
        Identificatie.niet_natuurlijk_persoon(subject_url=HR_URL)
        == gelezen.registratie.identificatie
    )
    assert [("subjectType", Probleemsoort.NIET_OVERGENOMEN)] == [
        (o.veld, o.soort) for o in gelezen.opmerkingen
    ]
    assert "vestigingsNummer" in gelezen.opmerkingen[0].melding


@pytest.mark.parametrize("subject_type", [None, ""])
def test_a_subject_url_without_subject_type_is_reported_at_subject_type(
    subject_type: str | None,
) -> None:
    gelezen = lees({"subject": PERSOON_URL, "subjectType": subject_type})
    assert [("subjectType", Probleemsoort.NIET_OVER_TE_NEMEN)] == [
        (p.veld, p.soort) for p in gelezen.problemen
    ]
    assert "subject" in gelezen.problemen[0].melding
    assert (None, None) == (gelezen.registratie, gelezen.identificatie)


def test_a_subject_url_and_numbers_without_subject_type_are_one_problem() -> None:
    record = {"subject": PERSOON_URL, "subjectIdentificatie": {"inpBsn": "111222333"}}
    assert [("subjectType", Probleemsoort.FORMAAT)] == problemen(record)


@pytest.mark.parametrize(
    ("subject", "soort", "uitleg"),
    [
        ("ftp://brp.example.nl/ingeschrevenpersonen/111222333", Probleemsoort.FORMAAT, "http(s)"),
        ("brp.example.nl/ingeschrevenpersonen/111222333", Probleemsoort.FORMAAT, "http(s)"),
        ("https://", Probleemsoort.FORMAAT, "http(s)"),
        ("   ", Probleemsoort.FORMAAT, "http(s)"),
        (f"{PERSOON_URL} x", Probleemsoort.FORMAAT, "http(s)"),
        (f"{PERSOON_URL}\x00", Probleemsoort.FORMAAT, "http(s)"),
        ("https://brp.example.nl/" + "1" * 978, Probleemsoort.LENGTE, "1001 tekens"),
        (111222333, Probleemsoort.TYPE, "tekst"),
        ([PERSOON_URL], Probleemsoort.TYPE, "een lijst"),
        ({"url": PERSOON_URL}, Probleemsoort.TYPE, "een object"),
    ],
)
def test_a_malformed_subject_is_reported_at_subject_saying_what_is_wrong_masked(
    subject: object, soort: Probleemsoort, uitleg: str
) -> None:
    record = {
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": "111222333"},
        "subject": subject,
    }
    gelezen = lees(record)
    assert [("subject", soort)] == [(p.veld, p.soort) for p in gelezen.problemen]
    assert uitleg in gelezen.problemen[0].melding
    assert "111222" not in str(gelezen.problemen[0])
    # Identifying data refused in part are refused whole, as a bad number is.
    assert None is gelezen.identificatie


def test_a_subject_url_of_1000_characters_is_taken() -> None:
    url = "https://brp.example.nl/" + "a" * 977
    assert 1000 == len(url)
    ident = identificatie({"subjectType": "natuurlijk_persoon", "subject": url})
    assert Identificatie.natuurlijk_persoon(subject_url=url) == ident


def test_a_malformed_subject_without_subject_type_reports_both() -> None:
    assert {
        ("subject", Probleemsoort.FORMAAT),
        ("subjectType", Probleemsoort.NIET_OVER_TE_NEMEN),
    } == set(problemen({"subject": "geen url"}))


# --- writing ---------------------------------------------------------------------------


def klant(ident: Identificatie | None, kenmerken: Kenmerken | None = None) -> Klant:
    return Klant(
        uuid.UUID(int=5),
        "0363",
        "K5",
        Klantgegevens(website_url=WEBSITE),
        ident,
        kenmerken=kenmerken,
    )


def naar_v1(k: Klant, vorm: Richting = "verzoek") -> dict[str, Any]:
    return klanten_v1.naar_v1(k, bronorganisatie=RSIN, vorm=vorm)


BASIS = {"bronorganisatie": RSIN, "klantnummer": "K5", "websiteUrl": WEBSITE}


@pytest.mark.parametrize("vorm", ["verzoek", "antwoord"])
@pytest.mark.parametrize(
    ("ident", "subject"),
    [
        pytest.param(
            Identificatie.natuurlijk_persoon(subject_url=PERSOON_URL),
            {"subject": PERSOON_URL, "subjectType": "natuurlijk_persoon"},
            id="natuurlijk-persoon-by-its-url-alone",
        ),
        pytest.param(
            Identificatie.natuurlijk_persoon(bsn="111222333", subject_url=PERSOON_URL),
            {
                "subject": PERSOON_URL,
                "subjectType": "natuurlijk_persoon",
                "subjectIdentificatie": {"inpBsn": "111222333"},
            },
            id="natuurlijk-persoon-with-a-bsn",
        ),
        pytest.param(
            Identificatie.niet_natuurlijk_persoon(subject_url=HR_URL),
            {"subject": HR_URL, "subjectType": "niet_natuurlijk_persoon"},
            id="organisation-by-its-url-alone",
        ),
        pytest.param(
            Identificatie.niet_natuurlijk_persoon(rsin=RSIN, subject_url=HR_URL),
            {
                "subject": HR_URL,
                "subjectType": "niet_natuurlijk_persoon",
                "subjectIdentificatie": {"innNnpId": RSIN},
            },
            id="organisation-with-an-rsin",
        ),
        pytest.param(
            Identificatie.niet_natuurlijk_persoon(
                vestigingsnummer="000012345678", subject_url=HR_URL
            ),
            {
                "subject": HR_URL,
                "subjectType": "vestiging",
                "subjectIdentificatie": {"vestigingsNummer": "000012345678"},
            },
            id="vestiging",
        ),
    ],
)
def test_the_subject_url_is_written_as_subject_beside_the_numbers_it_has(
    ident: Identificatie, subject: dict[str, Any], vorm: Richting
) -> None:
    geschreven = naar_v1(klant(ident), vorm)
    assert {**BASIS, **subject} == geschreven
    assert [] == fouten("klanten_v1", "Klant", geschreven, richting=vorm)
    assert [] == regelfouten("klanten_v1", geschreven)


def test_a_klant_known_by_its_subject_url_alone_is_a_valid_create_request() -> None:
    geschreven = naar_v1(klant(Identificatie.natuurlijk_persoon(subject_url=PERSOON_URL)))
    assert [] == verzoekfouten("klanten_v1", "post", "/klanten", geschreven)
    assert [] == regelfouten("klanten_v1", geschreven)
    assert "subjectIdentificatie" not in geschreven


def test_a_subject_url_does_not_make_a_kvk_nummer_writable() -> None:
    ident = Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938", subject_url=HR_URL)
    with pytest.raises(FormaatError, match="kvk_nummer: Klanten API v1 heeft geen veld"):
        naar_v1(klant(ident))


CONTACTPERSOON = Kenmerken("contactpersoon")


@pytest.mark.parametrize("vorm", ["verzoek", "antwoord"])
@pytest.mark.parametrize(
    ("kenmerken", "velden", "redenen"),
    [
        pytest.param(
            Kenmerken(actief=False),
            "kenmerken.actief",
            "een klant die niet actief is, zou actief worden",
            id="not-active",
        ),
        pytest.param(
            Kenmerken(geheimhouding=True),
            "kenmerken.geheimhouding",
            "de geheime gegevens van de klant zouden openbaar worden",
            id="secret",
        ),
        pytest.param(
            CONTACTPERSOON,
            "kenmerken.soort",
            "een contactpersoon zou een gewone persoon worden",
            id="contactpersoon",
        ),
        pytest.param(
            Kenmerken("contactpersoon", werkt_voor=uuid.UUID(int=9)),
            "kenmerken.soort, kenmerken.werkt_voor",
            "een contactpersoon zou een gewone persoon worden; "
            "de organisatie waarvoor de contactpersoon werkt, viel weg",
            id="contactpersoon-working-for-an-organisation",
        ),
        pytest.param(
            Kenmerken("persoon", actief=False, geheimhouding=True),
            "kenmerken.actief, kenmerken.geheimhouding",
            "een klant die niet actief is, zou actief worden; "
            "de geheime gegevens van de klant zouden openbaar worden",
            id="not-active-and-secret",
        ),
    ],
)
def test_a_kenmerk_v1_has_no_member_for_is_refused_naming_it_and_why(
    kenmerken: Kenmerken, velden: str, redenen: str, vorm: Richting
) -> None:
    k = klant(Identificatie.natuurlijk_persoon(bsn="111222333"), kenmerken)
    with pytest.raises(FormaatError) as fout:
        naar_v1(k, vorm)
    assert (
        f"klant {k.id} past niet in dit formaat: {velden}: Klanten API v1 heeft er geen veld "
        f"voor: {redenen}"
    ) == str(fout.value)


@pytest.mark.parametrize(
    ("ident", "kenmerken", "vorm"),
    [
        (Identificatie.natuurlijk_persoon(bsn="111222333"), Kenmerken("persoon"), "verzoek"),
        (
            Identificatie.niet_natuurlijk_persoon(rsin=RSIN),
            Kenmerken("organisatie", geheimhouding=False),
            "verzoek",
        ),
        (Identificatie.natuurlijk_persoon(subject_url=PERSOON_URL), Kenmerken(), "verzoek"),
        (None, Kenmerken("organisatie", geheimhouding=False), "antwoord"),
    ],
)
def test_kenmerken_v1_says_or_that_say_nothing_are_written_as_without(
    ident: Identificatie | None, kenmerken: Kenmerken, vorm: Richting
) -> None:
    assert naar_v1(klant(ident), vorm) == naar_v1(klant(ident, kenmerken), vorm)


# --- v1 -> Klant -> v1 -----------------------------------------------------------------

_NUMMERS: dict[str, dict[str, st.SearchStrategy[str]]] = {
    "natuurlijk_persoon": {"inpBsn": bsns, "inpANummer": a_nummers},
    "niet_natuurlijk_persoon": {"innNnpId": rsins},
}


#: Names as a v1 server returns them: as the register keeps them (no surrounding spaces).
NAMEN = st.from_regex(r"[A-ZÇĲ][a-zëïöçş'-]{0,15}", fullmatch=True)


@st.composite
def v1_klanten_met_subject(draw: st.DrawFn) -> dict[str, Any]:
    """A v1 Klant as a server returns it, with a subject URL: beside any numbers of its
    subjectType or alone (a vestiging always with its vestigingsNummer)."""
    subject_type = draw(
        st.sampled_from(["natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging"])
    )
    if subject_type == "vestiging":
        si = {"vestigingsNummer": draw(vestigingsnummers)}
    else:
        si = draw(st.fixed_dictionaries({}, optional=_NUMMERS[subject_type]))
    record: dict[str, Any] = {
        "url": f"{KLANTEN}/{draw(st.uuids())}",
        "bronorganisatie": RSIN,
        "klantnummer": draw(klantnummers_v1),
        "websiteUrl": draw(website_urls),
        **draw(st.fixed_dictionaries({}, optional={"voornaam": NAMEN, "achternaam": NAMEN})),
        "subject": draw(subject_urls).waarde,
        "subjectType": subject_type,
    }
    if si:
        record["subjectIdentificatie"] = si
    return record


@given(v1_klanten_met_subject())
def test_a_v1_klant_with_a_subject_url_is_written_back_as_it_was_read(
    record: dict[str, Any],
) -> None:
    gelezen = lees(record)
    assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
    registratie = gelezen.registratie
    assert registratie is not None
    assert registratie.id is not None
    assert registratie.klantnummer is not None
    k = Klant(
        registratie.id,
        registratie.gemeente,
        registratie.klantnummer,
        registratie.klantgegevens,
        registratie.identificatie,
        bron=registratie.bron,
    )
    assert record["url"].endswith(str(k.id))
    assert record == json.loads(json.dumps(naar_v1(k, "antwoord")))
