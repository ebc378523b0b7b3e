"""Hardening (issue 11), the general test: every public entry point, given a hostile value
where any of its arguments belongs, either does its work or refuses with the library's own
error (a :class:`~klantregister.KlantregisterError`), whose message never repeats a BSN.

The single faults of the issue have tests of their own; this one closes the class: a
TypeError, AttributeError, ValueError, UnicodeError, OverflowError or RecursionError out
of any of these is a bug, whatever the input.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantregister import (
    Adres,
    ANummer,
    Authenticatie,
    Bsn,
    BuitenlandsNummer,
    Gemeentecode,
    Identificatie,
    Kenmerken,
    Klant,
    Klantgegevens,
    KlantRegister,
    KlantregisterError,
    KvkNummer,
    Registratie,
    Rsin,
    SubjectUrl,
    Vestigingsnummer,
)
from klantregister.formats import kanoniek, klanten_v1, klantinteracties, lees_records

pytestmark = pytest.mark.unit

BSN = "111222333"

#: Values no caller should give, and some that look almost right.
vijandig = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.just(2**63),
    st.just(-(2**63) - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["", " ", "\x00", "a\x00b", "\ud800", "\udcff", BSN, f"x{BSN}", "0363"]),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.tuples(st.text(max_size=5), st.text(max_size=5)),
    st.just(object()),
    st.just(uuid.uuid4()),
    st.just(io.BytesIO(b"")),
)

#: Per entry point: a call of it with the hostile value in one place.
INGANGEN: dict[str, Callable[[Any], object]] = {
    "Bsn": Bsn,
    "ANummer": ANummer,
    "Rsin": Rsin,
    "KvkNummer": KvkNummer,
    "Vestigingsnummer": Vestigingsnummer,
    "Gemeentecode": Gemeentecode,
    "SubjectUrl": SubjectUrl,
    "Bsn.is_valid": Bsn.is_valid,
    "BuitenlandsNummer.land": lambda x: BuitenlandsNummer(x, "register", "123"),
    "BuitenlandsNummer.nummer": lambda x: BuitenlandsNummer("BE", "register", x),
    "Klantgegevens.voornaam": lambda x: Klantgegevens(voornaam=x),
    "Klantgegevens.emailadres": lambda x: Klantgegevens(emailadres=x),
    "Klantgegevens.website_url": lambda x: Klantgegevens(website_url=x),
    "Klantgegevens.adres": lambda x: Klantgegevens(adres=x),
    "Adres.huisnummer": lambda x: Adres(huisnummer=x),
    "Adres.postcode": lambda x: Adres(postcode=x),
    "Adres.land": lambda x: Adres(land=x),
    "Identificatie.bsn": lambda x: Identificatie.natuurlijk_persoon(bsn=x),
    "Identificatie.buitenlands": lambda x: Identificatie.natuurlijk_persoon(buitenlands=x),
    "Identificatie.soort": lambda x: Identificatie(x, bsn=BSN),
    "Authenticatie.niveau": Authenticatie,
    "Authenticatie.middel": lambda x: Authenticatie("hoog", x),
    "Kenmerken.soort": lambda x: Kenmerken(soort=x),
    "Kenmerken.actief": lambda x: Kenmerken(actief=x),
    "Registratie.gemeente": Registratie,
    "Registratie.klantgegevens": lambda x: Registratie("0363", x),
    "Registratie.id": lambda x: Registratie("0363", id=x),
    "Registratie.bron": lambda x: Registratie("0363", bron=x),
    "Registratie.klantnummer": lambda x: Registratie("0363", klantnummer=x),
    "Klant.id": lambda x: Klant(x, "0363", "K1"),
    "Klant.versie": lambda x: Klant(uuid.uuid4(), "0363", "K1", versie=x),
    "KlantRegister.niveau": lambda x: KlantRegister(minimaal_betrouwbaarheidsniveau=x),
    "KlantRegister.open": KlantRegister.open,
    "registreer.gemeente": lambda x: KlantRegister().registreer(x),
    "registreer.klantgegevens": lambda x: KlantRegister().registreer("0363", x),
    "registreer.identificatie": lambda x: KlantRegister().registreer("0363", None, x),
    "registreer.authenticatie": lambda x: KlantRegister().registreer(
        "0363", None, Identificatie.natuurlijk_persoon(bsn=BSN), authenticatie=x
    ),
    "registreer_alle": lambda x: KlantRegister().registreer_alle(x),
    "registreer_alle.element": lambda x: KlantRegister().registreer_alle([x]),
    "registreer_alle.batchgrootte": lambda x: KlantRegister().registreer_alle([], batchgrootte=x),
    "get": lambda x: KlantRegister().get(x),
    "zoek.gemeente": lambda x: KlantRegister().zoek(x, BSN),
    "zoek.identificator": lambda x: KlantRegister().zoek("0363", x),
    "verwijder": lambda x: KlantRegister().verwijder(x),
    "wijzig_klantgegevens.id": lambda x: KlantRegister().wijzig_klantgegevens(x, None),
    "lees_records": lambda x: list(lees_records(x)),
    "klanten_v1.lees_klant": klanten_v1.lees_klant,
    "klanten_v1.lees_klant.gemeenten": lambda x: klanten_v1.lees_klant({}, gemeenten=x),
    "klanten_v1.naar_v1": lambda x: klanten_v1.naar_v1(x, bronorganisatie="002564440"),
    "klanten_v1.naar_v1.bronorganisatie": lambda x: klanten_v1.naar_v1(
        KlantRegister().registreer("0363"), bronorganisatie=x
    ),
    "klanten_v1.naar_v1.website_url": lambda x: klanten_v1.naar_v1(
        KlantRegister().registreer("0363"), bronorganisatie="002564440", website_url=x
    ),
    "klantinteracties.lees_partij": lambda x: klantinteracties.lees_partij(x, gemeenten="0363"),
    "klantinteracties.naar_partij": klantinteracties.naar_partij,
    "klantinteracties.naar_partij.basis_url": lambda x: klantinteracties.naar_partij(
        KlantRegister().registreer("0363"), vorm="antwoord", basis_url=x
    ),
    "kanoniek.naar_dict": kanoniek.naar_dict,
    "kanoniek.uit_dict": kanoniek.uit_dict,
}


#: The entry points that take a path: an error names the path as the user gave it (a file
#: named after a BSN is the user's own choice, not data of the register).
PADEN = frozenset({"lees_records"})


@pytest.mark.parametrize("naam", sorted(INGANGEN))
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(waarde=vijandig)
def test_a_hostile_value_is_refused_with_the_librarys_own_error(naam: str, waarde: object) -> None:
    try:
        INGANGEN[naam](waarde)
    except KlantregisterError as fout:
        tekst = str(fout)
        if naam in PADEN and isinstance(waarde, str):
            return  # the path the user gave is named, whatever its digits
        assert BSN not in tekst, tekst
        if isinstance(waarde, str) and len(waarde) >= 9 and waarde.isdigit():
            assert waarde not in tekst or not Bsn.is_valid(waarde), tekst
    except RecursionError:  # pragma: no cover - reported by the assertion below
        pytest.fail(f"{naam}: RecursionError")
