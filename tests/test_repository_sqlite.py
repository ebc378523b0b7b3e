"""The repository contract, run against the SQLite repository (a new file per test)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from klantregister import Gemeentecode, KlantRepository, SqliteRepository
from klantregister.testing import HoldersManyContract, SqlRepositoryContract

pytestmark = pytest.mark.storage


class TestSqliteRepository(SqlRepositoryContract, HoldersManyContract):
    pad: Path

    @pytest.fixture(autouse=True)
    def _bestand(self, tmp_path: Path) -> None:
        self.pad = tmp_path / "klanten.db"

    def make_repository(self) -> SqliteRepository:
        return SqliteRepository(self.pad)

    def zet_volgnummer(
        self, repository: KlantRepository, gemeente: Gemeentecode, volgnummer: int
    ) -> None:
        # Through a connection of its own, as the repository offers no way to do this.
        with contextlib.closing(sqlite3.connect(self.pad, isolation_level=None)) as verbinding:
            verbinding.execute(
                "INSERT INTO klantnummerteller (gemeente, volgnummer) VALUES (?, ?) "
                "ON CONFLICT (gemeente) DO UPDATE SET volgnummer = excluded.volgnummer",
                (gemeente.waarde, volgnummer),
            )
