"""``klantregister import``'s storing: the records read, a batch at a time.

Memory holds one batch, the counts, and of each refusal only what the report says of
it. Batches are stored in the order of the file, each in its own transactions.
(Storing one batch in a thread while the next is read was tried, and measured no
faster on SQLite or PostgreSQL: the drivers hold Python's interpreter lock for most of
a batch, so the two threads took turns.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Set
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
        bij_ingelezen: str,
        bij_bestaande: str = "weigeren",
        batchgrootte: int,
        ontbrekend: Callable[[Gelezen], Set[str]],
    ) -> None:
        self._register = register
        self._bij_ingelezen = bij_ingelezen
        self._bij_bestaande = bij_bestaande
        self._grootte = batchgrootte
        self._ontbrekend = ontbrekend
        self._batch: list[tuple[str, Gelezen]] = []
        #: Klanten stored, already present, updated; records of a person who has another
        #: klant skipped, or that filled it (of the batches stored so far).
        self.telling = {
            "opgeslagen": 0,
            "al_aanwezig": 0,
            "bijgewerkt": 0,
            "overgeslagen": 0,
            "aangevuld": 0,
        }
        #: Per refused record: its file, position, id and why.
        self.geweigerd: list[dict[str, Any]] = []
        #: Per record that filled its person's klant or differs from it: its file,
        #: position, id, the klant, and the names of the fields filled and differing.
        self.aanvullingen: list[dict[str, Any]] = []

    def verslag(self) -> dict[str, Any]:
        """The counts, the refusals and the aanvullingen, as the JSON report holds them."""
        return {**self.telling, "geweigerd": self.geweigerd, "aanvullingen": self.aanvullingen}

    def tekstverslag(self) -> Iterator[str]:
        """The lines of the text report: each refusal, each aanvulling, and the counts."""
        for regel in self.geweigerd:
            yield f"{_plaats(regel)} geweigerd: {regel['melding']}"
        for regel in self.aanvullingen:
            wat = [
                f"{soort}: {', '.join(regel[soort])}"
                for soort in ("aangevuld", "verschillend")
                if regel[soort]
            ]
            yield f"{_plaats(regel)} persoon is al klant {regel['klant']}; {'; '.join(wat)}"
        telling = self.telling
        if self._bij_bestaande == "weigeren":  # the line as it was, for scripts that read it
            telling = {naam: telling[naam] for naam in ("opgeslagen", "al_aanwezig", "bijgewerkt")}
        yield (
            ", ".join(f"{naam.replace('_', ' ')}: {aantal}" for naam, aantal in telling.items())
            + f", geweigerd: {len(self.geweigerd)}"
        )

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
            bij_ingelezen=self._bij_ingelezen,
            bij_bestaande=self._bij_bestaande,
            onvolledig=onvolledig,
            bronnen=[pad for pad, _ in batch],
        )
        self.telling["opgeslagen"] += resultaat.opgeslagen
        self.telling["al_aanwezig"] += len(resultaat.al_aanwezig)
        self.telling["bijgewerkt"] += len(resultaat.bijgewerkt)
        self.telling["overgeslagen"] += len(resultaat.overgeslagen)
        self.telling["aangevuld"] += len(resultaat.aangevuld)
        for i, melding in resultaat.geweigerd:
            self.geweigerd.append(_waar(*batch[i]) | {"melding": melding})
        for aanvulling in resultaat.aanvullingen:
            self.aanvullingen.append(
                _waar(*batch[aanvulling.positie])
                | {
                    "klant": str(aanvulling.klant_id),
                    "aangevuld": list(aanvulling.aangevuld),
                    "verschillend": list(aanvulling.verschillend),
                }
            )


def _waar(pad: str, gelezen: Gelezen) -> dict[str, Any]:
    """Where a record is: its file, position and id (its url, which may hold a BSN,
    ``?bsn=…``: masked)."""
    id_ = None if gelezen.id is None else maskeer_id(gelezen.id)
    return {"bron": pad, "positie": gelezen.positie, "id": id_}


def _plaats(regel: dict[str, Any]) -> str:
    """Where a report's line is about: ``file:position [id]``."""
    return f"{regel['bron']}:{regel['positie']} [{regel['id']}]"
