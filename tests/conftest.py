"""Test-suite settings: Hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (set by .ci/run) runs more examples without a
deadline, since shared CI machines are noisy; ``dev`` is the quick default.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from klantregister import KlantRegister

settings.register_profile("dev", max_examples=100, deadline=None)
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


@pytest.fixture
def postgres_schema_url(postgres_url: str) -> Iterator[str]:
    """A URL whose connections use a new, empty schema, dropped after the test."""
    import psycopg  # noqa: PLC0415 - only the PostgreSQL tests need the driver

    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(postgres_url, autocommit=True) as verbinding:
        verbinding.execute(f"CREATE SCHEMA {schema}")
    scheiding = "&" if "?" in postgres_url else "?"
    yield f"{postgres_url}{scheiding}options=-csearch_path%3D{schema}"
    with psycopg.connect(postgres_url, autocommit=True) as verbinding:
        verbinding.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def opslag_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty repository of each kind in turn."""
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
