"""klantregister: the klanten of Dutch gemeenten, with the VNG KLOK01 identity rules enforced.

Everything public is importable from this package; the modules behind it are
private. See ``docs/`` for the concepts, a usage guide and the API reference.
"""

from klantregister._authenticatie import Authenticatie, Betrouwbaarheidsniveau
from klantregister._errors import (
    BetrouwbaarheidsniveauError,
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
from klantregister._register import KlantRegister
from klantregister._version import __version__

__all__ = [
    "ANummer",
    "Adres",
    "Authenticatie",
    "Betrouwbaarheidsniveau",
    "BetrouwbaarheidsniveauError",
    "Bsn",
    "BuitenlandsNummer",
    "Gemeentecode",
    "GemengdeIdentificatieError",
    "Identificatie",
    "Identificator",
    "KardinaliteitError",
    "Klant",
    "KlantNietGevondenError",
    "KlantRegister",
    "Klantgegevens",
    "KlantnummerInGebruikError",
    "KlantregisterError",
    "KvkNummer",
    "OnbekendeCodeError",
    "OngeldigControlegetalError",
    "OngeldigFormaatError",
    "OngeldigeLengteError",
    "OngeldigeWaardeError",
    "Rsin",
    "Subjectsoort",
    "SubjectsoortError",
    "VersieconflictError",
    "Vestigingsnummer",
    "ZelfstandigeKlantError",
    "__version__",
]
