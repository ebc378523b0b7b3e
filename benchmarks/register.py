"""Benchmark: register N klanten in one gemeente, then look each one up.

The mix is that of a gemeente's contact centre: 60% with a BSN, 20% with a
KvK-nummer, 20% zelfstandig. Beside the register runs a naive baseline in the
same process, on the same input: plain frozen attrs objects in a dict, with an
index by identifier and no validation, no rules and no lock. Both sides start
from the same plain strings, so the register's figures include parsing and
checking them.

Run ``python benchmarks/register.py`` (1,000,000 klanten; ``--aantal`` for
fewer). Targets (issue 2): registration at least 1/2 of the baseline's
throughput, lookups at least 1/3, memory at most 2x per klant.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import tracemalloc
import uuid
from collections.abc import Callable
from typing import Any

import attrs

from klantregister import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    Bsn,
    Identificatie,
    KlantRegister,
    KvkNummer,
)

GEMEENTE = "0363"
_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2)


def _bsns(aantal: int, rng: random.Random) -> list[str]:
    """Distinct 9-digit numbers passing the 11-proef."""
    gezien: set[str] = set()
    while len(gezien) < aantal:
        acht = f"{rng.randrange(10_000_000, 100_000_000):08d}"
        controle = sum(g * int(c) for g, c in zip(_GEWICHTEN, acht, strict=True)) % 11
        if controle < 10:
            gezien.add(acht + str(controle))
    return sorted(gezien, key=lambda _: rng.random())


def invoer(aantal: int, seed: int = 2026) -> list[tuple[str, str | None]]:
    """(soort, nummer) per klant: 60% ("bsn", ...), 20% ("kvk", ...), 20% ("", None)."""
    rng = random.Random(seed)
    n_bsn = aantal * 6 // 10
    n_kvk = aantal * 2 // 10
    bsns = _bsns(n_bsn, rng)
    # 5,000 companies, several klanten (employees) each: rule 2 allows that.
    bedrijven = [f"{rng.randrange(10_000_000, 100_000_000):08d}" for _ in range(5000)]
    rijen: list[tuple[str, str | None]] = [("bsn", b) for b in bsns]
    rijen += [("kvk", rng.choice(bedrijven)) for _ in range(n_kvk)]
    rijen += [("", None)] * (aantal - n_bsn - n_kvk)
    rng.shuffle(rijen)
    return rijen


# --- the naive baseline --------------------------------------------------------


@attrs.frozen
class NaiveIdentificatie:
    soort: str
    bsn: str | None = None
    kvk_nummer: str | None = None


@attrs.frozen
class NaiveKlant:
    id: uuid.UUID
    gemeente: str
    klantnummer: str
    identificatie: NaiveIdentificatie | None
    versie: int = 1


class NaiveRegister:
    """What a register is without validation or rules: a dict and an index."""

    def __init__(self) -> None:
        self.klanten: dict[uuid.UUID, NaiveKlant] = {}
        self.index: dict[tuple[str, str], list[uuid.UUID]] = {}
        self.teller = 0

    def registreer(self, gemeente: str, identificatie: NaiveIdentificatie | None) -> NaiveKlant:
        self.teller += 1
        klant = NaiveKlant(uuid.uuid4(), gemeente, f"{self.teller:08d}", identificatie)
        self.klanten[klant.id] = klant
        if identificatie is not None:
            sleutel = identificatie.bsn or identificatie.kvk_nummer or ""
            self.index.setdefault((gemeente, sleutel), []).append(klant.id)
        return klant

    def zoek(self, nummer: str, gemeente: str) -> tuple[NaiveKlant, ...]:
        return tuple(self.klanten[i] for i in self.index.get((gemeente, nummer), ()))

    def get(self, klant_id: uuid.UUID) -> NaiveKlant:
        return self.klanten[klant_id]


def laad_naief(rijen: list[tuple[str, str | None]]) -> tuple[NaiveRegister, list[Any]]:
    register = NaiveRegister()
    ids = []
    for soort, nummer in rijen:
        if soort == "bsn":
            identificatie: NaiveIdentificatie | None = NaiveIdentificatie("np", bsn=nummer)
        elif soort == "kvk":
            identificatie = NaiveIdentificatie("nnp", kvk_nummer=nummer)
        else:
            identificatie = None
        ids.append(register.registreer(GEMEENTE, identificatie).id)
    return register, ids


def identificatie(soort: str, nummer: str | None) -> Identificatie | None:
    """The identificatie of one row of :func:`invoer`, validated from its string."""
    if soort == "bsn":
        return Identificatie.natuurlijk_persoon(bsn=nummer)
    if soort == "kvk":
        return Identificatie.niet_natuurlijk_persoon(kvk_nummer=nummer)
    return None


def authenticatie_van(gegeven: Identificatie | None) -> Authenticatie | None:
    """The klant's own authentication: DigiD or eHerkenning established its first identifier."""
    if gegeven is None:
        return None
    return Authenticatie(
        Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD", subject=gegeven.identificatoren[0]
    )


def laad_register(rijen: list[tuple[str, str | None]]) -> tuple[KlantRegister, list[Any]]:
    register = KlantRegister()
    ids = []
    for soort, nummer in rijen:
        gegeven = identificatie(soort, nummer)
        klant = register.registreer(
            GEMEENTE, identificatie=gegeven, authenticatie=authenticatie_van(gegeven)
        )
        ids.append(klant.id)
    return register, ids


# --- measuring -----------------------------------------------------------------


def _meet(functie: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    begin = time.perf_counter()
    resultaat = functie()
    return time.perf_counter() - begin, resultaat


def _geheugen(functie: Callable[[], Any]) -> tuple[int, Any]:
    """Bytes still allocated by what ``functie`` built, measured with tracemalloc."""
    gc.collect()
    tracemalloc.start()
    voor = tracemalloc.get_traced_memory()[0]
    resultaat = functie()
    gc.collect()
    na = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return na - voor, resultaat


def _zoek_naief(register: NaiveRegister, rijen: list[tuple[str, str | None]]) -> int:
    gevonden = 0
    for _soort, nummer in rijen:
        if nummer is not None:
            gevonden += len(register.zoek(nummer, GEMEENTE))
    return gevonden


def _zoek_register(register: KlantRegister, rijen: list[tuple[str, str | None]]) -> int:
    gevonden = 0
    for soort, nummer in rijen:
        if soort == "bsn":
            gevonden += len(register.zoek(Bsn(nummer), GEMEENTE))  # type: ignore[arg-type]
        elif soort == "kvk":
            gevonden += len(register.zoek(KvkNummer(nummer), GEMEENTE))  # type: ignore[arg-type]
    return gevonden


def _get_alle(register: Any, ids: list[Any]) -> int:
    return sum(1 for klant_id in ids if register.get(klant_id) is not None)


def _meet_kant(naam: str, rijen: list[tuple[str, str | None]]) -> tuple[dict[str, float], int]:
    """Load, look up by identifier and get by id on one side; its objects are freed after."""
    if naam == "baseline":
        t_laad, (naief, naief_ids) = _meet(lambda: laad_naief(rijen))
        t_zoek, gevonden = _meet(lambda: _zoek_naief(naief, rijen))
        t_get, _ = _meet(lambda: _get_alle(naief, naief_ids))
    else:
        t_laad, (register, ids) = _meet(lambda: laad_register(rijen))
        t_zoek, gevonden = _meet(lambda: _zoek_register(register, rijen))
        t_get, _ = _meet(lambda: _get_alle(register, ids))
    return {"laad": t_laad, "zoek": t_zoek, "get": t_get}, gevonden


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=1_000_000, help="klanten (1,000,000)")
    parser.add_argument("--herhalingen", type=int, default=3, help="timed repeats, best counts (3)")
    args = parser.parse_args(argv)
    aantal: int = args.aantal

    rijen = invoer(aantal)
    n_zoek = sum(1 for _, nummer in rijen if nummer is not None)
    python = sys.version.split()[0]
    print(f"klantregister benchmark: {aantal:,} klanten in gemeente {GEMEENTE}, Python {python}")
    print("mix: 60% BSN, 20% KvK-nummer, 20% zelfstandig\n")

    # Each side is measured alone: the other's objects are freed first, so neither pays
    # for garbage-collecting the other's heap. The two alternate, and the best of the
    # repeats counts, which damps the noise of a shared machine.
    tijden: dict[str, list[float]] = {}
    gevonden: dict[str, int] = {}
    for _ in range(args.herhalingen):
        for naam in ("baseline", "register"):
            metingen, gevonden[naam] = _meet_kant(naam, rijen)
            for meting, t in metingen.items():
                tijden.setdefault(f"{naam} {meting}", []).append(t)
    if gevonden["baseline"] != gevonden["register"]:
        raise SystemExit(f"lookups disagree: {gevonden}")
    t_naief, z_naief, get_naief = (min(tijden[f"baseline {m}"]) for m in ("laad", "zoek", "get"))
    t_reg, z_reg, get_reg = (min(tijden[f"register {m}"]) for m in ("laad", "zoek", "get"))

    m_naief, naief_weer = _geheugen(lambda: laad_naief(rijen))
    del naief_weer
    m_reg, reg_weer = _geheugen(lambda: laad_register(rijen))
    del reg_weer

    regels = [
        ("registrations/s", aantal / t_reg, aantal / t_naief, 0.5, "≥"),
        ("lookups/s (zoek by identifier)", n_zoek / z_reg, n_zoek / z_naief, 1 / 3, "≥"),
        ("lookups/s (get by id)", aantal / get_reg, aantal / get_naief, 1 / 3, "≥"),
        ("bytes per klant", m_reg / aantal, m_naief / aantal, 2.0, "≤"),
    ]
    print(f"{'measure':34} {'register':>14} {'baseline':>14} {'ratio':>7}  target")
    geslaagd = True
    for naam, waarde, basis, doel, richting in regels:
        ratio = waarde / basis
        ok = ratio >= doel if richting == "≥" else ratio <= doel
        geslaagd &= ok
        print(
            f"{naam:34} {waarde:14,.0f} {basis:14,.0f} {ratio:7.2f}  "
            f"{richting} {doel:.2f} {'ok' if ok else 'MISSED'}"
        )
    print("\nall targets met" if geslaagd else "\nsome targets missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
