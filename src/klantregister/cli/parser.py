"""The command line's arguments: the parser of ``klantregister``, in Dutch throughout.

The tool speaks Dutch to its users (its reports, its errors); argparse's own words
(``usage:``, ``error:``, "the following arguments are required") are put in Dutch too
while the parser is built and while it reads the arguments, and only then: the
translation is argparse's own hook, its module function ``_``, set back afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from klantregister import __version__
from klantregister.check import bruikbare_processoren
from klantregister.cli.importeren import BIJ_BESTAANDE, BIJ_INGELEZEN

__all__ = ["lees_argumenten", "overzicht"]

#: argparse's messages (Python 3.10-3.13), in Dutch; one it has that is not here stays
#: as argparse writes it.
_NEDERLANDS = {
    "usage: ": "gebruik: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "expected at least one argument": "verwacht ten minste één waarde",
    "expected at most one argument": "verwacht ten hoogste één waarde",
    "expected %s argument": "verwacht %s waarde",
    "expected %s arguments": "verwacht %s waarden",
    "invalid %(type)s value: %(value)r": "ongeldige waarde voor %(type)s: %(value)r",
    "not allowed with argument %s": "niet samen met argument %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan zijn: %(matches)s"
    ),
    "one of the arguments %s is required": "een van de argumenten %s is nodig",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "ignored explicit argument %r": "overbodige waarde %r",
}


def _vertaal(tekst: str) -> str:
    return _NEDERLANDS.get(tekst, tekst)


@contextlib.contextmanager
def _in_het_nederlands() -> Iterator[None]:
    oud: tuple[Callable[..., str], Callable[..., str]] = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    setattr(argparse, "_", _vertaal)  # noqa: B010 (argparse's module function, by name)
    setattr(  # noqa: B010
        argparse, "ngettext", lambda enkel, meer, n: _vertaal(enkel if n == 1 else meer)
    )
    try:
        yield
    finally:
        setattr(argparse, "_", oud[0])  # noqa: B010
        setattr(argparse, "ngettext", oud[1])  # noqa: B010


def lees_argumenten(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments of ``klantregister``; argparse ends the process (status 2) on a
    usage error, and after ``--help`` or ``--version`` (status 0). Without a command,
    ``commando`` is ``None``."""
    with _in_het_nederlands():
        return _parser().parse_args(argv)


def overzicht() -> str:
    """What ``klantregister`` without a command prints: its usage and its commands."""
    with _in_het_nederlands():
        return _parser().format_help().rstrip()


def _processen(commando: argparse.ArgumentParser, waarvoor: str) -> None:
    """``--jobs N``: how many processes share the work, by default the usable processors."""
    commando.add_argument(
        "--jobs",
        "-j",
        type=_aantal_processen,
        default=bruikbare_processoren(),
        metavar="N",
        dest="processen",
        help=f"{waarvoor} (standaard: de beschikbare processoren, hier %(default)s)",
    )


def _aantal_processen(tekst: str) -> int:
    if not tekst.isdecimal() or int(tekst) < 1:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen aantal processen (1 of meer)")
    return int(tekst)


class _OudeNaam(argparse.Action):
    """An option's name of an earlier release: it still works, and says its new name.

    ``import --bij-bestaand`` is ``--bij-ingelezen`` since ``--bij-bestaande`` came (a
    record of a person who has another klant); the old name goes in 1.0.
    """

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        print(
            f"klantregister: {option_string} heet nu --{self.dest.replace('_', '-')}; "
            "de oude naam verdwijnt in 1.0",
            file=sys.stderr,
        )
        setattr(namespace, self.dest, values)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="klantregister",
        description="Controleer, importeer en exporteer klantgegevens volgens de regels "
        "van VNG KLOK01.",
        epilog="Afsluitstatus: 0 zonder overtredingen, 1 met overtredingen of geweigerde "
        "records, 2 bij een gebruiksfout of onleesbare invoer, 3 als de opslag faalde "
        "tijdens een import. 'klantregister COMMANDO --help' beschrijft een commando.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="toon het versienummer en stop",
    )
    commando = parser.add_subparsers(dest="commando", metavar="COMMANDO", title="commando's")

    def invoer(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("bestanden", nargs="+", metavar="BESTAND", help="de export(s) om te lezen")
        sub.add_argument(
            "--invoer",
            choices=("klanten_v1", "klantinteracties", "kanoniek"),
            default="klanten_v1",
            help="het formaat van BESTAND: Klant-objecten van de Klanten API v1 (standaard), "
            "Partij-objecten van Klantinteracties, of klantregisters eigen JSON Lines "
            "(kanoniek)",
        )
        groep = sub.add_mutually_exclusive_group()
        groep.add_argument("--gemeente", metavar="CODE", help="de gemeentecode van elk record")
        groep.add_argument(
            "--gemeenten",
            metavar="TABEL",
            help="een JSON-bestand met per bronorganisatie (RSIN) de gemeentecode",
        )

    check = commando.add_parser(
        "check", help="meld elke overtreding van KLOK01 in een export", description=None
    )
    invoer(check)
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        dest="uitvoer",
        help="het rapport als tekst (standaard) of als JSON",
    )
    _processen(check, "processen die een groot JSON Lines-bestand delen")

    importeer = commando.add_parser("import", help="sla elk geldig record op in een register")
    invoer(importeer)
    importeer.add_argument(
        "--into",
        required=True,
        metavar="URL",
        help="het register: sqlite:///pad/naar/bestand.db of postgresql://host/database",
    )
    importeer.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        dest="uitvoer",
        help="het verslag als tekst (standaard) of als JSON",
    )
    importeer.add_argument(
        "--bij-ingelezen",
        choices=BIJ_INGELEZEN,
        default="overslaan",
        help="een record van een klant die al in het register staat (zelfde id: eerder "
        "geïmporteerd): sla het over (standaard) of werk de klantgegevens en identificatie "
        "van de klant bij",
    )
    importeer.add_argument(
        "--bij-bestaand",
        choices=BIJ_INGELEZEN,
        default=argparse.SUPPRESS,
        dest="bij_ingelezen",
        action=_OudeNaam,
        help=argparse.SUPPRESS,
    )
    importeer.add_argument(
        "--bij-bestaande",
        choices=BIJ_BESTAANDE,
        default="weigeren",
        help="een record van een natuurlijk persoon die al een andere klant heeft (KLOK01 "
        "regel 1): weiger het (standaard), sla het over, of vul de lege velden van die "
        "klant ermee aan (de velden die verschillen komen in het verslag)",
    )

    exporteer = commando.add_parser(
        "export", help="schrijf de klanten van een register naar stdout"
    )
    exporteer.add_argument(
        "--from",
        required=True,
        metavar="URL",
        dest="bron",
        help="het register om te lezen (sqlite:///… of postgresql://…); het moet bestaan",
    )
    exporteer.add_argument(
        "--format",
        required=True,
        choices=("klanten_v1", "klantinteracties", "jsonl"),
        dest="formaat",
        help="Klant-objecten van de Klanten API v1, Partij-objecten van Klantinteracties, "
        "of klantregisters eigen verliesvrije JSON Lines (jsonl)",
    )
    exporteer.add_argument(
        "--uit",
        metavar="BESTAND",
        help="schrijf naar BESTAND in plaats van stdout, heel of niet: een export die niet "
        "af komt (een klant die het formaat niet kan houden, een storing) laat BESTAND "
        "zoals het was",
    )
    exporteer.add_argument(
        "--vertegenwoordigingen",
        metavar="BESTAND",
        help="met --format klantinteracties: schrijf de vertegenwoordigingen (POST "
        "/vertegenwoordigingen) van de klanten die namens een ander zijn geregistreerd naar "
        "BESTAND, een per regel, te versturen na alle Partijen",
    )
    _processen(
        exporteer,
        "processen die een groot SQLite- of PostgreSQL-register in delen lezen, in de "
        "volgorde van het register geschreven",
    )
    exporteer.add_argument("--bronorganisatie", metavar="RSIN", help="de RSIN in elk v1-record")
    exporteer.add_argument(
        "--website-url",
        metavar="URL",
        help="de websiteUrl van v1 (de API vraagt er een) voor een klant die er geen gaf",
    )
    exporteer.add_argument(
        "--vorm",
        choices=("verzoek", "antwoord"),
        default="verzoek",
        help="API-objecten als de verzoeken die ze aanmaken (standaard), of zoals de server "
        "ze teruggeeft (met hun url en uuid)",
    )
    exporteer.add_argument(
        "--basis-url",
        metavar="URL",
        help="de basis van de Klantinteracties API, voor de urls van --vorm antwoord "
        "(https://openklant.example.nl/klantinteracties/api/v1)",
    )
    lijst = commando.add_parser(
        "logboek", help="het logboek van de verwerkingen van identificerende gegevens"
    )
    lijst.add_argument(
        "--from",
        required=True,
        metavar="URL",
        dest="bron",
        help="het register om te lezen (sqlite:///… of postgresql://…); het moet bestaan",
    )
    lijst.add_argument("--klant", metavar="ID", help="alleen de verwerkingen van deze klant")
    lijst.add_argument(
        "--betrokkene",
        metavar="NUMMER",
        help="alleen de verwerkingen van deze betrokkene (een BSN, KvK-nummer…), ook van een "
        "gewiste klant; de sleutel van de pseudoniemen staat in KLANTREGISTER_LOGSLEUTEL of "
        "in het register",
    )
    lijst.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        dest="uitvoer",
        help="een regel tekst per verwerking (standaard), of JSON Lines met de veldnamen "
        "van Logboek Dataverwerkingen",
    )
    return parser
