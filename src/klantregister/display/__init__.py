"""Display: klanten as HTML tables for Jupyter, and as flat records for tables.

Importing this package gives the domain's values their notebook view
(:mod:`klantregister.domain.weergave`); :mod:`klantregister` imports it. The
display imports the domain only.
"""

from klantregister.display.html import (
    RIJEN,
    cel,
    gesloten_register_html,
    klant_html,
    register_html,
    rij,
    tekst_html,
)
from klantregister.display.records import record

__all__ = [
    "RIJEN",
    "cel",
    "gesloten_register_html",
    "klant_html",
    "record",
    "register_html",
    "rij",
    "tekst_html",
]
