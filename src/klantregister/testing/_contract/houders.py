"""``holders_many``, the bulk path's question before it writes: which of these ids,
klantnummers and natural-person keys are held, and by whom.

An optional method of a repository: the register asks it, when it is there, so that a
batch's conflicts refuse their registraties before anything is written. Its answer must
be exactly what ``get``, ``klantnummer_holder`` and ``holder`` say one at a time.
"""

from __future__ import annotations

import uuid

from klantregister.domain import ANummer, Bsn, KvkNummer, SubjectUrl
from klantregister.register import KlantRepository
from klantregister.testing._contract.base import (
    A_NUMMER,
    AMSTERDAM,
    ANDER_BSN,
    BRP_URL,
    BSN,
    KVK,
    PAPIEREN,
    ROTTERDAM,
    ContractBase,
    bedrijf,
    klant,
    persoon,
)


class HoldersManyContract(ContractBase):
    """``holders_many(ids, klantnummers, sleutels)``: the held ones of each, in a few queries."""

    def test_nothing_asked_is_nothing_held(self, repository: KlantRepository) -> None:
        repository.add(klant("A", persoon(bsn=BSN)))

        assert (set(), {}, {}) == repository.holders_many([], [], [])  # type: ignore[attr-defined]

    def test_each_held_value_is_given_with_its_holder_and_the_others_left_out(
        self, repository: KlantRepository
    ) -> None:
        a = klant("A", persoon(bsn=BSN, a_nummer=A_NUMMER, buitenlands=PAPIEREN))
        b = klant("B", persoon(subject_url=BRP_URL), gemeente=ROTTERDAM)
        repository.add_many([a, b])
        vreemd = uuid.uuid4()

        ids, nummers, sleutels = repository.holders_many(  # type: ignore[attr-defined]
            [a.id, vreemd, b.id],
            [(AMSTERDAM, "A"), (AMSTERDAM, "B"), (ROTTERDAM, "B"), (ROTTERDAM, "A")],
            [
                (AMSTERDAM, Bsn(BSN)),
                (AMSTERDAM, ANummer(A_NUMMER)),
                (AMSTERDAM, PAPIEREN),
                (ROTTERDAM, Bsn(BSN)),
                (AMSTERDAM, Bsn(ANDER_BSN)),
                (ROTTERDAM, SubjectUrl(BRP_URL)),
                (AMSTERDAM, SubjectUrl(BRP_URL)),
            ],
        )

        assert (
            {a.id, b.id},
            {(AMSTERDAM, "A"): a.id, (ROTTERDAM, "B"): b.id},
            {
                (AMSTERDAM, Bsn(BSN)): a.id,
                (AMSTERDAM, ANummer(A_NUMMER)): a.id,
                (AMSTERDAM, PAPIEREN): a.id,
                (ROTTERDAM, SubjectUrl(BRP_URL)): b.id,
            },
        ) == (ids, nummers, sleutels)

    def test_an_organisations_keys_are_held_by_no_one_alone(
        self, repository: KlantRepository
    ) -> None:
        repository.add(klant("A", bedrijf(kvk_nummer=KVK)))

        _, _, sleutels = repository.holders_many(  # type: ignore[attr-defined]
            [], [], [(AMSTERDAM, KvkNummer(KVK))]
        )

        assert {} == sleutels

    def test_many_values_are_answered_as_one_at_a_time(self, repository: KlantRepository) -> None:
        # More than one query's worth of values, held and not held interleaved.
        klanten = [klant(f"K{n}") for n in range(0, 2500, 2)]
        repository.add_many(klanten)
        gevraagd = [(AMSTERDAM, f"K{n}") for n in range(2500)]
        ids = [k.id for k in klanten] + [uuid.uuid4() for _ in range(1000)]

        gevonden_ids, nummers, _ = repository.holders_many(ids, gevraagd, [])  # type: ignore[attr-defined]

        assert (
            {k.id for k in klanten},
            {(AMSTERDAM, k.klantnummer): k.id for k in klanten},
        ) == (gevonden_ids, nummers)

    def test_holders_many_sees_the_writes_of_its_own_transaction(
        self, repository: KlantRepository
    ) -> None:
        a = klant("A", persoon(bsn=BSN))
        with repository.transaction():
            repository.add(a)
            _, _, sleutels = repository.holders_many(  # type: ignore[attr-defined]
                [], [], [(AMSTERDAM, Bsn(BSN))]
            )

        assert {(AMSTERDAM, Bsn(BSN)): a.id} == sleutels
