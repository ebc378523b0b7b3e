"""PostgreSQL's registreer path in one statement (``add_with_next_klantnummer``): the
counter and the klant's rows together, and what a conflict leaves (nothing, the counter
included)."""

from __future__ import annotations

import contextlib
import uuid

import pytest

from gemachtigd import als
from klantregister import (
    Authenticatie,
    Gemeentecode,
    Identificatie,
    KardinaliteitError,
    Klant,
    KlantBestaatAlError,
    KlantRegister,
    KlantregisterError,
    PostgresRepository,
)
from klantregister.domain import klok01

pytestmark = pytest.mark.storage

AMSTERDAM = "0363"
DIGID = Authenticatie("substantieel", "DigiD")
BSN = "111222333"


def _teller(url: str) -> int | None:
    import psycopg  # noqa: PLC0415 - only with the server

    with psycopg.connect(url) as verbinding:
        rij = verbinding.execute(
            "SELECT volgnummer FROM klantnummerteller WHERE gemeente = %s", (AMSTERDAM,)
        ).fetchone()
    return None if rij is None else int(rij[0])


def test_refusals_leave_the_counter_as_it_was(postgres_schema_url: str) -> None:
    with KlantRegister.open(postgres_schema_url) as register:
        eerste = register.registreer(
            AMSTERDAM,
            None,
            Identificatie.natuurlijk_persoon(bsn=BSN),
            authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSN), DIGID),
        )
        with pytest.raises(KardinaliteitError):
            register.registreer(
                AMSTERDAM,
                None,
                Identificatie.natuurlijk_persoon(bsn=BSN),
                authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSN), DIGID),
            )
        with pytest.raises(KlantBestaatAlError):
            register.registreer(AMSTERDAM, id=eerste.id)
        teller = _teller(postgres_schema_url)
        tweede = register.registreer(AMSTERDAM)

    assert (1, ["00000001", "00000002"], 1) == (
        teller,
        [eerste.klantnummer, tweede.klantnummer],
        len([k for k in (eerste, tweede) if k.identificatie is not None]),
    )


def test_a_number_a_caller_chose_is_passed_over(postgres_schema_url: str) -> None:
    with KlantRegister.open(postgres_schema_url) as register:
        register.registreer(AMSTERDAM, klantnummer="00000002")
        nummers = [register.registreer(AMSTERDAM).klantnummer for _ in range(3)]

    assert ["00000001", "00000003", "00000004"] == nummers


def test_the_number_taken_is_answered_with_none_and_nothing_stored(
    postgres_schema_url: str,
) -> None:
    with contextlib.closing(PostgresRepository(postgres_schema_url)) as opslag:
        gekozen = Klant(uuid.uuid4(), AMSTERDAM, "00000001")
        opslag.add(gekozen)
        ontwerp = Klant(uuid.uuid4(), AMSTERDAM, "ONTWERP")

        uitkomst = opslag.add_with_next_klantnummer(ontwerp)

        assert (None, [gekozen], 1) == (uitkomst, list(opslag), _teller(postgres_schema_url))


def test_a_gemeente_out_of_numbers_is_refused_and_its_counter_left(
    postgres_schema_url: str,
) -> None:
    import psycopg  # noqa: PLC0415 - only with the server

    with KlantRegister.open(postgres_schema_url) as register:
        register.registreer(AMSTERDAM)
        with psycopg.connect(postgres_schema_url, autocommit=True) as verbinding:
            verbinding.execute(
                "UPDATE klantnummerteller SET volgnummer = %s", (klok01.MAX_VOLGNUMMER,)
            )
        with pytest.raises(KlantregisterError, match="klantnummers"):
            register.registreer(AMSTERDAM)
        gegeven = register.registreer(AMSTERDAM, klantnummer="K1")
        aantal = len(register)

    assert (klok01.MAX_VOLGNUMMER, "K1", 2) == (
        _teller(postgres_schema_url),
        gegeven.klantnummer,
        aantal,
    )


def test_the_klant_comes_back_as_stored_with_its_generated_number(
    postgres_schema_url: str,
) -> None:
    with contextlib.closing(PostgresRepository(postgres_schema_url)) as opslag:
        ontwerp = Klant(
            uuid.uuid4(),
            Gemeentecode(AMSTERDAM),
            "ONTWERP",
            identificatie=Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"),
        )

        opgeslagen = opslag.add_with_next_klantnummer(ontwerp)

        assert opgeslagen is not None
        assert ("00000001", [opgeslagen]) == (opgeslagen.klantnummer, list(opslag))
