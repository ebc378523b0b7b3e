"""A logboek that writes each :class:`~klantregister.Verwerking` to Python's ``logging``.

For a service whose log records go to a log platform (as JSON, through a handler of its
own): each entry is one record at ``INFO`` on the logger given (by default
``"klantregister.verwerkingen"``), its message the operation and the klant, and the entry
under the field names of Logboek Dataverwerkingen as the record's attribute
``verwerking`` (``extra``). It holds pseudonyms and masked text only.

Unlike the repositories' own logboeken it is not written in the operation's
transaction: a record is emitted when the register writes the entry, before the
commit, so a commit that then fails leaves a record of an operation that did not
happen. It cannot be read back (:meth:`LoggingLogboek.verwerkingen` raises
:class:`~klantregister.OpslagError`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from uuid import UUID

from klantregister.domain import OpslagError, Verwerking, maskeer, typefout

__all__ = ["LoggingLogboek"]


class LoggingLogboek:
    """The Logboek port on a :class:`logging.Logger` (or its name)."""

    def __init__(self, logger: logging.Logger | str = "klantregister.verwerkingen") -> None:
        if isinstance(logger, str):
            logger = logging.getLogger(logger)
        if not isinstance(logger, logging.Logger):
            raise typefout("logger", "een logging.Logger of de naam van een", logger)
        self.logger = logger

    def schrijf_verwerkingen(self, verwerkingen: Sequence[Verwerking]) -> None:
        for verwerking in verwerkingen:
            self.logger.info(
                "verwerking %s: %s van klant %s in gemeente %s",
                verwerking.id,
                verwerking.handeling.value,
                verwerking.klant_id,
                verwerking.gemeente.waarde,
                extra={"verwerking": verwerking.als_ldv()},
            )

    def verwerkingen(self, klant_id: UUID | None = None) -> Iterator[Verwerking]:
        raise OpslagError(
            "een LoggingLogboek schrijft naar logging en kan niet worden gelezen; "
            "lees het logboek van de opslag"
        )

    def __repr__(self) -> str:
        return f"<LoggingLogboek {maskeer(self.logger.name)!r}>"
