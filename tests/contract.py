"""The contract of :class:`~klantregister.KlantRepository`, as one suite for every adapter.

:class:`RepositoryContract` tests each method of the port directly, without the
register in front: the adapter's own enforcement of KLOK01 rule 1, of unique
klantnummers and of ``versie``, its transactions and savepoints, its order of
iteration. :class:`SqlRepositoryContract` adds what only a repository with a
connection promises. A thin file per adapter subclasses one of them
(``class TestSqliteRepository(SqlRepositoryContract)``) and says how to make a
repository and how to set a gemeente's klantnummer counter; this module itself
holds no ``Test`` class, so pytest collects nothing here.
"""

from __future__ import annotations

import abc
import contextlib
import uuid
from collections.abc import Callable, Iterator

import pytest

from klantregister import (
    ANummer,
    Bsn,
    BuitenlandsNummer,
    Gemeentecode,
    Identificatie,
    KardinaliteitError,
    Klant,
    Klantgegevens,
    KlantNietGevondenError,
    KlantnummerInGebruikError,
    KlantregisterError,
    KlantRepository,
    KvkNummer,
    OpslagError,
    Rsin,
    VersieconflictError,
)

AMSTERDAM = Gemeentecode("0363")
ROTTERDAM = Gemeentecode("0599")

BSN = "111222333"
ANDER_BSN = "123456782"
A_NUMMER = "1234567890"
KVK = "69046938"
PAPIEREN = BuitenlandsNummer("DE", "Melderegister Berlin", "L01X00T47")

#: The last klantnummer a gemeente can be given.
LAATSTE_VOLGNUMMER = 99_999_999


persoon = Identificatie.natuurlijk_persoon


bedrijf = Identificatie.niet_natuurlijk_persoon


def klant(
    klantnummer: str,
    identificatie: Identificatie | None = None,
    *,
    gemeente: Gemeentecode = AMSTERDAM,
) -> Klant:
    """A new klant, as the register would build one; stored by the test itself."""
    return Klant(uuid.uuid4(), gemeente, klantnummer, identificatie=identificatie)


def gewijzigd(oud: Klant, **velden: object) -> Klant:
    """The klant with the fields changed and ``versie`` one higher, as the register makes it."""
    waarden: dict[str, object] = {
        "id": oud.id,
        "gemeente": oud.gemeente,
        "klantnummer": oud.klantnummer,
        "klantgegevens": oud.klantgegevens,
        "identificatie": oud.identificatie,
        "versie": oud.versie + 1,
    }
    waarden.update(velden)
    return Klant(**waarden)  # type: ignore[arg-type]


def ids(klanten: list[Klant]) -> list[uuid.UUID]:
    return [k.id for k in klanten]


class Afgebroken(Exception):  # noqa: N818 (not an error: the test's own way out of a transaction)
    """Raised by a test to end a transaction by an exception."""


def mislukte_transactie(repository: KlantRepository, *stappen: Callable[[], object]) -> None:
    """Run the steps in one transaction, then end it by raising :class:`Afgebroken`."""
    with repository.transaction():
        for stap in stappen:
            stap()
        raise Afgebroken


class RepositoryContract(abc.ABC):
    """What every :class:`KlantRepository` does; subclass it once per adapter."""

    @abc.abstractmethod
    def make_repository(self) -> KlantRepository:
        """A repository of the adapter under test, empty when a test starts.

        An adapter with storage opens the same storage at each call of one
        test, as another process would; the memory adapter has a new memory each time.
        """

    @abc.abstractmethod
    def zet_volgnummer(
        self, repository: KlantRepository, gemeente: Gemeentecode, volgnummer: int
    ) -> None:
        """Set the gemeente's last generated klantnummer, as if that many had been given."""

    @pytest.fixture
    def repository(self) -> Iterator[KlantRepository]:
        repository = self.make_repository()
        yield repository
        repository.close()

    # --- transaction --------------------------------------------------------------

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

    # --- get, holder, klantnummer_holder ------------------------------------------------

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

    # --- next_klantnummers ----------------------------------------------------------------

    def test_klantnummers_start_at_00000001(self, repository: KlantRepository) -> None:
        assert ["00000001"] == repository.next_klantnummers(AMSTERDAM)

    def test_next_klantnummers_gives_as_many_as_asked_in_sequence(
        self, repository: KlantRepository
    ) -> None:
        assert ["00000001", "00000002", "00000003"] == repository.next_klantnummers(AMSTERDAM, 3)

    def test_next_klantnummers_continues_where_the_last_call_ended(
        self, repository: KlantRepository
    ) -> None:
        repository.next_klantnummers(AMSTERDAM, 2)

        assert ["00000003"] == repository.next_klantnummers(AMSTERDAM)

    def test_next_klantnummers_counts_per_gemeente(self, repository: KlantRepository) -> None:
        repository.next_klantnummers(AMSTERDAM, 5)

        assert ["00000001"] == repository.next_klantnummers(ROTTERDAM)

    def test_next_klantnummers_skips_numbers_already_taken(
        self, repository: KlantRepository
    ) -> None:
        repository.add_many([klant("00000002"), klant("00000003")])

        assert ["00000001", "00000004"] == repository.next_klantnummers(AMSTERDAM, 2)

    def test_next_klantnummers_skips_only_numbers_taken_in_the_same_gemeente(
        self, repository: KlantRepository
    ) -> None:
        repository.add(klant("00000001", gemeente=ROTTERDAM))

        assert ["00000001"] == repository.next_klantnummers(AMSTERDAM)

    def test_next_klantnummers_does_not_give_a_number_again_once_its_klant_is_gone(
        self, repository: KlantRepository
    ) -> None:
        a = klant(repository.next_klantnummers(AMSTERDAM)[0])
        repository.add(a)
        repository.remove(a)

        assert ["00000002"] == repository.next_klantnummers(AMSTERDAM)

    def test_the_last_klantnummer_given_is_99999999(self, repository: KlantRepository) -> None:
        self.zet_volgnummer(repository, AMSTERDAM, LAATSTE_VOLGNUMMER - 1)

        assert ["99999999"] == repository.next_klantnummers(AMSTERDAM)

    def test_next_klantnummers_is_refused_when_the_gemeente_has_used_them_up(
        self, repository: KlantRepository
    ) -> None:
        self.zet_volgnummer(repository, AMSTERDAM, LAATSTE_VOLGNUMMER)

        with pytest.raises(KlantregisterError, match="klantnummers"):
            repository.next_klantnummers(AMSTERDAM)

    def test_next_klantnummers_is_refused_when_fewer_are_left_than_asked(
        self, repository: KlantRepository
    ) -> None:
        self.zet_volgnummer(repository, AMSTERDAM, LAATSTE_VOLGNUMMER - 1)

        with pytest.raises(KlantregisterError, match="klantnummers"):
            repository.next_klantnummers(AMSTERDAM, 2)

    def test_a_refused_next_klantnummers_takes_no_number(self, repository: KlantRepository) -> None:
        self.zet_volgnummer(repository, AMSTERDAM, LAATSTE_VOLGNUMMER - 1)
        with pytest.raises(KlantregisterError):
            repository.next_klantnummers(AMSTERDAM, 2)

        assert ["99999999"] == repository.next_klantnummers(AMSTERDAM)

    def test_the_last_free_klantnummer_is_found_past_a_taken_one(
        self, repository: KlantRepository
    ) -> None:
        self.zet_volgnummer(repository, AMSTERDAM, LAATSTE_VOLGNUMMER - 2)
        repository.add(klant("99999998"))

        assert ["99999999"] == repository.next_klantnummers(AMSTERDAM)

    def test_a_gemeente_whose_only_free_number_is_taken_has_used_them_up(
        self, repository: KlantRepository
    ) -> None:
        self.zet_volgnummer(repository, AMSTERDAM, LAATSTE_VOLGNUMMER - 1)
        repository.add(klant("99999999"))

        with pytest.raises(KlantregisterError, match="klantnummers"):
            repository.next_klantnummers(AMSTERDAM)

    def test_another_gemeente_still_gets_klantnummers_when_one_has_used_them_up(
        self, repository: KlantRepository
    ) -> None:
        self.zet_volgnummer(repository, AMSTERDAM, LAATSTE_VOLGNUMMER)

        assert ["00000001"] == repository.next_klantnummers(ROTTERDAM)

    # --- add ------------------------------------------------------------------------------

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

    # --- replace --------------------------------------------------------------------------

    def test_replace_keeps_the_klants_place_in_the_order_of_registration(
        self, repository: KlantRepository
    ) -> None:
        a, b = klant("A"), klant("B")
        repository.add_many([a, b])
        nieuw = gewijzigd(a, klantgegevens=Klantgegevens(voornaam="Anna"))

        repository.replace(a, nieuw)

        assert [nieuw, b] == list(repository)

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

    # --- remove ---------------------------------------------------------------------------

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

    # --- len, iter, in, gemeenten -------------------------------------------------------

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


EEN_KLANT = klant("A")

#: Each method of the port, called on a closed repository.
NA_SLUITEN: list[tuple[str, Callable[[KlantRepository], object]]] = [
    ("transaction", lambda r: r.transaction().__enter__()),
    ("get", lambda r: r.get(uuid.uuid4())),
    ("holder", lambda r: r.holder(AMSTERDAM, Bsn(BSN))),
    ("klantnummer_holder", lambda r: r.klantnummer_holder(AMSTERDAM, "A")),
    ("find", lambda r: r.find(AMSTERDAM, KvkNummer(KVK))),
    ("next_klantnummers", lambda r: r.next_klantnummers(AMSTERDAM)),
    ("add", lambda r: r.add(klant("A"))),
    ("add_many", lambda r: r.add_many([klant("A")])),
    ("replace", lambda r: r.replace(EEN_KLANT, gewijzigd(EEN_KLANT))),
    ("remove", lambda r: r.remove(klant("A"))),
    ("len", len),
    ("iter", lambda r: next(iter(r), None)),
    ("contains", lambda r: uuid.uuid4() in r),
    ("gemeenten", lambda r: r.gemeenten()),
]


class SqlRepositoryContract(RepositoryContract):
    """What a repository on a database connection does besides: it closes."""

    @pytest.mark.parametrize(
        "gebruik", [pytest.param(gebruik, id=naam) for naam, gebruik in NA_SLUITEN]
    )
    def test_a_closed_repository_refuses_every_use_with_opslag_error(
        self, repository: KlantRepository, gebruik: Callable[[KlantRepository], object]
    ) -> None:
        repository.close()

        with pytest.raises(OpslagError) as fout:
            gebruik(repository)

        assert (OpslagError, None) == (type(fout.value), fout.value.__context__)

    def test_a_klant_removed_in_a_failed_transaction_keeps_its_place_in_the_order(
        self, repository: KlantRepository
    ) -> None:
        # The memory repository puts such a klant back last (see MemoryRepository._zet_terug).
        klanten = [klant("A"), klant("B"), klant("C")]
        repository.add_many(klanten)

        with pytest.raises(Afgebroken):
            mislukte_transactie(repository, lambda: repository.remove(klanten[1]))

        assert klanten == list(repository)

    def test_closing_keeps_what_was_stored(self, repository: KlantRepository) -> None:
        a = klant("A", persoon(bsn=BSN))
        repository.add(a)
        repository.close()

        with contextlib.closing(self.make_repository()) as weer_geopend:
            assert [a] == list(weer_geopend)
