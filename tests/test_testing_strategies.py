"""The public strategies give only values klantregister accepts, and others agree they are valid.

python-stdnum and pycountry are the second opinion: a strategy that drifted along with a
value object would still be caught by them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from importlib import resources

import attrs
import pycountry
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode

import klantregister.testing
from gemachtigd import vastgelegd
from klantregister import (
    Adres,
    ANummer,
    Authenticatie,
    Betrouwbaarheidsniveau,
    Bsn,
    BuitenlandsNummer,
    Gemeentecode,
    Identificatie,
    Klant,
    Klantgegevens,
    KlantRegister,
    KvkNummer,
    Overname,
    Rsin,
    Subjectsoort,
    Vestigingsnummer,
)
from klantregister.testing import (
    a_nummers,
    bsns,
    buitenlandse_adressen,
    buitenlandse_nummers,
    gemeentecodes,
    identificaties,
    identificaties_natuurlijk_persoon,
    identificaties_niet_natuurlijk_persoon,
    klanten,
    klantgegevens,
    kvk_nummers,
    nederlandse_adressen,
    rsins,
    vestigingsnummers,
    voorkeurstalen,
)

pytestmark = pytest.mark.unit

DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD")


def is_land(code: str) -> bool:
    """Whether pycountry knows the code as an ISO 3166-1 alpha-2 country, or it is a code
    of the BRP Tabel 34 data file (read here with the csv module, not the library)."""
    return pycountry.countries.get(alpha_2=code) is not None or code in TABEL_34


TABEL_34 = frozenset(
    rij["code"]
    for rij in csv.DictReader(
        io.StringIO(
            (resources.files("klantregister.domain") / "data" / "brp-tabel34-landen.csv")
            .read_bytes()
            .decode("utf-8"),
            newline="",
        )
    )
)


def is_taal(code: str) -> bool:
    """Whether pycountry knows the code as an ISO 639-2 language (either of its codes)."""
    return (
        pycountry.languages.get(alpha_3=code) or pycountry.languages.get(bibliographic=code)
    ) is not None


# --- numbers ---------------------------------------------------------------------------


@given(bsns)
def test_every_bsn_drawn_is_valid_to_klantregister_and_to_python_stdnum(bsn: str) -> None:
    assert (bsn, True, True) == (Bsn(bsn).waarde, Bsn.is_valid(bsn), stdnum_bsn.is_valid(bsn))


@given(rsins)
def test_every_rsin_drawn_is_valid_to_klantregister_and_passes_stdnums_11_proef(
    rsin: str,
) -> None:
    # python-stdnum has no RSIN of its own; an RSIN has the BSN's 11-proef.
    assert (rsin, True, True) == (Rsin(rsin).waarde, Rsin.is_valid(rsin), stdnum_bsn.is_valid(rsin))


@pytest.mark.parametrize(
    ("nummers", "klasse", "lengte"),
    [
        (a_nummers, ANummer, 10),
        (kvk_nummers, KvkNummer, 8),
        (vestigingsnummers, Vestigingsnummer, 12),
        (gemeentecodes, Gemeentecode, 4),
    ],
    ids=["a_nummers", "kvk_nummers", "vestigingsnummers", "gemeentecodes"],
)
@given(data=st.data())
def test_every_number_drawn_is_valid_and_compact(
    nummers: st.SearchStrategy[str],
    klasse: type[ANummer | KvkNummer | Vestigingsnummer | Gemeentecode],
    lengte: int,
    data: st.DataObject,
) -> None:
    nummer = data.draw(nummers)

    assert (nummer, True, lengte) == (klasse(nummer).waarde, klasse.is_valid(nummer), len(nummer))


@given(buitenlandse_nummers)
def test_every_foreign_number_drawn_is_of_a_land_other_than_the_netherlands(
    nummer: BuitenlandsNummer,
) -> None:
    assert (True, False) == (is_land(nummer.land), nummer.land == "NL")


# --- identificaties ----------------------------------------------------------------------


@given(identificaties_natuurlijk_persoon())
def test_a_natural_persons_identificatie_drawn_is_a_natural_persons_with_a_key(
    identificatie: Identificatie,
) -> None:
    assert (Subjectsoort.NATUURLIJK_PERSOON, True) == (
        identificatie.soort,
        len(identificatie.persoonssleutels) > 0,
    )


@given(identificaties_niet_natuurlijk_persoon())
def test_an_organisations_identificatie_drawn_is_an_organisations(
    identificatie: Identificatie,
) -> None:
    assert (Subjectsoort.NIET_NATUURLIJK_PERSOON, ()) == (
        identificatie.soort,
        identificatie.persoonssleutels,
    )


@pytest.mark.parametrize("soort", list(Subjectsoort))
def test_identificaties_gives_identificaties_of_both_soorten(soort: Subjectsoort) -> None:
    assert soort == find(identificaties, lambda identificatie: identificatie.soort is soort).soort


# --- adressen and klantgegevens ------------------------------------------------------------


@given(nederlandse_adressen)
def test_a_dutch_address_drawn_has_a_postcode_python_stdnum_accepts(adres: Adres) -> None:
    assert ("NL", True) == (
        adres.land,
        adres.postcode is None or stdnum_postcode.is_valid(adres.postcode),
    )


@given(buitenlandse_adressen)
def test_a_foreign_address_drawn_is_of_a_land_other_than_the_netherlands(adres: Adres) -> None:
    assert (True, False) == (is_land(adres.land), adres.nederlands)


@given(voorkeurstalen)
def test_every_voorkeurstaal_drawn_is_an_iso_639_2_language(taal: str) -> None:
    assert (True, taal) == (is_taal(taal), Klantgegevens(voorkeurstaal=taal).voorkeurstaal)


def test_klantgegevens_gives_every_field_a_value_in_some_examples() -> None:
    velden = {veld.name for veld in attrs.fields(Klantgegevens)}
    gegeven: set[str] = set()

    @settings(max_examples=100, derandomize=True, database=None)
    @given(klantgegevens)
    def verzamel(gegevens: Klantgegevens) -> None:
        gegeven.update(veld for veld in velden if getattr(gegevens, veld) is not None)

    verzamel()

    assert velden == gegeven


# --- klanten -------------------------------------------------------------------------------


@given(klanten())
def test_every_klant_drawn_registers_as_it_is_in_an_empty_register(klant: Klant) -> None:
    # Its own herkomst (of any level) where it has one: the strategy's cover the identificatie.
    register = KlantRegister(minimaal_betrouwbaarheidsniveau="laag")
    herkomst = klant.herkomst
    if isinstance(herkomst, Overname):
        vastleggen: dict[str, object] = {"overname": herkomst}
    elif herkomst is not None:
        vastleggen = {"authenticatie": herkomst}
    else:
        vastleggen = vastgelegd(klant.identificatie, DIGID if klant.identificatie else None)

    geregistreerd = register.registreer(
        klant.gemeente,
        klant.klantgegevens,
        klant.identificatie,
        klantnummer=klant.klantnummer,
        **vastleggen,  # type: ignore[arg-type]
    )
    if herkomst is not None:
        assert herkomst == geregistreerd.herkomst

    assert (klant.gemeente, klant.klantnummer, klant.klantgegevens, klant.identificatie) == (
        geregistreerd.gemeente,
        geregistreerd.klantnummer,
        geregistreerd.klantgegevens,
        geregistreerd.identificatie,
    )


@given(klanten(identificatie=st.none(), gegevens=st.just(Klantgegevens(voornaam="Anna"))))
def test_klanten_draws_from_the_strategies_it_is_given(klant: Klant) -> None:
    assert (True, Klantgegevens(voornaam="Anna")) == (klant.zelfstandig, klant.klantgegevens)


# --- the module ----------------------------------------------------------------------------


def test_klantregister_testing_offers_every_public_strategy() -> None:
    assert set(klantregister.testing.strategies.__all__) <= set(klantregister.testing.__all__)


@pytest.mark.parametrize(
    "maak",
    [
        lambda: klantregister.testing.kenmerken(soort="persoon"),  # type: ignore[arg-type]
        lambda: klantregister.testing.kenmerken(soort=5),  # type: ignore[arg-type]
        lambda: klantregister.testing.klanten(identificatie=5),  # type: ignore[arg-type]
        lambda: klantregister.testing.klanten(gegevens="x"),  # type: ignore[arg-type]
        lambda: klantregister.testing.klanten(klantnummer=["K1"]),  # type: ignore[arg-type]
        lambda: klantregister.testing.klanten(met_kenmerken="ja"),  # type: ignore[arg-type]
    ],
)
def test_a_strategy_given_a_wrong_argument_says_so_at_once(maak: Callable[[], object]) -> None:
    """As Hypothesis's own strategies do: InvalidArgument when the strategy is made, not an
    AttributeError deep in the first draw."""
    with pytest.raises(InvalidArgument):
        maak()
