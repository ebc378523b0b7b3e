"""klantregister: the klanten of Dutch gemeenten, with the VNG KLOK01 identity rules enforced.

Everything public is importable from this package; the modules behind it are
private. See ``docs/`` for the concepts, a usage guide and the API reference.
"""

from typing import TYPE_CHECKING

from klantregister._authenticatie import Authenticatie, Betrouwbaarheidsniveau
from klantregister._errors import (
    BetrouwbaarheidsniveauError,
    FormaatError,
    GemengdeIdentificatieError,
    KardinaliteitError,
    KlantNietGevondenError,
    KlantnummerInGebruikError,
    KlantregisterError,
    OnbekendeCodeError,
    OngeldigControlegetalError,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    OpslagError,
    SubjectsoortError,
    VersieconflictError,
    ZelfstandigeKlantError,
)
from klantregister._identificatie import Identificatie, Identificator, Subjectsoort
from klantregister._identifiers import (
    ANummer,
    Bsn,
    BuitenlandsNummer,
    Gemeentecode,
    KvkNummer,
    Rsin,
    Vestigingsnummer,
)
from klantregister._klant import Klant
from klantregister._klantgegevens import Adres, Klantgegevens
from klantregister._memory import MemoryRepository
from klantregister._ports import KlantRepository
from klantregister._register import BulkResultaat, KlantRegister, Registratie
from klantregister._sqlite import SqliteRepository
from klantregister._version import __version__

if TYPE_CHECKING:
    from klantregister._postgres import PostgresRepository


def __getattr__(naam: str) -> object:
    # Imported on first use, so that importing klantregister never loads psycopg.
    if naam == "PostgresRepository":
        from klantregister._postgres import PostgresRepository  # noqa: PLC0415

        return PostgresRepository
    raise AttributeError(f"module 'klantregister' has no attribute {naam!r}")


__all__ = [
    "ANummer",
    "Adres",
    "Authenticatie",
    "Betrouwbaarheidsniveau",
    "BetrouwbaarheidsniveauError",
    "Bsn",
    "BuitenlandsNummer",
    "BulkResultaat",
    "FormaatError",
    "Gemeentecode",
    "GemengdeIdentificatieError",
    "Identificatie",
    "Identificator",
    "KardinaliteitError",
    "Klant",
    "KlantNietGevondenError",
    "KlantRegister",
    "KlantRepository",
    "Klantgegevens",
    "KlantnummerInGebruikError",
    "KlantregisterError",
    "KvkNummer",
    "MemoryRepository",
    "OnbekendeCodeError",
    "OngeldigControlegetalError",
    "OngeldigFormaatError",
    "OngeldigeLengteError",
    "OngeldigeWaardeError",
    "OpslagError",
    "PostgresRepository",
    "Registratie",
    "Rsin",
    "SqliteRepository",
    "Subjectsoort",
    "SubjectsoortError",
    "VersieconflictError",
    "Vestigingsnummer",
    "ZelfstandigeKlantError",
    "__version__",
]
