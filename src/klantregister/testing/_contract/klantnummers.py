"""Klantnummers: ``next_klantnummers`` counts per gemeente, skips taken numbers, and ends."""

from __future__ import annotations

import pytest

from klantregister.domain import (
    KlantregisterError,
)
from klantregister.register import KlantRepository
from klantregister.testing._contract.base import (
    AMSTERDAM,
    LAATSTE_VOLGNUMMER,
    ROTTERDAM,
    ContractBase,
    klant,
)


class KlantnummerContract(ContractBase):
    """``next_klantnummers``: in sequence per gemeente, never a taken number, up to 99999999."""

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
