"""What a command does beside its work: its exit statuses, the garbage collector's pace,
progress on a terminal."""

from __future__ import annotations

import contextlib
import gc
import io
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from types import TracebackType
from typing import IO

from klantregister.check import Stand

__all__ = [
    "GEBRUIK",
    "OPSLAG",
    "OVERTREDINGEN",
    "SCHOON",
    "Doelbestand",
    "GebruikError",
    "Voortgang",
    "ruime_gc",
    "vergevende_uitvoer",
]

#: The exit statuses of every command.
SCHOON, OVERTREDINGEN, GEBRUIK = 0, 1, 2
#: The exit status of an import or export whose storage failed on the way (it says how many
#: klanten it had stored or written; importing again stores the rest).
OPSLAG = 3


class GebruikError(Exception):
    """A usage error: the message is for the user, the exit status is 2."""


@contextlib.contextmanager
def ruime_gc() -> Iterator[None]:
    """Collect cyclic garbage less often while a command runs, as batch programs do.

    A command makes millions of short-lived objects (records, value objects, rows) and
    almost no cycles; the default thresholds (700, 10, 10) collect every few hundred
    of them and walk the older ones again and again: about a tenth of an import's
    time. Memory stays bounded: at most the threshold's objects wait for a collection.
    """
    oud = gc.get_threshold()
    gc.set_threshold(*_GC_DREMPELS)
    try:
        yield
    finally:
        gc.set_threshold(*oud)


_GC_DREMPELS = (50_000, 20, 20)


@contextlib.contextmanager
def vergevende_uitvoer() -> Iterator[None]:
    """Write what the output's encoding cannot hold as a backslash escape, not an error.

    A file name that is not valid UTF-8 reaches Python as text with lone surrogates;
    printed to a UTF-8 stdout (``PYTHONIOENCODING=utf-8``) it ended the report in a
    ``UnicodeEncodeError``. It is written as ``\\udcff`` instead (in JSON output, a valid
    escape of the same character).
    """
    oud = [
        (stroom, stroom.errors)
        for stroom in (sys.stdout, sys.stderr)
        if isinstance(stroom, io.TextIOWrapper)
    ]
    for stroom, _ in oud:
        stroom.reconfigure(errors="backslashreplace")
    try:
        yield
    finally:
        for stroom, fouten in oud:
            stroom.reconfigure(errors=fouten)


class Voortgang:
    """Progress on a terminal's stderr: records/s and the time left, twice a second."""

    def __init__(self) -> None:
        self._pad = ""
        self._begin = time.monotonic()
        self._laatst = 0.0

    @classmethod
    def voor(cls, uitvoer: str) -> Voortgang | None:
        # Never on a pipe or a file, and never mixed into JSON output.
        return cls() if uitvoer == "text" and sys.stderr.isatty() else None

    def begin(self, pad: str) -> None:
        self._pad = pad
        self._begin = time.monotonic()

    def toon(self, stand: Stand) -> None:
        nu = time.monotonic()
        if nu - self._laatst < 0.5:
            return
        self._laatst = nu
        verstreken = max(nu - self._begin, 1e-9)
        records, gelezen = stand.records(), stand.gelezen()
        rest = (stand.grootte - gelezen) * verstreken / gelezen if gelezen else 0.0
        sys.stderr.write(
            f"\r{self._pad}: {records:,} records, {records / verstreken:,.0f}/s, "
            f"nog ~{rest:.0f} s   "
        )
        sys.stderr.flush()

    def klaar(self) -> None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


class Doelbestand:
    """A file written whole or not at all: the lines go into a temporary file beside
    ``pad`` (readable by its owner only: an export holds BSNs), which :meth:`bewaar` puts
    in ``pad``'s place; leaving without it removes the temporary file, and ``pad`` is as it
    was. A command stopped half way (an unwritable klant, a storage failure, Ctrl-C)
    never leaves part of an export under the name asked for.
    """

    def __init__(self, pad: str) -> None:
        self.pad = pad
        map_ = os.path.dirname(os.path.abspath(pad))
        try:
            fd, self._tijdelijk = tempfile.mkstemp(
                dir=map_, prefix=f".{os.path.basename(pad)}.", suffix=".tmp"
            )
        except OSError as fout:
            raise OSError(
                fout.errno, f"{pad}: kan niet geschreven worden: {fout.strerror}"
            ) from None
        self.bestand: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self._bewaard = False

    def bewaar(self) -> None:
        """Put what was written in ``pad``'s place, on disk first."""
        self.bestand.flush()
        os.fsync(self.bestand.fileno())
        self.bestand.close()
        os.replace(self._tijdelijk, self.pad)
        self._bewaard = True

    def __enter__(self) -> Doelbestand:
        return self

    def __exit__(
        self,
        soort: type[BaseException] | None,
        fout: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if not self._bewaard:
            self.bestand.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._tijdelijk)
