"""The repository as a collection: ``len``, iteration, ``in``, ``gemeenten``; ``close``."""

from __future__ import annotations

import uuid

import pytest

from klantregister.register import KlantRepository
from klantregister.testing._contract.base import (
    ROTTERDAM,
    ContractBase,
    klant,
)


class CollectionContract(ContractBase):
    """``len``, ``iter``, ``in`` and ``gemeenten`` over every gemeente's klanten; ``close``."""

    def test_an_empty_repository_holds_nothing(self, repository: KlantRepository) -> None:
        assert (0, [], 0) == (len(repository), list(repository), repository.gemeenten())

    def test_len_counts_the_klanten_of_every_gemeente(self, repository: KlantRepository) -> None:
        repository.add_many([klant("A"), klant("B"), klant("A", gemeente=ROTTERDAM)])

        assert 3 == len(repository)

    def test_iteration_gives_the_klanten_in_order_of_registration(
        self, repository: KlantRepository
    ) -> None:
        klanten = [klant("Z"), klant("A", gemeente=ROTTERDAM), klant("M")]
        for k in klanten:
            repository.add(k)

        assert klanten == list(repository)

    def test_iteration_gives_more_than_a_page_of_klanten_in_order(
        self, repository: KlantRepository
    ) -> None:
        # The SQL adapters read 1,000 rows at a time.
        klanten = [klant(f"{nummer:08d}") for nummer in range(2_500, 0, -1)]
        repository.add_many(klanten)

        assert klanten == list(repository)

    def test_iteration_leaves_out_klanten_added_after_it_started(
        self, repository: KlantRepository
    ) -> None:
        klanten = [klant("A"), klant("B")]
        repository.add_many(klanten)

        iterator = iter(repository)
        repository.add(klant("C"))

        assert klanten == list(iterator)

    def test_a_stored_klant_is_in_the_repository(self, repository: KlantRepository) -> None:
        a = klant("A")
        repository.add(a)

        assert a.id in repository

    @pytest.mark.parametrize("waarde", [uuid.UUID(int=1), "geen-uuid", None, 42])
    def test_nothing_else_is_in_the_repository(
        self, repository: KlantRepository, waarde: object
    ) -> None:
        repository.add(klant("A"))

        assert waarde not in repository

    def test_a_klants_id_as_text_is_not_in_the_repository(
        self, repository: KlantRepository
    ) -> None:
        # The register parses text; the repository takes UUIDs only.
        a = klant("A")
        repository.add(a)

        assert str(a.id) not in repository

    def test_a_removed_klant_is_not_in_the_repository(self, repository: KlantRepository) -> None:
        a = klant("A")
        repository.add(a)
        repository.remove(a)

        assert a.id not in repository

    def test_gemeenten_counts_the_gemeenten_holding_a_klant(
        self, repository: KlantRepository
    ) -> None:
        repository.add_many([klant("A"), klant("B"), klant("A", gemeente=ROTTERDAM)])

        assert 2 == repository.gemeenten()

    def test_gemeenten_forgets_a_gemeente_whose_last_klant_is_removed(
        self, repository: KlantRepository
    ) -> None:
        rotterdammer = klant("A", gemeente=ROTTERDAM)
        repository.add_many([klant("A"), rotterdammer])

        repository.remove(rotterdammer)

        assert 1 == repository.gemeenten()

    def test_gemeenten_does_not_count_a_gemeente_that_only_generated_klantnummers(
        self, repository: KlantRepository
    ) -> None:
        repository.next_klantnummers(ROTTERDAM)

        assert 0 == repository.gemeenten()

    # --- close ----------------------------------------------------------------------------

    def test_closing_twice_is_harmless(self, repository: KlantRepository) -> None:
        repository.close()

        repository.close()
