"""Storage: one module per backend, each satisfying :class:`~klantregister.KlantRepository`.

- :mod:`~klantregister.storage.memory`: in this process's memory, the default;
- :mod:`~klantregister.storage.sqlite`: a SQLite file (the standard library's driver);
- :mod:`~klantregister.storage.postgres`: a PostgreSQL database (psycopg 3, an extra);
- :mod:`~klantregister.storage.sql` and :mod:`~klantregister.storage.schema`: what the
  two SQL backends share, their schema from one source.

The SQL backends are imported on first use, so that importing klantregister loads
no database driver. Storage imports the domain only: no register, format, check or
display (an import-linter contract says so).
"""

from typing import TYPE_CHECKING

from klantregister.storage.memory import MemoryRepository

if TYPE_CHECKING:
    from klantregister.storage.postgres import PostgresRepository
    from klantregister.storage.sqlite import SqliteRepository

__all__ = ["MemoryRepository", "PostgresRepository", "SqliteRepository"]


def __getattr__(naam: str) -> object:
    if naam == "SqliteRepository":
        from klantregister.storage.sqlite import SqliteRepository  # noqa: PLC0415

        return SqliteRepository
    if naam == "PostgresRepository":
        from klantregister.storage.postgres import PostgresRepository  # noqa: PLC0415

        return PostgresRepository
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
