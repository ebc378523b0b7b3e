"""The trusted builders of :mod:`klantregister.domain.vertrouwd`, without a database: a row
as ``klant_rijen`` writes it is read back as the klant, and every value not as written is
an ``Afwijking``, which sends the reader the full way."""

from __future__ import annotations

import uuid
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import Bsn, Klant, Klantgegevens, KvkNummer
from klantregister.domain import GEEN_KENMERKEN, GEEN_KLANTGEGEVENS, Partijsoort, Subjectsoort
from klantregister.domain.vertrouwd import (
    Afwijking,
    identificatie_uit,
    kenmerken_uit,
    klant_uit,
    klantgegevens_uit,
    nummer_uit,
    uuid_uit,
)
from klantregister.storage.rijen import klant_rijen, klant_uit_rij_vertrouwd
from klantregister.testing import klanten

pytestmark = pytest.mark.unit

BRONNEN = st.none() | st.from_regex(r"https://[a-z]{1,10}\.nl/[a-z0-9/]{0,20}", fullmatch=True)
NP = Subjectsoort.NATUURLIJK_PERSOON.value
GEEN_NUMMERS = (None,) * 5


@given(klant=klanten(met_kenmerken=True), bron=BRONNEN)
def test_a_row_as_klant_rijen_writes_it_is_read_back_as_the_klant(
    klant: Klant, bron: str | None
) -> None:
    klant = attrs.evolve(klant, bron=bron)
    rij, _, _ = klant_rijen(klant)

    gelezen = klant_uit_rij_vertrouwd(rij)

    assert klant == gelezen
    # Built straight, yet as the class builds it: its repr, hash and fields alike.
    assert (repr(klant), hash(klant)) == (repr(gelezen), hash(gelezen))


def test_a_uuid_is_read_as_uuid_reads_it_or_refused() -> None:
    tekst = "12345678-9abc-def0-1234-56789abcdef0"

    assert uuid.UUID(tekst) == uuid_uit(tekst)
    gegeven = uuid.UUID(int=5)
    assert gegeven is uuid_uit(gegeven)
    for fout in (tekst[:-1], tekst[:-1] + "g", tekst.replace("-", "+"), 42, None):
        with pytest.raises(Afwijking):
            uuid_uit(fout)


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"voornaam": 3},
        {"voornaam": ""},
        {"voornaam": None},
        {"schoenmaat": "44"},
        {"adres": "Kerkstraat 1"},
        {"adres": {"land": "NL"}},
        {"adres": {"huisnummer": True, "land": "NL"}},
        {"adres": {"huisnummer": 100_000, "land": "NL"}},
        {"adres": {"huisnummer": "3", "land": "NL"}},
        {"adres": {"straatnaam": "Kerkstraat"}},
        {"adres": {"straatnaam": 7, "land": "NL"}},
        {"adres": {"deurbel": "ja", "land": "NL"}},
    ],
    ids=repr,
)
def test_klantgegevens_not_as_written_are_refused(data: Any) -> None:
    with pytest.raises(Afwijking):
        klantgegevens_uit(data)


def test_klantgegevens_without_a_field_are_none_given() -> None:
    assert GEEN_KLANTGEGEVENS is klantgegevens_uit({})
    assert Klantgegevens(voornaam="An") == klantgegevens_uit({"voornaam": "An"})


@pytest.mark.parametrize(
    ("soort", "nummers", "buitenlands", "subject_url"),
    [
        ("persoon", ("111222333", *GEEN_NUMMERS[1:]), None, None),
        (None, ("111222333", *GEEN_NUMMERS[1:]), None, None),
        (NP, GEEN_NUMMERS, None, None),  # no identifier at all
        (NP, (None, None, "69046938", None, None), None, None),  # rule 3
        (NP, ("11122233", *GEEN_NUMMERS[1:]), None, None),
        (NP, ("11122233X", *GEEN_NUMMERS[1:]), None, None),
        (NP, ("１１１２２２３３３", *GEEN_NUMMERS[1:]), None, None),
        (NP, (111222333, *GEEN_NUMMERS[1:]), None, None),
        (NP, GEEN_NUMMERS, ("DE", None, "X1"), None),
        (NP, GEEN_NUMMERS, ("DEU", "Melderegister", "X1"), None),
        (NP, GEEN_NUMMERS, None, ""),
        (NP, GEEN_NUMMERS, None, 5),
    ],
)
def test_an_identificatie_not_as_written_is_refused(
    soort: object, nummers: tuple[object, ...], buitenlands: Any, subject_url: object
) -> None:
    with pytest.raises(Afwijking):
        identificatie_uit(soort, nummers, buitenlands, subject_url)


def test_a_number_is_its_class_of_its_compact_digits() -> None:
    assert Bsn("111222333") == nummer_uit(Bsn, "111222333")
    with pytest.raises(Afwijking):
        nummer_uit(KvkNummer, "6904693")


@pytest.mark.parametrize(
    ("soort", "actief", "geheimhouding", "werkt_voor"),
    [
        (None, 2, None, None),
        (None, "ja", None, None),
        (None, True, 1.5, None),
        ("klant", True, None, None),
        ("persoon", True, None, str(uuid.UUID(int=1))),
        ("contactpersoon", True, None, "geen uuid"),
    ],
)
def test_kenmerken_not_as_written_are_refused(
    soort: object, actief: object, geheimhouding: object, werkt_voor: object
) -> None:
    with pytest.raises(Afwijking):
        kenmerken_uit(soort, actief, geheimhouding, werkt_voor)


def test_kenmerken_are_read_from_sqlite_s_numbers_and_postgresql_s_bools_alike() -> None:
    assert GEEN_KENMERKEN is kenmerken_uit(None, 1, None, None)
    assert GEEN_KENMERKEN is kenmerken_uit(None, True, None, None)
    # A werkt_voor without a soort says nothing, as the full way reads it too.
    assert GEEN_KENMERKEN is kenmerken_uit(None, True, None, str(uuid.UUID(int=1)))
    sqlite = kenmerken_uit("contactpersoon", 0, 1, str(uuid.UUID(int=1)))
    postgres = kenmerken_uit("contactpersoon", False, True, uuid.UUID(int=1))
    assert sqlite == postgres
    assert (Partijsoort.CONTACTPERSOON, False, True) == (
        sqlite.soort,
        sqlite.actief,
        sqlite.geheimhouding,
    )


@pytest.mark.parametrize(
    "velden",
    [
        {"klantnummer": ""},
        {"klantnummer": "K" * 11},
        {"klantnummer": 7},
        {"versie": 0},
        {"versie": True},
        {"gemeente": 363},
        {"bron": ""},
        {"bron": 5},
    ],
    ids=repr,
)
def test_a_klant_not_as_written_is_refused(velden: dict[str, Any]) -> None:
    waarden: dict[str, Any] = {"gemeente": "0363", "klantnummer": "K1", "versie": 1, "bron": None}
    waarden.update(velden)

    with pytest.raises(Afwijking):
        klant_uit(
            uuid.UUID(int=1),
            waarden["gemeente"],
            waarden["klantnummer"],
            GEEN_KLANTGEGEVENS,
            None,
            versie=waarden["versie"],
            bron=waarden["bron"],
            kenmerken=GEEN_KENMERKEN,
        )
