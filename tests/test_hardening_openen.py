"""Hardening (issue 11): opening storage and building values refuse bad input with the
library's own errors, never show a BSN, and never create what they were not asked to."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import attrs
import pytest

from gemachtigd import als
from klantregister import (
    Authenticatie,
    Identificatie,
    KlantRegister,
    KlantregisterError,
    OpslagError,
    Registratie,
    SqliteRepository,
)
from klantregister.domain import Betrouwbaarheidsniveau, OngeldigeWaardeError

BSN = "111222333"


@pytest.mark.unit
@pytest.mark.parametrize("registraties", [None, 5, "abc"])
def test_registreer_alle_refuses_what_is_not_an_iterable_of_registraties(
    registraties: object,
) -> None:
    register = KlantRegister()
    with pytest.raises(KlantregisterError, match="registraties"):
        register.registreer_alle(registraties)  # type: ignore[arg-type]
    assert len(register) == 0


@pytest.mark.unit
def test_a_means_of_authentication_naming_a_bsn_is_masked_in_every_repr() -> None:
    authenticatie = Authenticatie("hoog", f"DigiD {BSN}")
    registratie = Registratie(
        "0363",
        identificatie=Identificatie.natuurlijk_persoon(bsn=BSN),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSN), authenticatie),
    )
    assert authenticatie.middel == f"DigiD {BSN}"  # kept as given, for the audit trail
    for tekst in (repr(authenticatie), str(authenticatie), repr(registratie)):
        assert BSN not in tekst
        assert "333" in tekst


@pytest.mark.unit
@pytest.mark.parametrize("versie", [2**31, 2**63, 10**30])
def test_a_versie_beyond_what_every_storage_holds_is_refused(versie: int) -> None:
    klant = KlantRegister().registreer("0363")
    with pytest.raises(OngeldigeWaardeError, match="versie"):
        attrs.evolve(klant, versie=versie)


@pytest.mark.unit
def test_the_highest_versie_is_accepted() -> None:
    klant = KlantRegister().registreer("0363")
    assert attrs.evolve(klant, versie=2**31 - 1).versie == 2**31 - 1


@pytest.mark.storage
@pytest.mark.parametrize("pad", [None, 5, [], b"k.db", "a\x00b.db", "\ud800.db", ""])
def test_sqlite_refuses_a_path_that_is_no_path(
    pad: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OpslagError, match="pad"):
        SqliteRepository(pad)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.storage
@pytest.mark.parametrize("timeout", ["5", None, -1, float("nan"), True])
def test_sqlite_refuses_a_timeout_that_is_no_number_of_seconds(
    timeout: object, tmp_path: Path
) -> None:
    with pytest.raises(OpslagError, match="timeout"):
        SqliteRepository(tmp_path / "k.db", timeout=timeout)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.storage
@pytest.mark.parametrize(
    "url",
    ["sqlite:///a%00b.db", "sqlite:///k.db?mode=ro", "sqlite:///k.db#x", "sqlite:///%ED%A0%80.db"],
)
def test_a_sqlite_url_that_names_no_plain_file_is_refused_and_creates_nothing(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OpslagError):
        KlantRegister.open(url)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.unit
def test_an_unknown_scheme_is_named_masked() -> None:
    with pytest.raises(OpslagError) as fout:
        KlantRegister.open(f"{BSN}://x")
    assert BSN not in str(fout.value)
    assert "onbekend URL-schema" in str(fout.value)


@pytest.mark.storage
def test_a_new_sqlite_file_and_its_wal_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    oud = os.umask(0o022)
    try:
        with KlantRegister.open(f"sqlite:///{tmp_path / 'k.db'}") as register:
            register.registreer(
                "0363",
                identificatie=Identificatie.natuurlijk_persoon(bsn=BSN),
                authenticatie=als(
                    Identificatie.natuurlijk_persoon(bsn=BSN),
                    Authenticatie(Betrouwbaarheidsniveau.HOOG),
                ),
            )
            bestanden = sorted(tmp_path.iterdir())
            assert [p.name for p in bestanden] == ["k.db", "k.db-shm", "k.db-wal"]
            for pad in bestanden:
                assert stat.S_IMODE(pad.stat().st_mode) == 0o600, pad.name
    finally:
        os.umask(oud)


@pytest.mark.storage
def test_an_existing_sqlite_file_keeps_its_mode(tmp_path: Path) -> None:
    pad = tmp_path / "k.db"
    SqliteRepository(pad).close()
    pad.chmod(0o640)
    SqliteRepository(pad).close()
    assert stat.S_IMODE(pad.stat().st_mode) == 0o640


@pytest.mark.storage
def test_opening_for_reading_creates_no_file(tmp_path: Path) -> None:
    pad = tmp_path / "typo.db"
    with pytest.raises(OpslagError, match="bestaat niet"):
        KlantRegister.open(f"sqlite:///{pad}", aanmaken=False)
    assert not pad.exists()


@pytest.mark.storage
def test_opening_for_reading_gives_no_schema_to_an_empty_file(tmp_path: Path) -> None:
    pad = tmp_path / "leeg.db"
    pad.touch()
    with pytest.raises(OpslagError, match="geen klantregister"):
        SqliteRepository(pad, aanmaken=False)
    assert pad.stat().st_size == 0


@pytest.mark.storage
def test_opening_for_reading_an_existing_register_reads_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    with KlantRegister.open(url) as register:
        klant = register.registreer("0363")
    with KlantRegister.open(url, aanmaken=False) as register:
        assert register.get(klant.id) == klant


@pytest.mark.storage
def test_opening_postgresql_for_reading_creates_no_schema(
    postgres_schema_url: str, postgres_beheer: Any
) -> None:
    with pytest.raises(OpslagError, match="schema ontbreekt"):
        KlantRegister.open(postgres_schema_url, aanmaken=False)
    schema = postgres_schema_url.rsplit("%3D", 1)[1]
    tabellen = postgres_beheer.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = %s", (schema,)
    ).fetchone()
    assert tabellen == (0,)
    with KlantRegister.open(postgres_schema_url) as register:
        klant = register.registreer("0363")
    with KlantRegister.open(postgres_schema_url, aanmaken=False) as register:
        assert register.get(klant.id) == klant
