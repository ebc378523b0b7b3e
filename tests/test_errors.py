"""The exception hierarchy: one base, builtin behaviour where it fits, picklable."""

from __future__ import annotations

import datetime
import pickle
import uuid
from uuid import UUID

import pytest

import klantregister
from klantregister import (
    BetrouwbaarheidsniveauError,
    BewaartermijnError,
    Bsn,
    FormaatError,
    GemengdeIdentificatieError,
    KardinaliteitError,
    KlantBestaatAlError,
    KlantNietGevondenError,
    KlantnummerInGebruikError,
    KlantRegister,
    KlantregisterError,
    KvkNummer,
    MachtigingError,
    OnbekendeCodeError,
    OngeldigControlegetalError,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    OngeldigTypeError,
    OpslagError,
    SubjectsoortError,
    VersieconflictError,
    ZelfstandigeKlantError,
)

pytestmark = pytest.mark.unit

KLANT_ID = UUID("12345678-1234-5678-1234-567812345678")

FOUTEN = [
    BetrouwbaarheidsniveauError,
    BewaartermijnError,
    FormaatError,
    GemengdeIdentificatieError,
    KardinaliteitError,
    KlantBestaatAlError,
    KlantNietGevondenError,
    KlantnummerInGebruikError,
    MachtigingError,
    OnbekendeCodeError,
    OngeldigControlegetalError,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    OngeldigTypeError,
    OpslagError,
    SubjectsoortError,
    VersieconflictError,
    ZelfstandigeKlantError,
]

WAARDEFOUTEN = [
    OngeldigFormaatError,
    OngeldigTypeError,
    OngeldigeLengteError,
    OngeldigControlegetalError,
    OnbekendeCodeError,
    GemengdeIdentificatieError,
]


def naam(value: object) -> str:
    return value.__name__ if isinstance(value, type) else repr(value)


# --- the hierarchy -----------------------------------------------------------------


def test_every_exported_error_is_listed_here() -> None:
    geexporteerd = {naam_ for naam_ in klantregister.__all__ if naam_.endswith("Error")} - {
        "KlantregisterError"
    }
    assert geexporteerd == {fout.__name__ for fout in FOUTEN}


@pytest.mark.parametrize("fout", FOUTEN, ids=naam)
def test_every_error_is_a_klantregister_error(fout: type[Exception]) -> None:
    assert issubclass(fout, KlantregisterError)


def test_klantregister_error_is_an_exception() -> None:
    assert issubclass(KlantregisterError, Exception)


def test_ongeldige_waarde_error_is_a_value_error() -> None:
    assert issubclass(OngeldigeWaardeError, ValueError)


@pytest.mark.parametrize("fout", WAARDEFOUTEN, ids=naam)
def test_each_kind_of_invalid_value_is_an_ongeldige_waarde_error(fout: type[Exception]) -> None:
    assert issubclass(fout, OngeldigeWaardeError)


def test_a_wrong_type_is_a_type_error_and_an_invalid_format() -> None:
    assert (True, True) == (
        issubclass(OngeldigTypeError, TypeError),
        issubclass(OngeldigTypeError, OngeldigFormaatError),
    )


@pytest.mark.parametrize(
    "maak",
    [
        lambda: Bsn(111222333),  # type: ignore[arg-type]
        lambda: klantregister.Klantgegevens(voornaam=3),  # type: ignore[arg-type]
        lambda: klantregister.Adres(land=31),
        lambda: klantregister.Klant(KLANT_ID, "0363", 12),
        lambda: klantregister.Registratie("0363", authenticatie="DigiD"),
    ],
    ids=["bsn", "klantgegevens", "adres", "klantnummer", "authenticatie"],
)
def test_a_value_of_the_wrong_type_is_refused_with_ongeldig_type_error(
    maak: object,
) -> None:
    with pytest.raises(OngeldigTypeError, match=r"verwacht .*, kreeg (int|str)$"):
        maak()  # type: ignore[operator]


def test_klant_niet_gevonden_error_is_a_key_error() -> None:
    assert issubclass(KlantNietGevondenError, KeyError)


def test_klant_niet_gevonden_error_is_not_a_value_error() -> None:
    assert not issubclass(KlantNietGevondenError, ValueError)


def test_gemengde_identificatie_error_is_a_kardinaliteit_error() -> None:
    assert issubclass(GemengdeIdentificatieError, KardinaliteitError)


def test_a_kardinaliteit_error_in_the_register_is_not_a_value_error() -> None:
    assert not issubclass(KardinaliteitError, ValueError)


@pytest.mark.parametrize(
    "fout",
    [
        KardinaliteitError,
        KlantnummerInGebruikError,
        ZelfstandigeKlantError,
        SubjectsoortError,
        BetrouwbaarheidsniveauError,
        VersieconflictError,
        BewaartermijnError,
    ],
    ids=naam,
)
def test_a_refused_operation_is_not_an_invalid_value(fout: type[Exception]) -> None:
    assert not issubclass(fout, OngeldigeWaardeError)


def test_an_invalid_value_is_caught_as_value_error() -> None:
    with pytest.raises(OngeldigeWaardeError) as info:
        Bsn("111222334")
    assert isinstance(info.value, ValueError)


def test_a_klant_niet_gevonden_error_is_caught_as_key_error() -> None:
    with pytest.raises(KeyError) as info:
        raise KlantNietGevondenError(KLANT_ID)
    assert KLANT_ID == info.value.args[0]


# --- attributes and messages ----------------------------------------------------------


@pytest.mark.parametrize("fout", [OngeldigeWaardeError, *WAARDEFOUTEN[:-1]], ids=naam)
def test_an_invalid_value_error_carries_the_field_and_the_reason(
    fout: type[OngeldigeWaardeError],
) -> None:
    error = fout("adres.postcode", "is geen Nederlandse postcode")
    assert ("adres.postcode", "is geen Nederlandse postcode") == (error.veld, error.reden)


def test_an_invalid_value_message_says_the_field_and_the_reason() -> None:
    assert "bsn: voldoet niet aan de 11-proef" == str(
        OngeldigeWaardeError("bsn", "voldoet niet aan de 11-proef")
    )


def test_a_failed_elfproef_says_so_and_names_the_field_bsn() -> None:
    with pytest.raises(OngeldigControlegetalError) as info:
        Bsn("111222334")
    assert ("bsn", True) == (info.value.veld, "11-proef" in info.value.reden)


def test_a_wrong_length_says_how_many_digits_were_given_and_expected() -> None:
    with pytest.raises(OngeldigeLengteError) as info:
        Bsn("1112223330")
    assert "heeft 10 cijfers, verwacht 9" in str(info.value)


def test_an_error_message_shows_a_long_input_cut_short() -> None:
    with pytest.raises(OngeldigFormaatError) as info:
        KvkNummer("x" * 100)
    assert ("x" * 40 + "...") in str(info.value)
    assert "x" * 41 not in str(info.value)


def test_an_error_message_shows_a_short_input_whole() -> None:
    with pytest.raises(OngeldigFormaatError) as info:
        KvkNummer("6904B")
    assert "kvk_nummer: '6904B' bevat andere tekens dan de cijfers 0-9" == str(info.value)


def test_an_error_message_masks_a_digit_run_long_enough_to_be_a_bsn() -> None:
    with pytest.raises(OngeldigFormaatError) as info:
        KvkNummer("6904693B")
    assert "kvk_nummer: '****693B' bevat andere tekens dan de cijfers 0-9" == str(info.value)


def test_a_bsn_given_as_another_identifier_is_masked_in_the_message() -> None:
    with pytest.raises(OngeldigeLengteError) as info:
        KvkNummer("1112.22.333")
    assert "1112.22.333" not in str(info.value)
    assert "'****.**.333'" in str(info.value)


def test_a_bsn_error_message_never_shows_the_number() -> None:
    with pytest.raises(OngeldigControlegetalError) as info:
        Bsn("1112.22.334")
    melding = str(info.value)
    assert [] == [vorm for vorm in ("111222334", "1112.22.334") if vorm in melding]


def test_a_kardinaliteit_error_says_the_rule_and_carries_the_holder() -> None:
    error = KardinaliteitError(1, "deze persoon is al klant", KLANT_ID)
    assert ("KLOK01 regel 1: deze persoon is al klant", 1, KLANT_ID) == (
        str(error),
        error.regel,
        error.klant_id,
    )


def test_a_kardinaliteit_error_without_holder_has_no_klant_id() -> None:
    assert None is KardinaliteitError(3, "gemengd").klant_id


def test_a_gemengde_identificatie_error_names_the_field_identificatie_and_rule_3() -> None:
    error = GemengdeIdentificatieError(3, "BSN en KvK-nummer")
    assert ("identificatie", "KLOK01 regel 3: BSN en KvK-nummer", 3) == (
        error.veld,
        error.reden,
        error.regel,
    )


def test_a_gemengde_identificatie_error_message_names_the_field() -> None:
    assert "identificatie: KLOK01 regel 3: BSN en KvK-nummer" == str(
        GemengdeIdentificatieError(3, "BSN en KvK-nummer")
    )


def test_klant_bestaat_al_error_says_which_klant_in_words() -> None:
    assert f"klant {KLANT_ID} staat al in het register" == str(KlantBestaatAlError(KLANT_ID))


def test_klant_niet_gevonden_error_says_which_klant_in_words() -> None:
    assert f"geen klant met id {KLANT_ID}" == str(KlantNietGevondenError(KLANT_ID))


def test_versieconflict_error_says_both_versions() -> None:
    error = VersieconflictError(KLANT_ID, 2, 3)
    assert (f"klant {KLANT_ID} heeft versie 3, niet de verwachte versie 2", 2, 3) == (
        str(error),
        error.verwacht,
        error.actueel,
    )


def test_klantnummer_in_gebruik_error_carries_the_holder() -> None:
    error = KlantnummerInGebruikError("klantnummer 00000001 is al gegeven", KLANT_ID)
    assert ("klantnummer 00000001 is al gegeven", KLANT_ID) == (str(error), error.klant_id)


# --- pickling ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "attributen"),
    [
        (OngeldigeWaardeError("bsn", "reden"), ("veld", "reden")),
        (OngeldigFormaatError("bsn", "reden"), ("veld", "reden")),
        (OngeldigTypeError("bsn", "reden"), ("veld", "reden")),
        (OngeldigeLengteError("bsn", "reden"), ("veld", "reden")),
        (OngeldigControlegetalError("bsn", "reden"), ("veld", "reden")),
        (OnbekendeCodeError("land", "reden"), ("veld", "reden")),
        (KardinaliteitError(1, "melding", KLANT_ID), ("regel", "melding", "klant_id")),
        (KardinaliteitError(2, "melding"), ("regel", "melding", "klant_id")),
        (
            GemengdeIdentificatieError(3, "melding"),
            ("regel", "melding", "klant_id", "veld", "reden"),
        ),
        (KlantnummerInGebruikError("melding", KLANT_ID), ("klant_id",)),
        (KlantNietGevondenError(KLANT_ID), ("klant_id", "opgegaan_in")),
        (
            KlantNietGevondenError(KLANT_ID, opgegaan_in=uuid.UUID(int=9)),
            ("klant_id", "opgegaan_in"),
        ),
        (BewaartermijnError(KLANT_ID, datetime.date(2030, 1, 1)), ("klant_id", "bewaren_tot")),
        (KlantBestaatAlError(KLANT_ID), ("klant_id",)),
        (VersieconflictError(KLANT_ID, 1, 2), ("klant_id", "verwacht", "actueel")),
        (ZelfstandigeKlantError("melding"), ()),
        (SubjectsoortError("melding"), ()),
        (BetrouwbaarheidsniveauError("melding"), ()),
        (KlantregisterError("melding"), ()),
    ],
    ids=lambda waarde: type(waarde).__name__ if isinstance(waarde, Exception) else "",
)
def test_an_error_survives_pickling_with_its_attributes(
    error: Exception, attributen: tuple[str, ...]
) -> None:
    kopie = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes, just made
    assert (type(error), str(error), [getattr(error, a) for a in attributen]) == (
        type(kopie),
        str(kopie),
        [getattr(kopie, a) for a in attributen],
    )


def test_a_public_error_names_the_package_root_as_its_module() -> None:
    # Tracebacks then say klantregister.KardinaliteitError, the name users import.
    assert {"klantregister"} == {fout.__module__ for fout in [*FOUTEN, KlantregisterError]}


def test_a_raised_error_survives_pickling() -> None:
    with pytest.raises(OngeldigControlegetalError) as info:
        Bsn("111222334")
    kopie = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own bytes, just made
    assert (info.value.veld, info.value.reden) == (kopie.veld, kopie.reden)


@pytest.mark.parametrize("repository", ["memory://", 3, object()])
def test_a_register_on_something_that_is_no_repository_is_refused(repository: object) -> None:
    with pytest.raises(OngeldigeWaardeError) as fout:
        KlantRegister(repository)  # type: ignore[arg-type]
    assert "repository" == fout.value.veld
