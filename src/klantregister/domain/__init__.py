"""The domain: the value objects and the KLOK01 rules.

It imports nothing but the standard library, attrs, typing-extensions and itself
(an import-linter contract in ``pyproject.toml`` says so, and CI checks it).
The other layers import the domain from here; users import from
:mod:`klantregister`.
"""

from klantregister.domain import klok01, velden, weergave
from klantregister.domain.authenticatie import Authenticatie, Betrouwbaarheidsniveau, niveau
from klantregister.domain.buitenlands import BuitenlandsNummer
from klantregister.domain.codelijsten import landcodes, taalcodes
from klantregister.domain.errors import (
    BetrouwbaarheidsniveauError,
    FormaatError,
    GemengdeIdentificatieError,
    KardinaliteitError,
    KlantBestaatAlError,
    KlantNietGevondenError,
    KlantnummerInGebruikError,
    KlantregisterError,
    OnbekendeCodeError,
    OngeldigControlegetalError,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    OngeldigTypeError,
    OpslagError,
    SubjectsoortError,
    VersieconflictError,
    ZelfstandigeKlantError,
    typefout,
)
from klantregister.domain.identificatie import Identificatie
from klantregister.domain.identifiers import (
    ANummer,
    Bsn,
    Gemeentecode,
    KvkNummer,
    Rsin,
    Vestigingsnummer,
)
from klantregister.domain.kenmerken import (
    GEEN_KENMERKEN,
    Kenmerken,
    Partijsoort,
    als_kenmerken,
    controleer_kenmerken,
)
from klantregister.domain.klant import (
    GEEN_KLANTGEGEVENS,
    MAX_BRON,
    Klant,
    als_bron,
    als_identificatie,
    als_klantgegevens,
    als_versie,
    klant_id,
    klantnummer,
    nieuwe_klant,
)
from klantregister.domain.klantgegevens import Adres, Klantgegevens, klantgegevensveld
from klantregister.domain.klok01 import (
    IDENTIFICATORSOORTEN,
    NUMMERKLASSEN,
    NUMMERSOORTEN,
    SOORT_MET_SLEUTEL,
    SOORT_VAN,
    Identificator,
    Identificatorsoort,
    Nummer,
    Subjectsoort,
)
from klantregister.domain.meldingen import maskeer, maskeer_nummer, opsomming, toon
from klantregister.domain.registratie import (
    BulkResultaat,
    Registratie,
    als_authenticatie,
    als_gemeente,
    als_id,
)
from klantregister.domain.serialisatie import (
    identificatie_naar_dict,
    identificatie_uit_dict,
    kenmerken_naar_dict,
    kenmerken_uit_dict,
    klantgegevens_naar_dict,
    klantgegevens_uit_dict,
)
from klantregister.domain.subject import MAX_SUBJECT_URL, SubjectUrl
from klantregister.domain.weergave import registreer_html

__all__ = [
    "GEEN_KENMERKEN",
    "GEEN_KLANTGEGEVENS",
    "IDENTIFICATORSOORTEN",
    "MAX_BRON",
    "MAX_SUBJECT_URL",
    "NUMMERKLASSEN",
    "NUMMERSOORTEN",
    "SOORT_MET_SLEUTEL",
    "SOORT_VAN",
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
    "Identificatorsoort",
    "KardinaliteitError",
    "Kenmerken",
    "Klant",
    "KlantBestaatAlError",
    "KlantNietGevondenError",
    "Klantgegevens",
    "KlantnummerInGebruikError",
    "KlantregisterError",
    "KvkNummer",
    "Nummer",
    "OnbekendeCodeError",
    "OngeldigControlegetalError",
    "OngeldigFormaatError",
    "OngeldigTypeError",
    "OngeldigeLengteError",
    "OngeldigeWaardeError",
    "OpslagError",
    "Partijsoort",
    "Registratie",
    "Rsin",
    "SubjectUrl",
    "Subjectsoort",
    "SubjectsoortError",
    "VersieconflictError",
    "Vestigingsnummer",
    "ZelfstandigeKlantError",
    "als_authenticatie",
    "als_bron",
    "als_gemeente",
    "als_id",
    "als_identificatie",
    "als_kenmerken",
    "als_klantgegevens",
    "als_versie",
    "controleer_kenmerken",
    "identificatie_naar_dict",
    "identificatie_uit_dict",
    "kenmerken_naar_dict",
    "kenmerken_uit_dict",
    "klant_id",
    "klantgegevens_naar_dict",
    "klantgegevens_uit_dict",
    "klantgegevensveld",
    "klantnummer",
    "klok01",
    "landcodes",
    "maskeer",
    "maskeer_nummer",
    "nieuwe_klant",
    "niveau",
    "opsomming",
    "registreer_html",
    "taalcodes",
    "toon",
    "typefout",
    "velden",
    "weergave",
]
