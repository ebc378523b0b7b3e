"""What a repository on a database connection promises besides: it closes for good."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable

import pytest

from klantregister.domain import Bsn, KvkNummer, OpslagError
from klantregister.register import KlantRepository
from klantregister.testing._contract.base import (
    AMSTERDAM,
    BSN,
    KVK,
    Afgebroken,
    gewijzigd,
    klant,
    mislukte_transactie,
    persoon,
)
from klantregister.testing._contract.repository import RepositoryContract

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
    """What a repository on a database connection does besides: it closes.

    Once closed it refuses every use with :class:`~klantregister.OpslagError`
    (not the driver's error), and what it stored is there when
    :meth:`make_repository` opens the storage again; a klant removed in a failed
    transaction keeps its place in the order of iteration.
    """

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
        # The memory repository keeps it too (tests/test_repository_memory.py); the general
        # contract does not ask it of every adapter.
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
