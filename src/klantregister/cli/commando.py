"""The ``klantregister`` command line: check an export, import it, export a register, list
its processing log.

    klantregister check FILE... (--gemeente CODE | --gemeenten MAPPING) [--format text|json]
                        [--invoer klanten_v1|klantinteracties|kanoniek] [--jobs N]
    klantregister import FILE... (--gemeente CODE | --gemeenten MAPPING) --into URL
                        [--invoer ...] [--bij-ingelezen overslaan|bijwerken]
                        [--bij-bestaande weigeren|overslaan|aanvullen]
    klantregister export --from URL --format klanten_v1|klantinteracties|jsonl
                        [--bronorganisatie RSIN] [--website-url URL] [--vorm verzoek|antwoord]
                        [--basis-url URL]
    klantregister logboek --from URL [--klant ID] [--betrokkene NUMMER] [--format text|json]

With ``--invoer kanoniek`` (the JSON Lines ``export --format jsonl`` writes) each
record names its own gemeente, and ``--gemeente`` is optional.

Exit status: 0 when clean, 1 when violations were found (or records refused),
2 for usage errors or unreadable input. Bad input never shows a traceback: the
message names the file, the record's position, the field and the rule.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any

from klantregister.check import (
    OPMERKINGEN_PER_VELD,
    Controle,
    Controlerapport,
    Invoer,
    Stand,
    controleer_bestand,
)
from klantregister.cli.batches import Batchimport
from klantregister.cli.exporteren import exporteer
from klantregister.cli.logboek import logboek, logsleutel
from klantregister.cli.parser import lees_argumenten, overzicht
from klantregister.cli.proces import (
    GEBRUIK,
    OPSLAG,
    OVERTREDINGEN,
    SCHOON,
    GebruikError,
    vergevende_uitvoer,
)
from klantregister.cli.proces import Voortgang as _Voortgang
from klantregister.cli.proces import ruime_gc as _ruime_gc
from klantregister.domain import (
    KlantregisterError,
    OpslagError,
    Rsin,
    maskeer_id,
)
from klantregister.formats import (
    Gelezen,
    gemeente_tabel,
    kanoniek,
    klanten_v1,
    klantinteracties,
)
from klantregister.formats.klantinteracties.namen import DA, DIGITAAL
from klantregister.register import KlantRegister

__all__ = ["main"]

#: How many records import reads before it stores them (a batch of registreer_alle).
IMPORT_BATCH = 10_000


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = lees_argumenten(argv)
    if args.commando is None:
        print(overzicht())  # no command: what there is to do, not an error
        return SCHOON
    commando = {"check": _check, "import": _import, "export": exporteer, "logboek": logboek}[
        args.commando
    ]
    try:
        with _ruime_gc(), vergevende_uitvoer():
            return commando(args)
    except (GebruikError, KlantregisterError) as fout:
        soort = "opslag: " if isinstance(fout, OpslagError) else ""
        print(f"klantregister: {soort}{fout}", file=sys.stderr)
        return GEBRUIK
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return GEBRUIK


def _gemeenten(args: argparse.Namespace) -> Any:
    if args.gemeente is not None:
        return args.gemeente
    if args.gemeenten is None:
        if args.invoer != "kanoniek":
            raise GebruikError(
                f"--invoer {args.invoer} vraagt --gemeente CODE of --gemeenten MAPPING"
            )
        return None
    try:
        with open(args.gemeenten, encoding="utf-8") as bestand:
            tabel = json.load(bestand, object_pairs_hook=_tabelobject)
    except _DubbeleRsin as fout:
        raise GebruikError(f"{args.gemeenten}: {fout}") from None
    except RecursionError:
        raise GebruikError(f"{args.gemeenten}: geen tabel: te diep genest") from None
    except (OSError, ValueError) as fout:
        raise GebruikError(f"{args.gemeenten}: geen leesbare JSON-tabel: {fout}") from None
    if not isinstance(tabel, dict):
        raise GebruikError(f"{args.gemeenten}: verwacht een object {{RSIN: gemeentecode}}")
    gezien: dict[str, str] = {}
    for rsin in tabel:
        # One RSIN in two spellings ("123456782", "1234 56 782") would be resolved to
        # the last one without a word: it is the user's to choose. An RSIN is no
        # personal data, so both are shown in full.
        compact = Rsin.compact(rsin) if isinstance(rsin, str) else rsin
        if compact in gezien:
            raise GebruikError(
                f"{args.gemeenten}: RSIN {gezien[compact]!r} en {rsin!r} zijn dezelfde; "
                "noem elke bronorganisatie één keer"
            )
        gezien[compact] = rsin
    return tabel


class _DubbeleRsin(ValueError):  # noqa: N818 (a signal out of the JSON hook, shown as a usage error)
    """A key given twice in the --gemeenten table."""


def _tabelobject(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for sleutel, waarde in paren:
        if sleutel in uit:
            raise _DubbeleRsin(f"{sleutel!r} staat er twee keer in")
        uit[sleutel] = waarde
    return uit


def _open(pad: str) -> IO[bytes]:
    """The file ``pad`` to read, or standard input for ``-`` (left open when done)."""
    if pad == "-":
        return os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    try:
        return open(pad, "rb")
    except OSError as fout:
        raise GebruikError(f"{pad}: kan niet geopend worden: {fout.strerror}") from None


def _lees(args: argparse.Namespace, voortgang: _Voortgang | None) -> Iterator[tuple[str, Gelezen]]:
    gemeenten = _gemeenten(args)
    for pad in args.bestanden:
        with _open(pad) as bestand:
            if voortgang is not None:
                voortgang.begin(pad)
            stand = Stand(1, os.fstat(bestand.fileno()).st_size)
            lezer = _LEZERS[args.invoer]
            if not bestand.seekable():
                voortgang = None  # a pipe: no position to show progress by
            for aantal, gelezen in enumerate(lezer.lees(bestand, gemeenten=gemeenten, naam=pad), 1):
                if voortgang is not None:
                    stand.zet(0, aantal, bestand.tell())
                    voortgang.toon(stand)
                yield pad, gelezen
    if voortgang is not None:
        voortgang.klaar()


def _check(args: argparse.Namespace) -> int:
    controle = Controle()
    voortgang = _Voortgang.voor(args.uitvoer)
    gemeenten = _gemeenten(args)
    invoer = Invoer(args.invoer, None if gemeenten is None else gemeente_tabel(gemeenten))
    for pad in args.bestanden:
        with _open(pad) as bestand:
            if voortgang is not None:
                voortgang.begin(pad)
            controleer_bestand(
                bestand,
                pad,
                controle,
                invoer,
                processen=args.processen,
                melder=None if voortgang is None else voortgang.toon,
            )
    if voortgang is not None:
        voortgang.klaar()
    rapport = controle.rapport()
    _toon_rapport(rapport, args.uitvoer, sys.stdout)
    return SCHOON if rapport.schoon else OVERTREDINGEN


def _import(args: argparse.Namespace) -> int:
    if _vluchtig(args.into):
        raise GebruikError(
            f"--into {args.into}: een register in het geheugen verdwijnt als het commando "
            "stopt; importeer in sqlite:///pad/naar/bestand.db of postgresql://…"
        )
    # The records are read, checked and stored a batch at a time: memory holds one batch,
    # the counts, and of each refusal and note only what the report says of it.
    controle = Controle(regel_1=False)  # the register refuses a second holder itself
    niet_overgenomen: list[dict[str, Any]] = []
    per_veld: dict[str, int] = {}
    with KlantRegister.open(args.into, logsleutel=logsleutel()) as register:
        opslag = Batchimport(
            register,
            bij_ingelezen=args.bij_ingelezen,
            bij_bestaande=args.bij_bestaande,
            batchgrootte=IMPORT_BATCH,
            ontbrekend=_ontbrekend,
        )
        try:
            for pad, gelezen in _lees(args, _Voortgang.voor(args.uitvoer)):
                controle.voeg_toe(gelezen, pad)
                if gelezen.registratie is None:
                    continue
                for o in gelezen.opmerkingen:
                    per_veld[o.veld] = per_veld.get(o.veld, 0) + 1
                    if per_veld[o.veld] <= OPMERKINGEN_PER_VELD:
                        niet_overgenomen.append(
                            {"bron": pad, "positie": gelezen.positie, "id": _id(gelezen)}
                            | {"veld": o.veld, "melding": o.melding}
                        )
                opslag.voeg_toe(pad, gelezen)
            opslag.klaar()
        except OpslagError as fout:
            print(
                f"klantregister: opslag: {fout}; {opslag.telling['opgeslagen']} klanten waren "
                "opgeslagen (een nieuwe import slaat die over)",
                file=sys.stderr,
            )
            return OPSLAG
    rapport = controle.rapport()
    if args.uitvoer == "json":
        uit = rapport.naar_dict(opmerkingen=False)  # the notes are import's own, below
        uit["import"] = {
            **opslag.verslag(),
            "niet_overgenomen": niet_overgenomen,
            "niet_overgenomen_per_veld": per_veld,
        }
        _schrijf_json(uit, sys.stdout)
    else:
        _toon_rapport(rapport, "text", sys.stdout, opmerkingen=False)
        for regel in niet_overgenomen:
            print(
                f"{regel['bron']}:{regel['positie']} [{regel['id']}] niet overgenomen: "
                f"{regel['veld']}: {regel['melding']}"
            )
        if (meer := sum(per_veld.values()) - len(niet_overgenomen)) > 0:
            print(f"… en {meer} opmerkingen meer (ten hoogste {OPMERKINGEN_PER_VELD} per veld)")
        for zin in opslag.tekstverslag():
            print(zin)
    return SCHOON if rapport.schoon and not opslag.geweigerd else OVERTREDINGEN


def _id(gelezen: Gelezen) -> str | None:
    """A record's id as a report shows it: its url may hold a BSN (``?bsn=…``), masked."""
    return None if gelezen.id is None else maskeer_id(gelezen.id)


def _vluchtig(url: str) -> bool:
    """Whether ``url`` names a register that ends with the process (memory, SQLite's own)."""
    schema, _, rest = url.partition("://")
    schema = schema.lower()
    return schema == "memory" or (schema == "sqlite" and rest in {"/:memory:", "/"})


def _ontbrekend(gelezen: Gelezen) -> frozenset[str]:
    """The klantgegevens fields a record lacks by its notes (bijwerken keeps those)."""
    return frozenset().union(*(_ONVOLLEDIG.get(o.veld, ()) for o in gelezen.opmerkingen))


# Notes that say a record's klantgegevens are not all of the klant's, with the fields it
# lacks (bijwerken keeps the register's values of those).
_ONVOLLEDIG = {DA: frozenset(DIGITAAL.values())}
_LEZERS = {"klanten_v1": klanten_v1, "klantinteracties": klantinteracties, "kanoniek": kanoniek}


def _toon_rapport(
    rapport: Controlerapport, uitvoer: str, bestand: IO[str], *, opmerkingen: bool = True
) -> None:
    """The report as ``check`` prints it; ``import`` lists the notes itself (``opmerkingen``
    false), of the records it takes over."""
    if uitvoer == "json":
        # Item by item: a report of millions of records is never held as one text.
        rapport.schrijf_json(bestand, opmerkingen=opmerkingen)
        return
    for bevinding in rapport.bevindingen:
        controle = f"/{bevinding.controle}" if bevinding.controle else ""
        bestand.write(
            f"{bevinding.bron}:{bevinding.positie} (regel {bevinding.regel}) "
            f"[{bevinding.id or 'zonder id'}] {bevinding.veld}: {bevinding.melding} "
            f"({bevinding.soort.value}{controle})\n"
        )
    for groep in rapport.groepen:
        getoond, meer = groep.getoond()
        records = ", ".join(f"{b}:{p} [{i or 'zonder id'}]" for b, p, i in getoond)
        if meer:
            records += f", … en {meer} meer (--format json geeft ze alle)"
        bestand.write(
            f"KLOK01 regel 1: gemeente {groep.gemeente}, {' / '.join(groep.sleutels)} "
            f"in {len(groep.records)} records: {records}\n"
        )
    if opmerkingen:
        _toon_opmerkingen(rapport, bestand)
    telling = ", ".join(f"{soort} {aantal}" for soort, aantal in rapport.per_soort().items())
    bestand.write(
        f"\n{rapport.records} records: {rapport.aangehaakt} aangehaakt, "
        f"{rapport.zelfstandig} zelfstandig; overtredingen: {telling or 'geen'}\n"
    )


def _toon_opmerkingen(rapport: Controlerapport, bestand: IO[str]) -> None:
    """The notes as ``import`` prints them, the first of each field; then a count by field."""
    if not rapport.niet_overgenomen:
        return
    for opmerking in rapport.opmerkingen:
        bestand.write(
            f"{opmerking.bron}:{opmerking.positie} [{opmerking.id or 'zonder id'}] "
            f"niet overgenomen: {opmerking.veld}: {opmerking.melding}\n"
        )
    if (meer := rapport.aantal_opmerkingen - len(rapport.opmerkingen)) > 0:
        bestand.write(
            f"… en {meer} opmerkingen meer (de eerste {OPMERKINGEN_PER_VELD} van elk veld "
            "staan hierboven)\n"
        )
    per_veld = ", ".join(f"{veld} {aantal}" for veld, aantal in rapport.niet_overgenomen.items())
    bestand.write(
        f"niet overgenomen: {rapport.aantal_opmerkingen} opmerkingen in "
        f"{rapport.met_opmerkingen} records: {per_veld}\n"
    )


def _schrijf_json(uit: dict[str, Any], bestand: IO[str]) -> None:
    """``uit`` as one JSON object, each member on its own lines and each item of a list on one.

    Readable, and fast for a large report: each item goes through json's C encoder,
    which does not indent.
    """
    leden = []
    for naam, waarde in uit.items():
        if isinstance(waarde, list):
            items = ",\n".join(
                "    " + json.dumps(item, ensure_ascii=False, allow_nan=False) for item in waarde
            )
            tekst = f"[\n{items}\n  ]" if waarde else "[]"
        else:
            tekst = json.dumps(waarde, ensure_ascii=False, allow_nan=False, indent=2)
            tekst = tekst.replace("\n", "\n  ")
        leden.append(f"  {json.dumps(naam)}: {tekst}")
    bestand.write("{\n" + ",\n".join(leden) + "\n}\n")
