"""``voeg_samen`` (issue 13, point 3): two klanten of one gemeente brought together, on every
storage.

The klant kept keeps its id and klantnummer, one versie higher, its klantgegevens filled
from the other's where it has none, and both klanten's identifiers; the other is erased,
and ``get`` of it names the klant it went into. A refused merge changes nothing: not the
klanten, not their versies, not the log, not the record of earlier merges, and not the
storage another register reads.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from gemachtigd import als
from klantregister import (
    Adres,
    ANummer,
    Authenticatie,
    BetrouwbaarheidsniveauError,
    Bsn,
    Gemeentecode,
    Handeling,
    Identificatie,
    Identificator,
    KardinaliteitError,
    Klant,
    KlantBestaatAlError,
    Klantgegevens,
    KlantNietGevondenError,
    KlantRegister,
    MachtigingError,
    MemoryRepository,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    OngeldigTypeError,
    Registratie,
    Rsin,
    VersieconflictError,
    Vertegenwoordiging,
    ZelfstandigeKlantError,
)
from klantregister.testing import klantgegevens

MaakRegister = Callable[..., KlantRegister]

AMSTERDAM = "0363"
UTRECHT = "0344"
BSN = "111222333"
ANDER_BSN = "123456782"
OUDER_BSN = "010000008"
A_NUMMER = "1234567890"
KVK = "69046938"
RSIN = "002220647"

MET_BSN = Identificatie.natuurlijk_persoon(bsn=BSN)
MET_A_NUMMER = Identificatie.natuurlijk_persoon(a_nummer=A_NUMMER)
DIGID = Authenticatie("substantieel", "DigiD", subject=BSN)

OPSLAG_VOORBEELDEN = settings(
    max_examples=min(settings().max_examples, 50),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def register(maak_register: MaakRegister) -> KlantRegister:
    return maak_register()


def handelingen(register: KlantRegister) -> list[tuple[Handeling, uuid.UUID | None]]:
    return [(v.handeling, v.klant_id) for v in register.verwerkingen()]


def opgegaan_in(register: KlantRegister, klant_id: uuid.UUID) -> uuid.UUID | None:
    """What ``get`` says of a klant that is not there: the klant it went into, if any."""
    with pytest.raises(KlantNietGevondenError) as fout:
        register.get(klant_id)
    assert klant_id == fout.value.klant_id
    return fout.value.opgegaan_in


def toestand(register: KlantRegister, weg: list[uuid.UUID]) -> tuple[Any, ...]:
    """Everything a merge could change: every klant exactly (versie included), in order of
    registration, every log entry, and what ``get`` says of the klanten in ``weg``."""
    return (
        [attrs.asdict(klant) for klant in register],
        [(v.id, v.handeling, v.klant_id, v.betrokkene) for v in register.verwerkingen()],
        [opgegaan_in(register, klant_id) for klant_id in weg],
    )


# --- a merge, and what it gives ----------------------------------------------------------


def test_two_klanten_of_one_person_become_the_klant_kept(
    maak_register: MaakRegister, opslag_url: str
) -> None:
    register = maak_register()
    thuis = Adres(straatnaam="Dam", huisnummer=1, postcode="1012 JS", woonplaatsnaam="Amsterdam")
    elders = Adres(huisnummer=2, postcode="9999 ZZ")
    post = Adres(postcode="1234 AB", huisnummer=7)
    behouden = register.registreer(
        AMSTERDAM,
        Klantgegevens(voornaam="Anna", emailadres="anna@example.nl", adres=thuis),
        MET_BSN,
        authenticatie=DIGID,
    )
    opgaan = register.registreer(
        AMSTERDAM,
        Klantgegevens(
            voornaam="Anne",
            achternaam="Jansen",
            telefoonnummer="0612345678",
            adres=elders,
            correspondentieadres=post,
        ),
        MET_A_NUMMER,
        authenticatie=Authenticatie("hoog", subject=A_NUMMER),
    )
    bevestiging = Authenticatie("hoog", "DigiD", subject=BSN)
    voor = handelingen(register)

    samen = register.voeg_samen(behouden.id, opgaan.id, authenticatie=bevestiging, versies=(1, 1))

    assert (behouden.id, behouden.klantnummer, 2, Gemeentecode(AMSTERDAM)) == (
        samen.id,
        samen.klantnummer,
        samen.versie,
        samen.gemeente,
    )
    # Each field behouden leaves empty from opgaan; an address as a whole, never mixed.
    assert (
        Klantgegevens(
            voornaam="Anna",
            achternaam="Jansen",
            emailadres="anna@example.nl",
            telefoonnummer="0612345678",
            adres=thuis,
            correspondentieadres=post,
        )
        == samen.klantgegevens
    )
    assert Identificatie.natuurlijk_persoon(bsn=BSN, a_nummer=A_NUMMER) == samen.identificatie
    assert bevestiging == samen.herkomst  # what the identifiers were joined with
    assert [samen] == list(register)
    assert samen == register.get(behouden.id)
    assert behouden.id == opgegaan_in(register, opgaan.id)
    assert opgaan.id not in register
    assert [
        *voor,
        (Handeling.SAMENVOEGEN, behouden.id),
        (Handeling.WISSEN, opgaan.id),
    ] == handelingen(register)
    # Both keys lead to the klant kept, and so do opgaan's contact data it took.
    assert (samen,) == register.zoek(ANummer(A_NUMMER), AMSTERDAM)
    assert (samen,) == register.zoek(Bsn(BSN), AMSTERDAM)
    assert (samen,) == register.zoek_op_gegevens(AMSTERDAM, telefoonnummer="06 1234 5678")
    assert () == register.zoek_op_gegevens(AMSTERDAM, postcode="9999ZZ")  # not taken
    # The A-nummer is the klant kept's now (rule 1).
    with pytest.raises(KardinaliteitError) as fout:
        register.registreer(AMSTERDAM, identificatie=MET_A_NUMMER, authenticatie=als(MET_A_NUMMER))
    assert (1, behouden.id) == (fout.value.regel, fout.value.klant_id)

    if opslag_url != "memory://":  # another register on the same storage sees the same
        ander = maak_register()
        assert [samen] == list(ander)
        assert behouden.id == opgegaan_in(ander, opgaan.id)


@pytest.mark.parametrize(
    "gegeven",
    [Klantgegevens(voornaam="Zoë", telefoonnummer="0201234567"), Klantgegevens()],
    ids=["andere", "lege"],
)
def test_klantgegevens_given_are_the_results_instead(
    register: KlantRegister, gegeven: Klantgegevens
) -> None:
    behouden = register.registreer(AMSTERDAM, Klantgegevens(voornaam="Anna", achternaam="Smit"))
    opgaan = register.registreer(AMSTERDAM, Klantgegevens(emailadres="a@example.nl"))

    samen = register.voeg_samen(behouden.id, opgaan.id, authenticatie=None, klantgegevens=gegeven)

    assert (gegeven, 2) == (samen.klantgegevens, samen.versie)
    assert samen == register.get(behouden.id)


@pytest.mark.parametrize(
    "bevestiging",
    [
        Authenticatie("substantieel", "DigiD", subject=BSN),
        Authenticatie("hoog", subject=A_NUMMER),
        Authenticatie(
            "substantieel",
            "DigiD Machtigen",
            subject=OUDER_BSN,
            namens=Vertegenwoordiging(BSN, "ouderlijk_gezag"),
        ),
    ],
    ids=["bsn", "a-nummer", "namens"],
)
def test_an_authentication_covering_any_identifier_of_the_result_will_do(
    register: KlantRegister, bevestiging: Authenticatie
) -> None:
    behouden = register.registreer(AMSTERDAM, identificatie=MET_BSN, authenticatie=DIGID)
    opgaan = register.registreer(
        AMSTERDAM, identificatie=MET_A_NUMMER, authenticatie=als(MET_A_NUMMER)
    )

    samen = register.voeg_samen(behouden.id, opgaan.id, authenticatie=bevestiging)

    assert (bevestiging, 1) == (samen.herkomst, len(register))


def test_a_zelfstandige_klant_goes_into_an_aangehaakte_one_under_its_authentication(
    register: KlantRegister,
) -> None:
    behouden = register.registreer(AMSTERDAM, identificatie=MET_BSN, authenticatie=DIGID)
    opgaan = register.registreer(AMSTERDAM, Klantgegevens(telefoonnummer="0612345678"))
    voor = handelingen(register)

    samen = register.voeg_samen(
        behouden.id, opgaan.id, authenticatie=Authenticatie("hoog", "eIDAS", subject=BSN)
    )

    # The identifiers are behouden's as they were, so is what they were recorded with.
    assert (MET_BSN, DIGID, "0612345678") == (
        samen.identificatie,
        samen.herkomst,
        samen.klantgegevens.telefoonnummer,
    )
    # Nothing identifying was erased: a zelfstandige klant has none.
    assert [*voor, (Handeling.SAMENVOEGEN, behouden.id)] == handelingen(register)


def test_klanten_of_one_organisation_bring_their_numbers_together(
    register: KlantRegister,
) -> None:
    kvk = Identificatie.niet_natuurlijk_persoon(kvk_nummer=KVK)
    volledig = Identificatie.niet_natuurlijk_persoon(kvk_nummer=KVK, rsin=RSIN)
    behouden = register.registreer(AMSTERDAM, identificatie=kvk, authenticatie=als(kvk))
    opgaan = register.registreer(AMSTERDAM, identificatie=volledig, authenticatie=als(kvk))
    derde = register.registreer(AMSTERDAM, identificatie=kvk, authenticatie=als(kvk))  # rule 2

    samen = register.voeg_samen(
        behouden.id, opgaan.id, authenticatie=Authenticatie("hoog", "eHerkenning", subject=KVK)
    )

    assert volledig == samen.identificatie
    assert (samen,) == register.zoek(Rsin(RSIN), AMSTERDAM)
    assert [samen, derde] == list(register)


@OPSLAG_VOORBEELDEN
@given(basis=klantgegevens, aanvulling=klantgegevens)
def test_two_zelfstandige_klanten_fill_each_empty_field_and_log_nothing(
    register: KlantRegister, basis: Klantgegevens, aanvulling: Klantgegevens
) -> None:
    try:
        behouden = register.registreer(AMSTERDAM, basis)
        opgaan = register.registreer(AMSTERDAM, aanvulling)
        voor = handelingen(register)

        samen = register.voeg_samen(behouden.id, opgaan.id, authenticatie=None)

        velden = [veld.name for veld in attrs.fields(Klantgegevens)]
        assert {
            naam: getattr(basis, naam)
            if getattr(basis, naam) is not None
            else getattr(aanvulling, naam)
            for naam in velden
        } == {naam: getattr(samen.klantgegevens, naam) for naam in velden}
        assert (None, None, 2) == (samen.identificatie, samen.herkomst, samen.versie)
        assert [samen] == list(register)
        assert voor == handelingen(register)
    finally:
        for klant in list(register):
            register.verwijder(klant.id)


# --- merges after merges -----------------------------------------------------------------


def test_a_klant_merged_into_one_that_went_on_names_the_klant_it_is_part_of_now(
    maak_register: MaakRegister, opslag_url: str
) -> None:
    register = maak_register()
    a, b, c, d, e = (register.registreer(AMSTERDAM) for _ in range(5))

    register.voeg_samen(b.id, c.id, authenticatie=None)
    assert b.id == opgegaan_in(register, c.id)
    register.voeg_samen(a.id, b.id, authenticatie=None)
    register.voeg_samen(e.id, d.id, authenticatie=None)

    assert [a.id, a.id, e.id] == [opgegaan_in(register, k.id) for k in (b, c, d)]
    if opslag_url != "memory://":
        assert [a.id, a.id, e.id] == [opgegaan_in(maak_register(), k.id) for k in (b, c, d)]

    # Erased, a klant is no longer there to have gone into: those that did are just gone.
    register.verwijder(a.id)
    assert [None, None, e.id] == [opgegaan_in(register, k.id) for k in (b, c, d)]


D = datetime.date


@pytest.mark.parametrize(
    "geval",
    [
        (False, None, D(2031, 1, 1), None, None),  # behouden was never expired
        (False, D(2030, 1, 1), D(2032, 6, 1), None, D(2032, 6, 1)),
        (False, D(2032, 6, 1), D(2030, 1, 1), None, D(2032, 6, 1)),
        (False, None, D(2031, 1, 1), 30, D(2031, 1, 1)),  # its term ends before that hold
        (False, None, D(2026, 1, 2), 30, None),  # the hold ends before its term: its term
        (True, None, D(2031, 1, 1), 30, None),  # an aangehaakte klant without one: kept
        (True, D(2030, 1, 1), None, 30, D(2030, 1, 1)),
    ],
)
def test_the_result_is_kept_as_long_as_either_klant_would_have_been(
    maak_register: MaakRegister, geval: tuple[bool, D | None, D | None, int | None, D | None]
) -> None:
    aangehaakt, eigen, ander, dagen, samen = geval
    termijn = None if dagen is None else datetime.timedelta(days=dagen)
    register = maak_register(bewaartermijn_zelfstandig=termijn, klok=lambda: D(2026, 1, 1))
    persoon = {"identificatie": MET_BSN, "authenticatie": DIGID} if aangehaakt else {}
    b = register.registreer(AMSTERDAM, bewaren_tot=eigen, **persoon)  # type: ignore[arg-type]
    c = register.registreer(AMSTERDAM, bewaren_tot=ander)

    resultaat = register.voeg_samen(b.id, c.id, authenticatie=DIGID if aangehaakt else None)

    assert (samen, samen) == (resultaat.bewaren_tot, register.get(b.id).bewaren_tot)


def test_verstrek_of_a_klant_that_went_into_another_names_it(register: KlantRegister) -> None:
    b = register.registreer(AMSTERDAM, identificatie=MET_BSN, authenticatie=DIGID)
    c = register.registreer(AMSTERDAM)
    register.voeg_samen(b.id, c.id, authenticatie=DIGID)

    with pytest.raises(KlantNietGevondenError) as fout:
        register.verstrek(c.id, DIGID)

    assert b.id == fout.value.opgegaan_in


def test_an_id_that_went_into_another_klant_is_not_given_out_again(
    register: KlantRegister,
) -> None:
    b, c = (register.registreer(AMSTERDAM) for _ in range(2))
    register.voeg_samen(b.id, c.id, authenticatie=None)
    voor = list(register)

    # Taken over again from the register it came from, under the id it had there: one by
    # one and in bulk, it is the klant it went into that holds it.
    with pytest.raises(KlantBestaatAlError) as fout:
        register.registreer(AMSTERDAM, Klantgegevens(voornaam="C"), id=c.id)
    bulk = register.registreer_alle([Registratie(AMSTERDAM, Klantgegevens(voornaam="C"), id=c.id)])

    assert (c.id, b.id) == (fout.value.klant_id, fout.value.opgegaan_in)
    assert str(b.id) in str(fout.value)
    assert ((), [KlantBestaatAlError]) == (
        bulk.geregistreerd,
        [type(f) for _, f in bulk.geweigerd],
    )
    assert voor == list(register)
    assert b.id == opgegaan_in(register, c.id)


# --- refusals -----------------------------------------------------------------------------

Toneel = dict[str, uuid.UUID]


def toneel(register: KlantRegister) -> Toneel:
    """Klanten to merge wrongly, and a merge done before (so there is one to keep)."""
    kvk = Identificatie.niet_natuurlijk_persoon(kvk_nummer=KVK)
    ander = Identificatie.natuurlijk_persoon(bsn=ANDER_BSN)
    klanten = {
        "bsn": register.registreer(
            AMSTERDAM, Klantgegevens(voornaam="Anna"), MET_BSN, authenticatie=DIGID
        ),
        "a_nummer": register.registreer(
            AMSTERDAM,
            Klantgegevens(achternaam="Jansen"),
            MET_A_NUMMER,
            authenticatie=als(MET_A_NUMMER),
        ),
        "ander": register.registreer(AMSTERDAM, identificatie=ander, authenticatie=als(ander)),
        "kvk": register.registreer(AMSTERDAM, identificatie=kvk, authenticatie=als(kvk)),
        "zelf": register.registreer(AMSTERDAM, Klantgegevens(telefoonnummer="0612345678")),
        "eerder": register.registreer(AMSTERDAM, Klantgegevens(emailadres="e@example.nl")),
        "elders": register.registreer(UTRECHT, Klantgegevens(voornaam="Utrecht")),
    }
    register.voeg_samen(klanten["zelf"].id, klanten["eerder"].id, authenticatie=None)
    return {naam: klant.id for naam, klant in klanten.items()} | {"onbekend": uuid.UUID(int=7)}


HOOG_ANDER = Authenticatie("hoog", subject=ANDER_BSN)
Weigering = tuple[str, str, dict[str, Any], type[Exception]]


def _w(
    behouden: str, opgaan: str, authenticatie: object, fout: type[Exception], **extra: Any
) -> Weigering:
    return behouden, opgaan, {"authenticatie": authenticatie, **extra}, fout


#: Per refusal: behouden, opgaan, the other arguments, and the error.
WEIGERINGEN: dict[str, Weigering] = {
    "met-zichzelf": _w("bsn", "bsn", DIGID, OngeldigeWaardeError),
    "twee-gemeenten": _w("zelf", "elders", None, OngeldigeWaardeError),
    "twee-bsns": _w("bsn", "ander", DIGID, KardinaliteitError),
    "bsn-en-kvk": _w("bsn", "kvk", DIGID, KardinaliteitError),
    "kvk-en-bsn": _w("kvk", "bsn", Authenticatie("hoog", subject=KVK), KardinaliteitError),
    "zelfstandig-behouden": _w("zelf", "bsn", DIGID, ZelfstandigeKlantError),
    "niet-gedekt": _w("bsn", "a_nummer", HOOG_ANDER, MachtigingError),
    "zonder-subject": _w("bsn", "a_nummer", Authenticatie("hoog"), MachtigingError),
    "zelfstandige-erbij-niet-gedekt": _w("bsn", "zelf", HOOG_ANDER, MachtigingError),
    "te-laag": _w(
        "bsn", "a_nummer", Authenticatie("laag", subject=BSN), BetrouwbaarheidsniveauError
    ),
    "zonder-authenticatie": _w("bsn", "a_nummer", None, BetrouwbaarheidsniveauError),
    "zelfstandige-erbij-zonder": _w("bsn", "zelf", None, BetrouwbaarheidsniveauError),
    "oude-versie-behouden": _w("bsn", "a_nummer", DIGID, VersieconflictError, versies=(2, None)),
    "oude-versie-opgaan": _w("bsn", "a_nummer", DIGID, VersieconflictError, versies=(1, 2)),
    "onbekend-behouden": _w("onbekend", "zelf", None, KlantNietGevondenError),
    "onbekend-opgaan": _w("zelf", "onbekend", None, KlantNietGevondenError),
    "opgegaan-opgaan": _w("zelf", "eerder", None, KlantNietGevondenError),
    "opgegaan-behouden": _w("eerder", "zelf", None, KlantNietGevondenError),
    "versies-geen-paar": _w("bsn", "a_nummer", DIGID, OngeldigFormaatError, versies=(1,)),
    "versies-als-lijst": _w("bsn", "a_nummer", DIGID, OngeldigFormaatError, versies=[1, 1]),
    "versie-nul": _w("bsn", "a_nummer", DIGID, OngeldigFormaatError, versies=(0, 1)),
    "klantgegevens-als-dict": _w(
        "bsn", "a_nummer", DIGID, OngeldigTypeError, klantgegevens={"voornaam": "X"}
    ),
    "authenticatie-als-tekst": _w("bsn", "a_nummer", "DigiD", OngeldigTypeError),
}


@pytest.mark.parametrize("weigering", sorted(WEIGERINGEN))
def test_a_refused_merge_changes_nothing(
    maak_register: MaakRegister, opslag_url: str, weigering: str
) -> None:
    register = maak_register()
    ids = toneel(register)
    behouden, opgaan, argumenten, verwacht = WEIGERINGEN[weigering]
    weg = [ids["eerder"], ids["onbekend"]]
    voor = toestand(register, weg)

    with pytest.raises(verwacht) as fout:
        register.voeg_samen(ids[behouden], ids[opgaan], **argumenten)

    assert verwacht is type(fout.value)
    if isinstance(fout.value, KardinaliteitError):
        assert 3 == fout.value.regel  # not of one subject
    assert voor == toestand(register, weg)
    if opslag_url != "memory://":  # nor is the storage changed for another register
        assert voor == toestand(maak_register(), weg)


@pytest.mark.parametrize("opgaan", ["geen-uuid", 7, None])
def test_a_malformed_id_is_refused(register: KlantRegister, opgaan: object) -> None:
    klant = register.registreer(AMSTERDAM)

    with pytest.raises(OngeldigFormaatError):
        register.voeg_samen(klant.id, opgaan, authenticatie=None)  # type: ignore[arg-type]

    assert [klant] == list(register)


class DerdeHouder(MemoryRepository):
    """A memory repository that says a third klant holds one key. The register's own checks
    never leave that state (each key of the result is one of the two klanten's), so rule 1
    of a merge is a guard against a storage changed behind the register's back."""

    derde: tuple[Identificator, uuid.UUID] | None = None

    def holder(self, gemeente: Gemeentecode, sleutel: Identificator) -> uuid.UUID | None:
        if self.derde is not None and sleutel == self.derde[0]:
            return self.derde[1]
        return super().holder(gemeente, sleutel)


@pytest.mark.unit
def test_a_result_whose_person_a_third_klant_holds_is_refused_before_any_write() -> None:
    opslag = DerdeHouder()
    register = KlantRegister(opslag)
    behouden = register.registreer(AMSTERDAM, identificatie=MET_BSN, authenticatie=DIGID)
    opgaan = register.registreer(
        AMSTERDAM, identificatie=MET_A_NUMMER, authenticatie=als(MET_A_NUMMER)
    )
    derde: Klant = register.registreer(AMSTERDAM, Klantgegevens(voornaam="Derde"))
    opslag.derde = (ANummer(A_NUMMER), derde.id)
    voor = toestand(register, [])

    with pytest.raises(KardinaliteitError) as fout:
        register.voeg_samen(behouden.id, opgaan.id, authenticatie=DIGID)

    assert (1, derde.id) == (fout.value.regel, fout.value.klant_id)
    assert voor == toestand(register, [])
    assert opgaan == register.get(opgaan.id)
