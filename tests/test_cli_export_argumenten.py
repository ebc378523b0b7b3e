"""``klantregister export`` checks its arguments before it reads the register: a malformed
``--basis-url``, ``--bronorganisatie`` or ``--website-url`` is refused (exit 2) even when the
register is empty, and nothing is written."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from klantregister import KlantRegister

pytestmark = pytest.mark.e2e


def klantregister(*args: str) -> subprocess.CompletedProcess[str]:
    commando = shutil.which("klantregister")
    basis = [commando] if commando else [sys.executable, "-m", "klantregister"]
    return subprocess.run(  # noqa: S603 - our own command, arguments from the test
        [*basis, *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(
    ("argumenten", "veld"),
    [
        (
            ["--format", "klantinteracties", "--vorm", "antwoord", "--basis-url", "geen url"],
            "basis_url",
        ),
        (["--format", "klanten_v1", "--bronorganisatie", "123456789"], "rsin"),
        (
            [
                "--format",
                "klanten_v1",
                "--bronorganisatie",
                "002220647",
                "--website-url",
                "ftp://x",
            ],
            "website_url",
        ),
    ],
)
def test_a_malformed_argument_is_refused_before_an_empty_register_is_read(
    tmp_path: Path, argumenten: list[str], veld: str
) -> None:
    url = f"sqlite:///{tmp_path / 'leeg.db'}"
    KlantRegister.open(url).close()  # an empty register (export never creates one)
    assert 0 == klantregister("export", "--from", url, "--format", "jsonl").returncode

    uit = klantregister("export", "--from", url, *argumenten)

    assert (2, "", True) == (uit.returncode, uit.stdout, f"{veld}:" in uit.stderr), uit.stderr
