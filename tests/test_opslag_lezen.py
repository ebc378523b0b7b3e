"""Reading klanten back from SQLite and PostgreSQL: the fast path builds the klant that was
stored, equal to what the full path builds; a row that cannot be read is an OpslagError
naming the klant and what is wrong, never a BSN, and export then ends with exit status 3."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import (
    Adres,
    Identificatie,
    Kenmerken,
    Klant,
    Klantgegevens,
    KlantRepository,
    OpslagError,
    PostgresRepository,
    SqliteRepository,
)
from klantregister.cli import main
from klantregister.storage.rijen import klant_uit_rij_gecontroleerd, klant_uit_rij_vertrouwd
from klantregister.storage.schema import KLANT_KOLOMMEN
from klantregister.testing import klanten

pytestmark = pytest.mark.storage

BSN = "111222333"
BRONNEN = st.none() | st.from_regex(r"https://[a-z]{1,10}\.nl/[a-z0-9/]{0,20}", fullmatch=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def sql_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty SQLite file or PostgreSQL schema, in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'klanten.db'}"
    return str(request.getfixturevalue("postgres_schema_url"))


@pytest.fixture
def repository(sql_url: str) -> Iterator[KlantRepository]:
    if sql_url.startswith("sqlite:"):
        opslag: Any = SqliteRepository(sql_url.removeprefix("sqlite:///"))
    else:
        opslag = PostgresRepository(sql_url)
    yield opslag
    opslag.close()


def voer_uit(url: str, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run one statement on a connection of its own (``?`` placeholders), as a hand would."""
    if url.startswith("sqlite:"):
        with closing(sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)) as v:
            return v.execute(sql, parameters).fetchall()
    import psycopg  # noqa: PLC0415 - only with the server

    with psycopg.connect(url, autocommit=True) as verbinding:
        cursor = verbinding.execute(sql.replace("?", "%s"), parameters)
        return cursor.fetchall() if cursor.description is not None else []


def rij(url: str, klant_id: uuid.UUID) -> tuple[Any, ...]:
    sql = f"SELECT {KLANT_KOLOMMEN} FROM klant WHERE id = ?"  # noqa: S608 - constants
    (gevonden,) = voer_uit(url, sql, (str(klant_id),))
    return gevonden


# --- the fast path builds what the full path builds ------------------------------------


def test_a_klant_read_back_by_the_fast_path_is_the_klant_stored_and_the_one_the_full_path_builds(
    sql_url: str, repository: KlantRepository
) -> None:
    @given(klant=klanten(met_kenmerken=True), bron=BRONNEN)
    def rondgang(klant: Klant, bron: str | None) -> None:
        klant = attrs.evolve(klant, bron=bron)
        repository.add(klant)
        try:
            opgeslagen = rij(sql_url, klant.id)
            snel = klant_uit_rij_vertrouwd(opgeslagen)  # raises if the row were not as written
            assert (klant, klant) == (snel, klant_uit_rij_gecontroleerd(opgeslagen))
            assert klant == repository.get(klant.id)
        finally:
            repository.remove(klant)

    rondgang()


def test_a_zelfstandige_klant_without_klantgegevens_is_read_back_as_stored(
    repository: KlantRepository,
) -> None:
    klant = Klant(uuid.UUID(int=1), "0363", "K1")

    repository.add(klant)

    assert [klant] == list(repository)


def test_a_row_not_as_written_but_valid_is_read_the_full_way_and_normalised(
    sql_url: str, repository: KlantRepository
) -> None:
    klant = Klant(uuid.UUID(int=1), "0363", "K1", Klantgegevens(voornaam="An"))
    repository.add(klant)
    # A field given as null, and a huisnummer as text: the value objects take both.
    gegevens = '{"voornaam": "An", "achternaam": null, "adres": {"huisnummer": "3", "land": "NL"}}'
    voer_uit(sql_url, "UPDATE klant SET klantgegevens = ? WHERE id = ?", (gegevens, str(klant.id)))

    gelezen = repository.get(klant.id)

    assert Klantgegevens(voornaam="An", adres=Adres(huisnummer=3)) == (
        None if gelezen is None else gelezen.klantgegevens
    )


# --- a row that cannot be read ----------------------------------------------------------

KAPOT = [
    pytest.param("klantgegevens = '[1, 2]'", "klantgegevens", id="klantgegevens-geen-object"),
    pytest.param(
        f"""klantgegevens = '{{"telefoonnummer": {BSN}}}'""",
        "telefoonnummer",
        id="een-getal-als-tekst",
    ),
    pytest.param("""klantgegevens = '{"schoenmaat": "44"}'""", "schoenmaat", id="onbekend-veld"),
    pytest.param(
        """klantgegevens = '{"adres": {"huisnummer": "drie"}}'""",
        "adres.huisnummer",
        id="huisnummer",
    ),
    pytest.param(f"bsn = '{BSN[:-1]}X'", "bsn", id="bsn-geen-cijfers"),
    pytest.param("soort = 'niet_natuurlijk_persoon'", "regel 3", id="regel-3-soort"),
    pytest.param("partijsoort = 'organisatie'", "regel 3", id="regel-3-kenmerken"),
    pytest.param("klantnummer = ''", "klantnummer", id="leeg-klantnummer"),
    pytest.param("gemeente = '0000'", "gemeente", id="gemeente-nul"),
]


def _klant_met_bsn(repository: KlantRepository) -> Klant:
    klant = Klant(
        uuid.UUID(int=42),
        "0363",
        "K42",
        Klantgegevens(voornaam="An"),
        Identificatie.natuurlijk_persoon(bsn=BSN),
        kenmerken=Kenmerken("persoon"),
    )
    repository.add(klant)
    return klant


@pytest.mark.parametrize(("wijziging", "veld"), KAPOT)
def test_a_row_changed_by_hand_into_what_no_klant_holds_is_an_opslag_error_naming_the_klant(
    sql_url: str, repository: KlantRepository, wijziging: str, veld: str
) -> None:
    klant = _klant_met_bsn(repository)
    sql = f"UPDATE klant SET {wijziging} WHERE id = ?"  # noqa: S608 - the test's own
    voer_uit(sql_url, sql, (str(klant.id),))

    for lees in (lambda: repository.get(klant.id), lambda: list(repository)):
        with pytest.raises(OpslagError) as fout:
            lees()
        melding = str(fout.value)
        assert (True, True, False) == (
            f"klant {klant.id} is onleesbaar opgeslagen" in melding,
            veld in melding,
            BSN[:-1] in melding,
        ), melding
        # The driver's and the decoder's own errors are not chained to it.
        assert fout.value.__cause__ is None
        assert fout.value.__suppress_context__


def test_klantgegevens_that_are_no_json_are_an_opslag_error_saying_where_not_what(
    tmp_path: Path,
) -> None:
    # SQLite only: PostgreSQL's jsonb holds no text that is not JSON.
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    with closing(SqliteRepository(tmp_path / "klanten.db")) as repository:
        klant = _klant_met_bsn(repository)
        voer_uit(
            url, "UPDATE klant SET klantgegevens = ? WHERE id = ?", (f"{{{BSN}", str(klant.id))
        )

        with pytest.raises(OpslagError) as fout:
            repository.get(klant.id)

    assert f"klant {klant.id} is onleesbaar opgeslagen: klantgegevens is geen JSON (" in str(
        fout.value
    )
    assert BSN not in str(fout.value)


def test_an_id_that_is_no_uuid_is_named_masked(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    with closing(SqliteRepository(tmp_path / "klanten.db")) as repository:
        klant = _klant_met_bsn(repository)
        voer_uit(url, "UPDATE klant SET id = ? WHERE id = ?", (BSN, str(klant.id)))

        with pytest.raises(OpslagError) as fout:
            list(repository)

    assert "klant met id '******333' is onleesbaar opgeslagen: klant_id" in str(fout.value)


@pytest.mark.parametrize(
    "argumenten",
    [
        ["--format", "jsonl"],
        [
            "--format",
            "klanten_v1",
            "--bronorganisatie",
            "002220647",
            "--website-url",
            "https://a.nl",
        ],
        ["--format", "klantinteracties"],
    ],
)
def test_export_of_a_register_with_an_unreadable_row_writes_those_before_it_and_exits_3(
    sql_url: str,
    repository: KlantRepository,
    argumenten: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    eerste = Klant(
        uuid.UUID(int=1),
        "0363",
        "1",
        Klantgegevens(achternaam="Jansen"),
        Identificatie.natuurlijk_persoon(bsn="123456782"),
    )
    repository.add(eerste)
    klant = _klant_met_bsn(repository)
    repository.add(Klant(uuid.UUID(int=3), "0363", "K3"))
    voer_uit(sql_url, "UPDATE klant SET klantnummer = '' WHERE id = ?", (str(klant.id),))

    status = main(["export", "--from", sql_url, *argumenten])

    uit, fouten = capsys.readouterr()
    assert (3, 1) == (status, len(uit.splitlines())), fouten
    assert fouten.startswith(f"klantregister: opslag: klant {klant.id} is onleesbaar opgeslagen: ")
    assert fouten.rstrip().endswith("; 1 klanten waren geschreven"), fouten
    assert (False, False) == ("Traceback" in fouten, BSN in fouten)
