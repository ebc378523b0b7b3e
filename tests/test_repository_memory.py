"""The repository contract, run against the in-memory repository."""

from __future__ import annotations

import pytest

from klantregister import Gemeentecode, KlantRepository, MemoryRepository
from klantregister.testing import HoldersManyContract, RepositoryContract

pytestmark = pytest.mark.unit


class TestMemoryRepository(RepositoryContract, HoldersManyContract):
    def make_repository(self) -> MemoryRepository:
        return MemoryRepository()

    def zet_volgnummer(
        self, repository: KlantRepository, gemeente: Gemeentecode, volgnummer: int
    ) -> None:
        assert isinstance(repository, MemoryRepository)
        repository._volgnummers[gemeente.waarde] = volgnummer
