"""End to end, as users run it: export, import again, and nothing lost, doubled or guessed.

Each test runs the installed ``klantregister`` command in a subprocess on the
example v1 export (52 records, 45 of them importable, 43 once the second of each
rule-1 pair is refused).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import cast

import pytest

from gemachtigd import vastgelegd
from klantregister import (
    Authenticatie,
    Identificatie,
    Klant,
    Klantgegevens,
    KlantRegister,
    Overname,
    Vertegenwoordiging,
)
from klantregister.formats import kanoniek
from spec import regelfouten, verzoekfouten

pytestmark = pytest.mark.e2e

VOORBEELD = Path(__file__).parent.parent / "examples" / "klanten_v1_export.json"


def klantregister(*args: str) -> subprocess.CompletedProcess[str]:
    commando = shutil.which("klantregister")
    basis = [commando] if commando else [sys.executable, "-m", "klantregister"]
    return subprocess.run(  # noqa: S603 - our own command, arguments from the test
        [*basis, *args], capture_output=True, text=True, timeout=120, check=False
    )


def importeer(bestand: Path, url: str, *args: str) -> dict[str, object]:
    uit = klantregister("import", str(bestand), "--into", url, "--format", "json", *args)
    assert "" == uit.stderr
    resultaat: dict[str, object] = json.loads(uit.stdout)["import"]
    resultaat["exit"] = uit.returncode
    return resultaat


@pytest.fixture
def register(tmp_path: Path) -> str:
    """A SQLite register holding the example's 43 importable klanten."""
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    klantregister("import", str(VOORBEELD), "--gemeente", "0363", "--into", url)
    return url


def export_jsonl(url: str, pad: Path) -> list[dict[str, object]]:
    uit = klantregister("export", "--from", url, "--format", "jsonl")
    assert (0, "") == (uit.returncode, uit.stderr)
    pad.write_text(uit.stdout, encoding="utf-8")
    return [json.loads(regel) for regel in uit.stdout.splitlines()]


def test_importing_the_same_export_again_registers_nothing_twice(
    register: str, tmp_path: Path
) -> None:
    # The v1 records' url ends with their uuid: the klanten keep it as their id.
    tweede = klantregister(
        "import", str(VOORBEELD), "--gemeente", "0363", "--into", register, "--format", "json"
    )
    verslag = json.loads(tweede.stdout)["import"]
    assert (0, 43) == (verslag["opgeslagen"], verslag["al_aanwezig"])
    assert 43 == len(export_jsonl(register, tmp_path / "na.jsonl"))


def test_the_own_format_round_trips_every_klant_exactly(register: str, tmp_path: Path) -> None:
    eerst = export_jsonl(register, tmp_path / "export.jsonl")
    nieuw = f"sqlite:///{tmp_path / 'nieuw.db'}"

    resultaat = importeer(tmp_path / "export.jsonl", nieuw, "--invoer", "kanoniek")

    assert {
        "opgeslagen": 43,
        "al_aanwezig": 0,
        "bijgewerkt": 0,
        "overgeslagen": 0,
        "aangevuld": 0,
        "geweigerd": [],
        "aanvullingen": [],
        "niet_overgenomen": [],
        "niet_overgenomen_per_veld": {},
        "exit": 0,
    } == resultaat
    assert [kanoniek.uit_dict(r) for r in eerst] == [
        kanoniek.uit_dict(r) for r in export_jsonl(nieuw, tmp_path / "terug.jsonl")
    ]
    # Every klant carries the url of its v1 record as its bron, and the uuid in it as its id.
    assert all(str(r["bron"]).endswith(str(r["id"])) for r in eerst)


def test_the_own_format_imported_as_v1_is_refused_naming_it_and_stores_nothing(
    register: str, tmp_path: Path
) -> None:
    # Before: every klant was stored empty and the command exited 0 (issue 9).
    export_jsonl(register, tmp_path / "export.jsonl")
    nieuw = f"sqlite:///{tmp_path / 'nieuw.db'}"

    uit = klantregister(
        "import", str(tmp_path / "export.jsonl"), "--gemeente", "0363", "--into", nieuw
    )

    assert 1 == uit.returncode
    assert 43 == uit.stdout.count(
        "het lijkt op het eigen formaat van klantregister (--invoer kanoniek)"
    )
    assert uit.stdout.strip().endswith("opgeslagen: 0, al aanwezig: 0, bijgewerkt: 0, geweigerd: 0")


def test_bijwerken_gives_a_klant_already_present_the_records_data(
    register: str, tmp_path: Path
) -> None:
    records = export_jsonl(register, tmp_path / "export.jsonl")
    gewijzigd = {**records[0], "klantgegevens": {"voornaam": "Anouk"}}
    bestand = tmp_path / "gewijzigd.jsonl"
    bestand.write_text(json.dumps(gewijzigd) + "\n", encoding="utf-8")

    overgeslagen = importeer(bestand, register, "--invoer", "kanoniek")
    bijgewerkt = importeer(
        bestand, register, "--invoer", "kanoniek", "--bij-ingelezen", "bijwerken"
    )
    opnieuw = importeer(bestand, register, "--invoer", "kanoniek", "--bij-ingelezen", "bijwerken")

    def telling(resultaat: dict[str, object]) -> tuple[object, object, object]:
        return resultaat["opgeslagen"], resultaat["al_aanwezig"], resultaat["bijgewerkt"]

    # Skipped by default; updated once asked to; the second time there is nothing to update.
    assert [(0, 1, 0), (0, 0, 1), (0, 1, 0)] == [
        telling(overgeslagen),
        telling(bijgewerkt),
        telling(opnieuw),
    ]
    (klant,) = [
        r for r in export_jsonl(register, tmp_path / "na.jsonl") if r["id"] == records[0]["id"]
    ]
    assert ({"voornaam": "Anouk"}, 2) == (klant["klantgegevens"], klant["versie"])


def test_bijwerken_refuses_to_move_a_klant_to_another_klantnummer(
    register: str, tmp_path: Path
) -> None:
    records = export_jsonl(register, tmp_path / "export.jsonl")
    bestand = tmp_path / "ander.jsonl"
    bestand.write_text(json.dumps({**records[0], "klantnummer": "ANDER1"}) + "\n", "utf-8")

    resultaat = importeer(bestand, register, "--invoer", "kanoniek", "--bij-ingelezen", "bijwerken")

    geweigerd = cast("list[dict[str, str]]", resultaat["geweigerd"])
    assert (1, 1, True) == (
        resultaat["exit"],
        len(geweigerd),
        geweigerd[0]["melding"].endswith("een import wijzigt die niet"),
    )
    assert records == export_jsonl(register, tmp_path / "na.jsonl")


def test_the_migration_from_a_v1_export_to_open_klant_loses_nothing_without_a_word(
    register: str, tmp_path: Path
) -> None:
    # docs/formats.md, "Migration": check, import, export --format klantinteracties.
    uit = klantregister("export", "--from", register, "--format", "klantinteracties")
    regels = [json.loads(regel) for regel in uit.stdout.splitlines()]
    niet_geschreven = [r for r in uit.stderr.splitlines() if r.startswith("niet geschreven: ")]

    # Every imported klant is written, or named with the reason.
    assert 43 == len(regels) + len(niet_geschreven)
    assert (1 if niet_geschreven else 0) == uit.returncode
    # Each request is what Open Klant's schema and its own validators take on create.
    fouten = [
        fout
        for regel in regels
        for fout in (
            verzoekfouten("klantinteracties", "post", "/partijen", regel["partij"])
            + regelfouten("klantinteracties", regel["partij"])
            + [
                f"{vervolg['pad']}: {fout}"
                for vervolg in regel["daarna"]
                for fout in verzoekfouten(
                    "klantinteracties", "post", vervolg["pad"], vervolg["body"]
                )
            ]
        )
    ]
    assert [] == fouten
    # The same run again writes the same requests: the klanten keep their ids.
    assert (
        uit.stdout
        == klantregister("export", "--from", register, "--format", "klantinteracties").stdout
    )


PARTIJ_UUID = "3f6c2a1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b"
PARTIJ = {
    "uuid": PARTIJ_UUID,
    "url": f"https://openklant.example.nl/klantinteracties/api/v1/partijen/{PARTIJ_UUID}",
    "soortPartij": "persoon",
    "indicatieActief": True,
    "partijIdentificatie": {"contactnaam": {"voornaam": "Anna"}},
}


def test_bijwerken_keeps_the_addresses_of_a_partij_whose_addresses_are_not_in_the_file(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    volledig = {
        **PARTIJ,
        "digitaleAdressen": [{"adres": "anna@example.nl", "soortDigitaalAdres": "email"}],
    }
    verwijzing = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
    alleen_verwijzingen = {
        **PARTIJ,
        "partijIdentificatie": {"contactnaam": {"voornaam": "Anneke"}},
        "digitaleAdressen": [{"uuid": verwijzing}],
    }
    eerst, daarna = tmp_path / "eerst.jsonl", tmp_path / "daarna.jsonl"
    eerst.write_text(json.dumps(volledig) + "\n", encoding="utf-8")
    daarna.write_text(json.dumps(alleen_verwijzingen) + "\n", encoding="utf-8")
    args = ("--invoer", "klantinteracties", "--gemeente", "0363")

    importeer(eerst, url, *args)
    resultaat = importeer(daarna, url, *args, "--bij-ingelezen", "bijwerken")

    (klant,) = export_jsonl(url, tmp_path / "na.jsonl")
    # The addresses are not in the second file: the register keeps its own, and says why;
    # what the file does hold is taken over.
    assert {"voornaam": "Anneke", "emailadres": "anna@example.nl"} == klant["klantgegevens"]
    assert (1, 0) == (resultaat["bijgewerkt"], resultaat["al_aanwezig"])
    assert ["digitaleAdressen"] == [
        regel["veld"] for regel in cast("list[dict[str, str]]", resultaat["niet_overgenomen"])
    ]


def test_import_lists_what_it_does_not_take_over_by_record_and_field(tmp_path: Path) -> None:
    bestand = tmp_path / "v1.jsonl"
    record = {
        "url": f"https://klanten.example.nl/api/v1/klanten/{PARTIJ_UUID}",
        "klantnummer": "K1",
        "subject": f"https://brp.example.nl/ingeschrevenpersonen/{PARTIJ_UUID}",
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": "111222333"},
        "aanmaakkanaal": "balie",
    }
    bestand.write_text(json.dumps(record) + "\n", encoding="utf-8")
    uit = klantregister(
        "import", str(bestand), "--gemeente", "0363", "--into", f"sqlite:///{tmp_path / 'k.db'}"
    )
    regels = [r for r in uit.stdout.splitlines() if "niet overgenomen" in r]
    assert 1 == len(regels)
    assert regels[0].startswith(f"{bestand}:1 [{record['url']}] niet overgenomen: aanmaakkanaal: ")
    assert 0 == uit.returncode


def test_bijwerken_takes_the_addresses_the_file_does_hold(tmp_path: Path) -> None:
    # One of two addresses is in the file (in _expand), the other only a reference: the one
    # in the file is taken over, the other kept as the register has it.
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    args = ("--invoer", "klantinteracties", "--gemeente", "0363")
    eerst, daarna = tmp_path / "eerst.jsonl", tmp_path / "daarna.jsonl"
    eerst.write_text(
        json.dumps(
            {
                **PARTIJ,
                "digitaleAdressen": [
                    {"adres": "oud@example.nl", "soortDigitaalAdres": "email"},
                    {"adres": "0201234567", "soortDigitaalAdres": "telefoonnummer"},
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    email, telefoon = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "8b7c6d5e-4f3a-4b2c-9d1e-0f9a8b7c6d5e"
    daarna.write_text(
        json.dumps(
            {
                **PARTIJ,
                "digitaleAdressen": [{"uuid": email}, {"uuid": telefoon}],
                "_expand": {
                    "digitaleAdressen": [
                        {
                            "uuid": email,
                            "adres": "nieuw@example.nl",
                            "soortDigitaalAdres": "email",
                            "verstrektDoorPartij": {"uuid": PARTIJ_UUID},
                        }
                    ]
                },
            }
        )
        + "\n",
        encoding="utf-8",
    )

    importeer(eerst, url, *args)
    resultaat = importeer(daarna, url, *args, "--bij-ingelezen", "bijwerken")

    (klant,) = export_jsonl(url, tmp_path / "na.jsonl")
    assert 1 == resultaat["bijgewerkt"]
    assert {
        "voornaam": "Anna",
        "emailadres": "nieuw@example.nl",
        "telefoonnummer": "0201234567",
    } == klant["klantgegevens"]


def test_export_as_partij_names_each_klantnummer_open_klant_cannot_take(register: str) -> None:
    uit = klantregister("export", "--from", register, "--format", "klantinteracties")
    regels = [json.loads(regel) for regel in uit.stdout.splitlines()]
    zonder_nummer = [r for r in regels if "nummer" not in r["partij"]]
    notities = [r for r in uit.stderr.splitlines() if r.startswith("niet overgenomen: ")]
    # The example's klantnummers are K00001...: no integers, so none is carried over, and
    # each is named.
    assert (len(regels), len(regels)) == (len(zonder_nummer), len(notities))
    assert all("is geen geheel getal" in notitie for notitie in notities)


def test_export_as_partij_names_a_subject_url_it_does_not_carry_masked(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    brp = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/111222333"
    hr = "https://hr.example.nl/api/maatschappelijkeactiviteiten/69046938"
    met_url, heel, alleen_url = (uuid.UUID(int=n) for n in (1, 2, 3))
    with KlantRegister.open(url) as opslag:
        for klant_id, klantnummer, gegevens, identificatie in [
            (
                met_url,
                "K00001",
                Klantgegevens(voornaam="Anna"),
                Identificatie.natuurlijk_persoon(bsn="111222333", subject_url=brp),
            ),
            (
                heel,
                "2",
                Klantgegevens(voornaam="Bram"),
                Identificatie.natuurlijk_persoon(bsn="123456782"),
            ),
            (
                alleen_url,
                "3",
                Klantgegevens(bedrijfsnaam="Jansen Bouw B.V."),
                Identificatie.niet_natuurlijk_persoon(subject_url=hr),
            ),
        ]:
            opslag.registreer(
                "0363",
                gegevens,
                identificatie,
                klantnummer=klantnummer,
                id=klant_id,
                **vastgelegd(identificatie),
            )

    uit = klantregister("export", "--from", url, "--format", "klantinteracties")

    regels = [json.loads(regel) for regel in uit.stdout.splitlines()]
    notities = sorted(r for r in uit.stderr.splitlines() if r.startswith("niet overgenomen: "))
    # The klant with the URL beside its BSN is written with the BSN, and both what its Partij
    # lacks are named; the one whose only hook is a URL is refused, by name.
    assert (1, 2, 2) == (uit.returncode, len(regels), len(notities))
    assert notities[0].startswith(
        f"niet overgenomen: klant {met_url}: klantnummer 'K00001' is geen geheel getal"
    )
    assert notities[1].startswith(
        f"niet overgenomen: klant {met_url}: subject-URL 'https://brp.example.nl/"
    )
    assert f"niet geschreven: klant {alleen_url} past niet in dit formaat: subject_url: " in (
        uit.stderr
    )
    # Never a full number, nor a full subject URL.
    geheim = [brp, hr, "111222", "69046", "123456"]
    assert [] == [tekst for tekst in geheim if tekst in uit.stderr]


@pytest.mark.parametrize("optie", [("--basis-url", "openklant/api"), ("--website-url", "geen url")])
def test_export_refuses_a_malformed_url_option_before_writing_anything(
    register: str, optie: tuple[str, str]
) -> None:
    formaat = "klantinteracties" if optie[0] == "--basis-url" else "klanten_v1"
    uit = klantregister(
        "export",
        *("--from", register, "--format", formaat, "--vorm", "antwoord"),
        *("--bronorganisatie", "002564440", *optie),
    )
    assert (2, "") == (uit.returncode, uit.stdout)
    assert uit.stderr.startswith("klantregister: ")


def test_import_takes_identifying_data_over_naming_the_file_they_came_from(register: str) -> None:
    with KlantRegister.open(register) as opgeslagen:
        herkomsten = {
            (klant.aangehaakt, klant.herkomst if klant.aangehaakt else None) for klant in opgeslagen
        }
    # Every aangehaakte klant was taken over from the file, none authenticated here.
    assert {
        (True, Overname(str(VOORBEELD), toelichting="klantregister import")),
        (False, None),
    } == herkomsten


def test_a_kanoniek_record_authenticated_elsewhere_is_taken_over_at_the_level_it_reached(
    tmp_path: Path,
) -> None:
    klant = Klant(
        uuid.UUID(int=5),
        "0363",
        "K5",
        identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
        herkomst=Authenticatie("hoog", "DigiD", subject="111222333"),
    )
    overgenomen = Overname("https://klanten.example.nl/api/v1", oorspronkelijk_niveau="laag")
    ander = Klant(
        uuid.UUID(int=6),
        "0363",
        "K6",
        identificatie=Identificatie.natuurlijk_persoon(bsn="123456782"),
        herkomst=overgenomen,
    )
    bestand = tmp_path / "export.jsonl"
    bestand.write_text(
        "".join(json.dumps(kanoniek.naar_dict(k)) + "\n" for k in (klant, ander)),
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'nieuw.db'}"

    assert 2 == importeer(bestand, url, "--invoer", "kanoniek")["opgeslagen"]

    with KlantRegister.open(url) as opgeslagen:
        assert [
            Overname("klantregister/klant", oorspronkelijk_niveau="hoog", toelichting="DigiD"),
            overgenomen,
        ] == [opgeslagen.get(k.id).herkomst for k in (klant, ander)]


def test_export_as_partij_says_a_representation_is_not_written(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    with KlantRegister.open(url) as opslag:
        kind = opslag.registreer(
            "0363",
            identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
            authenticatie=Authenticatie(
                "hoog",
                "DigiD Machtigen",
                subject="123456782",
                namens=Vertegenwoordiging("111222333", "ouderlijk_gezag"),
            ),
        )

    uit = klantregister("export", "--from", url, "--format", "klantinteracties")

    notities = [
        r for r in uit.stderr.splitlines() if r.startswith(f"niet overgenomen: klant {kind.id}")
    ]
    assert 0 == uit.returncode
    assert any("herkomst.namens: de vertegenwoordiging" in n for n in notities), uit.stderr
    assert "111222333" not in uit.stderr
    assert "123456782" not in uit.stderr


def test_export_writes_each_representation_to_its_own_file_as_open_klant_takes_it(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    ouder_bsn, kind_bsn = "123456782", "111222333"
    with KlantRegister.open(url) as opslag:
        ouder = opslag.registreer(
            "0363",
            Klantgegevens(voornaam="Ouder"),
            Identificatie.natuurlijk_persoon(bsn=ouder_bsn),
            authenticatie=Authenticatie("hoog", "DigiD", subject=ouder_bsn),
        )
        kind = opslag.registreer(
            "0363",
            Klantgegevens(voornaam="Kind"),
            Identificatie.natuurlijk_persoon(bsn=kind_bsn),
            authenticatie=Authenticatie(
                "hoog",
                "DigiD Machtigen",
                subject=ouder_bsn,
                namens=Vertegenwoordiging(kind_bsn, "ouderlijk_gezag"),
            ),
        )
        # Registered namens someone who holds no klant here: left out, and said.
        wees = opslag.registreer(
            "0363",
            identificatie=Identificatie.natuurlijk_persoon(bsn="010000008"),
            authenticatie=Authenticatie(
                "hoog",
                subject="999999990",
                namens=Vertegenwoordiging("010000008", "curatele"),
            ),
        )
    bestand = tmp_path / "vertegenwoordigingen.jsonl"

    uit = klantregister(
        "export", "--from", url, "--format", "klantinteracties",
        "--vertegenwoordigingen", str(bestand),
    )  # fmt: skip

    (regel,) = [json.loads(r) for r in bestand.read_text(encoding="utf-8").splitlines()]
    assert {
        "vertegenwoordigendePartij": {"uuid": str(ouder.id)},
        "vertegenwoordigdePartij": {"uuid": str(kind.id)},
    } == regel
    assert [] == verzoekfouten("klantinteracties", "post", "/vertegenwoordigingen", regel)
    assert 0 == uit.returncode, uit.stderr
    assert any(
        r.startswith(f"niet overgenomen: klant {wees.id}: vertegenwoordiging: ")
        for r in uit.stderr.splitlines()
    ), uit.stderr
    for bsn in (ouder_bsn, kind_bsn, "010000008", "999999990"):
        assert bsn not in uit.stderr


def test_vertegenwoordigingen_belong_to_the_klantinteracties_format(register: str) -> None:
    uit = klantregister(
        "export", "--from", register, "--format", "jsonl", "--vertegenwoordigingen", "x.jsonl"
    )
    assert (2, True) == (uit.returncode, "--format klantinteracties" in uit.stderr)


def test_import_keeps_a_records_registration_date_and_hold(register: str, tmp_path: Path) -> None:
    (record, *_) = export_jsonl(register, tmp_path / "export.jsonl")
    bestand = tmp_path / "bewaard.jsonl"
    bewaard = {**record, "geregistreerd_op": "2019-03-04", "bewaren_tot": "2031-12-31"}
    bestand.write_text(json.dumps(bewaard) + "\n", encoding="utf-8")
    nieuw = f"sqlite:///{tmp_path / 'nieuw.db'}"

    resultaat = importeer(bestand, nieuw, "--invoer", "kanoniek")

    (terug,) = export_jsonl(nieuw, tmp_path / "terug.jsonl")
    assert (1, "2019-03-04", "2031-12-31") == (
        resultaat["opgeslagen"],
        terug["geregistreerd_op"],
        terug["bewaren_tot"],
    )
