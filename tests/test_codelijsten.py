"""The code lists, checked against pycountry and against the facts the data README promises.

pycountry (26.2.16) has ISO 3166-1 whole, so ``landcodes()`` must equal its
alpha-2 codes. It has no ISO 639-2 table: ``pycountry.languages`` is ISO 639-3
(some 7,900 languages, whose ``bibliographic`` attribute gives the 20 639-2/B
codes) and ``pycountry.language_families`` is ISO 639-5, and neither says which
of its codes are in 639-2. So ``taalcodes()`` is checked from every side
pycountry can see, each against its exact, documented difference: every code is
one of pycountry's but ``him`` and ``qaa-qtz``; the B codes are exactly
pycountry's, each with its T code; every 639-1 language has a 639-2 code but
``hbs``; and the 639-2 codes pycountry knows are 639-3 individual, macro and
special codes plus 639-5 collective codes.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from klantregister.domain import codelijsten
from klantregister.domain.codelijsten import (
    BrpLand,
    brp_land_voor_iso,
    brp_landen,
    landcodes,
    taalcodes,
)

PYCOUNTRY_LANDCODES = frozenset(land.alpha_2 for land in pycountry.countries)
PYCOUNTRY_639_3 = frozenset(taal.alpha_3 for taal in pycountry.languages)
PYCOUNTRY_639_5 = frozenset(familie.alpha_3 for familie in pycountry.language_families)
#: (B code, T code) for each language with a separate bibliographic code.
PYCOUNTRY_B_EN_T = frozenset(
    (taal.bibliographic, taal.alpha_3)
    for taal in pycountry.languages
    if hasattr(taal, "bibliographic")
)


def rijen_van_tabel_34() -> list[dict[str, str]]:
    bestand = resources.files("klantregister.domain") / "data" / "brp-tabel34-landen.csv"
    tekst = io.StringIO(bestand.read_bytes().decode("utf-8"), newline="")
    return list(csv.DictReader(tekst))


# --- ISO 3166-1 ------------------------------------------------------------------


@pytest.mark.unit
def test_the_landcodes_are_the_alpha_2_codes_of_pycountry() -> None:
    assert PYCOUNTRY_LANDCODES == landcodes()


@pytest.mark.unit
def test_there_are_249_landcodes_all_two_upper_case_letters() -> None:
    assert 249 == len(landcodes())
    assert set() == {code for code in landcodes() if not re.fullmatch(r"[A-Z]{2}", code)}


# --- ISO 639-2 -------------------------------------------------------------------


@pytest.mark.unit
def test_there_are_507_taalcodes_487_terminology_and_20_bibliographic() -> None:
    bibliografisch = {b for b, _ in PYCOUNTRY_B_EN_T}
    assert 507 == len(taalcodes())
    assert 20 == len(bibliografisch & taalcodes())
    assert 487 == len(taalcodes() - bibliografisch)


@pytest.mark.unit
def test_every_taalcode_is_known_to_pycountry_but_himachali_and_the_local_range() -> None:
    # "him" (Himachali languages; Western Pahari languages) is a 639-2 collective code
    # that pycountry's 639-5 table lacks; "qaa-qtz" is a range reserved for local use.
    bekend = PYCOUNTRY_639_3 | PYCOUNTRY_639_5 | {b for b, _ in PYCOUNTRY_B_EN_T}
    assert {"him", "qaa-qtz"} == taalcodes() - bekend


@pytest.mark.unit
def test_the_bibliographic_codes_are_pycountrys_each_with_its_terminology_code() -> None:
    assert 20 == len(PYCOUNTRY_B_EN_T)
    assert ("dut", "nld") in PYCOUNTRY_B_EN_T
    assert set() == {code for paar in PYCOUNTRY_B_EN_T for code in paar} - taalcodes()


@pytest.mark.unit
def test_no_bibliographic_code_is_also_a_639_3_code() -> None:
    # Which is why a B code in taalcodes() can be told from a T code at all.
    assert set() == {b for b, _ in PYCOUNTRY_B_EN_T} & PYCOUNTRY_639_3


@pytest.mark.unit
def test_every_639_1_language_has_a_taalcode_but_serbo_croatian() -> None:
    # ISO 639-2 has no code for Serbo-Croatian (639-1 "sh"); 639-3 gives it "hbs".
    met_639_1 = {taal.alpha_3 for taal in pycountry.languages if hasattr(taal, "alpha_2")}
    assert {"hbs"} == met_639_1 - taalcodes()


@pytest.mark.unit
def test_the_special_codes_of_pycountry_are_taalcodes() -> None:
    speciaal = {taal.alpha_3 for taal in pycountry.languages if taal.type == "S"}
    assert {"mis", "mul", "und", "zxx"} == speciaal
    assert speciaal <= taalcodes()


@pytest.mark.unit
def test_the_taalcodes_outside_639_3_are_collective_codes_of_639_5() -> None:
    buiten_639_3 = taalcodes() - PYCOUNTRY_639_3 - {b for b, _ in PYCOUNTRY_B_EN_T}
    assert 67 == len(buiten_639_3)
    assert {"him", "qaa-qtz"} == buiten_639_3 - PYCOUNTRY_639_5


@pytest.mark.unit
def test_the_taalcodes_are_lower_case_three_letters_but_the_local_range() -> None:
    assert {"qaa-qtz"} == {code for code in taalcodes() if not re.fullmatch(r"[a-z]{3}", code)}


# --- BRP Tabel 34 ----------------------------------------------------------------


@pytest.mark.unit
def test_tabel_34_has_the_398_rows_its_readme_promises_with_unique_4_digit_codes() -> None:
    codes = [rij["code"] for rij in rijen_van_tabel_34()]
    assert 398 == len(codes)
    assert len(codes) == len(set(codes))
    assert sorted(codes) == codes
    assert [] == [code for code in codes if not re.fullmatch(r"[0-9]{4}", code)]
    assert codes == list(brp_landen())


@pytest.mark.unit
def test_each_brp_land_is_keyed_by_its_own_code() -> None:
    assert [] == [(sleutel, land) for sleutel, land in brp_landen().items() if sleutel != land.code]


@pytest.mark.unit
def test_every_iso_code_in_tabel_34_is_a_pycountry_alpha_2_code() -> None:
    iso = {land.iso_alpha2 for land in brp_landen().values() if land.iso_alpha2 is not None}
    assert 249 - 3 == len(iso)
    assert set() == iso - PYCOUNTRY_LANDCODES


@pytest.mark.unit
def test_only_bv_hm_and_tf_have_no_land_in_tabel_34() -> None:
    iso = {land.iso_alpha2 for land in brp_landen().values()}
    assert {"BV", "HM", "TF"} == landcodes() - iso


@pytest.mark.unit
def test_tabel_34_counts_agree_with_its_readme() -> None:
    landen = brp_landen().values()
    assert 92 == sum(land.datum_ingang is not None for land in landen)
    assert 137 == sum(land.datum_einde is not None for land in landen)
    assert 262 == sum(land.iso_alpha2 is not None for land in landen)
    in_werking = [land for land in landen if land.datum_einde is None]
    assert 261 == len(in_werking)
    assert 256 == sum(land.iso_alpha2 is not None for land in in_werking)


@pytest.mark.unit
def test_empty_cells_become_none() -> None:
    assert BrpLand("0000", "Onbekend", None, None, None) == brp_landen()["0000"]


@pytest.mark.unit
def test_dates_are_read_as_dates() -> None:
    verwacht = BrpLand(
        code="5113",
        omschrijving="Republiek Noord-Macedonië",
        datum_ingang=datetime.date(2019, 2, 12),
        datum_einde=None,
        iso_alpha2="MK",
    )
    assert verwacht == brp_landen()["5113"]


@pytest.mark.unit
def test_duitsland_is_9089_bondsrepubliek_duitsland() -> None:
    verwacht = BrpLand(
        code="9089",
        omschrijving="Bondsrepubliek Duitsland",
        datum_ingang=datetime.date(1949, 8, 1),
        datum_einde=None,
        iso_alpha2="DE",
    )
    assert verwacht == brp_land_voor_iso("DE")


@pytest.mark.unit
def test_the_old_duitsland_6029_has_ended_and_has_no_iso_code() -> None:
    verwacht = BrpLand("6029", "Duitsland", None, datetime.date(1991, 6, 1), None)
    assert verwacht == brp_landen()["6029"]


@pytest.mark.unit
def test_an_ended_land_is_not_the_land_for_its_iso_code() -> None:
    assert "MK" == brp_landen()["5100"].iso_alpha2
    assert "5113" == getattr(brp_land_voor_iso("MK"), "code", None)
    assert "9038" == getattr(brp_land_voor_iso("SZ"), "code", None)
    assert "7053" == getattr(brp_land_voor_iso("WS"), "code", None)
    assert "9095" == getattr(brp_land_voor_iso("SJ"), "code", None)


@pytest.mark.unit
@pytest.mark.parametrize("alpha2", ["HK", "MO", "BV", "HM", "TF", "XK", "nl", "", "NLD"])
def test_no_land_in_force_for_ended_missing_or_non_iso_codes(alpha2: str) -> None:
    assert None is brp_land_voor_iso(alpha2)


# Checked by hand against the CSV: the land that is the ISO entity itself; for BQ,
# which has one land per island and none for the whole, the lowest code.
ISO_ENTITEIT = {
    "BQ": ("5106", "Bonaire"),
    "ES": ("6037", "Spanje"),
    "PA": ("7037", "Panama"),
    "PT": ("7050", "Portugal"),
    "SH": ("8046", "Sint-Helena, Ascension en Tristan da Cunha"),
    "UM": ("8047", "Amerikaanse Kleinere Afgelegen Eilanden"),
}


@pytest.mark.unit
def test_exactly_six_iso_codes_have_more_than_one_land_in_force() -> None:
    per_iso: dict[str, int] = {}
    for land in brp_landen().values():
        if land.iso_alpha2 is not None and land.datum_einde is None:
            per_iso[land.iso_alpha2] = per_iso.get(land.iso_alpha2, 0) + 1
    assert set(ISO_ENTITEIT) == {iso for iso, aantal in per_iso.items() if aantal > 1}


@pytest.mark.unit
@pytest.mark.parametrize(("alpha2", "verwacht"), sorted(ISO_ENTITEIT.items()))
def test_of_several_lands_in_force_the_iso_entity_itself_wins(
    alpha2: str, verwacht: tuple[str, str]
) -> None:
    land = brp_land_voor_iso(alpha2)
    assert verwacht == (getattr(land, "code", None), getattr(land, "omschrijving", None))


@pytest.mark.unit
def test_every_land_in_force_with_an_iso_code_is_found_or_loses_to_the_iso_entity() -> None:
    verloren = {
        land.code
        for land in brp_landen().values()
        if land.iso_alpha2 is not None
        and land.datum_einde is None
        and brp_land_voor_iso(land.iso_alpha2) != land
    }
    verwacht = {"5108", "5109", "6053", "8041", "5056", "7087", "5055", "6060", "6061"}
    assert verwacht | {"5080", "8003", "8005"} == verloren


@pytest.mark.unit
def test_the_results_are_read_only() -> None:
    with pytest.raises(TypeError):
        brp_landen()["0000"] = brp_landen()["6030"]  # type: ignore[index]
    assert isinstance(landcodes(), frozenset)
    assert isinstance(taalcodes(), frozenset)


# --- reading on first use, once --------------------------------------------------

# Run in a fresh interpreter, so that nothing this test session did has read a file
# yet. It spies on importlib.resources.files, imports the module, then calls every
# function twice, and prints what it saw.
SPION = """
import importlib.resources
import json

echt = importlib.resources.files
gelezen = []


class Spion:
    def __init__(self, pad, delen):
        self._pad = pad
        self._delen = delen

    def __truediv__(self, deel):
        return Spion(self._pad / deel, [*self._delen, deel])

    def joinpath(self, *delen):
        spion = self
        for deel in delen:
            spion = spion / deel
        return spion

    def __getattr__(self, naam):
        if naam in {"open", "read_bytes", "read_text"}:
            gelezen.append("/".join(self._delen))
        return getattr(self._pad, naam)


def files(anker=None):
    pad = echt(anker)
    return Spion(pad, []) if anker == "klantregister.domain" else pad


importlib.resources.files = files

from klantregister.domain import codelijsten

uit = {"bestand": codelijsten.__file__, "na_import": list(gelezen)}
uit["caches_na_import"] = [
    codelijsten.landcodes.cache_info().currsize,
    codelijsten.taalcodes.cache_info().currsize,
    codelijsten.brp_landen.cache_info().currsize,
]
for _ in range(2):
    codelijsten.landcodes()
    codelijsten.taalcodes()
    codelijsten.brp_landen()
    codelijsten.brp_land_voor_iso("DE")
    codelijsten.brp_land_voor_iso("NL")
uit["na_gebruik"] = sorted(gelezen)
print(json.dumps(uit))
"""


def spion_in_een_vers_proces() -> dict[str, object]:
    wortel = str(Path(codelijsten.__file__).parents[2])
    pad = os.pathsep.join(filter(None, [wortel, os.environ.get("PYTHONPATH")]))
    uit = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SPION],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": pad},
    )
    assert (0, "") == (uit.returncode, uit.stderr)
    resultaat: dict[str, object] = json.loads(uit.stdout)
    return resultaat


@pytest.mark.process
def test_importing_the_module_reads_no_file() -> None:
    uit = spion_in_een_vers_proces()
    assert codelijsten.__file__ == uit["bestand"]
    assert [] == uit["na_import"]
    assert [0, 0, 0] == uit["caches_na_import"]


@pytest.mark.process
def test_each_file_is_read_once_however_often_it_is_used() -> None:
    uit = spion_in_een_vers_proces()
    verwacht = ["data/brp-tabel34-landen.csv", "data/iso-3166-1.csv", "data/iso-639-2.csv"]
    assert verwacht == uit["na_gebruik"]


@pytest.mark.unit
def test_a_second_call_is_answered_from_the_cache() -> None:
    landcodes()
    voor = landcodes.cache_info()
    assert landcodes() is landcodes()
    na = landcodes.cache_info()
    assert (voor.hits + 2, voor.misses, 1) == (na.hits, na.misses, na.currsize)
