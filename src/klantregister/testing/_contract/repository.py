"""The contract of every :class:`~klantregister.KlantRepository`, composed of its parts."""

from __future__ import annotations

from klantregister.testing._contract.add import AddContract
from klantregister.testing._contract.collection import CollectionContract
from klantregister.testing._contract.klantnummers import KlantnummerContract
from klantregister.testing._contract.lookup import LookupContract
from klantregister.testing._contract.remove import RemoveContract
from klantregister.testing._contract.replace import ReplaceContract
from klantregister.testing._contract.transaction import TransactionContract


class RepositoryContract(
    TransactionContract,
    LookupContract,
    KlantnummerContract,
    AddContract,
    ReplaceContract,
    RemoveContract,
    CollectionContract,
):
    """What every :class:`~klantregister.KlantRepository` does; subclass it once per adapter.

    It tests each method of the port directly, without the register in front:
    the adapter's own enforcement of KLOK01 rule 1, of unique klantnummers and
    of ``versie``, its transactions and savepoints, its order of iteration.
    A subclass named ``Test...`` gives the two abstract methods:

    - :meth:`make_repository`: a new, empty repository of the adapter;
    - :meth:`zet_volgnummer`: set a gemeente's klantnummer counter, so that the
      tests of the last klantnummers need not give 99,999,999 of them first.
    """
