"""The library's own JSON for a klant: versioned, and an exact round trip."""

from __future__ import annotations

import json
import uuid

import pytest
from hypothesis import given

from klantregister import FormaatError, Identificatie, Klant, Klantgegevens, OngeldigeWaardeError
from klantregister.formats import kanoniek
from klantregister.testing import klanten

pytestmark = pytest.mark.unit


@given(klanten())
def test_every_klant_survives_the_round_trip_through_json(klant: Klant) -> None:
    assert klant == kanoniek.uit_dict(json.loads(json.dumps(kanoniek.naar_dict(klant))))


def test_the_format_is_named_and_versioned() -> None:
    klant = Klant(
        uuid.UUID(int=7),
        "0363",
        "K7",
        Klantgegevens(voornaam="An"),
        Identificatie.natuurlijk_persoon(bsn="111222333"),
        versie=3,
    )
    assert {
        "formaat": "klantregister/klant",
        "formaatversie": 1,
        "id": "00000000-0000-0000-0000-000000000007",
        "gemeente": "0363",
        "klantnummer": "K7",
        "versie": 3,
        "klantgegevens": {"voornaam": "An"},
        "identificatie": {"soort": "natuurlijk_persoon", "bsn": "111222333"},
    } == kanoniek.naar_dict(klant)


def test_another_format_version_is_refused() -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))
    with pytest.raises(FormaatError, match="formaatversie '2' is onbekend"):
        kanoniek.uit_dict({**data, "formaatversie": 2})


def test_an_unknown_field_is_refused_rather_than_dropped() -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))
    with pytest.raises(OngeldigeWaardeError, match="onbekend veld 'bijnaam'"):
        kanoniek.uit_dict({**data, "klantgegevens": {"bijnaam": "Ank"}})


def test_an_invalid_identifier_is_refused_naming_its_field() -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))
    with pytest.raises(OngeldigeWaardeError) as info:
        kanoniek.uit_dict({**data, "identificatie": {"soort": "natuurlijk_persoon", "bsn": "1"}})
    assert "bsn" == info.value.veld
