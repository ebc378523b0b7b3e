"""``klantregister import`` is idempotent and resumable: run again on the same file, or after
a SIGKILL at any moment, the register holds each of the file's klanten exactly once, records
without an id of their own included (their content gives one)."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given

from klantregister import Klant, KlantRegister, OpslagError, Registratie
from klantregister.cli.importeren import inhoudssleutel
from klantregister.testing import klanten

AMSTERDAM = "0363"


def _bsn(n: int) -> str | None:
    eerste = f"{n:08d}"
    controle = sum(g * int(c) for g, c in zip(range(9, 1, -1), eerste, strict=True)) % 11
    return None if controle == 10 else eerste + str(controle)


def _partijen(aantal: int) -> list[dict[str, object]]:
    """Partijen without a uuid or a nummer: half hooked to a person by a BSN, half
    zelfstandig, known only by their names, which their content key must tell apart."""
    partijen: list[dict[str, object]] = []
    n = 0
    while len(partijen) < aantal:
        n += 1
        naam = {"voornaam": f"Voornaam{n}", "achternaam": f"Achternaam{n}"}
        partij: dict[str, object] = {
            "soortPartij": "persoon",
            "indicatieActief": True,
            "partijIdentificatie": {"contactnaam": naam},
        }
        if n % 2 and (bsn := _bsn(n)) is not None:
            partij["partijIdentificatoren"] = [
                {
                    "partijIdentificator": {
                        "codeRegister": "brp",
                        "codeObjecttype": "natuurlijk_persoon",
                        "codeSoortObjectId": "bsn",
                        "objectId": bsn,
                    }
                }
            ]
        partijen.append(partij)
    return partijen


def _import(bestand: Path, url: str) -> subprocess.Popen[str]:
    commando = shutil.which("klantregister")
    basis = [commando] if commando else [sys.executable, "-m", "klantregister"]
    return subprocess.Popen(  # noqa: S603 - our own command, arguments from the test
        [
            *basis,
            *("import", str(bestand), "--into", url, "--invoer", "klantinteracties"),
            *("--gemeente", AMSTERDAM, "--format", "json"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _namen(url: str) -> Counter[str]:
    with KlantRegister.open(url) as register:
        return Counter(f"{k.klantgegevens.voornaam} {k.klantgegevens.achternaam}" for k in register)


def _wacht_op_klanten(url: str, proces: subprocess.Popen[str]) -> None:
    """Return once the import has stored klanten (while it is still running)."""
    while proces.poll() is None:
        try:
            with KlantRegister.open(url, aanmaken=False) as register:
                if len(register):
                    return
        except OpslagError:
            pass  # not created yet
        time.sleep(0.02)
    raise AssertionError("de import was klaar voordat hij klanten had opgeslagen")


def _opnieuw_na_sigkill(tmp_path: Path, url: str, seed: int) -> None:
    partijen = _partijen(60_000)
    bestand = tmp_path / "partijen.jsonl"
    bestand.write_text("".join(json.dumps(p) + "\n" for p in partijen), encoding="utf-8")
    verwacht = Counter(
        f"{p['partijIdentificatie']['contactnaam']['voornaam']} "  # type: ignore[index]
        f"{p['partijIdentificatie']['contactnaam']['achternaam']}"  # type: ignore[index]
        for p in partijen
    )

    proces = _import(bestand, url)
    # Killed a random moment after its first batch is stored, so that it is killed while
    # it stores (a fixed delay lets a fast machine finish first).
    _wacht_op_klanten(url, proces)
    time.sleep(random.Random(seed).uniform(0.0, 0.4))
    os.kill(proces.pid, signal.SIGKILL)
    proces.communicate(timeout=60)
    na_kill = sum(_namen(url).values())

    eerste, tweede = (_import(bestand, url).communicate(timeout=300) for _ in range(2))

    assert (-signal.SIGKILL, verwacht) == (proces.returncode, _namen(url)), (na_kill, eerste)
    resultaat = json.loads(tweede[0])["import"]
    assert (0, len(partijen), 0) == (
        resultaat["opgeslagen"],
        resultaat["al_aanwezig"],
        len(resultaat["geweigerd"]),
    )


@pytest.mark.process
@pytest.mark.parametrize("seed", [1, 2])
def test_import_after_a_sigkill_into_sqlite_holds_each_klant_once(
    tmp_path: Path, seed: int
) -> None:
    _opnieuw_na_sigkill(tmp_path, f"sqlite:///{tmp_path / 'klanten.db'}", seed)


@pytest.mark.process
def test_import_after_a_sigkill_into_postgresql_holds_each_klant_once(
    tmp_path: Path, postgres_schema_url: str
) -> None:
    KlantRegister.open(postgres_schema_url).close()
    _opnieuw_na_sigkill(tmp_path, postgres_schema_url, 3)


@pytest.mark.unit
@given(klanten(), klanten())
def test_a_content_key_is_the_same_for_the_same_content_and_differs_otherwise(
    een: Klant, ander: Klant
) -> None:
    def registratie(klant: Klant) -> Registratie:
        return Registratie(
            klant.gemeente,
            klant.klantgegevens,
            klant.identificatie,
            klantnummer=klant.klantnummer,
            kenmerken=klant.kenmerken,
        )

    zelfde = (registratie(een), attrs.evolve(registratie(een), id=None, bron="https://x.nl/1"))
    inhoud = [
        (k.gemeente, k.klantnummer, k.klantgegevens, k.identificatie, k.kenmerken)
        for k in (een, ander)
    ]
    assert inhoudssleutel(zelfde[0]) == inhoudssleutel(zelfde[1])
    assert (inhoud[0] == inhoud[1]) == (
        inhoudssleutel(registratie(een)) == inhoudssleutel(registratie(ander))
    )
