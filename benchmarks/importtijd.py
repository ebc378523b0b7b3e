"""How long ``import klantregister`` takes, and what it loads, in fresh interpreters.

    python benchmarks/importtijd.py [--runs 30] [--basis PATH/TO/OTHER/src]

Each run starts a new interpreter with ``-X importtime`` and reads the cumulative
time of the ``klantregister`` line: the package's own import, without the
interpreter's start-up. With ``--basis`` the same is measured for another
source tree (an older checkout's ``src``, put first on ``PYTHONPATH``), the two
alternating run by run, so that both see the same noise of a shared machine.
Prints the median and the quartiles in milliseconds, and which of a few
heavy modules each import loads.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

#: Modules worth knowing whether ``import klantregister`` loads them.
ZWAAR = ("sqlite3", "psycopg", "json", "csv", "klantregister.formats", "importlib.resources")


def meet(bron: str | None) -> tuple[float, list[str]]:
    """The import's cumulative time in ms, and the heavy modules it loaded."""
    omgeving = dict(os.environ)
    if bron is not None:
        omgeving["PYTHONPATH"] = bron
    programma = (
        f"import sys, klantregister\nprint(','.join(m for m in {ZWAAR!r} if m in sys.modules))"
    )
    uitkomst = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-X", "importtime", "-c", programma],
        capture_output=True,
        text=True,
        check=True,
        env=omgeving,
    )
    regel = next(
        r for r in reversed(uitkomst.stderr.splitlines()) if r.rstrip().endswith("| klantregister")
    )
    cumulatief = int(regel.split("|")[1])
    return cumulatief / 1000, [m for m in uitkomst.stdout.strip().split(",") if m]


def samenvatting(naam: str, tijden: list[float], geladen: list[str]) -> str:
    kwartielen = statistics.quantiles(tijden, n=4)
    return (
        f"{naam}: median {statistics.median(tijden):.1f} ms "
        f"(quartiles {kwartielen[0]:.1f}-{kwartielen[2]:.1f}, {len(tijden)} runs); "
        f"loads: {', '.join(geladen) or 'none of ' + ', '.join(ZWAAR)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--basis", help="another source tree to measure alongside")
    args = parser.parse_args()
    dit: list[float] = []
    basis: list[float] = []
    geladen: list[str] = []
    basis_geladen: list[str] = []
    for _ in range(args.runs):
        tijd, geladen = meet(None)
        dit.append(tijd)
        if args.basis:
            tijd, basis_geladen = meet(args.basis)
            basis.append(tijd)
    print(samenvatting("this tree", dit, geladen))
    if args.basis:
        print(samenvatting(f"basis {args.basis}", basis, basis_geladen))
        print(f"ratio (this / basis): {statistics.median(dit) / statistics.median(basis):.2f}")


if __name__ == "__main__":
    main()
