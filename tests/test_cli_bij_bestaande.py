"""``klantregister import --bij-bestaande``: a second record of a person who already has a
klant (KLOK01 rule 1) is refused (the default), skipped, or fills that klant's empty fields,
with a report of the fields that differ. Run as users run it: the installed command, in a
subprocess, on SQLite and on a PostgreSQL server.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from klantregister import Authenticatie, Klant, KlantRegister

pytestmark = pytest.mark.e2e

AMSTERDAM = "0363"
BIJ_INGELEZEN = ("overslaan", "bijwerken")


def _bsn(n: int) -> str:
    """The ``n``-th valid BSN from 100000000 up (the elfproef, written out here)."""
    kandidaat = 100_000_000
    gevonden = -1
    while True:
        cijfers = f"{kandidaat:09d}"
        som = sum(g * int(c) for g, c in zip(range(9, 1, -1), cijfers[:8], strict=True))
        if (som - int(cijfers[8])) % 11 == 0:
            gevonden += 1
            if gevonden == n:
                return cijfers
        kandidaat += 1


BSN_ANNA, BSN_PIET = _bsn(0), _bsn(1)

#: The klant the register holds: no e-mail address, no telephone number.
ANNA = {
    "klantnummer": "K1",
    "voornaam": "Anna",
    "achternaam": "Jansen",
    "subjectType": "natuurlijk_persoon",
    "subjectIdentificatie": {"inpBsn": BSN_ANNA},
}
#: A second record of Anna (another klantnummer, no id of its own): another first name,
#: and an e-mail address and a telephone number the klant lacks.
ANNA_OPNIEUW = {
    "klantnummer": "K2",
    "voornaam": "Anne",
    "achternaam": "Jansen",
    "emailadres": "anne@example.nl",
    "telefoonnummer": "0612345678",
    "subjectType": "natuurlijk_persoon",
    "subjectIdentificatie": {"inpBsn": BSN_ANNA},
}
#: A person the register does not hold yet.
PIET = {
    "klantnummer": "K3",
    "voornaam": "Piet",
    "achternaam": "de Vries",
    "subjectType": "natuurlijk_persoon",
    "subjectIdentificatie": {"inpBsn": BSN_PIET},
}


def klantregister(*args: str) -> subprocess.CompletedProcess[str]:
    commando = shutil.which("klantregister")
    basis = [commando] if commando else [sys.executable, "-m", "klantregister"]
    return subprocess.run(  # noqa: S603 - our own command, arguments from the test
        [*basis, *args], capture_output=True, text=True, timeout=120, check=False
    )


def bestand(pad: Path, *records: dict[str, Any]) -> Path:
    pad.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return pad


def importeer(pad: Path, url: str, *args: str) -> tuple[int, dict[str, Any]]:
    uit = klantregister(
        "import", str(pad), "--into", url, "--gemeente", AMSTERDAM, "--format", "json", *args
    )
    assert "" == uit.stderr
    verslag: dict[str, Any] = json.loads(uit.stdout)["import"]
    return uit.returncode, verslag


def klanten(url: str) -> dict[str, Klant]:
    with KlantRegister.open(url) as register:
        return {k.klantnummer: k for k in register}


def telling(verslag: dict[str, Any]) -> dict[str, int]:
    namen = ("opgeslagen", "al_aanwezig", "bijgewerkt", "overgeslagen", "aangevuld")
    return {naam: verslag[naam] for naam in namen} | {"geweigerd": len(verslag["geweigerd"])}


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite register holding Anna, as an earlier import left it."""
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    status, verslag = importeer(bestand(tmp_path / "eerst.jsonl", ANNA), url)
    assert (0, 1) == (status, verslag["opgeslagen"])
    return url


def _tellingen(**aantallen: int) -> dict[str, int]:
    leeg = dict.fromkeys(
        ("opgeslagen", "al_aanwezig", "bijgewerkt", "overgeslagen", "aangevuld", "geweigerd"), 0
    )
    return leeg | aantallen


def test_by_default_a_second_record_of_a_person_is_refused_and_the_klant_kept(
    sqlite_url: str, tmp_path: Path
) -> None:
    voor = klanten(sqlite_url)
    status, verslag = importeer(bestand(tmp_path / "b.jsonl", ANNA_OPNIEUW, PIET), sqlite_url)

    na = klanten(sqlite_url)
    assert (1, _tellingen(opgeslagen=1, geweigerd=1)) == (status, telling(verslag))
    assert "regel 1" in verslag["geweigerd"][0]["melding"]
    assert (voor["K1"], {"K1", "K3"}) == (na["K1"], set(na))


def test_overslaan_skips_the_second_record_and_counts_it(sqlite_url: str, tmp_path: Path) -> None:
    voor = klanten(sqlite_url)
    status, verslag = importeer(
        bestand(tmp_path / "b.jsonl", ANNA_OPNIEUW, PIET),
        sqlite_url,
        "--bij-bestaande",
        "overslaan",
    )

    na = klanten(sqlite_url)
    assert (0, _tellingen(opgeslagen=1, overgeslagen=1)) == (status, telling(verslag))
    assert ([], voor["K1"], {"K1", "K3"}) == (verslag["aanvullingen"], na["K1"], set(na))


def test_aanvullen_fills_the_empty_fields_and_reports_the_ones_that_differ(
    sqlite_url: str, tmp_path: Path
) -> None:
    voor = klanten(sqlite_url)["K1"]
    pad = bestand(tmp_path / "b.jsonl", ANNA_OPNIEUW, PIET)

    status, verslag = importeer(pad, sqlite_url, "--bij-bestaande", "aanvullen")
    na = klanten(sqlite_url)
    opnieuw_status, opnieuw = importeer(pad, sqlite_url, "--bij-bestaande", "aanvullen")

    anna = na["K1"]
    assert (0, _tellingen(opgeslagen=1, aangevuld=1)) == (status, telling(verslag))
    assert [
        {
            "bron": str(pad),
            "positie": 1,
            "id": None,
            "klant": str(voor.id),
            "aangevuld": ["emailadres", "telefoonnummer"],
            "verschillend": ["voornaam"],
        }
    ] == verslag["aanvullingen"]
    # The klant's own data stay; only what it left empty is filled, in one change.
    assert ("Anna", "anne@example.nl", "0612345678", voor.versie + 1) == (
        anna.klantgegevens.voornaam,
        anna.klantgegevens.emailadres,
        anna.klantgegevens.telefoonnummer,
        anna.versie,
    )
    assert (voor.id, voor.identificatie, {"K1", "K3"}) == (anna.id, anna.identificatie, set(na))
    # Again: nothing left to fill (skipped), Piet already present, the difference still shown.
    assert (0, _tellingen(al_aanwezig=1, overgeslagen=1)) == (opnieuw_status, telling(opnieuw))
    assert [["voornaam"]] == [a["verschillend"] for a in opnieuw["aanvullingen"]]
    assert anna == klanten(sqlite_url)["K1"]


def test_aanvullen_in_text_names_the_klant_and_fields_and_never_the_bsn(
    sqlite_url: str, tmp_path: Path
) -> None:
    klant = klanten(sqlite_url)["K1"]
    pad = bestand(tmp_path / "b.jsonl", ANNA_OPNIEUW)

    uit = klantregister(
        "import",
        str(pad),
        "--into",
        sqlite_url,
        "--gemeente",
        AMSTERDAM,
        "--bij-bestaande",
        "aanvullen",
    )

    regels = uit.stdout.splitlines()
    assert (0, "") == (uit.returncode, uit.stderr)
    assert (
        f"{pad}:1 [None] persoon is al klant {klant.id}; aangevuld: emailadres, telefoonnummer; "
        "verschillend: voornaam"
    ) in regels
    assert regels[-1] == (
        "opgeslagen: 0, al aanwezig: 0, bijgewerkt: 0, overgeslagen: 0, aangevuld: 1, geweigerd: 0"
    )
    assert BSN_ANNA not in uit.stdout


def test_aanvullen_within_one_file_fills_the_klant_its_first_record_stored(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'leeg.db'}"
    status, verslag = importeer(
        bestand(tmp_path / "b.jsonl", ANNA, ANNA_OPNIEUW), url, "--bij-bestaande", "aanvullen"
    )

    (anna,) = klanten(url).values()
    assert (0, _tellingen(opgeslagen=1, aangevuld=1)) == (status, telling(verslag))
    assert ("K1", "Anna", "anne@example.nl") == (
        anna.klantnummer,
        anna.klantgegevens.voornaam,
        anna.klantgegevens.emailadres,
    )


def test_aanvullen_reports_an_identifier_the_klant_lacks_and_does_not_take_it(
    sqlite_url: str, tmp_path: Path
) -> None:
    voor = klanten(sqlite_url)["K1"]
    met_url = {
        **ANNA,
        "klantnummer": "K4",
        "subject": f"https://brp.example.nl/personen/{BSN_ANNA}",
    }

    status, verslag = importeer(
        bestand(tmp_path / "b.jsonl", met_url), sqlite_url, "--bij-bestaande", "aanvullen"
    )

    assert (0, _tellingen(overgeslagen=1)) == (status, telling(verslag))
    assert [([], ["identificatie"])] == [
        (a["aangevuld"], a["verschillend"]) for a in verslag["aanvullingen"]
    ]
    assert voor == klanten(sqlite_url)["K1"]


def test_aanvullen_on_postgresql(postgres_schema_url: str, tmp_path: Path) -> None:
    eerst = importeer(bestand(tmp_path / "a.jsonl", ANNA), postgres_schema_url)
    status, verslag = importeer(
        bestand(tmp_path / "b.jsonl", ANNA_OPNIEUW, PIET),
        postgres_schema_url,
        "--bij-bestaande",
        "aanvullen",
    )

    anna = klanten(postgres_schema_url)["K1"]
    assert (0, 1) == (eerst[0], eerst[1]["opgeslagen"])
    assert (0, _tellingen(opgeslagen=1, aangevuld=1)) == (status, telling(verslag))
    assert ("Anna", "anne@example.nl", 2) == (
        anna.klantgegevens.voornaam,
        anna.klantgegevens.emailadres,
        anna.versie,
    )


def test_the_old_name_of_bij_ingelezen_still_works_and_says_its_new_name(
    sqlite_url: str, tmp_path: Path
) -> None:
    pad = tmp_path / "b.jsonl"
    klant = klanten(sqlite_url)["K1"]
    # The record names the klant by the id the first import gave it (its content's).
    kanoniek = klantregister("export", "--from", sqlite_url, "--format", "jsonl")
    record = json.loads(kanoniek.stdout)
    record["klantgegevens"]["voornaam"] = "Annie"
    pad.write_text(json.dumps(record) + "\n", encoding="utf-8")

    uit = klantregister(
        "import", str(pad), "--into", sqlite_url, "--invoer", "kanoniek",
        "--bij-bestaand", "bijwerken",
    )  # fmt: skip

    assert 0 == uit.returncode, uit.stderr
    assert "--bij-bestaand heet nu --bij-ingelezen" in uit.stderr
    assert ("Annie", klant.versie + 1) == (
        klanten(sqlite_url)["K1"].klantgegevens.voornaam,
        klanten(sqlite_url)["K1"].versie,
    )


def test_a_value_bij_bestaande_does_not_take_is_a_usage_error(
    sqlite_url: str, tmp_path: Path
) -> None:
    uit = klantregister(
        "import", str(bestand(tmp_path / "b.jsonl", PIET)), "--into", sqlite_url,
        "--gemeente", AMSTERDAM, "--bij-bestaande", "bijwerken",
    )  # fmt: skip

    assert (2, True) == (uit.returncode, "--bij-bestaande" in uit.stderr)
    assert {"K1"} == set(klanten(sqlite_url))


def test_a_second_record_numbered_alike_by_its_source_is_still_a_second_record(
    sqlite_url: str, tmp_path: Path
) -> None:
    # Two sources that both number from 1: the klantnummer is taken too, by the same klant.
    zelfde_nummer = {**ANNA_OPNIEUW, "klantnummer": ANNA["klantnummer"]}
    pad = bestand(tmp_path / "b.jsonl", zelfde_nummer)

    geweigerd = importeer(pad, sqlite_url)
    status, verslag = importeer(pad, sqlite_url, "--bij-bestaande", "aanvullen")

    assert (1, 1) == (geweigerd[0], len(geweigerd[1]["geweigerd"]))
    assert (0, _tellingen(aangevuld=1)) == (status, telling(verslag))
    assert "anne@example.nl" == klanten(sqlite_url)["K1"].klantgegevens.emailadres


def test_importing_again_after_a_merge_finds_the_merged_record_present(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    zelf = {"klantnummer": "K9", "telefoonnummer": "0201234567"}
    pad = bestand(tmp_path / "a.jsonl", ANNA, zelf)
    importeer(pad, url)
    with KlantRegister.open(url) as register:
        anna, los = sorted(register, key=lambda k: k.klantnummer)
        subject = Authenticatie("substantieel", "DigiD", subject=BSN_ANNA)
        register.voeg_samen(anna.id, los.id, authenticatie=subject)

    uitkomsten = [importeer(pad, url, "--bij-ingelezen", keuze) for keuze in BIJ_INGELEZEN]

    # The merged record is present, as part of Anna; bijwerken gives Anna her record's data
    # (the telephone number the merge brought is not in it).
    assert [(0, _tellingen(al_aanwezig=2)), (0, _tellingen(al_aanwezig=1, bijgewerkt=1))] == [
        (s, telling(v)) for s, v in uitkomsten
    ]
    assert ["K1"] == list(klanten(url))
