"""Hypothesis strategies for what one exchange format can hold, shared by the format tests.

The strategies for any valid value are public, in :mod:`klantregister.testing`;
these narrow them to a format: a Klanten API v1 subject, a Klantinteracties Partij.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from hypothesis import strategies as st

from klantregister import Adres, Identificatie, Klant, Klantgegevens
from klantregister.domain import Kenmerken, Partijsoort
from klantregister.testing import (
    a_nummers,
    bsns,
    emailadressen,
    kvk_nummers,
    namen,
    nederlandse_adressen,
    rsins,
    subject_urls,
    telefoonnummers,
    vestigingsnummers,
    voorkeurstalen,
    voorletters,
    voorvoegsels,
    website_urls,
)
from klantregister.testing import klanten as _klanten

# --- what one Klanten API v1 subject can hold -------------------------------------------

#: The numbers one Klanten API v1 subject can hold: no foreign number, an RSIN on its own
#: (``innNnpId``; v1 has no member for a KvK-nummer), or a vestigingsNummer on its own.
_nummers_v1 = st.one_of(
    st.builds(
        lambda bsn, a_nummer: Identificatie.natuurlijk_persoon(bsn=bsn, a_nummer=a_nummer),
        bsns,
        st.none() | a_nummers,
    ),
    st.builds(lambda a_nummer: Identificatie.natuurlijk_persoon(a_nummer=a_nummer), a_nummers),
    st.builds(lambda rsin: Identificatie.niet_natuurlijk_persoon(rsin=rsin), rsins),
    st.builds(
        lambda nummer: Identificatie.niet_natuurlijk_persoon(vestigingsnummer=nummer),
        vestigingsnummers,
    ),
)

#: The identificaties one Klanten API v1 subject can hold: those numbers, with a
#: ``subject`` URL beside them or not, or a subject URL alone (of either soort).
identificaties_v1 = st.one_of(
    st.builds(
        lambda ident, url: attrs.evolve(ident, subject_url=url),
        _nummers_v1,
        st.none() | subject_urls,
    ),
    st.builds(lambda url: Identificatie.natuurlijk_persoon(subject_url=url), subject_urls),
    st.builds(lambda url: Identificatie.niet_natuurlijk_persoon(subject_url=url), subject_urls),
)


@st.composite
def met_kenmerken_v1(draw: st.DrawFn, klanten: st.SearchStrategy[Klant]) -> Klant:
    """A klant of ``klanten`` with the kenmerken a Klanten API v1 Klant can be written
    with: active, a soort persoon or organisatie that agrees with its identificatie (or
    none), a ``geheimhouding`` of ``False`` (or unsaid)."""
    klant = draw(klanten)
    soorten = [
        soort
        for soort in (Partijsoort.PERSOON, Partijsoort.ORGANISATIE)
        if klant.identificatie is None or soort.subjectsoort is klant.identificatie.soort
    ]
    kenmerken = Kenmerken(
        draw(st.none() | st.sampled_from(soorten)),
        geheimhouding=draw(st.sampled_from([None, False])),
    )
    return attrs.evolve(klant, kenmerken=kenmerken)


#: Klantgegevens without the fields the Klanten API v1 lacks (voorletters, voorkeurstaal,
#: adresregels).
klantgegevens_v1 = st.builds(
    Klantgegevens,
    voornaam=st.none() | namen,
    voorvoegsel_achternaam=st.none() | voorvoegsels,
    achternaam=st.none() | namen,
    bedrijfsnaam=st.none() | namen,
    functie=st.none() | namen,
    emailadres=st.none() | emailadressen,
    telefoonnummer=st.none() | telefoonnummers,
    website_url=st.none() | website_urls,
    adres=st.none()
    | nederlandse_adressen
    | st.builds(Adres, woonplaatsnaam=namen, land=st.sampled_from(["DE", "BE", "TR"])),
)


# --- what one Klantinteracties Partij can hold ---------------------------------------

#: A natural person's identificatie a Partij can hold: a BSN only (no A-nummer or foreign
#: number).
identificaties_partij_persoon = st.builds(
    lambda bsn: Identificatie.natuurlijk_persoon(bsn=bsn), bsns
)

#: An organisation's identificatie a Partij can hold: any of KvK-nummer, RSIN and
#: vestigingsnummer, a vestigingsnummer only with the KvK-nummer it stands under (no
#: foreign number).
identificaties_partij_organisatie = st.one_of(
    st.builds(
        lambda kvk, rsin, vestiging: Identificatie.niet_natuurlijk_persoon(
            kvk_nummer=kvk, rsin=rsin, vestigingsnummer=vestiging
        ),
        kvk_nummers,
        st.none() | rsins,
        st.none() | vestigingsnummers,
    ),
    st.builds(lambda rsin: Identificatie.niet_natuurlijk_persoon(rsin=rsin), rsins),
)

#: Telephone numbers as people write them that Open Klant takes once the Partij writer
#: drops their spaces, ``-``, ``.``, parentheses and a ``(0)`` after the country code:
#: ten digits from ``0``, ``+`` and 9 to 15 digits, ``00`` and 7 to 13 digits.
telefoonnummers_open_klant = st.from_regex(
    r"0[1-9][0-9]{8}"
    r"|0[1-9][0-9]-[0-9]{7}"
    r"|0[1-9][0-9]{2} [0-9]{6}"
    r"|\(0[1-9][0-9]\) [0-9]{3} [0-9]{4}"
    r"|06[ -][0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2}"
    r"|\+31 (\(0\) ?)?[1-9][0-9]{8}"
    r"|\+[1-9][0-9]{8,14}"
    r"|00[1-9][0-9]{6,12}"
    r"|0031 \(0\)[1-9]\.[0-9]{8}",
    fullmatch=True,
)

_digitaal = {
    "emailadres": st.none() | emailadressen,
    "telefoonnummer": st.none() | telefoonnummers_open_klant,
    "website_url": st.none() | website_urls,
    "voorkeurstaal": st.none() | voorkeurstalen,
}

#: Klantgegevens of a Partij persoon: contactnaam, digitale adressen, voorkeurstaal.
klantgegevens_persoon = st.builds(
    Klantgegevens,
    voorletters=st.none() | voorletters,
    voornaam=st.none() | namen,
    voorvoegsel_achternaam=st.none() | voorvoegsels,
    achternaam=st.none() | namen,
    **_digitaal,
)

#: Klantgegevens of a Partij organisatie: naam, digitale adressen, voorkeurstaal.
klantgegevens_organisatie = st.builds(Klantgegevens, bedrijfsnaam=st.none() | namen, **_digitaal)


@st.composite
def _met_partijkenmerken(
    draw: st.DrawFn, klanten: st.SearchStrategy[Klant], soorten: Sequence[Partijsoort]
) -> Klant:
    """A klant of ``klanten`` with the kenmerken a Partij of one of ``soorten`` holds: that
    soort or none, active or not, secret or not or unsaid, a contactpersoon working for
    another Partij or for none."""
    klant = draw(klanten)
    soort = draw(st.none() | st.sampled_from(soorten))
    werkt_voor = None
    if soort is Partijsoort.CONTACTPERSOON:
        werkt_voor = draw(st.none() | st.uuids().filter(lambda u: u != klant.id))
    kenmerken = Kenmerken(soort, draw(st.booleans()), draw(st.none() | st.booleans()), werkt_voor)
    return attrs.evolve(klant, kenmerken=kenmerken)


#: Klanten a Partij holds whole, but for a klantnummer that is not an integer: a persoon or
#: contactpersoon, or an organisatie, each perhaps zelfstandig, with the kenmerken of its
#: soort of Partij.
klanten_partij = _met_partijkenmerken(
    _klanten(st.none() | identificaties_partij_persoon, klantgegevens_persoon, met_kenmerken=False),
    [Partijsoort.PERSOON, Partijsoort.CONTACTPERSOON],
) | _met_partijkenmerken(
    _klanten(
        st.none() | identificaties_partij_organisatie,
        klantgegevens_organisatie,
        met_kenmerken=False,
    ),
    [Partijsoort.ORGANISATIE],
)


# --- where a klant came from -----------------------------------------------------------


#: Klantnummers the Klanten API v1 holds: one to eight letters and digits.
klantnummers_v1 = st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True)


@st.composite
def met_bron(
    draw: st.DrawFn, klanten: st.SearchStrategy[Klant], collecties: Sequence[str]
) -> Klant:
    """A klant of ``klanten``, perhaps with a ``bron``: the URL of its record in one of the
    ``collecties`` (``https://klanten.example.nl/api/v1/klanten``), its id last."""
    klant = draw(klanten)
    collectie = draw(st.none() | st.sampled_from(collecties))
    return klant if collectie is None else attrs.evolve(klant, bron=f"{collectie}/{klant.id}")
