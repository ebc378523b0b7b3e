"""The arguments every reader and writer of a format takes, checked where they come in: a
sequence of values, and a text file to write to."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import IO, TypeVar

from klantregister.domain import OngeldigTypeError, typefout

__all__ = ["reeks", "tekstbestand"]

_T = TypeVar("_T")


def reeks(veld: str, waarden: Iterable[_T]) -> Iterable[_T]:
    """``waarden`` if it is a sequence of values: not a text, bytes or a mapping (whose
    iteration gives characters or keys), and iterable.

    >>> reeks("klanten", "abc")
    Traceback (most recent call last):
        ...
    klantregister.OngeldigTypeError: klanten: verwacht een reeks, kreeg str
    """
    if isinstance(waarden, (str, bytes, bytearray, Mapping)) or not isinstance(waarden, Iterable):
        raise typefout(veld, "een reeks", waarden)
    return waarden


def tekstbestand(bestand: IO[str]) -> IO[str]:
    """``bestand`` if it is open for writing text: an object with a ``write`` method that is
    not a binary stream and not closed."""
    if isinstance(bestand, (io.RawIOBase, io.BufferedIOBase)) or not callable(
        getattr(bestand, "write", None)
    ):
        raise typefout("bestand", "een tekstbestand open om te schrijven", bestand)
    if getattr(bestand, "closed", False) is True:
        raise OngeldigTypeError("bestand", "het bestand is gesloten")
    return bestand
