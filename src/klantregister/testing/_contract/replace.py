"""``replace``: checks ``versie``, moves the keys, enforces rule 1 on the new keys."""

from __future__ import annotations

import uuid

import pytest

from klantregister.domain import (
    ANummer,
    Bsn,
    KardinaliteitError,
    Kenmerken,
    Klant,
    Klantgegevens,
    KlantNietGevondenError,
    KlantnummerInGebruikError,
    KvkNummer,
    Rsin,
    SubjectUrl,
    VersieconflictError,
)
from klantregister.register import KlantRepository
from klantregister.testing._contract.base import (
    A_NUMMER,
    AMSTERDAM,
    ANDER_BSN,
    BRP_URL,
    BSN,
    KVK,
    ROTTERDAM,
    ContractBase,
    bedrijf,
    gewijzigd,
    ids,
    klant,
    persoon,
)


class ReplaceContract(ContractBase):
    """``replace``: only of the versie read, with every key moved, and rule 1 kept."""

    def test_replace_keeps_the_klants_place_in_the_order_of_registration(
        self, repository: KlantRepository
    ) -> None:
        a, b = klant("A"), klant("B")
        repository.add_many([a, b])
        nieuw = gewijzigd(a, klantgegevens=Klantgegevens(voornaam="Anna"))

        repository.replace(a, nieuw)

        assert [nieuw, b] == list(repository)

    def test_replace_keeps_the_bron_it_is_given(self, repository: KlantRepository) -> None:
        bron = "https://openklant.example.nl/klantinteracties/api/v1/partijen/1"
        a = Klant(klant("A").id, AMSTERDAM, "A", bron=bron)
        repository.add(a)
        nieuw = gewijzigd(a, identificatie=persoon(bsn=BSN))

        repository.replace(a, nieuw)

        assert (nieuw, bron) == (repository.get(a.id), getattr(repository.get(a.id), "bron", None))

    def test_replace_keeps_the_kenmerken_it_is_given(self, repository: KlantRepository) -> None:
        a = klant("A", persoon(bsn=BSN))
        repository.add(a)
        kenmerken = Kenmerken("contactpersoon", False, True, uuid.uuid4())
        nieuw = gewijzigd(a, kenmerken=kenmerken)

        repository.replace(a, nieuw)

        opgeslagen = repository.get(a.id)
        assert (nieuw, kenmerken) == (opgeslagen, getattr(opgeslagen, "kenmerken", None))

    def test_replace_moves_the_subject_url_key(self, repository: KlantRepository) -> None:
        a = klant("A", persoon(subject_url=BRP_URL))
        repository.add(a)
        nieuw = gewijzigd(a, identificatie=persoon(bsn=BSN))

        repository.replace(a, nieuw)

        assert (None, a.id) == (
            repository.holder(AMSTERDAM, SubjectUrl(BRP_URL)),
            repository.holder(AMSTERDAM, Bsn(BSN)),
        )

    def test_replace_with_a_stale_versie_is_refused(self, repository: KlantRepository) -> None:
        oud = klant("A")
        repository.add(oud)
        repository.replace(oud, gewijzigd(oud))

        with pytest.raises(VersieconflictError) as fout:
            repository.replace(oud, gewijzigd(oud))

        assert (oud.id, 1, 2) == (fout.value.klant_id, fout.value.verwacht, fout.value.actueel)

    def test_a_replace_with_a_stale_versie_changes_nothing(
        self, repository: KlantRepository
    ) -> None:
        oud = klant("A", persoon(bsn=BSN))
        repository.add(oud)
        actueel = gewijzigd(oud)
        repository.replace(oud, actueel)

        with pytest.raises(VersieconflictError):
            repository.replace(oud, gewijzigd(oud, identificatie=persoon(bsn=ANDER_BSN)))

        assert (actueel, oud.id, None) == (
            repository.get(oud.id),
            repository.holder(AMSTERDAM, Bsn(BSN)),
            repository.holder(AMSTERDAM, Bsn(ANDER_BSN)),
        )

    def test_replace_of_a_klant_no_longer_stored_is_refused(
        self, repository: KlantRepository
    ) -> None:
        weg = klant("A")
        repository.add(weg)
        repository.remove(weg)

        with pytest.raises(KlantNietGevondenError) as fout:
            repository.replace(weg, gewijzigd(weg))

        assert (weg.id, []) == (fout.value.klant_id, list(repository))

    def test_replace_moves_the_person_keys(self, repository: KlantRepository) -> None:
        oud = klant("A", persoon(bsn=BSN))
        repository.add(oud)

        repository.replace(oud, gewijzigd(oud, identificatie=persoon(bsn=ANDER_BSN)))

        assert (None, oud.id) == (
            repository.holder(AMSTERDAM, Bsn(BSN)),
            repository.holder(AMSTERDAM, Bsn(ANDER_BSN)),
        )

    def test_replace_moves_the_organisation_keys(self, repository: KlantRepository) -> None:
        oud = klant("A", bedrijf(kvk_nummer=KVK))
        repository.add(oud)
        nieuw = gewijzigd(oud, identificatie=bedrijf(rsin=BSN))

        repository.replace(oud, nieuw)

        assert ([], [nieuw]) == (
            repository.find(AMSTERDAM, KvkNummer(KVK)),
            repository.find(AMSTERDAM, Rsin(BSN)),
        )

    def test_replace_moves_the_klantnummer(self, repository: KlantRepository) -> None:
        oud = klant("K-1")
        repository.add(oud)

        repository.replace(oud, gewijzigd(oud, klantnummer="K-2"))

        assert (None, oud.id) == (
            repository.klantnummer_holder(AMSTERDAM, "K-1"),
            repository.klantnummer_holder(AMSTERDAM, "K-2"),
        )

    def test_replace_moves_every_key_to_a_new_gemeente(self, repository: KlantRepository) -> None:
        oud = klant("K-1", persoon(bsn=BSN))
        repository.add(oud)

        repository.replace(oud, gewijzigd(oud, gemeente=ROTTERDAM))

        assert (None, None, oud.id, oud.id) == (
            repository.holder(AMSTERDAM, Bsn(BSN)),
            repository.klantnummer_holder(AMSTERDAM, "K-1"),
            repository.holder(ROTTERDAM, Bsn(BSN)),
            repository.klantnummer_holder(ROTTERDAM, "K-1"),
        )

    def test_replace_may_keep_a_bsn_while_changing_the_a_nummer(
        self, repository: KlantRepository
    ) -> None:
        oud = klant("A", persoon(bsn=BSN))
        repository.add(oud)
        nieuw = gewijzigd(oud, identificatie=persoon(bsn=BSN, a_nummer=A_NUMMER))

        repository.replace(oud, nieuw)

        assert (oud.id, oud.id) == (
            repository.holder(AMSTERDAM, Bsn(BSN)),
            repository.holder(AMSTERDAM, ANummer(A_NUMMER)),
        )

    def test_replace_to_a_bsn_held_by_another_klant_is_refused(
        self, repository: KlantRepository
    ) -> None:
        ander = klant("A", persoon(bsn=BSN))
        oud = klant("B", persoon(bsn=ANDER_BSN))
        repository.add_many([ander, oud])

        with pytest.raises(KardinaliteitError) as fout:
            repository.replace(oud, gewijzigd(oud, identificatie=persoon(bsn=BSN)))

        assert (1, ander.id) == (fout.value.regel, fout.value.klant_id)

    def test_a_replace_refused_by_rule_1_changes_nothing(self, repository: KlantRepository) -> None:
        ander = klant("A", persoon(bsn=BSN))
        oud = klant("B", persoon(bsn=ANDER_BSN))
        repository.add_many([ander, oud])

        with pytest.raises(KardinaliteitError):
            repository.replace(oud, gewijzigd(oud, identificatie=persoon(bsn=BSN)))

        assert ([ander, oud], ander.id, oud.id) == (
            list(repository),
            repository.holder(AMSTERDAM, Bsn(BSN)),
            repository.holder(AMSTERDAM, Bsn(ANDER_BSN)),
        )

    def test_replace_to_a_klantnummer_held_by_another_klant_is_refused(
        self, repository: KlantRepository
    ) -> None:
        ander, oud = klant("K-1"), klant("K-2")
        repository.add_many([ander, oud])

        with pytest.raises(KlantnummerInGebruikError) as fout:
            repository.replace(oud, gewijzigd(oud, klantnummer="K-1"))

        assert (ander.id, [ander, oud]) == (fout.value.klant_id, list(repository))

    def test_replace_keeping_the_keys_keeps_the_klant_among_an_organisations_klanten(
        self, repository: KlantRepository
    ) -> None:
        klanten = [klant(nummer, bedrijf(kvk_nummer=KVK)) for nummer in "ABC"]
        repository.add_many(klanten)

        repository.replace(
            klanten[0], gewijzigd(klanten[0], klantgegevens=Klantgegevens(functie="inkoper"))
        )

        assert ids(klanten) == ids(repository.find(AMSTERDAM, KvkNummer(KVK)))
