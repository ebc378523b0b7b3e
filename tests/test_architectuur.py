"""The layout's rules that import-linter does not check: private names, module size, imports.

``lint-imports`` (run by .ci/run) checks the layers, the forbidden imports and
that no package's modules import each other in a circle; these tests check the
rest of what docs/architecture.md promises.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import klantregister

BRON = Path(klantregister.__file__).parent
MODULES = sorted(BRON.rglob("*.py"))
#: The longest a source module may be, in lines.
MAX_REGELS = 500


def in_vers_proces(programma: str) -> str:
    """What ``programma`` prints in a fresh interpreter, run without coverage."""
    return subprocess.run(  # noqa: S603 - our own interpreter and program
        [sys.executable, "-c", programma],
        capture_output=True,
        text=True,
        check=True,
        env=zonder_coverage(),
    ).stdout


def zonder_coverage() -> dict[str, str]:
    """This environment without coverage's, which would start coverage in the child, and
    coverage itself imports sqlite3 and json."""
    return {naam: waarde for naam, waarde in os.environ.items() if not naam.startswith("COV")}


def module_naam(pad: Path) -> str:
    delen = pad.relative_to(BRON.parent).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def pakket(module: str) -> str:
    """The layer package a module belongs to (``klantregister.domain``), or the root's."""
    delen = module.split(".")
    if len(delen) > 1 and (BRON / delen[1]).is_dir():
        return ".".join(delen[:2])
    return delen[0]


def private_imports(bron: str, module: str) -> list[str]:
    """Each ``from X import _name`` (or of a ``_module``) in ``bron`` whose X is another
    package than ``module``'s."""
    gevonden = []
    for knoop in ast.walk(ast.parse(bron)):
        if not isinstance(knoop, ast.ImportFrom) or knoop.level or not knoop.module:
            continue
        if not knoop.module.startswith("klantregister") or pakket(knoop.module) == pakket(module):
            continue
        delen = [*knoop.module.split("."), *(alias.name for alias in knoop.names)]
        if any(deel.startswith("_") and not deel.startswith("__") for deel in delen):
            gevonden.append(f"{module}:{knoop.lineno} from {knoop.module}")
    return gevonden


@pytest.mark.unit
def test_the_source_tree_is_found() -> None:
    # The tests below would pass vacuously on an empty tree.
    assert {"domain", "register", "storage", "formats", "check", "display", "cli"} <= {
        pad.parent.name for pad in MODULES
    }


@pytest.mark.unit
def test_no_module_imports_a_private_name_of_another_package() -> None:
    assert [] == [
        gevonden
        for pad in MODULES
        for gevonden in private_imports(pad.read_text(encoding="utf-8"), module_naam(pad))
    ]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("bron", "verwacht"),
    [
        ("from klantregister.storage.sql import _SCHEIDING\n", 1),
        ("from klantregister.formats._stream import lees_records\n", 1),
        ("from klantregister.storage.sql import sleutel\n", 0),
        ("from klantregister.check.parallel import _Deel\n", 0),  # its own package
    ],
)
def test_the_rule_on_private_names_sees_a_borrowed_one(bron: str, verwacht: int) -> None:
    assert verwacht == len(private_imports(bron, "klantregister.check.controle"))


@pytest.mark.unit
@pytest.mark.parametrize("pad", MODULES, ids=module_naam)
def test_no_source_module_is_over_500_lines(pad: Path) -> None:
    regels = len(pad.read_text(encoding="utf-8").splitlines())
    assert regels <= MAX_REGELS, f"{module_naam(pad)} has {regels} lines"


@pytest.mark.process
def test_import_klantregister_loads_no_driver_and_no_format() -> None:
    # In a fresh interpreter: this one has loaded everything by now.
    programma = (
        "import sys, klantregister\n"
        "print(sorted(m for m in sys.modules if m in {'sqlite3', 'json', 'psycopg', 'csv'}"
        " or m.startswith(('klantregister.formats', 'klantregister.storage.s',"
        " 'klantregister.storage.postgres', 'klantregister.check', 'klantregister.cli'))))"
    )
    uit = in_vers_proces(programma)
    assert "[]" == uit.strip()


@pytest.mark.process
def test_the_sqlite_adapter_is_loaded_when_first_used() -> None:
    programma = (
        "import sys, klantregister\n"
        "klantregister.SqliteRepository\n"
        "print('sqlite3' in sys.modules, 'psycopg' in sys.modules)"
    )
    uit = in_vers_proces(programma)
    assert "True False" == uit.strip()
