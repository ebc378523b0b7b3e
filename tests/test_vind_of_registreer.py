"""``vind_of_registreer`` (issue 13, point 1): the klant of a person, or a new one, in one step."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from klantregister import (
    Authenticatie,
    BetrouwbaarheidsniveauError,
    Handeling,
    Identificatie,
    Klantgegevens,
    KlantRegister,
    MachtigingError,
    OngeldigTypeError,
    Vertegenwoordiging,
)

AMSTERDAM = "0363"
BSN = "111222333"
A_NUMMER = "1234567890"
KVK = "69046938"
PERSOON = Identificatie.natuurlijk_persoon(bsn=BSN)
DIGID = Authenticatie("substantieel", "DigiD", subject=BSN)


def test_an_unknown_person_is_registered_and_found_the_next_time(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    nieuw, is_nieuw = register.vind_of_registreer(
        AMSTERDAM, PERSOON, Klantgegevens(voornaam="Anna"), authenticatie=DIGID
    )
    weer, weer_nieuw = register.vind_of_registreer(
        "GM0363", PERSOON, Klantgegevens(voornaam="Other"), authenticatie=DIGID
    )

    assert (True, False, nieuw, 1) == (is_nieuw, weer_nieuw, weer, len(register))
    assert ("Anna", DIGID) == (weer.klantgegevens.voornaam, weer.herkomst)
    assert [Handeling.VASTLEGGEN, Handeling.VERSTREKKEN] == [
        v.handeling for v in register.verwerkingen()
    ]


def test_a_person_is_found_by_any_of_their_keys(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    volledig = Identificatie.natuurlijk_persoon(bsn=BSN, a_nummer=A_NUMMER)
    klant = register.registreer(AMSTERDAM, identificatie=volledig, authenticatie=DIGID)

    alleen_a = Identificatie.natuurlijk_persoon(a_nummer=A_NUMMER)
    gevonden = register.vind_of_registreer(
        AMSTERDAM, alleen_a, authenticatie=Authenticatie("hoog", subject=A_NUMMER)
    )
    assert (klant, False) == gevonden


@pytest.mark.parametrize(
    "authenticatie",
    [
        Authenticatie("substantieel", subject="123456782"),
        Authenticatie("laag", subject=BSN),
        Authenticatie("hoog"),
    ],
)
def test_the_machtiging_rule_applies_to_both_outcomes(
    maak_register: Callable[..., KlantRegister], authenticatie: Authenticatie
) -> None:
    register = maak_register()
    fouten = (MachtigingError, BetrouwbaarheidsniveauError)
    with pytest.raises(fouten):
        register.vind_of_registreer(AMSTERDAM, PERSOON, authenticatie=authenticatie)
    assert 0 == len(register)
    register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)
    voor = list(register.verwerkingen())
    with pytest.raises(fouten):
        register.vind_of_registreer(AMSTERDAM, PERSOON, authenticatie=authenticatie)
    assert voor == list(register.verwerkingen())


@pytest.mark.unit
def test_a_representative_finds_or_registers_the_one_they_act_for() -> None:
    register = KlantRegister()
    ouder = Authenticatie(
        "hoog", subject="123456782", namens=Vertegenwoordiging(BSN, "ouderlijk_gezag")
    )
    kind, nieuw = register.vind_of_registreer(AMSTERDAM, PERSOON, authenticatie=ouder)
    assert (True, (kind, False)) == (
        nieuw,
        register.vind_of_registreer(AMSTERDAM, PERSOON, authenticatie=ouder),
    )


def test_an_organisation_is_found_by_exactly_its_identificatie(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    eherkenning = Authenticatie("substantieel", namens=Vertegenwoordiging(KVK, "functionaris"))
    bedrijf = Identificatie.niet_natuurlijk_persoon(kvk_nummer=KVK)
    vestiging = Identificatie.niet_natuurlijk_persoon(
        kvk_nummer=KVK, vestigingsnummer="000012345678"
    )

    eerste, _ = register.vind_of_registreer(AMSTERDAM, bedrijf, authenticatie=eherkenning)
    weer = register.vind_of_registreer(AMSTERDAM, bedrijf, authenticatie=eherkenning)
    tak, tak_nieuw = register.vind_of_registreer(AMSTERDAM, vestiging, authenticatie=eherkenning)

    assert ((eerste, False), True, 2) == (weer, tak_nieuw, len(register))
    assert tak.id != eerste.id


@pytest.mark.unit
@pytest.mark.parametrize("identificatie", [None, BSN, Klantgegevens()])
def test_anything_but_an_identificatie_is_refused(identificatie: object) -> None:
    with pytest.raises(OngeldigTypeError) as fout:
        KlantRegister().vind_of_registreer(
            AMSTERDAM,
            identificatie,  # type: ignore[arg-type]
            authenticatie=DIGID,
        )
    assert "identificatie" == fout.value.veld


# --- eight processes at once ------------------------------------------------------------

_WERKER = textwrap.dedent(
    """
    import json, sys, time
    from klantregister import Authenticatie, Identificatie, KlantRegister
    url, start = sys.argv[1], float(sys.argv[2])
    with KlantRegister.open(url) as register:
        persoon = Identificatie.natuurlijk_persoon(bsn="111222333")
        digid = Authenticatie("hoog", "DigiD", subject="111222333")
        time.sleep(max(0.0, start - time.time()))
        klant, nieuw = register.vind_of_registreer("0363", persoon, authenticatie=digid)
        print(json.dumps({"id": str(klant.id), "nieuw": nieuw}))
    """
)


def _race(url: str) -> list[dict[str, object]]:
    KlantRegister.open(url).close()  # the schema, before they start
    start = time.time() + 3.0
    processen = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", _WERKER, url, str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    uitkomsten = []
    for proces in processen:
        uit, fout = proces.communicate(timeout=120)
        assert 0 == proces.returncode, fout
        uitkomsten.append(json.loads(uit))
    return uitkomsten


@pytest.mark.process
@pytest.mark.parametrize("soort", ["sqlite", "postgresql"])
def test_eight_processes_asking_for_one_person_at_once_end_with_one_klant(
    tmp_path: Path, soort: str, request: pytest.FixtureRequest
) -> None:
    url = (
        f"sqlite:///{tmp_path / 'klanten.db'}"
        if soort == "sqlite"
        else str(request.getfixturevalue("postgres_schema_url"))
    )
    uitkomsten = _race(url)

    with KlantRegister.open(url) as register:
        klanten = list(register)
        handelingen = sorted(v.handeling.value for v in register.verwerkingen())
    assert (1, 7) == (
        sum(1 for u in uitkomsten if u["nieuw"]),
        sum(1 for u in uitkomsten if not u["nieuw"]),
    )
    assert ({str(klanten[0].id)}, 1) == ({str(u["id"]) for u in uitkomsten}, len(klanten))
    assert ["vastleggen"] + ["verstrekken"] * 7 == sorted(
        handelingen, key=lambda h: h != "vastleggen"
    )
