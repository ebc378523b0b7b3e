"""Tools for testing against klantregister: the repository contract suite and strategies.

They need pytest and Hypothesis, which klantregister itself does not: install
``klantregister[testing]``. ``import klantregister`` never loads this package.

An adapter of :class:`~klantregister.KlantRepository` written outside the
project proves itself by subclassing :class:`RepositoryContract` (or
:class:`SqlRepositoryContract`, for one on a database connection) in a test
file, saying how to make a repository and how to set a gemeente's klantnummer
counter::

    from klantregister import Gemeentecode, KlantRepository
    from klantregister.testing import RepositoryContract

    from mijn_opslag import MijnRepository


    class TestMijnRepository(RepositoryContract):
        def make_repository(self) -> MijnRepository:
            return MijnRepository()

        def zet_volgnummer(
            self, repository: KlantRepository, gemeente: Gemeentecode, volgnummer: int
        ) -> None:
            assert isinstance(repository, MijnRepository)
            repository.zet_volgnummer(gemeente, volgnummer)

The strategies give valid values, for property tests of your own rules:

>>> from hypothesis import given
>>> from klantregister import Bsn
>>> from klantregister.testing import bsns
>>> @given(bsns)
... def test_every_bsn_is_valid(bsn: str) -> None:
...     assert Bsn.is_valid(bsn)
>>> test_every_bsn_is_valid()

``docs/testing.md`` shows a whole test file and says what the contract checks.
"""

try:
    import hypothesis  # noqa: F401 - the strategies need it
    import pytest
except ImportError as fout:
    raise ImportError(
        f"klantregister.testing needs pytest and Hypothesis, and {fout.name} is not "
        'installed: install them with pip install "klantregister[testing]"',
        name=fout.name,
    ) from fout

# pytest rewrites the contract's asserts, as it does those of a test file, so that a
# failing contract test shows what it compared; it can only for modules not yet
# imported, so this comes before the imports below.
pytest.register_assert_rewrite("klantregister.testing._contract")

from klantregister.testing._contract import (  # noqa: E402
    HoldersManyContract,
    RepositoryContract,
    SqlRepositoryContract,
)
from klantregister.testing.strategies import (  # noqa: E402
    a_nummers,
    adressen,
    bsns,
    buitenlandse_adressen,
    buitenlandse_nummers,
    emailadressen,
    gemeentecodes,
    herkomsten,
    identificaties,
    identificaties_natuurlijk_persoon,
    identificaties_niet_natuurlijk_persoon,
    kenmerken,
    klanten,
    klantgegevens,
    klantnummers,
    kvk_nummers,
    namen,
    nederlandse_adressen,
    rsins,
    subject_urls,
    telefoonnummers,
    vestigingsnummers,
    voorkeurstalen,
    voorletters,
    voorvoegsels,
    website_urls,
)

__all__ = [
    "HoldersManyContract",
    "RepositoryContract",
    "SqlRepositoryContract",
    "a_nummers",
    "adressen",
    "bsns",
    "buitenlandse_adressen",
    "buitenlandse_nummers",
    "emailadressen",
    "gemeentecodes",
    "herkomsten",
    "identificaties",
    "identificaties_natuurlijk_persoon",
    "identificaties_niet_natuurlijk_persoon",
    "kenmerken",
    "klanten",
    "klantgegevens",
    "klantnummers",
    "kvk_nummers",
    "namen",
    "nederlandse_adressen",
    "rsins",
    "subject_urls",
    "telefoonnummers",
    "vestigingsnummers",
    "voorkeurstalen",
    "voorletters",
    "voorvoegsels",
    "website_urls",
]
