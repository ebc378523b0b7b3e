"""``export --format klantinteracties --vertegenwoordigingen BESTAND``: the representations.

A klant registered namens another (rule 10) is linked to its representative's klant by a
``Vertegenwoordigden`` (``POST /vertegenwoordigingen``), which Open Klant takes only once both
Partijen exist: so they go to a file of their own, written after the Partijen, one per line,
in the export's ``--vorm``. The representative's klant is the one klant of the gemeente
holding the identifier the authentication established (``herkomst.subject``), found as
``zoek`` finds it (and logged as a lookup). A klant whose representative is not named, or
holds no klant or more than one, is named on stderr and left out; the file is written whole
or not at all.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from klantregister.cli.proces import Doelbestand
from klantregister.domain import FormaatError, Klant
from klantregister.formats import klantinteracties, schrijf_regels
from klantregister.register import KlantRegister

__all__ = ["schrijf_vertegenwoordigingen", "wordt_vertegenwoordigd"]


def wordt_vertegenwoordigd(klant: Klant) -> bool:
    """Whether the klant was registered namens another."""
    return getattr(klant.herkomst, "namens", None) is not None


def schrijf_vertegenwoordigingen(
    register: KlantRegister,
    klanten: Sequence[Klant],
    pad: str,
    *,
    vorm: str,
    basis_url: str | None,
) -> int:
    """Write the Vertegenwoordigden of ``klanten`` to ``pad``; how many were left out."""
    regels = []
    weggelaten = 0
    for klant in klanten:
        melding = None
        subject = klantinteracties.vertegenwoordiger(klant)
        if subject is None:
            melding = "de herkomst noemt de vertegenwoordiger niet"
        else:
            houders = [k for k in register.zoek(subject, klant.gemeente) if k.id != klant.id]
            if len(houders) != 1:
                melding = (
                    f"de vertegenwoordiger heeft {'geen' if not houders else len(houders)} "
                    f"klant{'en' if len(houders) > 1 else ''} in gemeente {klant.gemeente.waarde}"
                )
            else:
                try:
                    regels.append(
                        klantinteracties.naar_vertegenwoordigden(
                            klant,
                            houders[0].id,
                            vorm=vorm,  # type: ignore[arg-type]
                            basis_url=basis_url,
                        )
                    )
                except FormaatError as fout:
                    melding = str(fout)
        if melding is not None:
            weggelaten += 1
            print(
                f"niet overgenomen: klant {klant.id}: vertegenwoordiging: {melding}",
                file=sys.stderr,
            )
    with Doelbestand(pad) as doel:
        schrijf_regels(regels, doel.bestand)
        doel.bewaar()
    return weggelaten
