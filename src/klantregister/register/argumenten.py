"""The register's arguments that are not value objects: what to search for, where to keep.

>>> [type(i).__name__ for i in identificatoren("111222333")]  # a BSN and an RSIN alike
['Bsn', 'Rsin']
"""

from __future__ import annotations

from klantregister.domain import (
    IDENTIFICATORSOORTEN,
    NUMMERKLASSEN,
    NUMMERSOORTEN,
    Identificator,
    OngeldigFormaatError,
    opsomming,
    typefout,
)
from klantregister.register.ports import KlantRepository
from klantregister.storage import MemoryRepository

__all__ = ["identificatoren", "opslag"]

# The kinds a plain-text identifier may be, tried in the table's order by zoek().
_IDENTIFICATORKLASSEN = tuple(soort.klasse for soort in IDENTIFICATORSOORTEN)
_NUMMERLABELS = opsomming([soort.label for soort in NUMMERSOORTEN])


def identificatoren(value: object) -> tuple[Identificator, ...]:
    """What ``zoek`` looks for: the identifier itself, or every kind a string is valid as."""
    if isinstance(value, _IDENTIFICATORKLASSEN):
        return (value,)
    if isinstance(value, str):
        gevonden = tuple(soort(value) for soort in NUMMERKLASSEN if soort.is_valid(value))
        if gevonden:
            return gevonden
        # The text may be a mistyped BSN: do not repeat it.
        raise OngeldigFormaatError(
            "identificator",
            f"de opgegeven tekst is geen geldig {_NUMMERLABELS}",
        )
    raise typefout("identificator", "een identificator of tekst", value)


def opslag(repository: KlantRepository | None) -> KlantRepository:
    """Converter: the repository given, or a new one in memory for ``None``."""
    if repository is None:
        return MemoryRepository()
    if not isinstance(repository, KlantRepository):
        raise typefout("repository", "een KlantRepository of None", repository)
    return repository
