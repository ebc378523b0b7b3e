"""What every part of the contract shares: the two methods an adapter's test class
gives, the ``repository`` fixture, and the klanten and numbers the tests use."""

from __future__ import annotations

import abc
import uuid
from collections.abc import Callable, Iterator

import pytest

from klantregister.domain import BuitenlandsNummer, Gemeentecode, Identificatie, Klant
from klantregister.register import KlantRepository

AMSTERDAM = Gemeentecode("0363")
ROTTERDAM = Gemeentecode("0599")

BSN = "111222333"
ANDER_BSN = "123456782"
A_NUMMER = "1234567890"
KVK = "69046938"
PAPIEREN = BuitenlandsNummer("DE", "Melderegister Berlin", "L01X00T47")
#: The URL of an ingeschreven persoon in the BRP's API, and of an organisation in the HR's.
BRP_URL = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/111222333"
HR_URL = "https://hr.example.nl/api/v1/nnp/69046938"

#: The last klantnummer a gemeente can be given.
LAATSTE_VOLGNUMMER = 99_999_999


persoon = Identificatie.natuurlijk_persoon


bedrijf = Identificatie.niet_natuurlijk_persoon


def klant(
    klantnummer: str,
    identificatie: Identificatie | None = None,
    *,
    gemeente: Gemeentecode = AMSTERDAM,
) -> Klant:
    """A new klant, as the register would build one; stored by the test itself."""
    return Klant(uuid.uuid4(), gemeente, klantnummer, identificatie=identificatie)


def gewijzigd(oud: Klant, **velden: object) -> Klant:
    """The klant with the fields changed and ``versie`` one higher, as the register makes it."""
    waarden: dict[str, object] = {
        "id": oud.id,
        "gemeente": oud.gemeente,
        "klantnummer": oud.klantnummer,
        "klantgegevens": oud.klantgegevens,
        "identificatie": oud.identificatie,
        "versie": oud.versie + 1,
        "bron": oud.bron,
        "kenmerken": oud.kenmerken,
    }
    waarden.update(velden)
    return Klant(**waarden)  # type: ignore[arg-type]


def ids(klanten: list[Klant]) -> list[uuid.UUID]:
    """The ids of the klanten, in their order."""
    return [k.id for k in klanten]


class Afgebroken(Exception):  # noqa: N818 (not an error: the test's own way out of a transaction)
    """Raised by a test to end a transaction by an exception."""


def mislukte_transactie(repository: KlantRepository, *stappen: Callable[[], object]) -> None:
    """Run the steps in one transaction, then end it by raising :class:`Afgebroken`."""
    with repository.transaction():
        for stap in stappen:
            stap()
        raise Afgebroken


class ContractBase(abc.ABC):
    """The two methods a test class of an adapter gives, and the fixture built on them."""

    @abc.abstractmethod
    def make_repository(self) -> KlantRepository:
        """A repository of the adapter under test, empty when a test starts.

        An adapter with storage opens the same storage at each call of one
        test, as another process would; the memory adapter has a new memory each time.
        """

    @abc.abstractmethod
    def zet_volgnummer(
        self, repository: KlantRepository, gemeente: Gemeentecode, volgnummer: int
    ) -> None:
        """Set the gemeente's last generated klantnummer, as if that many had been given."""

    @pytest.fixture
    def repository(self) -> Iterator[KlantRepository]:
        """A repository from :meth:`make_repository`, closed after the test."""
        repository = self.make_repository()
        yield repository
        repository.close()
