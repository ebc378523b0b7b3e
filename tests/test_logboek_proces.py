"""The processing log under a SIGKILL, and ``klantregister logboek``, in processes of their own."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from klantregister import (
    Authenticatie,
    Bsn,
    Handeling,
    Identificatie,
    KlantRegister,
    OpslagError,
    Vertegenwoordiging,
)

AMSTERDAM = "0363"

# Registers klanten one at a time, each with its own authentication, until killed.
_REGISTREREN = textwrap.dedent(
    """
    import sys
    from klantregister import Authenticatie, Identificatie, KlantRegister
    with KlantRegister.open(sys.argv[1]) as register:
        for n in range(1, 10**6):
            acht = f"{n:08d}"
            controle = sum(g * int(c) for g, c in zip(range(9, 1, -1), acht)) % 11
            if controle == 10:
                continue
            bsn = acht + str(controle)
            register.registreer(
                "0363",
                identificatie=Identificatie.natuurlijk_persoon(bsn=bsn),
                authenticatie=Authenticatie("hoog", "DigiD", subject=bsn),
            )
    """
)


def _aantal(url: str) -> int:
    try:
        with KlantRegister.open(url, aanmaken=False) as register:
            return len(register)
    except OpslagError:
        return 0


@pytest.mark.process
@pytest.mark.parametrize("wacht", [0.0, 0.013, 0.29])
def test_after_a_sigkill_every_stored_identificatie_has_exactly_its_one_entry(
    tmp_path: Path, wacht: float
) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    proces = subprocess.Popen([sys.executable, "-c", _REGISTREREN, url])  # noqa: S603
    while _aantal(url) < 50:
        assert proces.poll() is None
        time.sleep(0.01)
    time.sleep(wacht)
    os.kill(proces.pid, signal.SIGKILL)
    proces.wait(timeout=60)

    with KlantRegister.open(url) as register:
        klanten = sorted(str(k.id) for k in register)
        verwerkingen = list(register.verwerkingen())
    assert (-signal.SIGKILL, True) == (proces.returncode, len(klanten) >= 50)
    assert klanten == sorted(str(v.klant_id) for v in verwerkingen)
    assert {Handeling.VASTLEGGEN} == {v.handeling for v in verwerkingen}


def _klantregister(*args: str, **omgeving: str) -> subprocess.CompletedProcess[str]:
    commando = shutil.which("klantregister")
    basis = [commando] if commando else [sys.executable, "-m", "klantregister"]
    return subprocess.run(  # noqa: S603 - our own command, arguments from the test
        [*basis, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **omgeving},
    )


@pytest.mark.e2e
def test_the_logboek_command_lists_a_klants_and_a_persons_entries(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    sleutel = bytes(range(32))
    with KlantRegister.open(url, logsleutel=sleutel) as register:
        anna = register.registreer(
            AMSTERDAM,
            identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
            authenticatie=Authenticatie("hoog", "DigiD", subject="111222333"),
        )
        bert = register.registreer(
            AMSTERDAM,
            identificatie=Identificatie.natuurlijk_persoon(bsn="123456782"),
            authenticatie=Authenticatie("hoog", "DigiD", subject="123456782"),
        )
        register.zoek(Bsn("111222333"), AMSTERDAM)
        register.verwijder(anna.id)

    alles = _klantregister("logboek", "--from", url, "--format", "json")
    van_bert = _klantregister("logboek", "--from", url, "--klant", str(bert.id))
    van_anna = _klantregister(
        "logboek",
        "--from",
        url,
        "--betrokkene",
        "1112.22.333",
        KLANTREGISTER_LOGSLEUTEL=sleutel.hex(),
    )
    zonder_sleutel = _klantregister("logboek", "--from", url, "--betrokkene", "111222333")
    slechte_sleutel = _klantregister("logboek", "--from", url, KLANTREGISTER_LOGSLEUTEL="xyz")

    regels = [json.loads(regel) for regel in alles.stdout.splitlines()]
    assert (0, ["vastleggen", "vastleggen", "raadplegen", "wissen"]) == (
        alles.returncode,
        [r["name"] for r in regels],
    )
    assert {"trace_id", "span_id", "name", "start_time", "end_time", "status_code"} <= set(
        regels[0]
    )
    assert (0, 1) == (van_bert.returncode, len(van_bert.stdout.splitlines()))
    assert (0, ["vastleggen", "raadplegen", "wissen"]) == (
        van_anna.returncode,
        [regel.split(" | ")[1] for regel in van_anna.stdout.splitlines()],
    )
    # Another key gives other pseudonyms: nothing is found.
    assert (0, "") == (zonder_sleutel.returncode, zonder_sleutel.stdout)
    assert (2, "KLANTREGISTER_LOGSLEUTEL") == (
        slechte_sleutel.returncode,
        slechte_sleutel.stderr.split(":")[1].strip(),
    )
    for uit in (alles, van_bert, van_anna):
        assert "111222333" not in uit.stdout + uit.stderr
        assert "123456782" not in uit.stdout + uit.stderr


@pytest.mark.e2e
def test_export_logs_its_lookups_with_the_key_import_and_logboek_use(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    sleutel = bytes(range(32))
    ouder = "123456782"
    with KlantRegister.open(url, logsleutel=sleutel) as register:
        register.registreer(
            AMSTERDAM,
            identificatie=Identificatie.natuurlijk_persoon(bsn=ouder),
            authenticatie=Authenticatie("hoog", subject=ouder),
        )
        register.registreer(
            AMSTERDAM,
            identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
            authenticatie=Authenticatie(
                "hoog", subject=ouder, namens=Vertegenwoordiging("111222333", "ouderlijk_gezag")
            ),
        )
    omgeving = {"KLANTREGISTER_LOGSLEUTEL": sleutel.hex()}
    bestand = tmp_path / "vertegenwoordigingen.jsonl"
    export = _klantregister(
        "export", "--from", url, "--format", "klantinteracties",
        "--vertegenwoordigingen", str(bestand), **omgeving,
    )  # fmt: skip
    lijst = _klantregister("logboek", "--from", url, "--betrokkene", ouder, **omgeving)

    assert (0, 0) == (export.returncode, lijst.returncode), export.stderr + lijst.stderr
    # The representative's own registration, and the export's lookup of them.
    assert ["vastleggen", "raadplegen"] == [r.split(" | ")[1] for r in lijst.stdout.splitlines()]
