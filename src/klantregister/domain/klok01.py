"""KLOK01, the identity rules of the VNG standard for klantinteracties: the one home of
everything the rules are made of.

Every other module derives from what is declared here:

- :data:`IDENTIFICATORSOORTEN`, the table of identifier kinds: per kind its class,
  its key name (the attribute of :class:`~klantregister.Identificatie`, the ``soort``
  of a key in storage and in a check), its label, and the subject soort it belongs to;
- rule 1, at most one klant per natural person per gemeente: :func:`persoonssleutels`
  says which keys of an identificatie only one klant may hold, :func:`sleutel` how a
  key is written, :func:`regel_1_fout` the error;
- rule 3, a natural person or an organisation, never both: :data:`REGEL_3`;
- rule 4, a klant's subject never changes soort, and a zelfstandige klant never gets
  one: :func:`controleer_correctie`;
- rule 5, identifying data only after authentication of sufficient level:
  :func:`controleer_niveau`;
- rule 10, identifying data only of the subject the authentication established, or of
  the one it acts for: :func:`controleer_machtiging`;
- the klantnummers and those generated: :data:`MAX_KLANTNUMMER`, :data:`GEGENEREERD`,
  :data:`MAX_VOLGNUMMER`,
  :func:`klantnummer_voor`.

>>> [soort.sleutel for soort in IDENTIFICATORSOORTEN if soort.persoonsgebonden]
['bsn', 'a_nummer']
>>> sleutel(Bsn("111222333"))
('bsn', '111222333')
>>> klantnummer_voor(42)
'00000042'
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Protocol, TypeAlias, TypeVar, cast
from uuid import UUID

import attrs

from klantregister.domain.buitenlands import BuitenlandsNummer
from klantregister.domain.errors import (
    BetrouwbaarheidsniveauError,
    KardinaliteitError,
    KlantnummerInGebruikError,
    KlantregisterError,
    MachtigingError,
    SubjectsoortError,
    ZelfstandigeKlantError,
)
from klantregister.domain.identifiers import (
    ANummer,
    Bsn,
    Gemeentecode,
    KvkNummer,
    Rsin,
    Vestigingsnummer,
)
from klantregister.domain.subject import SubjectUrl

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "GEGENEREERD",
    "IDENTIFICATORSOORTEN",
    "MAX_KLANTNUMMER",
    "MAX_VOLGNUMMER",
    "NUMMERKLASSEN",
    "NUMMERSOORTEN",
    "REGEL_3",
    "SOORT_MET_SLEUTEL",
    "SOORT_VAN",
    "Geauthenticeerd",
    "Grondslag",
    "Houders",
    "Identificator",
    "Identificatorsoort",
    "Nummer",
    "Subjectsoort",
    "Vertegenwoordigd",
    "controleer_correctie",
    "controleer_machtiging",
    "controleer_niveau",
    "klantnummer_in_gebruik",
    "klantnummer_voor",
    "klantnummers_op",
    "persoonssleutels",
    "regel_1_fout",
    "sleutel",
]

#: Any identifier made of one number.
Nummer: TypeAlias = Bsn | ANummer | Rsin | KvkNummer | Vestigingsnummer
#: Any identifier that can hook a klant to a subject.
Identificator: TypeAlias = Nummer | BuitenlandsNummer | SubjectUrl


class Subjectsoort(enum.Enum):
    """The kind of subject an identificatie points to (KLOK01 rule 3)."""

    NATUURLIJK_PERSOON = "natuurlijk_persoon"
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon"

    def __repr__(self) -> str:
        return f"Subjectsoort.{self.name}"

    @property
    def omschrijving(self) -> str:
        """The soort in words: ``"natuurlijk persoon"``."""
        return self.value.replace("_", " ")


@attrs.frozen
class Identificatorsoort:
    """One kind of identifier, as every layer knows it.

    ``sleutel`` is the attribute of :class:`~klantregister.Identificatie` that holds
    it, and the ``soort`` of its keys in storage and in a check; ``label`` is how
    people write its name; ``subjectsoort`` the soort of subject it identifies, or
    ``None`` for a foreign number or a subject URL, which identify either (the
    identificatie's soort says which).
    """

    sleutel: str
    klasse: type[Identificator]
    label: str
    subjectsoort: Subjectsoort | None

    @property
    def persoonsgebonden(self) -> bool:
        """Whether this kind only ever identifies a natural person (a BRP number)."""
        return self.subjectsoort is Subjectsoort.NATUURLIJK_PERSOON


_NP, _NNP = Subjectsoort.NATUURLIJK_PERSOON, Subjectsoort.NIET_NATUURLIJK_PERSOON

#: Every kind of identifier, in the order of the attributes of an identificatie.
IDENTIFICATORSOORTEN: tuple[Identificatorsoort, ...] = (
    Identificatorsoort("bsn", Bsn, "BSN", _NP),
    Identificatorsoort("a_nummer", ANummer, "A-nummer", _NP),
    Identificatorsoort("kvk_nummer", KvkNummer, "KvK-nummer", _NNP),
    Identificatorsoort("vestigingsnummer", Vestigingsnummer, "vestigingsnummer", _NNP),
    Identificatorsoort("rsin", Rsin, "RSIN", _NNP),
    Identificatorsoort("buitenlands", BuitenlandsNummer, "buitenlands nummer", None),
    Identificatorsoort("subject_url", SubjectUrl, "subject-URL", None),
)
#: The kinds made of one Dutch number, in the same order (all but the foreign number and
#: the subject URL).
NUMMERSOORTEN: tuple[Identificatorsoort, ...] = tuple(
    soort for soort in IDENTIFICATORSOORTEN if soort.klasse not in (BuitenlandsNummer, SubjectUrl)
)
#: Their classes, in the same order.
NUMMERKLASSEN = cast("tuple[type[Nummer], ...]", tuple(soort.klasse for soort in NUMMERSOORTEN))
#: Each kind by its key name.
SOORT_MET_SLEUTEL: Mapping[str, Identificatorsoort] = {
    soort.sleutel: soort for soort in IDENTIFICATORSOORTEN
}
#: Each identifier class's kind.
SOORT_VAN: Mapping[type[Identificator], Identificatorsoort] = {
    soort.klasse: soort for soort in IDENTIFICATORSOORTEN
}


# --- rule 1 ---------------------------------------------------------------------------

#: What a repository's ``holders_many`` answers (the bulk path's check before it writes):
#: of the ids asked about, those stored; per (gemeente, klantnummer) and per (gemeente,
#: natural-person key) asked about that is held, the id of its holder.
Houders: TypeAlias = tuple[
    "set[UUID]",
    "dict[tuple[Gemeentecode, str], UUID]",
    "dict[tuple[Gemeentecode, Identificator], UUID]",
]

# Between the parts of a foreign key: a control character, which no part may hold.
_SCHEIDING = "\x1f"


def persoonssleutels(
    soort: Subjectsoort, identificatoren: tuple[Identificator, ...]
) -> tuple[Identificator, ...]:
    """Rule 1: the keys of an identificatie that at most one klant per gemeente may hold.

    Every identifier of a natural person, a foreign number and a subject URL included
    (two klanten that point at one ingeschreven persoon are one person's); none of an
    organisation, whose keys any number of klanten may share (rule 2).
    """
    return () if soort is _NNP else identificatoren


def sleutel(identificator: Identificator) -> tuple[str, str]:
    """(soort, waarde) of an identifier: how storage and a check hold its key.

    A foreign number's register is compared without regard to case, as
    :class:`~klantregister.BuitenlandsNummer` compares it.

    >>> sleutel(BuitenlandsNummer("DE", "Melderegister", "X1")) == sleutel(
    ...     BuitenlandsNummer("DE", "MELDEREGISTER", "X1"))
    True
    """
    if isinstance(identificator, BuitenlandsNummer):
        return "buitenlands", _SCHEIDING.join(
            (identificator.land, identificator.register.casefold(), identificator.nummer)
        )
    return SOORT_VAN[type(identificator)].sleutel, identificator.waarde


def regel_1_fout(
    gemeente: Gemeentecode, houder: UUID, sleutel: Identificator
) -> KardinaliteitError:
    """The error of a rule-1 conflict with the klant ``houder``; the key is shown masked."""
    return KardinaliteitError(
        1,
        f"er is in gemeente {gemeente} al een klant ({houder}) gerelateerd aan "
        f"deze natuurlijk persoon ({type(sleutel).__name__} {sleutel})",
        houder,
    )


# --- rule 3 ---------------------------------------------------------------------------

#: The sentence of rule 3, for every message that reports a breach of it.
REGEL_3 = "een klant is gerelateerd aan een natuurlijk óf een niet-natuurlijk persoon"


# --- rule 4 ---------------------------------------------------------------------------


def controleer_correctie(klant_id: UUID, oud: Subjectsoort | None, nieuw: Subjectsoort) -> None:
    """Rule 4: a correction keeps the subject's soort; a zelfstandige klant (``oud`` is
    ``None``) never gets identifying data."""
    if oud is None:
        raise ZelfstandigeKlantError(
            f"klant {klant_id} is een zelfstandige klant: identificerende gegevens "
            "worden bij registratie vastgelegd of nooit"
        )
    if nieuw is not oud:
        raise SubjectsoortError(
            f"klant {klant_id} is gerelateerd aan een {oud.omschrijving}; een correctie kan "
            f"het subject niet vervangen door een {nieuw.omschrijving}"
        )


# --- rules 5 and 10 -------------------------------------------------------------------


class Grondslag(Protocol):
    """What rule 10 reads of a ground of representation: the soort of subject it is of."""

    @property
    def value(self) -> str: ...
    @property
    def subjectsoort(self) -> Subjectsoort | None: ...


class Vertegenwoordigd(Protocol):
    """What rule 10 reads of a representation: whom it is of, and on what ground."""

    @property
    def vertegenwoordigde(self) -> Identificator: ...
    @property
    def grondslag(self) -> Grondslag: ...


class Geauthenticeerd(Protocol):
    """What rules 5 and 10 read of an authentication (an
    :class:`~klantregister.Authenticatie`): its level, whom it established, and for whom
    the klant acts."""

    @property
    def niveau(self) -> enum.IntEnum: ...
    @property
    def subject(self) -> Identificator | None: ...
    @property
    def namens(self) -> Vertegenwoordigd | None: ...


_A = TypeVar("_A", bound=Geauthenticeerd)


def controleer_niveau(authenticatie: _A | None, minimum: enum.IntEnum) -> _A:
    """Rule 5: identifying data only with authentication at ``minimum`` or above."""
    if authenticatie is not None and authenticatie.niveau >= minimum:
        return authenticatie  # the common case: no message to build
    vraag = (
        "identificerende gegevens vastleggen vraagt authenticatie op ten minste "
        f"niveau {minimum.name.lower()}"
    )
    if authenticatie is None:
        raise BetrouwbaarheidsniveauError(f"{vraag}; er is geen authenticatie opgegeven")
    raise BetrouwbaarheidsniveauError(f"{vraag}, niet {authenticatie.niveau.name.lower()}")


def controleer_machtiging(
    authenticatie: Geauthenticeerd,
    identificatoren: tuple[Identificator, ...],
    *,
    vereis_subject: bool = True,
    subjectsoort: Subjectsoort | None = None,
) -> None:
    """Rule 10: the authentication covers the identificatie with these identifiers.

    It does when its ``subject`` is one of them (the klant acts *als* that subject), or
    its ``namens.vertegenwoordigde`` is (the klant acts *namens* them). An
    authentication that names neither is refused too, unless ``vereis_subject`` is
    false (a register fed by a system that authenticates elsewhere); one that names a
    subject or vertegenwoordigde is always checked, and a representation's ground must fit
    ``subjectsoort``, the identificatie's (a foreign number may be a person's or an
    organisation's: curatele of an organisation's is refused). The message shows no
    identifier in full.
    """
    subject = authenticatie.subject
    namens = authenticatie.namens
    if subject is None and namens is None:
        if not vereis_subject:
            return
        raise MachtigingError(
            "identificerende gegevens vastleggen vraagt een authenticatie die zegt wie "
            "zich authenticeerde (subject) of namens wie (namens); deze noemt geen van beide"
        )
    sleutels = {sleutel(identificator) for identificator in identificatoren}
    if subject is not None and sleutel(subject) in sleutels:
        return
    if namens is not None and sleutel(namens.vertegenwoordigde) in sleutels:
        verwacht = namens.grondslag.subjectsoort
        if subjectsoort is None or verwacht is None or verwacht is subjectsoort:
            return
        raise MachtigingError(
            f"{namens.grondslag.value.replace('_', ' ')} is een vertegenwoordiging van een "
            f"{verwacht.omschrijving}; deze identificatie is van een {subjectsoort.omschrijving}"
        )
    gegeven = [] if subject is None else [f"als {_getoond(subject)}"]
    if namens is not None:
        gegeven.append(f"namens {_getoond(namens.vertegenwoordigde)}")
    raise MachtigingError(
        f"de authenticatie ({' en '.join(gegeven)}) dekt deze identificatie "
        f"({', '.join(map(_getoond, identificatoren))}) niet: het subject of de "
        "vertegenwoordigde moet een van haar identificerende gegevens zijn"
    )


def _getoond(identificator: Identificator) -> str:
    """An identifier as a rule-10 message shows it: its kind and its last three digits or
    characters, whatever kind it is (the message names two identifiers, the klant's and
    the authentication's)."""
    soort = SOORT_VAN[type(identificator)]
    if isinstance(identificator, BuitenlandsNummer):
        waarde = identificator.nummer
    elif isinstance(identificator, SubjectUrl):
        return soort.label
    else:
        waarde = identificator.waarde
    zichtbaar = waarde[-3:] if len(waarde) >= 6 else ""
    return f"{soort.label} {'*' * (len(waarde) - len(zichtbaar))}{zichtbaar}"


# --- klantnummers ---------------------------------------------------------------------

#: The longest klantnummer, in characters: a Partij's ``nummer`` (Open Klant 2.0 to 2.15
#: generated ten digits); the Klanten API v1 holds at most :data:`GEGENEREERD`.
MAX_KLANTNUMMER = 10
#: Generated klantnummers are this many digits (what the Klanten API v1 holds).
GEGENEREERD = 8
#: So a gemeente has this many of them.
MAX_VOLGNUMMER = 10**GEGENEREERD - 1


def klantnummer_voor(volgnummer: int) -> str:
    """The generated klantnummer of a gemeente's ``volgnummer``-th klant."""
    return f"{volgnummer:0{GEGENEREERD}d}"


def klantnummers_op(gemeente: Gemeentecode) -> KlantregisterError:
    """The error for a gemeente whose generated klantnummers are used up."""
    return KlantregisterError(
        f"gemeente {gemeente} heeft alle {MAX_VOLGNUMMER:,} klantnummers van "
        f"{GEGENEREERD} cijfers uitgegeven; geef een klantnummer op"
    )


def klantnummer_in_gebruik(gemeente: Gemeentecode, houder: UUID) -> KlantnummerInGebruikError:
    """The error for a klantnummer the klant ``houder`` already has in the gemeente."""
    return KlantnummerInGebruikError(f"klantnummer is in gemeente {gemeente} al gegeven", houder)
