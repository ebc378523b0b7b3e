"""``klantregister import``'s storing: the records read, a batch at a time.

Memory holds one batch, the counts, and of each refusal only what the report says of
it. Batches are stored in the order of the file, each in its own transactions.
(Storing one batch in a thread while the next is read was tried, and measured no
faster on SQLite or PostgreSQL: the drivers hold Python's interpreter lock for most of
a batch, so the two threads took turns.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from typing import Any

from klantregister.cli.importeren import importeer
from klantregister.domain import maskeer_id
from klantregister.formats import Gelezen
from klantregister.register import KlantRegister

__all__ = ["Batchimport"]


class Batchimport:
    """Store records read by an import, ``batchgrootte`` at a time.

    :meth:`voeg_toe` stores a batch when it is full, :meth:`klaar` what is left; either
    raises the register's :class:`~klantregister.OpslagError` when storing fails, and
    :attr:`telling` then counts the batches stored before.
    """

    def __init__(
        self,
        register: KlantRegister,
        *,
        bij_bestaand: str,
        batchgrootte: int,
        ontbrekend: Callable[[Gelezen], Set[str]],
    ) -> None:
        self._register = register
        self._bij_bestaand = bij_bestaand
        self._grootte = batchgrootte
        self._ontbrekend = ontbrekend
        self._batch: list[tuple[str, Gelezen]] = []
        #: Klanten stored, already present, updated (of the batches stored so far).
        self.telling = {"opgeslagen": 0, "al_aanwezig": 0, "bijgewerkt": 0}
        #: Per refused record: its file, position, id and why.
        self.geweigerd: list[dict[str, Any]] = []

    def voeg_toe(self, pad: str, gelezen: Gelezen) -> None:
        """Store the registratie of ``gelezen`` (read from ``pad``) with its batch; a
        record without one (refused by the reader) is not the register's to see."""
        if gelezen.registratie is None:
            return
        self._batch.append((pad, gelezen))
        if len(self._batch) >= self._grootte:
            self._sla_op()

    def klaar(self) -> None:
        """Store the last batch."""
        if self._batch:
            self._sla_op()

    def _sla_op(self) -> None:
        batch, self._batch = self._batch, []
        onvolledig: Mapping[int, Set[str]] = {
            index: ontbrekend
            for index, (_, gelezen) in enumerate(batch)
            if (ontbrekend := self._ontbrekend(gelezen))
        }
        resultaat = importeer(
            self._register,
            [gelezen.registratie for _, gelezen in batch if gelezen.registratie is not None],
            bij_bestaand=self._bij_bestaand,
            onvolledig=onvolledig,
            bronnen=[pad for pad, _ in batch],
        )
        self.telling["opgeslagen"] += resultaat.opgeslagen
        self.telling["al_aanwezig"] += len(resultaat.al_aanwezig)
        self.telling["bijgewerkt"] += len(resultaat.bijgewerkt)
        for i, melding in resultaat.geweigerd:
            _, gelezen = batch[i]
            # A record's id is its url, which may hold a BSN (?bsn=…): masked.
            id_ = None if gelezen.id is None else maskeer_id(gelezen.id)
            self.geweigerd.append(
                {"bron": batch[i][0], "positie": gelezen.positie, "id": id_, "melding": melding}
            )
