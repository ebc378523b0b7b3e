"""How a register is opened on a URL, and closed: a mixin of
:class:`~klantregister.KlantRegister`, which holds the storage, the lock and whether it
is closed.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from types import TracebackType

from typing_extensions import Self

from klantregister.domain import Betrouwbaarheidsniveau, als_termijn, niveau, typefout
from klantregister.register.ports import KlantRepository, Logboek
from klantregister.register.urls import repository_from_url
from klantregister.register.verwerker import als_logboek, als_logsleutel

__all__ = ["RegisterLevensloop", "als_klok"]


def als_klok(value: object) -> Callable[[], datetime.date]:
    """Converter: what tells the register today's date (``datetime.date.today`` by default;
    a test or a batch run on a fixed day passes its own)."""
    if not callable(value):
        raise typefout("klok", "een functie die de datum van vandaag geeft", value)
    return value


def _waarheid(value: object, veld: str = "vereis_subject") -> bool:
    """Converter: True or False, nothing that only looks like it."""
    if not isinstance(value, bool):
        raise typefout(veld, "True of False", value)
    return value


class RegisterLevensloop:
    """Opening and closing; the register provides the attributes below."""

    _store: KlantRepository
    _lock: threading.Lock
    _gesloten: bool

    @classmethod
    def open(
        cls,
        url: str,
        *,
        minimaal_betrouwbaarheidsniveau: Betrouwbaarheidsniveau | str = (
            Betrouwbaarheidsniveau.SUBSTANTIEEL
        ),
        aanmaken: bool = True,
        vereis_subject: bool = True,
        logboek: Logboek | None = None,
        logsleutel: bytes | None = None,
        bewaartermijn_zelfstandig: datetime.timedelta | None = None,
        klok: Callable[[], datetime.date] = datetime.date.today,
    ) -> Self:
        """A register on the storage the URL names.

        - ``memory://``: in this process's memory (what ``KlantRegister()`` uses);
        - ``sqlite:///relative/path.db``, ``sqlite:////absolute/path.db``: a SQLite
          file, created with its schema when it does not exist;
        - ``postgresql://user:password@host:port/database`` (or ``postgres://``): a
          PostgreSQL database, needing the extra ``klantregister[postgres]``.

        An unknown scheme, an unreachable database or a database that is not a
        klantregister's raises :class:`OpslagError`. With ``aanmaken=False`` (to read
        an existing register) a SQLite file that does not exist, or a database
        without the schema, raises it too instead of being created. Close the
        register when done, or use it as a context manager. The settings are the
        constructor's, checked before the storage is opened.
        """
        # Check the setting before the storage is opened (and a file perhaps created).
        minimum = niveau(minimaal_betrouwbaarheidsniveau)
        _waarheid(vereis_subject, "vereis_subject")
        _waarheid(aanmaken, "aanmaken")
        als_logboek(logboek)
        als_logsleutel(logsleutel)
        als_termijn(bewaartermijn_zelfstandig)
        als_klok(klok)
        return cls(
            repository_from_url(url, aanmaken=aanmaken),  # type: ignore[call-arg]
            minimaal_betrouwbaarheidsniveau=minimum,
            vereis_subject=vereis_subject,
            logboek=logboek,
            logsleutel=logsleutel,
            bewaartermijn_zelfstandig=bewaartermijn_zelfstandig,
            klok=klok,
        )

    def close(self) -> None:
        """Release the storage's connection; the register is unusable afterwards."""
        with self._lock:
            self._store.close()
            self._gesloten = True

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        soort: type[BaseException] | None,
        fout: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
