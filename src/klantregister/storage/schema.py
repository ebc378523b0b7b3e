"""The SQL schema of the SQLite and PostgreSQL repositories, from one source.

A klant is one row of ``klant``; each natural-person key is a row of
``persoonssleutel`` whose primary key is (gemeente, soort, waarde), which is
KLOK01 rule 1 as a constraint; each organisation key a row of
``organisatiesleutel``, not unique (rule 2). ``klant`` is unique on (gemeente,
klantnummer). ``klantnummerteller`` keeps each gemeente's last generated
klantnummer, ``klantregister_schema`` the schema's version.

The tables are declared once, below; a :class:`Dialect` says how each database
spells the few things they differ in (column types, the registration order,
SQLite's ``WITHOUT ROWID``). Column widths come from the domain: the identifier
classes' lengths and the klantnummer's limit.

>>> print(ddl(SQLITE)[2].splitlines()[1])
    volgorde INTEGER PRIMARY KEY,
>>> print(ddl(POSTGRESQL)[2].splitlines()[1])
    volgorde bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from klantregister.domain import (
    MAX_BRON,
    MAX_DOEL,
    MAX_SUBJECT_URL,
    NUMMERSOORTEN,
    Gemeentecode,
    Handeling,
    OpslagError,
    Partijsoort,
    Subjectsoort,
    klok01,
)

__all__ = [
    "KLANT_KOLOMMEN",
    "NUMMERKOLOMMEN",
    "POSTGRESQL",
    "SCHEMA_VERSIE",
    "SLEUTEL_KOLOMMEN",
    "SQLITE",
    "TABELLEN",
    "VERWERKING_KOLOMMEN",
    "Dialect",
    "controleer_versie",
    "ddl",
    "opwaarderingen",
    "verouderd",
    "versie_van",
    "werk_bij",
]

#: How the repository runs a statement with ``?`` placeholders: its rows.
Rijen = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]

#: The version of the schema this release writes and reads.
SCHEMA_VERSIE = 4

#: The klant row's identifier columns, one per Dutch number, in the table's order.
NUMMERKOLOMMEN = tuple(soort.sleutel for soort in NUMMERSOORTEN)
#: The columns of a klant row, in the order the adapters read and write them.
KLANT_KOLOMMEN = ", ".join(
    (
        "id, gemeente, klantnummer, versie, klantgegevens, soort",
        *NUMMERKOLOMMEN,
        "buitenlands_land, buitenlands_register, buitenlands_nummer",
        "bron, subject_url, partijsoort, actief, geheimhouding, werkt_voor",
        "herkomst, geregistreerd_op, bewaren_tot",
    )
)
#: The columns of a key row.
SLEUTEL_KOLOMMEN = "gemeente, soort, waarde, klant_id"
#: Every table of the schema but ``klantregister_schema``.
TABELLEN = (
    "klant",
    "persoonssleutel",
    "organisatiesleutel",
    "klantnummerteller",
    "verwerking",
    "klantregister_logsleutel",
    "zoeksleutel",
    "samengevoegd",
)
#: The columns of a processing-log row, in the order the adapters read and write them.
VERWERKING_KOLOMMEN = (
    "id, handeling, tijdstip, gemeente, klant_id, betrokkene, betrokkene_soort, niveau, "
    "middel, subject, namens, grondslag, overname, doel, trace_id"
)


@attrs.frozen
class Dialect:
    """How one database spells what the two differ in."""

    naam: str
    #: The column that keeps rows in the order they were written, and is their key.
    volgorde: str
    uuid: str
    geheel_getal: str
    json: str
    tekst: str
    #: A truth value; SQLite has none, and keeps 0 and 1 in an INTEGER.
    waarheid: str
    #: Text of exactly ``n`` characters, and of at most ``n``; ``{n}`` stands for the width.
    vast: str
    variabel: str
    #: A moment with its time zone; bytes; a calendar day (SQLite keeps it as ISO text,
    #: which sorts as the days do).
    tijdstip: str = "TEXT"
    bytes: str = "BLOB"
    datum: str = "TEXT"
    #: What follows the definition of a table that needs no row id of its own.
    zonder_rowid: str = ""

    def precies(self, n: int) -> str:
        return self.vast.format(n=n)

    def ten_hoogste(self, n: int) -> str:
        return self.variabel.format(n=n)


SQLITE = Dialect(
    naam="SQLite",
    volgorde="INTEGER PRIMARY KEY",
    uuid="TEXT",
    geheel_getal="INTEGER",
    json="TEXT",
    tekst="TEXT",
    waarheid="INTEGER",
    # SQLite ignores widths: the domain checks them, and PostgreSQL enforces them.
    vast="TEXT",
    variabel="TEXT",
    zonder_rowid=" WITHOUT ROWID",
)
POSTGRESQL = Dialect(
    naam="PostgreSQL",
    volgorde="bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    uuid="uuid",
    geheel_getal="integer",
    json="jsonb",
    tekst="text",
    waarheid="boolean",
    vast="char({n})",
    variabel="varchar({n})",
    tijdstip="timestamptz",
    bytes="bytea",
    datum="date",
)

_SOORTEN = ", ".join(f"'{soort.value}'" for soort in Subjectsoort)
_PARTIJSOORTEN = ", ".join(f"'{soort.value}'" for soort in Partijsoort)


def _kenmerken(d: Dialect) -> list[str]:
    """The columns of a klant's kenmerken (and its subject URL), as ``ADD COLUMN`` takes them."""
    waar, onwaar = ("1", "0") if d is SQLITE else ("true", "false")
    # SQLite would take any integer for a truth value: only its 0 and 1.
    alleen = f" CHECK (actief IN ({onwaar}, {waar}))" if d is SQLITE else ""
    alleen_of_leeg = f" CHECK (geheimhouding IN ({onwaar}, {waar}))" if d is SQLITE else ""
    return [
        f"subject_url {d.ten_hoogste(MAX_SUBJECT_URL)}",
        f"partijsoort {d.tekst} CHECK (partijsoort IN ({_PARTIJSOORTEN}))",
        f"actief {d.waarheid} NOT NULL DEFAULT {waar}{alleen}",
        f"geheimhouding {d.waarheid}{alleen_of_leeg}",
        f"werkt_voor {d.uuid}",
    ]


def _logboek(d: Dialect) -> list[str]:
    """The processing log (``verwerking``, one row per entry, never changed) and the key of
    its pseudonyms (``klantregister_logsleutel``, one row, made when first needed)."""
    gemeente = d.precies(Gemeentecode.LENGTE)
    handelingen = ", ".join(f"'{h.value}'" for h in Handeling)
    return [
        f"""CREATE TABLE verwerking (
    volgorde {d.volgorde},
    id {d.uuid} NOT NULL UNIQUE,
    handeling {d.tekst} NOT NULL CHECK (handeling IN ({handelingen})),
    tijdstip {d.tijdstip} NOT NULL,
    gemeente {gemeente} NOT NULL,
    klant_id {d.uuid},
    betrokkene {d.precies(64)},
    betrokkene_soort {d.tekst},
    niveau {d.tekst},
    middel {d.tekst},
    subject {d.precies(64)},
    namens {d.precies(64)},
    grondslag {d.tekst},
    overname {d.tekst},
    doel {d.ten_hoogste(MAX_DOEL)},
    trace_id {d.precies(32)}
)""",
        "CREATE INDEX verwerking_klant ON verwerking (klant_id)",
        f"""CREATE TABLE klantregister_logsleutel (
    nr {d.geheel_getal} PRIMARY KEY CHECK (nr = 1),
    sleutel {d.bytes} NOT NULL
)""",
    ]


def _bewaren_en_zoeken(d: Dialect) -> list[str]:
    """What issue 13 added: indexes on a klant's retention dates, the search keys of its
    contact data (``zoeksleutel``: normalised by the domain, so that both databases match
    alike, which an index on SQLite's ASCII-only ``lower()`` would not) and the klanten
    that went into another (``samengevoegd``: an id, and the klant it is part of now)."""
    gemeente = d.precies(Gemeentecode.LENGTE)
    return [
        "CREATE INDEX klant_bewaren_tot ON klant (bewaren_tot)",
        "CREATE INDEX klant_geregistreerd_op ON klant (geregistreerd_op)",
        f"""CREATE TABLE zoeksleutel (
    gemeente {gemeente} NOT NULL,
    soort {d.tekst} NOT NULL,
    waarde {d.tekst} NOT NULL,
    klant_id {d.uuid} NOT NULL REFERENCES klant (id)
)""",
        "CREATE INDEX zoeksleutel_sleutel ON zoeksleutel (gemeente, soort, waarde)",
        "CREATE INDEX zoeksleutel_klant ON zoeksleutel (klant_id)",
        f"""CREATE TABLE samengevoegd (
    id {d.uuid} PRIMARY KEY,
    opgegaan_in {d.uuid} NOT NULL
){d.zonder_rowid}""",
        "CREATE INDEX samengevoegd_in ON samengevoegd (opgegaan_in)",
    ]


def ddl(d: Dialect) -> list[str]:
    """The statements that create the schema, in order, for dialect ``d``."""
    gemeente = d.precies(Gemeentecode.LENGTE)
    nummers = "".join(
        f"\n    {soort.sleutel} {d.precies(soort.klasse.LENGTE)},"  # type: ignore[union-attr]
        for soort in NUMMERSOORTEN
    )
    kenmerken = "".join(f"\n    {kolom}," for kolom in _kenmerken(d))
    return [
        f"CREATE TABLE klantregister_schema (versie {d.geheel_getal} NOT NULL)",
        f"INSERT INTO klantregister_schema (versie) VALUES ({SCHEMA_VERSIE})",
        f"""CREATE TABLE klant (
    volgorde {d.volgorde},
    id {d.uuid} NOT NULL UNIQUE,
    gemeente {gemeente} NOT NULL,
    klantnummer {d.ten_hoogste(klok01.MAX_KLANTNUMMER)} NOT NULL,
    versie {d.geheel_getal} NOT NULL CHECK (versie >= 1),
    klantgegevens {d.json} NOT NULL,
    soort {d.tekst} CHECK (soort IN ({_SOORTEN})),{nummers}
    buitenlands_land {d.precies(2)},
    buitenlands_register {d.tekst},
    buitenlands_nummer {d.tekst},
    bron {d.ten_hoogste(MAX_BRON)},{kenmerken}
    herkomst {d.json},
    geregistreerd_op {d.datum},
    bewaren_tot {d.datum},
    CONSTRAINT klant_klantnummer_uniek UNIQUE (gemeente, klantnummer)
)""",
        # KLOK01 rule 1 as a constraint.
        f"""CREATE TABLE persoonssleutel (
    gemeente {gemeente} NOT NULL,
    soort {d.tekst} NOT NULL,
    waarde {d.tekst} NOT NULL,
    klant_id {d.uuid} NOT NULL REFERENCES klant (id),
    CONSTRAINT persoonssleutel_regel_1 PRIMARY KEY (gemeente, soort, waarde)
){d.zonder_rowid}""",
        "CREATE INDEX persoonssleutel_klant ON persoonssleutel (klant_id)",
        f"""CREATE TABLE organisatiesleutel (
    volgorde {d.volgorde},
    gemeente {gemeente} NOT NULL,
    soort {d.tekst} NOT NULL,
    waarde {d.tekst} NOT NULL,
    klant_id {d.uuid} NOT NULL REFERENCES klant (id)
)""",
        "CREATE INDEX organisatiesleutel_sleutel ON organisatiesleutel (gemeente, soort, waarde)",
        "CREATE INDEX organisatiesleutel_klant ON organisatiesleutel (klant_id)",
        f"""CREATE TABLE klantnummerteller (
    gemeente {gemeente} PRIMARY KEY,
    volgnummer {d.geheel_getal} NOT NULL
){d.zonder_rowid}""",
        *_logboek(d),
        *_bewaren_en_zoeken(d),
    ]


def opwaarderingen(d: Dialect) -> dict[int, list[str]]:
    """Per older schema version, the statements that bring a database of it to the next.

    Run in one transaction with the new version written (``SqlRepository`` does it
    when it opens the database); a database of the current version needs none.

    - 1 -> 2: ``klant.bron``, the URL of the record a klant was imported from; a
      klantnummer of up to 10 characters (PostgreSQL's column was 8 wide).
    - 2 -> 3: ``klant.subject_url`` (a v1 ``subject``, a key of its own) and the
      kenmerken ``partijsoort``, ``actief`` (true for every klant there is),
      ``geheimhouding`` and ``werkt_voor``.
    - 3 -> 4: ``klant.herkomst``, what a klant's identificatie was recorded with (its
      authentication or the take-over of data authenticated elsewhere; ``NULL`` for the
      klanten there are, whose herkomst was not kept); the processing log ``verwerking``
      and the key of its pseudonyms; ``klant.geregistreerd_op`` and ``bewaren_tot``
      (``NULL``: not kept before), the search keys (``zoeksleutel``, filled from the
      klanten there are by ``SqlRepository`` when it upgrades) and ``samengevoegd``.
    """
    stap = [f"ALTER TABLE klant ADD COLUMN bron {d.ten_hoogste(MAX_BRON)}"]
    if d is POSTGRESQL:
        stap.append(
            "ALTER TABLE klant ALTER COLUMN klantnummer TYPE "
            + d.ten_hoogste(klok01.MAX_KLANTNUMMER)
        )
    return {
        1: stap,
        2: [f"ALTER TABLE klant ADD COLUMN {kolom}" for kolom in _kenmerken(d)],
        3: [
            f"ALTER TABLE klant ADD COLUMN herkomst {d.json}",
            f"ALTER TABLE klant ADD COLUMN geregistreerd_op {d.datum}",
            f"ALTER TABLE klant ADD COLUMN bewaren_tot {d.datum}",
            *_logboek(d),
            *_bewaren_en_zoeken(d),
        ],
    }


# --- the version of a database's schema -----------------------------------------------


def _versies(rijen: Rijen) -> list[tuple[Any, ...]]:
    return rijen("SELECT versie FROM klantregister_schema", ())


def versie_van(rijen: Rijen) -> int | None:
    """The database's schema version, if it holds one well-formed one."""
    versies = _versies(rijen)
    if len(versies) != 1 or versies[0][0].__class__ is not int:
        return None
    versie: int = versies[0][0]
    return versie


def verouderd(rijen: Rijen) -> bool:
    """Whether the database's schema is of a version older than this release's."""
    versies = _versies(rijen)
    return (
        len(versies) == 1 and versies[0][0].__class__ is int and 1 <= versies[0][0] < SCHEMA_VERSIE
    )


def werk_bij(rijen: Rijen, dialect: Dialect) -> None:
    """Bring a schema of an older version to this release's, step by step; run it inside
    a transaction, so that it is all done or not at all, and once among processes."""
    versies = _versies(rijen)
    if len(versies) != 1 or versies[0][0].__class__ is not int or versies[0][0] < 1:
        return  # controleer_versie says what is wrong
    versie: int = versies[0][0]
    stappen = opwaarderingen(dialect)
    while versie < SCHEMA_VERSIE:
        for opdracht in stappen[versie]:
            rijen(opdracht, ())
        versie += 1
        rijen("UPDATE klantregister_schema SET versie = ?", (versie,))


def controleer_versie(rijen: Rijen, naam: str) -> None:
    """Refuse a schema this release does not know, before anything is written; ``naam``
    names the database in the message."""
    versies = _versies(rijen)
    if len(versies) != 1:
        raise OpslagError(
            "de tabel klantregister_schema hoort precies één schemaversie te bevatten"
        )
    versie = versies[0][0]
    if versie.__class__ is not int or versie < SCHEMA_VERSIE:
        # An upgrade brings every version from 1 on to this one, so this one is no
        # schema version of klantregister's.
        raise OpslagError(f"{naam} heeft schemaversie {versie!r}, die klantregister niet kent")
    if versie > SCHEMA_VERSIE:
        raise OpslagError(
            f"{naam} heeft schemaversie {versie}; deze versie van klantregister kent "
            f"ten hoogste {SCHEMA_VERSIE}: werk klantregister bij"
        )
