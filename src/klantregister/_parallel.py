"""Checking an export file, a large JSON Lines file on every core.

:func:`controleer_bestand` feeds every record of one file to a
:class:`~klantregister._controle.Controle`. A JSON Lines file of at least
``processen`` times :data:`MIN_DEEL` bytes is cut into that many parts at line
ends; each part is checked by a process of its own with a ``Controle`` of its
own, and the parts are merged in file order (:meth:`Controle.voeg_samen`), so
the report is the one a single pass gives.

A part is read line by line, each line decoded with the streaming reader's own
decoder (the same limits: no key twice, no ``NaN``, no 31-digit integer). A
line that is not one whole record (a record over several lines, invalid JSON or
UTF-8, a byte order mark, a first line that is a page or an array) stops the
parts, and the file is read again in one pass by the streaming reader
(:func:`~klantregister.formats.lees_records`), which reports such input exactly.

Records a format's fast path (:func:`klanten_v1.kern
<klantregister.formats.klanten_v1.kern>`) proves valid are counted from their
:data:`~klantregister.formats.Kern`; every other record goes through the full
reader, which says what is wrong with it.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import IO, Any

import attrs

from klantregister._controle import Controle
from klantregister._identifiers import Gemeentecode
from klantregister.formats import klanten_v1, klantinteracties
from klantregister.formats._resultaat import Gelezen, Kern
from klantregister.formats._stream import _DECODER, MAX_RECORD, _Grens, lees_records

__all__ = ["MIN_DEEL", "Invoer", "Voortgang", "bruikbare_processoren", "controleer_bestand"]

#: The smallest part, in bytes, worth a process of its own.
MIN_DEEL = 4 << 20
_BLOK = 1 << 22
# What JSON and the streaming reader take as whitespace around a record on its line.
_WIT = " \t\r"
# How often (in records) a part reports its progress.
_TIK = 4096


@attrs.frozen
class Invoer:
    """What the files hold: their format, and the gemeente(n) of their records (validated)."""

    formaat: str  # "klanten_v1" or "klantinteracties"
    gemeenten: Gemeentecode | dict[str, Gemeentecode]

    def lezer(self) -> Callable[[object, int, int], Gelezen]:
        """The full reader of one decoded record, at its position and line."""
        if self.formaat == "klantinteracties":
            code = klantinteracties._een_gemeente(self.gemeenten)
            return lambda waarde, positie, regel: klantinteracties._lees(
                waarde, code, positie, regel
            )
        gemeenten = self.gemeenten
        return lambda waarde, positie, regel: klanten_v1._lees(waarde, gemeenten, positie, regel)

    def kern(self) -> Callable[[object], Kern | None] | None:
        """The format's fast path, where it has one."""
        if self.formaat != "klanten_v1":
            return None
        return functools.partial(klanten_v1.kern, gemeenten=self.gemeenten)


class Voortgang:
    """Where a check is: the records and bytes done so far, per part (shared between processes)."""

    def __init__(self, delen: int = 1, grootte: int = 0, *, stand: Any = None) -> None:
        # Per part: records, bytes. Written by each part's process, read by the first.
        self.stand: Any = multiprocessing.RawArray("q", 2 * delen) if stand is None else stand
        #: The file's size in bytes.
        self.grootte = grootte

    def zet(self, deel: int, records: int, gelezen: int) -> None:
        self.stand[2 * deel] = records
        self.stand[2 * deel + 1] = gelezen

    def records(self) -> int:
        return sum(self.stand[0::2])

    def gelezen(self) -> int:
        return sum(self.stand[1::2])


#: Called by the first process now and then while a file is checked.
Melder = Callable[[Voortgang], None]


class _Terugval(Exception):  # noqa: N818 (a signal between the parts and the file, never shown)
    """A part met input it leaves to the streaming reader."""


def bruikbare_processoren() -> int:
    """How many CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover (platforms without affinity)


def controleer_bestand(
    bestand: IO[bytes],
    naam: str,
    controle: Controle,
    invoer: Invoer,
    *,
    processen: int = 1,
    melder: Melder | None = None,
) -> None:
    """Check every record of ``bestand`` (a file open for binary reading, from its start)
    into ``controle``.

    ``naam`` names the file in the report. Raises :class:`~klantregister.FormaatError`
    for input that cannot be read, as the streaming reader does; ``controle`` then
    holds the records before it.
    """
    lezer, kern = invoer.lezer(), invoer.kern()  # a gemeente the format cannot use fails here
    grootte = os.fstat(bestand.fileno()).st_size
    delen = _delen(bestand, naam, invoer, grootte, processen) if processen > 1 else None
    if delen is not None:
        try:
            uitkomsten = _controleer_delen(bestand, delen, grootte, melder)
        except _Terugval:
            pass
        else:
            posities = regels = 0
            for deel, aantal_regels in uitkomsten:
                controle.voeg_samen(deel, posities=posities, regels=regels)
                posities += deel.records
                regels += aantal_regels
            return
    bestand.seek(0)
    voortgang = Voortgang(1, grootte)
    for aantal, record in enumerate(lees_records(bestand, naam=naam), 1):
        snel = kern(record.waarde) if kern is not None else None
        if snel is not None:
            controle.voeg_kern_toe(snel, naam, record.positie)
        else:
            controle.voeg_toe(lezer(record.waarde, record.positie, record.regel), naam)
        if melder is not None:
            voortgang.zet(0, aantal, bestand.tell())
            melder(voortgang)


@attrs.frozen
class _Deel:
    """One part of a JSON Lines file: bytes ``begin`` up to ``eind``, from a line start."""

    pad: str
    naam: str
    invoer: Invoer
    index: int
    begin: int
    eind: int

    def controleer(
        self, bestand: IO[bytes], voortgang: Voortgang, melder: Melder | None = None
    ) -> tuple[Controle, int]:
        """This part's Controle (positions and lines from 1) and its number of lines."""
        lezer, kern = self.invoer.lezer(), self.invoer.kern()
        controle = Controle()
        # The C scanner itself: json's decode() adds two Python calls and two regexes a line.
        scan = _DECODER.scan_once  # type: ignore[attr-defined]
        regel = positie = 0
        for tekst in self._regels(bestand):
            regel += 1
            tekst = tekst.strip(_WIT)  # noqa: PLW2901 (the line is its record)
            if not tekst:
                continue
            positie += 1
            try:
                waarde, eind = scan(tekst, 0)
            except (StopIteration, ValueError, _Grens, RecursionError):
                raise _Terugval from None
            if eind != len(tekst):
                raise _Terugval  # more than one value on the line
            snel = kern(waarde) if kern is not None else None
            if snel is not None:
                controle.voeg_kern_toe(snel, self.naam, positie)
            else:
                controle.voeg_toe(lezer(waarde, positie, regel), self.naam)
            if positie % _TIK == 0:
                voortgang.zet(self.index, positie, bestand.tell() - self.begin)
                if melder is not None:
                    melder(voortgang)
        voortgang.zet(self.index, positie, self.eind - self.begin)
        return controle, regel

    def _regels(self, bestand: IO[bytes]) -> Iterator[str]:
        """The part's lines, read in blocks, each decoded as UTF-8 on its own.

        (A block decoded whole would be widened to two bytes a character by one
        character beyond Latin-1, and every line cut from it scanned again.)
        """
        bestand.seek(self.begin)
        gelezen = self.begin
        rest = b""
        laatste = False
        while not laatste:
            blok = bestand.read(min(_BLOK, self.eind - gelezen)) if gelezen < self.eind else b""
            laatste = not blok
            gelezen += len(blok)
            if laatste:  # what follows the last line end is the last line, if anything
                regels, rest = ([rest] if rest else []), b""
            else:  # what follows the block's last line end goes on in the next block
                regels = (rest + blok).split(b"\n")
                rest = regels.pop()
            if len(rest) > 4 * MAX_RECORD:
                raise _Terugval  # a line longer than any record (UTF-8 has 4 bytes a character)
            for ruw in regels:
                try:
                    tekst = ruw.decode("utf-8")
                except UnicodeDecodeError:
                    raise _Terugval from None
                if len(tekst) > MAX_RECORD:
                    raise _Terugval
                yield tekst


def _regel_voor_regel(bestand: IO[bytes]) -> bool:
    """Whether the file's first record is an object alone on its line, and not a page:
    JSON Lines, as the streaming reader would take it."""
    bestand.seek(0)
    regel = b""
    while not regel.strip(b" \t\r\n"):
        regel = bestand.readline(4 * MAX_RECORD)
        if not regel:
            return False
    try:
        tekst = regel.decode("utf-8").strip(" \t\r\n")
        waarde, eind = _DECODER.scan_once(tekst, 0)  # type: ignore[attr-defined]
    except (StopIteration, ValueError, _Grens, RecursionError):
        return False  # or a record over several lines: the streaming reader's
    return eind == len(tekst) and type(waarde) is dict and "results" not in waarde


def _delen(
    bestand: IO[bytes], naam: str, invoer: Invoer, grootte: int, processen: int
) -> list[_Deel] | None:
    """Parts starting at line starts, or None when the file is too small to share or is
    not JSON Lines."""
    aantal = min(processen, grootte // MIN_DEEL)
    if aantal < 2 or not _regel_voor_regel(bestand):
        return None
    grenzen = [0]
    for index in range(1, aantal):
        bestand.seek(index * grootte // aantal)
        bestand.readline()  # on to the next line start
        grenzen.append(max(bestand.tell(), grenzen[-1]))
    grenzen.append(grootte)
    bestand.seek(0)
    paren = [(begin, eind) for begin, eind in itertools.pairwise(grenzen) if eind > begin]
    if len(paren) < 2:
        return None  # every cut fell inside the last line
    return [
        _Deel(bestand.name, naam, invoer, index, begin, eind)
        for index, (begin, eind) in enumerate(paren)
    ]


def _controleer_delen(
    bestand: IO[bytes], delen: list[_Deel], grootte: int, melder: Melder | None
) -> list[tuple[Controle, int]]:
    """Check the parts, the first here and the others in processes of their own."""
    voortgang = Voortgang(len(delen), grootte)
    pool = multiprocessing.get_context().Pool(
        len(delen) - 1, initializer=_begin_proces, initargs=(voortgang.stand,)
    )
    try:
        later = [pool.apply_async(_controleer_in_proces, (deel,)) for deel in delen[1:]]
        eerste = delen[0].controleer(bestand, voortgang, melder)
        for uitkomst in later:
            while melder is not None and not uitkomst.ready():
                uitkomst.wait(0.5)
                melder(voortgang)
        uitkomsten = [eerste, *(uitkomst.get() for uitkomst in later)]
        if melder is not None:
            melder(voortgang)  # every part done, whichever finished first
    except BaseException:
        # Stopped by a fallback or an interrupt: no part goes on working.
        pool.terminate()
        raise
    else:
        pool.close()
        return uitkomsten
    finally:
        pool.join()


_gedeelde_stand: Any = None


def _begin_proces(stand: Any) -> None:
    global _gedeelde_stand  # noqa: PLW0603 (one per worker process, set once as it starts)
    _gedeelde_stand = stand


def _controleer_in_proces(deel: _Deel) -> tuple[Controle, int]:
    voortgang = Voortgang(stand=_gedeelde_stand)
    with open(deel.pad, "rb") as bestand:
        return deel.controleer(bestand, voortgang)
