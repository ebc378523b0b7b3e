"""The SQL of the PostgreSQL repository's own paths: one klant in one statement, the bulk
path's locks and its question what is held (see :mod:`klantregister.storage.postgres`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from klantregister.domain import klok01
from klantregister.storage.schema import KLANT_KOLOMMEN, SLEUTEL_KOLOMMEN, VERWERKING_KOLOMMEN

__all__ = [
    "GEDEELD",
    "GEMEENTE_IN",
    "GEVRAAGD",
    "KLANTNUMMER",
    "ONGEDAAN",
    "RESERVEER",
    "TERUG",
    "UNIEK",
    "VOLGNUMMERS",
    "ZOEK_IDS",
    "ZOEK_NUMMERS",
    "ZOEK_SLEUTELS",
    "een_klant",
    "waarden",
]

#: The space of the per-gemeente locks of the bulk path (two-key advisory locks).
BULK_SLOT = 0x6B6C6201

#: A transaction-level advisory lock per gemeente (its code the parameter), in the space
#: of BULK_SLOT: what keeps other processes' bulk writes to the gemeente out until the
#: transaction ends, so that what holders_many found stays true.
RESERVEER = f"SELECT pg_advisory_xact_lock({BULK_SLOT}, %s::integer)"
#: The same lock, shared: what every other write of a klant's rows takes first, so that it
#: waits for a bulk write to the gemeente, and none waits for it.
GEDEELD = f"SELECT pg_advisory_xact_lock_shared({BULK_SLOT}, %s::integer)"
VOLGNUMMERS = (
    f"WITH l AS ({GEDEELD}), "
    "n AS (INSERT INTO klantnummerteller (gemeente, volgnummer) SELECT %s, %s FROM l "
    "ON CONFLICT (gemeente) DO UPDATE "
    "SET volgnummer = klantnummerteller.volgnummer + excluded.volgnummer RETURNING volgnummer) "
    "SELECT n.volgnummer, ARRAY(SELECT klantnummer FROM klant WHERE gemeente = %s "
    f"AND klantnummer BETWEEN lpad((n.volgnummer - %s + 1)::text, {klok01.GEGENEREERD}, '0') "
    f"AND lpad(n.volgnummer::text, {klok01.GEGENEREERD}, '0')) FROM n"
)
TERUG = "UPDATE klantnummerteller SET volgnummer = volgnummer - %s WHERE gemeente = %s"


def waarden(sleutels: Sequence[tuple[str, str, str, str]]) -> Iterator[str]:
    """The gemeente, soort and waarde of each key row, one after the other."""
    for gemeente, soort, waarde, _ in sleutels:
        yield from (gemeente, soort, waarde)


def een_klant(
    personen: int,
    organisaties: int,
    typen: tuple[str, ...],
    genummerd: bool,
    verwerking: tuple[str, ...] = (),
    *,
    zoek: int = 0,
) -> str:
    """One statement that inserts a klant row and its key rows (of these numbers), leaving
    out any that conflicts; it returns how many klant rows and person keys went in.

    It first takes the shared lock of the klant's gemeente (the first parameter), which
    a bulk write holds exclusively while it writes what it has checked. ``typen`` are the
    klant columns' types. ``genummerd`` gives the klant the next generated klantnummer of
    its gemeente, from the counter in the same statement; it then returns the counter's
    new value and the klantnummer too (``NULL`` when no klant row went in). ``verwerking``,
    when given, are the types of the columns of a processing-log row, which goes in with the
    klant row (and only with it): the register's log entry in the same round trip. ``zoek``
    is the number of the klant's search-key rows (``zoeksleutel``), which go in with it too.
    """
    kolommen = KLANT_KOLOMMEN.split(",")
    delen = [f"WITH l AS ({GEDEELD}), "]
    if genummerd:
        waarden = [
            f"lpad(n.volgnummer::text, {klok01.GEGENEREERD}, '0')"
            if kolom.strip() == "klantnummer"
            else f"%s::{type_}"
            for kolom, type_ in zip(kolommen, typen, strict=True)
        ]
        delen.append(
            "n AS (INSERT INTO klantnummerteller (gemeente, volgnummer) SELECT %s, 1 FROM l "
            "ON CONFLICT (gemeente) DO UPDATE SET volgnummer = klantnummerteller.volgnummer + 1 "
            "RETURNING volgnummer), "
            f"k AS (INSERT INTO klant ({KLANT_KOLOMMEN}) SELECT {', '.join(waarden)} FROM n "
            f"WHERE n.volgnummer <= {klok01.MAX_VOLGNUMMER} "
            "ON CONFLICT DO NOTHING RETURNING id, klantnummer)"
        )
    else:
        waarden = [f"%s::{type_}" for type_ in typen]
        delen.append(
            f"k AS (INSERT INTO klant ({KLANT_KOLOMMEN}) SELECT {', '.join(waarden)} FROM l "
            "ON CONFLICT DO NOTHING RETURNING id, klantnummer)"
        )

    def sleutels(aantal: int) -> str:
        return " UNION ALL ".join(["SELECT %s, %s, %s, k.id FROM k"] * aantal)

    if personen:
        delen.append(
            f", p AS (INSERT INTO persoonssleutel ({SLEUTEL_KOLOMMEN}) {sleutels(personen)} "
            "ON CONFLICT DO NOTHING RETURNING 1)"
        )
    if organisaties:
        delen.append(
            f", o AS (INSERT INTO organisatiesleutel ({SLEUTEL_KOLOMMEN}) "
            f"{sleutels(organisaties)} RETURNING 1)"
        )
    if zoek:
        delen.append(
            f", z AS (INSERT INTO zoeksleutel ({SLEUTEL_KOLOMMEN}) {sleutels(zoek)} RETURNING 1)"
        )
    if verwerking:
        waarden_v = ", ".join(f"%s::{type_}" for type_ in verwerking)
        delen.append(
            f", v AS (INSERT INTO verwerking ({VERWERKING_KOLOMMEN}) SELECT {waarden_v} FROM k "
            "RETURNING 1)"
        )
    geteld = "(SELECT count(*) FROM p)" if personen else "0"
    delen.append(f" SELECT (SELECT count(*) FROM k), {geteld}")
    if genummerd:
        delen.append(", (SELECT volgnummer FROM n), (SELECT klantnummer FROM k)")
    return "".join(delen)


#: The columns of the tables of values holders_many asks about, and how it finds them.
GEVRAAGD = {
    "id": "id uuid",
    "nummer": "gemeente char(4), klantnummer text",
    "sleutel": "gemeente char(4), soort text, waarde text",
}
# The ids held, by a klant or by one that went into another (an id is never reused).
ZOEK_IDS = (
    "SELECT k.id FROM klantregister_gevraagd_id g JOIN klant k ON k.id = g.id UNION ALL "
    "SELECT s.id FROM klantregister_gevraagd_id g JOIN samengevoegd s ON s.id = g.id"
)
ZOEK_NUMMERS = (
    "SELECT k.gemeente, k.klantnummer, k.id FROM klantregister_gevraagd_nummer g "
    "JOIN klant k ON k.gemeente = g.gemeente AND k.klantnummer = g.klantnummer"
)
ZOEK_SLEUTELS = (
    "SELECT s.gemeente, s.soort, s.waarde, s.klant_id FROM klantregister_gevraagd_sleutel g "
    "JOIN persoonssleutel s ON s.gemeente = g.gemeente AND s.soort = g.soort "
    "AND s.waarde = g.waarde"
)

# Where the klantnummer stands in a klant row.
KLANTNUMMER = [kolom.strip() for kolom in KLANT_KOLOMMEN.split(",")].index("klantnummer")
ONGEDAAN = (
    "DELETE FROM zoeksleutel WHERE klant_id = %s",
    "DELETE FROM persoonssleutel WHERE klant_id = %s",
    "DELETE FROM organisatiesleutel WHERE klant_id = %s",
    "DELETE FROM klant WHERE id = %s",
)

#: Per table with a unique constraint: where a row holds its gemeente.
GEMEENTE_IN = {"klant": 1, "persoonssleutel": 0}
#: The tables with a unique constraint: the klant (its id, its klantnummer) and the
#: natural-person keys (KLOK01 rule 1).
UNIEK = frozenset({"klant", "persoonssleutel"})
