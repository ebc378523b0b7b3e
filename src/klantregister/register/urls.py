"""Opening a repository from a URL: ``memory://``, ``sqlite:///…``, ``postgresql://…``.

The adapters are imported only when their scheme is asked for, so the
PostgreSQL driver is needed only by those who use PostgreSQL.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from klantregister.domain import OpslagError, toon
from klantregister.register.ports import KlantRepository
from klantregister.storage import MemoryRepository

__all__ = ["repository_from_url"]


def repository_from_url(url: str, *, aanmaken: bool = True) -> KlantRepository:
    """The repository the URL names; :class:`OpslagError` for anything else.

    With ``aanmaken`` false, a SQLite file that does not exist, or a database without a
    klantregister schema, is refused rather than created: for a reader (``export``).

    >>> repository_from_url("memory://")
    <MemoryRepository klanten=0>
    >>> repository_from_url("ftp://example.nl/klanten")
    Traceback (most recent call last):
        ...
    klantregister.OpslagError: onbekend URL-schema 'ftp': gebruik memory://, sqlite:/// of ...
    """
    if not isinstance(url, str):
        raise OpslagError(f"verwacht een URL (str), kreeg {type(url).__name__}")
    schema, _, rest = url.partition("://")
    schema = schema.lower()
    if schema == "memory":
        if rest:
            raise OpslagError("memory:// neemt geen pad of host")
        return MemoryRepository()
    if schema == "sqlite":
        from klantregister.storage.sqlite import SqliteRepository  # noqa: PLC0415

        # sqlite:///relative.db has the path "relative.db", sqlite:////abs.db "/abs.db".
        if not rest.startswith("/") or rest == "/":
            raise OpslagError("een SQLite-URL heeft de vorm sqlite:///pad/naar/bestand.db")
        if "?" in rest or "#" in rest:
            # Not silently part of the file's name: write a ? or # in a name as %3F, %23.
            raise OpslagError(
                "een SQLite-URL neemt geen parameters (?…) of fragment (#…); "
                "schrijf een ? of # in de bestandsnaam als %3F of %23"
            )
        try:
            pad = unquote(rest[1:], errors="strict")
        except UnicodeDecodeError:
            raise OpslagError("het pad in de SQLite-URL is geen geldige UTF-8") from None
        return SqliteRepository(pad, aanmaken=aanmaken)
    if schema in {"postgresql", "postgres"}:
        from klantregister.storage.postgres import PostgresRepository  # noqa: PLC0415

        if not urlsplit(url).path.strip("/"):
            raise OpslagError("een PostgreSQL-URL noemt de database: postgresql://host/database")
        return PostgresRepository(url, aanmaken=aanmaken)
    raise OpslagError(
        f"onbekend URL-schema {toon(schema)}: gebruik memory://, sqlite:/// of postgresql://"
    )
