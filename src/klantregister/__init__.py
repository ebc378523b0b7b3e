"""klantregister: the klanten of Dutch gemeenten, with the VNG KLOK01 identity rules enforced.

Everything public is importable from this package (and from
:mod:`klantregister.formats` and :mod:`klantregister.testing`); the layer packages
behind it are the implementation (``docs/architecture.md``). :mod:`klantregister.velden`
is the field spec: every limit and pattern of the klantgegevens. See ``docs/`` for the
concepts, a usage guide and the API reference.
"""

from typing import TYPE_CHECKING

# The display gives the values their notebook view; it loads no storage or format.
from klantregister import display as _display  # noqa: F401
from klantregister._version import __version__
from klantregister.domain import (
    Adres,
    ANummer,
    Authenticatie,
    Betrouwbaarheidsniveau,
    BetrouwbaarheidsniveauError,
    BewaartermijnError,
    Bsn,
    BuitenlandsNummer,
    BulkResultaat,
    FormaatError,
    Gemeentecode,
    GemengdeIdentificatieError,
    Handeling,
    Herkomst,
    Identificatie,
    Identificator,
    KardinaliteitError,
    Kenmerken,
    Klant,
    KlantBestaatAlError,
    Klantgegevens,
    KlantNietGevondenError,
    KlantnummerInGebruikError,
    KlantregisterError,
    KvkNummer,
    MachtigingError,
    OnbekendeCodeError,
    OngeldigControlegetalError,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    OngeldigTypeError,
    OpslagError,
    Overname,
    Partijsoort,
    Pseudonimisering,
    Registratie,
    Rsin,
    Subjectsoort,
    SubjectsoortError,
    SubjectUrl,
    VersieconflictError,
    Vertegenwoordiging,
    Vertegenwoordigingsgrondslag,
    Verwerking,
    Vestigingsnummer,
    ZelfstandigeKlantError,
    velden,
    verwerkingsdoel,
)
from klantregister.register import KlantRegister, KlantRepository, Logboek, LoggingLogboek
from klantregister.storage import MemoryRepository

if TYPE_CHECKING:
    from klantregister.storage import PostgresRepository, SqliteRepository

_OP_AANVRAAG = {"PostgresRepository", "SqliteRepository"}


def __getattr__(naam: str) -> object:
    # Imported on first use, so that importing klantregister loads no database driver
    # (not even sqlite3) until one is used.
    if naam in _OP_AANVRAAG:
        import klantregister.storage  # noqa: PLC0415

        return getattr(klantregister.storage, naam)
    raise AttributeError(f"module 'klantregister' has no attribute {naam!r}")


def __dir__() -> list[str]:
    # The lazy names too, for tab completion.
    return sorted({*globals(), *__all__})


__all__ = [
    "ANummer",
    "Adres",
    "Authenticatie",
    "Betrouwbaarheidsniveau",
    "BetrouwbaarheidsniveauError",
    "BewaartermijnError",
    "Bsn",
    "BuitenlandsNummer",
    "BulkResultaat",
    "FormaatError",
    "Gemeentecode",
    "GemengdeIdentificatieError",
    "Handeling",
    "Herkomst",
    "Identificatie",
    "Identificator",
    "KardinaliteitError",
    "Kenmerken",
    "Klant",
    "KlantBestaatAlError",
    "KlantNietGevondenError",
    "KlantRegister",
    "KlantRepository",
    "Klantgegevens",
    "KlantnummerInGebruikError",
    "KlantregisterError",
    "KvkNummer",
    "Logboek",
    "LoggingLogboek",
    "MachtigingError",
    "MemoryRepository",
    "OnbekendeCodeError",
    "OngeldigControlegetalError",
    "OngeldigFormaatError",
    "OngeldigTypeError",
    "OngeldigeLengteError",
    "OngeldigeWaardeError",
    "OpslagError",
    "Overname",
    "Partijsoort",
    "PostgresRepository",
    "Pseudonimisering",
    "Registratie",
    "Rsin",
    "SqliteRepository",
    "SubjectUrl",
    "Subjectsoort",
    "SubjectsoortError",
    "VersieconflictError",
    "Vertegenwoordiging",
    "Vertegenwoordigingsgrondslag",
    "Verwerking",
    "Vestigingsnummer",
    "ZelfstandigeKlantError",
    "__version__",
    "velden",
    "verwerkingsdoel",
]
