"""Identificatie: the keys of one subject in another register (KLOK01 rule 3)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from klantregister import (
    ANummer,
    Bsn,
    BuitenlandsNummer,
    GemengdeIdentificatieError,
    Identificatie,
    KardinaliteitError,
    KvkNummer,
    OnbekendeCodeError,
    OngeldigControlegetalError,
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    Rsin,
    Subjectsoort,
    Vestigingsnummer,
)
from klantregister.testing import (
    bsns,
    identificaties,
    identificaties_natuurlijk_persoon,
    identificaties_niet_natuurlijk_persoon,
)

pytestmark = pytest.mark.unit

BSN = Bsn("111222333")
A_NUMMER = ANummer("1234567890")
KVK_NUMMER = KvkNummer("69046938")
VESTIGINGSNUMMER = Vestigingsnummer("000012345678")
RSIN = Rsin("002220647")
PERSOON_BUITENLANDS = BuitenlandsNummer("DE", "Melderegister Berlin", "L01X00T47")
BEDRIJF_BUITENLANDS = BuitenlandsNummer("GB", "Companies House", "01234567")

ORGANISATIESLEUTELS = {
    "kvk_nummer": KVK_NUMMER,
    "vestigingsnummer": VESTIGINGSNUMMER,
    "rsin": RSIN,
}
PERSOONSSLEUTELS = {"bsn": BSN, "a_nummer": A_NUMMER}


# --- the factories -----------------------------------------------------------------


def test_natuurlijk_persoon_accepts_a_bsn_as_text() -> None:
    assert BSN == Identificatie.natuurlijk_persoon(bsn="1112.22.333").bsn


def test_natuurlijk_persoon_accepts_a_bsn_value() -> None:
    assert BSN == Identificatie.natuurlijk_persoon(bsn=BSN).bsn


def test_natuurlijk_persoon_accepts_an_a_nummer_as_text() -> None:
    assert A_NUMMER == Identificatie.natuurlijk_persoon(a_nummer="12345 67890").a_nummer


def test_natuurlijk_persoon_accepts_a_buitenlands_nummer() -> None:
    identificatie = Identificatie.natuurlijk_persoon(buitenlands=PERSOON_BUITENLANDS)
    assert PERSOON_BUITENLANDS == identificatie.buitenlands


def test_natuurlijk_persoon_accepts_a_buitenlands_nummer_as_a_tuple() -> None:
    identificatie = Identificatie.natuurlijk_persoon(
        buitenlands=("de", "Melderegister Berlin", "l01x-00t47")
    )
    assert PERSOON_BUITENLANDS == identificatie.buitenlands


def test_natuurlijk_persoon_has_soort_natuurlijk_persoon() -> None:
    assert Subjectsoort.NATUURLIJK_PERSOON is Identificatie.natuurlijk_persoon(bsn=BSN).soort


def test_natuurlijk_persoon_holds_all_its_kinds_of_identifier_at_once() -> None:
    identificatie = Identificatie.natuurlijk_persoon(
        bsn="111222333", a_nummer="1234567890", buitenlands=PERSOON_BUITENLANDS
    )
    assert (BSN, A_NUMMER, PERSOON_BUITENLANDS) == (
        identificatie.bsn,
        identificatie.a_nummer,
        identificatie.buitenlands,
    )


def test_niet_natuurlijk_persoon_accepts_a_kvk_nummer_as_text() -> None:
    assert KVK_NUMMER == Identificatie.niet_natuurlijk_persoon(kvk_nummer="6904 6938").kvk_nummer


def test_niet_natuurlijk_persoon_accepts_typed_values() -> None:
    identificatie = Identificatie.niet_natuurlijk_persoon(
        kvk_nummer=KVK_NUMMER, vestigingsnummer=VESTIGINGSNUMMER, rsin=RSIN
    )
    assert (KVK_NUMMER, VESTIGINGSNUMMER, RSIN) == (
        identificatie.kvk_nummer,
        identificatie.vestigingsnummer,
        identificatie.rsin,
    )


def test_niet_natuurlijk_persoon_accepts_an_rsin_as_text() -> None:
    assert RSIN == Identificatie.niet_natuurlijk_persoon(rsin="0022.20.647").rsin


def test_niet_natuurlijk_persoon_accepts_a_vestigingsnummer_alone() -> None:
    identificatie = Identificatie.niet_natuurlijk_persoon(vestigingsnummer="0000 1234 5678")
    assert (VESTIGINGSNUMMER, None) == (identificatie.vestigingsnummer, identificatie.kvk_nummer)


def test_niet_natuurlijk_persoon_accepts_a_vestigingsnummer_beside_its_kvk_nummer() -> None:
    identificatie = Identificatie.niet_natuurlijk_persoon(
        kvk_nummer="69046938", vestigingsnummer="000012345678"
    )
    assert (KVK_NUMMER, VESTIGINGSNUMMER) == (
        identificatie.kvk_nummer,
        identificatie.vestigingsnummer,
    )


def test_niet_natuurlijk_persoon_accepts_a_buitenlands_nummer_as_a_tuple() -> None:
    identificatie = Identificatie.niet_natuurlijk_persoon(
        buitenlands=("GB", "Companies House", "01234567")
    )
    assert BEDRIJF_BUITENLANDS == identificatie.buitenlands


def test_niet_natuurlijk_persoon_has_soort_niet_natuurlijk_persoon() -> None:
    assert (
        Subjectsoort.NIET_NATUURLIJK_PERSOON
        is Identificatie.niet_natuurlijk_persoon(kvk_nummer=KVK_NUMMER).soort
    )


def test_subjectsoort_values_are_the_api_names() -> None:
    assert ("natuurlijk_persoon", "niet_natuurlijk_persoon") == (
        Subjectsoort.NATUURLIJK_PERSOON.value,
        Subjectsoort.NIET_NATUURLIJK_PERSOON.value,
    )


def test_subjectsoort_repr_names_the_member() -> None:
    assert "Subjectsoort.NATUURLIJK_PERSOON" == repr(Subjectsoort.NATUURLIJK_PERSOON)


# --- validation of the identifiers --------------------------------------------------


def test_an_invalid_bsn_as_text_is_refused_for_its_check() -> None:
    with pytest.raises(OngeldigControlegetalError):
        Identificatie.natuurlijk_persoon(bsn="111222334")


def test_an_a_nummer_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(OngeldigeLengteError):
        Identificatie.natuurlijk_persoon(a_nummer="123")


def test_a_bsn_in_arabic_indic_digits_is_refused() -> None:
    with pytest.raises(OngeldigFormaatError):
        Identificatie.natuurlijk_persoon(bsn="١١١٢٢٢٣٣٣")


def test_an_rsin_given_as_bsn_is_refused() -> None:
    with pytest.raises(OngeldigFormaatError):
        Identificatie.natuurlijk_persoon(bsn=Rsin("111222333"))  # type: ignore[arg-type]


def test_a_bsn_given_as_kvk_nummer_is_refused() -> None:
    with pytest.raises(OngeldigFormaatError):
        Identificatie.niet_natuurlijk_persoon(kvk_nummer=BSN)  # type: ignore[arg-type]


def test_a_number_given_as_int_is_refused() -> None:
    with pytest.raises(OngeldigFormaatError):
        Identificatie.niet_natuurlijk_persoon(kvk_nummer=69046938)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "buitenlands",
    [("DE", "Melderegister"), ("DE", "Melderegister", "1", "extra"), ["DE", "R", "1"], "DE/R/1"],
    ids=repr,
)
def test_a_buitenlands_nummer_that_is_not_a_triple_is_refused(buitenlands: object) -> None:
    with pytest.raises(OngeldigFormaatError) as info:
        Identificatie.natuurlijk_persoon(buitenlands=buitenlands)  # type: ignore[arg-type]
    assert "buitenlands" == info.value.veld


def test_a_buitenlands_nummer_tuple_is_validated() -> None:
    with pytest.raises(OnbekendeCodeError):
        Identificatie.natuurlijk_persoon(buitenlands=("XX", "Register", "1"))


def test_a_dutch_buitenlands_nummer_tuple_is_refused() -> None:
    with pytest.raises(OngeldigeWaardeError):
        Identificatie.natuurlijk_persoon(buitenlands=("NL", "BRP", "111222333"))


# --- at least one identifier ------------------------------------------------------------


def test_natuurlijk_persoon_without_any_identifier_is_refused() -> None:
    with pytest.raises(OngeldigeWaardeError) as info:
        Identificatie.natuurlijk_persoon()
    assert "identificatie" == info.value.veld


def test_niet_natuurlijk_persoon_without_any_identifier_is_refused() -> None:
    with pytest.raises(OngeldigeWaardeError) as info:
        Identificatie.niet_natuurlijk_persoon()
    assert "identificatie" == info.value.veld


def test_blank_identifiers_count_as_not_given() -> None:
    with pytest.raises(OngeldigeWaardeError) as info:
        Identificatie.natuurlijk_persoon(bsn="", a_nummer="   ")
    assert "identificatie" == info.value.veld


def test_a_blank_identifier_beside_a_given_one_is_none() -> None:
    assert None is Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938", rsin=" ").rsin


# --- KLOK01 rule 3: never both a natural person and an organisation ------------------------


@pytest.mark.parametrize(("sleutel", "waarde"), ORGANISATIESLEUTELS.items())
def test_a_natuurlijk_persoon_with_an_organisation_key_is_refused(
    sleutel: str, waarde: object
) -> None:
    with pytest.raises(GemengdeIdentificatieError):
        Identificatie(Subjectsoort.NATUURLIJK_PERSOON, bsn=BSN, **{sleutel: waarde})  # type: ignore[arg-type]


@pytest.mark.parametrize(("sleutel", "waarde"), PERSOONSSLEUTELS.items())
def test_a_niet_natuurlijk_persoon_with_a_person_key_is_refused(
    sleutel: str, waarde: object
) -> None:
    with pytest.raises(GemengdeIdentificatieError):
        Identificatie(
            Subjectsoort.NIET_NATUURLIJK_PERSOON,
            kvk_nummer=KVK_NUMMER,
            **{sleutel: waarde},  # type: ignore[arg-type]
        )


def test_a_natuurlijk_persoon_with_only_an_organisation_key_is_refused() -> None:
    with pytest.raises(GemengdeIdentificatieError):
        Identificatie(Subjectsoort.NATUURLIJK_PERSOON, kvk_nummer=KVK_NUMMER)


def test_a_mixed_identificatie_as_text_is_refused() -> None:
    with pytest.raises(GemengdeIdentificatieError):
        Identificatie("natuurlijk_persoon", bsn="111222333", kvk_nummer="69046938")


def _gemengd() -> GemengdeIdentificatieError:
    with pytest.raises(GemengdeIdentificatieError) as info:
        Identificatie(Subjectsoort.NATUURLIJK_PERSOON, bsn=BSN, kvk_nummer=KVK_NUMMER)
    return info.value


def test_a_mixed_identificatie_breaks_klok01_rule_3() -> None:
    assert 3 == _gemengd().regel


def test_a_mixed_identificatie_is_a_kardinaliteit_error() -> None:
    assert isinstance(_gemengd(), KardinaliteitError)


def test_a_mixed_identificatie_is_an_ongeldige_waarde_error_of_the_identificatie() -> None:
    fout = _gemengd()
    assert (True, "identificatie") == (isinstance(fout, OngeldigeWaardeError), fout.veld)


def test_a_mixed_identificatie_is_a_value_error() -> None:
    assert isinstance(_gemengd(), ValueError)


def test_a_mixed_identificatie_names_no_klant() -> None:
    assert None is _gemengd().klant_id


def test_a_mixed_identificatie_message_never_shows_the_bsn() -> None:
    assert "111222333" not in str(_gemengd())


def test_the_raw_constructor_accepts_the_soort_as_text() -> None:
    assert Identificatie.natuurlijk_persoon(bsn=BSN) == Identificatie(
        "natuurlijk_persoon",
        bsn="111222333",
    )


@pytest.mark.parametrize("soort", ["persoon", "organisatie", "NATUURLIJK_PERSOON", None, 1])
def test_the_raw_constructor_refuses_an_unknown_soort(soort: object) -> None:
    with pytest.raises(OngeldigFormaatError) as info:
        Identificatie(soort, bsn=BSN)  # type: ignore[arg-type]
    assert "soort" == info.value.veld


def test_a_person_and_an_organisation_with_the_same_foreign_number_are_not_equal() -> None:
    persoon = Identificatie.natuurlijk_persoon(buitenlands=PERSOON_BUITENLANDS)
    bedrijf = Identificatie.niet_natuurlijk_persoon(buitenlands=PERSOON_BUITENLANDS)
    assert persoon != bedrijf


# --- identificatoren and persoonssleutels -------------------------------------------------


def test_identificatoren_of_a_natuurlijk_persoon_come_in_a_fixed_order() -> None:
    identificatie = Identificatie.natuurlijk_persoon(
        buitenlands=PERSOON_BUITENLANDS, a_nummer=A_NUMMER, bsn=BSN
    )
    assert (BSN, A_NUMMER, PERSOON_BUITENLANDS) == identificatie.identificatoren


def test_identificatoren_of_a_niet_natuurlijk_persoon_come_in_a_fixed_order() -> None:
    identificatie = Identificatie.niet_natuurlijk_persoon(
        buitenlands=BEDRIJF_BUITENLANDS,
        rsin=RSIN,
        vestigingsnummer=VESTIGINGSNUMMER,
        kvk_nummer=KVK_NUMMER,
    )
    assert (
        (KVK_NUMMER, VESTIGINGSNUMMER, RSIN, BEDRIJF_BUITENLANDS)
    ) == identificatie.identificatoren


def test_identificatoren_leave_out_what_is_not_given() -> None:
    assert (A_NUMMER,) == Identificatie.natuurlijk_persoon(a_nummer=A_NUMMER).identificatoren


def test_persoonssleutels_of_a_natuurlijk_persoon_are_all_its_identifiers() -> None:
    identificatie = Identificatie.natuurlijk_persoon(
        bsn=BSN, a_nummer=A_NUMMER, buitenlands=PERSOON_BUITENLANDS
    )
    assert (BSN, A_NUMMER, PERSOON_BUITENLANDS) == identificatie.persoonssleutels


def test_persoonssleutels_of_a_niet_natuurlijk_persoon_are_empty() -> None:
    identificatie = Identificatie.niet_natuurlijk_persoon(
        kvk_nummer=KVK_NUMMER, rsin=RSIN, buitenlands=BEDRIJF_BUITENLANDS
    )
    assert () == identificatie.persoonssleutels


# --- value semantics --------------------------------------------------------------------


def test_identificaties_built_from_text_and_from_values_are_equal() -> None:
    assert Identificatie.natuurlijk_persoon(bsn="1112.22.333") == (
        Identificatie.natuurlijk_persoon(bsn=BSN)
    )


def test_equal_identificaties_hash_alike() -> None:
    assert hash(Identificatie.niet_natuurlijk_persoon(kvk_nummer="6904-6938")) == hash(
        Identificatie.niet_natuurlijk_persoon(kvk_nummer=KVK_NUMMER)
    )


def test_identificaties_of_different_persons_are_not_equal() -> None:
    assert Identificatie.natuurlijk_persoon(bsn=BSN) != (
        Identificatie.natuurlijk_persoon(bsn="123456782")
    )


def test_an_identificatie_is_frozen() -> None:
    identificatie = Identificatie.natuurlijk_persoon(bsn=BSN)
    with pytest.raises(attrs.exceptions.FrozenError):
        identificatie.bsn = Bsn("123456782")  # type: ignore[misc]


def test_repr_masks_the_bsn() -> None:
    assert "Identificatie(soort=Subjectsoort.NATUURLIJK_PERSOON, bsn=Bsn('******333'))" == repr(
        Identificatie.natuurlijk_persoon(bsn="111222333")
    )


def test_repr_masks_the_a_nummer_and_the_foreign_number() -> None:
    identificatie = Identificatie.natuurlijk_persoon(
        a_nummer=A_NUMMER, buitenlands=PERSOON_BUITENLANDS
    )
    assert (
        "Identificatie(soort=Subjectsoort.NATUURLIJK_PERSOON, a_nummer=ANummer('*******890'), "
        "buitenlands=BuitenlandsNummer(land='DE', register='Melderegister Berlin', "
        "nummer='*****0T47'))"
    ) == repr(identificatie)


def test_repr_shows_organisation_keys_in_full() -> None:
    assert (
        "Identificatie(soort=Subjectsoort.NIET_NATUURLIJK_PERSOON, "
        "kvk_nummer=KvkNummer('69046938'))"
    ) == repr(Identificatie.niet_natuurlijk_persoon(kvk_nummer=KVK_NUMMER))


# --- properties ---------------------------------------------------------------------------


@given(bsn=bsns)
def test_repr_never_shows_a_full_bsn(bsn: str) -> None:
    assert bsn not in repr(Identificatie.natuurlijk_persoon(bsn=bsn))


@given(identificatie=identificaties)
def test_every_identificatie_holds_at_least_one_identifier(identificatie: Identificatie) -> None:
    assert len(identificatie.identificatoren) >= 1


@given(identificatie=identificaties_natuurlijk_persoon())
def test_every_key_of_a_natuurlijk_persoon_is_a_persoonssleutel(
    identificatie: Identificatie,
) -> None:
    assert identificatie.identificatoren == identificatie.persoonssleutels


@given(identificatie=identificaties_niet_natuurlijk_persoon())
def test_no_key_of_a_niet_natuurlijk_persoon_is_a_persoonssleutel(
    identificatie: Identificatie,
) -> None:
    assert () == identificatie.persoonssleutels


@given(identificatie=identificaties)
def test_an_identificatie_rebuilt_from_its_fields_is_equal(identificatie: Identificatie) -> None:
    assert identificatie == Identificatie(**attrs.asdict(identificatie, recurse=False))


@given(identificatie=identificaties_natuurlijk_persoon())
def test_adding_an_organisation_key_to_a_natuurlijk_persoon_is_always_refused(
    identificatie: Identificatie,
) -> None:
    with pytest.raises(GemengdeIdentificatieError):
        attrs.evolve(identificatie, kvk_nummer=KVK_NUMMER)
