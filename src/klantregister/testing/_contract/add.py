"""Writes of new klanten: ``add`` and ``add_many`` enforce rule 1 and unique klantnummers."""

from __future__ import annotations

import pytest

from klantregister.domain import (
    ANummer,
    Bsn,
    BuitenlandsNummer,
    KardinaliteitError,
    Klant,
    KlantBestaatAlError,
    KlantnummerInGebruikError,
    Rsin,
    SubjectUrl,
)
from klantregister.register import KlantRepository
from klantregister.testing._contract.base import (
    A_NUMMER,
    AMSTERDAM,
    ANDER_BSN,
    BRP_URL,
    BSN,
    HR_URL,
    KVK,
    PAPIEREN,
    ROTTERDAM,
    ContractBase,
    bedrijf,
    klant,
    persoon,
)


class AddContract(ContractBase):
    """``add`` and ``add_many``: KLOK01 rule 1 and unique klantnummers, all or none."""

    def test_an_added_klant_is_stored(self, repository: KlantRepository) -> None:
        a = klant("A", persoon(bsn=BSN))

        repository.add(a)

        assert ([a], a.id) == (list(repository), repository.klantnummer_holder(AMSTERDAM, "A"))

    def test_add_refuses_a_second_holder_of_a_bsn_in_the_gemeente(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("A", persoon(bsn=BSN))
        repository.add(eerste)

        with pytest.raises(KardinaliteitError) as fout:
            repository.add(klant("B", persoon(bsn=BSN)))

        assert (1, eerste.id) == (fout.value.regel, fout.value.klant_id)

    def test_add_refuses_a_klant_sharing_only_an_a_nummer(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("A", persoon(bsn=BSN, a_nummer=A_NUMMER))
        repository.add(eerste)

        with pytest.raises(KardinaliteitError) as fout:
            repository.add(klant("B", persoon(bsn=ANDER_BSN, a_nummer=A_NUMMER)))

        assert (1, eerste.id) == (fout.value.regel, fout.value.klant_id)

    def test_add_refuses_a_klant_sharing_a_foreign_person_number_written_otherwise(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("A", persoon(buitenlands=PAPIEREN))
        repository.add(eerste)
        anders_geschreven = BuitenlandsNummer("de", "melderegister berlin", "l01x-00t47")

        with pytest.raises(KardinaliteitError) as fout:
            repository.add(klant("B", persoon(bsn=BSN, buitenlands=anders_geschreven)))

        assert (1, eerste.id) == (fout.value.regel, fout.value.klant_id)

    def test_add_refuses_a_klant_sharing_only_a_subject_url(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("A", persoon(bsn=BSN, subject_url=BRP_URL))
        repository.add(eerste)

        with pytest.raises(KardinaliteitError) as fout:
            repository.add(klant("B", persoon(subject_url=BRP_URL)))

        assert (1, eerste.id) == (fout.value.regel, fout.value.klant_id)

    def test_any_number_of_klanten_share_an_organisations_subject_url(
        self, repository: KlantRepository
    ) -> None:
        a, b = (
            klant("A", bedrijf(subject_url=HR_URL)),
            klant("B", bedrijf(kvk_nummer=KVK, subject_url=HR_URL)),
        )

        repository.add_many([a, b])

        assert [a, b] == repository.find(AMSTERDAM, SubjectUrl(HR_URL))

    def test_a_klant_refused_by_rule_1_is_not_stored(self, repository: KlantRepository) -> None:
        eerste = klant("A", persoon(bsn=BSN))
        repository.add(eerste)
        geweigerd = klant("B", persoon(bsn=BSN, a_nummer=A_NUMMER))

        with pytest.raises(KardinaliteitError):
            repository.add(geweigerd)

        assert ([eerste], None, None) == (
            list(repository),
            repository.klantnummer_holder(AMSTERDAM, "B"),
            repository.holder(AMSTERDAM, ANummer(A_NUMMER)),
        )

    def test_add_refuses_a_klantnummer_taken_in_the_gemeente(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("K-42")
        repository.add(eerste)

        with pytest.raises(KlantnummerInGebruikError) as fout:
            repository.add(klant("K-42", persoon(bsn=BSN)))

        assert eerste.id == fout.value.klant_id

    def test_a_klant_refused_for_its_klantnummer_is_not_stored(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("K-42")
        repository.add(eerste)

        with pytest.raises(KlantnummerInGebruikError):
            repository.add(klant("K-42", persoon(bsn=BSN)))

        assert ([eerste], None) == (list(repository), repository.holder(AMSTERDAM, Bsn(BSN)))

    def test_add_allows_the_same_bsn_in_another_gemeente(self, repository: KlantRepository) -> None:
        amsterdammer = klant("A", persoon(bsn=BSN))
        rotterdammer = klant("A", persoon(bsn=BSN), gemeente=ROTTERDAM)

        repository.add(amsterdammer)
        repository.add(rotterdammer)

        assert (amsterdammer.id, rotterdammer.id) == (
            repository.holder(AMSTERDAM, Bsn(BSN)),
            repository.holder(ROTTERDAM, Bsn(BSN)),
        )

    def test_add_allows_many_klanten_of_one_organisation(self, repository: KlantRepository) -> None:
        klanten = [klant(nummer, bedrijf(kvk_nummer=KVK, rsin=BSN)) for nummer in "AB"]

        for k in klanten:
            repository.add(k)

        assert klanten == repository.find(AMSTERDAM, Rsin(BSN))

    def test_add_refuses_a_klant_whose_id_is_stored(self, repository: KlantRepository) -> None:
        eerste = klant("A", persoon(bsn=BSN))
        repository.add(eerste)

        with pytest.raises(KlantBestaatAlError) as fout:
            repository.add(Klant(eerste.id, AMSTERDAM, "B"))

        assert (eerste.id, [eerste], None) == (
            fout.value.klant_id,
            list(repository),
            repository.klantnummer_holder(AMSTERDAM, "B"),
        )

    def test_a_klants_bron_is_stored_with_it(self, repository: KlantRepository) -> None:
        bron = "https://klanten.example.nl/api/v1/klanten/0f0c5a1e-8a4e-4a36-9d0b-0c3f8f3c1a2b"
        a = Klant(klant("A").id, AMSTERDAM, "A", bron=bron)

        repository.add(a)

        assert (bron, [bron]) == (
            getattr(repository.get(a.id), "bron", None),
            [k.bron for k in repository],
        )

    # --- add_many -------------------------------------------------------------------------

    def test_add_many_stores_every_klant_in_order(self, repository: KlantRepository) -> None:
        klanten = [
            klant("A", persoon(bsn=BSN)),
            klant("B", bedrijf(kvk_nummer=KVK)),
            klant("A", gemeente=ROTTERDAM),
        ]

        repository.add_many(klanten)

        assert klanten == list(repository)

    def test_add_many_of_no_klanten_stores_nothing(self, repository: KlantRepository) -> None:
        repository.add_many([])

        assert 0 == len(repository)

    def test_add_many_stores_none_when_one_holds_a_stored_klants_bsn(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("A", persoon(bsn=BSN))
        repository.add(eerste)

        with pytest.raises(KardinaliteitError) as fout:
            repository.add_many([klant("B"), klant("C", persoon(bsn=BSN)), klant("D")])

        assert (eerste.id, [eerste]) == (fout.value.klant_id, list(repository))

    def test_add_many_stores_none_when_two_in_the_batch_share_a_bsn(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("A", persoon(bsn=BSN))

        with pytest.raises(KardinaliteitError) as fout:
            repository.add_many([eerste, klant("B"), klant("C", persoon(bsn=BSN))])

        assert (eerste.id, []) == (fout.value.klant_id, list(repository))

    def test_add_many_stores_none_when_one_takes_a_stored_klantnummer(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("K-1")
        repository.add(eerste)

        with pytest.raises(KlantnummerInGebruikError) as fout:
            repository.add_many([klant("K-2"), klant("K-1")])

        assert (eerste.id, [eerste]) == (fout.value.klant_id, list(repository))

    def test_add_many_stores_none_when_two_in_the_batch_share_a_klantnummer(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("K-1")

        with pytest.raises(KlantnummerInGebruikError) as fout:
            repository.add_many([eerste, klant("K-1", persoon(bsn=BSN))])

        assert (eerste.id, []) == (fout.value.klant_id, list(repository))

    def test_add_many_stores_none_when_one_has_a_stored_id(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("A")
        repository.add(eerste)

        with pytest.raises(KlantBestaatAlError) as fout:
            repository.add_many([klant("B"), Klant(eerste.id, ROTTERDAM, "C"), klant("D")])

        assert (eerste.id, [eerste]) == (fout.value.klant_id, list(repository))

    def test_add_many_stores_none_when_two_in_the_batch_share_an_id(
        self, repository: KlantRepository
    ) -> None:
        eerste = klant("A")

        with pytest.raises(KlantBestaatAlError) as fout:
            repository.add_many([eerste, Klant(eerste.id, AMSTERDAM, "B")])

        assert (eerste.id, []) == (fout.value.klant_id, list(repository))

    def test_a_refused_add_many_leaves_every_key_free(self, repository: KlantRepository) -> None:
        with pytest.raises(KardinaliteitError):
            repository.add_many(
                [klant("A", persoon(a_nummer=A_NUMMER)), klant("B", persoon(a_nummer=A_NUMMER))]
            )

        assert (None, None, None) == (
            repository.holder(AMSTERDAM, ANummer(A_NUMMER)),
            repository.klantnummer_holder(AMSTERDAM, "A"),
            repository.klantnummer_holder(AMSTERDAM, "B"),
        )
