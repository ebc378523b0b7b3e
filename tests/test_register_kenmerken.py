"""A klant's kenmerken and its subject URL in the register: kept, changed, and held to rules 1
and 3; a refused operation changes nothing."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemachtigd import als, vastgelegd
from klantregister import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    BetrouwbaarheidsniveauError,
    GemengdeIdentificatieError,
    Identificatie,
    KardinaliteitError,
    Kenmerken,
    Klantgegevens,
    KlantRegister,
    OngeldigeWaardeError,
    OngeldigTypeError,
    Partijsoort,
    Subjectsoort,
    SubjectUrl,
    VersieconflictError,
)
from klantregister.testing import identificaties, kenmerken

pytestmark = pytest.mark.unit

AMSTERDAM = "0363"
ROTTERDAM = "0599"
BRP_URL = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/111222333"

DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD Midden")


def test_a_klant_is_registered_with_its_kenmerken() -> None:
    register = KlantRegister()
    eigen = Kenmerken(Partijsoort.ORGANISATIE, actief=False, geheimhouding=True)

    klant = register.registreer(
        AMSTERDAM, Klantgegevens(bedrijfsnaam="Bakkerij De Korrel"), kenmerken=eigen
    )

    assert (eigen, eigen) == (klant.kenmerken, register.get(klant.id).kenmerken)


@given(identificatie=identificaties, soort=st.sampled_from(Partijsoort))
def test_a_soort_of_party_that_disagrees_with_the_identificatie_is_refused_storing_nothing(
    identificatie: Identificatie, soort: Partijsoort
) -> None:
    register = KlantRegister()
    eigen = Kenmerken(soort)

    if soort.subjectsoort is identificatie.soort:
        register.registreer(
            AMSTERDAM, None, identificatie, **vastgelegd(identificatie), kenmerken=eigen
        )
        assert 1 == len(register)
    else:
        with pytest.raises(GemengdeIdentificatieError, match="regel 3") as fout:
            register.registreer(
                AMSTERDAM,
                None,
                identificatie,
                **vastgelegd(identificatie),
                kenmerken=eigen,
            )
        assert (3, 0) == (fout.value.regel, len(register))


def test_a_contactpersoon_working_for_itself_is_refused() -> None:
    register = KlantRegister()
    klant_id = uuid.uuid4()

    with pytest.raises(OngeldigeWaardeError) as fout:
        register.registreer(
            AMSTERDAM, id=klant_id, kenmerken=Kenmerken("contactpersoon", werkt_voor=klant_id)
        )

    assert ("kenmerken.werkt_voor", 0) == (fout.value.veld, len(register))


def test_kenmerken_of_the_wrong_type_are_refused() -> None:
    with pytest.raises(OngeldigTypeError) as fout:
        KlantRegister().registreer(AMSTERDAM, kenmerken={"actief": False})  # type: ignore[arg-type]

    assert "kenmerken" == fout.value.veld


@given(eerste=kenmerken(Subjectsoort.NATUURLIJK_PERSOON), tweede=kenmerken())
def test_wijzig_kenmerken_replaces_them_or_refuses_changing_nothing(
    eerste: Kenmerken, tweede: Kenmerken
) -> None:
    register = KlantRegister()
    oud = register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn="111222333"), DIGID),
        kenmerken=eerste,
    )

    if tweede.soort is Partijsoort.ORGANISATIE:
        with pytest.raises(GemengdeIdentificatieError):
            register.wijzig_kenmerken(oud.id, tweede)
        assert oud == register.get(oud.id)
    else:
        nieuw = register.wijzig_kenmerken(oud.id, tweede, versie=1)
        assert (tweede, 2, nieuw) == (nieuw.kenmerken, nieuw.versie, register.get(oud.id))


def test_wijzig_kenmerken_of_a_versie_read_before_is_refused() -> None:
    register = KlantRegister()
    oud = register.registreer(AMSTERDAM)
    register.wijzig_kenmerken(oud.id, Kenmerken(actief=False))

    with pytest.raises(VersieconflictError):
        register.wijzig_kenmerken(oud.id, Kenmerken(geheimhouding=True), versie=oud.versie)

    assert Kenmerken(actief=False) == register.get(oud.id).kenmerken


def test_werk_bij_without_kenmerken_keeps_the_klants() -> None:
    register = KlantRegister()
    eigen = Kenmerken("persoon", actief=False)
    oud = register.registreer(AMSTERDAM, kenmerken=eigen)

    nieuw = register.werk_bij(oud.id, Klantgegevens(voornaam="Anna"), None)

    assert (eigen, 2) == (nieuw.kenmerken, nieuw.versie)


def test_werk_bij_with_kenmerken_changes_them_with_the_rest_in_one_versie() -> None:
    register = KlantRegister()
    oud = register.registreer(AMSTERDAM)
    eigen = Kenmerken("organisatie", geheimhouding=False)

    nieuw = register.werk_bij(
        oud.id, Klantgegevens(bedrijfsnaam="De Korrel"), None, kenmerken=eigen
    )

    assert (eigen, "De Korrel", 2) == (
        register.get(oud.id).kenmerken,
        register.get(oud.id).klantgegevens.bedrijfsnaam,
        nieuw.versie,
    )


def test_werk_bij_with_kenmerken_breaking_rule_3_changes_nothing() -> None:
    register = KlantRegister()
    oud = register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn="111222333"), DIGID),
    )

    with pytest.raises(GemengdeIdentificatieError):
        register.werk_bij(
            oud.id,
            Klantgegevens(voornaam="Anna"),
            oud.identificatie,
            kenmerken=Kenmerken("organisatie"),
        )

    assert oud == register.get(oud.id)


# --- the subject URL: a key of rule 1 -----------------------------------------------------


def test_a_second_klant_pointing_at_one_ingeschreven_persoon_is_refused() -> None:
    register = KlantRegister()
    eerste = register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn="111222333", subject_url=BRP_URL),
        authenticatie=als(
            Identificatie.natuurlijk_persoon(bsn="111222333", subject_url=BRP_URL), DIGID
        ),
    )

    with pytest.raises(KardinaliteitError) as fout:
        register.registreer(
            AMSTERDAM,
            identificatie=Identificatie.natuurlijk_persoon(subject_url=BRP_URL),
            **vastgelegd(Identificatie.natuurlijk_persoon(subject_url=BRP_URL)),
        )

    assert (eerste.id, 1, "111222333" in str(fout.value)) == (
        fout.value.klant_id,
        len(register),
        False,
    )


def test_a_klant_is_found_by_its_subject_url_in_its_own_gemeente_only() -> None:
    register = KlantRegister()
    klant = register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(subject_url=BRP_URL),
        **vastgelegd(Identificatie.natuurlijk_persoon(subject_url=BRP_URL)),
    )

    assert ((klant,), ()) == (
        register.zoek(SubjectUrl(BRP_URL), AMSTERDAM),
        register.zoek(SubjectUrl(BRP_URL), ROTTERDAM),
    )


def test_a_subject_url_needs_authentication_as_any_identifying_data() -> None:
    register = KlantRegister()

    with pytest.raises(BetrouwbaarheidsniveauError):
        register.registreer(
            AMSTERDAM, identificatie=Identificatie.natuurlijk_persoon(subject_url=BRP_URL)
        )

    assert 0 == len(register)
