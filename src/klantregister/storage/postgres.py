"""The PostgreSQL repository: one database shared by many worker processes.

Needs psycopg 3 (``pip install 'klantregister[postgres]'``); this module is the
only one that imports it. Every register operation that writes runs in one
transaction; the schema's unique constraints enforce KLOK01 rule 1 and unique
klantnummers across processes, and a violation reaches the caller as the same
:class:`KardinaliteitError` the in-memory register raises. The generated
klantnummer comes from a counter row updated in the same transaction, so no
two processes hand out the same number.

The schema is created on first open, guarded by an advisory lock, and carries
its version. The tables live in the connection's current schema (set
``options=-csearch_path=...`` in the URL to choose another).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from typing import Any

import attrs

from klantregister.domain import (
    Gemeentecode,
    Identificator,
    Klant,
    KlantregisterError,
    OpslagError,
    Verwerking,
    klok01,
    maskeer,
    nieuwe_klant,
)
from klantregister.storage import postgres_sql as pgsql
from klantregister.storage.rijen import klant_rijen, zoekrijen
from klantregister.storage.schema import (
    KLANT_KOLOMMEN,
    POSTGRESQL,
    TABELLEN,
    VERWERKING_KOLOMMEN,
    ddl,
)
from klantregister.storage.sql import SqlRepository, UniekeSchending

try:
    import psycopg

    from klantregister.storage.postgres_verbinding import (
        Pijplijn,
        heeft_transactie,
        melding,
        verbindingsgegevens,
        vertaal,
    )
except ImportError:  # pragma: no cover - exercised by the install without the extra
    psycopg = None  # type: ignore[assignment]

__all__ = ["PostgresRepository"]

# Any fixed number: serialises the creation of the schema between processes.
_SCHEMA_SLOT = 0x6B6C616E


class PostgresRepository(SqlRepository):
    """Klanten in a PostgreSQL database, reached through a libpq URL or DSN.

    ``connect_timeout`` (seconds) bounds the wait for an unreachable server.
    """

    _placeholder = "%s"
    _tijdstip_als_tekst = False
    #: The bulk path asks holders_many before it writes: its COPY must meet no conflict (a
    #: refused row would put its values in the server's log).
    holders_first = True
    # Under READ COMMITTED a plain SELECT would let two transactions read the same
    # versie and both write; SQLite's BEGIN IMMEDIATE already serialises writers.
    _vergrendel_rij = " FOR UPDATE"
    _datum = "?::date"
    # The klantgegevens as jsonb's text, which the reader decodes itself: psycopg's
    # json.loads of the bytes costs more, and a klant is read this way in every export.
    _lees_kolommen = KLANT_KOLOMMEN.replace("klantgegevens", "klantgegevens::text", 1).replace(
        "herkomst", "herkomst::text", 1
    )

    def __init__(
        self, dsn: str, *, connect_timeout: int | None = None, aanmaken: bool = True
    ) -> None:
        super().__init__()
        self._aanmaken = aanmaken
        # Per table with a unique constraint: the type of each column, by its name.
        self._typen: dict[str, dict[str, str]] = {}
        # The gemeenten whose bulk lock this transaction holds (see holders_many): what it
        # writes of them it has checked, and it writes them straight with COPY.
        self._gereserveerd: set[str] = set()
        # The temporary tables made in this session (see _tussentabel).
        self._tussentabellen: set[str] = set()
        # The statements of one klant's insert, per number of keys and kind.
        self._opdrachten: dict[tuple[int, int, bool, bool, int], str] = {}
        # A transaction's BEGIN waits for its first statement, which may take it along.
        self._begin_wacht = False
        if psycopg is None:  # pragma: no cover - exercised by the install without the extra
            raise OpslagError(
                "PostgreSQL vraagt psycopg: installeer klantregister met pip install "
                "'klantregister[postgres]'"
            )
        verbindingsgegevens(dsn, connect_timeout, aanmaken)
        try:
            # autocommit: reads are single statements; writes open their own transaction.
            # A connect_timeout in the URL counts, unless the caller gives one here;
            # psycopg leaves out a keyword that is None.
            if connect_timeout is None and "connect_timeout" not in dsn:
                connect_timeout = 10
            self._verbinding = psycopg.connect(
                dsn, autocommit=True, connect_timeout=connect_timeout
            )
            self._pijplijn = Pijplijn(self._verbinding)
            info = self._verbinding.info
            self._naam = f"{info.host}:{info.port}/{info.dbname}"
        except psycopg.Error as fout:
            # The driver may quote the connection string, which the caller may have
            # got wrong in any way: its long digit runs are masked.
            raise OpslagError(
                f"kan de PostgreSQL-database niet bereiken: {maskeer(melding(fout))}"
            ) from None
        self._open_of_sluit()

    def _open_schema(self) -> None:
        with self.transaction():
            self._rijen("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_SLOT,))
            tabellen = self._tabellen()
            if "klantregister_schema" not in tabellen:
                vreemd = [
                    tabel for tabel in ("klantregister_schema", *TABELLEN) if tabel in tabellen
                ]
                if vreemd:
                    raise OpslagError(
                        "de database is geen klantregister-database: de tabellen "
                        f"{', '.join(vreemd)} bestaan al, zonder schemaversie"
                    )
                if not self._aanmaken:
                    raise OpslagError(
                        "de database is geen klantregister-database: het schema ontbreekt"
                    )
                for opdracht in ddl(POSTGRESQL):
                    self._rijen(opdracht)
            self._werk_schema_bij(POSTGRESQL)
        self._controleer_schemaversie("de database")

    def _tabellen(self) -> set[str]:
        rijen = self._rijen(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {rij[0] for rij in rijen}

    # A transaction's BEGIN is sent with its first statement: registreer's one statement
    # takes it along in the same round trip (Pijplijn); any other sends it just before.
    # A transaction in which nothing ran has nothing to commit or roll back.

    def _begin(self, diepte: int) -> None:
        if diepte == 0:
            self._begin_wacht = True
        else:
            super()._begin(diepte)

    def _begonnen(self) -> None:
        if self._begin_wacht:
            self._begin_wacht = False
            self._opdracht("BEGIN")

    def _einde(self, diepte: int, geslaagd: bool) -> None:
        if diepte == 0:
            self._gereserveerd.clear()  # the transaction's locks end with it
            if self._begin_wacht:
                self._begin_wacht = False
                return
        super()._einde(diepte, geslaagd)

    def _in_transactie(self) -> bool:
        return heeft_transactie(self._verbinding)

    def _in_een_ronde(self, sql: str, parameters: Sequence[Any]) -> list[Any]:
        """The one row of ``sql``, as text, with a waiting BEGIN in the same round trip."""
        if self._gesloten or self._verbinding.closed:
            raise OpslagError("de verbinding met de database is gesloten")
        try:
            opdracht = self._pijplijn.bereid(sql, parameters)  # a refusal sends no BEGIN
            begin, self._begin_wacht = self._begin_wacht, False
            return self._pijplijn.stuur(*opdracht, begin=begin)
        except psycopg.Error as fout:
            fout_ = vertaal(fout)
        raise fout_

    def _opdracht(self, sql: str) -> None:
        """A statement without parameters or rows (BEGIN, COMMIT...), straight through
        libpq: the cheapest way there is, and a transaction has two of them."""
        if self._gesloten or self._verbinding.closed:
            raise OpslagError("de verbinding met de database is gesloten")
        self._begonnen()
        try:
            resultaat = self._verbinding.pgconn.exec_(sql.encode())
        except psycopg.Error as fout:
            fout_ = vertaal(fout)
        else:
            if resultaat.status == psycopg.pq.ExecStatus.COMMAND_OK:
                return
            melding = (resultaat.error_message or b"").decode("utf-8", "replace")
            fout_ = OpslagError(f"PostgreSQL: {melding.splitlines()[0] if melding else sql}")
        raise fout_

    def _voer_uit(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        self._begonnen()
        try:
            with self._verbinding.cursor() as cursor:
                cursor.execute(sql, parameters or None)
                return cursor.fetchall() if cursor.description is not None else []
        except psycopg.Error as fout:
            fout_ = vertaal(fout)
        # Raised here, outside the except: the driver's error, whose diagnostics may quote
        # a row's values (a BSN), is then no __context__ of the library's.
        raise fout_

    # --- one klant at a time: registreer's path, in as few round trips as it can -------

    def next_klantnummers(self, gemeente: Gemeentecode, aantal: int = 1) -> list[str]:
        if self._diepte == 0:  # on its own: in a transaction of its own
            with self.transaction():
                return self.next_klantnummers(gemeente, aantal)
        nummers: list[str] = []
        with self._slot:
            while len(nummers) < aantal:
                gevraagd = aantal - len(nummers)
                # One statement: the counter (its row locked until the transaction ends,
                # so no two processes get the same numbers) and the numbers in its new
                # range a caller chose already, which are skipped.
                laatste, bezet = self._voer_uit(
                    pgsql.VOLGNUMMERS, (int(gemeente.waarde), *(gemeente.waarde, gevraagd) * 2)
                )[0]
                if laatste > klok01.MAX_VOLGNUMMER:
                    # Within the caller's transaction: leave the counter as it was.
                    self._voer_uit(pgsql.TERUG, (gevraagd, gemeente.waarde))
                    raise klok01.klantnummers_op(gemeente)
                bezet = set(bezet)
                nummers.extend(
                    nummer
                    for volgnummer in range(laatste - gevraagd + 1, laatste + 1)
                    if (nummer := klok01.klantnummer_voor(volgnummer)) not in bezet
                )
        return nummers

    def add_many(self, klanten: Sequence[Klant]) -> None:
        if len(klanten) != 1:
            super().add_many(klanten)
            return
        if self._diepte == 0:
            with self.transaction():
                self.add_many(klanten)
            return
        # One klant in the caller's transaction (registreer's path): its rows in one
        # statement, without a savepoint; a conflict leaves a row out, and then what was
        # written of it is taken out again before the conflict is explained.
        (klant,) = klanten
        rij, personen, organisaties = klant_rijen(klant)
        zoeken = zoekrijen(klant)
        with self._slot:
            klantrij, sleutels = map(
                int,
                self._in_een_ronde(  # two counts, as text
                    self._opdracht_een(len(personen), len(organisaties), False, False, len(zoeken)),
                    (
                        int(klant.gemeente.waarde),
                        *rij,
                        *pgsql.waarden(personen),
                        *pgsql.waarden(organisaties),
                        *pgsql.waarden(zoeken),
                    ),
                ),
            )
            if klantrij == 1 and sleutels == len(personen):
                return
            if klantrij == 1:
                for opdracht in pgsql.ONGEDAAN:
                    self._voer_uit(opdracht, (str(klant.id),))
            self._verklaar_schending(klanten)

    def add_with_next_klantnummer(
        self, klant: Klant, *, verwerkingen: Sequence[Verwerking] = ()
    ) -> Klant | None:
        """Store ``klant`` under the next generated klantnummer of its gemeente (its own
        klantnummer is not read), counter and rows in one statement: registreer's path in
        one round trip; ``verwerkingen`` (at most one: the register's log entry of it) go
        in with it. Returns the klant as stored; ``None`` when that number is one a
        caller chose, and nothing is stored (take one with :meth:`next_klantnummers`).

        Raises what :meth:`add` raises, and the error of a gemeente whose generated
        klantnummers are used up; the counter is then left as it was.
        """
        if self._diepte == 0:
            with self.transaction():
                return self.add_with_next_klantnummer(klant, verwerkingen=verwerkingen)
        if len(verwerkingen) > 1:
            raise KlantregisterError("ten hoogste één verwerking met een klant")
        rij, personen, organisaties = klant_rijen(klant)
        zoeken = zoekrijen(klant)
        gemeente = klant.gemeente
        with self._slot:
            klantrij, sleutels, volgnummer, nummer = self._in_een_ronde(
                self._opdracht_een(
                    len(personen), len(organisaties), True, bool(verwerkingen), len(zoeken)
                ),
                (
                    int(gemeente.waarde),
                    gemeente.waarde,
                    *(w for index, w in enumerate(rij) if index != pgsql.KLANTNUMMER),
                    *pgsql.waarden(personen),
                    *pgsql.waarden(organisaties),
                    *pgsql.waarden(zoeken),
                    *(w for v in verwerkingen for w in self._verwerking_rij(v)),
                ),
            )
            # As text: the counts and the counter; the number is NULL without a klant row.
            klantrij, sleutels, volgnummer = int(klantrij), int(sleutels), int(volgnummer)
            if klantrij == 1 and sleutels == len(personen):
                return nieuwe_klant(
                    klant.id,
                    gemeente,
                    nummer,
                    klant.klantgegevens,
                    klant.identificatie,
                    bron=klant.bron,
                    kenmerken=klant.kenmerken,
                    herkomst=klant.herkomst,
                    geregistreerd_op=klant.geregistreerd_op,
                    bewaren_tot=klant.bewaren_tot,
                )
            if volgnummer > klok01.MAX_VOLGNUMMER:
                self._voer_uit(pgsql.TERUG, (1, gemeente.waarde))
                raise klok01.klantnummers_op(gemeente)
            if klantrij == 0 and klant.id not in self:
                return None  # the number is taken: the counter has passed it
            # A conflict of its own: nothing of it stays, the counter and its log entry
            # (by the entry's own id: an erased klant's history keeps its klant_id) included.
            if klantrij == 1:
                for opdracht in pgsql.ONGEDAAN:
                    self._voer_uit(opdracht, (str(klant.id),))
                for v in verwerkingen:
                    self._voer_uit("DELETE FROM verwerking WHERE id = %s", (str(v.id),))
            self._voer_uit(pgsql.TERUG, (1, gemeente.waarde))
            self._verklaar_schending(
                (attrs.evolve(klant, klantnummer=nummer or klant.klantnummer),)
            )
            raise AssertionError("onbereikbaar")  # pragma: no cover - it always raises

    def _opdracht_een(
        self, personen: int, organisaties: int, genummerd: bool, gelogd: bool, zoek: int
    ) -> str:
        sleutel = (personen, organisaties, genummerd, gelogd, zoek)
        if (opdracht := self._opdrachten.get(sleutel)) is None:
            typen = tuple(self._kolomtypen("klant", KLANT_KOLOMMEN))
            verwerking = (
                tuple(self._kolomtypen("verwerking", VERWERKING_KOLOMMEN)) if gelogd else ()
            )
            opdracht = pgsql.een_klant(
                personen, organisaties, typen, genummerd, verwerking, zoek=zoek
            )
            self._opdrachten[sleutel] = opdracht
        return opdracht

    def holders_many(
        self,
        ids: Collection[uuid.UUID],
        klantnummers: Collection[tuple[Gemeentecode, str]],
        sleutels: Collection[tuple[Gemeentecode, Identificator]],
    ) -> klok01.Houders:
        # The values asked about are copied into a table of this session, and joined
        # with the stored ones: one COPY and one query per kind, whatever their number.
        gevraagd_sleutels = {
            (gemeente.waarde, *klok01.sleutel(identificator)): (gemeente, identificator)
            for gemeente, identificator in sleutels
        }
        gevraagd_nummers = {(g.waarde, nummer): (g, nummer) for g, nummer in klantnummers}
        with self._slot, self.transaction():
            # In one order in every process, so that two bulk writes never wait for each
            # other in a circle.
            for code in sorted(
                {g for g, _ in gevraagd_nummers} | {g for g, *_ in gevraagd_sleutels}
            ):
                self._voer_uit(pgsql.RESERVEER, (int(code),))
                self._gereserveerd.add(code)
            gevonden = {
                uuid.UUID(str(rij[0]))
                for rij in self._gevraagd("id", [(str(i),) for i in ids], pgsql.ZOEK_IDS)
            }
            nummers = {
                gevraagd_nummers[(rij[0], rij[1])]: uuid.UUID(str(rij[2]))
                for rij in self._gevraagd("nummer", list(gevraagd_nummers), pgsql.ZOEK_NUMMERS)
            }
            houders = {
                gevraagd_sleutels[(rij[0], rij[1], rij[2])]: uuid.UUID(str(rij[3]))
                for rij in self._gevraagd("sleutel", list(gevraagd_sleutels), pgsql.ZOEK_SLEUTELS)
            }
        return gevonden, nummers, houders

    def _gevraagd(
        self, soort: str, rijen: list[tuple[Any, ...]], zoek: str
    ) -> list[tuple[Any, ...]]:
        """The rows ``zoek`` finds for these values, copied into a table of this session."""
        if not rijen:
            return []
        tabel = f"klantregister_gevraagd_{soort}"
        if tabel not in self._tussentabellen:
            self._voer_uit(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {tabel} ({pgsql.GEVRAAGD[soort]}) "
                "ON COMMIT DELETE ROWS"
            )
            self._tussentabellen.add(tabel)
        kolommen = ", ".join(kolom.split()[0] for kolom in pgsql.GEVRAAGD[soort].split(", "))
        self._kopieer(tabel, kolommen, rijen)
        gevonden = self._voer_uit(zoek)
        self._voer_uit(f"TRUNCATE {tabel}")
        return gevonden

    def replace(self, oud: Klant, nieuw: Klant) -> None:
        if oud.identificatie == nieuw.identificatie and oud.gemeente == nieuw.gemeente:
            super().replace(oud, nieuw)
            return
        # New keys: after the bulk writes to the gemeente, as every other write.
        with self._slot, self.transaction():
            self._voer_uit(pgsql.GEDEELD, (int(nieuw.gemeente.waarde),))
            super().replace(oud, nieuw)

    def _voeg_in(self, tabel: str, kolommen: str, rijen: Sequence[Sequence[Any]]) -> None:
        if not rijen:
            return
        gemeente = pgsql.GEMEENTE_IN[tabel] if tabel in pgsql.UNIEK else None
        if gemeente is None or {rij[gemeente] for rij in rijen} <= self._gereserveerd:
            # No unique constraint; or a bulk write that holds its gemeenten's lock and has
            # checked what it writes, so no other write can conflict with it.
            self._kopieer(tabel, kolommen, rijen)
            return
        # A table with a unique constraint: the rows are copied into a table of this
        # session's (COPY, the server's bulk path), and from there inserted, leaving out
        # those that would break it (ON CONFLICT DO NOTHING): the server never refuses one
        # and never logs its values. A row left out is a conflict, which the caller finds.
        tussen = self._tussentabel(tabel, kolommen)
        self._kopieer(tussen, f"nr, {kolommen}", [(nr, *rij) for nr, rij in enumerate(rijen)])
        ingevoegd = self._voer_uit(
            f"WITH i AS (INSERT INTO {tabel} ({kolommen}) SELECT {kolommen} FROM {tussen} "
            "ORDER BY nr ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*) FROM i"
        )[0][0]
        self._voer_uit(f"TRUNCATE {tussen}")
        if ingevoegd != len(rijen):
            raise UniekeSchending(f"{len(rijen) - ingevoegd} rijen van {tabel} zijn al bezet")

    def _tussentabel(self, tabel: str, kolommen: str) -> str:
        """A temporary table of this session with the columns of ``tabel`` (made once),
        and ``nr``, the order to insert its rows in; emptied when a transaction ends."""
        naam = f"klantregister_nieuw_{tabel}"
        if naam not in self._tussentabellen:
            self._voer_uit(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {naam} ON COMMIT DELETE ROWS AS "
                f"SELECT 0::bigint AS nr, {kolommen} FROM {tabel} WITH NO DATA"
            )
            self._tussentabellen.add(naam)
        return naam

    def _kopieer(self, tabel: str, kolommen: str, rijen: Sequence[Sequence[Any]]) -> None:
        # COPY: the server's bulk path, for a table without unique constraints.
        self._begonnen()
        try:
            with (
                self._verbinding.cursor() as cursor,
                cursor.copy(f"COPY {tabel} ({kolommen}) FROM STDIN") as copy,
            ):
                for rij in rijen:
                    copy.write_row(rij)
        except psycopg.Error as fout:
            fout_ = vertaal(fout)
        else:
            return
        raise fout_

    def _kolomtypen(self, tabel: str, kolommen: str) -> list[str]:
        """The type of each of the columns, as the table declares it (read once)."""
        if tabel not in self._typen:
            self._typen[tabel] = dict(
                self._voer_uit(
                    "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                    "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
                    (tabel,),
                )
            )
        typen = self._typen[tabel]
        return [typen[kolom.strip()] for kolom in kolommen.split(",")]

    def _sluit(self) -> None:
        self._verbinding.close()

    def __repr__(self) -> str:
        return f"<PostgresRepository {self._naam}>"
