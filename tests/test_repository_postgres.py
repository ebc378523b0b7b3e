"""The repository contract, run against the PostgreSQL repository (a new schema per test).

Skipped, saying why, when no test server is configured (see ``conftest.py``).
"""

from __future__ import annotations

import pytest

from klantregister import Gemeentecode, KlantRepository, PostgresRepository
from klantregister.testing import HoldersManyContract, SqlRepositoryContract

pytestmark = pytest.mark.storage


class TestPostgresRepository(SqlRepositoryContract, HoldersManyContract):
    url: str

    @pytest.fixture(autouse=True)
    def _schema(self, postgres_schema_url: str) -> None:
        self.url = postgres_schema_url

    def make_repository(self) -> PostgresRepository:
        return PostgresRepository(self.url)

    def zet_volgnummer(
        self, repository: KlantRepository, gemeente: Gemeentecode, volgnummer: int
    ) -> None:
        import psycopg  # noqa: PLC0415 - only when the server is there

        # Through a connection of its own, as the repository offers no way to do this.
        with psycopg.connect(self.url, autocommit=True) as verbinding:
            verbinding.execute(
                "INSERT INTO klantnummerteller (gemeente, volgnummer) VALUES (%s, %s) "
                "ON CONFLICT (gemeente) DO UPDATE SET volgnummer = excluded.volgnummer",
                (gemeente.waarde, volgnummer),
            )
