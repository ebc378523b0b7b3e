"""The SQL schema from one source (``storage/schema.py``), as each real database holds it;
and an SQL repository left open warns when it is collected."""

from __future__ import annotations

import contextlib
import gc
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

from klantregister import (
    Gemeentecode,
    Identificatie,
    Kenmerken,
    Klant,
    Klantgegevens,
    OpslagError,
    Overname,
    PostgresRepository,
    SqliteRepository,
)
from klantregister.domain import NUMMERSOORTEN, klok01
from klantregister.storage.schema import KLANT_KOLOMMEN, SCHEMA_VERSIE, TABELLEN

pytestmark = pytest.mark.storage

KOLOMMEN = ["volgorde", *(kolom.strip() for kolom in KLANT_KOLOMMEN.split(","))]
#: The widths PostgreSQL must enforce, from the domain: each number's length, the klantnummer's.
BREEDTES = {
    "gemeente": Gemeentecode.LENGTE,
    "klantnummer": klok01.MAX_KLANTNUMMER,
    "buitenlands_land": 2,
    **{soort.sleutel: soort.klasse.LENGTE for soort in NUMMERSOORTEN},  # type: ignore[union-attr]
}


def test_a_new_sqlite_file_has_every_table_and_the_klant_columns_in_order(tmp_path: Path) -> None:
    pad = tmp_path / "klanten.db"
    SqliteRepository(pad).close()
    with contextlib.closing(sqlite3.connect(pad)) as verbinding:
        tabellen = {r[0] for r in verbinding.execute("SELECT name FROM sqlite_master")}
        kolommen = [r[1] for r in verbinding.execute("PRAGMA table_info(klant)")]
    assert (True, KOLOMMEN) == ({"klantregister_schema", *TABELLEN} <= tabellen, kolommen)


def test_a_new_postgresql_schema_has_the_columns_with_the_domains_widths(
    postgres_schema_url: str,
) -> None:
    import psycopg  # noqa: PLC0415 - only with the server

    PostgresRepository(postgres_schema_url).close()
    with psycopg.connect(postgres_schema_url) as verbinding:
        rijen = verbinding.execute(
            "SELECT column_name, character_maximum_length FROM information_schema.columns "
            "WHERE table_name = 'klant' AND table_schema = current_schema() "
            "ORDER BY ordinal_position"
        ).fetchall()
    assert (KOLOMMEN, BREEDTES) == (
        [naam for naam, _ in rijen],
        {naam: breedte for naam, breedte in rijen if naam in BREEDTES},
    )


def test_postgresql_refuses_a_bsn_column_value_longer_than_a_bsn(
    postgres_schema_url: str,
) -> None:
    # The width is a constraint of the database itself, not only of the value objects.
    import psycopg  # noqa: PLC0415

    PostgresRepository(postgres_schema_url).close()
    with (
        psycopg.connect(postgres_schema_url) as verbinding,
        pytest.raises(psycopg.errors.StringDataRightTruncation),
    ):
        verbinding.execute(
            "INSERT INTO klant (id, gemeente, klantnummer, versie, klantgegevens, soort, bsn) "
            "VALUES (gen_random_uuid(), '0363', 'K1', 1, '{}', 'natuurlijk_persoon', %s)",
            ("1" * (BREEDTES["bsn"] + 1),),
        )


def test_a_sqlite_repository_collected_while_open_warns_with_resource_warning(
    tmp_path: Path,
) -> None:
    repository = SqliteRepository(tmp_path / "klanten.db")
    with pytest.warns(ResourceWarning, match="niet gesloten"):
        del repository  # the last reference: collected at once


def test_a_postgresql_repository_collected_while_open_warns_with_resource_warning(
    postgres_schema_url: str,
) -> None:
    repository = PostgresRepository(postgres_schema_url)
    with pytest.warns(ResourceWarning, match="niet gesloten"):
        del repository  # the last reference: collected at once


def test_a_closed_repository_is_collected_without_a_warning(tmp_path: Path) -> None:
    import warnings  # noqa: PLC0415

    repository = SqliteRepository(tmp_path / "klanten.db")
    repository.close()
    with warnings.catch_warnings(record=True) as gevangen:
        warnings.simplefilter("always")
        del repository
        gc.collect()
    assert [] == [w for w in gevangen if issubclass(w.category, ResourceWarning)]


def test_a_file_refused_as_no_klantregister_database_leaves_no_warning(tmp_path: Path) -> None:
    import warnings  # noqa: PLC0415

    pad = tmp_path / "vreemd.db"
    with contextlib.closing(sqlite3.connect(pad)) as verbinding:
        verbinding.execute("CREATE TABLE iets (x)")
    with warnings.catch_warnings(record=True) as gevangen:
        warnings.simplefilter("always")
        with pytest.raises(Exception, match="geen klantregister-database"):
            SqliteRepository(pad)
        gc.collect()
    assert [] == [w for w in gevangen if issubclass(w.category, ResourceWarning)]


# --- upgrading an older schema -------------------------------------------------------

BRON = "https://klanten.example.nl/api/v1/klanten/3c2f8a4e-1b7d-4c55-9a0e-5f1d2c3b4a59"
SUBJECT = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/111222333"


#: What each older version lacks of the next (the columns ``opwaarderingen`` adds).
_LATER = {
    1: ["bron"],
    2: ["subject_url", "partijsoort", "actief", "geheimhouding", "werkt_voor"],
    3: ["herkomst", "geregistreerd_op", "bewaren_tot"],
}
#: The tables each older version lacks of the next.
_LATERE_TABELLEN = {3: ["verwerking", "klantregister_logsleutel", "zoeksleutel", "samengevoegd"]}
#: The indexes on klant columns each older version lacks (dropped before their columns).
_LATERE_INDEXEN = {3: ["klant_bewaren_tot", "klant_geregistreerd_op"]}


def _als_versie(voer_uit: Any, versie: int, *, postgresql: bool = False) -> None:
    """Make a current database what ``versie`` created: ``klant`` without the columns of
    later versions, and on PostgreSQL version 1's klantnummer of at most 8."""
    for later in range(SCHEMA_VERSIE - 1, versie - 1, -1):
        for index in _LATERE_INDEXEN.get(later, []):
            voer_uit(f"DROP INDEX {index}")
        for kolom in reversed(_LATER[later]):
            voer_uit(f"ALTER TABLE klant DROP COLUMN {kolom}")
        for tabel in _LATERE_TABELLEN.get(later, []):
            voer_uit(f"DROP TABLE {tabel}")
    if postgresql and versie == 1:
        voer_uit("ALTER TABLE klant ALTER COLUMN klantnummer TYPE varchar(8)")
    voer_uit(f"UPDATE klantregister_schema SET versie = {int(versie)}")  # noqa: S608 - a number


def _oud() -> Klant:
    """An aangehaakte klant stored by a version that kept no herkomst: it reads as None."""
    return Klant(
        uuid.uuid4(),
        "0363",
        "K1",
        Klantgegevens(voornaam="Anna", achternaam="Çelik"),
        Identificatie.natuurlijk_persoon(bsn="123456782"),
    )


#: What finds the klant of _oud by its contact data, once the upgrade made its search keys.
ACHTERNAAM = [("achternaam", "çelik")]


#: A klant of the current version, with everything the later columns hold.
def _nieuw() -> Klant:
    return Klant(
        uuid.uuid4(),
        "0363",
        "K2",
        identificatie=Identificatie.natuurlijk_persoon(subject_url=SUBJECT),
        bron=BRON,
        kenmerken=Kenmerken("contactpersoon", False, True, uuid.uuid4()),
        herkomst=Overname(BRON, oorspronkelijk_niveau="substantieel", toelichting="migratie"),
    )


@pytest.mark.parametrize("versie", range(1, SCHEMA_VERSIE))
def test_a_sqlite_file_of_an_older_schema_version_is_upgraded_when_opened(
    tmp_path: Path, versie: int
) -> None:
    pad = tmp_path / "klanten.db"
    with contextlib.closing(SqliteRepository(pad)) as repository:
        oud = _oud()
        repository.add(oud)
    with contextlib.closing(sqlite3.connect(pad)) as verbinding, verbinding:
        _als_versie(verbinding.execute, versie)

    with contextlib.closing(SqliteRepository(pad)) as repository:
        nieuw = _nieuw()
        repository.add(nieuw)
        klanten = list(repository)
        assert [oud] == repository.find_by_gegevens(oud.gemeente, ACHTERNAAM)
    with contextlib.closing(sqlite3.connect(pad)) as verbinding:
        schemaversie = verbinding.execute("SELECT versie FROM klantregister_schema").fetchall()
        kolommen = [r[1] for r in verbinding.execute("PRAGMA table_info(klant)")]
    assert ([oud, nieuw], [(SCHEMA_VERSIE,)], KOLOMMEN) == (klanten, schemaversie, kolommen)


@pytest.mark.parametrize("versie", range(1, SCHEMA_VERSIE))
def test_a_postgresql_schema_of_an_older_version_is_upgraded_when_opened(
    postgres_schema_url: str, versie: int
) -> None:
    import psycopg  # noqa: PLC0415 - only with the server

    with contextlib.closing(PostgresRepository(postgres_schema_url)) as repository:
        oud = _oud()
        repository.add(oud)
    with psycopg.connect(postgres_schema_url) as verbinding:
        _als_versie(verbinding.execute, versie, postgresql=True)

    with contextlib.closing(PostgresRepository(postgres_schema_url)) as repository:
        nieuw = _nieuw()
        repository.add(nieuw)
        klanten = list(repository)
        assert [oud] == repository.find_by_gegevens(oud.gemeente, ACHTERNAAM)
    with psycopg.connect(postgres_schema_url) as verbinding:
        schemaversie = verbinding.execute("SELECT versie FROM klantregister_schema").fetchall()
        kolommen = verbinding.execute(
            "SELECT column_name, character_maximum_length FROM information_schema.columns "
            "WHERE table_name = 'klant' AND table_schema = current_schema() "
            "ORDER BY ordinal_position"
        ).fetchall()
    assert ([oud, nieuw], [(SCHEMA_VERSIE,)], KOLOMMEN) == (
        klanten,
        schemaversie,
        [naam for naam, _ in kolommen],
    )
    # The widths a new schema has: a klantnummer of 10 (a Partij's nummer), a bron and a
    # subject URL of 1000.
    assert {"klantnummer": 10, "bron": 1000, "subject_url": 1000} == {
        naam: breedte
        for naam, breedte in kolommen
        if naam in {"klantnummer", "bron", "subject_url"}
    }


def test_a_sqlite_file_of_a_newer_schema_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    pad = tmp_path / "klanten.db"
    SqliteRepository(pad).close()
    with contextlib.closing(sqlite3.connect(pad)) as verbinding, verbinding:
        verbinding.execute("UPDATE klantregister_schema SET versie = ?", (SCHEMA_VERSIE + 1,))
    inhoud = pad.read_bytes()

    with pytest.raises(OpslagError, match=f"schemaversie {SCHEMA_VERSIE + 1}"):
        SqliteRepository(pad)

    assert inhoud == pad.read_bytes()


@pytest.mark.parametrize("versie", [0, -1, 1.5, "twee"])
def test_a_sqlite_file_with_a_schema_version_klantregister_never_wrote_is_refused(
    tmp_path: Path, versie: object
) -> None:
    pad = tmp_path / "klanten.db"
    SqliteRepository(pad).close()
    with contextlib.closing(sqlite3.connect(pad)) as verbinding, verbinding:
        verbinding.execute("UPDATE klantregister_schema SET versie = ?", (versie,))
    inhoud = pad.read_bytes()

    with pytest.raises(OpslagError, match="schemaversie"):
        SqliteRepository(pad)

    assert inhoud == pad.read_bytes()
