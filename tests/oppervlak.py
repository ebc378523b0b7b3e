"""The library's public surface, as calls the hardening sweeps can make with one argument
replaced (issue 11).

:data:`AANROEPEN` holds, for every public function, method and constructor, a way to
call it and keyword arguments that make a valid call. A sweep replaces one argument at a
time with a hostile value. :func:`publieke_parameters` lists what the package exports, so
a test can check that the table misses none of it.
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import inspect
import io
import json
import tempfile
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

import klantregister
from gemachtigd import als
from klantregister import (
    Adres,
    ANummer,
    Authenticatie,
    Betrouwbaarheidsniveau,
    Bsn,
    BuitenlandsNummer,
    BulkResultaat,
    Gemeentecode,
    Identificatie,
    Kenmerken,
    Klant,
    Klantgegevens,
    KlantRegister,
    KvkNummer,
    Overname,
    Registratie,
    Rsin,
    SqliteRepository,
    SubjectUrl,
    Vertegenwoordiging,
    Vertegenwoordigingsgrondslag,
    Vestigingsnummer,
    check,
    formats,
)
from klantregister.formats import kanoniek, klanten_v1, klantinteracties

BSN = "111222333"
ANDER_BSN = "123456782"
A_NUMMER = "1234567890"
RSIN = "002564440"
AMSTERDAM = "0363"
DIGID = Authenticatie("substantieel", "DigiD")
SLEUTEL = bytes(range(32))
VERWERKING: dict[str, object] = {
    "id": uuid.UUID(int=2),
    "handeling": "raadplegen",
    "tijdstip": datetime.datetime(2026, 12, 2, 12, tzinfo=datetime.timezone.utc),
    "gemeente": AMSTERDAM,
    "klant_id": uuid.UUID(int=1),
    "betrokkene": "a" * 64,
    "betrokkene_soort": "bsn",
    "niveau": "hoog",
    "middel": "DigiD",
    "subject": "b" * 64,
    "namens": "c" * 64,
    "grondslag": "curatele",
    "overname": None,
    "doel": "behandeling aanvraag",
    "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
}

#: Examples per case of a sweep: the profile's, at most 100. A sweep has a case per
#: argument of the whole surface (some 900 between them), so the CI profile's 400 each
#: would add minutes and find little more than 100 do.
SWEEP_VOORBEELDEN = min(settings().max_examples, 100)

#: Values no caller should give, and some that look almost right.
vijandig = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.just(2**63),
    st.just(-(2**63) - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        ["", " ", "\x00", "a\x00b", "\ud800", "\udcff", BSN, f"x{BSN}", A_NUMMER, AMSTERDAM]
    ),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.tuples(st.text(max_size=5), st.text(max_size=5)),
    st.just(object()),
    st.just(uuid.uuid4()),
    st.just(io.BytesIO(b"")),
)


def persoon() -> Identificatie:
    return Identificatie.natuurlijk_persoon(bsn=BSN, a_nummer=A_NUMMER)


def een_klant() -> Klant:
    """An aangehaakte klant, as a register returns one, that every format can write."""
    return KlantRegister().registreer(
        AMSTERDAM,
        Klantgegevens(voornaam="Anna", website_url="https://www.amsterdam.nl"),
        Identificatie.natuurlijk_persoon(bsn=BSN),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn=BSN), DIGID),
    )


class _Doel:
    """Stands for the klant a register method works on: :func:`met_register` puts its id in."""

    def __repr__(self) -> str:
        return "<de klant>"


DOEL = _Doel()
#: In place of the id of the register's zelfstandige klant (met_register's second).
ZELFSTANDIG = _Doel()


def met_register(methode: str) -> Callable[..., object]:
    """Call ``methode`` of a new register holding one aangehaakte klant (its id for DOEL)."""

    def roep(**argumenten: object) -> object:
        register = KlantRegister()
        klant = register.registreer(AMSTERDAM, None, persoon(), authenticatie=als(persoon(), DIGID))
        zelfstandig = register.registreer(AMSTERDAM, Klantgegevens(achternaam="Jansen"))
        for naam, waarde in argumenten.items():
            if waarde is DOEL:
                argumenten[naam] = klant.id
            elif waarde is ZELFSTANDIG:
                argumenten[naam] = zelfstandig.id
        return getattr(register, methode)(**argumenten)

    return roep


def lijst(functie: Callable[..., Iterator[object]]) -> Callable[..., object]:
    """Run a generator function to its end: its faults come out while it is read."""
    return lambda **argumenten: list(functie(**argumenten))


def bestand(functie: Callable[..., object]) -> Callable[..., object]:
    """A writer given a fresh text buffer unless the sweep puts something else there."""
    return lambda **argumenten: functie(**{"bestand": io.StringIO(), **argumenten})


V1_RECORD = {"bronorganisatie": RSIN, "klantnummer": "K1", "subjectType": ""}
PARTIJ_RECORD = {"soortPartij": "persoon", "indicatieActief": True}

#: Per public callable: how to call it, and keyword arguments of a valid call. Each
#: parameter named by :func:`publieke_parameters` that is not in the valid call either has
#: a default or is in :data:`ZONDER_WAARDE`.
AANROEPEN: dict[str, tuple[Callable[..., object], dict[str, object]]] = {
    "ANummer": (ANummer, {"waarde": A_NUMMER}),
    "Adres": (Adres, {}),
    "Authenticatie": (
        Authenticatie,
        {
            "niveau": "hoog",
            "middel": "DigiD Machtigen",
            "subject": ANDER_BSN,
            "namens": Vertegenwoordiging(BSN, "ouderlijk_gezag"),
        },
    ),
    "Overname": (
        Overname,
        {
            "bron": "https://klanten.example.nl/api/v1",
            "oorspronkelijk_niveau": "substantieel",
            "toelichting": "migratie",
        },
    ),
    "Vertegenwoordiging": (
        Vertegenwoordiging,
        {"vertegenwoordigde": Rsin(RSIN), "grondslag": "functionaris", "machtiging": "EH-dienst 7"},
    ),
    "Vertegenwoordigingsgrondslag.parse": (
        Vertegenwoordigingsgrondslag.parse,
        {"value": "curatele"},
    ),
    "Betrouwbaarheidsniveau.parse": (Betrouwbaarheidsniveau.parse, {"value": "hoog"}),
    "Bsn": (Bsn, {"waarde": BSN}),
    "Bsn.is_valid": (Bsn.is_valid, {"value": BSN}),
    "Bsn.parse": (Bsn.parse, {"value": BSN}),
    "BuitenlandsNummer": (
        BuitenlandsNummer,
        {"land": "BE", "register": "Rijksregister", "nummer": "85073003328"},
    ),
    "BuitenlandsNummer.is_valid": (
        BuitenlandsNummer.is_valid,
        {"land": "BE", "register": "Rijksregister", "nummer": "85073003328"},
    ),
    "BulkResultaat": (BulkResultaat, {"geregistreerd": (), "geweigerd": ()}),
    "Gemeentecode": (Gemeentecode, {"waarde": AMSTERDAM}),
    "Gemeentecode.parse": (Gemeentecode.parse, {"value": AMSTERDAM}),
    "Gemeentecode.is_valid": (Gemeentecode.is_valid, {"value": AMSTERDAM}),
    "Gemeentecode.compact": (Gemeentecode.compact, {"value": AMSTERDAM}),
    "Identificatie": (Identificatie, {"soort": "natuurlijk_persoon", "bsn": BSN}),
    "Identificatie.natuurlijk_persoon": (Identificatie.natuurlijk_persoon, {"bsn": BSN}),
    "Identificatie.niet_natuurlijk_persoon": (
        Identificatie.niet_natuurlijk_persoon,
        {"rsin": RSIN},
    ),
    "Kenmerken": (Kenmerken, {}),
    "MemoryRepository": (klantregister.MemoryRepository, {}),
    "Klant": (Klant, {"id": uuid.uuid4(), "gemeente": AMSTERDAM, "klantnummer": "K1"}),
    "KlantRegister": (KlantRegister, {}),
    "KlantRegister.open": (KlantRegister.open, {"url": "memory://"}),
    "KlantRegister.registreer": (met_register("registreer"), {"gemeente": AMSTERDAM}),
    "KlantRegister.registreer_alle": (met_register("registreer_alle"), {"registraties": []}),
    "KlantRegister.vind_of_registreer": (
        met_register("vind_of_registreer"),
        {
            "gemeente": AMSTERDAM,
            "identificatie": Identificatie.natuurlijk_persoon(bsn=ANDER_BSN),
            "klantgegevens": Klantgegevens(voornaam="Anna"),
            "authenticatie": Authenticatie("hoog", "DigiD", subject=ANDER_BSN),
        },
    ),
    "KlantRegister.wijzig_klantgegevens": (
        met_register("wijzig_klantgegevens"),
        {"klant_id": DOEL, "klantgegevens": None},
    ),
    "KlantRegister.wijzig_kenmerken": (
        met_register("wijzig_kenmerken"),
        {"klant_id": DOEL, "kenmerken": Kenmerken(actief=False)},
    ),
    "KlantRegister.corrigeer_identificatie": (
        met_register("corrigeer_identificatie"),
        {
            "klant_id": DOEL,
            "identificatie": Identificatie.natuurlijk_persoon(bsn=ANDER_BSN),
            "authenticatie": Authenticatie("substantieel", "DigiD", subject=ANDER_BSN),
        },
    ),
    "KlantRegister.werk_bij": (
        met_register("werk_bij"),
        {"klant_id": DOEL, "klantgegevens": None, "identificatie": persoon()},
    ),
    "KlantRegister.verwijder": (
        met_register("verwijder"),
        {"klant_id": DOEL, "negeer_bewaartermijn": True},
    ),
    "KlantRegister.voeg_samen": (
        met_register("voeg_samen"),
        {
            "behouden": DOEL,
            "opgaan": ZELFSTANDIG,
            "authenticatie": Authenticatie("hoog", "DigiD", subject=BSN),
            "klantgegevens": Klantgegevens(voornaam="Anna"),
            "versies": (1, 1),
        },
    ),
    "KlantRegister.bewaar_tot": (
        met_register("bewaar_tot"),
        {"klant_id": DOEL, "bewaren_tot": datetime.date(2030, 1, 1), "versie": 1},
    ),
    "KlantRegister.verwijder_verlopen": (
        met_register("verwijder_verlopen"),
        {"peildatum": datetime.date(2026, 12, 3)},
    ),
    "KlantRegister.zoek_op_gegevens": (
        met_register("zoek_op_gegevens"),
        {
            "gemeente": AMSTERDAM,
            "achternaam": "Jansen",
            "emailadres": "jansen@example.nl",
            "telefoonnummer": "06-12345678",
            "postcode": "1234 AB",
            "huisnummer": 7,
        },
    ),
    "KlantRegister.get": (met_register("get"), {"klant_id": DOEL}),
    "KlantRegister.zoek": (met_register("zoek"), {"identificator": BSN, "gemeente": AMSTERDAM}),
    "KlantRegister.to_records": (met_register("to_records"), {}),
    "KlantRegister.verstrek": (
        met_register("verstrek"),
        {"klant_id": DOEL, "authenticatie": Authenticatie("hoog", "DigiD", subject=BSN)},
    ),
    "KlantRegister.verwerkingen": (met_register("verwerkingen"), {"klant_id": DOEL}),
    "LoggingLogboek": (klantregister.LoggingLogboek, {"logger": "klantregister.test"}),
    "Pseudonimisering": (klantregister.Pseudonimisering, {"sleutel": SLEUTEL}),
    "Pseudonimisering.pseudoniem": (
        klantregister.Pseudonimisering(SLEUTEL).pseudoniem,
        {"identificator": Bsn(BSN)},
    ),
    "Verwerking": (klantregister.Verwerking, VERWERKING),
    "Verwerking.van": (
        klantregister.Verwerking.van,
        {
            "handeling": "vastleggen",
            "gemeente": Gemeentecode(AMSTERDAM),
            "klant_id": uuid.UUID(int=1),
            "betrokkene": Bsn(BSN),
            "herkomst": Authenticatie("hoog", subject=BSN),
            "pseudonimisering": klantregister.Pseudonimisering(SLEUTEL),
        },
    ),
    "Verwerking.als_ldv": (
        lambda: klantregister.Verwerking(**VERWERKING).als_ldv(),  # type: ignore[arg-type]
        {},
    ),
    "verwerkingsdoel": (
        klantregister.verwerkingsdoel,
        {"doel": "behandeling aanvraag", "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"},
    ),
    "KlantRegister.__contains__": (met_register("__contains__"), {"klant_id": DOEL}),
    "Klantgegevens": (Klantgegevens, {}),
    "KvkNummer": (KvkNummer, {"waarde": "12345678"}),
    "PostgresRepository": (klantregister.PostgresRepository, {"dsn": ""}),
    "Registratie": (Registratie, {"gemeente": AMSTERDAM}),
    "Rsin": (Rsin, {"waarde": RSIN}),
    "SqliteRepository": (SqliteRepository, {"pad": ":memory:"}),
    "SubjectUrl": (SubjectUrl, {"waarde": "https://brp.example.nl/ingeschrevenpersonen/1"}),
    "SubjectUrl.parse": (SubjectUrl.parse, {"value": "https://example.nl/x"}),
    "SubjectUrl.is_valid": (SubjectUrl.is_valid, {"value": "https://example.nl/x"}),
    "Vestigingsnummer": (Vestigingsnummer, {"waarde": "000012345678"}),
    # formats
    "Gelezen": (formats.Gelezen, {"positie": 1, "regel": 1, "id": None, "registratie": None}),
    "Probleem": (formats.Probleem, {"veld": "x", "soort": "ongeldig", "melding": "m"}),
    "Record": (formats.Record, {"positie": 1, "regel": 1, "waarde": {}}),
    "decodeer_regel": (formats.decodeer_regel, {"tekst": "{}"}),
    "gemeente_tabel": (formats.gemeente_tabel, {"gemeenten": AMSTERDAM}),
    "lees_records": (lijst(formats.lees_records), {"bron": io.StringIO("[]")}),
    "schrijf_regels": (bestand(formats.schrijf_regels), {"waarden": [{}]}),
    "klanten_v1.kern": (
        klanten_v1.kern,
        {"record": V1_RECORD, "gemeenten": Gemeentecode(AMSTERDAM)},
    ),
    "klanten_v1.lees": (
        lijst(klanten_v1.lees),
        {"bron": io.StringIO("[]"), "gemeenten": AMSTERDAM},
    ),
    "klanten_v1.lees_klant": (
        klanten_v1.lees_klant,
        {"record": V1_RECORD, "gemeenten": AMSTERDAM},
    ),
    "klanten_v1.lezer": (klanten_v1.lezer, {"gemeenten": AMSTERDAM}),
    "klanten_v1.lezer()": (
        lambda **a: klanten_v1.lezer(AMSTERDAM)(a["record"], a["positie"], a["regel"]),
        {"record": V1_RECORD, "positie": 1, "regel": 1},
    ),
    "klanten_v1.naar_v1": (klanten_v1.naar_v1, {"klant": een_klant(), "bronorganisatie": RSIN}),
    "klanten_v1.schrijf": (
        bestand(klanten_v1.schrijf),
        {"klanten": [een_klant()], "bronorganisatie": RSIN},
    ),
    "klanten_v1.schrijf_pagina": (
        bestand(klanten_v1.schrijf_pagina),
        {"klanten": [een_klant()], "bronorganisatie": RSIN},
    ),
    "klanten_v1.schrijver": (klanten_v1.schrijver, {"bronorganisatie": RSIN}),
    "klanten_v1.schrijver()": (
        lambda **a: klanten_v1.schrijver(bronorganisatie=RSIN)(a["klant"]),
        {"klant": een_klant()},
    ),
    "klantinteracties.digitale_adressen": (
        klantinteracties.digitale_adressen,
        {"klant": een_klant()},
    ),
    "klantinteracties.lees": (
        lijst(klantinteracties.lees),
        {"bron": io.StringIO("[]"), "gemeenten": AMSTERDAM},
    ),
    "klantinteracties.lees_partij": (
        klantinteracties.lees_partij,
        {"record": PARTIJ_RECORD, "gemeenten": AMSTERDAM},
    ),
    "klantinteracties.lezer": (klantinteracties.lezer, {"gemeenten": AMSTERDAM}),
    "klantinteracties.lezer()": (
        lambda **a: klantinteracties.lezer(AMSTERDAM)(a["record"], a["positie"], a["regel"]),
        {"record": PARTIJ_RECORD, "positie": 1, "regel": 1},
    ),
    "klantinteracties.naar_partij": (klantinteracties.naar_partij, {"klant": een_klant()}),
    "klantinteracties.niet_overgenomen": (
        klantinteracties.niet_overgenomen,
        {"klant": een_klant()},
    ),
    "klantinteracties.partij_identificatoren": (
        klantinteracties.partij_identificatoren,
        {"klant": een_klant(), "partij_uuid": uuid.uuid4()},
    ),
    "klantinteracties.schrijf": (bestand(klantinteracties.schrijf), {"klanten": [een_klant()]}),
    "klantinteracties.schrijf_pagina": (
        bestand(klantinteracties.schrijf_pagina),
        {
            "klanten": [een_klant()],
            "basis_url": "https://open-klant.example.nl/klantinteracties/api/v1",
        },
    ),
    "klantinteracties.schrijver": (klantinteracties.schrijver, {}),
    "klantinteracties.schrijver()": (
        lambda **a: klantinteracties.schrijver()(a["klant"]),
        {"klant": een_klant()},
    ),
    "klantinteracties.verzoeken": (klantinteracties.verzoeken, {"klant": een_klant()}),
    "klantinteracties.GelezenVertegenwoordigden": (
        klantinteracties.GelezenVertegenwoordigden,
        {"positie": 1, "regel": 1, "id": None, "vertegenwoordigden": None},
    ),
    "klantinteracties.Vertegenwoordigden": (
        klantinteracties.Vertegenwoordigden,
        {
            "vertegenwoordigende_partij": uuid.UUID(int=2),
            "vertegenwoordigde_partij": uuid.UUID(int=1),
        },
    ),
    "klantinteracties.lees_vertegenwoordigden": (
        klantinteracties.lees_vertegenwoordigden,
        {
            "record": {
                "vertegenwoordigendePartij": {"uuid": str(uuid.UUID(int=2))},
                "vertegenwoordigdePartij": {"uuid": str(uuid.UUID(int=1))},
            }
        },
    ),
    "klantinteracties.naar_vertegenwoordigden": (
        klantinteracties.naar_vertegenwoordigden,
        {
            # A child registered by a parent (ANDER_BSN), namens the child.
            "klant": Klant(
                uuid.UUID(int=1),
                AMSTERDAM,
                "1",
                Klantgegevens(voornaam="Sam"),
                Identificatie.natuurlijk_persoon(bsn=BSN),
                herkomst=Authenticatie(
                    "hoog",
                    "DigiD Machtigen",
                    subject=ANDER_BSN,
                    namens=Vertegenwoordiging(BSN, "ouderlijk_gezag"),
                ),
            ),
            "vertegenwoordiger_id": uuid.UUID(int=2),
        },
    ),
    "klantinteracties.niet_overgenomen_vertegenwoordiging": (
        klantinteracties.niet_overgenomen_vertegenwoordiging,
        {"klant": een_klant()},
    ),
    "klantinteracties.vertegenwoordiger": (
        klantinteracties.vertegenwoordiger,
        {"klant": een_klant()},
    ),
    "kanoniek.identificatie_naar_dict": (
        kanoniek.identificatie_naar_dict,
        {"identificatie": persoon()},
    ),
    "kanoniek.identificatie_uit_dict": (
        kanoniek.identificatie_uit_dict,
        {"data": kanoniek.identificatie_naar_dict(persoon())},
    ),
    "kanoniek.klantgegevens_naar_dict": (
        kanoniek.klantgegevens_naar_dict,
        {"gegevens": Klantgegevens(voornaam="Anna")},
    ),
    "kanoniek.klantgegevens_uit_dict": (kanoniek.klantgegevens_uit_dict, {"data": {}}),
    "kanoniek.lees": (lijst(kanoniek.lees), {"bron": io.StringIO("")}),
    "kanoniek.lezer": (kanoniek.lezer, {}),
    "kanoniek.lezer()": (
        lambda **a: kanoniek.lezer()(a["record"], a["positie"], a["regel"]),
        {"record": kanoniek.naar_dict(een_klant()), "positie": 1, "regel": 1},
    ),
    "kanoniek.naar_dict": (kanoniek.naar_dict, {"klant": een_klant()}),
    "kanoniek.regel": (kanoniek.regel, {"klant": een_klant()}),
    "kanoniek.uit_dict": (kanoniek.uit_dict, {"data": kanoniek.naar_dict(een_klant())}),
}


def deel(**argumenten: Any) -> list[tuple[int, klantregister.Klant]]:
    """A part of an empty SQLite register, read whole."""
    with contextlib.closing(SqliteRepository(":memory:")) as opslag:
        return list(opslag.deel(**argumenten))


AANROEPEN["SqliteRepository.deel"] = (
    deel,
    {"index": 0, "aantal": 2, "tot_en_met": 10, "blok": 3},
)


def van(maker: Callable[[], Any], methode: str) -> Callable[..., object]:
    """Call ``methode`` of a new object that ``maker`` makes."""

    def roep(**argumenten: object) -> object:
        return getattr(maker(), methode)(**argumenten)

    return roep


def gelezen() -> formats.Gelezen:
    return klanten_v1.lees_klant(
        {**V1_RECORD, "subjectType": "natuurlijk_persoon", "subjectIdentificatie": {"inpBsn": BSN}},
        gemeenten=AMSTERDAM,
    )


def rapport() -> check.Controlerapport:
    controle = check.Controle()
    controle.voeg_toe(gelezen(), "e.jsonl")
    return controle.rapport()


V1_INVOER = check.Invoer("klanten_v1", formats.gemeente_tabel(AMSTERDAM))


def controleer_bestand(**argumenten: Any) -> None:
    """A check of a file of one record, unless the sweep gives another ``bestand``."""
    with tempfile.TemporaryFile() as bestand:
        bestand.write(json.dumps(V1_RECORD).encode() + b"\n")
        bestand.seek(0)
        check.controleer_bestand(**{"bestand": bestand, **argumenten})


#: The check (``klantregister.check``, docs/api.md "The check").
AANROEPEN.update(
    {
        "check.Bevinding": (
            check.Bevinding,
            {
                "soort": check.Overtreding.LIMIET,
                "bron": "e.jsonl",
                "positie": 1,
                "regel": 1,
                "id": None,
                "veld": "voornaam",
                "melding": "te lang",
            },
        ),
        "check.Opmerking": (
            check.Opmerking,
            {"bron": "e.jsonl", "positie": 1, "regel": 1, "id": None, "veld": "x", "melding": "m"},
        ),
        "check.Regel1Groep": (
            check.Regel1Groep,
            {"gemeente": AMSTERDAM, "sleutels": ("bsn",), "records": (("e.jsonl", 1, None),)},
        ),
        "check.Controle": (check.Controle, {}),
        "check.Controle.voeg_toe": (
            van(check.Controle, "voeg_toe"),
            {"gelezen": gelezen(), "bron": "e.jsonl"},
        ),
        "check.Controle.voeg_kern_toe": (
            van(check.Controle, "voeg_kern_toe"),
            {
                "kern": (None, Gemeentecode(AMSTERDAM), (("bsn", BSN),), ()),
                "bron": "e.jsonl",
                "positie": 1,
                "regel": 1,
            },
        ),
        "check.Controle.voeg_samen": (
            van(check.Controle, "voeg_samen"),
            {"deel": check.Controle()},
        ),
        "check.Controlerapport": (
            check.Controlerapport,
            {"records": 0, "aangehaakt": 0, "zelfstandig": 0, "bevindingen": (), "groepen": ()},
        ),
        "check.Controlerapport.naar_dict": (van(rapport, "naar_dict"), {}),
        "check.Controlerapport.schrijf_json": (
            bestand(van(rapport, "schrijf_json")),
            {},
        ),
        "check.Invoer": (check.Invoer, {"formaat": "klanten_v1", "gemeenten": None}),
        "check.Stand": (check.Stand, {}),
        "check.Stand.zet": (van(check.Stand, "zet"), {"deel": 0, "records": 1, "gelezen": 10}),
        "check.controleer_bestand": (
            controleer_bestand,
            {"naam": "e.jsonl", "controle": check.Controle(), "invoer": V1_INVOER},
        ),
        "check.bruikbare_processoren": (check.bruikbare_processoren, {}),
    }
)

#: Every identifier's class methods take the text to check.
_NUMMERS = {
    "ANummer": (ANummer, A_NUMMER),
    "Bsn": (Bsn, BSN),
    "Gemeentecode": (Gemeentecode, AMSTERDAM),
    "KvkNummer": (KvkNummer, "12345678"),
    "Rsin": (Rsin, RSIN),
    "Vestigingsnummer": (Vestigingsnummer, "000012345678"),
}
for _naam, (_klasse, _waarde) in _NUMMERS.items():
    for _methode in ("compact", "is_valid", "parse", "validate"):
        AANROEPEN.setdefault(
            f"{_naam}.{_methode}", (getattr(_klasse, _methode), {"value": _waarde})
        )

_POORT = (
    "the storage port: the register calls it with the values it has checked (a UUID, a"
    " Gemeentecode, a Klant), as docs/api.md says under KlantRepository"
)
_POORTMETHODEN = (
    "__contains__",
    "add",
    "add_many",
    "add_with_next_klantnummer",
    "expired",
    "find",
    "find_by_gegevens",
    "get",
    "holder",
    "holders_many",
    "klantnummer_holder",
    "merged_into",
    "next_klantnummers",
    "note_merge",
    "remove",
    "replace",
    "schrijf_verwerkingen",
    "verwerkingen",
)

#: What a sweep leaves alone, and why.
ZONDER_WAARDE: dict[str, str] = {
    "KlantRepository": "a Protocol: it is implemented, not called",
    "Logboek": "a Protocol: it is implemented, not called",
    "Logboek.schrijf_verwerkingen": "a Protocol: it is implemented, not called",
    "Logboek.verwerkingen": "a Protocol: it is implemented, not called",
    "LoggingLogboek.schrijf_verwerkingen": _POORT,
    "LoggingLogboek.verwerkingen": "always refuses: a logging logboek cannot be read back",
    "PostgresRepository.deel": "SqliteRepository.deel's code (storage/delen.py), on a server",
    **{
        f"{adapter}.{methode}": _POORT
        for adapter in (
            "KlantRepository",
            "MemoryRepository",
            "SqliteRepository",
            "PostgresRepository",
        )
        for methode in _POORTMETHODEN
    },
}


def parameters(naam: str) -> list[str]:
    """The parameters of the callable :data:`AANROEPEN` names, from its signature."""
    return _parameters(_doel(naam)) if not naam.endswith("()") else list(AANROEPEN[naam][1])


def _doel(naam: str) -> Callable[..., object]:
    modules = {
        "klanten_v1": klanten_v1,
        "klantinteracties": klantinteracties,
        "kanoniek": kanoniek,
        "check": check,
    }
    delen = naam.split(".")
    houder: Any = modules.get(delen[0]) or getattr(klantregister, delen[0], None)
    if houder is None:
        houder = getattr(formats, delen[0])
    for deel in delen[1:]:
        houder = getattr(houder, deel)
    return houder  # type: ignore[no-any-return]


def _parameters(doel: Callable[..., object]) -> list[str]:
    return [
        naam
        for naam, parameter in inspect.signature(doel).parameters.items()
        if naam not in {"self", "cls"}
        and parameter.kind not in {parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD}
    ]


def publieke_parameters() -> Iterator[tuple[str, list[str]]]:
    """Every public function, constructor and method the package exports, with its parameters.

    Exceptions and enumerations are left out: an exception is raised, not given (its
    constructor is the library's business), and an enumeration's own call is Python's;
    the library takes an enumeration's text through its ``parse``, which is listed.
    """
    bronnen: list[tuple[str, Any]] = [
        ("", klantregister),
        ("", formats),
        ("klanten_v1.", klanten_v1),
        ("klantinteracties.", klantinteracties),
        ("kanoniek.", kanoniek),
        ("check.", check),
    ]
    for voorvoegsel, module in bronnen:
        for naam in module.__all__:
            waarde = getattr(module, naam)
            if inspect.isfunction(waarde):
                yield voorvoegsel + naam, _parameters(waarde)
            elif inspect.isclass(waarde) and waarde.__module__.startswith("klantregister"):
                if issubclass(waarde, BaseException):
                    continue
                if not issubclass(waarde, enum.Enum):
                    yield voorvoegsel + naam, _parameters(waarde)
                for methode in _methoden(waarde):
                    yield f"{voorvoegsel}{naam}.{methode}", _parameters(getattr(waarde, methode))


def _methoden(klasse: type) -> list[str]:
    """The public methods a class defines or inherits from the library (not from Python)."""
    gevonden = []
    for naam in dir(klasse):
        if naam.startswith("_") and naam != "__contains__":
            continue
        waarde = inspect.getattr_static(klasse, naam)
        functie = getattr(waarde, "__func__", waarde)
        if not inspect.isfunction(functie):
            continue
        if not functie.__module__.startswith("klantregister"):
            continue
        if _parameters(getattr(klasse, naam)):
            gevonden.append(naam)
    return gevonden


#: Every (callable, parameter) a sweep tries.
INGANGEN = sorted((naam, parameter) for naam in AANROEPEN for parameter in parameters(naam))

#: Where a path or a connection string belongs: an error names it as the user gave it (a
#: file named after a BSN is the user's own choice, not data of the register).
PADEN = frozenset(
    {
        ("lees_records", "bron"),
        ("klanten_v1.lees", "bron"),
        ("klantinteracties.lees", "bron"),
        ("kanoniek.lees", "bron"),
        ("SqliteRepository", "pad"),
        ("PostgresRepository", "dsn"),
    }
)
