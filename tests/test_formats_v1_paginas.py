"""Klanten API v1 pages as a real server writes them, read without a problem.

The page below is built by hand from the published schema (tests/data/specs): readOnly
``url``, ``next`` set, ``null`` where the schema allows it (``adres``, ``huisnummer``,
``subjectType``), members a server always writes as ``""``, and ``landcode`` as a BRP
Tabel 34 code. The test first proves the page is what the schema describes, with the
real validator, so a change to the reader cannot be tested against a made-up shape.
"""

from __future__ import annotations

import io
import json
import uuid
from typing import Any

import pytest

from klantregister import Identificatie
from klantregister.formats import klanten_v1
from spec import paginafouten

pytestmark = pytest.mark.unit

BASIS = "https://klanten.gemeente.example/api/v1/klanten"
IDS = [
    "5c0f7b1e-6d4a-4e2b-9f3c-8a1b2c3d4e5f",
    "6d1e8c2f-7e5b-4f3c-8a4d-9b2c3d4e5f60",
    "7e2f9d30-8f6c-4a4d-9b5e-ac3d4e5f6071",
]


def _klant(nummer: int, **velden: Any) -> dict[str, Any]:
    leeg = dict.fromkeys(
        ("bedrijfsnaam", "functie", "voornaam", "voorvoegselAchternaam", "achternaam"), ""
    )
    return {
        "url": f"{BASIS}/{IDS[nummer]}",
        "bronorganisatie": "002564440",
        "klantnummer": f"K{nummer + 1}",
        "websiteUrl": "https://www.amsterdam.nl",
        "telefoonnummer": "",
        "emailadres": "an@example.nl",
        **leeg,
        **velden,
    }


PAGINA: dict[str, Any] = {
    "count": 203,
    "next": f"{BASIS}?page=2",
    "previous": None,
    "results": [
        _klant(
            0,
            voornaam="Anna",
            achternaam="Jansen",
            adres={
                "straatnaam": "Amstel",
                "huisnummer": 1,
                "huisletter": "",
                "huisnummertoevoeging": "",
                "postcode": "1011 PN",
                "woonplaatsnaam": "Amsterdam",
                "landcode": "6030",
            },
            subject=f"https://brp.example.nl/ingeschrevenpersonen/{IDS[0]}",
            subjectType="natuurlijk_persoon",
            subjectIdentificatie={"inpBsn": "111222333", "anpIdentificatie": ""},
        ),
        _klant(
            1,
            bedrijfsnaam="Bakkerij De Korenschoof",
            adres={
                "straatnaam": "",
                "huisnummer": None,
                "postcode": "",
                "woonplaatsnaam": "Antwerpen",
                "landcode": "5010",
            },
            subjectType="vestiging",
            subjectIdentificatie={"vestigingsNummer": "000012345678"},
        ),
        _klant(2, adres=None, subjectType=None),
    ],
}


def test_the_page_is_what_the_published_schema_describes() -> None:
    assert [] == paginafouten("klanten_v1", PAGINA)


def test_every_klant_of_a_real_shaped_page_is_read_with_its_id_and_land() -> None:
    gelezen = list(klanten_v1.lees(io.StringIO(json.dumps(PAGINA)), gemeenten="0363"))

    assert [[], [], []] == [[str(p) for p in g.problemen] for g in gelezen]
    registraties = [g.registratie for g in gelezen if g.registratie is not None]
    assert [uuid.UUID(i) for i in IDS] == [r.id for r in registraties]
    assert ["NL", "BE", None] == [
        None if r.klantgegevens.adres is None else r.klantgegevens.adres.land for r in registraties
    ]
    assert [True, True, False] == [r.identificatie is not None for r in registraties]


def test_a_subject_url_beside_the_numbers_is_taken_over() -> None:
    (gelezen,) = klanten_v1.lees(io.StringIO(json.dumps(PAGINA["results"][:1])), gemeenten="0363")
    assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
    assert gelezen.registratie is not None
    assert (
        Identificatie.natuurlijk_persoon(
            bsn="111222333", subject_url=f"https://brp.example.nl/ingeschrevenpersonen/{IDS[0]}"
        )
        == gelezen.registratie.identificatie
    )


def test_what_a_v1_record_holds_beyond_the_register_is_noted_by_field_not_value() -> None:
    record = {
        **PAGINA["results"][0],
        "subject": "",
        "aanmaakkanaal": "balie",
        "geverifieerd": None,
        "subjectIdentificatie": {
            "inpBsn": "111222333",
            "geslachtsnaam": "Jansen",
            "voornamen": "",
            "verblijfsadres": {"woonplaatsnaam": "Amsterdam"},
        },
    }
    gelezen = klanten_v1.lees_klant(record, gemeenten="0363")
    assert gelezen.geldig
    assert [
        "aanmaakkanaal",
        "subjectIdentificatie.geslachtsnaam",
        "subjectIdentificatie.verblijfsadres",
    ] == [o.veld for o in gelezen.opmerkingen]
    assert not any("Jansen" in o.melding or "balie" in o.melding for o in gelezen.opmerkingen)
