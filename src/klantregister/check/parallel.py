"""Checking an export file, a large JSON Lines file on every core.

:func:`controleer_bestand` feeds every record of one file to a
:class:`~klantregister.check.controle.Controle`. A JSON Lines file is cut at line
ends into up to ``processen`` parts of at least :data:`MIN_DEEL` bytes; each
part is checked by a process of its own with a ``Controle`` of its own, and the
parts are merged in file order (:meth:`Controle.voeg_samen`), so the report is
the one a single pass gives.

A part is read line by line, each line decoded with the streaming reader's own
decoder (the same limits: no key twice, no ``NaN``, no 31-digit integer), or by
orjson where it reads the line alike (:func:`~klantregister.formats.decodeer_regel`). A
line that is not one whole record (a record over several lines, invalid JSON or
UTF-8, a byte order mark, a first line that is a page or an array, nesting deep
enough to meet Python's recursion limit) stops the parts, and the file is read
again in one pass by the streaming reader
(:func:`~klantregister.formats.lees_records`), which reports such input exactly.
So does a worker process that dies (killed for memory, say) before it reports.

Records a format's fast path (:func:`klanten_v1.kern
<klantregister.formats.klanten_v1.kern>`) proves valid are counted from their
:data:`~klantregister.formats.Kern`, which carries the notes the full reader would
give them; every other record goes through the full reader, which says what is
wrong with it. Either way the report is the same, notes included.
"""

from __future__ import annotations

import ctypes
import io
import itertools
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any

import attrs

from klantregister.check.controle import Controle
from klantregister.domain import (
    Gemeentecode,
    OngeldigeLengteError,
    OngeldigFormaatError,
    toon,
    typefout,
)
from klantregister.formats import (
    MAX_RECORD,
    GeenRecord,
    Gelezen,
    Kern,
    decodeer_regel,
    kanoniek,
    klanten_v1,
    klantinteracties,
    lees_records,
)

__all__ = ["MIN_DEEL", "Invoer", "Stand", "bruikbare_processoren", "controleer_bestand"]

#: The smallest part, in bytes, worth a process of its own.
MIN_DEEL = 4 << 20
# What a part reads at a time (larger blocks cost more to allocate and cut than they save).
_BLOK = 1 << 18
# The whitespace JSON and the streaming reader allow around a record on its line.
_WIT_OP_DE_REGEL = b" \t\r"
# How many frames deeper than a part the streaming reader may decode a record: Python
# 3.11 counts nested JSON against the recursion limit with the frames below it, so a
# record nested nearly that deep may be refused by one reader and not by the other.
_MARGE = 64
# How often (in records) a part reports its progress.
_TIK = 4096


@attrs.frozen
class Invoer:
    """What the files hold: their format, and the gemeente(n) of their records (validated)."""

    formaat: str  # "klanten_v1", "klantinteracties" or "kanoniek"
    #: None only for kanoniek, whose records name their gemeente.
    gemeenten: Gemeentecode | dict[str, Gemeentecode] | None

    def __attrs_post_init__(self) -> None:
        if self.formaat not in _FORMATEN:
            raise OngeldigFormaatError(
                "formaat", f"verwacht een van {', '.join(_FORMATEN)}, kreeg {toon(self.formaat)}"
            )
        gemeenten = self.gemeenten
        if not (gemeenten is None or isinstance(gemeenten, Gemeentecode)) and not (
            gemeenten.__class__ is dict
            and all(isinstance(code, Gemeentecode) for code in gemeenten.values())
        ):
            raise typefout(
                "gemeenten", "None, een Gemeentecode of een tabel van gemeente_tabel", gemeenten
            )

    def lezer(self) -> Callable[[object, int, int], Gelezen]:
        """The full reader of one decoded record, at its position and line."""
        if self.formaat == "kanoniek":
            return kanoniek.lezer(self.gemeenten)
        if self.formaat == "klantinteracties":
            return klantinteracties.lezer(self.gemeenten)
        return klanten_v1.lezer(self.gemeenten)

    def kern(self) -> Callable[[object], Kern | None] | None:
        """The format's fast path, where it has one."""
        if self.formaat != "klanten_v1" or self.gemeenten is None:
            return None
        gemeenten, v1_kern = self.gemeenten, klanten_v1.kern

        def kern(record: object) -> Kern | None:
            # (A partial with gemeenten= would build a dict of keywords on every call.)
            return v1_kern(record, gemeenten)

        return kern


class Stand:
    """How far a check is: the records and bytes done so far, per part (shared between
    processes); what progress is shown from."""

    def __init__(self, delen: int = 1, grootte: int = 0, *, tellers: Any = None) -> None:
        _geheel("delen", delen, 1, MAX_PROCESSEN)
        _geheel("grootte", grootte, 0, _MAX_TELLER)
        # A part's process is given the first process's tellers (of every part), not delen.
        if tellers is not None and not (
            isinstance(tellers, ctypes.Array) and len(tellers) % 2 == 0
        ):
            raise typefout("tellers", "None, of de tellers van een andere Stand", tellers)
        # Per part: records, bytes. Written by each part's process, read by the first.
        self.tellers: Any = multiprocessing.RawArray("q", 2 * delen) if tellers is None else tellers
        #: The file's size in bytes.
        self.grootte = grootte

    def zet(self, deel: int, records: int, gelezen: int) -> None:
        _geheel("deel", deel, 0, len(self.tellers) // 2 - 1)
        _geheel("records", records, 0, _MAX_TELLER)
        _geheel("gelezen", gelezen, 0, _MAX_TELLER)
        self.tellers[2 * deel] = records
        self.tellers[2 * deel + 1] = gelezen

    def records(self) -> int:
        return sum(self.tellers[0::2])

    def gelezen(self) -> int:
        return sum(self.tellers[1::2])


#: Called by the first process now and then while a file is checked.
Melder = Callable[[Stand], None]

#: The most processes a check is spread over.
MAX_PROCESSEN = 1024
_MAX_TELLER = 2**63 - 1
_FORMATEN = ("klanten_v1", "klantinteracties", "kanoniek")


def _geheel(veld: str, waarde: object, laagste: int, hoogste: int) -> None:
    """Refuse ``waarde`` unless it is a whole number from ``laagste`` to ``hoogste``."""
    if waarde.__class__ is not int:
        raise typefout(veld, "een geheel getal", waarde)
    if not laagste <= waarde <= hoogste:
        raise OngeldigeLengteError(veld, f"{toon(waarde)}, verwacht {laagste} tot en met {hoogste}")


class _Terugval(Exception):  # noqa: N818 (a signal between the parts and the file, never shown)
    """A part met input it leaves to the streaming reader."""


def bruikbare_processoren() -> int:
    """How many CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover (platforms without affinity)


def _controleer_argumenten(
    bestand: object,
    naam: object,
    *,
    controle: object,
    invoer: object,
    processen: object,
    melder: object,
) -> None:
    """Refuse the arguments of :func:`controleer_bestand` it cannot work with, before it reads."""
    if isinstance(bestand, io.TextIOBase) or not all(
        callable(getattr(bestand, naam_, None)) for naam_ in ("read", "fileno", "seekable")
    ):
        raise typefout("bestand", "een bestand open om binair te lezen", bestand)
    if getattr(bestand, "closed", False) is True:
        raise OngeldigFormaatError("bestand", "het bestand is gesloten")
    if not isinstance(naam, str):
        raise typefout("naam", "tekst (str)", naam)
    if not isinstance(controle, Controle):
        raise typefout("controle", "een Controle", controle)
    if not isinstance(invoer, Invoer):
        raise typefout("invoer", "een Invoer", invoer)
    _geheel("processen", processen, 1, MAX_PROCESSEN)
    if melder is not None and not callable(melder):
        raise typefout("melder", "een functie of None", melder)


def controleer_bestand(
    bestand: IO[bytes],
    naam: str,
    controle: Controle,
    invoer: Invoer,
    *,
    processen: int = 1,
    melder: Melder | None = None,
) -> None:
    """Check every record of ``bestand`` (a file open for binary reading, from its start,
    or an ``io.BytesIO``, read in one process) into ``controle``.

    ``naam`` names the file in the report. Raises :class:`~klantregister.FormaatError`
    for input that cannot be read, as the streaming reader does; ``controle`` then
    holds the records before it.
    """
    _controleer_argumenten(
        bestand, naam, controle=controle, invoer=invoer, processen=processen, melder=melder
    )
    lezer, kern = invoer.lezer(), invoer.kern()  # a gemeente the format cannot use fails here
    try:
        grootte = os.fstat(bestand.fileno()).st_size
    except (OSError, ValueError):  # a file in memory (io.BytesIO): no descriptor to share
        grootte, processen = 0, 1
    # A pipe (standard input, a FIFO, <(…)) is read once, from where it stands: no parts,
    # no seeking, no progress by position.
    doorzoekbaar = bestand.seekable()
    if not doorzoekbaar:
        processen, melder = 1, None
    delen = _delen(bestand, naam, invoer, grootte, processen) if processen > 1 else None
    if delen is not None:
        try:
            uitkomsten = _controleer_delen(bestand, delen, grootte, melder)
        except _Terugval:
            pass
        else:
            posities = regels = 0
            for deel, aantal_regels in uitkomsten:
                aantal_records = deel.records  # before voeg_samen takes the part over
                controle.voeg_samen(deel, posities=posities, regels=regels)
                posities += aantal_records
                regels += aantal_regels
            return
    if doorzoekbaar:
        bestand.seek(0)
    stand = Stand(1, grootte)
    for aantal, record in enumerate(lees_records(bestand, naam=naam), 1):
        snel = kern(record.waarde) if kern is not None else None
        if snel is not None:
            controle._voeg_kern_toe(snel, naam, record.positie, record.regel)
        else:
            controle._voeg_toe(lezer(record.waarde, record.positie, record.regel), naam)
        if melder is not None:
            stand.zet(0, aantal, bestand.tell())
            melder(stand)


@attrs.frozen
class _Deel:
    """One part of a JSON Lines file: bytes ``begin`` up to ``eind``, from a line start."""

    pad: str
    naam: str
    invoer: Invoer
    index: int
    begin: int
    eind: int
    #: (device, inode, size, modification time) of the file the parts were cut from.
    kenmerk: tuple[int, int, int, int]

    def controleer(
        self, bestand: IO[bytes], stand: Stand, melder: Melder | None = None
    ) -> tuple[Controle, int]:
        """This part's Controle (positions and lines from 1) and its number of lines."""
        lezer, kern = self.invoer.lezer(), self.invoer.kern()
        controle = Controle()
        regel = positie = 0
        # Lines that could nest deeper than this are left to the streaming reader. Only a
        # line twice as long can, so a record of the usual size is never counted.
        diep = sys.getrecursionlimit() - _stapeldiepte() - _MARGE
        lang = 2 * diep
        naam, voeg_kern_toe = self.naam, controle._voeg_kern_toe
        for tekst in self._regels(bestand):
            regel += 1
            tekst = tekst.strip(_WIT_OP_DE_REGEL)  # noqa: PLW2901 (the line is its record)
            if not tekst:
                continue
            positie += 1
            try:
                waarde = decodeer_regel(tekst)
            except GeenRecord:
                raise _Terugval from None
            if len(tekst) > lang and tekst.count(b"[") + tekst.count(b"{") > diep:
                raise _Terugval  # perhaps nested too deep for the streaming reader
            snel = kern(waarde) if kern is not None else None
            if snel is not None:
                voeg_kern_toe(snel, naam, positie, regel)
            else:
                controle._voeg_toe(lezer(waarde, positie, regel), naam)
            if positie % _TIK == 0:
                stand.zet(self.index, positie, bestand.tell() - self.begin)
                if melder is not None:
                    melder(stand)
        stand.zet(self.index, positie, self.eind - self.begin)
        return controle, regel

    def _regels(self, bestand: IO[bytes]) -> Iterator[bytes]:
        """The part's lines, read in blocks, as bytes: each is decoded on its own.

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
            # A line of at most MAX_RECORD bytes has at most as many characters.
            if regels and max(map(len, regels)) > MAX_RECORD:
                for ruw in regels:
                    if len(ruw) > MAX_RECORD and len(_tekst(ruw)) > MAX_RECORD:
                        raise _Terugval
            yield from regels


def _tekst(ruw: bytes) -> str:
    try:
        return ruw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Terugval from None


def _stapeldiepte() -> int:
    """How many Python frames are below the caller."""
    diepte, frame = 0, sys._getframe(1)
    while frame is not None:
        diepte, frame = diepte + 1, frame.f_back  # type: ignore[assignment]
    return diepte


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
        waarde = _record(regel.decode("utf-8").strip(" \t\r\n"))
    except (UnicodeDecodeError, _Terugval):
        return False  # or a record over several lines: the streaming reader's
    return type(waarde) is dict and "results" not in waarde


def _record(tekst: str | bytes) -> object:
    """The one JSON value that is ``tekst`` (stripped), decoded as the streaming reader
    decodes; ``_Terugval`` for anything else."""
    try:
        return decodeer_regel(tekst)
    except GeenRecord:
        raise _Terugval from None


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
        while (stuk := bestand.readline(_BLOK)) and not stuk.endswith(b"\n"):
            pass  # on to the next line start, a block at a time
        grenzen.append(max(bestand.tell(), grenzen[-1]))
    grenzen.append(grootte)
    bestand.seek(0)
    paren = [(begin, eind) for begin, eind in itertools.pairwise(grenzen) if eind > begin]
    if len(paren) < 2:
        return None  # every cut fell inside the last line
    kenmerk = _kenmerk(os.fstat(bestand.fileno()))
    return [
        _Deel(bestand.name, naam, invoer, index, begin, eind, kenmerk)
        for index, (begin, eind) in enumerate(paren)
    ]


def _kenmerk(status: os.stat_result) -> tuple[int, int, int, int]:
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns


def _controleer_delen(
    bestand: IO[bytes], delen: list[_Deel], grootte: int, melder: Melder | None
) -> list[tuple[Controle, int]]:
    """Check the parts, the first here and the others in processes of their own."""
    stand = Stand(len(delen), grootte)
    context = multiprocessing.get_context()
    werkers = []
    gemeld = []  # workers whose message was read (or which died): they end by themselves
    try:
        for deel in delen[1:]:
            ontvanger, zender = context.Pipe(duplex=False)
            proces = context.Process(
                target=_controleer_in_proces, args=(deel, zender, stand.tellers), daemon=True
            )
            proces.start()
            zender.close()  # the worker's end; here it would keep the pipe open
            werkers.append((proces, ontvanger))
        uitkomsten = [delen[0].controleer(bestand, stand, melder)]
        for proces, ontvanger in werkers:
            uitkomst = _uitkomst(proces, ontvanger, stand, melder)
            gemeld.append(proces)
            if uitkomst is None:
                raise _Terugval
            uitkomsten.append(uitkomst)
        if melder is not None:
            melder(stand)  # every part done, whichever finished first
        return uitkomsten
    finally:
        for proces, ontvanger in werkers:
            if proces not in gemeld and proces.is_alive():
                # Stopped by a fallback or an interrupt: no part goes on working.
                proces.terminate()
            proces.join()
            ontvanger.close()


def _uitkomst(
    proces: Any, ontvanger: Any, stand: Stand, melder: Melder | None
) -> tuple[Controle, int] | None:
    """What a worker sends: its part's outcome, or None when it met what it leaves to the
    streaming reader. A worker that ends without sending anything died: None too."""
    while not (klaar := multiprocessing.connection.wait([ontvanger, proces.sentinel], 0.5)):
        if melder is not None:
            melder(stand)
    if ontvanger not in klaar:
        return None
    try:
        uitkomst: tuple[Controle, int] | None = ontvanger.recv()
    except EOFError:
        return None
    return uitkomst


def _controleer_in_proces(deel: _Deel, zender: Any, tellers: Any) -> None:
    # An interrupt reaches every process of the terminal; the parent stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    uitkomst = None
    try:
        with open(deel.pad, "rb") as bestand:
            # The very file the parts were cut from, unchanged since.
            if _kenmerk(os.fstat(bestand.fileno())) == deel.kenmerk:
                uitkomst = deel.controleer(bestand, Stand(tellers=tellers))
    except (_Terugval, OSError):
        pass
    zender.send(uitkomst)
    zender.close()
