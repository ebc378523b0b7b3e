"""Hypothesis strategies for valid klantregister values, for property tests of your own rules.

Every value they give is one the value objects accept; the numbers are given in
their compact form, as ``waarde`` holds them:

>>> from hypothesis import find
>>> from klantregister import Bsn
>>> bsn = find(bsns, lambda bsn: bsn.startswith("9"))
>>> len(bsn), Bsn(bsn).waarde == bsn
(9, True)
>>> find(identificaties, lambda identificatie: identificatie.kvk_nummer is not None)
Identificatie(soort=Subjectsoort.NIET_NATUURLIJK_PERSOON, kvk_nummer=KvkNummer('00000001'))

Valid numbers are built from their definition (digits plus a computed check
digit), never by filtering random text through the value objects: a test that
draws from them checks the value objects as well. The ranges and patterns of
the address fields come from :mod:`klantregister.domain.velden`, where they are
declared; the other text stays well within its field's limit.

Numbers, as ``str``: :data:`bsns`, :data:`rsins`, :data:`a_nummers`,
:data:`kvk_nummers`, :data:`vestigingsnummers`, :data:`gemeentecodes`,
:data:`klantnummers`. Value objects: :data:`buitenlandse_nummers`, :data:`subject_urls`,
:func:`identificaties_natuurlijk_persoon`,
:func:`identificaties_niet_natuurlijk_persoon`, :data:`identificaties` (both
soorten), :data:`nederlandse_adressen`, :data:`buitenlandse_adressen`,
:data:`adressen`, :data:`klantgegevens`, :func:`kenmerken`, :func:`herkomsten` and
:func:`klanten`. The text of single
fields, for strategies of your own: :data:`namen`, :data:`voorletters`,
:data:`voorvoegsels`, :data:`emailadressen`, :data:`telefoonnummers`,
:data:`website_urls`, :data:`voorkeurstalen`.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from klantregister.domain import (
    GEEN_KENMERKEN,
    Adres,
    Authenticatie,
    Betrouwbaarheidsniveau,
    BuitenlandsNummer,
    Herkomst,
    Identificatie,
    Kenmerken,
    Klant,
    Klantgegevens,
    Overname,
    Partijsoort,
    Subjectsoort,
    SubjectUrl,
    Vertegenwoordiging,
    Vertegenwoordigingsgrondslag,
    codelijsten,
    landcodes,
    velden,
)
from klantregister.domain.buitenlands import MAX_NUMMER
from klantregister.domain.klok01 import MAX_KLANTNUMMER

__all__ = [
    "a_nummers",
    "adressen",
    "bsns",
    "buitenlandse_adressen",
    "buitenlandse_nummers",
    "emailadressen",
    "gemeentecodes",
    "herkomsten",
    "identificaties",
    "identificaties_natuurlijk_persoon",
    "identificaties_niet_natuurlijk_persoon",
    "kenmerken",
    "klanten",
    "klantgegevens",
    "klantnummers",
    "kvk_nummers",
    "namen",
    "nederlandse_adressen",
    "rsins",
    "subject_urls",
    "telefoonnummers",
    "vestigingsnummers",
    "voorkeurstalen",
    "voorletters",
    "voorvoegsels",
    "website_urls",
]

# --- numbers ------------------------------------------------------------------------
# Each number's length and check digit are stated here as its standard defines them, not
# taken from the value objects: the strategies are the tests' own account of what is
# valid. The limits klantregister sets itself (a klantnummer's length, a foreign
# number's) come from where it declares them.

# The 11-proef weighs the first eight digits 9 down to 2, and the ninth -1.
_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2)


def _cijfers(aantal: int) -> st.SearchStrategy[str]:
    """``aantal`` digits, never all zeros (no register gives out such a number).

    Drawn as a number and written with its leading zeros: as many values as a text of
    digits, at a third of the cost, which every property test over identifiers pays.
    """
    return st.integers(1, 10**aantal - 1).map(f"{{:0{aantal}d}}".format)


def _met_controlecijfer(eerste_acht: str) -> str | None:
    """The nine-digit number whose ninth digit makes it pass the 11-proef, if there is one."""
    som = sum(
        gewicht * int(cijfer) for gewicht, cijfer in zip(_GEWICHTEN, eerste_acht, strict=True)
    )
    controle = som % 11  # the ninth digit weighs -1, so it must equal som mod 11
    return None if controle == 10 else eerste_acht + str(controle)


def _elfproef_nummers() -> st.SearchStrategy[str]:
    """Nine digits passing the 11-proef, never all zeros."""
    return _cijfers(8).map(_met_controlecijfer).filter(lambda nummer: nummer is not None).map(str)


#: Burgerservicenummers: nine digits passing the 11-proef, never all zeros.
bsns = _elfproef_nummers()
#: RSINs of the Handelsregister: nine digits passing the 11-proef, as a BSN does.
rsins = _elfproef_nummers()
#: A-nummers of the BRP: ten digits, the first one 1-9 (the Klanten API v1's format).
a_nummers = st.integers(10**9, 10**10 - 1).map(str)
#: KvK-nummers: eight digits, never all zeros.
kvk_nummers = _cijfers(8)
#: Vestigingsnummers of the Handelsregister: twelve digits, never all zeros.
vestigingsnummers = _cijfers(12)
#: Gemeentecodes as the BRP writes them: four digits, never ``0000``.
gemeentecodes = _cijfers(4)
#: Klantnummers: letters and digits, one to ten of them.
klantnummers = st.from_regex(rf"[A-Za-z0-9]{{1,{MAX_KLANTNUMMER}}}", fullmatch=True)

#: Numbers in a foreign register: any land but the Netherlands, a register's name, and
#: letters and digits up to the longest number klantregister keeps.
buitenlandse_nummers = st.builds(
    BuitenlandsNummer,
    land=st.sampled_from(sorted(landcodes() - {velden.LAND_NEDERLAND})),
    register=st.sampled_from(
        ["Melderegister", "Rijksregister", "KRS", "Companies House", "Registre national"]
    ),
    nummer=st.from_regex(rf"[A-Z0-9]{{1,{MAX_NUMMER}}}", fullmatch=True),
)


#: Subject URLs as a Klanten API v1 holds them: an ingeschreven persoon in the BRP's API
#: (its path ends in the BSN), an organisation or a vestiging in the Handelsregister's.
subject_urls = st.builds(
    lambda host, pad, nummer: SubjectUrl(f"https://{host}/{pad}/{nummer}"),
    host=st.sampled_from(["brp.example.nl", "api.example.nl", "hr.example.nl"]),
    pad=st.sampled_from(["haalcentraal/api/brp/ingeschrevenpersonen", "api/v1/vestigingen", "nnp"]),
    nummer=st.from_regex(r"[0-9]{8,12}", fullmatch=True),
)


@st.composite
def identificaties_natuurlijk_persoon(draw: st.DrawFn) -> Identificatie:
    """A natural person's identificatie: any of BSN, A-nummer, foreign number and subject
    URL, at least one."""
    bsn = draw(st.none() | bsns)
    a_nummer = draw(st.none() | a_nummers)
    buitenlands = draw(st.none() | buitenlandse_nummers)
    subject_url = draw(st.none() | st.none() | subject_urls)
    if bsn is None and a_nummer is None and buitenlands is None and subject_url is None:
        bsn = draw(bsns)
    return Identificatie.natuurlijk_persoon(
        bsn=bsn, a_nummer=a_nummer, buitenlands=buitenlands, subject_url=subject_url
    )


@st.composite
def identificaties_niet_natuurlijk_persoon(draw: st.DrawFn) -> Identificatie:
    """An organisation's identificatie: any of KvK-nummer, vestigingsnummer, RSIN and foreign
    number, at least one."""
    kvk = draw(st.none() | kvk_nummers)
    vestiging = draw(st.none() | vestigingsnummers)
    rsin = draw(st.none() | rsins)
    buitenlands = draw(st.none() | buitenlandse_nummers)
    subject_url = draw(st.none() | st.none() | subject_urls)
    if not any((kvk, vestiging, rsin, buitenlands, subject_url)):
        kvk = draw(kvk_nummers)
    return Identificatie.niet_natuurlijk_persoon(
        kvk_nummer=kvk,
        vestigingsnummer=vestiging,
        rsin=rsin,
        buitenlands=buitenlands,
        subject_url=subject_url,
    )


#: Identificaties of both soorten: of a natural person or of an organisation.
identificaties = identificaties_natuurlijk_persoon() | identificaties_niet_natuurlijk_persoon()

# --- the text of single fields -------------------------------------------------------

#: Names of people, streets and places: letters (Latin, with accents), spaces,
#: hyphens and apostrophes, 1 to 40 characters, never blank.
namen = st.text(
    alphabet=st.characters(categories=["L", "Zs"], include_characters="-'", max_codepoint=0x24F),
    min_size=1,
    max_size=40,
).filter(lambda tekst: tekst.strip() != "")
#: Voorletters as people write them: one to four capitals, each with a dot.
voorletters = st.from_regex(r"([A-Z]\.){1,4}", fullmatch=True)
#: Voorvoegsels of an achternaam.
voorvoegsels = st.sampled_from(["van", "de", "van der", "van den", "ten", "in 't", "d'"])
#: E-mail addresses of a Dutch or European domain.
emailadressen = st.from_regex(
    r"[a-z0-9]{1,10}([._+-][a-z0-9]{1,10})?@[a-z0-9]{1,10}(-[a-z0-9]{1,10})?\.(nl|eu|com)",
    fullmatch=True,
)
#: Dutch telephone numbers, international (``+31 612345678``) or national
#: (``020-1234567``).
telefoonnummers = st.from_regex(
    r"\+31 [1-9][0-9]{8}|0[1-9][0-9]{1,2}[ -]?[0-9]{6,7}", fullmatch=True
)
#: Website URLs, http or https.
website_urls = st.from_regex(r"https?://[a-z0-9]{1,10}\.(nl|eu)(/[a-z0-9]{0,10})?", fullmatch=True)
#: Voorkeurstalen: ISO 639-2 codes, bibliographic (``dut``) or terminologic (``nld``).
voorkeurstalen = st.sampled_from(["nld", "dut", "eng", "fry", "pap", "tur", "ara", "pol"])

# --- adressen and klantgegevens ------------------------------------------------------

#: Dutch addresses, every field perhaps given; postcodes as PostNL issues them, written
#: with or without a space, in either case.
nederlandse_adressen = st.builds(
    Adres,
    straatnaam=st.none() | namen,
    huisnummer=st.none() | st.integers(velden.HUISNUMMER_MIN, velden.HUISNUMMER_MAX),
    huisletter=st.none() | st.from_regex(str(velden.ADRES["huisletter"].patroon), fullmatch=True),
    huisnummertoevoeging=st.none()
    | st.from_regex(str(velden.ADRES["huisnummertoevoeging"].patroon), fullmatch=True),
    postcode=st.none() | st.from_regex(velden.POSTCODE_NL_UITGEGEVEN, fullmatch=True),
    woonplaatsnaam=st.none() | namen,
)

#: Foreign addresses: a land other than the Netherlands, given by its ISO 3166-1 code or
#: its BRP Tabel 34 code (``0000`` Onbekend, Kosovo and historical states among them), with
#: perhaps a woonplaats, a short postcode and up to three adresregels.
buitenlandse_adressen = st.builds(
    Adres,
    adresregel1=st.none() | namen,
    adresregel2=st.none() | namen,
    adresregel3=st.none() | namen,
    postcode=st.none()
    | st.from_regex(rf"[A-Z0-9]{{1,{velden.MAX_POSTCODE_BUITENLAND}}}", fullmatch=True),
    woonplaatsnaam=st.none() | namen,
    land=st.sampled_from(
        sorted(
            code
            for code in landcodes() | set(codelijsten.brp_landen())
            if codelijsten.land(code) != velden.LAND_NEDERLAND
        )
    ),
)

#: Addresses, Dutch or foreign.
adressen = nederlandse_adressen | buitenlandse_adressen

#: Klantgegevens, every field perhaps given (none at all, too: KLUIT02 allows that).
klantgegevens = st.builds(
    Klantgegevens,
    voorletters=st.none() | voorletters,
    voornaam=st.none() | namen,
    voorvoegsel_achternaam=st.none() | voorvoegsels,
    achternaam=st.none() | namen,
    bedrijfsnaam=st.none() | namen,
    functie=st.none() | namen,
    emailadres=st.none() | emailadressen,
    telefoonnummer=st.none() | telefoonnummers,
    website_url=st.none() | website_urls,
    adres=st.none() | adressen,
    voorkeurstaal=st.none() | voorkeurstalen,
    correspondentieadres=st.none() | st.none() | adressen,
)

# --- klanten -------------------------------------------------------------------------


def kenmerken(soort: Subjectsoort | None = None) -> st.SearchStrategy[Kenmerken]:
    """Kenmerken of a klant whose identificatie is of ``soort`` (any soort of party for a
    zelfstandige klant, ``None``): often none at all, else any soort of party that agrees
    with it, active or not, secret or not or unsaid, a contactpersoon perhaps working
    for an organisation.

    Anything but a :class:`~klantregister.Subjectsoort` or ``None`` raises Hypothesis's
    ``InvalidArgument`` at once, as a strategy given a wrong argument does.
    """
    if soort is not None and soort.__class__ is not Subjectsoort:
        raise InvalidArgument(f"soort={soort!r} is geen Subjectsoort en niet None")
    return _kenmerken(soort)


@st.composite
def _kenmerken(draw: st.DrawFn, soort: Subjectsoort | None) -> Kenmerken:
    if draw(st.booleans()):
        return GEEN_KENMERKEN
    partijsoort = draw(
        st.none()
        | st.sampled_from([p for p in Partijsoort if soort is None or p.subjectsoort is soort])
    )
    werkt_voor = None
    if partijsoort is Partijsoort.CONTACTPERSOON:
        werkt_voor = draw(st.none() | st.uuids())
    return Kenmerken(partijsoort, draw(st.booleans()), draw(st.none() | st.booleans()), werkt_voor)


def herkomsten(identificatie: Identificatie) -> st.SearchStrategy[Herkomst]:
    """What ``identificatie`` may be recorded with: an :class:`~klantregister.Authenticatie`
    at any level that covers it (rule 10: its ``subject`` one of the identificatie's
    identifiers, or its ``namens`` a representation of one, on a ground that fits the
    soort, by a representative with a BSN of their own or unnamed), or an
    :class:`~klantregister.Overname` from some source.

    Anything but an Identificatie raises Hypothesis's ``InvalidArgument`` at once.
    """
    if identificatie.__class__ is not Identificatie:
        raise InvalidArgument(f"identificatie={identificatie!r} is geen Identificatie")
    return _herkomst(identificatie)


_MIDDELEN = st.none() | st.sampled_from(["DigiD", "eHerkenning EH3", "eIDAS", "DigiD Machtigen"])


@st.composite
def _herkomst(draw: st.DrawFn, identificatie: Identificatie) -> Herkomst:
    # What an authentication can establish: every identifier but a subject URL.
    subjecten = [i for i in identificatie.identificatoren if not isinstance(i, SubjectUrl)]
    niveau = draw(st.sampled_from(Betrouwbaarheidsniveau))
    keuze = draw(st.sampled_from(["als", "namens", "overname"] if subjecten else ["overname"]))
    if keuze == "overname":
        return Overname(
            draw(st.sampled_from(["klanten.jsonl", "https://klanten.example.nl/api/v1"])),
            oorspronkelijk_niveau=draw(st.none() | st.just(niveau)),
            toelichting=draw(st.none() | st.sampled_from(["migratie", "koppeling 2024", "x"])),
        )
    gedekt = draw(st.sampled_from(subjecten))
    if keuze == "als":
        return Authenticatie(niveau, draw(_MIDDELEN), subject=gedekt)
    gronden = [
        grond
        for grond in Vertegenwoordigingsgrondslag
        if grond.subjectsoort in (None, identificatie.soort)
    ]
    namens = Vertegenwoordiging(
        gedekt,
        draw(st.sampled_from(gronden)),
        machtiging=draw(st.none() | st.sampled_from(["M-1", "EH-dienst 42"])),
    )
    vertegenwoordiger = draw(
        st.none() | bsns.filter(lambda bsn: bsn != getattr(gedekt, "waarde", None))
    )
    return Authenticatie(niveau, draw(_MIDDELEN), subject=vertegenwoordiger, namens=namens)


@st.composite
def _klant(
    draw: st.DrawFn,
    identificatie: st.SearchStrategy[Identificatie | None],
    gegevens: st.SearchStrategy[Klantgegevens],
    klantnummer: st.SearchStrategy[str],
    *,
    met_kenmerken: bool,
    met_herkomst: bool,
) -> Klant:
    ident = draw(identificatie)
    klant_id = draw(st.uuids())
    eigen = GEEN_KENMERKEN
    if met_kenmerken:
        eigen = draw(kenmerken(None if ident is None else ident.soort))
        if eigen.werkt_voor == klant_id:
            eigen = GEEN_KENMERKEN  # a contactpersoon does not work for itself
    herkomst = None
    if met_herkomst and ident is not None:
        herkomst = draw(st.none() | herkomsten(ident))
    return Klant(
        klant_id,
        draw(gemeentecodes),
        draw(klantnummer),
        draw(gegevens),
        ident,
        draw(st.integers(1, 10**6)),
        kenmerken=eigen,
        herkomst=herkomst,
    )


def klanten(
    identificatie: st.SearchStrategy[Identificatie | None] | None = None,
    gegevens: st.SearchStrategy[Klantgegevens] | None = None,
    klantnummer: st.SearchStrategy[str] | None = None,
    *,
    met_kenmerken: bool = True,
    met_herkomst: bool = True,
) -> st.SearchStrategy[Klant]:
    """Klanten of any gemeente and versie, with identificaties, klantgegevens and
    klantnummers drawn from the strategies given (by default :data:`klantnummers`),
    :func:`kenmerken` that agree with the identificatie (none with ``met_kenmerken=False``),
    and for an aangehaakte klant a herkomst of :func:`herkomsten` or none (none at all
    with ``met_herkomst=False``: a format that carries no herkomst).

    Without ``identificatie``, a klant is zelfstandig or has an identificatie of
    either soort; without ``gegevens``, its klantgegevens are any of
    :data:`klantgegevens`. Each klant is valid on its own; a list of them may
    break rule 1 (two holding one BSN in a gemeente), as a register would refuse.
    A wrong argument raises Hypothesis's ``InvalidArgument`` at once.
    """
    for naam, strategie in (
        ("identificatie", identificatie),
        ("gegevens", gegevens),
        ("klantnummer", klantnummer),
    ):
        if strategie is not None and not isinstance(strategie, st.SearchStrategy):
            raise InvalidArgument(f"{naam}={strategie!r} is geen strategie en niet None")
    for naam, vlag in (("met_kenmerken", met_kenmerken), ("met_herkomst", met_herkomst)):
        if not isinstance(vlag, bool):
            raise InvalidArgument(f"{naam}={vlag!r} is niet True of False")
    if identificatie is None:
        identificatie = st.none() | identificaties
    if gegevens is None:
        gegevens = klantgegevens
    return _klant(
        identificatie,
        gegevens,
        klantnummers if klantnummer is None else klantnummer,
        met_kenmerken=met_kenmerken,
        met_herkomst=met_herkomst,
    )
