"""The processing log and verstrekking (issue 12, points 4 and 5), on every storage.

Exactly one Verwerking per successful operation on identifying data, none for a refused
one; pseudonyms and masked text only, in the value, its repr and the stored table.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from klantregister import (
    Authenticatie,
    Betrouwbaarheidsniveau,
    Bsn,
    Handeling,
    Identificatie,
    KardinaliteitError,
    Klantgegevens,
    KlantNietGevondenError,
    KlantRegister,
    KvkNummer,
    LoggingLogboek,
    MachtigingError,
    OngeldigeLengteError,
    OngeldigFormaatError,
    OngeldigTypeError,
    OpslagError,
    Overname,
    Pseudonimisering,
    Registratie,
    VersieconflictError,
    Vertegenwoordiging,
    Verwerking,
    verwerkingsdoel,
)
from zichtbaar import toont_niet

AMSTERDAM = "0363"
BSN = "111222333"
ANDER_BSN = "123456782"
OUDER = "010000008"
A_NUMMER = "1234567890"
PERSOON = Identificatie.natuurlijk_persoon(bsn=BSN, a_nummer=A_NUMMER)
DIGID = Authenticatie("substantieel", "DigiD", subject=BSN)
TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
GEHEIM = (BSN, ANDER_BSN, OUDER, A_NUMMER)
SLEUTEL = bytes(range(32))


def handelingen(register: KlantRegister) -> list[tuple[Handeling, uuid.UUID | None]]:
    return [(v.handeling, v.klant_id) for v in register.verwerkingen()]


# --- one entry per operation ---------------------------------------------------------


def test_every_operation_on_identifying_data_writes_one_entry_and_nothing_else_does(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    persoon = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)
    zelfstandig = register.registreer(AMSTERDAM, Klantgegevens(voornaam="Zoë"))
    register.wijzig_klantgegevens(persoon.id, Klantgegevens(voornaam="Anna"))
    register.get(persoon.id)
    register.zoek(Bsn(BSN), AMSTERDAM)
    register.zoek(Bsn(ANDER_BSN), AMSTERDAM)  # found none: logged all the same
    nieuw = Identificatie.natuurlijk_persoon(bsn=ANDER_BSN)
    register.corrigeer_identificatie(
        persoon.id, nieuw, authenticatie=Authenticatie("hoog", subject=ANDER_BSN)
    )
    register.werk_bij(persoon.id, Klantgegevens(voornaam="An"), nieuw)  # the same: no entry
    register.verstrek(persoon.id, Authenticatie("hoog", "DigiD", subject=ANDER_BSN))
    bulk = register.registreer_alle(
        [
            Registratie(
                AMSTERDAM,
                None,
                Identificatie.natuurlijk_persoon(bsn=OUDER),
                overname=Overname("klanten.jsonl"),
            ),
            Registratie(AMSTERDAM),
        ]
    )
    register.verwijder(zelfstandig.id)  # no identifying data: no entry
    register.verwijder(persoon.id)

    assert [
        (Handeling.VASTLEGGEN, persoon.id),
        (Handeling.RAADPLEGEN, persoon.id),
        (Handeling.RAADPLEGEN, None),
        (Handeling.CORRIGEREN, persoon.id),
        (Handeling.VERSTREKKEN, persoon.id),
        (Handeling.VASTLEGGEN, bulk.geregistreerd[0].id),
        (Handeling.WISSEN, persoon.id),
    ] == handelingen(register)
    # A klant's own entries: the lookup that found none is nobody's.
    assert [
        Handeling.VASTLEGGEN,
        Handeling.RAADPLEGEN,
        Handeling.CORRIGEREN,
        Handeling.VERSTREKKEN,
        Handeling.WISSEN,
    ] == [v.handeling for v in register.verwerkingen(klant_id=persoon.id)]


def test_a_merge_is_logged_with_the_authentication_it_was_done_on(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    klant = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)
    zelf = register.registreer(AMSTERDAM, Klantgegevens(emailadres="an@example.nl"))
    bij_de_balie = Authenticatie("hoog", "eIDAS", subject=BSN)

    register.voeg_samen(klant.id, zelf.id, authenticatie=bij_de_balie)

    (samen,) = [v for v in register.verwerkingen() if v.handeling is Handeling.SAMENVOEGEN]
    # The klant's identificatie was recorded with DigiD; the merge was confirmed with eIDAS.
    assert (klant.id, "eIDAS", Betrouwbaarheidsniveau.HOOG) == (
        samen.klant_id,
        samen.middel,
        samen.niveau,
    )


def test_a_refused_operation_writes_no_entry(maak_register: Callable[..., KlantRegister]) -> None:
    register = maak_register()
    klant = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)
    voor = handelingen(register)
    ander = Authenticatie("hoog", subject=ANDER_BSN)
    pogingen: list[tuple[type[Exception], Callable[[], object]]] = [
        (
            KardinaliteitError,
            lambda: register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID),
        ),
        (
            MachtigingError,
            lambda: register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=ander),
        ),
        (MachtigingError, lambda: register.verstrek(klant.id, ander)),
        (MachtigingError, lambda: register.verstrek(klant.id, Authenticatie("laag", subject=BSN))),
        (
            MachtigingError,
            lambda: register.corrigeer_identificatie(klant.id, PERSOON, authenticatie=ander),
        ),
        (VersieconflictError, lambda: register.verwijder(klant.id, versie=7)),
    ]
    for fout, poging in pogingen:
        with pytest.raises(fout):
            poging()
    assert voor == handelingen(register)


def test_a_bulk_batch_logs_each_klant_with_an_identificatie_in_its_transaction(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    bsns = [f"{n:08d}" for n in range(100, 130)]
    geldig = [b + str(c) for b in bsns for c in range(10) if Bsn.is_valid(b + str(c))][:20]
    resultaat = register.registreer_alle(
        [
            Registratie(
                AMSTERDAM,
                None,
                Identificatie.natuurlijk_persoon(bsn=bsn),
                authenticatie=Authenticatie("hoog", subject=bsn),
            )
            for bsn in [*geldig, geldig[0]]  # the last one is refused (rule 1)
        ],
        batchgrootte=7,
    )
    assert (20, 1) == (len(resultaat.geregistreerd), len(resultaat.geweigerd))
    assert [(Handeling.VASTLEGGEN, k.id) for k in resultaat.geregistreerd] == handelingen(register)


# --- what an entry holds --------------------------------------------------------------


def test_an_entry_holds_pseudonyms_the_purpose_and_the_trace(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register(logsleutel=SLEUTEL)
    ouder = Authenticatie(
        "hoog",
        "DigiD Machtigen 010000008",
        subject=OUDER,
        namens=Vertegenwoordiging(BSN, "ouderlijk_gezag", machtiging="M-1"),
    )
    with verwerkingsdoel("aanvraag 111222333 parkeervergunning", trace_id=TRACE):
        klant = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=ouder)

    (verwerking,) = register.verwerkingen()
    pseudoniem = Pseudonimisering(SLEUTEL).pseudoniem
    assert (
        Handeling.VASTLEGGEN,
        klant.id,
        pseudoniem(Bsn(BSN)),
        "bsn",
        pseudoniem(Bsn(OUDER)),
        pseudoniem(Bsn(BSN)),
        "ouderlijk_gezag",
        "DigiD Machtigen ******008",
        "aanvraag ******333 parkeervergunning",
        TRACE,
    ) == (
        verwerking.handeling,
        verwerking.klant_id,
        verwerking.betrokkene,
        verwerking.betrokkene_soort,
        verwerking.subject,
        verwerking.namens,
        verwerking.grondslag.value if verwerking.grondslag else None,
        verwerking.middel,
        verwerking.doel,
        verwerking.trace_id,
    )
    assert toont_niet(BSN, repr(verwerking), json.dumps(verwerking.als_ldv()))
    assert toont_niet(OUDER, repr(verwerking), json.dumps(verwerking.als_ldv()))


@pytest.mark.storage
@pytest.mark.parametrize("soort", ["sqlite", "postgresql"])
def test_the_stored_log_holds_no_bsn_or_a_nummer(
    tmp_path: Path, soort: str, request: pytest.FixtureRequest
) -> None:
    pad = tmp_path / "klanten.db"
    url = (
        f"sqlite:///{pad}"
        if soort == "sqlite"
        else str(request.getfixturevalue("postgres_schema_url"))
    )
    with KlantRegister.open(url) as register:
        ouder = Authenticatie(
            "hoog", "DigiD 123456782", subject=OUDER, namens=Vertegenwoordiging(BSN, "curatele")
        )
        with verwerkingsdoel("bezwaar van 1234567890"):
            klant = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=ouder)
            register.zoek(A_NUMMER, AMSTERDAM)
            register.verstrek(klant.id, ouder)
            register.registreer(
                AMSTERDAM,
                identificatie=Identificatie.natuurlijk_persoon(bsn=ANDER_BSN),
                overname=Overname("export-123456782.json", toelichting="van 111222333"),
            )
            register.verwijder(klant.id)
    if soort == "sqlite":
        with contextlib.closing(sqlite3.connect(pad)) as verbinding:
            rijen = verbinding.execute("SELECT * FROM verwerking").fetchall()
    else:
        import psycopg  # noqa: PLC0415 - only with the server

        with psycopg.connect(url) as verbinding:
            rijen = verbinding.execute("SELECT * FROM verwerking").fetchall()
    assert 5 == len(rijen)
    assert [] == [n for n in GEHEIM if not toont_niet(n, *(repr(r) for r in rijen))]


def test_a_person_s_entries_are_found_by_their_number_after_the_klant_is_erased(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    klant = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)
    register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn=ANDER_BSN),
        authenticatie=Authenticatie("hoog", subject=ANDER_BSN),
    )
    register.verwijder(klant.id)

    gevonden = [(v.handeling, v.klant_id) for v in register.verwerkingen(betrokkene=Bsn(BSN))]
    assert [(Handeling.VASTLEGGEN, klant.id), (Handeling.WISSEN, klant.id)] == gevonden


@pytest.mark.storage
def test_the_pseudonyms_depend_on_the_key(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    with KlantRegister.open(url) as register:
        register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)
    with KlantRegister.open(url) as opnieuw:  # the database's own key, kept
        eigen = [v.betrokkene for v in opnieuw.verwerkingen(betrokkene=Bsn(BSN))]
    with KlantRegister.open(url, logsleutel=SLEUTEL) as ander:
        met_andere_sleutel = list(ander.verwerkingen(betrokkene=Bsn(BSN)))
    assert (1, []) == (len(eigen), met_andere_sleutel)
    assert Pseudonimisering(SLEUTEL).pseudoniem(Bsn(BSN)) != eigen[0]


# --- verstrekking ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("authenticatie", "melding"),
    [
        (Authenticatie("hoog", subject=ANDER_BSN), "dekt deze identificatie"),
        (Authenticatie("laag", subject=BSN), "niveau substantieel, niet laag"),
        (Authenticatie("hoog"), "subject"),
        (
            Authenticatie("hoog", subject=OUDER, namens=Vertegenwoordiging(ANDER_BSN, "bewind")),
            "dekt deze identificatie",
        ),
    ],
)
def test_verstrek_refuses_an_authentication_that_does_not_cover_the_klant(
    maak_register: Callable[..., KlantRegister], authenticatie: Authenticatie, melding: str
) -> None:
    register = maak_register(vereis_subject=False)
    klant = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)

    with pytest.raises(MachtigingError, match=melding) as fout:
        register.verstrek(klant.id, authenticatie)
    assert toont_niet(BSN, str(fout.value))
    assert toont_niet(ANDER_BSN, str(fout.value))


@pytest.mark.parametrize(
    "authenticatie",
    [
        Authenticatie("substantieel", subject=A_NUMMER),
        Authenticatie("hoog", subject=OUDER, namens=Vertegenwoordiging(BSN, "curatele")),
    ],
)
def test_verstrek_hands_out_the_klant_to_whom_it_covers(
    maak_register: Callable[..., KlantRegister], authenticatie: Authenticatie
) -> None:
    register = maak_register()
    klant = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)
    assert klant == register.verstrek(str(klant.id), authenticatie)


@pytest.mark.unit
def test_verstrek_refuses_a_zelfstandige_klant_an_unknown_one_and_a_wrong_type() -> None:
    register = KlantRegister()
    zelfstandig = register.registreer(AMSTERDAM, Klantgegevens(voornaam="Zoë"))
    with pytest.raises(MachtigingError, match="zelfstandige klant"):
        register.verstrek(zelfstandig.id, DIGID)
    with pytest.raises(KlantNietGevondenError):
        register.verstrek(uuid.uuid4(), DIGID)
    with pytest.raises(OngeldigTypeError):
        register.verstrek(zelfstandig.id, None)  # type: ignore[arg-type]
    assert [] == handelingen(register)


@pytest.mark.unit
def test_an_organisation_is_handed_to_its_functionary() -> None:
    register = KlantRegister()
    bedrijf = Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938")
    functionaris = Authenticatie(
        "substantieel",
        "eHerkenning",
        subject=BSN,
        namens=Vertegenwoordiging(KvkNummer("69046938"), "functionaris"),
    )
    klant = register.registreer(AMSTERDAM, identificatie=bedrijf, authenticatie=functionaris)
    assert klant == register.verstrek(klant.id, functionaris)


# --- the logging logboek and the settings ----------------------------------------------


@pytest.mark.unit
def test_a_logging_logboek_emits_each_entry_and_cannot_be_read(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="klantregister.verwerkingen")
    register = KlantRegister(logboek=LoggingLogboek())
    klant = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)

    (record,) = [r for r in caplog.records if r.name == "klantregister.verwerkingen"]
    verwerking: Any = record.__dict__["verwerking"]
    assert ("vastleggen", str(klant.id)) == (
        verwerking["name"],
        verwerking["attributes"]["klantregister.klant_id"],
    )
    assert toont_niet(BSN, record.getMessage(), json.dumps(verwerking))
    with pytest.raises(OpslagError, match="niet worden gelezen"):
        register.verwerkingen()


@pytest.mark.unit
@pytest.mark.parametrize(
    ("maak", "fout"),
    [
        (lambda: KlantRegister(logsleutel=b"kort"), OngeldigeLengteError),
        (lambda: KlantRegister(logsleutel="geheim"), OngeldigTypeError),
        (lambda: KlantRegister(logboek="logboek.txt"), OngeldigTypeError),
        (lambda: verwerkingsdoel("x", trace_id="00"), OngeldigFormaatError),
        (lambda: verwerkingsdoel("x", trace_id="0" * 32), OngeldigFormaatError),
        (lambda: verwerkingsdoel("x" * 201), OngeldigeLengteError),
        (lambda: verwerkingsdoel("twee\nregels"), OngeldigFormaatError),
        (lambda: LoggingLogboek(logger=7), OngeldigTypeError),  # type: ignore[arg-type]
    ],
)
def test_a_wrong_setting_is_refused(maak: Callable[[], object], fout: type[Exception]) -> None:
    with pytest.raises(fout):
        maak()


@pytest.mark.unit
def test_the_purpose_holds_only_inside_its_block_and_its_thread() -> None:
    import threading  # noqa: PLC0415

    register = KlantRegister()
    with verwerkingsdoel("intern onderzoek"):
        # A thread of its own starts without the purpose.
        draad = threading.Thread(target=lambda: register.zoek(Bsn(BSN), AMSTERDAM))
        draad.start()
        draad.join()
        register.zoek(Bsn(BSN), AMSTERDAM)
    register.zoek(Bsn(BSN), AMSTERDAM)
    assert [None, "intern onderzoek", None] == [v.doel for v in register.verwerkingen()]


@pytest.mark.unit
def test_an_entry_refuses_what_is_no_pseudonym() -> None:
    from oppervlak import VERWERKING  # noqa: PLC0415

    with pytest.raises(OngeldigFormaatError, match="pseudoniem"):
        Verwerking(**{**VERWERKING, "betrokkene": BSN})  # type: ignore[arg-type]


# --- found by review ------------------------------------------------------------------


@pytest.mark.storage
def test_the_key_of_the_pseudonyms_survives_a_rolled_back_first_operation(tmp_path: Path) -> None:
    from klantregister import SqliteRepository  # noqa: PLC0415

    url = f"sqlite:///{tmp_path / 'klanten.db'}"
    opslag = SqliteRepository(tmp_path / "klanten.db")
    register = KlantRegister(opslag)

    def teruggedraaid() -> None:
        with opslag.transaction():
            register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)
            raise ZeroDivisionError  # the caller's transaction rolls back

    with pytest.raises(ZeroDivisionError):
        teruggedraaid()
    ander = Identificatie.natuurlijk_persoon(bsn=ANDER_BSN)
    register.registreer(
        AMSTERDAM, identificatie=ander, authenticatie=Authenticatie("hoog", subject=ANDER_BSN)
    )
    register.close()

    with KlantRegister.open(url) as opnieuw:
        assert 1 == len(list(opnieuw.verwerkingen(betrokkene=Bsn(ANDER_BSN))))


@pytest.mark.unit
def test_one_verwerkingsdoel_may_be_entered_by_several_threads_at_once() -> None:
    import threading  # noqa: PLC0415

    from klantregister.domain import huidige_context  # noqa: PLC0415

    doel = verwerkingsdoel("gedeeld")
    # The first thread enters first and leaves first, while the second is still inside.
    eerste_binnen, tweede_binnen, eerste_buiten = (threading.Event() for _ in range(3))
    fouten: list[BaseException] = []
    gezien: list[object] = []

    def eerste() -> None:
        try:
            with doel:
                eerste_binnen.set()
                tweede_binnen.wait(timeout=10)
                gezien.append(huidige_context()[0])
            gezien.append(huidige_context()[0])
        except BaseException as fout:
            fouten.append(fout)
        finally:
            eerste_buiten.set()

    def tweede() -> None:
        try:
            eerste_binnen.wait(timeout=10)
            with doel:
                tweede_binnen.set()
                eerste_buiten.wait(timeout=10)
                gezien.append(huidige_context()[0])
            gezien.append(huidige_context()[0])
        except BaseException as fout:
            fouten.append(fout)

    draden = [threading.Thread(target=eerste), threading.Thread(target=tweede)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert ([], 2, 2) == (fouten, gezien.count("gedeeld"), gezien.count(None))


@pytest.mark.unit
@pytest.mark.parametrize(
    ("identificatie", "grondslag"),
    [
        (
            Identificatie.natuurlijk_persoon(buitenlands=("BE", "Rijksregister", "85073003328")),
            "functionaris",
        ),
        (
            Identificatie.niet_natuurlijk_persoon(buitenlands=("DE", "Handelsregister", "HRB 1")),
            "curatele",
        ),
    ],
)
def test_a_ground_that_does_not_fit_a_foreign_subject_s_soort_is_refused(
    identificatie: Identificatie, grondslag: str
) -> None:
    assert identificatie.buitenlands is not None
    vertegenwoordiging = Vertegenwoordiging(identificatie.buitenlands, grondslag)
    namens = Authenticatie("hoog", subject=BSN, namens=vertegenwoordiging)
    register = KlantRegister()
    with pytest.raises(MachtigingError, match="vertegenwoordiging van een"):
        register.registreer(AMSTERDAM, identificatie=identificatie, authenticatie=namens)
    assert 0 == len(register)


@pytest.mark.unit
def test_vind_of_registreer_hands_out_no_klant_the_authentication_does_not_cover() -> None:
    register = KlantRegister()
    slachtoffer = register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)
    # One's own BSN beside the other's A-nummer: the A-nummer finds the other's klant.
    gemengd = Identificatie.natuurlijk_persoon(bsn=ANDER_BSN, a_nummer=A_NUMMER)
    eigen = Authenticatie("hoog", subject=ANDER_BSN)
    voor = list(register.verwerkingen())

    with pytest.raises(MachtigingError):
        register.vind_of_registreer(AMSTERDAM, gemengd, authenticatie=eigen)
    assert (voor, [slachtoffer]) == (list(register.verwerkingen()), list(register))


@pytest.mark.storage
def test_a_stored_entry_with_a_malformed_moment_is_a_storage_error(tmp_path: Path) -> None:
    pad = tmp_path / "klanten.db"
    with KlantRegister.open(f"sqlite:///{pad}") as register:
        register.registreer(AMSTERDAM, identificatie=PERSOON, authenticatie=DIGID)
    with contextlib.closing(sqlite3.connect(pad)) as verbinding, verbinding:
        verbinding.execute("UPDATE verwerking SET tijdstip = 'gisteren'")
    with KlantRegister.open(f"sqlite:///{pad}") as register, pytest.raises(OpslagError):
        list(register.verwerkingen())
