"""The repository contract suite, in one module per part of the port.

:class:`RepositoryContract` is composed of one class per group of the port's
methods (transactions, lookups, klantnummers, add, replace, remove, the
collection); :class:`SqlRepositoryContract` adds what a repository on a database
connection promises; :class:`HoldersManyContract` tests the optional
``holders_many`` of a repository that has it. This package holds no ``Test``
class, so pytest collects nothing here; ``klantregister.testing`` has pytest
rewrite its asserts.
"""

from klantregister.testing._contract.houders import HoldersManyContract
from klantregister.testing._contract.repository import RepositoryContract
from klantregister.testing._contract.sql import SqlRepositoryContract

__all__ = ["HoldersManyContract", "RepositoryContract", "SqlRepositoryContract"]
