"""The register's log: what changed, and on what authentication (the audit trail of rule 5).

Everything is logged at ``DEBUG`` on the ``klantregister`` logger, with klant ids
and never an identifier: a BSN is personal data, and so may be a free-text field.
"""

from __future__ import annotations

import logging

from klantregister.domain import Herkomst, Klant, Overname, toon

__all__ = ["log", "log_herkomst", "log_registratie"]

#: The library's logger.
log = logging.getLogger("klantregister")


def log_registratie(klant: Klant) -> None:
    """A klant was registered, perhaps with identifying data (its herkomst says on what)."""
    if log.isEnabledFor(logging.DEBUG):
        log.debug("klant %s geregistreerd in gemeente %s", klant.id, klant.gemeente)
        if klant.herkomst is not None:
            log_herkomst(klant, klant.herkomst)


def log_herkomst(klant: Klant, herkomst: Herkomst) -> None:
    """The audit trail of rules 5 and 10: on what a klant's identificatie was recorded.

    Free text (the means, the source) is masked; no identifier is named, only whether the
    klant acted als the subject or namens someone, and on what ground.
    """
    if isinstance(herkomst, Overname):
        log.debug(
            "identificatie van klant %s overgenomen uit %s (oorspronkelijk niveau %s)",
            klant.id,
            toon(herkomst.bron),
            "onbekend"
            if herkomst.oorspronkelijk_niveau is None
            else herkomst.oorspronkelijk_niveau.name.lower(),
        )
        return
    if herkomst.namens is not None:
        hoe = f"namens de vertegenwoordigde ({herkomst.namens.grondslag.value})"
    else:
        hoe = "als het subject" if herkomst.subject is not None else "zonder subject"
    log.debug(
        "identificatie van klant %s vastgelegd na authenticatie op niveau %s (%s), %s",
        klant.id,
        herkomst.niveau.name.lower(),
        # The means is free text: mask any number a caller put in it.
        toon(herkomst.middel) if herkomst.middel else "middel onbekend",
        hoe,
    )
