"""Test-suite settings: Hypothesis profiles, the storage fixtures, the speed marks.

``HYPOTHESIS_PROFILE=ci`` (set by .ci/run) runs more examples without a
deadline, since shared CI machines are noisy; ``dev`` is the default;
``--hypothesis-profile=fast`` runs fewer, for the fast command of
docs/development.md.

Every test carries exactly one of the marks ``unit``, ``storage``, ``process``
and ``e2e`` (registered in pyproject.toml, described in docs/development.md),
so ``-m "unit or storage"`` is the fast part; a test with none, or with more
than one, fails the run.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, settings

from klantregister import KlantRegister

if TYPE_CHECKING:
    import psycopg

settings.register_profile("dev", max_examples=100, deadline=None)
# For the fast command: at 100 examples Hypothesis takes over half the time of the unit tests,
# and the hardening sweeps alone run some 900 property tests.
settings.register_profile("fast", max_examples=10, deadline=None)
settings.register_profile(
    "ci",
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


# --- storage: one fixture per adapter, and one over all three ----------------------

POSTGRES_OMGEVING = "KLANTREGISTER_TEST_POSTGRES"


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The URL of the test server's database (.ci/postgres.sh starts one).

    Without one the PostgreSQL tests skip, saying why; under CI a missing
    server is a failure, so the PostgreSQL adapter can never go untested there.
    """
    url = os.environ.get(POSTGRES_OMGEVING, "")
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true, but {POSTGRES_OMGEVING} names no PostgreSQL server")
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_OMGEVING} (see .ci/postgres.sh)")
    return url


@pytest.fixture(scope="session")
def postgres_beheer(postgres_url: str) -> Iterator[psycopg.Connection[Any]]:
    """One connection per session (per pytest-xdist worker) to make and drop test schemas.

    A connection of its own per test would cost two connects each, about a fifth
    of what the fast PostgreSQL tests take.
    """
    import psycopg  # noqa: PLC0415 - only the PostgreSQL tests need the driver

    with psycopg.connect(postgres_url, autocommit=True) as verbinding:
        yield verbinding


@pytest.fixture
def postgres_schema_url(
    postgres_url: str, postgres_beheer: psycopg.Connection[Any]
) -> Iterator[str]:
    """A URL whose connections use a new, empty schema, dropped after the test."""
    schema = f"test_{uuid.uuid4().hex[:16]}"
    postgres_beheer.execute(f"CREATE SCHEMA {schema}")
    scheiding = "&" if "?" in postgres_url else "?"
    yield f"{postgres_url}{scheiding}options=-csearch_path%3D{schema}"
    postgres_beheer.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(
    params=[
        pytest.param("memory", marks=pytest.mark.unit),
        pytest.param("sqlite", marks=pytest.mark.storage),
        pytest.param("postgresql", marks=pytest.mark.storage),
    ]
)
def opslag_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty repository of each kind in turn.

    The memory runs are marked ``unit``, the others ``storage``; a test that
    narrows the kinds (``indirect=True``) must mark itself, as these marks
    come with these params only.
    """
    if request.param == "memory":
        return "memory://"
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'klanten.db'}"
    return str(request.getfixturevalue("postgres_schema_url"))


@pytest.fixture
def maak_register(opslag_url: str) -> Iterator[Callable[..., KlantRegister]]:
    """Build registers on the storage of ``opslag_url``; all are closed after the test.

    Each call opens the same storage again, as another worker process would.
    For ``memory://`` each call gets a new, separate memory.
    """
    geopend: list[KlantRegister] = []

    def maak(**opties: Any) -> KlantRegister:
        register = KlantRegister.open(opslag_url, **opties)
        geopend.append(register)
        return register

    yield maak
    for register in geopend:
        register.close()


# --- speed: exactly one mark per test ------------------------------------------------

SNELHEDEN = ("unit", "storage", "process", "e2e")

#: What a doctest that opens a database says (``sqlite:///:memory:`` is a database too).
_OPSLAG_IN_DOCTEST = re.compile(
    r"sqlite:|postgres(ql)?:|(Sqlite|Postgres)Repository\(|sqlite3\.connect|psycopg\.connect"
)


def _snelheden(item: pytest.Item) -> list[str]:
    return sorted({mark.name for mark in item.iter_markers()}.intersection(SNELHEDEN))


def _standaardmark(item: pytest.Item) -> str | None:
    """The mark of a doctest, which cannot carry one in its own source."""
    if isinstance(item, pytest.DoctestItem):
        voorbeelden = item.dtest.examples if item.dtest else []
        bron = "".join(voorbeeld.source for voorbeeld in voorbeelden)
        return "storage" if _OPSLAG_IN_DOCTEST.search(bron) else "unit"
    return None


@pytest.hookimpl(tryfirst=True)  # before -m selects by these marks
def pytest_collection_modifyitems(session: pytest.Session, items: list[pytest.Item]) -> None:
    """Give doctests their mark, and fail unless every test has exactly one speed mark.

    The failure is a collection error naming the tests, and nothing runs: pytest
    stops on it, and each pytest-xdist worker (which would not) is left no tests.
    """
    for item in items:
        if not _snelheden(item) and (mark := _standaardmark(item)):
            item.add_marker(mark)
    fout = [
        f"{item.nodeid} ({', '.join(snelheden) or 'no mark'})"
        for item in items
        if len(snelheden := _snelheden(item)) != 1
    ]
    if fout:
        melding = (
            f"{len(fout)} tests need exactly one of the marks {', '.join(SNELHEDEN)}"
            " (see docs/development.md):\n  " + "\n  ".join(fout)
        )
        rapport = pytest.CollectReport("tests/conftest.py", "failed", melding, [])
        session.config.hook.pytest_collectreport(report=rapport)
        items.clear()
