"""A BSN or A-nummer never shows in full in a repr, str, exception message or log record (KLUIT06).

Each test puts a BSN or A-nummer where the library will print, raise or log
something, and looks for the number in everything a person could read: the
text of the value, the exception and its chain, and the library's log records
at DEBUG level.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, given

from gemachtigd import als
from klantregister import (
    Adres,
    ANummer,
    Authenticatie,
    Betrouwbaarheidsniveau,
    Bsn,
    Identificatie,
    KardinaliteitError,
    Klantgegevens,
    KlantRegister,
    KlantregisterError,
    KvkNummer,
    OngeldigeWaardeError,
    VersieconflictError,
)
from klantregister.testing import a_nummers, bsns
from zichtbaar import leesbare_tekst, logboek, toont_niet

pytestmark = pytest.mark.unit

AMSTERDAM = "0363"
DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD")
BSN = "111222333"
A_NUMMER = "1234567890"


def fout_van(actie: Callable[[], object]) -> KlantregisterError:
    with pytest.raises(KlantregisterError) as fout:
        actie()
    return fout.value


def afwijkend_controlecijfer(bsn: str) -> str:
    """The BSN with its last digit changed: with weight -1, that always breaks the 11-proef."""
    return bsn[:-1] + str((int(bsn[-1]) + 1) % 10)


# --- repr and str of the values --------------------------------------------------


@given(bsn=bsns)
def test_the_repr_and_str_of_a_bsn_hide_it(bsn: str) -> None:
    waarde = Bsn(bsn)

    assert toont_niet(bsn, repr(waarde), str(waarde), f"{waarde}", f"{waarde!r}")


@given(a_nummer=a_nummers)
def test_the_repr_and_str_of_an_a_nummer_hide_it(a_nummer: str) -> None:
    waarde = ANummer(a_nummer)

    assert toont_niet(a_nummer, repr(waarde), str(waarde))


@given(bsn=bsns, a_nummer=a_nummers)
def test_the_repr_and_str_of_an_identificatie_hide_its_numbers(bsn: str, a_nummer: str) -> None:
    identificatie = Identificatie.natuurlijk_persoon(bsn=bsn, a_nummer=a_nummer)

    teksten = (repr(identificatie), str(identificatie))

    assert (True, True) == (toont_niet(bsn, *teksten), toont_niet(a_nummer, *teksten))


@given(bsn=bsns, a_nummer=a_nummers)
def test_the_repr_and_str_of_a_klant_hide_its_numbers(bsn: str, a_nummer: str) -> None:
    register = KlantRegister()
    klant = register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=bsn, a_nummer=a_nummer),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=bsn, a_nummer=a_nummer), DIGID),
    )

    teksten = (repr(klant), str(klant), repr(register), repr(list(register)))

    assert (True, True) == (toont_niet(bsn, *teksten), toont_niet(a_nummer, *teksten))


def test_the_full_bsn_is_available_through_waarde() -> None:
    # The masking above is no accident of a broken value: the number is all there.
    assert (BSN, "1112.22.333") == (Bsn(BSN).waarde, Bsn(BSN).format())


def test_the_full_a_nummer_is_available_through_waarde() -> None:
    assert A_NUMMER == ANummer(A_NUMMER).waarde


# --- exception messages -----------------------------------------------------------


@given(bsn=bsns)
def test_a_bsn_failing_the_11_proef_is_not_repeated(bsn: str) -> None:
    fout = afwijkend_controlecijfer(bsn)

    tekst = leesbare_tekst(fout_van(lambda: Bsn(fout)))

    assert toont_niet(fout, tekst)


@given(bsn=bsns)
def test_a_bsn_with_a_separator_in_the_wrong_place_is_not_repeated(bsn: str) -> None:
    tekst = leesbare_tekst(fout_van(lambda: Bsn(bsn + "/")))

    assert toont_niet(bsn, tekst)


@given(bsn=bsns)
def test_a_bsn_with_a_digit_too_many_is_not_repeated(bsn: str) -> None:
    tekst = leesbare_tekst(fout_van(lambda: Bsn(bsn + "1")))

    assert toont_niet(bsn, tekst)


@given(a_nummer=a_nummers)
def test_an_a_nummer_with_a_digit_too_many_is_not_repeated(a_nummer: str) -> None:
    tekst = leesbare_tekst(fout_van(lambda: ANummer(a_nummer + "1")))

    assert toont_niet(a_nummer, tekst)


@given(a_nummer=a_nummers)
def test_an_a_nummer_starting_with_zero_is_not_repeated(a_nummer: str) -> None:
    fout = "0" + a_nummer[1:]

    tekst = leesbare_tekst(fout_van(lambda: ANummer(fout)))

    assert toont_niet(fout, tekst)


@given(bsn=bsns, a_nummer=a_nummers)
def test_a_rule_1_conflict_does_not_name_the_person(bsn: str, a_nummer: str) -> None:
    register = KlantRegister()
    persoon = Identificatie.natuurlijk_persoon(bsn=bsn, a_nummer=a_nummer)
    register.registreer(AMSTERDAM, identificatie=persoon, authenticatie=als(persoon, DIGID))

    fout = fout_van(
        lambda: register.registreer(
            AMSTERDAM, identificatie=persoon, authenticatie=als(persoon, DIGID)
        )
    )

    assert isinstance(fout, KardinaliteitError)
    tekst = leesbare_tekst(fout)
    assert (True, True) == (toont_niet(bsn, tekst), toont_niet(a_nummer, tekst))


@given(a_nummer=a_nummers)
def test_a_rule_1_conflict_on_the_a_nummer_does_not_name_it(a_nummer: str) -> None:
    register = KlantRegister()
    register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=BSN, a_nummer=a_nummer),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSN, a_nummer=a_nummer), DIGID),
    )

    fout = fout_van(
        lambda: register.registreer(
            AMSTERDAM,
            identificatie=Identificatie.natuurlijk_persoon(a_nummer=a_nummer),
            authenticatie=als(Identificatie.natuurlijk_persoon(a_nummer=a_nummer), DIGID),
        )
    )

    assert toont_niet(a_nummer, leesbare_tekst(fout))


@given(bsn=bsns)
def test_a_correction_conflicting_with_rule_1_does_not_name_the_person(bsn: str) -> None:
    register = KlantRegister()
    register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=bsn),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=bsn), DIGID),
    )
    klant = register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(a_nummer=A_NUMMER),
        authenticatie=als(Identificatie.natuurlijk_persoon(a_nummer=A_NUMMER), DIGID),
    )

    fout = fout_van(
        lambda: register.corrigeer_identificatie(
            klant.id,
            Identificatie.natuurlijk_persoon(bsn=bsn),
            authenticatie=als(Identificatie.natuurlijk_persoon(bsn=bsn), DIGID),
        )
    )

    assert toont_niet(bsn, leesbare_tekst(fout))


@given(bsn=bsns)
def test_zoek_with_a_mistyped_bsn_does_not_repeat_it(bsn: str) -> None:
    fout = afwijkend_controlecijfer(bsn)

    tekst = leesbare_tekst(fout_van(lambda: KlantRegister().zoek(fout, AMSTERDAM)))

    assert toont_niet(fout, tekst)


@given(bsn=bsns)
def test_zoek_with_the_arguments_swapped_does_not_repeat_the_bsn(bsn: str) -> None:
    tekst = leesbare_tekst(fout_van(lambda: KlantRegister().zoek(AMSTERDAM, bsn)))

    assert toont_niet(bsn, tekst)


@given(bsn=bsns)
def test_a_bsn_given_as_klant_id_is_not_repeated(bsn: str) -> None:
    tekst = leesbare_tekst(fout_van(lambda: KlantRegister().get(bsn)))

    assert toont_niet(bsn, tekst)


@given(bsn=bsns)
def test_a_bsn_given_as_gemeente_is_not_repeated(bsn: str) -> None:
    tekst = leesbare_tekst(fout_van(lambda: KlantRegister().registreer(bsn)))

    assert toont_niet(bsn, tekst)


@given(bsn=bsns)
def test_a_bsn_given_as_klantnummer_is_not_repeated(bsn: str) -> None:
    # Too long for a klantnummer (at most 10), so refused, and the message must not show it.
    te_lang = f"{bsn} {bsn}"
    tekst = leesbare_tekst(
        fout_van(lambda: KlantRegister().registreer(AMSTERDAM, klantnummer=te_lang))
    )

    assert toont_niet(bsn, tekst)


@given(bsn=bsns)
def test_a_bsn_given_as_versie_is_not_repeated(bsn: str) -> None:
    register = KlantRegister()
    klant = register.registreer(AMSTERDAM)

    fout = fout_van(
        lambda: register.wijzig_klantgegevens(klant.id, Klantgegevens(), versie=bsn)  # type: ignore[arg-type]
    )

    assert toont_niet(bsn, leesbare_tekst(fout))


@pytest.mark.parametrize("veld", ["kvk_nummer", "vestigingsnummer"])
@given(bsn=bsns)
def test_a_bsn_given_as_an_organisation_number_is_not_repeated(veld: str, bsn: str) -> None:
    nummers: dict[str, Any] = {veld: bsn}

    tekst = leesbare_tekst(fout_van(lambda: Identificatie.niet_natuurlijk_persoon(**nummers)))

    assert toont_niet(bsn, tekst)


@pytest.mark.parametrize("veld", ["kvk_nummer", "vestigingsnummer", "rsin"])
@given(a_nummer=a_nummers)
def test_an_a_nummer_given_as_an_organisation_number_is_not_repeated(
    veld: str, a_nummer: str
) -> None:
    nummers: dict[str, Any] = {veld: a_nummer}

    tekst = leesbare_tekst(fout_van(lambda: Identificatie.niet_natuurlijk_persoon(**nummers)))

    assert toont_niet(a_nummer, tekst)


@pytest.mark.parametrize("veld", ["emailadres", "website_url", "voorkeurstaal"])
@given(bsn=bsns)
def test_a_bsn_typed_into_a_contact_field_is_not_repeated(veld: str, bsn: str) -> None:
    fout = fout_van(lambda: Klantgegevens(**{veld: bsn}))

    assert isinstance(fout, OngeldigeWaardeError)
    assert toont_niet(bsn, leesbare_tekst(fout))


@pytest.mark.parametrize(
    "veld", ["postcode", "huisnummer", "huisletter", "huisnummertoevoeging", "land"]
)
@given(bsn=bsns)
def test_a_bsn_typed_into_an_address_field_is_not_repeated(veld: str, bsn: str) -> None:
    tekst = leesbare_tekst(fout_van(lambda: Adres(**{veld: bsn})))

    assert toont_niet(bsn, tekst)


@given(bsn=bsns)
def test_a_bsn_given_as_betrouwbaarheidsniveau_is_not_repeated(bsn: str) -> None:
    tekst = leesbare_tekst(fout_van(lambda: Authenticatie(bsn)))

    assert toont_niet(bsn, tekst)


# --- log records ------------------------------------------------------------------


def alle_bewerkingen(register: KlantRegister, bsn: str, a_nummer: str, ander_bsn: str) -> None:
    """Every operation of the register on this person, those that succeed and those refused."""
    persoon = Identificatie.natuurlijk_persoon(bsn=bsn, a_nummer=a_nummer)
    klant = register.registreer(AMSTERDAM, identificatie=persoon, authenticatie=als(persoon, DIGID))
    register.get(klant.id)
    register.zoek(bsn, AMSTERDAM)
    register.zoek(Bsn(bsn), AMSTERDAM)
    register.zoek(a_nummer, AMSTERDAM)
    register.wijzig_klantgegevens(klant.id, Klantgegevens(voornaam="Anna"), versie=1)
    register.corrigeer_identificatie(
        klant.id,
        Identificatie.natuurlijk_persoon(bsn=ander_bsn, a_nummer=a_nummer),
        authenticatie=als(
            Identificatie.natuurlijk_persoon(bsn=ander_bsn, a_nummer=a_nummer), DIGID
        ),
    )
    register.corrigeer_identificatie(klant.id, persoon, authenticatie=als(persoon, DIGID))
    weigeringen: list[Callable[[], object]] = [
        lambda: register.registreer(
            AMSTERDAM, identificatie=persoon, authenticatie=als(persoon, DIGID)
        ),
        lambda: register.registreer(AMSTERDAM, identificatie=persoon),
        lambda: register.corrigeer_identificatie(klant.id, persoon, authenticatie=None),
        lambda: register.wijzig_klantgegevens(klant.id, Klantgegevens(), versie=1),
        lambda: register.zoek(afwijkend_controlecijfer(bsn), AMSTERDAM),
        lambda: register.zoek(AMSTERDAM, bsn),
        lambda: register.get(bsn),
        lambda: Bsn(afwijkend_controlecijfer(bsn)),
    ]
    for weigering in weigeringen:
        with pytest.raises(KlantregisterError):
            weigering()
    register.verwijder(klant.id, versie=4)


def test_the_log_never_shows_a_bsn_or_a_nummer(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="klantregister")

    alle_bewerkingen(KlantRegister(), BSN, A_NUMMER, "123456782")

    berichten = [r.getMessage() for r in caplog.records if r.name.startswith("klantregister")]
    assert berichten, "the library logged nothing, so this test proves nothing"
    assert toont_niet(BSN, *berichten)
    assert toont_niet("123456782", *berichten)
    assert toont_niet(A_NUMMER, *berichten)


@given(bsn=bsns, ander_bsn=bsns, a_nummer=a_nummers)
def test_the_log_never_shows_any_bsn_or_a_nummer(bsn: str, ander_bsn: str, a_nummer: str) -> None:
    assume(bsn != ander_bsn)
    with logboek() as records:
        alle_bewerkingen(KlantRegister(), bsn, a_nummer, ander_bsn)

    berichten = [record.getMessage() for record in records]
    assert berichten
    assert all(toont_niet(nummer, *berichten) for nummer in (bsn, ander_bsn, a_nummer))


def test_a_bsn_written_into_the_means_of_authentication_is_not_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    register = KlantRegister()
    with caplog.at_level(logging.DEBUG, logger="klantregister"):
        register.registreer(
            "0363",
            identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
            authenticatie=als(
                Identificatie.natuurlijk_persoon(bsn="111222333"),
                Authenticatie("hoog", "DigiD 111222333"),
            ),
        )
    berichten = [record.getMessage() for record in caplog.records]
    assert any("DigiD" in bericht for bericht in berichten)
    assert not any("111222333" in bericht for bericht in berichten)


def test_a_bsn_with_wide_separators_given_as_a_kvk_nummer_is_masked() -> None:
    with pytest.raises(OngeldigeWaardeError) as fout:
        KvkNummer("111 - 222 - 333")
    assert "111 - 222 - 333" not in str(fout.value)
    assert "'*** - *** - 333'" in str(fout.value)


def test_a_bsn_given_as_a_huisnummer_is_masked() -> None:
    with pytest.raises(OngeldigeWaardeError) as fout:
        Adres(huisnummer=111222333)
    assert "111222333" not in str(fout.value)


def test_a_bsn_given_as_the_expected_versie_is_masked() -> None:
    register = KlantRegister()
    klant = register.registreer("0363")
    with pytest.raises(VersieconflictError) as fout:
        register.verwijder(klant.id, versie=111222333)
    assert "111222333" not in str(fout.value)
    assert 111222333 == fout.value.verwacht


@given(bsn=bsns)
def test_a_bsn_in_a_bron_url_is_masked_in_the_reprs(bsn: str) -> None:
    from klantregister import Klant, Registratie  # noqa: PLC0415

    bron = f"https://brp.example.nl/ingeschrevenpersonen/{bsn}"
    klant = Klant("00000000-0000-0000-0000-000000000001", AMSTERDAM, "K1", bron=bron)
    registratie = Registratie(AMSTERDAM, bron=bron)
    assert toont_niet(bsn, repr(klant) + repr(registratie))
