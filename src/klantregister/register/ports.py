"""The port between the register and its storage: what a repository must offer.

:class:`KlantRepository` is a :class:`typing.Protocol`: an adapter satisfies it
by having these methods, without inheriting from anything. klantregister
ships three: :class:`~klantregister.MemoryRepository` (the default),
:class:`~klantregister.SqliteRepository` and
:class:`~klantregister.PostgresRepository`.

The register decides what may be stored and checks the KLOK01 rules first, so
its errors are precise. A repository enforces the same uniqueness on its own as
well, so that two processes racing through the register cannot both succeed:

- ``add``, ``add_many`` and ``replace`` raise :class:`KardinaliteitError`
  (rule 1, with the holder's id) when a natural-person key is already held in
  the gemeente, and :class:`KlantnummerInGebruikError` for a taken klantnummer;
- ``replace`` and ``remove`` raise :class:`VersieconflictError` when the stored
  klant's ``versie`` is no longer the one the caller read, and
  :class:`KlantNietGevondenError` when it is gone;
- a write that raises leaves the storage as it was;
- storage failures surface as :class:`OpslagError`, never as a driver's own
  exception.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Protocol, runtime_checkable
from uuid import UUID

from klantregister.domain import Gemeentecode, Identificator, Klant, Verwerking

__all__ = ["KlantRepository", "Logboek"]


@runtime_checkable
class Logboek(Protocol):
    """Where the register writes its :class:`~klantregister.Verwerking` entries.

    The three repositories are logboeken themselves, writing in the transaction of the
    operation they log (so no identificatie is stored without its entry, nor an entry
    kept of an operation rolled back); :class:`~klantregister.LoggingLogboek` writes to
    Python's ``logging`` instead.
    """

    def schrijf_verwerkingen(self, verwerkingen: Sequence[Verwerking]) -> None:
        """Keep these entries, in this order, inside the open transaction if any."""
        ...

    def verwerkingen(self, klant_id: UUID | None = None) -> Iterator[Verwerking]:
        """The entries kept, in the order they were written; of one klant only if given.

        Raises :class:`~klantregister.OpslagError` for a logboek that cannot be read.
        """
        ...


@runtime_checkable
class KlantRepository(Protocol):
    """Storage of klanten with per-gemeente indexes on identifiers and klantnummers."""

    def transaction(self) -> AbstractContextManager[None]:
        """Run the calls inside the ``with`` block as one transaction.

        The register opens one per operation that changes something: its reads
        and its write then see one consistent state, and a refused operation
        rolls back. Transactions may nest (an inner one is a savepoint).
        """
        ...

    def get(self, klant_id: UUID) -> Klant | None:
        """The klant with this id, or ``None``."""
        ...

    def holder(self, gemeente: Gemeentecode, sleutel: Identificator) -> UUID | None:
        """The id of the klant holding this natural-person key in the gemeente, or ``None``."""
        ...

    def klantnummer_holder(self, gemeente: Gemeentecode, nummer: str) -> UUID | None:
        """The id of the klant with this klantnummer in the gemeente, or ``None``."""
        ...

    def find(self, gemeente: Gemeentecode, identificator: Identificator) -> list[Klant]:
        """The klanten of the gemeente holding the identifier: the person's holder first,
        then an organisation's holders in the order they got the key."""
        ...

    def next_klantnummers(self, gemeente: Gemeentecode, aantal: int = 1) -> list[str]:
        """``aantal`` klantnummers of 8 digits not yet given in the gemeente, in order.

        Raises :class:`KlantregisterError` when the gemeente's numbers are used up.
        """
        ...

    def add(self, klant: Klant) -> None:
        """Store a new klant.

        Raises :class:`~klantregister.KlantBestaatAlError` when a klant with its id is
        stored, :class:`~klantregister.KlantnummerInGebruikError` or a
        :class:`~klantregister.KardinaliteitError` (rule 1) when another klant holds its
        klantnummer or a natural-person key of it.
        """
        ...

    def add_many(self, klanten: Sequence[Klant]) -> None:
        """Store new klanten, all or none: the bulk path, one round trip where possible.

        Raises what :meth:`add` raises, for the first klant that conflicts with a stored
        one or with another of ``klanten``.
        """
        ...

    def replace(self, oud: Klant, nieuw: Klant) -> None:
        """Store ``nieuw`` in place of ``oud``, if the stored versie is still ``oud.versie``."""
        ...

    def remove(self, klant: Klant) -> None:
        """Erase the klant and free its keys, if the stored versie is still ``klant.versie``."""
        ...

    def __len__(self) -> int:
        """How many klanten are stored."""
        ...

    def __iter__(self) -> Iterator[Klant]:
        """Every klant stored when iteration starts, in order of registration."""
        ...

    def __contains__(self, klant_id: object) -> bool:
        """Whether a klant with this id is stored."""
        ...

    def gemeenten(self) -> int:
        """How many gemeenten hold at least one klant."""
        ...

    def close(self) -> None:
        """Release the connection, if any; the repository is unusable afterwards."""
        ...
