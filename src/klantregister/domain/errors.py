"""The exception hierarchy of klantregister.

Every error the library raises is a :class:`KlantregisterError`. Where an error
behaves like a builtin one it also subclasses it, so callers that already
catch ``ValueError`` or ``KeyError`` keep working:

- :class:`OngeldigeWaardeError` is a ``ValueError``;
- :class:`OngeldigTypeError` is also a ``TypeError``;
- :class:`KlantNietGevondenError` is a ``KeyError``.

Each kind of failure has a class of its own, so callers (and the formats'
readers) tell them apart by type, never by the text of a message.

Messages never carry a BSN or A-nummer in full (KLUIT06): they name the field
and the check that failed, and show identifiers masked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klantregister.domain.meldingen import maskeer

if TYPE_CHECKING:
    from datetime import date
    from uuid import UUID


class KlantregisterError(Exception):
    """Base class of every error klantregister raises."""


class OngeldigeWaardeError(KlantregisterError, ValueError):
    """A value was refused: wrong format, length, check digit, or a limit.

    ``veld`` names where the value was given (``"bsn"``, ``"adres.postcode"``);
    ``reden`` says why, in words fit for an error message. Subclasses tell
    which kind of check failed.
    """

    def __init__(self, veld: str, reden: str) -> None:
        super().__init__(f"{veld}: {reden}")
        self.veld = veld
        self.reden = reden

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), (self.veld, self.reden))


class OngeldigFormaatError(OngeldigeWaardeError):
    """The value has characters or a shape the field does not allow."""


class OngeldigTypeError(OngeldigFormaatError, TypeError):
    """The value has the wrong type: a number where text belongs, a list for an object.

    Also a ``TypeError``, as Python's own functions raise for a wrong type; and an
    :class:`OngeldigFormaatError`, since a value of the wrong type has no valid form.
    Build one with :func:`typefout`.
    """


def typefout(veld: str, verwacht: str, kreeg: object) -> OngeldigTypeError:
    """The error for ``kreeg`` given where ``verwacht`` (in words) belongs.

    >>> str(typefout("voornaam", "tekst (str)", 3))
    'voornaam: verwacht tekst (str), kreeg int'
    """
    return OngeldigTypeError(veld, f"verwacht {verwacht}, kreeg {type(kreeg).__name__}")


class OngeldigeLengteError(OngeldigeWaardeError):
    """The value is too long, too short, or out of its numeric range."""


class OngeldigControlegetalError(OngeldigeWaardeError):
    """The value fails its check digit (the 11-proef of a BSN or RSIN)."""


class OnbekendeCodeError(OngeldigeWaardeError):
    """The value is not in its code list (ISO 3166-1, ISO 639-2)."""


class KardinaliteitError(KlantregisterError):
    """A KLOK01 cardinality rule would be broken.

    ``regel`` is the number of the rule as KLOK01 numbers them: 1 (one klant
    per natuurlijk persoon) or 3 (a natural person or an organisation, never
    both); rule 2 sets no limit, so it is never broken. ``klant_id`` is the id
    of the klant that already holds the natuurlijk persoon, where there is one.
    """

    def __init__(self, regel: int, melding: str, klant_id: UUID | None = None) -> None:
        super().__init__(f"KLOK01 regel {regel}: {melding}")
        self.regel = regel
        self.melding = melding
        self.klant_id = klant_id

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), (self.regel, self.melding, self.klant_id))


class GemengdeIdentificatieError(KardinaliteitError, OngeldigeWaardeError):
    """An identificatie mixes a natuurlijk persoon with an organisation (rule 3).

    It is both a :class:`KardinaliteitError` (``regel == 3``) and an
    :class:`OngeldigeWaardeError`, since it is raised while the value is built.
    """

    def __init__(self, regel: int, melding: str, klant_id: UUID | None = None) -> None:
        OngeldigeWaardeError.__init__(self, "identificatie", f"KLOK01 regel {regel}: {melding}")
        self.regel = regel
        self.melding = melding
        self.klant_id = klant_id

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), (self.regel, self.melding, self.klant_id))


class KlantnummerInGebruikError(KlantregisterError):
    """The klantnummer is already given to another klant of the gemeente."""

    def __init__(self, melding: str, klant_id: UUID) -> None:
        super().__init__(melding)
        self.klant_id = klant_id

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), (str(self), self.klant_id))


class OpslagError(KlantregisterError):
    """The storage failed or cannot be used: unreachable, not a klantregister
    database, a newer schema, an unknown URL scheme, a missing driver.

    The driver's own exception is never raised; its message is kept in this
    one's text where it helps.
    """


class ZelfstandigeKlantError(KlantregisterError):
    """A zelfstandige klant cannot be given identificerende gegevens (rule 4)."""


class SubjectsoortError(KlantregisterError):
    """A correction tried to swap the klant's subject for another soort (rule 4)."""


class BetrouwbaarheidsniveauError(KlantregisterError):
    """Identificerende gegevens need authentication at a sufficient level (rule 5)."""


class MachtigingError(KlantregisterError):
    """The authentication does not cover the identificatie: it established neither one of
    its identifiers (als) nor a representation of it (namens) (rule 10). The message
    shows neither identifier in full."""


class KlantBestaatAlError(KlantregisterError):
    """A klant with this id is in the register already: registered once, or imported
    from the same record before. ``opgegaan_in`` is the klant it went into, when it was
    brought together with another (``voeg_samen``): its id is not given out again."""

    def __init__(self, klant_id: UUID, *, opgegaan_in: UUID | None = None) -> None:
        melding = f"klant {klant_id} staat al in het register"
        if opgegaan_in is not None:
            melding += f", opgegaan in klant {opgegaan_in}"
        super().__init__(melding)
        self.klant_id = klant_id
        self.opgegaan_in = opgegaan_in

    def __reduce__(self) -> tuple[Any, ...]:
        return (_bestaat_al, (self.klant_id, self.opgegaan_in))


class KlantNietGevondenError(KlantregisterError, KeyError):
    """No klant with this id is in the register."""

    def __init__(self, klant_id: UUID, *, opgegaan_in: UUID | None = None) -> None:
        super().__init__(klant_id)
        self.klant_id = klant_id
        #: The klant this one went into (``KlantRegister.voeg_samen``), if it did.
        self.opgegaan_in = opgegaan_in

    def __reduce__(self) -> tuple[Any, ...]:
        return (_niet_gevonden, (self.klant_id, self.opgegaan_in))

    def __str__(self) -> str:
        # KeyError's own __str__ shows the repr of its argument; say it in words.
        if self.opgegaan_in is not None:
            return (
                f"geen klant met id {self.klant_id}: die is samengevoegd met klant "
                f"{self.opgegaan_in}"
            )
        return f"geen klant met id {self.klant_id}"


class BewaartermijnError(KlantregisterError):
    """The klant is held (its ``bewaren_tot`` lies after today): not erased before then,
    unless the caller says it overrides the hold."""

    def __init__(self, klant_id: UUID, bewaren_tot: date) -> None:
        super().__init__(
            f"klant {klant_id} wordt bewaard tot {bewaren_tot.isoformat()}: verwijderen "
            "kan vanaf die datum, of eerder met negeer_bewaartermijn=True"
        )
        self.klant_id = klant_id
        self.bewaren_tot = bewaren_tot

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), (self.klant_id, self.bewaren_tot))


def _bestaat_al(klant_id: UUID, opgegaan_in: UUID | None) -> KlantBestaatAlError:
    """Unpickle a :class:`KlantBestaatAlError` (its ``opgegaan_in`` is keyword-only)."""
    return KlantBestaatAlError(klant_id, opgegaan_in=opgegaan_in)


def _niet_gevonden(klant_id: UUID, opgegaan_in: UUID | None) -> KlantNietGevondenError:
    """Unpickle a :class:`KlantNietGevondenError` (its ``opgegaan_in`` is keyword-only)."""
    return KlantNietGevondenError(klant_id, opgegaan_in=opgegaan_in)


class VersieconflictError(KlantregisterError):
    """The klant changed since the caller read it (optimistic concurrency).

    ``verwacht`` is the versie the caller gave, ``actueel`` the stored one.
    """

    def __init__(self, klant_id: UUID, verwacht: int, actueel: int) -> None:
        super().__init__(
            f"klant {klant_id} heeft versie {actueel}, niet de verwachte versie {maskeer(verwacht)}"
        )
        self.klant_id = klant_id
        self.verwacht = verwacht
        self.actueel = actueel

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), (self.klant_id, self.verwacht, self.actueel))


class FormaatError(KlantregisterError, ValueError):
    """Records cannot be read from, or written to, an exchange format.

    Raised for input that is not a readable stream of records (a missing
    file, invalid UTF-8, malformed or truncated JSON, a wrong top-level type,
    nesting too deep, a number too large, a record too large), for a reader
    that was given no gemeente, and for a klant that a format cannot hold
    without losing data. ``bron`` names the file, ``positie`` the record
    (1-based) and ``regel`` its line, where known; ``reden`` says what is wrong.
    """

    def __init__(
        self,
        reden: str,
        *,
        bron: str | None = None,
        positie: int | None = None,
        regel: int | None = None,
    ) -> None:
        plaats = ", ".join(
            deel
            for deel in (
                bron,
                None if positie is None else f"record {positie}",
                None if regel is None else f"regel {regel}",
            )
            if deel is not None
        )
        super().__init__(f"{plaats}: {reden}" if plaats else reden)
        self.reden = reden
        self.bron = bron
        self.positie = positie
        self.regel = regel

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_maak_formaatfout, (self.reden, self.bron, self.positie, self.regel))


def _maak_formaatfout(
    reden: str, bron: str | None, positie: int | None, regel: int | None
) -> FormaatError:
    return FormaatError(reden, bron=bron, positie=positie, regel=regel)


# The classes are public as ``klantregister.X``: say so in tracebacks and pickles.
for _klasse in (
    KlantregisterError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    OngeldigTypeError,
    OngeldigeLengteError,
    OngeldigControlegetalError,
    OnbekendeCodeError,
    KardinaliteitError,
    GemengdeIdentificatieError,
    KlantnummerInGebruikError,
    OpslagError,
    ZelfstandigeKlantError,
    SubjectsoortError,
    BetrouwbaarheidsniveauError,
    MachtigingError,
    KlantBestaatAlError,
    KlantNietGevondenError,
    VersieconflictError,
    BewaartermijnError,
    FormaatError,
):
    _klasse.__module__ = "klantregister"
