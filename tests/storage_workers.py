"""What the child processes of ``test_storage_faults.py`` run.

Child processes are started with the ``spawn`` method, so everything they run
must be importable at the top level of a module: it is here. A child never
lets an exception escape: it reports every outcome to the parent as plain
strings through a queue, so the parent's assertions show what went wrong.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from gemachtigd import als
from klantregister import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    Identificatie,
    Klantgegevens,
    KlantRegister,
    Registratie,
)

if TYPE_CHECKING:
    from multiprocessing.queues import Queue
    from multiprocessing.synchronize import Barrier

AMSTERDAM = "0363"
DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD")
GELUKT = "gelukt"
# Long enough for eight processes on a slow machine to start, short enough that a
# child whose sibling died does not hang the test run.
WACHTTIJD = 60.0

#: What one child reports of one attempt: ``GELUKT`` or the exception's class name,
#: the klant id the result or the error names (or ""), and a detail (or the message).
Uitkomst = tuple[str, str, str]
#: (round, process number, outcome); round -1 means the register did not open.
Melding = tuple[int, int, Uitkomst]
Taak = Callable[[KlantRegister, int, str], Uitkomst]


def uitkomst_van(fout: BaseException) -> Uitkomst:
    klant_id = getattr(fout, "klant_id", None)
    return type(fout).__name__, "" if klant_id is None else str(klant_id), str(fout)


# --- the attempts the processes race with ------------------------------------------


def registreer_persoon(register: KlantRegister, proces: int, bsn: str) -> Uitkomst:
    """Register the natural person with this BSN in Amsterdam."""
    klant = register.registreer(
        AMSTERDAM,
        Klantgegevens(voornaam=f"Proces {proces}"),
        Identificatie.natuurlijk_persoon(bsn=bsn),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=bsn), DIGID),
    )
    return GELUKT, str(klant.id), klant.klantnummer


def wijzig_versie_1(register: KlantRegister, proces: int, klant_id: str) -> Uitkomst:
    """Change the klantgegevens of a klant read at versie 1."""
    klant = register.wijzig_klantgegevens(
        klant_id, Klantgegevens(voornaam=f"Proces {proces}"), versie=1
    )
    return GELUKT, str(klant.id), str(klant.klantgegevens.voornaam)


def wijzig_of_verwijder_versie_1(register: KlantRegister, proces: int, klant_id: str) -> Uitkomst:
    """Erase a klant read at versie 1 (odd processes), or change it (even ones)."""
    if proces % 2 == 0:
        return wijzig_versie_1(register, proces, klant_id)
    register.verwijder(klant_id, versie=1)
    return GELUKT, klant_id, "verwijderd"


def registreer_zelfstandig(register: KlantRegister, proces: int, _: str) -> Uitkomst:
    """Register a zelfstandige klant with a generated klantnummer."""
    klant = register.registreer(AMSTERDAM, Klantgegevens(voornaam=f"Proces {proces}"))
    return GELUKT, str(klant.id), klant.klantnummer


def wedijver(
    taak: Taak,
    url: str,
    proces: int,
    argumenten: Sequence[str],
    *,
    start: Barrier,
    meldingen: Queue[Melding],
) -> None:
    """Open a register, then per argument: wait for every process, and race with ``taak``.

    The barrier is passed once per round, so the processes start each attempt together.
    """
    try:
        register = KlantRegister.open(url)
    except BaseException as fout:
        start.abort()  # the others would wait for this one in vain
        meldingen.put((-1, proces, uitkomst_van(fout)))
        return
    with register:
        for ronde, argument in enumerate(argumenten):
            try:
                start.wait(WACHTTIJD)
                uitkomst = taak(register, proces, argument)
            except (Exception, threading.BrokenBarrierError) as fout:
                uitkomst = uitkomst_van(fout)
            meldingen.put((ronde, proces, uitkomst))


def open_en_registreer(url: str, proces: int, start: Barrier, meldingen: Queue[Melding]) -> None:
    """Wait for every process, then open the register and register a zelfstandige klant."""
    try:
        start.wait(WACHTTIJD)
        with KlantRegister.open(url) as register:
            uitkomst = registreer_zelfstandig(register, proces, "")
    except (Exception, threading.BrokenBarrierError) as fout:
        uitkomst = uitkomst_van(fout)
    meldingen.put((0, proces, uitkomst))


# --- the bulk load killed halfway ------------------------------------------------------


def bsn(index: int) -> str:
    """A valid BSN of its own for every index below 9,000,000.

    Seven digits come from the index; the eighth is the first that gives the
    11-proef a check digit below 10 (of ten consecutive eighth digits, at most
    one gives 10).
    """
    begin = f"{1_000_000 + index:07d}"
    som = sum(gewicht * int(cijfer) for gewicht, cijfer in zip(range(9, 2, -1), begin, strict=True))
    for achtste in range(10):
        controle = (som + 2 * achtste) % 11
        if controle < 10:
            return f"{begin}{achtste}{controle}"
    raise AssertionError("unreachable: at most one eighth digit gives check digit 10")


def registratie(index: int) -> Registratie:
    """Registratie number ``index`` of the mix: 60% BSN, 20% KvK, 20% zelfstandig.

    The achternaam carries the index, so a stored klant can be compared with what was
    given. Every natural person has a BSN of their own; organisations share KvK-nummers
    in groups of up to ten (rule 2 allows that).
    """
    gegevens = Klantgegevens(voornaam="Zoë", achternaam=f"Klant {index}")
    soort = index % 5
    if soort < 3:
        return Registratie(
            AMSTERDAM,
            gegevens,
            Identificatie.natuurlijk_persoon(bsn=bsn(index)),
            authenticatie=als(Identificatie.natuurlijk_persoon(bsn=bsn(index)), DIGID),
        )
    if soort == 3:
        return Registratie(
            AMSTERDAM,
            gegevens,
            Identificatie.niet_natuurlijk_persoon(kvk_nummer=f"{10_000_000 + index // 50:08d}"),
            authenticatie=als(
                Identificatie.niet_natuurlijk_persoon(kvk_nummer=f"{10_000_000 + index // 50:08d}"),
                DIGID,
            ),
        )
    return Registratie(AMSTERDAM, gegevens)


def registraties(begin: int, einde: int) -> Iterator[Registratie]:
    return (registratie(index) for index in range(begin, einde))


def laad_in_bulk(url: str, begin: int, einde: int, batchgrootte: int) -> None:
    """Bulk-load registraties ``begin`` to ``einde`` of the mix; the parent kills this halfway."""
    with KlantRegister.open(url) as register:
        register.registreer_alle(registraties(begin, einde), batchgrootte=batchgrootte)


def index_van(achternaam: Any) -> int:
    """The index a klant of :func:`registratie` was given, from its achternaam."""
    return int(str(achternaam).removeprefix("Klant "))
