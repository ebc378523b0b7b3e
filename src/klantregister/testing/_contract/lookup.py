"""Lookups: ``get``, ``holder``, ``klantnummer_holder`` and ``find``."""

from __future__ import annotations

import uuid

from klantregister.domain import (
    ANummer,
    Bsn,
    BuitenlandsNummer,
    Klantgegevens,
    KvkNummer,
    Rsin,
)
from klantregister.register import KlantRepository
from klantregister.testing._contract.base import (
    A_NUMMER,
    AMSTERDAM,
    ANDER_BSN,
    BSN,
    KVK,
    PAPIEREN,
    ROTTERDAM,
    ContractBase,
    bedrijf,
    gewijzigd,
    klant,
    persoon,
)


class LookupContract(ContractBase):
    """What ``get``, ``holder``, ``klantnummer_holder`` and ``find`` give."""

    def test_get_gives_the_stored_klant(self, repository: KlantRepository) -> None:
        a = klant("A", persoon(bsn=BSN))
        repository.add(a)

        assert a == repository.get(a.id)

    def test_get_of_an_unknown_id_gives_none(self, repository: KlantRepository) -> None:
        repository.add(klant("A"))

        assert repository.get(uuid.uuid4()) is None

    def test_get_gives_the_klant_as_last_replaced(self, repository: KlantRepository) -> None:
        oud = klant("A")
        repository.add(oud)
        nieuw = gewijzigd(oud, klantgegevens=Klantgegevens(voornaam="Anna"))
        repository.replace(oud, nieuw)

        assert nieuw == repository.get(oud.id)

    def test_holder_knows_every_person_key_of_a_klant(self, repository: KlantRepository) -> None:
        a = klant("A", persoon(bsn=BSN, a_nummer=A_NUMMER, buitenlands=PAPIEREN))
        repository.add(a)

        assert [a.id, a.id, a.id] == [
            repository.holder(AMSTERDAM, Bsn(BSN)),
            repository.holder(AMSTERDAM, ANummer(A_NUMMER)),
            repository.holder(AMSTERDAM, PAPIEREN),
        ]

    def test_holder_finds_a_foreign_number_whatever_the_case_of_its_register(
        self, repository: KlantRepository
    ) -> None:
        a = klant("A", persoon(buitenlands=PAPIEREN))
        repository.add(a)

        anders_geschreven = BuitenlandsNummer("de", "MELDEREGISTER berlin", "l01x-00t47")
        assert a.id == repository.holder(AMSTERDAM, anders_geschreven)

    def test_holder_is_none_for_a_key_nobody_holds(self, repository: KlantRepository) -> None:
        repository.add(klant("A", persoon(bsn=BSN)))

        assert repository.holder(AMSTERDAM, Bsn(ANDER_BSN)) is None

    def test_holder_looks_only_in_the_gemeente_given(self, repository: KlantRepository) -> None:
        repository.add(klant("A", persoon(bsn=BSN)))

        assert repository.holder(ROTTERDAM, Bsn(BSN)) is None

    def test_holder_does_not_count_an_organisations_keys(self, repository: KlantRepository) -> None:
        # Rule 1 is about natural persons: an organisation's keys have no single holder.
        repository.add(klant("A", bedrijf(rsin=BSN, buitenlands=PAPIEREN)))

        assert (None, None) == (
            repository.holder(AMSTERDAM, Rsin(BSN)),
            repository.holder(AMSTERDAM, PAPIEREN),
        )

    def test_klantnummer_holder_gives_the_id_of_the_klant_with_that_number(
        self, repository: KlantRepository
    ) -> None:
        a = klant("K-42")
        repository.add(a)

        assert a.id == repository.klantnummer_holder(AMSTERDAM, "K-42")

    def test_klantnummer_holder_is_none_for_a_number_not_given(
        self, repository: KlantRepository
    ) -> None:
        repository.add(klant("K-42"))

        assert repository.klantnummer_holder(AMSTERDAM, "K-43") is None

    def test_klantnummer_holder_looks_only_in_the_gemeente_given(
        self, repository: KlantRepository
    ) -> None:
        repository.add(klant("K-42"))

        assert repository.klantnummer_holder(ROTTERDAM, "K-42") is None

    # --- find ---------------------------------------------------------------------------

    def test_find_gives_the_klant_holding_a_person_key(self, repository: KlantRepository) -> None:
        a = klant("A", persoon(bsn=BSN))
        repository.add(a)

        assert [a] == repository.find(AMSTERDAM, Bsn(BSN))

    def test_find_gives_an_organisations_klanten_in_the_order_they_got_the_key(
        self, repository: KlantRepository
    ) -> None:
        klanten = [klant(nummer, bedrijf(kvk_nummer=KVK)) for nummer in "CAB"]
        for k in klanten:
            repository.add(k)

        assert klanten == repository.find(AMSTERDAM, KvkNummer(KVK))

    def test_find_gives_the_person_first_then_the_organisations(
        self, repository: KlantRepository
    ) -> None:
        # A foreign number may be a person's in one register and an organisation's in another.
        eerste = klant("A", bedrijf(buitenlands=PAPIEREN))
        mens = klant("B", persoon(buitenlands=PAPIEREN))
        tweede = klant("C", bedrijf(buitenlands=PAPIEREN))
        for k in (eerste, mens, tweede):
            repository.add(k)

        assert [mens, eerste, tweede] == repository.find(AMSTERDAM, PAPIEREN)

    def test_find_gives_nothing_for_a_key_nobody_holds(self, repository: KlantRepository) -> None:
        repository.add(klant("A", persoon(bsn=BSN)))

        assert [] == repository.find(AMSTERDAM, Bsn(ANDER_BSN))

    def test_find_looks_only_in_the_gemeente_given(self, repository: KlantRepository) -> None:
        repository.add(klant("A", bedrijf(kvk_nummer=KVK)))

        assert [] == repository.find(ROTTERDAM, KvkNummer(KVK))

    def test_find_tells_a_bsn_from_an_rsin_with_the_same_digits(
        self, repository: KlantRepository
    ) -> None:
        mens = klant("A", persoon(bsn=BSN))
        organisatie = klant("B", bedrijf(rsin=BSN))
        repository.add_many([mens, organisatie])

        assert ([mens], [organisatie]) == (
            repository.find(AMSTERDAM, Bsn(BSN)),
            repository.find(AMSTERDAM, Rsin(BSN)),
        )
