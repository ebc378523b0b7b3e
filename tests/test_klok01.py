"""The one table of identifier kinds (``klok01.IDENTIFICATORSOORTEN``) agrees with every
place that uses it, and the rules built from it hold."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from gemachtigd import als
from klantregister import (
    Authenticatie,
    BuitenlandsNummer,
    Identificatie,
    KardinaliteitError,
    KlantRegister,
    Subjectsoort,
    SubjectUrl,
)
from klantregister.domain import klok01
from klantregister.storage.schema import NUMMERKOLOMMEN
from klantregister.testing import identificaties

pytestmark = pytest.mark.unit


def test_the_table_names_every_identifier_attribute_of_an_identificatie_in_order() -> None:
    assert [veld.name for veld in attrs.fields(Identificatie)][1:] == [
        soort.sleutel for soort in klok01.IDENTIFICATORSOORTEN
    ]


def test_each_kind_holds_the_class_its_attribute_holds() -> None:
    velden = attrs.fields_dict(Identificatie)
    for soort in klok01.IDENTIFICATORSOORTEN:
        assert soort.klasse.__name__ in str(velden[soort.sleutel].type)


def test_the_dutch_numbers_are_every_kind_but_the_foreign_number_and_the_subject_url() -> None:
    assert [BuitenlandsNummer, SubjectUrl] == [
        soort.klasse for soort in klok01.IDENTIFICATORSOORTEN if soort not in klok01.NUMMERSOORTEN
    ]


def test_the_sql_klant_row_has_a_column_per_dutch_number() -> None:
    assert ("bsn", "a_nummer", "kvk_nummer", "vestigingsnummer", "rsin") == NUMMERKOLOMMEN


@pytest.mark.parametrize(
    ("soort", "labels"),
    [
        (Subjectsoort.NATUURLIJK_PERSOON, ["BSN", "A-nummer"]),
        (Subjectsoort.NIET_NATUURLIJK_PERSOON, ["KvK-nummer", "vestigingsnummer", "RSIN"]),
    ],
)
def test_the_kinds_of_each_soort_of_subject(soort: Subjectsoort, labels: list[str]) -> None:
    assert labels == [s.label for s in klok01.IDENTIFICATORSOORTEN if s.subjectsoort is soort]


@given(identificaties)
def test_the_person_keys_are_every_identifier_of_a_person_and_none_of_an_organisation(
    identificatie: Identificatie,
) -> None:
    verwacht = (
        identificatie.identificatoren
        if identificatie.soort is Subjectsoort.NATUURLIJK_PERSOON
        else ()
    )
    assert verwacht == identificatie.persoonssleutels


@given(identificaties)
def test_every_key_is_written_with_its_kinds_name(identificatie: Identificatie) -> None:
    assert [klok01.SOORT_VAN[type(i)].sleutel for i in identificatie.identificatoren] == [
        klok01.sleutel(i)[0] for i in identificatie.identificatoren
    ]


def test_a_generated_klantnummer_has_the_full_length() -> None:
    assert (8, 8, 10) == (klok01.GEGENEREERD, klok01.GEGENEREERD, klok01.MAX_KLANTNUMMER)
    assert (klok01.GEGENEREERD, klok01.GEGENEREERD) == (
        len(klok01.klantnummer_voor(1)),
        len(klok01.klantnummer_voor(klok01.MAX_VOLGNUMMER)),
    )


def test_the_register_raises_the_rule_1_error_the_rule_makes() -> None:
    register = KlantRegister(minimaal_betrouwbaarheidsniveau="laag")
    persoon = Identificatie.natuurlijk_persoon(bsn="111222333")
    eerste = register.registreer(
        "0363", identificatie=persoon, authenticatie=als(persoon, Authenticatie("laag"))
    )
    with pytest.raises(KardinaliteitError) as fout:
        register.registreer(
            "0363", identificatie=persoon, authenticatie=als(persoon, Authenticatie("laag"))
        )
    verwacht = klok01.regel_1_fout(eerste.gemeente, eerste.id, persoon.bsn)  # type: ignore[arg-type]
    assert (str(verwacht), verwacht.klant_id) == (str(fout.value), fout.value.klant_id)
