"""``klantregister export``: the klanten of a register in one of the formats, read in this
process or, from a large SQL register, in parts read by processes of their own.

With ``--jobs N`` (the usable processors by default) and at least :data:`DELEN_VANAF`
klanten in a SQLite or PostgreSQL register, ``N`` processes each read and write one part
(:meth:`~klantregister.SqliteRepository.deel`: every ``N``-th block of registration
numbers) and send it here a block at a time; this process writes the blocks in the
register's order. The output is the one a single process writes, byte for byte, and so
are the messages on stderr, each after the lines of its block. Memory stays flat: each
part holds one block here and one on its way. With ``--vertegenwoordigingen`` (which
writes a second file after every Partij) an export is read here, whatever its size.

A part that fails (its storage, or the process itself: killed, out of memory) ends the
export with status 3, saying how many klanten were written, as a storage failure in a
single process does.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import multiprocessing
import multiprocessing.connection
import operator
import signal
import sys
from collections.abc import Callable, Iterable
from typing import IO, Any

import attrs

from klantregister.cli.logboek import logsleutel
from klantregister.cli.proces import (
    OPSLAG,
    OVERTREDINGEN,
    SCHOON,
    Doelbestand,
    GebruikError,
)
from klantregister.cli.vertegenwoordigingen import (
    schrijf_vertegenwoordigingen,
    wordt_vertegenwoordigd,
)
from klantregister.domain import FormaatError, Klant, KlantregisterError, OpslagError
from klantregister.formats import kanoniek, klanten_v1, klantinteracties, schrijf_regels
from klantregister.register import KlantRegister
from klantregister.register.urls import repository_from_url
from klantregister.storage.delen import OnleesbareKlantError

__all__ = ["DELEN_VANAF", "exporteer"]

#: From how many klanten an export is read in parts: below it, starting the processes
#: costs about what they save.
DELEN_VANAF = 20_000


@attrs.define
class _Telling:
    """The klanten taken (written or refused) and refused."""

    gelezen: int = 0
    geweigerd: int = 0


def exporteer(args: argparse.Namespace) -> int:
    """Run ``export``; returns the exit status."""
    if args.formaat == "klanten_v1" and not args.bronorganisatie:
        raise GebruikError("export --format klanten_v1 vraagt --bronorganisatie RSIN")
    if args.vertegenwoordigingen and args.formaat != "klantinteracties":
        raise GebruikError("--vertegenwoordigingen hoort bij --format klantinteracties")
    schrijf = _schrijver(args)  # its arguments checked before anything is read
    sleutel = logsleutel()  # and the environment's, read in parts or not
    telling = _Telling()
    grens = _grens_van_delen(args)
    # Reading a register must never create one: a mistyped path is an error, not empty.
    with (
        (
            contextlib.nullcontext()
            if grens is not None
            else KlantRegister.open(args.bron, aanmaken=False, logsleutel=sleutel)
        ) as register,
        _doel(args.uit) as doel,
    ):
        uit = sys.stdout if doel is None else doel.bestand
        try:
            if register is None:
                assert grens is not None  # noqa: S101 - the two go together
                _schrijf_in_delen(args, grens, uit, telling)
            else:
                vertegenwoordigd: list[Klant] = []
                _schrijf_klanten(
                    register,
                    args,
                    schrijf,
                    uit=uit,
                    fouten=sys.stderr,
                    telling=telling,
                    vertegenwoordigd=vertegenwoordigd,
                )
                if args.vertegenwoordigingen:
                    schrijf_vertegenwoordigingen(
                        register,
                        vertegenwoordigd,
                        args.vertegenwoordigingen,
                        vorm=args.vorm,
                        basis_url=args.basis_url,
                    )
        except OpslagError as fout:
            geschreven = (
                "niets geschreven"
                if doel
                else f"{telling.gelezen - telling.geweigerd} klanten waren geschreven"
            )
            print(f"klantregister: opslag: {fout}; {geschreven}", file=sys.stderr)
            return OPSLAG
        if doel is not None and not telling.geweigerd:
            doel.bewaar()  # only a whole export takes the name asked for
    if telling.geweigerd:
        print(
            f"{telling.geweigerd} klanten niet geschreven"
            + (
                f"; {args.uit} is niet geschreven (zonder --uit: de andere naar stdout)"
                if doel
                else ""
            ),
            file=sys.stderr,
        )
    return OVERTREDINGEN if telling.geweigerd else SCHOON


def _schrijf_klanten(
    klanten: Iterable[Klant],
    args: argparse.Namespace,
    schrijf: Callable[[Klant], dict[str, Any]],
    *,
    uit: IO[str],
    fouten: IO[str],
    telling: _Telling,
    vertegenwoordigd: list[Klant] | None = None,
) -> None:
    """Write ``klanten`` to ``uit`` in the format asked, what a klant's format does not
    carry and the klanten refused to ``fouten``, counting them in ``telling``; the klanten
    registered namens another go into ``vertegenwoordigd`` with ``--vertegenwoordigingen``."""

    def geteld() -> Iterable[Klant]:
        for klant in klanten:
            yield klant
            telling.gelezen += 1  # taken: written or refused

    if args.formaat == "jsonl":
        # Every klant fits the library's own format: its lines are written straight.
        schrijf_regels(geteld(), uit, kanoniek.regel)
        return

    def objecten() -> Iterable[dict[str, Any]]:
        for klant in geteld():
            try:
                yield schrijf(klant)
                if args.formaat == "klantinteracties":
                    for melding in _niet_overgenomen(klant, args.vertegenwoordigingen):
                        print(f"niet overgenomen: klant {klant.id}: {melding}", file=fouten)
                    if (
                        vertegenwoordigd is not None
                        and args.vertegenwoordigingen
                        and wordt_vertegenwoordigd(klant)
                    ):
                        vertegenwoordigd.append(klant)
            except FormaatError as fout:
                # The others are written; this one is named, and the exit status says so.
                telling.geweigerd += 1
                print(f"niet geschreven: {fout}", file=fouten)

    schrijf_regels(objecten(), uit)


# --- in parts ---------------------------------------------------------------------------


def _grens_van_delen(args: argparse.Namespace) -> int | None:
    """The last registration number the parts read (as iteration would, from now), or
    None when the export is read in this process."""
    if args.processen < 2 or args.vertegenwoordigingen:
        return None
    repository = repository_from_url(args.bron, aanmaken=False)
    try:
        if getattr(repository, "deel", None) is None or len(repository) < DELEN_VANAF:
            return None
        laatste: int = repository.laatste_volgorde()  # type: ignore[attr-defined]
        return laatste
    finally:
        # Closed before the parts start: they open connections of their own.
        repository.close()


def _schrijf_in_delen(
    args: argparse.Namespace, grens: int, uit: IO[str], telling: _Telling
) -> None:
    """Write the parts' blocks in block order: each part gives its blocks in order, so the
    part whose waiting block is the lowest is always the one to write next. A part that
    met a klant it cannot read ends the export at that klant's block: the other parts'
    blocks before it are written first, as one process would have written them."""
    context = multiprocessing.get_context()
    werkers: list[tuple[Any, Any]] = []
    try:
        for index in range(args.processen):
            ontvanger, zender = context.Pipe(duplex=False)
            # The part closes the receiving ends it inherits (its own and the earlier
            # parts'): once this process is gone, its sends then fail, and it stops.
            ontvangers = [o for _, o in werkers] + [ontvanger]
            proces = context.Process(
                target=_deel_in_proces, args=(args, index, grens, zender, ontvangers), daemon=True
            )
            proces.start()
            zender.close()  # the part's end; here it would keep the pipe open at its death
            werkers.append((proces, ontvanger))
        wachtend: dict[int, tuple[int, str, str, int, int]] = {}
        fout: tuple[int, str] | None = None  # the block a part failed at, and why
        for index in range(len(werkers)):
            fout = _volgende(werkers, index, wachtend) or fout
        while wachtend:
            index = min(wachtend, key=lambda i: wachtend[i][0])
            if fout is not None and wachtend[index][0] >= fout[0]:
                break
            _, tekst, meldingen, gelezen, geweigerd = wachtend.pop(index)
            uit.write(tekst)
            sys.stderr.write(meldingen)
            telling.gelezen += gelezen
            telling.geweigerd += geweigerd
            if (nieuw := _volgende(werkers, index, wachtend)) is not None:
                fout = nieuw if fout is None else min(fout, nieuw)
        if fout is not None:
            raise OpslagError(fout[1])
    finally:
        for proces, ontvanger in werkers:
            if proces.is_alive():
                proces.terminate()  # stopped by a failure or an interrupt: none goes on
            proces.join()
            ontvanger.close()


def _volgende(
    werkers: list[tuple[Any, Any]], index: int, wachtend: dict[int, tuple[int, str, str, int, int]]
) -> tuple[int, str] | None:
    """Take part ``index``'s next block into ``wachtend``; nothing when it is done. A part
    that failed gives the block it failed at (-1: at once) and its message."""
    proces, ontvanger = werkers[index]
    try:
        bericht = ontvanger.recv()
    except (EOFError, OSError):  # OSError: it died in the middle of a block
        proces.join(10)
        return -1, f"deel {index + 1} van de export stopte onverwacht ({_einde(proces)})"
    if bericht[0] == "blok":
        wachtend[index] = bericht[1:]
    elif bericht[0] == "fout":
        return bericht[2], bericht[1]
    return None


def _einde(proces: Any) -> str:
    """How a part's process ended, as its message says it."""
    code = proces.exitcode
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"signaal {signal.Signals(-code).name}"
    return f"status {code}"


def _deel_in_proces(
    args: argparse.Namespace, index: int, grens: int, zender: Any, ontvangers: list[Any]
) -> None:
    # An interrupt reaches every process of the terminal; the parent stops the parts.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for ontvanger in ontvangers:
        ontvanger.close()
    with contextlib.suppress(BrokenPipeError):  # the command is gone: nothing to hand over
        zender.send(_deel_geschreven(args, index, grens, zender))
    zender.close()


def _deel_geschreven(
    args: argparse.Namespace, index: int, grens: int, zender: Any
) -> tuple[object, ...]:
    """Send the part's blocks; the message that ends them: done, or the failure and the
    block it ended at (-1: not at a klant)."""
    try:
        schrijf = _schrijver(args)
        with contextlib.closing(repository_from_url(args.bron, aanmaken=False)) as repository:
            delen = repository.deel(index, args.processen, grens)  # type: ignore[attr-defined]
            for blok, groep in itertools.groupby(delen, key=operator.itemgetter(0)):
                tekst, meldingen, telling = io.StringIO(), io.StringIO(), _Telling()
                klanten = map(operator.itemgetter(1), groep)
                try:
                    _schrijf_klanten(
                        klanten, args, schrijf, uit=tekst, fouten=meldingen, telling=telling
                    )
                finally:
                    # A klant that cannot be read ends the block: the lines before it go
                    # too, as one process writes them before it stops.
                    bericht = (tekst.getvalue(), meldingen.getvalue(), telling.gelezen)
                    zender.send(("blok", blok, *bericht, telling.geweigerd))
    except OnleesbareKlantError as fout:
        return ("fout", str(fout), fout.blok)
    except KlantregisterError as fout:
        return ("fout", str(fout), -1)
    return ("klaar",)


# --- what every export shares ---------------------------------------------------------


def _niet_overgenomen(klant: Klant, vertegenwoordigingen: str | None) -> list[str]:
    """What a klant's Partij does not carry; for a klant registered namens another, what
    its Vertegenwoordigden does not (with ``--vertegenwoordigingen``), or that it is not
    exported (without)."""
    meldingen = klantinteracties.niet_overgenomen(klant)
    if not wordt_vertegenwoordigd(klant):
        return meldingen
    if vertegenwoordigingen:
        return meldingen + klantinteracties.niet_overgenomen_vertegenwoordiging(klant)
    meldingen.append(
        "herkomst.namens: de vertegenwoordiging (POST /vertegenwoordigingen) schrijft export "
        "alleen met --vertegenwoordigingen BESTAND; de Partij wordt zonder geschreven"
    )
    return meldingen


def _doel(pad: str | None) -> contextlib.AbstractContextManager[Doelbestand | None]:
    """The file ``export --uit`` writes whole or not at all, or None for stdout."""
    if pad is None:
        return contextlib.nullcontext()
    try:
        return Doelbestand(pad)
    except OSError as fout:
        raise GebruikError(str(fout.strerror or fout)) from None


def _schrijver(args: argparse.Namespace) -> Callable[[Klant], dict[str, Any]]:
    if args.formaat == "jsonl":
        return kanoniek.naar_dict
    if args.formaat == "klantinteracties":
        if args.vorm == "verzoek":
            return klantinteracties.verzoeken
        # The arguments are checked now, before anything is read: an empty register too.
        return klantinteracties.schrijver(vorm="antwoord", basis_url=args.basis_url)
    return klanten_v1.schrijver(
        bronorganisatie=args.bronorganisatie, website_url=args.website_url, vorm=args.vorm
    )
