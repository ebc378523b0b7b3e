"""The check: klant records held against KLOK01 before they enter a register.

- :mod:`~klantregister.check.controle`: :class:`Controle` takes the records a format's
  reader gives, one at a time, and finds every violation; its
  :class:`Controlerapport` lists them, and the notes of what records hold that the
  register does not take over;
- :mod:`~klantregister.check.rapport`: the report's classes;
- :mod:`~klantregister.check.parallel`: a whole file checked, a large JSON Lines file in
  parts on every core, with the report of one pass;
- :mod:`~klantregister.check.weergave`: the report as HTML for Jupyter.

The check imports the domain, the formats and the display; never storage or the
register.
"""

from klantregister.check import weergave as _weergave  # noqa: F401 - the report's HTML view
from klantregister.check.controle import Controle
from klantregister.check.parallel import (
    MIN_DEEL,
    Invoer,
    Stand,
    bruikbare_processoren,
    controleer_bestand,
)
from klantregister.check.rapport import (
    OPMERKINGEN_PER_VELD,
    RECORDS_PER_GROEP,
    Bevinding,
    Controlerapport,
    Opmerking,
    Overtreding,
    Regel1Groep,
)

__all__ = [
    "MIN_DEEL",
    "OPMERKINGEN_PER_VELD",
    "RECORDS_PER_GROEP",
    "Bevinding",
    "Controle",
    "Controlerapport",
    "Invoer",
    "Opmerking",
    "Overtreding",
    "Regel1Groep",
    "Stand",
    "bruikbare_processoren",
    "controleer_bestand",
]
