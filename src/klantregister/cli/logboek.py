"""``klantregister logboek``: the processing log of a register, one entry a line.

``--klant ID`` lists one klant's entries, ``--betrokkene NUMMER`` a data subject's (a BSN,
KvK-nummer...: its pseudonym is computed with the log's key, so the entries of an erased
klant are found too: an inzageverzoek). ``--format json`` writes each entry as a JSON line
under the field names of Logboek Dataverwerkingen; the text shows pseudonyms shortened.
The key of the pseudonyms is the register's own unless ``KLANTREGISTER_LOGSLEUTEL`` holds
one (hexadecimal, at least 32 digits), as it must for the command that wrote them.
"""

from __future__ import annotations

import argparse
import json
import os

from klantregister.domain import OngeldigFormaatError, Verwerking
from klantregister.register import KlantRegister
from klantregister.register.argumenten import identificatoren

__all__ = ["logboek", "logsleutel"]


def logsleutel() -> bytes | None:
    """The key of the log's pseudonyms from ``KLANTREGISTER_LOGSLEUTEL``, or ``None``."""
    tekst = os.environ.get("KLANTREGISTER_LOGSLEUTEL")
    if not tekst:
        return None
    try:
        return bytes.fromhex(tekst.strip())
    except ValueError:
        pass
    raise OngeldigFormaatError(
        "KLANTREGISTER_LOGSLEUTEL", "verwacht hexadecimale tekens (ten minste 32)"
    )


def logboek(args: argparse.Namespace) -> int:
    """List the entries; exit status 0."""
    betrokkene = None
    if args.betrokkene is not None:
        kandidaten = identificatoren(args.betrokkene)
        betrokkene = kandidaten[0]  # nine digits: a BSN first, as zoek does
    with KlantRegister.open(args.bron, aanmaken=False, logsleutel=logsleutel()) as register:
        for verwerking in register.verwerkingen(args.klant, betrokkene=betrokkene):
            if args.uitvoer == "json":
                print(json.dumps(verwerking.als_ldv(), ensure_ascii=False))
            else:
                print(_regel(verwerking))
    return 0


def _regel(v: Verwerking) -> str:
    delen = [
        v.tijdstip.isoformat(timespec="seconds"),
        v.handeling.value,
        f"gemeente {v.gemeente.waarde}",
        f"klant {v.klant_id or '-'}",
        f"{v.betrokkene_soort or 'betrokkene'} {_kort(v.betrokkene)}",
    ]
    if v.overname is not None:
        delen.append(f"overgenomen uit {v.overname}")
    if v.niveau is not None:
        delen.append(f"niveau {v.niveau.name.lower()} ({v.middel or 'middel onbekend'})")
    if v.namens is not None:
        delen.append(f"namens {_kort(v.namens)} ({v.grondslag.value if v.grondslag else '-'})")
    elif v.subject is not None:
        delen.append(f"als {_kort(v.subject)}")
    if v.doel is not None:
        delen.append(f"doel: {v.doel}")
    if v.trace_id is not None:
        delen.append(f"trace {v.trace_id}")
    return " | ".join(delen)


def _kort(pseudoniem: str | None) -> str:
    return "-" if pseudoniem is None else pseudoniem[:12]
