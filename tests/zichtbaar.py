"""What a person can read of what the library gives, raises and logs: for the privacy tests,
which look there for a BSN or A-nummer in full (KLUIT06)."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from contextlib import contextmanager


def schrijfwijzen(nummer: str) -> set[str]:
    """The ways a number may be written in full: compact, and for a BSN as 1112.22.333."""
    vormen = {nummer}
    if len(nummer) == 9:
        vormen.add(f"{nummer[:4]}.{nummer[4:6]}.{nummer[6:]}")
    return vormen


def leesbare_tekst(fout: BaseException) -> str:
    """Everything of an exception a person may read: message, args, attributes, the chain
    (``__cause__`` and ``__context__``) to its end."""
    delen = []
    gezien: set[int] = set()
    huidig: BaseException | None = fout
    while huidig is not None and id(huidig) not in gezien:
        gezien.add(id(huidig))
        delen.extend(
            [
                str(huidig),
                repr(huidig),
                repr(huidig.args),
                repr(vars(huidig)),
                *traceback.format_exception_only(type(huidig), huidig),
            ]
        )
        huidig = huidig.__cause__ or huidig.__context__
    return "\n".join(delen)


def toont_niet(nummer: str, *teksten: str) -> bool:
    return not any(vorm in tekst for vorm in schrijfwijzen(nummer) for tekst in teksten)


@contextmanager
def logboek() -> Iterator[list[logging.LogRecord]]:
    """The records the library logs at DEBUG level while the block runs."""
    records: list[logging.LogRecord] = []

    class Verzamel(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("klantregister")
    handler = Verzamel(logging.DEBUG)
    niveau = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(niveau)
