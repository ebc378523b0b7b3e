"""Transactions: kept when they end normally, undone when they fail, nested as savepoints."""

from __future__ import annotations

import contextlib

import pytest

from klantregister.domain import (
    Bsn,
    KardinaliteitError,
    KvkNummer,
    Rsin,
)
from klantregister.register import KlantRepository
from klantregister.testing._contract.base import (
    AMSTERDAM,
    ANDER_BSN,
    BSN,
    KVK,
    Afgebroken,
    ContractBase,
    bedrijf,
    gewijzigd,
    ids,
    klant,
    mislukte_transactie,
    persoon,
)


class TransactionContract(ContractBase):
    """``transaction()``: what a failed transaction undoes, and how transactions nest."""

    def test_writes_in_a_transaction_that_ends_normally_are_kept(
        self, repository: KlantRepository
    ) -> None:
        a, b = klant("A"), klant("B")

        with repository.transaction():
            repository.add(a)
            repository.add(b)

        assert [a, b] == list(repository)

    def test_a_transaction_passes_on_the_exception_that_ended_it(
        self, repository: KlantRepository
    ) -> None:
        with pytest.raises(Afgebroken):
            mislukte_transactie(repository)

    def test_reads_inside_a_transaction_see_its_writes(self, repository: KlantRepository) -> None:
        a = klant("A", persoon(bsn=BSN))

        with repository.transaction():
            repository.add(a)
            gelezen = (repository.get(a.id), repository.holder(AMSTERDAM, Bsn(BSN)))

        assert (a, a.id) == gelezen

    def test_a_klant_added_in_a_failed_transaction_is_not_stored(
        self, repository: KlantRepository
    ) -> None:
        a = klant("A", persoon(bsn=BSN))

        with pytest.raises(Afgebroken):
            mislukte_transactie(repository, lambda: repository.add(a))

        assert (0, None, None, None) == (
            len(repository),
            repository.get(a.id),
            repository.holder(AMSTERDAM, Bsn(BSN)),
            repository.klantnummer_holder(AMSTERDAM, "A"),
        )

    def test_klanten_added_together_in_a_failed_transaction_are_not_stored(
        self, repository: KlantRepository
    ) -> None:
        klanten = [klant("A"), klant("B")]

        with pytest.raises(Afgebroken):
            mislukte_transactie(repository, lambda: repository.add_many(klanten))

        assert [] == list(repository)

    def test_a_klant_replaced_in_a_failed_transaction_is_as_it_was(
        self, repository: KlantRepository
    ) -> None:
        oud = klant("A", persoon(bsn=BSN))
        repository.add(oud)

        with pytest.raises(Afgebroken):
            mislukte_transactie(
                repository,
                lambda: repository.replace(
                    oud, gewijzigd(oud, identificatie=persoon(bsn=ANDER_BSN))
                ),
            )

        assert (oud, oud.id, None) == (
            repository.get(oud.id),
            repository.holder(AMSTERDAM, Bsn(BSN)),
            repository.holder(AMSTERDAM, Bsn(ANDER_BSN)),
        )

    def test_a_klant_removed_in_a_failed_transaction_is_back_with_its_keys(
        self, repository: KlantRepository
    ) -> None:
        a = klant("A", persoon(bsn=BSN))
        repository.add(a)

        with pytest.raises(Afgebroken):
            mislukte_transactie(repository, lambda: repository.remove(a))

        assert (a, a.id, a.id, 1) == (
            repository.get(a.id),
            repository.holder(AMSTERDAM, Bsn(BSN)),
            repository.klantnummer_holder(AMSTERDAM, "A"),
            len(repository),
        )

    def test_an_organisation_klant_removed_in_a_failed_transaction_keeps_its_place(
        self, repository: KlantRepository
    ) -> None:
        klanten = [klant(nummer, bedrijf(kvk_nummer=KVK)) for nummer in "ABC"]
        repository.add_many(klanten)

        with pytest.raises(Afgebroken):
            mislukte_transactie(repository, lambda: repository.remove(klanten[1]))

        assert ids(klanten) == ids(repository.find(AMSTERDAM, KvkNummer(KVK)))

    def test_an_organisation_klant_corrected_in_a_failed_transaction_keeps_its_place(
        self, repository: KlantRepository
    ) -> None:
        klanten = [klant(nummer, bedrijf(kvk_nummer=KVK)) for nummer in "ABC"]
        repository.add_many(klanten)
        oud = klanten[0]

        with pytest.raises(Afgebroken):
            mislukte_transactie(
                repository,
                lambda: repository.replace(
                    oud, gewijzigd(oud, identificatie=bedrijf(kvk_nummer=KVK, rsin=BSN))
                ),
            )

        assert (ids(klanten), []) == (
            ids(repository.find(AMSTERDAM, KvkNummer(KVK))),
            repository.find(AMSTERDAM, Rsin(BSN)),
        )

    def test_klantnummers_taken_in_a_failed_transaction_are_given_again(
        self, repository: KlantRepository
    ) -> None:
        with pytest.raises(Afgebroken):
            mislukte_transactie(repository, lambda: repository.next_klantnummers(AMSTERDAM, 2))

        assert ["00000001", "00000002"] == repository.next_klantnummers(AMSTERDAM, 2)

    def test_a_failed_inner_transaction_undoes_only_its_own_writes(
        self, repository: KlantRepository
    ) -> None:
        a, b, c = klant("A"), klant("B"), klant("C")

        with repository.transaction():
            repository.add(a)
            with contextlib.suppress(Afgebroken):
                mislukte_transactie(repository, lambda: repository.add(b))
            repository.add(c)

        assert [a, c] == list(repository)

    def test_a_failed_inner_transaction_gives_its_klantnummers_again(
        self, repository: KlantRepository
    ) -> None:
        with repository.transaction():
            eerste = repository.next_klantnummers(AMSTERDAM)
            with contextlib.suppress(Afgebroken):
                mislukte_transactie(repository, lambda: repository.next_klantnummers(AMSTERDAM))
            tweede = repository.next_klantnummers(AMSTERDAM)

        assert (["00000001"], ["00000002"]) == (eerste, tweede)

    def test_an_inner_transaction_is_undone_with_the_outer_one(
        self, repository: KlantRepository
    ) -> None:
        def stappen() -> None:
            repository.add(klant("A"))
            with repository.transaction():
                repository.add(klant("B"))

        with pytest.raises(Afgebroken):
            mislukte_transactie(repository, stappen)

        assert [] == list(repository)

    def test_transactions_nest_more_than_one_level_deep(self, repository: KlantRepository) -> None:
        a, b, c = klant("A"), klant("B"), klant("C")

        with repository.transaction():
            repository.add(a)
            with repository.transaction():
                repository.add(b)
                with contextlib.suppress(Afgebroken):
                    mislukte_transactie(repository, lambda: repository.add(c))

        assert [a, b] == list(repository)

    def test_a_refused_write_leaves_the_transactions_earlier_writes(
        self, repository: KlantRepository
    ) -> None:
        # The register's bulk path: a batch refused inside a transaction, then one at a time.
        a, c = klant("A", persoon(bsn=BSN)), klant("C")

        with repository.transaction():
            repository.add(a)
            with contextlib.suppress(KardinaliteitError):
                repository.add_many([klant("B"), klant("D", persoon(bsn=BSN))])
            repository.add(c)

        assert [a, c] == list(repository)
