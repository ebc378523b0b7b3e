"""The register's log: what changed, and on what authentication (the audit trail of rule 5).

Everything is logged at ``DEBUG`` on the ``klantregister`` logger, with klant ids
and never an identifier: a BSN is personal data, and so may be a free-text field.
"""

from __future__ import annotations

import logging

from klantregister.domain import Authenticatie, Klant, toon

__all__ = ["log", "log_authenticatie", "log_registratie"]

#: The library's logger.
log = logging.getLogger("klantregister")


def log_registratie(klant: Klant, authenticatie: Authenticatie | None) -> None:
    """A klant was registered, perhaps with identifying data on ``authenticatie``."""
    if log.isEnabledFor(logging.DEBUG):
        log.debug("klant %s geregistreerd in gemeente %s", klant.id, klant.gemeente)
        if authenticatie is not None and klant.identificatie is not None:
            log_authenticatie(klant, authenticatie)


def log_authenticatie(klant: Klant, authenticatie: Authenticatie) -> None:
    """The audit trail of rule 5: on what assurance a klant's identificatie was recorded."""
    log.debug(
        "identificatie van klant %s vastgelegd na authenticatie op niveau %s (%s)",
        klant.id,
        authenticatie.niveau.name.lower(),
        # The means is free text: mask any number a caller put in it.
        toon(authenticatie.middel) if authenticatie.middel else "middel onbekend",
    )
