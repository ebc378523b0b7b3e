"""klantregister.testing is loaded only when asked for, and says what is missing when it cannot be.

Each test runs a fresh interpreter: this one has loaded everything by now.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.process


def uitvoer(programma: str) -> str:
    """What the program prints, run by this interpreter in a process of its own."""
    return subprocess.run(  # noqa: S603 - our own interpreter and program
        [sys.executable, "-c", programma], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_importing_klantregister_and_its_layers_loads_no_testing_tool() -> None:
    programma = (
        "import sys, klantregister, klantregister.check, klantregister.cli, klantregister.formats\n"
        "klantregister.SqliteRepository, klantregister.PostgresRepository\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'pytest', 'hypothesis'}"
        " or m.startswith('klantregister.testing')))"
    )

    assert "[]" == uitvoer(programma)


@pytest.mark.parametrize("ontbreekt", ["hypothesis", "pytest"])
def test_without_pytest_or_hypothesis_the_import_says_to_install_the_testing_extra(
    ontbreekt: str,
) -> None:
    # None in sys.modules makes the import fail as if the package were not installed.
    programma = (
        f"import sys\nsys.modules[{ontbreekt!r}] = None\n"
        "try:\n    import klantregister.testing\n"
        "except ImportError as fout:\n    print(type(fout).__name__, fout.name, fout, sep='|')\n"
    )

    assert (
        f"ImportError|{ontbreekt}|klantregister.testing needs pytest and Hypothesis, and "
        f'{ontbreekt} is not installed: install them with pip install "klantregister[testing]"'
    ) == uitvoer(programma)
