"""Rule 10: identifying data only of the subject the authentication established (als) or of the
one the klant acts for (namens), and the herkomst each klant keeps of them.

Every combination of als / namens / neither, a matching or another identifier, and each level,
on every operation that records an identificatie; a refused one changes nothing, and its error
shows neither identifier in full.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

import attrs
import pytest

from klantregister import (
    ANummer,
    Authenticatie,
    BetrouwbaarheidsniveauError,
    Bsn,
    BuitenlandsNummer,
    Identificatie,
    Klant,
    Klantgegevens,
    KlantRegister,
    KvkNummer,
    MachtigingError,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    OngeldigTypeError,
    Overname,
    Registratie,
    Rsin,
    Subjectsoort,
    Vertegenwoordiging,
    Vertegenwoordigingsgrondslag,
    Vestigingsnummer,
)

pytestmark = pytest.mark.unit

AMSTERDAM = "0363"
KLANT_BSN = "111222333"
ANDER_BSN = "123456782"
VERTEGENWOORDIGER = "010000008"
KVK = "69046938"
ANDERE_KVK = "10000008"
PERSOON = Identificatie.natuurlijk_persoon(bsn=KLANT_BSN)
ORGANISATIE = Identificatie.niet_natuurlijk_persoon(kvk_nummer=KVK)
GEHEIM = (KLANT_BSN, ANDER_BSN, VERTEGENWOORDIGER)


def authenticatie(
    wijze: str, dekt: bool, niveau: str, identificatie: Identificatie
) -> Authenticatie:
    """An authentication at ``niveau`` that acts ``wijze`` ("als", "namens", "geen") for the
    identificatie's own subject (``dekt``) or for another one."""
    persoon = identificatie.soort is Subjectsoort.NATUURLIJK_PERSOON
    eigen: object = Bsn(KLANT_BSN) if persoon else KvkNummer(KVK)
    ander: object = Bsn(ANDER_BSN) if persoon else KvkNummer(ANDERE_KVK)
    wie = eigen if dekt else ander
    if wijze == "als":
        return Authenticatie(niveau, "DigiD" if persoon else "eHerkenning", subject=wie)
    if wijze == "namens":
        grond = "ouderlijk_gezag" if persoon else "functionaris"
        return Authenticatie(
            niveau,
            "DigiD Machtigen",
            subject=VERTEGENWOORDIGER,
            namens=Vertegenwoordiging(wie, grond, machtiging="M-1"),
        )
    return Authenticatie(niveau, "DigiD")


def verwacht(wijze: str, dekt: bool, niveau: str, *, vereis_subject: bool = True) -> object:
    """The model: None for a recorded identificatie, else the error that refuses it."""
    if niveau == "laag":
        return BetrouwbaarheidsniveauError  # rule 5 first
    if wijze == "geen":
        return MachtigingError if vereis_subject else None
    return None if dekt else MachtigingError


def _registreer(register: KlantRegister, i: Identificatie, a: Authenticatie) -> object:
    return register.registreer(AMSTERDAM, identificatie=i, authenticatie=a)


def _registreer_alle(register: KlantRegister, i: Identificatie, a: Authenticatie) -> object:
    resultaat = register.registreer_alle([Registratie(AMSTERDAM, None, i, authenticatie=a)])
    if resultaat.geweigerd:
        raise resultaat.geweigerd[0][1]
    return resultaat.geregistreerd[0]


def _oud(identificatie: Identificatie) -> Identificatie:
    """Another subject of the same soort: what a klant to correct was registered with."""
    if identificatie.soort is Subjectsoort.NIET_NATUURLIJK_PERSOON:
        return Identificatie.niet_natuurlijk_persoon(kvk_nummer="12345678")
    return Identificatie.natuurlijk_persoon(bsn="999999990")


def _te_corrigeren(register: KlantRegister, identificatie: Identificatie) -> uuid.UUID:
    """The klant to correct: registered (once) with a take-over of another subject's data."""
    oud = _oud(identificatie)
    for klant in register:
        if klant.identificatie == oud:
            return klant.id
    return register.registreer(AMSTERDAM, identificatie=oud, overname=Overname("test")).id


def _corrigeer(register: KlantRegister, i: Identificatie, a: Authenticatie) -> object:
    return register.corrigeer_identificatie(_te_corrigeren(register, i), i, authenticatie=a)


def _werk_bij(register: KlantRegister, i: Identificatie, a: Authenticatie) -> object:
    klant_id = _te_corrigeren(register, i)
    return register.werk_bij(klant_id, Klantgegevens(voornaam="An"), i, authenticatie=a)


OPERATIES: dict[str, Callable[[KlantRegister, Identificatie, Authenticatie], object]] = {
    "registreer": _registreer,
    "registreer_alle": _registreer_alle,
    "corrigeer_identificatie": _corrigeer,
    "werk_bij": _werk_bij,
}


@pytest.mark.parametrize("operatie", sorted(OPERATIES))
@pytest.mark.parametrize("identificatie", [PERSOON, ORGANISATIE], ids=["persoon", "organisatie"])
@pytest.mark.parametrize("wijze", ["als", "namens", "geen"])
@pytest.mark.parametrize("dekt", [True, False], ids=["eigen", "ander"])
@pytest.mark.parametrize("niveau", ["laag", "substantieel", "hoog"])
@pytest.mark.parametrize("vereis_subject", [True, False], ids=["vereist", "niet-vereist"])
def test_an_identificatie_is_recorded_only_with_an_authentication_that_covers_it(
    *,
    operatie: str,
    identificatie: Identificatie,
    wijze: str,
    dekt: bool,
    niveau: str,
    vereis_subject: bool,
) -> None:
    register = KlantRegister(vereis_subject=vereis_subject)
    uitvoeren = OPERATIES[operatie]
    if operatie in ("corrigeer_identificatie", "werk_bij"):
        _te_corrigeren(register, identificatie)  # made before the state is taken
    gegeven = authenticatie(wijze, dekt, niveau, identificatie)
    fout = verwacht(wijze, dekt, niveau, vereis_subject=vereis_subject)
    voor = list(register)

    if fout is None:
        klant = uitvoeren(register, identificatie, gegeven)
        assert isinstance(klant, Klant)
        assert (identificatie, gegeven) == (klant.identificatie, klant.herkomst)
        assert klant == register.get(klant.id)
        return
    with pytest.raises(fout) as info:  # type: ignore[call-overload]
        uitvoeren(register, identificatie, gegeven)
    assert voor == list(register)
    for nummer in (*GEHEIM, KVK, ANDERE_KVK):
        assert nummer not in str(info.value)


def test_the_message_names_both_identifiers_masked_by_kind() -> None:
    register = KlantRegister()
    ander = Authenticatie("hoog", subject=ANDER_BSN, namens=Vertegenwoordiging(KVK, "machtiging"))

    with pytest.raises(MachtigingError) as fout:
        register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=ander)

    assert (
        "de authenticatie (als BSN ******782 en namens KvK-nummer *****938) dekt deze "
        "identificatie (BSN ******333) niet: het subject of de vertegenwoordigde moet een van "
        "haar identificerende gegevens zijn"
    ) == str(fout.value)


@pytest.mark.parametrize(
    ("identificatie", "subject"),
    [
        (Identificatie.natuurlijk_persoon(bsn=KLANT_BSN, a_nummer="1234567890"), "1234567890"),
        (Identificatie.natuurlijk_persoon(a_nummer="1234567890"), ANummer("1234567890")),
        (
            Identificatie.natuurlijk_persoon(buitenlands=("BE", "Rijksregister", "85073003328")),
            BuitenlandsNummer("be", "RIJKSREGISTER", "85.07.30-033.28"),
        ),
        (
            Identificatie.niet_natuurlijk_persoon(kvk_nummer=KVK, vestigingsnummer="000012345678"),
            Vestigingsnummer("000012345678"),
        ),
        (Identificatie.niet_natuurlijk_persoon(rsin="002564440"), Rsin("002564440")),
    ],
)
def test_any_identifier_of_the_identificatie_is_a_subject_that_covers_it(
    identificatie: Identificatie, subject: object
) -> None:
    klant = KlantRegister().registreer(
        AMSTERDAM, identificatie=identificatie, authenticatie=Authenticatie("hoog", subject=subject)
    )
    assert identificatie == klant.identificatie


def test_an_rsin_given_as_text_is_read_as_a_bsn_and_covers_no_organisation() -> None:
    organisatie = Identificatie.niet_natuurlijk_persoon(rsin="002564440")
    als_tekst = Authenticatie("hoog", subject="002564440")

    assert Bsn("002564440") == als_tekst.subject
    with pytest.raises(MachtigingError):
        KlantRegister().registreer(AMSTERDAM, identificatie=organisatie, authenticatie=als_tekst)


def test_a_subject_url_is_never_covered_by_an_authentication_only_taken_over() -> None:
    url = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/111222333"
    alleen_url = Identificatie.natuurlijk_persoon(subject_url=url)
    register = KlantRegister()

    with pytest.raises(MachtigingError):
        register.registreer(
            AMSTERDAM,
            identificatie=alleen_url,
            authenticatie=Authenticatie("hoog", subject=KLANT_BSN),
        )
    klant = register.registreer(AMSTERDAM, identificatie=alleen_url, overname=Overname(url))
    assert Overname(url) == klant.herkomst


# --- the take-over -------------------------------------------------------------------


def test_an_overname_records_an_identificatie_without_rules_5_and_10() -> None:
    register = KlantRegister(minimaal_betrouwbaarheidsniveau="hoog")
    overname = Overname("klanten.jsonl", oorspronkelijk_niveau="laag", toelichting="migratie")

    klant = register.registreer(AMSTERDAM, identificatie=PERSOON, overname=overname)

    assert (PERSOON, overname) == (klant.identificatie, klant.herkomst)


@pytest.mark.parametrize("identificatie", [None, PERSOON], ids=["zelfstandig", "aangehaakt"])
def test_an_authentication_and_an_overname_together_are_refused(
    identificatie: Identificatie | None,
) -> None:
    register = KlantRegister()
    beide = {"authenticatie": Authenticatie("hoog", subject=KLANT_BSN), "overname": Overname("x")}

    with pytest.raises(OngeldigFormaatError) as fout:
        register.registreer(AMSTERDAM, identificatie=identificatie, **beide)  # type: ignore[arg-type]
    with pytest.raises(OngeldigFormaatError):
        Registratie(AMSTERDAM, None, identificatie, **beide)
    assert ("overname", 0) == (fout.value.veld, len(register))


def test_a_zelfstandige_klant_has_no_herkomst_whatever_authentication_it_showed() -> None:
    klant = KlantRegister().registreer(
        AMSTERDAM, Klantgegevens(voornaam="Zoë"), authenticatie=Authenticatie("hoog", "DigiD")
    )
    assert None is klant.herkomst
    with pytest.raises(OngeldigFormaatError, match="zelfstandige klant") as fout:
        attrs.evolve(klant, herkomst=Overname("x"))
    assert "herkomst" == fout.value.veld


def test_a_correction_records_its_own_herkomst_and_an_unchanged_identificatie_keeps_it() -> None:
    register = KlantRegister()
    eerste = Authenticatie("substantieel", "DigiD", subject=KLANT_BSN)
    klant = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=eerste)

    gegevens = register.werk_bij(klant.id, Klantgegevens(voornaam="An"), PERSOON)
    nieuw = Identificatie.natuurlijk_persoon(bsn=ANDER_BSN)
    tweede = Authenticatie("hoog", "DigiD", subject=ANDER_BSN)
    gecorrigeerd = register.corrigeer_identificatie(klant.id, nieuw, authenticatie=tweede)

    assert (eerste, tweede) == (gegevens.herkomst, gecorrigeerd.herkomst)
    assert tweede == register.get(klant.id).herkomst


# --- the values ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "soort"),
    [
        ("1112.22.333", Bsn),
        ("1234567890", ANummer),
        ("6904 6938", KvkNummer),
        ("000012345678", Vestigingsnummer),
    ],
)
def test_a_subject_given_as_text_is_read_as_the_number_of_its_length(
    tekst: str, soort: type
) -> None:
    assert soort(tekst) == Authenticatie("hoog", subject=tekst).subject


def test_a_subject_given_as_a_tuple_is_a_foreign_number() -> None:
    assert BuitenlandsNummer("DE", "Melderegister", "X1") == (
        Authenticatie("hoog", subject=("DE", "Melderegister", "X1")).subject
    )


@pytest.mark.parametrize(
    ("waarde", "fout"),
    [
        ("111222334", OngeldigFormaatError),
        ("", OngeldigFormaatError),
        (111222333, OngeldigTypeError),
        (PERSOON, OngeldigTypeError),
    ],
)
def test_a_subject_that_is_no_identifier_is_refused_without_repeating_it(
    waarde: object, fout: type[Exception]
) -> None:
    with pytest.raises(fout) as info:
        Authenticatie("hoog", subject=waarde)
    assert isinstance(info.value, OngeldigeWaardeError)
    assert ("subject", False) == (info.value.veld, "11122233" in str(info.value))


@pytest.mark.parametrize(
    ("vertegenwoordigde", "grondslag"),
    [
        (KVK, "ouderlijk_gezag"),
        (KVK, "curatele"),
        (Rsin("002564440"), "bewind"),
        ("000012345678", "mentorschap"),
        (KLANT_BSN, "functionaris"),
        ("1234567890", "FUNCTIONARIS"),
    ],
)
def test_a_ground_that_does_not_fit_the_vertegenwoordigde_is_refused(
    vertegenwoordigde: object, grondslag: str
) -> None:
    with pytest.raises(OngeldigFormaatError) as fout:
        Vertegenwoordiging(vertegenwoordigde, grondslag)
    assert "vertegenwoordigde" == fout.value.veld


@pytest.mark.parametrize("grondslag", list(Vertegenwoordigingsgrondslag))
def test_every_ground_may_represent_a_foreign_subject(
    grondslag: Vertegenwoordigingsgrondslag,
) -> None:
    buitenlands = BuitenlandsNummer("BE", "Rijksregister", "85073003328")
    assert buitenlands == Vertegenwoordiging(buitenlands, grondslag).vertegenwoordigde


@pytest.mark.parametrize(
    ("tekst", "grondslag"),
    [
        ("ouderlijk_gezag", Vertegenwoordigingsgrondslag.OUDERLIJK_GEZAG),
        (" Ouderlijk gezag ", Vertegenwoordigingsgrondslag.OUDERLIJK_GEZAG),
        ("MACHTIGING", Vertegenwoordigingsgrondslag.MACHTIGING),
    ],
)
def test_a_ground_is_read_by_its_value_or_name_in_any_case(
    tekst: str, grondslag: Vertegenwoordigingsgrondslag
) -> None:
    assert grondslag is Vertegenwoordigingsgrondslag.parse(tekst)


@pytest.mark.parametrize("tekst", ["voogdij", "", "ÖUDERLIJK_GEZAG", 1])
def test_an_unknown_ground_is_refused(tekst: object) -> None:
    with pytest.raises(OngeldigFormaatError) as fout:
        Vertegenwoordigingsgrondslag.parse(tekst)  # type: ignore[arg-type]
    assert "grondslag" == fout.value.veld


def test_someone_does_not_represent_themselves() -> None:
    with pytest.raises(OngeldigFormaatError) as fout:
        Authenticatie("hoog", subject=KLANT_BSN, namens=Vertegenwoordiging(KLANT_BSN, "machtiging"))
    assert ("namens", False) == (fout.value.veld, KLANT_BSN in str(fout.value))


@pytest.mark.parametrize(
    ("maak", "veld", "fout"),
    [
        (lambda: Overname(""), "bron", OngeldigFormaatError),
        (lambda: Overname("regel\nregel"), "bron", OngeldigFormaatError),
        (lambda: Overname("x" * 1001), "bron", OngeldigeLengteError),
        (lambda: Overname(None), "bron", OngeldigTypeError),
        (lambda: Overname("x", oorspronkelijk_niveau="matig"), "betrouwbaarheidsniveau", None),
        (lambda: Overname("x", toelichting=" "), "toelichting", OngeldigFormaatError),
        (lambda: Vertegenwoordiging(KVK, "machtiging", machtiging=""), "machtiging", None),
        (lambda: Authenticatie("hoog", namens=KVK), "namens", OngeldigTypeError),
        (lambda: Authenticatie("hoog", "x" * 1001), "middel", OngeldigeLengteError),
    ],
)
def test_a_malformed_part_is_refused_naming_its_field(
    maak: Callable[[], object], veld: str, fout: type[Exception] | None
) -> None:
    with pytest.raises(fout or OngeldigeWaardeError) as info:
        maak()
    assert veld == info.value.veld  # type: ignore[attr-defined]


def test_the_reprs_show_no_identifier_or_number_in_free_text_in_full() -> None:
    waarden = [
        Authenticatie(
            "hoog",
            "DigiD 111222333",
            subject=ANDER_BSN,
            namens=Vertegenwoordiging(KLANT_BSN, "curatele", machtiging="M 010000008"),
        ),
        Overname("export-111222333.json", toelichting="van 123456782"),
    ]
    tekst = " ".join(repr(waarde) for waarde in waarden)
    assert [] == [nummer for nummer in GEHEIM if nummer in tekst]


def test_the_log_says_als_or_namens_and_the_ground_never_the_identifiers(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="klantregister")
    register = KlantRegister()
    ouder = Authenticatie(
        "hoog",
        "DigiD Machtigen",
        subject=VERTEGENWOORDIGER,
        namens=Vertegenwoordiging(KLANT_BSN, "ouderlijk_gezag"),
    )
    klant = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=ouder)
    register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=ANDER_BSN),
        overname=Overname("export 123456782.json"),
    )

    berichten = [record.getMessage() for record in caplog.records]
    assert (
        f"identificatie van klant {klant.id} vastgelegd na authenticatie op niveau hoog "
        "('DigiD Machtigen'), namens de vertegenwoordigde (ouderlijk_gezag)"
    ) in berichten
    assert any("overgenomen uit" in bericht for bericht in berichten)
    assert [] == [nummer for nummer in GEHEIM if any(nummer in b for b in berichten)]


def test_vereis_subject_takes_only_true_or_false() -> None:
    with pytest.raises(OngeldigTypeError) as fout:
        KlantRegister(vereis_subject="nee")
    assert "vereis_subject" == fout.value.veld
    with pytest.raises(OngeldigTypeError):
        KlantRegister.open("memory://", vereis_subject=0)  # type: ignore[arg-type]


def test_a_registratie_records_its_overname_in_bulk() -> None:
    overname = Overname("klanten.jsonl")
    resultaat = KlantRegister().registreer_alle(
        [Registratie(AMSTERDAM, None, PERSOON, overname=overname), Registratie(AMSTERDAM)]
    )
    assert [overname, None] == [k.herkomst for k in resultaat.geregistreerd]
