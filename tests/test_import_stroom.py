"""``klantregister import`` streams: its memory does not grow with the file, and a storage
that fails on the way (a file size limit, as a full disk) ends it with its own exit status,
saying how many klanten it stored; importing again stores the rest."""

from __future__ import annotations

import json
import re
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from klantregister import KlantRegister

pytestmark = pytest.mark.process

AMSTERDAM = "0363"


def _bsn(n: int) -> str | None:
    eerste = f"{n:08d}"
    controle = sum(g * int(c) for g, c in zip(range(9, 1, -1), eerste, strict=True)) % 11
    return None if controle == 10 else eerste + str(controle)


def _bestand(pad: Path, aantal: int) -> int:
    """A Klanten API v1 export of ``aantal`` klanten, each with a BSN and its own klantnummer."""
    geschreven = 0
    n = 0
    with pad.open("w", encoding="utf-8") as bestand:
        while geschreven < aantal:
            n += 1
            if (bsn := _bsn(n)) is None:
                continue
            record = {
                "klantnummer": f"K{n:07d}",
                "voornaam": f"Voornaam{n}",
                "achternaam": "Jansen",
                "emailadres": f"klant{n}@example.nl",
                "websiteUrl": "https://www.example.nl",
                "subjectType": "natuurlijk_persoon",
                "subjectIdentificatie": {"inpBsn": bsn},
            }
            bestand.write(json.dumps(record) + "\n")
            geschreven += 1
    return geschreven


def _commando() -> list[str]:
    commando = shutil.which("klantregister")
    return [commando] if commando else [sys.executable, "-m", "klantregister"]


def _import(bestand: Path, url: str) -> list[str]:
    return [*_commando(), "import", str(bestand), "--into", url, "--gemeente", AMSTERDAM]


def _piek_mib(bestand: Path, url: str) -> float:
    """The peak memory (RSS) of one import, in MiB, measured in a process of its own."""
    meter = (
        "import resource, subprocess, sys; "
        "uit = subprocess.run(sys.argv[1:], capture_output=True, check=False); "
        "print(uit.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    uit = subprocess.run(  # noqa: S603 - our own command, arguments from the test
        [sys.executable, "-c", meter, *_import(bestand, url)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    status, kib = uit.stdout.split()
    assert "0" == status, uit.stdout
    return int(kib) / 1024


def test_import_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    klein, groot = tmp_path / "klein.jsonl", tmp_path / "groot.jsonl"
    _bestand(klein, 20_000)
    _bestand(groot, 200_000)

    piek_klein = _piek_mib(klein, f"sqlite:///{tmp_path / 'klein.db'}")
    piek_groot = _piek_mib(groot, f"sqlite:///{tmp_path / 'groot.db'}")

    # Ten times the records: the same batches, the same memory, give or take the noise.
    assert piek_groot < piek_klein * 1.25 + 10, (piek_klein, piek_groot)


def _met_bestandslimiet(limiet: int) -> None:
    # As a full disk: a write past the limit fails (EFBIG) instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limiet, limiet))


def test_a_storage_failing_mid_import_exits_3_saying_how_many_were_stored(
    tmp_path: Path,
) -> None:
    bestand = tmp_path / "klanten.jsonl"
    aantal = _bestand(bestand, 60_000)
    url = f"sqlite:///{tmp_path / 'klanten.db'}"

    # A klant with its search keys takes about 1.25 KB: a batch of 10,000 fits under the
    # limit, the whole file (about 75 MB) does not.
    mislukt = subprocess.run(  # noqa: S603 - our own command, arguments from the test
        _import(bestand, url),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        preexec_fn=lambda: _met_bestandslimiet(32 * 1024 * 1024),
    )
    gevonden = re.search(r"(\d+) klanten waren opgeslagen", mislukt.stderr)
    with KlantRegister.open(url) as register:
        opgeslagen = len(register)

    assert (3, True) == (mislukt.returncode, gevonden is not None), mislukt.stderr
    assert gevonden is not None
    assert (int(gevonden.group(1)), True) == (opgeslagen, 0 < opgeslagen < aantal)
    # The storage's own error, not a failed rollback of a transaction SQLite ended itself.
    assert ("opslag", False) == (
        "opslag" if "opslag" in mislukt.stderr else mislukt.stderr,
        "cannot rollback" in mislukt.stderr,
    )

    opnieuw = subprocess.run(  # noqa: S603 - our own command, arguments from the test
        _import(bestand, url), capture_output=True, text=True, timeout=600, check=False
    )
    with KlantRegister.open(url) as register:
        assert (0, aantal) == (opnieuw.returncode, len(register)), opnieuw.stdout[-500:]


def test_two_imports_of_overlapping_files_in_opposite_order_on_postgresql_both_finish(
    tmp_path: Path, postgres_schema_url: str
) -> None:
    alle = tmp_path / "alle.jsonl"
    aantal = _bestand(alle, 24_000)
    regels = alle.read_text(encoding="utf-8").splitlines(keepends=True)
    # Two thirds each, overlapping in the middle third, the second file backwards.
    eerste, tweede = tmp_path / "eerste.jsonl", tmp_path / "tweede.jsonl"
    eerste.write_text("".join(regels[: 2 * aantal // 3]), encoding="utf-8")
    tweede.write_text("".join(reversed(regels[aantal // 3 :])), encoding="utf-8")
    KlantRegister.open(postgres_schema_url).close()  # the schema, before both start

    processen = [
        subprocess.Popen(  # noqa: S603 - our own command, arguments from the test
            [*_import(bestand, postgres_schema_url), "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for bestand in (eerste, tweede)
    ]
    uitkomsten = [proces.communicate(timeout=600) for proces in processen]
    with KlantRegister.open(postgres_schema_url) as register:
        bsns = [
            k.identificatie.bsn.waarde for k in register if k.identificatie and k.identificatie.bsn
        ]

    tellingen = [json.loads(uit)["import"] for uit, _ in uitkomsten]
    assert [0, 0] == [proces.returncode for proces in processen], [f for _, f in uitkomsten]
    # Every person once; each record of the middle third stored by one and found by the other.
    assert (aantal, aantal, aantal // 3 + aantal % 3) == (
        len(bsns),
        len(set(bsns)),
        sum(t["al_aanwezig"] for t in tellingen),
    )
