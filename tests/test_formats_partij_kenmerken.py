"""Klantinteracties: a Partij's soortPartij, indicatieActief, indicatieGeheimhouding and a
contactpersoon's werkteVoorPartij survive a round trip; a subject URL, which a Partij has no
member for, is named when it is not written and refused when it is all a klant has.

Each Partij record here is checked against the OpenAPI document first (``spec``), so a test
cannot pass on a shape no server takes or returns.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantregister import (
    FormaatError,
    Gemeentecode,
    Identificatie,
    Kenmerken,
    Klant,
    Klantgegevens,
    Partijsoort,
    Registratie,
)
from klantregister.formats import Gelezen, Probleemsoort, klantinteracties
from klantregister.formats.klantinteracties import IN_TE_VULLEN
from klantregister.formats.klantinteracties.namen import CONTACTNAAM
from klantregister.testing import namen, voorkeurstalen, voorletters, voorvoegsels
from spec import antwoordfouten, fouten, onbekende_velden, regelfouten, verzoekfouten
from strategies import klanten_partij, met_bron

pytestmark = pytest.mark.unit

BASIS = "https://openklant.example.nl/klantinteracties/api/v1"
PARTIJEN = f"{BASIS}/partijen"
PARTIJ_UUID = "0c1f7e52-3b8a-4d2e-9f61-7a4c2b9e8d13"
ORGANISATIE_UUID = "e2b6a8c5-9f7d-4ace-9c6b-5dafce7a9cb4"
BSN = {
    "codeObjecttype": "natuurlijk_persoon",
    "codeSoortObjectId": "bsn",
    "objectId": "111222333",
    "codeRegister": "brp",
}
BRP_URL = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/111222333"
HR_URL = "https://hr.example.nl/api/maatschappelijkeactiviteiten/69046938"


def partij(soort: str, **leden: Any) -> dict[str, Any]:
    """A Partij as Open Klant returns it (``GET /partijen/{uuid}?expand=digitaleAdressen``)."""
    return {
        "uuid": PARTIJ_UUID,
        "url": f"{PARTIJEN}/{PARTIJ_UUID}",
        "betrokkenen": [],
        "categorieRelaties": [],
        "digitaleAdressen": [],
        "vertegenwoordigden": [],
        "partijIdentificatoren": [],
        "soortPartij": soort,
        "indicatieActief": True,
        "partijIdentificatie": {"contactnaam": None, "volledigeNaam": ""},
        **leden,
    }


def organisatie_ref(organisatie: str = ORGANISATIE_UUID) -> dict[str, str]:
    return {"uuid": organisatie, "url": f"{PARTIJEN}/{organisatie}"}


CONTACTPERSOON = partij(
    "contactpersoon",
    partijIdentificatie={
        "werkteVoorPartij": organisatie_ref(),
        "contactnaam": {"voornaam": "Piet", "achternaam": "de Vries"},
        "volledigeNaam": "Piet de Vries",
    },
)


def lees(record: object) -> Gelezen:
    return klantinteracties.lees_partij(record, gemeenten="0363")


def kenmerken_van(record: dict[str, Any]) -> Kenmerken:
    gelezen = lees(record)
    assert () == gelezen.problemen
    assert gelezen.registratie is not None
    return gelezen.registratie.kenmerken


def met(basis: dict[str, Any], **wijziging: Any) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(json.dumps(basis))
    record.update(wijziging)
    return record


def met_werkt_voor(waarde: object) -> dict[str, Any]:
    record = met(CONTACTPERSOON)
    record["partijIdentificatie"]["werkteVoorPartij"] = waarde
    return record


def test_the_records_here_are_valid_as_open_klant_returns_them() -> None:
    for record in (
        partij("persoon"),
        partij("organisatie", partijIdentificatie={}),
        CONTACTPERSOON,
    ):
        assert [] == fouten("klantinteracties", "ExpandPartij", record, richting="antwoord")


# --- reading ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "soort"),
    [
        (partij("persoon"), Partijsoort.PERSOON),
        (partij("organisatie", partijIdentificatie={}), Partijsoort.ORGANISATIE),
        (CONTACTPERSOON, Partijsoort.CONTACTPERSOON),
    ],
)
def test_soort_partij_is_the_klants_soort_of_party(
    record: dict[str, Any], soort: Partijsoort
) -> None:
    assert soort is kenmerken_van(record).soort


@pytest.mark.parametrize(
    ("leden", "actief"),
    [({}, True), ({"indicatieActief": None}, True), ({"indicatieActief": False}, False)],
)
def test_indicatie_actief_is_kept_absent_or_null_being_active(
    leden: dict[str, Any], actief: bool
) -> None:
    record = partij("persoon", **leden)
    if not leden:
        del record["indicatieActief"]
    assert actief is kenmerken_van(record).actief


@pytest.mark.parametrize("geheimhouding", [True, False, None])
def test_indicatie_geheimhouding_is_kept_null_being_not_said(geheimhouding: bool | None) -> None:
    record = partij("persoon", indicatieGeheimhouding=geheimhouding)
    assert [] == fouten("klantinteracties", "ExpandPartij", record, richting="antwoord")
    assert geheimhouding is kenmerken_van(record).geheimhouding
    assert kenmerken_van(partij("persoon")).geheimhouding is None


@pytest.mark.parametrize(
    "verwijzing",
    [
        organisatie_ref(),
        {"uuid": ORGANISATIE_UUID},
        {"url": f"{PARTIJEN}/{ORGANISATIE_UUID}/"},
        {"uuid": ORGANISATIE_UUID.upper(), "url": f"{PARTIJEN}/{ORGANISATIE_UUID}"},
        ORGANISATIE_UUID,
        f"{PARTIJEN}/{ORGANISATIE_UUID}",
    ],
)
def test_the_partij_a_contactpersoon_works_for_is_kept_by_uuid_or_url(verwijzing: object) -> None:
    gelezen = lees(met_werkt_voor(verwijzing))
    assert gelezen.registratie is not None
    assert (uuid.UUID(ORGANISATIE_UUID), ()) == (
        gelezen.registratie.kenmerken.werkt_voor,
        gelezen.opmerkingen,
    )


def test_a_contactpersoon_working_for_no_partij_is_read() -> None:
    record = met_werkt_voor(None)
    assert [] == fouten("klantinteracties", "ExpandPartij", record, richting="antwoord")
    assert Kenmerken(Partijsoort.CONTACTPERSOON) == kenmerken_van(record)


def test_a_contactpersoon_with_a_bsn_is_a_natural_person_of_its_own_soort() -> None:
    record = met(CONTACTPERSOON, partijIdentificatoren=[{"partijIdentificator": BSN}])
    gelezen = lees(record)
    assert gelezen.registratie is not None
    assert (Partijsoort.CONTACTPERSOON, Identificatie.natuurlijk_persoon(bsn="111222333")) == (
        gelezen.registratie.kenmerken.soort,
        gelezen.registratie.identificatie,
    )


TYPE, FORMAAT = Probleemsoort.TYPE, Probleemsoort.FORMAAT
WERKTE_VOOR = "partijIdentificatie.werkteVoorPartij"


@pytest.mark.parametrize(
    ("record", "veld", "soort"),
    [
        (partij("persoon", indicatieActief="ja"), "indicatieActief", TYPE),
        (partij("persoon", indicatieActief=1), "indicatieActief", TYPE),
        (partij("persoon", indicatieGeheimhouding="nee"), "indicatieGeheimhouding", TYPE),
        (partij("persoon", indicatieGeheimhouding=0), "indicatieGeheimhouding", TYPE),
        (met_werkt_voor(7), WERKTE_VOOR, TYPE),
        (met_werkt_voor([ORGANISATIE_UUID]), WERKTE_VOOR, TYPE),
        (met_werkt_voor({"naam": "X"}), WERKTE_VOOR, FORMAAT),
        (met_werkt_voor("geen-uuid"), WERKTE_VOOR, FORMAAT),
        (met_werkt_voor({"uuid": PARTIJ_UUID}), WERKTE_VOOR, FORMAAT),  # itself
    ],
)
def test_a_wrong_kenmerk_is_a_problem_naming_its_field(
    record: dict[str, Any], veld: str, soort: Probleemsoort
) -> None:
    gelezen = lees(record)
    assert ([(veld, soort)], None) == (
        [(p.veld, p.soort) for p in gelezen.problemen],
        gelezen.registratie,
    )


def test_a_problem_of_werkte_voor_partij_never_shows_a_full_number() -> None:
    (probleem,) = lees(met_werkt_voor("bsn 111222333")).problemen
    assert "111222" not in str(probleem)


@pytest.mark.parametrize("soort", ["persoon", "organisatie"])
def test_werkte_voor_partij_beside_another_soort_is_noted_not_taken(soort: str) -> None:
    record = partij(soort, partijIdentificatie={"werkteVoorPartij": organisatie_ref()})
    gelezen = lees(record)
    assert gelezen.registratie is not None
    assert (None, [(WERKTE_VOOR, Probleemsoort.NIET_OVERGENOMEN)]) == (
        gelezen.registratie.kenmerken.werkt_voor,
        [(o.veld, o.soort) for o in gelezen.opmerkingen],
    )


# --- writing ---------------------------------------------------------------------------

PIET = Klantgegevens(voornaam="Piet", achternaam="de Vries")


def klant(
    kenmerken: Kenmerken,
    gegevens: Klantgegevens = PIET,
    identificatie: Identificatie | None = None,
    klantnummer: str = "7",
) -> Klant:
    return Klant(
        uuid.UUID(PARTIJ_UUID), "0363", klantnummer, gegevens, identificatie, kenmerken=kenmerken
    )


CONTACT = Kenmerken("contactpersoon", actief=False, geheimhouding=True, werkt_voor=ORGANISATIE_UUID)


def test_a_contactpersoon_is_written_as_the_create_of_a_contactpersoon() -> None:
    assert {
        "nummer": "7",
        "partijIdentificatoren": [],
        "soortPartij": "contactpersoon",
        "indicatieGeheimhouding": True,
        "indicatieActief": False,
        "partijIdentificatie": {
            "werkteVoorPartij": {"uuid": ORGANISATIE_UUID},
            "contactnaam": {"voornaam": "Piet", "achternaam": "de Vries"},
        },
    } == klantinteracties.naar_partij(klant(CONTACT))


def test_a_contactpersoon_is_written_as_open_klant_returns_it() -> None:
    partij_ = klantinteracties.naar_partij(klant(CONTACT), vorm="antwoord", basis_url=BASIS)
    assert (True, False) == (partij_["indicatieGeheimhouding"], partij_["indicatieActief"])
    assert {
        "werkteVoorPartij": organisatie_ref(),
        "contactnaam": {"voornaam": "Piet", "achternaam": "de Vries"},
        "volledigeNaam": "Piet de Vries",
    } == partij_["partijIdentificatie"]


@pytest.mark.parametrize("vorm", ["verzoek", "antwoord"])
def test_a_contactpersoon_working_for_no_partij_is_written_with_null(vorm: Any) -> None:
    partij_ = klantinteracties.naar_partij(
        klant(Kenmerken("contactpersoon")), vorm=vorm, basis_url=BASIS
    )
    assert None is partij_["partijIdentificatie"]["werkteVoorPartij"]
    assert "indicatieGeheimhouding" not in partij_  # not said: not written


@pytest.mark.parametrize(
    ("kenmerken", "gegevens", "soort"),
    [
        (Kenmerken(), Klantgegevens(bedrijfsnaam="Jansen Bouw"), "organisatie"),
        (Kenmerken("organisatie"), Klantgegevens(bedrijfsnaam="Jansen Bouw"), "organisatie"),
        (Kenmerken("organisatie"), Klantgegevens(), "organisatie"),
        (Kenmerken(), Klantgegevens(), "persoon"),
        (Kenmerken("persoon"), Klantgegevens(), "persoon"),
        (Kenmerken("contactpersoon"), Klantgegevens(), "contactpersoon"),
    ],
)
def test_soort_partij_is_the_klants_else_the_one_its_data_say(
    kenmerken: Kenmerken, gegevens: Klantgegevens, soort: str
) -> None:
    assert soort == klantinteracties.naar_partij(klant(kenmerken, gegevens))["soortPartij"]


@pytest.mark.parametrize(
    ("kenmerken", "gegevens", "reden"),
    [
        (
            Kenmerken("persoon"),
            Klantgegevens(bedrijfsnaam="Jansen Bouw"),
            "bedrijfsnaam: een persoon heeft geen bedrijfsnaam",
        ),
        (
            Kenmerken("contactpersoon"),
            Klantgegevens(achternaam="Jansen", bedrijfsnaam="Jansen Bouw"),
            "bedrijfsnaam: een contactpersoon heeft geen bedrijfsnaam",
        ),
        (
            Kenmerken("organisatie"),
            Klantgegevens(achternaam="Jansen"),
            "achternaam: een organisatie heeft geen contactnaam",
        ),
    ],
)
def test_what_the_soort_of_partij_has_no_member_for_is_refused(
    kenmerken: Kenmerken, gegevens: Klantgegevens, reden: str
) -> None:
    with pytest.raises(FormaatError) as fout:
        klantinteracties.naar_partij(klant(kenmerken, gegevens))
    assert f"klant {PARTIJ_UUID} past niet in dit formaat: {reden}" == str(fout.value)


def test_an_organisation_with_a_contact_person_and_functie_is_still_refused() -> None:
    # A v1 organisation with a contact person's names and functie (the example has 6): no
    # Partij, nor an organisatie and a contactpersoon after it, holds the functie, and two
    # Partijen would read back as two klanten.
    v1 = klant(
        Kenmerken(),
        Klantgegevens(bedrijfsnaam="Bakkerij Zoet B.V.", voornaam="Aylin", functie="directeur"),
        Identificatie.niet_natuurlijk_persoon(rsin="002220647"),
    )
    with pytest.raises(FormaatError) as fout:
        klantinteracties.verzoeken(v1)
    assert (
        f"klant {PARTIJ_UUID} past niet in dit formaat: functie: een Partij heeft er geen veld "
        "voor; voornaam: een organisatie heeft geen contactnaam"
    ) == str(fout.value)


#: A klant of each soort of Partij with kenmerken that say something.
MET_KENMERKEN = [
    klant(CONTACT),
    klant(Kenmerken("contactpersoon", geheimhouding=False)),
    klant(
        Kenmerken("contactpersoon", werkt_voor=ORGANISATIE_UUID),
        identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
    ),
    klant(Kenmerken("persoon", actief=False, geheimhouding=False)),
    klant(
        Kenmerken("organisatie", geheimhouding=True),
        Klantgegevens(bedrijfsnaam="Jansen Bouw"),
        Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"),
    ),
]


@pytest.mark.parametrize("met_kenmerken", MET_KENMERKEN)
def test_a_partij_with_its_kenmerken_is_what_open_klant_takes_and_returns(
    met_kenmerken: Klant,
) -> None:
    verzoek = klantinteracties.naar_partij(met_kenmerken)
    antwoord = klantinteracties.naar_partij(met_kenmerken, vorm="antwoord", basis_url=BASIS)
    for partij_ in (verzoek, antwoord):
        assert (met_kenmerken.kenmerken.actief, met_kenmerken.kenmerken.geheimhouding) == (
            partij_["indicatieActief"],
            partij_.get("indicatieGeheimhouding"),
        )
    assert [] == [
        *fouten("klantinteracties", "Partij", verzoek, richting="verzoek"),
        *verzoekfouten("klantinteracties", "post", "/partijen", verzoek),
        *onbekende_velden("klantinteracties", "Partij", verzoek),
        *regelfouten("klantinteracties", verzoek),
        *fouten("klantinteracties", "ExpandPartij", antwoord, richting="antwoord"),
        *antwoordfouten("klantinteracties", "get", "/partijen/{uuid}", antwoord),
        *onbekende_velden("klantinteracties", "ExpandPartij", antwoord),
        *regelfouten("klantinteracties", antwoord, schema="ExpandPartij", richting="antwoord"),
    ]


# --- the subject URL, which a Partij has no member for -------------------------------------


def test_a_subject_url_beside_the_numbers_is_not_written_and_named_masked() -> None:
    met_url = klant(
        Kenmerken(),
        identificatie=Identificatie.natuurlijk_persoon(bsn="111222333", subject_url=BRP_URL),
        klantnummer="K7",
    )
    partij_ = klantinteracties.naar_partij(met_url)
    meldingen = klantinteracties.niet_overgenomen(met_url)

    assert [{"partijIdentificator": BSN}] == partij_["partijIdentificatoren"]
    assert "brp.example.nl" not in json.dumps(partij_)
    assert ["klantnummer", "subject-URL"] == [m.split(" ")[0] for m in meldingen]
    assert "een Partij heeft er geen veld voor" in meldingen[1]
    assert not [m for m in meldingen if BRP_URL in m or "111222" in m]


def test_what_a_partij_carries_whole_is_not_named() -> None:
    assert [] == klantinteracties.niet_overgenomen(klant(CONTACT))
    integer = klant(Kenmerken(), identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"))
    assert [] == klantinteracties.niet_overgenomen(integer)


@pytest.mark.parametrize(
    "identificatie",
    [
        Identificatie.natuurlijk_persoon(subject_url=BRP_URL),
        Identificatie.niet_natuurlijk_persoon(subject_url=HR_URL),
    ],
)
def test_a_klant_whose_only_identifier_is_a_subject_url_is_refused(
    identificatie: Identificatie,
) -> None:
    zonder_nummers = klant(Kenmerken(), Klantgegevens(), identificatie)
    for schrijf in (
        klantinteracties.naar_partij,
        lambda k: klantinteracties.naar_partij(k, vorm="antwoord", basis_url=BASIS),
        klantinteracties.verzoeken,
        klantinteracties.digitale_adressen,
    ):
        with pytest.raises(FormaatError) as fout:
            schrijf(zonder_nummers)
        melding = str(fout.value)
        assert melding.startswith(
            f"klant {PARTIJ_UUID} past niet in dit formaat: subject_url: een Partij heeft geen "
            "veld voor een subject-URL"
        )
        assert "111222" not in melding
        assert "69046" not in melding


# --- round trips ---------------------------------------------------------------------------


def _klant(registratie: Registratie, zoals: Klant) -> Klant:
    """The klant a register holds of the registratie read (``zoals`` gives what a Partij
    does not carry: its id when the Partij is a request, a klantnummer when it has none)."""
    return Klant(
        registratie.id or zoals.id,
        registratie.gemeente,
        registratie.klantnummer or zoals.klantnummer,
        registratie.klantgegevens,
        registratie.identificatie,
        bron=registratie.bron,
        kenmerken=registratie.kenmerken,
    )


def _gelezen(record: dict[str, Any], gemeente: Gemeentecode) -> Registratie:
    gelezen = klantinteracties.lees_partij(record, gemeenten=gemeente)
    assert ((), ()) == (gelezen.problemen, gelezen.opmerkingen)
    assert gelezen.registratie is not None
    return gelezen.registratie


@given(met_bron(klanten_partij, [PARTIJEN, "https://klanten.example.nl/api/v1/klanten"]))
def test_a_partij_as_open_klant_returns_it_survives_a_round_trip_whole(
    oorspronkelijk: Klant,
) -> None:
    partij_ = klantinteracties.naar_partij(oorspronkelijk, vorm="antwoord", basis_url=BASIS)
    registratie = _gelezen(partij_, oorspronkelijk.gemeente)

    terug = klantinteracties.naar_partij(_klant(registratie, oorspronkelijk), vorm="antwoord")

    assert partij_ == terug
    assert (oorspronkelijk.id, oorspronkelijk.kenmerken.actief) == (
        registratie.id,
        registratie.kenmerken.actief,
    )
    assert oorspronkelijk.kenmerken.geheimhouding is registratie.kenmerken.geheimhouding
    assert oorspronkelijk.kenmerken.werkt_voor == registratie.kenmerken.werkt_voor


def _zoals_open_klant_het_houdt(bundel: dict[str, Any], partij_uuid: str) -> dict[str, Any]:
    """The Partij Open Klant holds after the requests of ``bundel``, with the uuids it gave
    filled in where the bundle says (its kvk_nummer identificator's: uuid5 of the Partij's)."""
    partij_: dict[str, Any] = json.loads(json.dumps(bundel["partij"]))
    kvk_uuid = str(uuid.uuid5(uuid.UUID(partij_uuid), "kvk_nummer"))
    partij_["uuid"] = partij_uuid
    for identificator in partij_["partijIdentificatoren"]:
        if identificator["partijIdentificator"]["codeSoortObjectId"] == "kvk_nummer":
            identificator["uuid"] = kvk_uuid
    partij_["digitaleAdressen"] = []
    for vervolg in json.loads(json.dumps(bundel["daarna"])):
        body = vervolg["body"]
        for pad in vervolg["invullen"]:
            lid = pad.removesuffix(".uuid")
            assert IN_TE_VULLEN == body[lid]["uuid"]
            body[lid]["uuid"] = kvk_uuid if lid == "subIdentificatorVan" else partij_uuid
        lijst = (
            "digitaleAdressen" if vervolg["pad"] == "/digitaleadressen" else "partijIdentificatoren"
        )
        partij_[lijst].append(body)
    return partij_


@given(klanten_partij)
def test_the_requests_of_a_partij_survive_a_round_trip_whole(oorspronkelijk: Klant) -> None:
    bundel = klantinteracties.verzoeken(oorspronkelijk)
    gehouden = _zoals_open_klant_het_houdt(bundel, str(oorspronkelijk.id))
    registratie = _gelezen(gehouden, oorspronkelijk.gemeente)

    assert bundel == klantinteracties.verzoeken(_klant(registratie, oorspronkelijk))
    assert (oorspronkelijk.id, oorspronkelijk.identificatie) == (
        registratie.id,
        registratie.identificatie,
    )


# Partijen as Open Klant returns them and as a client sends them, with every kenmerk.

_ontbreekt = object()
#: The id of the klant a request is read as (a request gives none).
ZONDER_UUID = uuid.UUID("9f3b1c2d-4e5f-4a6b-8c7d-0e1f2a3b4c5d")


@st.composite
def partijen_met_kenmerken(draw: st.DrawFn, vorm: str) -> dict[str, Any]:
    """A Partij of any soort in the form this library writes it (``vorm``): not active or
    active, secret, not or unsaid, a contactpersoon working for another Partij or none."""
    soort = draw(st.sampled_from(list(Partijsoort)))
    eigen = str(draw(st.uuids()))
    record: dict[str, Any] = {}
    if vorm == "antwoord":
        record |= {"uuid": eigen, "url": f"{PARTIJEN}/{eigen}"}
    if (nummer := draw(st.none() | st.from_regex(r"[1-9][0-9]{0,9}", fullmatch=True))) is not None:
        record["nummer"] = nummer
    if vorm == "antwoord":
        record |= {"betrokkenen": [], "categorieRelaties": [], "digitaleAdressen": []}
        record["vertegenwoordigden"] = []
    record |= {"partijIdentificatoren": [], "soortPartij": soort.value}
    if (geheim := draw(st.sampled_from([True, False, _ontbreekt]))) is not _ontbreekt:
        record["indicatieGeheimhouding"] = geheim
    if (taal := draw(st.none() | voorkeurstalen)) is not None:
        record["voorkeurstaal"] = taal
    record["indicatieActief"] = draw(st.booleans())
    # The names as the register holds them (their spaces normalised, as it takes them).
    gegevens = draw(
        st.builds(
            Klantgegevens,
            voorletters=st.none() | voorletters,
            voornaam=st.none() | namen,
            voorvoegsel_achternaam=st.none() | voorvoegsels,
            achternaam=st.none() | namen,
            bedrijfsnaam=st.none() | namen,
        )
    )
    if soort is Partijsoort.ORGANISATIE:
        naam = gegevens.bedrijfsnaam
        record["partijIdentificatie"] = {} if naam is None else {"naam": naam}
    else:
        contactnaam = {
            lid: waarde
            for lid, attr in CONTACTNAAM.items()
            if (waarde := getattr(gegevens, attr)) is not None
        }
        identificatie: dict[str, Any] = {}
        if soort is Partijsoort.CONTACTPERSOON:
            werkt_voor = draw(
                st.none() | st.uuids().map(str).filter(lambda u: u not in (eigen, ZONDER_UUID))
            )
            verwijzing = None if werkt_voor is None else organisatie_ref(werkt_voor)
            if verwijzing is not None and vorm == "verzoek":
                del verwijzing["url"]
            identificatie["werkteVoorPartij"] = verwijzing
        identificatie["contactnaam"] = contactnaam or None
        if vorm == "antwoord":
            identificatie["volledigeNaam"] = " ".join(
                contactnaam[lid]
                for lid in ("voornaam", "voorvoegselAchternaam", "achternaam")
                if lid in contactnaam
            )
        record["partijIdentificatie"] = identificatie
    if vorm == "antwoord":
        record["_expand"] = {"digitaleAdressen": []}
    return record


@given(
    st.sampled_from(["verzoek", "antwoord"]).flatmap(
        lambda vorm: st.tuples(st.just(vorm), partijen_met_kenmerken(vorm))
    )
)
def test_a_partij_read_and_written_again_is_the_same_partij(
    vorm_en_partij: tuple[Any, dict[str, Any]],
) -> None:
    vorm, record = vorm_en_partij
    if vorm == "verzoek":
        assert [] == verzoekfouten("klantinteracties", "post", "/partijen", record)
    else:
        assert [] == fouten("klantinteracties", "ExpandPartij", record, richting="antwoord")
    registratie = _gelezen(record, Gemeentecode("0363"))
    zoals = Klant(ZONDER_UUID, "0363", "K1")  # what a request does not give: an id

    terug = klantinteracties.naar_partij(_klant(registratie, zoals), vorm=vorm)

    assert record == terug
    assert Partijsoort(record["soortPartij"]) is registratie.kenmerken.soort
    assert (record["indicatieActief"], record.get("indicatieGeheimhouding")) == (
        registratie.kenmerken.actief,
        registratie.kenmerken.geheimhouding,
    )


def test_a_klant_without_soort_reads_back_with_the_soort_it_was_written_as() -> None:
    zonder = klant(Kenmerken(actief=False), Klantgegevens(bedrijfsnaam="Jansen Bouw"))
    registratie = _gelezen(
        klantinteracties.naar_partij(zonder, vorm="antwoord", basis_url=BASIS), Gemeentecode("0363")
    )
    assert attrs.evolve(zonder.kenmerken, soort=Partijsoort.ORGANISATIE) == registratie.kenmerken
