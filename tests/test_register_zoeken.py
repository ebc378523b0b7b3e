"""``zoek_op_gegevens`` (issue 13, point 2): klanten found by their contact data, on every storage.

The expectation is this file's own model of a match (:func:`past`), written from the rules
``domain/zoeken.py`` documents, never from its functions: a surname without regard to case,
bare or after its voorvoegsel; an e-mail address without regard to case; a telephone number
by its digits (and a leading ``+``); a postcode without spaces, in capitals; a postcode and
a huisnummer together of one address (``adres`` or ``correspondentieadres``). The klanten
and the questions draw from small pools, spelled in several ways, so that they match.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from gemachtigd import als
from klantregister import (
    Adres,
    Bsn,
    Gemeentecode,
    Handeling,
    Identificatie,
    Klantgegevens,
    KlantRegister,
    MemoryRepository,
    OngeldigeLengteError,
    OngeldigFormaatError,
    OngeldigTypeError,
)

MaakRegister = Callable[..., KlantRegister]

AMSTERDAM = "0363"
UTRECHT = "0344"
GEMEENTEN = (AMSTERDAM, UTRECHT)


#: Test BSNs (each passes the 11-proef; registering one that did not would fail).
BSNS: tuple[str, ...] = ("100000010", "100000022", "100000034", "100000046", "100000058")
BSNS += ("100000071", "100000083", "100000095", "100000101", "100000113", "100000125")

# --- the pools: what klanten hold, and the questions asked ---------------------------------

ACHTERNAMEN = ("Jansen", "jansen", "Straße", "Vries", "de Vries")
VOORVOEGSELS = ("de", "van der")
EMAILADRESSEN = ("anna@example.nl", "Anna@Example.NL", "piet@voorbeeld.nl")
TELEFOONNUMMERS = ("0612345678", "06-1234 5678", "+31 6 1234 5678", "020 123 4567")
POSTCODES = ("1234 AB", "1234ab", "9999 ZZ")
HUISNUMMERS = (1, 7, 12)

adressen = st.builds(
    Adres,
    postcode=st.none() | st.sampled_from(POSTCODES),
    huisnummer=st.none() | st.sampled_from(HUISNUMMERS),
) | st.builds(
    # A foreign postcode is kept as written: "1234ab" in Belgium is searched as "1234AB".
    Adres,
    postcode=st.sampled_from(["12345", "1234ab"]),
    huisnummer=st.none() | st.sampled_from(HUISNUMMERS),
    land=st.sampled_from(["DE", "BE"]),
)
klantgegevens = st.builds(
    Klantgegevens,
    voornaam=st.none() | st.just("Anna"),
    voorvoegsel_achternaam=st.none() | st.sampled_from(VOORVOEGSELS),
    achternaam=st.none() | st.sampled_from(ACHTERNAMEN),
    emailadres=st.none() | st.sampled_from(EMAILADRESSEN),
    telefoonnummer=st.none() | st.sampled_from(TELEFOONNUMMERS),
    adres=st.none() | adressen,
    correspondentieadres=st.none() | adressen,
)
#: Per criterion, the pools' values spelled otherwise, and some that match nothing.
WAARDEN: dict[str, st.SearchStrategy[Any]] = {
    "achternaam": st.sampled_from(
        ["JANSEN", "de vries", " DE   Vries ", "van der jansen", "STRASSE", "Vries", "Anna"]
    ),
    "emailadres": st.sampled_from(["ANNA@EXAMPLE.NL", "piet@voorbeeld.nl", "anna@voorbeeld.nl"]),
    "telefoonnummer": st.sampled_from(
        ["0612345678", "06 12 34 56 78", "+31612345678", "(020) 123-4567", "0031612345678"]
    ),
    "postcode": st.sampled_from(["1234AB", "1234 ab", "9999zz", "12345", " 1234 AB "]),
    "huisnummer": st.sampled_from([1, 7, "12", " 7 "]),
}
#: Questions of a few criteria (all must hold, so more seldom match); none is refused.
vragen = st.sets(st.sampled_from(sorted(WAARDEN)), max_size=3).flatmap(
    lambda namen: st.fixed_dictionaries({naam: WAARDEN[naam] for naam in namen})
)

# Hypothesis draws every example into one storage per test: a few dozen keep SQL quick.
OPSLAG_VOORBEELDEN = settings(
    max_examples=min(settings().max_examples, 50),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- the model -----------------------------------------------------------------------------


def _woorden(tekst: str) -> str:
    return " ".join(tekst.split())


def _telefoon(tekst: str) -> str:
    tekst = tekst.strip()
    return ("+" if tekst.startswith("+") else "") + re.sub(r"[^0-9]", "", tekst)


def _postcode(tekst: str) -> str:
    return re.sub(r"\s", "", tekst).upper()


def past(gegevens: Klantgegevens, vraag: dict[str, Any]) -> bool:
    """Whether klantgegevens match every criterion of ``vraag``, as the rules say."""
    if "achternaam" in vraag:
        namen = set()
        if gegevens.achternaam is not None:
            namen.add(gegevens.achternaam.casefold())
            if gegevens.voorvoegsel_achternaam is not None:
                namen.add(f"{gegevens.voorvoegsel_achternaam} {gegevens.achternaam}".casefold())
        if _woorden(vraag["achternaam"]).casefold() not in namen:
            return False
    if "emailadres" in vraag and (
        gegevens.emailadres is None
        or gegevens.emailadres.casefold() != vraag["emailadres"].strip().casefold()
    ):
        return False
    if "telefoonnummer" in vraag and (
        gegevens.telefoonnummer is None
        or _telefoon(gegevens.telefoonnummer) != _telefoon(vraag["telefoonnummer"])
    ):
        return False
    postcode = _postcode(vraag["postcode"]) if "postcode" in vraag else None
    huisnummer = int(vraag["huisnummer"]) if "huisnummer" in vraag else None
    if postcode is None and huisnummer is None:
        return True
    return any(
        (postcode is None or (a.postcode is not None and _postcode(a.postcode) == postcode))
        and (huisnummer is None or a.huisnummer == huisnummer)
        for a in (gegevens.adres, gegevens.correspondentieadres)
        if a is not None
    )


@pytest.mark.unit
def test_the_model_reads_the_rules_as_written() -> None:
    """The model itself, on the examples of domain/zoeken.py's docstring."""
    vries = Klantgegevens(voorvoegsel_achternaam="de", achternaam="Vries")
    twee = Klantgegevens(
        adres=Adres(postcode="1234 AB", huisnummer=1),
        correspondentieadres=Adres(postcode="9999 ZZ", huisnummer=7),
    )
    assert [True, True, False] == [
        past(vries, {"achternaam": n}) for n in ("vries", "De Vries", "van Vries")
    ]
    assert [True, True, False, True] == [
        past(twee, v)
        for v in (
            {"postcode": "1234ab", "huisnummer": 1},
            {"postcode": "9999zz"},
            {"postcode": "1234AB", "huisnummer": 7},
            {"huisnummer": 7},
        )
    ]
    assert past(Klantgegevens(telefoonnummer="06-1234 5678"), {"telefoonnummer": "0612345678"})
    assert not past(Klantgegevens(telefoonnummer="+31612345678"), {"telefoonnummer": "0612345678"})


# --- helpers ------------------------------------------------------------------------------


@pytest.fixture
def register(maak_register: MaakRegister) -> KlantRegister:
    return maak_register()


def leeg(register: KlantRegister) -> None:
    """Erase every klant: the storage is shared by a test's examples."""
    for klant in list(register):
        register.verwijder(klant.id, negeer_bewaartermijn=True)


def handelingen(register: KlantRegister) -> list[tuple[Handeling, uuid.UUID | None]]:
    return [(v.handeling, v.klant_id) for v in register.verwerkingen()]


Model = dict[uuid.UUID, tuple[str, Klantgegevens, bool]]


def vul(
    register: KlantRegister,
    klanten: list[tuple[str, Klantgegevens, bool]],
    wijzigingen: list[tuple[int, Klantgegevens | None]],
) -> Model:
    """Register the klanten (an aangehaakte one with a BSN of its own), then change or
    erase some; the model: per klant id, in order of registration, its gemeente,
    klantgegevens and whether it is aangehaakt."""
    model: Model = {}
    for positie, (gemeente, gegevens, aangehaakt) in enumerate(klanten):
        identificatie = Identificatie.natuurlijk_persoon(bsn=BSNS[positie]) if aangehaakt else None
        klant = register.registreer(
            gemeente, gegevens, identificatie, authenticatie=als(identificatie)
        )
        model[klant.id] = (gemeente, gegevens, aangehaakt)
    for positie, nieuw in wijzigingen:
        if not model:
            break
        klant_id = list(model)[positie % len(model)]
        if nieuw is None:
            register.verwijder(klant_id)
            del model[klant_id]
        else:
            register.wijzig_klantgegevens(klant_id, nieuw)
            gemeente, _, aangehaakt = model[klant_id]
            model[klant_id] = (gemeente, nieuw, aangehaakt)
    return model


def controleer(register: KlantRegister, model: Model, gemeente: str, vraag: dict[str, Any]) -> None:
    if not vraag:
        with pytest.raises(OngeldigFormaatError):
            register.zoek_op_gegevens(gemeente, **vraag)
        return
    verwacht = [
        klant_id
        for klant_id, (code, gegevens, _) in model.items()
        if code == gemeente and past(gegevens, vraag)
    ]
    gevonden = register.zoek_op_gegevens(gemeente, **vraag)
    event(f"gevonden: {min(len(verwacht), 2)}")
    assert verwacht == [k.id for k in gevonden]
    assert [model[k][1] for k in verwacht] == [k.klantgegevens for k in gevonden]


def eigen_vraag(gegevens: Klantgegevens) -> dict[str, Any]:
    """The klant's own data, all of them, spelled otherwise: it must be among those found."""
    vraag: dict[str, Any] = {}
    if gegevens.achternaam is not None:
        vraag["achternaam"] = " ".join(
            filter(None, [gegevens.voorvoegsel_achternaam, gegevens.achternaam])
        ).upper()
    if gegevens.emailadres is not None:
        vraag["emailadres"] = gegevens.emailadres.upper()
    if gegevens.telefoonnummer is not None:
        vraag["telefoonnummer"] = _telefoon(gegevens.telefoonnummer)
    for adres in (gegevens.correspondentieadres, gegevens.adres):
        if adres is not None and adres.postcode is not None and adres.huisnummer is not None:
            vraag["postcode"] = adres.postcode.replace(" ", "").lower()
            vraag["huisnummer"] = str(adres.huisnummer)
    return vraag


def zoek_alles(
    register: KlantRegister, model: Model, vragen_per_gemeente: list[tuple[str, dict[str, Any]]]
) -> None:
    """The questions drawn, then each klant's own data."""
    for gemeente, vraag in vragen_per_gemeente:
        controleer(register, model, gemeente, vraag)
    for gemeente, gegevens, _ in model.values():
        if vraag := eigen_vraag(gegevens):
            assert past(gegevens, vraag)  # the model agrees with itself
            controleer(register, model, gemeente, vraag)


zoekgevallen = given(
    klanten=st.lists(
        st.tuples(st.sampled_from(GEMEENTEN), klantgegevens, st.booleans()),
        min_size=1,
        max_size=len(BSNS),
    ),
    wijzigingen=st.lists(st.tuples(st.integers(0, 20), st.none() | klantgegevens), max_size=3),
    vragen_per_gemeente=st.lists(
        st.tuples(st.sampled_from(GEMEENTEN), vragen), min_size=1, max_size=6
    ),
)


# --- the property -----------------------------------------------------------------------


@OPSLAG_VOORBEELDEN
@zoekgevallen
def test_a_search_finds_exactly_the_klanten_the_rules_match_in_order_of_registration(
    register: KlantRegister,
    klanten: list[tuple[str, Klantgegevens, bool]],
    wijzigingen: list[tuple[int, Klantgegevens | None]],
    vragen_per_gemeente: list[tuple[str, dict[str, Any]]],
) -> None:
    try:
        zoek_alles(register, vul(register, klanten, wijzigingen), vragen_per_gemeente)
    finally:
        leeg(register)


class ZonderZoekindex(MemoryRepository):
    """A repository without the optional ``find_by_gegevens``: the register scans itself."""

    find_by_gegevens = None  # type: ignore[assignment]


@pytest.mark.unit
@settings(max_examples=min(settings().max_examples, 50))
@zoekgevallen
def test_a_repository_without_a_search_index_finds_the_same(
    klanten: list[tuple[str, Klantgegevens, bool]],
    wijzigingen: list[tuple[int, Klantgegevens | None]],
    vragen_per_gemeente: list[tuple[str, dict[str, Any]]],
) -> None:
    register = KlantRegister(ZonderZoekindex())
    zoek_alles(register, vul(register, klanten, wijzigingen), vragen_per_gemeente)


# --- examples -------------------------------------------------------------------------


def test_each_criterion_given_must_hold(register: KlantRegister) -> None:
    jansen = register.registreer(
        AMSTERDAM,
        Klantgegevens(
            voorvoegsel_achternaam="van der",
            achternaam="Jansen",
            emailadres="a.jansen@example.nl",
            telefoonnummer="06-1234 5678",
            adres=Adres(postcode="1234ab", huisnummer=7),
            correspondentieadres=Adres(postcode="9999 ZZ", huisnummer=12),
        ),
    )
    ander = register.registreer(AMSTERDAM, Klantgegevens(achternaam="Jansen"))

    def ids(**vraag: Any) -> list[uuid.UUID]:
        return [k.id for k in register.zoek_op_gegevens(AMSTERDAM, **vraag)]

    assert [jansen.id, ander.id] == ids(achternaam="JANSEN")
    assert [jansen.id] == ids(achternaam="Van der Jansen")
    assert [jansen.id] == ids(achternaam="jansen", emailadres="A.Jansen@EXAMPLE.nl")
    assert [] == ids(achternaam="jansen", emailadres="b.jansen@example.nl")
    assert [jansen.id] == ids(telefoonnummer="06 12 34 56 78")
    assert [] == ids(telefoonnummer="+31 6 1234 5678")  # another number to the rules
    assert [jansen.id] == ids(postcode="1234 AB", huisnummer="7")
    assert [jansen.id] == ids(postcode="9999zz", huisnummer=12)
    assert [] == ids(postcode="1234AB", huisnummer=12)  # of two addresses: no one address
    assert [jansen.id] == ids(huisnummer=12)
    assert [] == ids(achternaam="Jansen", huisnummer=8)


@pytest.mark.unit
@pytest.mark.parametrize(
    "vraag",
    [{}, {"achternaam": ""}, {"achternaam": "   ", "postcode": " "}, {"huisnummer": None}],
)
def test_a_search_without_a_criterion_is_refused(vraag: dict[str, Any]) -> None:
    register = KlantRegister()
    register.registreer(AMSTERDAM, Klantgegevens(achternaam="Jansen"))

    with pytest.raises(OngeldigFormaatError, match="ten minste één"):
        register.zoek_op_gegevens(AMSTERDAM, **vraag)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("vraag", "fout"),
    [
        ({"emailadres": "geen-adres"}, OngeldigFormaatError),
        ({"telefoonnummer": "bel me"}, OngeldigFormaatError),
        ({"huisnummer": "zeven"}, OngeldigFormaatError),
        ({"huisnummer": True}, OngeldigFormaatError),
        ({"huisnummer": 100_000}, OngeldigeLengteError),
        ({"postcode": "12345678"}, OngeldigeLengteError),
        ({"achternaam": 3}, OngeldigTypeError),
        ({"achternaam": "x" * 201}, OngeldigeLengteError),
    ],
)
def test_a_malformed_criterion_is_refused_and_logs_nothing(
    vraag: dict[str, Any], fout: type[Exception]
) -> None:
    register = KlantRegister()
    persoon = Identificatie.natuurlijk_persoon(bsn=BSNS[0])
    register.registreer(
        AMSTERDAM, Klantgegevens(achternaam="Jansen"), persoon, authenticatie=als(persoon)
    )
    voor = handelingen(register)

    with pytest.raises(fout) as fout_info:
        register.zoek_op_gegevens(AMSTERDAM, **{"achternaam": "Jansen", **vraag})

    assert fout is type(fout_info.value)
    assert voor == handelingen(register)


def test_klanten_of_another_gemeente_are_never_found(register: KlantRegister) -> None:
    gegevens = Klantgegevens(achternaam="Jansen", adres=Adres(postcode="1234 AB", huisnummer=1))
    hier = register.registreer(AMSTERDAM, gegevens)
    daar = register.registreer(UTRECHT, gegevens)

    assert (hier,) == register.zoek_op_gegevens(AMSTERDAM, achternaam="Jansen")
    assert (hier,) == register.zoek_op_gegevens("GM0363", postcode="1234AB", huisnummer=1)
    assert (daar,) == register.zoek_op_gegevens(UTRECHT, achternaam="jansen")
    assert () == register.zoek_op_gegevens("0599", achternaam="Jansen")


def test_a_klant_is_found_by_its_new_data_and_not_by_its_old(register: KlantRegister) -> None:
    eerst = register.registreer(
        AMSTERDAM, Klantgegevens(achternaam="Jansen", adres=Adres(postcode="1234 AB", huisnummer=1))
    )
    later = register.registreer(AMSTERDAM, Klantgegevens(achternaam="Pietersen"))
    nieuw = Klantgegevens(
        achternaam="Pietersen",
        emailadres="p@example.nl",
        correspondentieadres=Adres(postcode="9999 ZZ", huisnummer=1),
    )
    gewijzigd = register.wijzig_klantgegevens(eerst.id, nieuw)

    assert () == register.zoek_op_gegevens(AMSTERDAM, achternaam="Jansen")
    assert () == register.zoek_op_gegevens(AMSTERDAM, postcode="1234AB")
    # Still in order of registration: the change does not move it behind the other.
    assert (gewijzigd, later) == register.zoek_op_gegevens(AMSTERDAM, achternaam="pietersen")
    assert (gewijzigd,) == register.zoek_op_gegevens(AMSTERDAM, postcode="9999ZZ", huisnummer=1)
    assert (gewijzigd,) == register.zoek_op_gegevens(AMSTERDAM, huisnummer="1")

    gewist = register.wijzig_klantgegevens(eerst.id, None)
    assert (later,) == register.zoek_op_gegevens(AMSTERDAM, achternaam="Pietersen")
    assert () == register.zoek_op_gegevens(AMSTERDAM, emailadres="p@example.nl")
    assert Klantgegevens() == gewist.klantgegevens


def test_a_removed_klant_is_not_found(register: KlantRegister) -> None:
    gegevens = Klantgegevens(achternaam="Jansen", telefoonnummer="0612345678")
    weg = register.registreer(AMSTERDAM, gegevens)
    blijft = register.registreer(AMSTERDAM, gegevens)

    register.verwijder(weg.id)

    assert (blijft,) == register.zoek_op_gegevens(AMSTERDAM, telefoonnummer="06 1234 5678")
    register.verwijder(blijft.id)
    assert () == register.zoek_op_gegevens(AMSTERDAM, achternaam="Jansen")


def test_another_register_on_the_storage_finds_the_same(
    maak_register: MaakRegister, opslag_url: str
) -> None:
    eerste = maak_register()
    klant = eerste.registreer(AMSTERDAM, Klantgegevens(achternaam="Jansen"))
    eerste.wijzig_klantgegevens(klant.id, Klantgegevens(achternaam="Bakker"))

    tweede = maak_register()

    verwacht = [] if opslag_url == "memory://" else [(klant.id, Klantgegevens(achternaam="Bakker"))]
    gevonden = tweede.zoek_op_gegevens(AMSTERDAM, achternaam="bakker")
    assert verwacht == [(k.id, k.klantgegevens) for k in gevonden]
    assert () == tweede.zoek_op_gegevens(AMSTERDAM, achternaam="jansen")


# --- the processing log ----------------------------------------------------------------


def test_a_search_logs_a_lookup_of_each_aangehaakte_klant_found(register: KlantRegister) -> None:
    persoon = Identificatie.natuurlijk_persoon(bsn=BSNS[0])
    gegevens = Klantgegevens(achternaam="Jansen")
    zelfstandig = register.registreer(AMSTERDAM, gegevens)
    aangehaakt = register.registreer(AMSTERDAM, gegevens, persoon, authenticatie=als(persoon))
    register.registreer(UTRECHT, gegevens, persoon, authenticatie=als(persoon))  # not found
    voor = handelingen(register)

    gevonden = register.zoek_op_gegevens(AMSTERDAM, achternaam="jansen")

    assert [zelfstandig.id, aangehaakt.id] == [k.id for k in gevonden]
    assert [*voor, (Handeling.RAADPLEGEN, aangehaakt.id)] == handelingen(register)
    # The entry names the person by the pseudonym of their BSN, as zoek's do.
    laatste = list(register.verwerkingen())[-1]
    assert laatste in list(register.verwerkingen(betrokkene=Bsn(BSNS[0])))
    assert (Gemeentecode(AMSTERDAM), None) == (laatste.gemeente, laatste.niveau)


def test_a_search_that_finds_only_zelfstandige_klanten_or_none_logs_nothing(
    register: KlantRegister,
) -> None:
    persoon = Identificatie.natuurlijk_persoon(bsn=BSNS[0])
    zelfstandig = register.registreer(AMSTERDAM, Klantgegevens(achternaam="Jansen"))
    register.registreer(
        AMSTERDAM, Klantgegevens(achternaam="Bakker"), persoon, authenticatie=als(persoon)
    )
    voor = handelingen(register)

    assert (zelfstandig,) == register.zoek_op_gegevens(AMSTERDAM, achternaam="Jansen")
    assert () == register.zoek_op_gegevens(AMSTERDAM, achternaam="Pietersen")
    assert () == register.zoek_op_gegevens(UTRECHT, achternaam="Bakker")

    assert voor == handelingen(register)
