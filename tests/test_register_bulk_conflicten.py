"""The bulk path's conflicts: found before anything is written, so that only the
conflicting registraties are refused and the others go in one round trip; on PostgreSQL
no unique violation reaches the server's log (with the BSN in it), no driver error is
chained to the library's, and two bulk loads of the same persons never deadlock."""

from __future__ import annotations

import contextlib
import multiprocessing
import traceback
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemachtigd import als
from klantregister import (
    Authenticatie,
    Identificatie,
    KardinaliteitError,
    Klant,
    KlantBestaatAlError,
    KlantnummerInGebruikError,
    KlantRegister,
    KlantregisterError,
    MemoryRepository,
    PostgresRepository,
    Registratie,
)

AMSTERDAM = "0363"
DIGID = Authenticatie("substantieel", "DigiD")
BSNS = ["111222333", "123456782", "010000008", "100000009", "999993653"]
IDS = [uuid.UUID(int=n) for n in range(1, 6)]


def persoon(bsn: str, **argumenten: Any) -> Registratie:
    return Registratie(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=bsn),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=bsn), DIGID),
        **argumenten,
    )


class _Teller(MemoryRepository):
    """A memory repository that counts its writes."""

    def __init__(self) -> None:
        super().__init__()
        self.schrijfbeurten: list[tuple[str, int]] = []

    def add(self, klant: Klant) -> None:
        self.schrijfbeurten.append(("add", 1))
        super().add(klant)

    def add_many(self, klanten: Sequence[Klant]) -> None:
        self.schrijfbeurten.append(("add_many", len(klanten)))
        super().add_many(klanten)


@pytest.mark.unit
def test_a_batch_with_conflicts_writes_the_others_in_one_round_trip_not_one_by_one() -> None:
    opslag = _Teller()
    register = KlantRegister(opslag)
    anna = register.registreer(
        AMSTERDAM,
        None,
        Identificatie.natuurlijk_persoon(bsn=BSNS[0]),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSNS[0]), DIGID),
    )
    bram = register.registreer(AMSTERDAM, klantnummer="K9", id=IDS[4])
    opslag.schrijfbeurten.clear()

    resultaat = register.registreer_alle(
        [
            persoon(BSNS[1]),
            persoon(BSNS[0]),  # Anna's BSN
            persoon(BSNS[2], klantnummer="K9"),  # Bram's klantnummer
            persoon(BSNS[3], id=IDS[4]),  # Bram's id
            persoon(BSNS[1]),  # the first one's BSN, in the same batch
            persoon(BSNS[4]),
        ]
    )

    # The first write meets the conflicts and is rolled back; the second holds the others.
    assert [("add_many", 6), ("add_many", 2)] == opslag.schrijfbeurten
    assert [
        (1, KardinaliteitError, anna.id),
        (2, KlantnummerInGebruikError, bram.id),
        (3, KlantBestaatAlError, bram.id),
        (4, KardinaliteitError, resultaat.geregistreerd[0].id),
    ] == [(p, type(f), getattr(f, "klant_id", None)) for p, f in resultaat.geweigerd]


def test_refused_registraties_take_no_generated_klantnummer(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    register.registreer(
        AMSTERDAM,
        None,
        Identificatie.natuurlijk_persoon(bsn=BSNS[0]),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSNS[0]), DIGID),
    )

    resultaat = register.registreer_alle([persoon(BSNS[1]), persoon(BSNS[0]), persoon(BSNS[2])])

    assert ["00000002", "00000003"] == [k.klantnummer for k in resultaat.geregistreerd]


# The registraties a model register refuses and stores, one registreer at a time.
registraties = st.lists(
    st.builds(
        lambda bsn, nummer, klant_id: persoon(bsn, klantnummer=nummer, id=klant_id),
        st.sampled_from(BSNS),
        st.none() | st.sampled_from(["K1", "K2", "K3"]),
        st.none() | st.sampled_from(IDS),
    ),
    max_size=12,
)


def _een_voor_een(register: KlantRegister, lijst: list[Registratie]) -> list[tuple[int, str]]:
    uitkomst = []
    for positie, r in enumerate(lijst):
        try:
            register.registreer(
                r.gemeente,
                r.klantgegevens,
                r.identificatie,
                authenticatie=als(r.identificatie, r.authenticatie),
                klantnummer=r.klantnummer,
                id=r.id,
            )
        except KlantregisterError as fout:
            uitkomst.append((positie, type(fout).__name__))
    return uitkomst


@pytest.mark.unit
@given(eerder=registraties, lijst=registraties, batchgrootte=st.integers(1, 5))
def test_the_bulk_path_refuses_exactly_what_one_registreer_at_a_time_refuses(
    eerder: list[Registratie], lijst: list[Registratie], batchgrootte: int
) -> None:
    model, bulk = KlantRegister(), KlantRegister()
    for register in (model, bulk):
        _een_voor_een(register, eerder)

    verwacht = _een_voor_een(model, lijst)
    resultaat = bulk.registreer_alle(lijst, batchgrootte=batchgrootte)

    assert verwacht == [(p, type(f).__name__) for p, f in resultaat.geweigerd]
    assert sorted((k.klantnummer, k.identificatie) for k in model) == sorted(
        (k.klantnummer, k.identificatie) for k in bulk
    )


# --- PostgreSQL: its log, its errors, two loads at once ------------------------------------


def _serverlog(postgres_url: str) -> Path:
    """The log of the server .ci/postgres.sh started: beside its socket directory."""
    (socket,) = parse_qs(urlparse(postgres_url).query)["host"]
    log = Path(socket) / "server.log"
    assert log.is_file(), f"geen serverlog in {socket}: start de server met .ci/postgres.sh"
    return log


def _keten(fout: BaseException) -> list[BaseException]:
    keten: list[BaseException] = []
    huidig: BaseException | None = fout
    while huidig is not None and huidig not in keten:
        keten.append(huidig)
        huidig = huidig.__cause__ or huidig.__context__
    return keten


@pytest.mark.storage
def test_postgresql_logs_no_bsn_and_chains_no_driver_error_for_refused_klanten(
    postgres_url: str, postgres_schema_url: str
) -> None:
    log = _serverlog(postgres_url)
    begin = log.stat().st_size
    fouten: list[KlantregisterError] = []
    with KlantRegister.open(postgres_schema_url) as register:
        eerste = register.registreer(
            AMSTERDAM,
            None,
            Identificatie.natuurlijk_persoon(bsn=BSNS[0]),
            authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSNS[0]), DIGID),
        )
        tweede = register.registreer(
            AMSTERDAM,
            None,
            Identificatie.natuurlijk_persoon(bsn=BSNS[1]),
            authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSNS[1]), DIGID),
        )
        pogingen: list[Callable[[], object]] = [
            lambda: register.registreer(
                AMSTERDAM,
                None,
                Identificatie.natuurlijk_persoon(bsn=BSNS[0]),
                authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSNS[0]), DIGID),
            ),
            lambda: register.registreer(AMSTERDAM, id=eerste.id),
            lambda: register.registreer(AMSTERDAM, klantnummer=eerste.klantnummer),
            lambda: register.corrigeer_identificatie(
                tweede.id,
                Identificatie.natuurlijk_persoon(bsn=BSNS[0]),
                authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSNS[0]), DIGID),
            ),
        ]
        for poging in pogingen:
            with pytest.raises(KlantregisterError) as fout:
                poging()
            fouten.append(fout.value)
        resultaat = register.registreer_alle([persoon(BSNS[0]), persoon(BSNS[2]), persoon(BSNS[2])])
        fouten += [fout for _, fout in resultaat.geweigerd]
    # The repository's own check, without the register's in front (as a racing process
    # meets it): the same BSN again, the same id again.
    with contextlib.closing(PostgresRepository(postgres_schema_url)) as opslag:
        for klanten in (
            [
                Klant(
                    uuid.uuid4(),
                    AMSTERDAM,
                    "X1",
                    None,
                    Identificatie.natuurlijk_persoon(bsn=BSNS[0]),
                )
            ],
            [Klant(eerste.id, AMSTERDAM, "X2")],
        ):
            with pytest.raises(KlantregisterError) as fout:
                opslag.add_many(klanten)
            fouten.append(fout.value)

    geschreven = log.read_bytes()[begin:].decode("utf-8", "replace")
    assert 8 == len(fouten)
    assert [] == [
        regel for regel in geschreven.splitlines() if BSNS[0] in regel or "duplicate key" in regel
    ]
    assert [] == [
        type(schakel).__module__
        for fout in fouten
        for schakel in _keten(fout)
        if type(schakel).__module__.startswith("psycopg")
    ]
    assert not any(BSNS[0] in "".join(traceback.format_exception(fout)) for fout in fouten)


def _bsn(n: int) -> str | None:
    """The BSN whose first eight digits are ``n``, if its 11-proef allows one."""
    eerste = f"{n:08d}"
    controle = sum(g * int(c) for g, c in zip(range(9, 1, -1), eerste, strict=True)) % 11
    return None if controle == 10 else eerste + str(controle)


def _laad(url: str, bsns: list[str], start: Any, wachtrij: Any) -> None:
    try:
        with KlantRegister.open(url) as register:
            start.wait(timeout=60)  # both processes write at once
            # One batch each: every key of one is a key of the other, written in opposite order.
            resultaat = register.registreer_alle(
                (persoon(bsn, klantnummer=f"K{bsn}") for bsn in bsns), batchgrootte=25000
            )
        wachtrij.put(("klaar", len(resultaat.geregistreerd), len(resultaat.geweigerd)))
    except BaseException as fout:  # reported to the test, whatever it is
        wachtrij.put(("fout", repr(fout), 0))


@pytest.mark.process
def test_two_bulk_loads_of_the_same_persons_in_opposite_order_both_finish(
    postgres_schema_url: str,
) -> None:
    bsns = sorted(bsn for n in range(1, 22000) if (bsn := _bsn(n)) is not None)
    KlantRegister.open(postgres_schema_url).close()  # the schema, before both start
    context = multiprocessing.get_context("spawn")
    wachtrij, start = context.Queue(), context.Barrier(2)
    processen = [
        context.Process(target=_laad, args=(postgres_schema_url, volgorde, start, wachtrij))
        for volgorde in (bsns, bsns[::-1])
    ]
    for proces in processen:
        proces.start()
    uitkomsten = [wachtrij.get(timeout=120) for _ in processen]
    for proces in processen:
        proces.join(timeout=60)

    with KlantRegister.open(postgres_schema_url) as register:
        gehouden = sorted(
            k.identificatie.bsn.waarde for k in register if k.identificatie and k.identificatie.bsn
        )
    assert ["klaar", "klaar"] == [u[0] for u in uitkomsten], uitkomsten
    assert (len(bsns), bsns) == (sum(int(u[1]) for u in uitkomsten), gehouden)
