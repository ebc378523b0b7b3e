"""``remove``: checks ``versie`` and frees the klant's keys."""

from __future__ import annotations

import pytest

from klantregister.domain import (
    ANummer,
    Bsn,
    KlantNietGevondenError,
    KvkNummer,
    VersieconflictError,
)
from klantregister.register import KlantRepository
from klantregister.testing._contract.base import (
    A_NUMMER,
    AMSTERDAM,
    BSN,
    KVK,
    PAPIEREN,
    ContractBase,
    bedrijf,
    gewijzigd,
    klant,
    persoon,
)


class RemoveContract(ContractBase):
    """``remove``: only of the versie read; it frees every key of the klant."""

    def test_remove_erases_the_klant(self, repository: KlantRepository) -> None:
        blijft, weg = klant("A"), klant("B")
        repository.add_many([blijft, weg])

        repository.remove(weg)

        assert ([blijft], None) == (list(repository), repository.get(weg.id))

    def test_remove_frees_the_klants_keys(self, repository: KlantRepository) -> None:
        weg = klant("K-1", persoon(bsn=BSN, a_nummer=A_NUMMER, buitenlands=PAPIEREN))
        repository.add(weg)

        repository.remove(weg)

        assert [None, None, None, None] == [
            repository.holder(AMSTERDAM, Bsn(BSN)),
            repository.holder(AMSTERDAM, ANummer(A_NUMMER)),
            repository.holder(AMSTERDAM, PAPIEREN),
            repository.klantnummer_holder(AMSTERDAM, "K-1"),
        ]

    def test_remove_takes_the_klant_from_an_organisations_klanten(
        self, repository: KlantRepository
    ) -> None:
        klanten = [klant(nummer, bedrijf(kvk_nummer=KVK)) for nummer in "ABC"]
        repository.add_many(klanten)

        repository.remove(klanten[1])

        assert [klanten[0], klanten[2]] == repository.find(AMSTERDAM, KvkNummer(KVK))

    def test_a_freed_bsn_may_be_added_again(self, repository: KlantRepository) -> None:
        weg = klant("A", persoon(bsn=BSN))
        repository.add(weg)
        repository.remove(weg)
        nieuw = klant("A", persoon(bsn=BSN))

        repository.add(nieuw)

        assert nieuw.id == repository.holder(AMSTERDAM, Bsn(BSN))

    def test_remove_with_a_stale_versie_is_refused(self, repository: KlantRepository) -> None:
        oud = klant("A")
        repository.add(oud)
        actueel = gewijzigd(oud)
        repository.replace(oud, actueel)

        with pytest.raises(VersieconflictError) as fout:
            repository.remove(oud)

        assert ((1, 2), [actueel]) == (
            (fout.value.verwacht, fout.value.actueel),
            list(repository),
        )

    def test_remove_of_a_klant_not_stored_is_refused(self, repository: KlantRepository) -> None:
        onbekend = klant("A")

        with pytest.raises(KlantNietGevondenError) as fout:
            repository.remove(onbekend)

        assert onbekend.id == fout.value.klant_id
