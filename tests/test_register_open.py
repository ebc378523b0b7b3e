"""KlantRegister.open(url): one way to open each storage, and a clear error for anything else.

A URL that names no storage klantregister knows, or a database that cannot be
reached, is an :class:`OpslagError`; the driver's own exception never reaches
the caller, not even as the cause or context of the one raised.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from gemachtigd import als
from klantregister import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    Identificatie,
    KlantRegister,
    KlantregisterError,
    OngeldigeWaardeError,
    OpslagError,
    PostgresRepository,
)

AMSTERDAM = "0363"
BSN = "111222333"
DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD Midden")


def zichtbare_keten(fout: BaseException) -> list[type[BaseException]]:
    """The exceptions a traceback of ``fout`` shows: it, its cause or unsuppressed context, ..."""
    keten: list[type[BaseException]] = []
    huidige: BaseException | None = fout
    while huidige is not None:
        keten.append(type(huidige))
        huidige = huidige.__cause__ or (
            None if huidige.__suppress_context__ else huidige.__context__
        )
    return keten


def registreer_en_sluit(url: str) -> uuid.UUID:
    """Register one aangehaakte klant in the storage at ``url``; the register is closed after."""
    with KlantRegister.open(url) as register:
        klant = register.registreer(
            AMSTERDAM,
            identificatie=Identificatie.natuurlijk_persoon(bsn=BSN),
            authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSN), DIGID),
        )
    return klant.id


class Afgebroken(Exception):  # noqa: N818 (not an error: the test's own way out of a block)
    """Raised by a test to leave a ``with`` block by an exception."""


def gebruik_en_breek_af(register: KlantRegister) -> None:
    """Use the register as a context manager, and leave the block by raising :class:`Afgebroken`."""
    with register:
        register.registreer(AMSTERDAM)
        raise Afgebroken


# --- each storage ----------------------------------------------------------------------


@pytest.mark.unit
def test_a_memory_url_opens_an_empty_register() -> None:
    with KlantRegister.open("memory://") as register:
        assert (0, []) == (len(register), list(register))


@pytest.mark.unit
def test_each_memory_register_has_a_memory_of_its_own() -> None:
    registreer_en_sluit("memory://")

    with KlantRegister.open("memory://") as register:
        assert 0 == len(register)


@pytest.mark.storage
def test_a_sqlite_url_with_a_relative_path_opens_the_file_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    registreer_en_sluit("sqlite:///klanten.db")

    assert (tmp_path / "klanten.db").is_file()


@pytest.mark.storage
def test_a_sqlite_url_with_an_absolute_path_opens_that_file(tmp_path: Path) -> None:
    pad = tmp_path / "register" / "klanten.db"
    pad.parent.mkdir()

    registreer_en_sluit(f"sqlite:///{pad}")

    assert pad.is_file()


@pytest.mark.storage
def test_a_sqlite_url_may_escape_characters_of_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    registreer_en_sluit("sqlite:///klanten%20van%20Amsterdam.db")

    assert (tmp_path / "klanten van Amsterdam.db").is_file()


@pytest.mark.storage
def test_a_sqlite_register_opened_again_holds_its_klanten(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    klant_id = registreer_en_sluit(url)

    with KlantRegister.open(url) as register:
        assert [klant_id] == [klant.id for klant in register]


@pytest.mark.storage
def test_a_postgresql_register_opened_again_holds_its_klanten(postgres_schema_url: str) -> None:
    klant_id = registreer_en_sluit(postgres_schema_url)

    with KlantRegister.open(postgres_schema_url) as register:
        assert [klant_id] == [klant.id for klant in register]


@pytest.mark.storage
def test_a_postgres_url_opens_postgresql_too(postgres_schema_url: str) -> None:
    assert postgres_schema_url.startswith("postgresql://")
    klant_id = registreer_en_sluit(
        "postgres://" + postgres_schema_url.removeprefix("postgresql://")
    )

    with KlantRegister.open(postgres_schema_url) as register:
        assert [klant_id] == [klant.id for klant in register]


@pytest.mark.unit
def test_open_passes_on_the_minimum_betrouwbaarheidsniveau() -> None:
    with KlantRegister.open("memory://", minimaal_betrouwbaarheidsniveau="hoog") as register:
        assert Betrouwbaarheidsniveau.HOOG == register.minimaal_betrouwbaarheidsniveau


# --- what cannot be opened ---------------------------------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize(
    "url",
    [
        pytest.param("ftp://example.nl/klanten", id="onbekend-schema"),
        pytest.param("mysql://localhost/klanten", id="andere-database"),
        pytest.param("klanten.db", id="geen-schema"),
        pytest.param("", id="leeg"),
        pytest.param("memory://klanten", id="memory-met-pad"),
        pytest.param("sqlite://klanten.db", id="sqlite-twee-schuine-strepen"),
        pytest.param("sqlite:///", id="sqlite-zonder-pad"),
        pytest.param("sqlite://", id="sqlite-zonder-iets"),
        pytest.param("sqlite:/klanten.db", id="sqlite-een-schuine-streep"),
        pytest.param("postgresql://nobody@127.0.0.1:1", id="postgresql-zonder-database"),
    ],
)
def test_a_url_naming_no_storage_is_refused_with_opslag_error(url: str) -> None:
    with pytest.raises(KlantregisterError) as fout:
        KlantRegister.open(url)

    assert [OpslagError] == zichtbare_keten(fout.value)


@pytest.mark.unit
def test_a_url_that_is_not_text_is_refused_with_opslag_error(tmp_path: Path) -> None:
    with pytest.raises(KlantregisterError) as fout:
        KlantRegister.open(tmp_path / "klanten.db")  # type: ignore[arg-type]

    assert [OpslagError] == zichtbare_keten(fout.value)


@pytest.mark.storage
def test_a_sqlite_file_in_a_missing_directory_is_refused_with_opslag_error(
    tmp_path: Path,
) -> None:
    with pytest.raises(KlantregisterError) as fout:
        KlantRegister.open(f"sqlite:///{tmp_path / 'bestaat-niet' / 'klanten.db'}")

    assert [OpslagError] == zichtbare_keten(fout.value)


@pytest.mark.storage
def test_the_sqlite_drivers_error_is_suppressed_not_chained(tmp_path: Path) -> None:
    with pytest.raises(KlantregisterError) as fout:
        KlantRegister.open(f"sqlite:///{tmp_path / 'bestaat-niet' / 'klanten.db'}")

    assert ("klantregister", True, None) == (
        type(fout.value).__module__,
        fout.value.__suppress_context__,
        fout.value.__cause__,
    )


@pytest.mark.storage
def test_an_unreachable_postgresql_server_is_refused_with_opslag_error() -> None:
    with pytest.raises(KlantregisterError) as fout:
        KlantRegister.open("postgresql://nobody@127.0.0.1:1/klanten")

    assert [OpslagError] == zichtbare_keten(fout.value)


@pytest.mark.storage
def test_the_postgresql_drivers_error_is_suppressed_not_chained() -> None:
    with pytest.raises(KlantregisterError) as fout:
        KlantRegister.open("postgresql://nobody@127.0.0.1:1/klanten")

    assert ("klantregister", True, None) == (
        type(fout.value).__module__,
        fout.value.__suppress_context__,
        fout.value.__cause__,
    )


@pytest.mark.storage
def test_a_postgresql_database_that_does_not_exist_is_refused_with_opslag_error(
    postgres_url: str,
) -> None:
    pad, vraag, rest = postgres_url.partition("?")
    zonder_database = pad.rsplit("/", 1)[0] + f"/bestaat_niet_{uuid.uuid4().hex[:8]}"

    with pytest.raises(KlantregisterError) as fout:
        KlantRegister.open(zonder_database + vraag + rest)

    assert [OpslagError] == zichtbare_keten(fout.value)


# --- closing -------------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def sql_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty SQL storage of each kind in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'klanten.db'}"
    return str(request.getfixturevalue("postgres_schema_url"))


def test_a_register_used_as_a_context_manager_gives_itself(opslag_url: str) -> None:
    register = KlantRegister.open(opslag_url)

    with register as binnen:
        assert register is binnen


@pytest.mark.storage
def test_a_register_is_closed_after_its_with_block(sql_url: str) -> None:
    with KlantRegister.open(sql_url) as register:
        register.registreer(AMSTERDAM)

    with pytest.raises(OpslagError):
        len(register)


@pytest.mark.storage
def test_a_register_is_closed_after_its_with_block_ends_by_an_exception(sql_url: str) -> None:
    register = KlantRegister.open(sql_url)
    with pytest.raises(Afgebroken):
        gebruik_en_breek_af(register)

    with pytest.raises(OpslagError):
        register.registreer(AMSTERDAM)


@pytest.mark.storage
def test_close_closes_the_register(sql_url: str) -> None:
    register = KlantRegister.open(sql_url)

    register.close()

    with pytest.raises(OpslagError):
        register.get(uuid.uuid4())


@pytest.mark.storage
def test_closing_a_register_twice_is_harmless(sql_url: str) -> None:
    register = KlantRegister.open(sql_url)
    register.close()

    register.close()

    with pytest.raises(OpslagError):
        list(register)


@pytest.mark.unit
def test_a_closed_memory_register_keeps_working() -> None:
    # Memory has no connection to release.
    register = KlantRegister.open("memory://")
    register.close()

    klant = register.registreer(AMSTERDAM)

    assert [klant] == list(register)


def test_a_closed_register_says_so_in_its_repr(opslag_url: str) -> None:
    register = KlantRegister.open(opslag_url)
    register.close()
    assert "<KlantRegister gesloten>" == repr(register)


@pytest.mark.unit
def test_a_bad_minimum_level_is_refused_before_the_storage_is_opened(tmp_path: Path) -> None:
    pad = tmp_path / "klanten.db"
    with pytest.raises(OngeldigeWaardeError):
        KlantRegister.open(f"sqlite:///{pad}", minimaal_betrouwbaarheidsniveau="midden")
    assert not pad.exists()


@pytest.mark.storage
def test_a_sqlite_file_whose_schema_table_holds_no_version_is_refused(tmp_path: Path) -> None:
    pad = tmp_path / "klanten.db"
    KlantRegister.open(f"sqlite:///{pad}").close()
    with sqlite3.connect(pad) as verbinding:
        verbinding.execute("DELETE FROM klantregister_schema")
    verbinding.close()
    with pytest.raises(OpslagError) as fout:
        KlantRegister.open(f"sqlite:///{pad}")
    assert "schemaversie" in str(fout.value)


@pytest.mark.storage
def test_a_closed_postgres_repository_still_has_a_repr(postgres_schema_url: str) -> None:
    repository = PostgresRepository(postgres_schema_url)
    repository.close()
    assert repr(repository).startswith("<PostgresRepository ")
