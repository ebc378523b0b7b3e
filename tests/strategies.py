"""Hypothesis strategies for valid klantregister values, shared by the tests.

Valid numbers are built from their definition (digits plus a computed check
digit), not by filtering random text through the code under test.
"""

from __future__ import annotations

from hypothesis import strategies as st

from klantregister import (
    Adres,
    BuitenlandsNummer,
    Identificatie,
    Klant,
    Klantgegevens,
)

_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2)


def _elfproef_nummers() -> st.SearchStrategy[str]:
    """Nine-digit numbers passing the 11-proef, never all zeros."""

    def maak(eerste_acht: str) -> str | None:
        som = sum(g * int(c) for g, c in zip(_GEWICHTEN, eerste_acht, strict=True))
        controle = som % 11  # the last digit has weight -1: it must equal som mod 11
        if controle == 10:
            return None
        nummer = eerste_acht + str(controle)
        return None if nummer == "000000000" else nummer

    return (
        st.text(alphabet="0123456789", min_size=8, max_size=8)
        .map(maak)
        .filter(lambda n: n is not None)
        .map(str)
    )


bsns = _elfproef_nummers()
rsins = _elfproef_nummers()
a_nummers = st.from_regex(r"[1-9][0-9]{9}", fullmatch=True)
kvk_nummers = st.from_regex(r"[0-9]{8}", fullmatch=True).filter(lambda n: n != "0" * 8)
vestigingsnummers = st.from_regex(r"[0-9]{12}", fullmatch=True).filter(lambda n: n != "0" * 12)
gemeentecodes = st.from_regex(r"[0-9]{4}", fullmatch=True).filter(lambda n: n != "0000")

buitenlandse_nummers = st.builds(
    BuitenlandsNummer,
    land=st.sampled_from(["DE", "BE", "FR", "GB", "PL", "TR", "MA", "US"]),
    register=st.sampled_from(["Melderegister", "Rijksregister", "KRS", "Companies House"]),
    nummer=st.from_regex(r"[A-Z0-9]{1,20}", fullmatch=True),
)


@st.composite
def identificaties_natuurlijk_persoon(draw: st.DrawFn) -> Identificatie:
    """A natural person's identificatie with at least one identifier."""
    bsn = draw(st.none() | bsns)
    a_nummer = draw(st.none() | a_nummers)
    buitenlands = draw(st.none() | buitenlandse_nummers)
    if bsn is None and a_nummer is None and buitenlands is None:
        bsn = draw(bsns)
    return Identificatie.natuurlijk_persoon(bsn=bsn, a_nummer=a_nummer, buitenlands=buitenlands)


@st.composite
def identificaties_niet_natuurlijk_persoon(draw: st.DrawFn) -> Identificatie:
    """An organisation's identificatie with at least one identifier."""
    kvk = draw(st.none() | kvk_nummers)
    vestiging = draw(st.none() | vestigingsnummers)
    rsin = draw(st.none() | rsins)
    buitenlands = draw(st.none() | buitenlandse_nummers)
    if kvk is None and vestiging is None and rsin is None and buitenlands is None:
        kvk = draw(kvk_nummers)
    return Identificatie.niet_natuurlijk_persoon(
        kvk_nummer=kvk, vestigingsnummer=vestiging, rsin=rsin, buitenlands=buitenlands
    )


identificaties = identificaties_natuurlijk_persoon() | identificaties_niet_natuurlijk_persoon()

_namen = st.text(
    alphabet=st.characters(categories=["L", "Zs"], max_codepoint=0x24F), min_size=1, max_size=40
).filter(lambda t: t.strip() != "")

adressen = st.builds(
    Adres,
    straatnaam=st.none() | _namen,
    huisnummer=st.none() | st.integers(0, 99999),
    huisletter=st.none() | st.sampled_from("ABCabc"),
    postcode=st.none() | st.from_regex(r"[1-9][0-9]{3} ?[A-RT-Z][A-Z]", fullmatch=True),
    woonplaatsnaam=st.none() | _namen,
)

klantgegevens = st.builds(
    Klantgegevens,
    voornaam=st.none() | _namen,
    voorvoegsel_achternaam=st.none() | st.sampled_from(["van", "de", "van der", "ten"]),
    achternaam=st.none() | _namen,
    emailadres=st.none() | st.from_regex(r"[a-z]{1,10}@[a-z]{1,10}\.nl", fullmatch=True),
    telefoonnummer=st.none() | st.from_regex(r"\+31 [1-9][0-9]{8}", fullmatch=True),
    adres=st.none() | adressen,
    voorkeurstaal=st.none() | st.sampled_from(["nld", "dut", "eng", "tur", "ara", "pol"]),
)


# --- klanten, and the subsets an exchange format can hold ------------------------------

klantnummers = st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True)


def klanten(
    identificatie: st.SearchStrategy[Identificatie | None] | None = None,
    gegevens: st.SearchStrategy[Klantgegevens] | None = None,
) -> st.SearchStrategy[Klant]:
    """Klanten of any gemeente and versie, with the given identificatie and klantgegevens."""
    if identificatie is None:
        identificatie = st.none() | identificaties
    if gegevens is None:
        gegevens = klantgegevens
    return st.builds(
        Klant,
        id=st.uuids(),
        gemeente=gemeentecodes,
        klantnummer=klantnummers,
        klantgegevens=gegevens,
        identificatie=identificatie,
        versie=st.integers(1, 10**6),
    )


#: The identificaties one Klanten API v1 subject can hold: no foreign number, one
#: innNnpId (a KvK-nummer or an RSIN), or a vestigingsNummer on its own.
identificaties_v1 = st.one_of(
    st.builds(
        lambda bsn, a_nummer: Identificatie.natuurlijk_persoon(bsn=bsn, a_nummer=a_nummer),
        bsns,
        st.none() | a_nummers,
    ),
    st.builds(lambda a_nummer: Identificatie.natuurlijk_persoon(a_nummer=a_nummer), a_nummers),
    st.builds(lambda kvk: Identificatie.niet_natuurlijk_persoon(kvk_nummer=kvk), kvk_nummers),
    st.builds(lambda rsin: Identificatie.niet_natuurlijk_persoon(rsin=rsin), rsins),
    st.builds(
        lambda nummer: Identificatie.niet_natuurlijk_persoon(vestigingsnummer=nummer),
        vestigingsnummers,
    ),
)

#: Klantgegevens without the fields the Klanten API v1 lacks (voorletters, voorkeurstaal).
klantgegevens_v1 = st.builds(
    Klantgegevens,
    voornaam=st.none() | _namen,
    voorvoegsel_achternaam=st.none() | st.sampled_from(["van", "de", "van der", "ten"]),
    achternaam=st.none() | _namen,
    bedrijfsnaam=st.none() | _namen,
    functie=st.none() | _namen,
    emailadres=st.none() | st.from_regex(r"[a-z]{1,10}@[a-z]{1,10}\.nl", fullmatch=True),
    telefoonnummer=st.none() | st.from_regex(r"\+31 [1-9][0-9]{8}", fullmatch=True),
    website_url=st.none() | st.from_regex(r"https://[a-z]{1,10}\.nl/[a-z]{0,10}", fullmatch=True),
    adres=st.none()
    | adressen
    | st.builds(Adres, woonplaatsnaam=_namen, land=st.sampled_from(["DE", "BE", "TR"])),
)


# --- what one Klantinteracties Partij can hold ---------------------------------------

#: A natural person's identificatie a Partij can hold: a BSN only (no A-nummer or foreign
#: number).
identificaties_partij_persoon = st.builds(
    lambda bsn: Identificatie.natuurlijk_persoon(bsn=bsn), bsns
)

#: An organisation's identificatie a Partij can hold: any of KvK-nummer, RSIN and
#: vestigingsnummer (no foreign number).
identificaties_partij_organisatie = st.one_of(
    st.builds(
        lambda kvk, rsin, vestiging: Identificatie.niet_natuurlijk_persoon(
            kvk_nummer=kvk, rsin=rsin, vestigingsnummer=vestiging
        ),
        kvk_nummers,
        st.none() | rsins,
        st.none() | vestigingsnummers,
    ),
    st.builds(
        lambda rsin, vestiging: Identificatie.niet_natuurlijk_persoon(
            rsin=rsin, vestigingsnummer=vestiging
        ),
        rsins,
        st.none() | vestigingsnummers,
    ),
    st.builds(
        lambda vestiging: Identificatie.niet_natuurlijk_persoon(vestigingsnummer=vestiging),
        vestigingsnummers,
    ),
)

_digitaal = {
    "emailadres": st.none() | st.from_regex(r"[a-z]{1,10}@[a-z]{1,10}\.nl", fullmatch=True),
    "telefoonnummer": st.none() | st.from_regex(r"\+31 [1-9][0-9]{8}", fullmatch=True),
    "website_url": st.none()
    | st.from_regex(r"https://[a-z]{1,10}\.nl/[a-z]{0,10}", fullmatch=True),
    "voorkeurstaal": st.none() | st.sampled_from(["nld", "dut", "eng", "tur", "ara", "pol"]),
}

#: Klantgegevens of a Partij persoon: contactnaam, digitale adressen, voorkeurstaal.
klantgegevens_persoon = st.builds(
    Klantgegevens,
    voorletters=st.none() | st.from_regex(r"([A-Z]\.){1,4}", fullmatch=True),
    voornaam=st.none() | _namen,
    voorvoegsel_achternaam=st.none() | st.sampled_from(["van", "de", "van der", "ten"]),
    achternaam=st.none() | _namen,
    **_digitaal,
)

#: Klantgegevens of a Partij organisatie: naam, digitale adressen, voorkeurstaal.
klantgegevens_organisatie = st.builds(Klantgegevens, bedrijfsnaam=st.none() | _namen, **_digitaal)
