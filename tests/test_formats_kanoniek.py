"""The library's own JSON for a klant: versioned, and an exact round trip."""

from __future__ import annotations

import datetime
import io
import json
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import (
    Authenticatie,
    FormaatError,
    Gemeentecode,
    GemengdeIdentificatieError,
    Identificatie,
    Kenmerken,
    Klant,
    Klantgegevens,
    OngeldigeWaardeError,
    Overname,
    Vertegenwoordiging,
)
from klantregister.formats import Probleemsoort, kanoniek, klanten_v1, klantinteracties
from klantregister.testing import klanten

pytestmark = pytest.mark.unit

BSN = "111222333"
SUBJECT = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/111222333"
#: The members version 4 added.
VERSIE_4 = ("herkomst", "geregistreerd_op", "bewaren_tot")


@given(klanten())
def test_every_klant_survives_the_round_trip_through_json(klant: Klant) -> None:
    assert klant == kanoniek.uit_dict(json.loads(json.dumps(kanoniek.naar_dict(klant))))


def test_the_format_is_named_and_versioned() -> None:
    klant = Klant(
        uuid.UUID(int=7),
        "0363",
        "K7",
        Klantgegevens(voornaam="An"),
        Identificatie.natuurlijk_persoon(bsn="111222333", subject_url=SUBJECT),
        versie=3,
        bron="https://klanten.example.nl/api/v1/klanten/00000000-0000-0000-0000-000000000007",
        kenmerken=Kenmerken("contactpersoon", False, True, uuid.UUID(int=8)),
        herkomst=Authenticatie(
            "hoog",
            "DigiD Machtigen",
            subject="123456782",
            namens=Vertegenwoordiging("111222333", "curatele", machtiging="M-17"),
        ),
        geregistreerd_op=datetime.date(2026, 1, 31),
        bewaren_tot=datetime.date(2032, 12, 31),
    )
    assert {
        "formaat": "klantregister/klant",
        "formaatversie": 4,
        "id": "00000000-0000-0000-0000-000000000007",
        "gemeente": "0363",
        "klantnummer": "K7",
        "versie": 3,
        "klantgegevens": {"voornaam": "An"},
        "identificatie": {
            "soort": "natuurlijk_persoon",
            "bsn": "111222333",
            "subject_url": SUBJECT,
        },
        "bron": "https://klanten.example.nl/api/v1/klanten/00000000-0000-0000-0000-000000000007",
        "kenmerken": {
            "soort": "contactpersoon",
            "actief": False,
            "geheimhouding": True,
            "werkt_voor": "00000000-0000-0000-0000-000000000008",
        },
        "herkomst": {
            "soort": "authenticatie",
            "niveau": "hoog",
            "middel": "DigiD Machtigen",
            "subject": {"bsn": "123456782"},
            "namens": {
                "vertegenwoordigde": {"bsn": "111222333"},
                "grondslag": "curatele",
                "machtiging": "M-17",
            },
        },
        "geregistreerd_op": "2026-01-31",
        "bewaren_tot": "2032-12-31",
    } == kanoniek.naar_dict(klant)


def test_an_overname_is_written_as_its_source_and_level() -> None:
    klant = Klant(
        uuid.UUID(int=1),
        "0363",
        "K1",
        identificatie=Identificatie.niet_natuurlijk_persoon(
            buitenlands=("DE", "Handelsregister", "HRB 1")
        ),
        herkomst=Overname("klanten.jsonl", oorspronkelijk_niveau="laag", toelichting="migratie"),
    )
    assert {
        "soort": "overname",
        "bron": "klanten.jsonl",
        "oorspronkelijk_niveau": "laag",
        "toelichting": "migratie",
    } == kanoniek.naar_dict(klant)["herkomst"]
    assert klant == kanoniek.uit_dict(kanoniek.naar_dict(klant))


@pytest.mark.parametrize(
    ("herkomst", "melding"),
    [
        ({"soort": "geraden"}, "geen 'authenticatie' of 'overname'"),
        ({"soort": "overname"}, "bron"),
        ({"soort": "overname", "bron": "x", "niveau": "hoog"}, "onbekend veld 'niveau'"),
        ({"soort": "authenticatie", "niveau": "matig"}, "betrouwbaarheidsniveau"),
        ({"soort": "authenticatie", "niveau": "hoog", "subject": {}}, "één identificerend"),
        ({"soort": "authenticatie", "niveau": "hoog", "subject": {"pin": "1"}}, "onbekend veld"),
        ({"soort": "authenticatie", "niveau": "hoog", "subject": {"bsn": "1"}}, "bsn"),
        (
            {"soort": "authenticatie", "niveau": "hoog", "namens": {"grondslag": "bewind"}},
            "vertegenwoordigde",
        ),
        (
            {
                "soort": "authenticatie",
                "niveau": "hoog",
                "namens": {"vertegenwoordigde": {"kvk_nummer": "69046938"}, "grondslag": "bewind"},
            },
            "bewind is een vertegenwoordiging van een natuurlijk persoon",
        ),
        ("DigiD", "herkomst"),
    ],
)
def test_a_herkomst_that_is_not_well_formed_is_refused_naming_it(
    herkomst: object, melding: str
) -> None:
    data = kanoniek.naar_dict(
        Klant(uuid.UUID(int=1), "0363", "K1", None, Identificatie.natuurlijk_persoon(bsn=BSN))
    )
    with pytest.raises(OngeldigeWaardeError, match=melding) as fout:
        kanoniek.uit_dict({**data, "herkomst": herkomst})
    assert BSN not in str(fout.value)


def test_a_zelfstandige_klant_with_a_herkomst_is_refused() -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))
    with pytest.raises(OngeldigeWaardeError, match="zelfstandige klant"):
        kanoniek.uit_dict({**data, "herkomst": {"soort": "overname", "bron": "x"}})


def test_a_klant_without_kenmerken_has_an_empty_kenmerken_member() -> None:
    assert {} == kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))["kenmerken"]


@pytest.mark.parametrize(
    ("kenmerken", "veld"),
    [
        ({"actief": "ja"}, "kenmerken.actief"),
        ({"soort": "burger"}, "kenmerken.soort"),
        ({"geheimhouding": 1}, "kenmerken.geheimhouding"),
        ({"werkt_voor": str(uuid.UUID(int=2))}, "kenmerken.werkt_voor"),
        ({"bijnaam": "Ank"}, "kenmerken"),
    ],
)
def test_a_wrong_kenmerk_is_refused_naming_it(kenmerken: dict[str, object], veld: str) -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))
    with pytest.raises(OngeldigeWaardeError) as info:
        kanoniek.uit_dict({**data, "kenmerken": kenmerken})
    assert veld == info.value.veld


def test_kenmerken_that_break_rule_3_are_refused() -> None:
    data = kanoniek.naar_dict(
        Klant(uuid.UUID(int=1), "0363", "K1", None, Identificatie.natuurlijk_persoon(bsn=BSN))
    )
    with pytest.raises(GemengdeIdentificatieError, match="regel 3"):
        kanoniek.uit_dict({**data, "kenmerken": {"soort": "organisatie"}})


@pytest.mark.parametrize("versie", [1, 2])
def test_an_older_version_with_a_member_of_a_later_one_is_refused(versie: int) -> None:
    # (herkomst, of version 4, is left out: test_version_3_has_no_herkomst says it.)
    klant = Klant(
        uuid.UUID(int=1),
        "0363",
        "K1",
        identificatie=Identificatie.natuurlijk_persoon(subject_url=SUBJECT),
    )
    data = {
        k: v
        for k, v in kanoniek.naar_dict(klant).items()
        if k not in ("bron", "kenmerken", *VERSIE_4)
    }
    with pytest.raises(OngeldigeWaardeError, match="subject_url"):
        kanoniek.uit_dict({**data, "formaatversie": versie})
    zonder_url = {**data, "identificatie": {"soort": "natuurlijk_persoon", "bsn": BSN}}
    with pytest.raises(OngeldigeWaardeError, match="onbekend veld 'kenmerken'"):
        kanoniek.uit_dict({**zonder_url, "formaatversie": versie, "kenmerken": {}})


def test_another_format_version_is_refused() -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))
    with pytest.raises(
        FormaatError, match="formaatversie '5' is onbekend; deze versie leest 1 en 2 en 3 en 4"
    ):
        kanoniek.uit_dict({**data, "formaatversie": 5})
    with pytest.raises(FormaatError, match="formaatversie '4' is onbekend"):
        kanoniek.uit_dict({**data, "formaatversie": "4"})


@pytest.mark.parametrize("versie", [1, 2, 3])
def test_version_3_and_older_have_no_herkomst(versie: int) -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))
    ouder = {k: v for k, v in data.items() if k not in ("bron", "kenmerken")}
    with pytest.raises(OngeldigeWaardeError, match="onbekend veld 'bewaren_tot'"):
        kanoniek.uit_dict({**ouder, "formaatversie": versie})
    for veld in VERSIE_4:
        alleen = {k: v for k, v in ouder.items() if k not in VERSIE_4 or k == veld}
        with pytest.raises(OngeldigeWaardeError, match=f"onbekend veld '{veld}'"):
            kanoniek.uit_dict({**alleen, "formaatversie": versie})


def test_version_3_without_herkomst_is_read_still() -> None:
    klant = Klant(
        uuid.UUID(int=1), "0363", "K1", identificatie=Identificatie.natuurlijk_persoon(bsn=BSN)
    )
    versie_3 = {k: v for k, v in kanoniek.naar_dict(klant).items() if k not in VERSIE_4}
    assert klant == kanoniek.uit_dict({**versie_3, "formaatversie": 3})


def test_version_1_without_bron_is_read_still() -> None:
    klant = Klant(uuid.UUID(int=1), "0363", "K1", Klantgegevens(voornaam="An"))
    versie_1 = {
        k: v
        for k, v in kanoniek.naar_dict(klant).items()
        if k not in ("bron", "kenmerken", *VERSIE_4)
    }
    assert klant == kanoniek.uit_dict({**versie_1, "formaatversie": 1})


def test_version_2_without_kenmerken_is_read_still() -> None:
    bron = "https://klanten.example.nl/api/v1/klanten/00000000-0000-0000-0000-000000000001"
    klant = Klant(uuid.UUID(int=1), "0363", "K1", Klantgegevens(voornaam="An"), bron=bron)
    versie_2 = {
        k: v for k, v in kanoniek.naar_dict(klant).items() if k not in ("kenmerken", *VERSIE_4)
    }
    assert klant == kanoniek.uit_dict({**versie_2, "formaatversie": 2})


def test_an_unknown_member_of_the_record_is_refused_rather_than_dropped() -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))
    with pytest.raises(OngeldigeWaardeError, match="onbekend veld 'bijnaam'"):
        kanoniek.uit_dict({**data, "bijnaam": "Ank"})


def test_an_unknown_field_is_refused_rather_than_dropped() -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))
    with pytest.raises(OngeldigeWaardeError, match="onbekend veld 'bijnaam'"):
        kanoniek.uit_dict({**data, "klantgegevens": {"bijnaam": "Ank"}})


def test_an_invalid_identifier_is_refused_naming_its_field() -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))
    with pytest.raises(OngeldigeWaardeError) as info:
        kanoniek.uit_dict({**data, "identificatie": {"soort": "natuurlijk_persoon", "bsn": "1"}})
    assert "bsn" == info.value.veld


# --- reading a file: what import --invoer kanoniek registers ---------------------------


@given(st.lists(klanten(), max_size=5))
def test_reading_gives_each_klant_back_as_its_registratie(lijst: list[Klant]) -> None:
    regels = io.StringIO("".join(json.dumps(kanoniek.naar_dict(k)) + "\n" for k in lijst))
    gelezen = list(kanoniek.lees(regels))
    assert [
        (k.id, k.gemeente, k.klantnummer, k.klantgegevens, k.identificatie, k.bron, k.kenmerken)
        for k in lijst
    ] == [
        (r.id, r.gemeente, r.klantnummer, r.klantgegevens, r.identificatie, r.bron, r.kenmerken)
        for r in (g.registratie for g in gelezen)
        if r is not None
    ]


@pytest.mark.parametrize(
    ("record", "lijkt_op"),
    [
        ({"klantnummer": "K1", "subjectType": None}, "de Klanten API v1 (--invoer klanten_v1)"),
        ({"soortPartij": "persoon"}, "Klantinteracties (een Partij) (--invoer klantinteracties)"),
    ],
)
def test_a_record_of_another_format_is_refused_naming_it(
    record: dict[str, object], lijkt_op: str
) -> None:
    (gelezen,) = kanoniek.lees(io.StringIO(json.dumps(record)))
    assert (
        [
            (
                "record",
                f"geen record van het eigen formaat van klantregister: het lijkt op {lijkt_op}",
            )
        ],
        None,
    ) == (
        [(p.veld, p.melding) for p in gelezen.problemen],
        gelezen.registratie,
    )


def test_a_record_of_another_gemeente_than_those_given_is_a_problem() -> None:
    regel = json.dumps(kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0599", "K1")))
    (gelezen,) = kanoniek.lees(io.StringIO(regel), gemeenten="0363")
    assert [("gemeente", Probleemsoort.GEMEENTE)] == [(p.veld, p.soort) for p in gelezen.problemen]


@given(klanten())
def test_the_api_readers_refuse_a_record_of_this_format_naming_it(klant: Klant) -> None:
    # An export of this format imported as v1 stored every klant empty (issue 9).
    record = kanoniek.naar_dict(klant)
    for gelezen in (
        klanten_v1.lees_klant(record, gemeenten="0363"),
        klantinteracties.lees_partij(record, gemeenten="0363"),
    ):
        assert (None, True) == (
            gelezen.registratie,
            "--invoer kanoniek" in gelezen.problemen[0].melding,
        )
    assert None is klanten_v1.kern(record, Gemeentecode("0363"))


@pytest.mark.parametrize("record", [{}, {"uuid": "0b1ed6a4-5f8e-4d39-9a1c-2f6e8d4b7c10"}])
def test_a_record_with_no_field_of_the_format_is_refused_not_read_as_empty(
    record: dict[str, object],
) -> None:
    (probleem,) = klanten_v1.lees_klant(record, gemeenten="0363").problemen
    assert (
        "record",
        "geen record van de Klanten API v1: het heeft geen enkel veld van dat formaat",
    ) == (
        probleem.veld,
        probleem.melding,
    )
    assert None is klanten_v1.kern(record, Gemeentecode("0363"))


def test_a_version_1_record_with_a_bron_is_refused_rather_than_the_bron_dropped() -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1", bron="https://x.nl/k/1"))
    data = {k: v for k, v in data.items() if k not in ("kenmerken", *VERSIE_4)}
    with pytest.raises(OngeldigeWaardeError, match="onbekend veld 'bron'"):
        kanoniek.uit_dict({**data, "formaatversie": 1})


def test_a_record_of_another_formaat_is_a_problem_of_formaat() -> None:
    data = {**kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1")), "formaat": "iets/anders"}
    (gelezen,) = kanoniek.lees(io.StringIO(json.dumps(data)))
    assert ["formaat"] == [p.veld for p in gelezen.problemen]


@pytest.mark.parametrize("veld", ["geregistreerd_op", "bewaren_tot"])
@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("20261203", "geen datum"),
        ("2026-02-30", "geen bestaande datum"),
        ("2026-12-03T10:00:00", "geen datum"),
        (20261203, "geen datum"),
    ],
)
def test_a_date_not_written_as_the_format_writes_it_is_refused_naming_it(
    veld: str, waarde: object, melding: str
) -> None:
    data = kanoniek.naar_dict(Klant(uuid.UUID(int=1), "0363", "K1"))
    with pytest.raises(OngeldigeWaardeError, match=f"{veld}: .*{melding}"):
        kanoniek.uit_dict({**data, veld: waarde})


def test_the_retention_dates_come_along_into_the_registratie_an_import_stores() -> None:
    klant = Klant(
        uuid.UUID(int=1),
        "0363",
        "K1",
        geregistreerd_op=datetime.date(2025, 3, 1),
        bewaren_tot=datetime.date(2030, 1, 1),
    )
    (gelezen,) = kanoniek.lees(io.StringIO(kanoniek.regel(klant) + "\n"))
    assert gelezen.registratie is not None
    assert (datetime.date(2025, 3, 1), datetime.date(2030, 1, 1)) == (
        gelezen.registratie.geregistreerd_op,
        gelezen.registratie.bewaren_tot,
    )
