"""Countries: the register holds each land by one code that gives back its Tabel 34 code
(Klanten API v1) and its ISO 3166-1 alpha-2 code (Klantinteracties) exactly.

Expected values come from the shipped CSV read with the csv module and from pycountry,
not from the functions under test.
"""

from __future__ import annotations

import csv
import io
import uuid
from importlib import resources

import pycountry
import pytest

from klantregister import Adres, FormaatError, Klant, Klantgegevens, OnbekendeCodeError
from klantregister.domain import codelijsten
from klantregister.formats import Probleemsoort, klanten_v1

pytestmark = pytest.mark.unit

RSIN = "002564440"


def _tabel_34() -> dict[str, str]:
    """Every Tabel 34 code with its ISO 3166-1 alpha-2 code ("" where it has none)."""
    bestand = resources.files("klantregister.domain") / "data" / "brp-tabel34-landen.csv"
    tekst = io.StringIO(bestand.read_bytes().decode("utf-8"), newline="")
    return {rij["code"]: rij["iso_alpha2"] for rij in csv.DictReader(tekst)}


TABEL_34 = _tabel_34()
ISO = sorted(land.alpha_2 for land in pycountry.countries)


@pytest.mark.parametrize("code", sorted(TABEL_34))
def test_every_tabel_34_code_comes_back_exactly_and_gives_its_iso_code(code: str) -> None:
    adres = Adres(woonplaatsnaam="Ergens", land=code)
    assert (code, TABEL_34[code] or None) == (adres.brp_landcode, adres.iso_landcode)


@pytest.mark.parametrize("iso", ISO)
def test_every_iso_code_comes_back_exactly(iso: str) -> None:
    assert iso == Adres(woonplaatsnaam="Ergens", land=iso.lower()).iso_landcode


def test_an_iso_code_is_held_as_such_where_it_stands_for_that_very_tabel_34_land() -> None:
    assert ("NL", "BE", "DE", "US", "GB") == tuple(
        Adres(land=code).land for code in ("6030", "5010", "9089", "6014", "6039")
    )


def test_lands_open_klant_maps_wrongly_or_not_at_all_are_mapped_by_the_table() -> None:
    # Open Klant's COUNTRIES_DICT lacks 6014, 6039 and 9089 and maps ended 6029 to DE.
    assert ("6014", "6039", "9089") == tuple(
        Adres(land=iso).brp_landcode for iso in ("US", "GB", "DE")
    )
    assert ("6029", None) == (Adres(land="6029").land, Adres(land="6029").iso_landcode)


@pytest.mark.parametrize(
    ("code", "naam"),
    [("0000", "Onbekend"), ("5105", "Kosovo"), ("6029", "Duitsland"), ("9999", None)],
)
def test_a_land_without_an_iso_code_is_held_by_its_tabel_34_code(
    code: str, naam: str | None
) -> None:
    adres = Adres(woonplaatsnaam="Ergens", land=code)
    assert (code, code, None) == (adres.land, adres.brp_landcode, adres.iso_landcode)
    if naam is not None:
        assert naam == codelijsten.brp_landen()[code].omschrijving


def test_a_part_of_an_iso_land_keeps_its_own_tabel_34_code() -> None:
    # 5055 Ascension carries SH, which stands for 8046 Sint-Helena, Ascension en Tristan da Cunha.
    ascension = Adres(land="5055")
    assert ("5055", "SH") == (ascension.land, ascension.iso_landcode)
    assert "8046" == Adres(land="SH").brp_landcode


def test_an_iso_land_whose_tabel_34_lands_all_ended_is_written_with_the_ended_code() -> None:
    assert ("7036", "5068") == (Adres(land="HK").brp_landcode, Adres(land="MO").brp_landcode)


def test_the_three_iso_lands_tabel_34_lacks_have_no_tabel_34_code() -> None:
    assert [None, None, None] == [Adres(land=iso).brp_landcode for iso in ("BV", "HM", "TF")]


def test_6030_is_nederland_with_the_dutch_postcode_rule() -> None:
    adres = Adres(postcode="1011pn", land="6030")
    assert (True, "1011 PN") == (adres.nederlands, adres.postcode)
    with pytest.raises(OnbekendeCodeError, match="Tabel 34"):
        Adres(land="1234")


@pytest.mark.parametrize("code", ["1234", "603", "60300", "NLD", "", "٦٠٣٠", "XK"])
def test_a_code_in_neither_list_is_refused_naming_both(code: str) -> None:
    with pytest.raises(OnbekendeCodeError, match=r"ISO 3166-1 alpha-2.*Tabel 34") as fout:
        Adres(land=code)
    assert "adres.land" == fout.value.veld


# --- Klanten API v1 ------------------------------------------------------------------


def _v1(landcode: str) -> dict[str, object]:
    return {
        "klantnummer": "K1",
        "adres": {"woonplaatsnaam": "Ergens", "postcode": "1011 PN", "landcode": landcode},
    }


@pytest.mark.parametrize("code", sorted(TABEL_34))
def test_v1_reads_every_tabel_34_code_and_writes_it_back_exactly(code: str) -> None:
    gelezen = klanten_v1.lees_klant(_v1(code), gemeenten="0363")
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    klant = Klant(uuid.UUID(int=1), "0363", "K1", gelezen.registratie.klantgegevens)
    v1 = klanten_v1.naar_v1(
        klant, bronorganisatie=RSIN, website_url="https://www.gemeente.example.nl", vorm="antwoord"
    )
    assert code == v1["adres"]["landcode"]


@pytest.mark.parametrize(("iso", "code"), [("NL", "6030"), ("BE", "5010"), ("de", "9089")])
def test_v1_reports_an_iso_code_in_landcode_naming_the_tabel_34_code(iso: str, code: str) -> None:
    (fout,) = klanten_v1.lees_klant(_v1(iso), gemeenten="0363").problemen
    assert ("adres.landcode", Probleemsoort.CODE) == (fout.veld, fout.soort)
    assert (True, True) == ("Tabel 34" in fout.melding, fout.melding.endswith(f" {code}"))


def test_v1_refuses_to_write_a_land_tabel_34_lacks() -> None:
    gegevens = Klantgegevens(adres=Adres(woonplaatsnaam="Bouvet", land="BV"))
    klant = Klant(uuid.UUID(int=2), "0363", "K2", gegevens)
    with pytest.raises(FormaatError, match="BV heeft geen code in de BRP Landentabel"):
        klanten_v1.naar_v1(klant, bronorganisatie=RSIN)
