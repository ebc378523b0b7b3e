"""The repository contract, run against the in-memory repository."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterator, Sequence

import pytest

from klantregister import (
    Authenticatie,
    Gemeentecode,
    Identificatie,
    Klantgegevens,
    KlantRegister,
    KlantRepository,
    MemoryRepository,
    OpslagError,
    Verwerking,
)
from klantregister.testing import HoldersManyContract, RepositoryContract

pytestmark = pytest.mark.unit


class TestMemoryRepository(RepositoryContract, HoldersManyContract):
    def make_repository(self) -> MemoryRepository:
        return MemoryRepository()

    def zet_volgnummer(
        self, repository: KlantRepository, gemeente: Gemeentecode, volgnummer: int
    ) -> None:
        assert isinstance(repository, MemoryRepository)
        repository._volgnummers[gemeente.waarde] = volgnummer


class _Storing:
    """A logboek that fails while ``storing`` is set: the operation it logs is refused."""

    def __init__(self) -> None:
        self.storing = False
        self.geschreven: list[Verwerking] = []

    def schrijf_verwerkingen(self, verwerkingen: Sequence[Verwerking]) -> None:
        if self.storing:
            raise OpslagError("het logboek is niet bereikbaar")
        self.geschreven.extend(verwerkingen)

    def verwerkingen(self, klant_id: uuid.UUID | None = None) -> Iterator[Verwerking]:
        return iter(self.geschreven)


def test_an_erasure_rolled_back_puts_the_klant_back_in_its_place() -> None:
    logboek = _Storing()
    register = KlantRegister(logboek=logboek, bewaartermijn_zelfstandig=datetime.timedelta(1))
    bsn = Identificatie.natuurlijk_persoon(bsn="111222333")
    eerste = register.registreer("0363", Klantgegevens(achternaam="Jansen"))
    persoon = register.registreer(
        "0363",
        identificatie=bsn,
        authenticatie=Authenticatie("hoog", subject="111222333"),
        bewaren_tot=datetime.date(2030, 1, 1),
    )
    laatste = register.registreer("0363", Klantgegevens(achternaam="Jansen"))
    voor = list(register)
    logboek.storing = True

    # A merge (a change to one klant and the erasure of another) and a sweep, each refused
    # by the log after it erased: everything back, in the order it was registered.
    with pytest.raises(OpslagError):
        register.voeg_samen(persoon.id, eerste.id, authenticatie=persoon.herkomst)  # type: ignore[arg-type]
    with pytest.raises(OpslagError):
        register.verwijder_verlopen(datetime.date.max)

    assert voor == list(register)
    assert [eerste.id, persoon.id, laatste.id] == [k.id for k in register]
    assert [eerste.id, laatste.id] == [
        k.id for k in register.zoek_op_gegevens("0363", achternaam="jansen")
    ]
