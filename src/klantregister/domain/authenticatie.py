"""Authentication of the klant, and where identifying data come from (rules 5 and 10).

Recording identificerende gegevens needs the klant's identity to be
established by an authentication means of sufficient *betrouwbaarheidsniveau*
(KLUIT06, rule 5), and the identity it established must be the one recorded:
the klant acts *als* that person or organisation, or *namens* them (KLOK01,
rule 10). Which level suffices is the gemeente's policy, so the register takes
it as a setting.

Data authenticated elsewhere (an import from another register) are taken over
explicitly, with an :class:`Overname`; a klant keeps what its identificatie was
recorded with as its :data:`Herkomst`.

>>> Betrouwbaarheidsniveau.LAAG < Betrouwbaarheidsniveau.SUBSTANTIEEL < Betrouwbaarheidsniveau.HOOG
True
>>> Authenticatie("substantieel", "DigiD", subject="111222333").subject
Bsn('******333')
>>> Authenticatie("hoog", "DigiD Machtigen", subject="123456782",
...     namens=Vertegenwoordiging("111222333", "ouderlijk_gezag")).namens.grondslag
<Vertegenwoordigingsgrondslag.OUDERLIJK_GEZAG: 'ouderlijk_gezag'>
"""

from __future__ import annotations

import enum
from typing import TypeAlias

import attrs

from klantregister.domain.buitenlands import BuitenlandsNummer
from klantregister.domain.errors import OngeldigeLengteError, OngeldigFormaatError, typefout
from klantregister.domain.klok01 import NUMMERKLASSEN, SOORT_VAN, Nummer, Subjectsoort
from klantregister.domain.meldingen import maskeer, opsomming, toon

__all__ = [
    "MAX_TEKST",
    "Authenticatie",
    "Betrouwbaarheidsniveau",
    "Herkomst",
    "Overname",
    "Subject",
    "Vertegenwoordiging",
    "Vertegenwoordigingsgrondslag",
    "als_herkomst",
    "als_subject",
    "eenregelig",
    "niveau",
]

#: What an authentication can establish: a Dutch number (a BSN from DigiD, a KvK-nummer,
#: vestigingsnummer or RSIN from eHerkenning) or a foreign one (eIDAS).
Subject: TypeAlias = Nummer | BuitenlandsNummer

#: The longest free text of an authentication or a take-over (a means, a mandate's
#: reference, a source, an explanation), in characters.
MAX_TEKST = 1000


class Betrouwbaarheidsniveau(enum.IntEnum):
    """The eIDAS assurance levels, ordered: ``LAAG < SUBSTANTIEEL < HOOG``."""

    LAAG = 1
    SUBSTANTIEEL = 2
    HOOG = 3

    @classmethod
    def parse(cls, value: Betrouwbaarheidsniveau | str) -> Betrouwbaarheidsniveau:
        """Accept a member or its name in any case (``"substantieel"``)."""
        if isinstance(value, cls):
            return value
        if isinstance(value, str) and value.isascii() and value.strip().upper() in cls.__members__:
            return cls[value.strip().upper()]
        raise OngeldigFormaatError(
            "betrouwbaarheidsniveau",
            f"{toon(value)} is geen betrouwbaarheidsniveau (laag, substantieel of hoog)",
        )


def niveau(value: Betrouwbaarheidsniveau | str) -> Betrouwbaarheidsniveau:
    """Converter: a Betrouwbaarheidsniveau, or its name."""
    return Betrouwbaarheidsniveau.parse(value)


def _niveau_of_geen(value: Betrouwbaarheidsniveau | str | None) -> Betrouwbaarheidsniveau | None:
    return None if value is None else Betrouwbaarheidsniveau.parse(value)


def eenregelig(
    veld: str, value: object, *, verplicht: bool = False, maximum: int = MAX_TEKST
) -> str | None:
    """Free text of one line, stripped, at most ``maximum`` characters: ``None`` stays
    ``None`` unless ``verplicht``."""
    if value is None and not verplicht:
        return None
    if not isinstance(value, str):
        raise typefout(veld, "tekst (str)" if verplicht else "tekst (str) of None", value)
    tekst = value.strip()
    if len(tekst) > maximum:
        raise OngeldigeLengteError(veld, f"{len(tekst)} tekens, ten hoogste {maximum}")
    if not tekst or not tekst.isprintable():
        raise OngeldigFormaatError(veld, "verwacht een tekst van één regel")
    return tekst


def _middel(value: object) -> str | None:
    return eenregelig("middel", value)


def _masker(value: str | None) -> str:
    """A free text in a repr: a number written in it ("DigiD 111222333") is masked."""
    return repr(value if value is None else maskeer(value))


_SUBJECTKLASSEN = (*NUMMERKLASSEN, BuitenlandsNummer)
_NUMMERLABELS = opsomming([SOORT_VAN[klasse].label for klasse in NUMMERKLASSEN])


def als_subject(value: object, veld: str = "subject") -> Subject:
    """An identifier an authentication can establish, or the one a plain value gives.

    A string is read as the first kind of Dutch number it is valid as, in the order BSN,
    A-nummer, KvK-nummer, vestigingsnummer, RSIN: nine digits that pass the 11-proef
    are a BSN (what DigiD establishes), so pass ``Rsin("...")`` for an RSIN. A tuple
    ``(land, register, nummer)`` is a foreign number.
    """
    if isinstance(value, _SUBJECTKLASSEN):
        return value
    if isinstance(value, str):
        for klasse in NUMMERKLASSEN:
            if klasse.is_valid(value):
                return klasse(value)
        # The text may be a mistyped BSN: do not repeat it.
        raise OngeldigFormaatError(veld, f"de opgegeven tekst is geen geldig {_NUMMERLABELS}")
    if isinstance(value, tuple) and len(value) == 3:
        return BuitenlandsNummer(*value)
    raise typefout(
        veld, "een BSN, A-nummer, KvK-, vestigings- of RSIN-nummer of buitenlands nummer", value
    )


def _subject(value: object) -> Subject | None:
    return None if value is None else als_subject(value)


def _vertegenwoordigde(value: object) -> Subject:
    return als_subject(value, "vertegenwoordigde")


class Vertegenwoordigingsgrondslag(enum.Enum):
    """On what ground someone acts on behalf of a person or organisation.

    ``MACHTIGING``: a mandate the vertegenwoordigde gave (DigiD Machtigen, an
    eHerkenning dienst), for a person or an organisation; ``OUDERLIJK_GEZAG``,
    ``CURATELE``, ``BEWIND`` and ``MENTORSCHAP``: a legal representation of a natural
    person; ``FUNCTIONARIS``: someone acting for an organisation by their function (a
    director, an employee with an eHerkenning authorisation).
    """

    MACHTIGING = "machtiging"
    OUDERLIJK_GEZAG = "ouderlijk_gezag"
    CURATELE = "curatele"
    BEWIND = "bewind"
    MENTORSCHAP = "mentorschap"
    FUNCTIONARIS = "functionaris"

    @classmethod
    def parse(cls, value: Vertegenwoordigingsgrondslag | str) -> Vertegenwoordigingsgrondslag:
        """Accept a member, or its value or name in any case (``"ouderlijk_gezag"``)."""
        if isinstance(value, cls):
            return value
        if isinstance(value, str) and value.isascii():
            naam = value.strip().upper().replace(" ", "_")
            if naam in cls.__members__:
                return cls[naam]
        raise OngeldigFormaatError(
            "grondslag",
            f"{toon(value)} is geen grondslag van vertegenwoordiging "
            f"({', '.join(g.value for g in cls)})",
        )

    @property
    def subjectsoort(self) -> Subjectsoort | None:
        """The soort of subject this ground represents; ``None``: either (a mandate)."""
        return _SUBJECTSOORT_VAN.get(self)


_SUBJECTSOORT_VAN = {
    Vertegenwoordigingsgrondslag.OUDERLIJK_GEZAG: Subjectsoort.NATUURLIJK_PERSOON,
    Vertegenwoordigingsgrondslag.CURATELE: Subjectsoort.NATUURLIJK_PERSOON,
    Vertegenwoordigingsgrondslag.BEWIND: Subjectsoort.NATUURLIJK_PERSOON,
    Vertegenwoordigingsgrondslag.MENTORSCHAP: Subjectsoort.NATUURLIJK_PERSOON,
    Vertegenwoordigingsgrondslag.FUNCTIONARIS: Subjectsoort.NIET_NATUURLIJK_PERSOON,
}


def _grondslag(value: Vertegenwoordigingsgrondslag | str) -> Vertegenwoordigingsgrondslag:
    return Vertegenwoordigingsgrondslag.parse(value)


def _machtiging(value: object) -> str | None:
    return eenregelig("machtiging", value)


@attrs.frozen
class Vertegenwoordiging:
    """Acting on behalf of someone: whom (``vertegenwoordigde``), on what ground, and
    optionally a reference to the mandate (``machtiging``: the id of a DigiD Machtigen
    mandate or an eHerkenning dienst).

    The ground fits the vertegenwoordigde: a person's legal representation
    (``OUDERLIJK_GEZAG``, ``CURATELE``, ``BEWIND``, ``MENTORSCHAP``) is of a natural
    person, ``FUNCTIONARIS`` of an organisation; ``MACHTIGING`` of either.
    """

    vertegenwoordigde: Subject = attrs.field(converter=_vertegenwoordigde)
    grondslag: Vertegenwoordigingsgrondslag = attrs.field(converter=_grondslag)
    machtiging: str | None = attrs.field(
        default=None, kw_only=True, converter=_machtiging, repr=_masker
    )

    def __attrs_post_init__(self) -> None:
        verwacht = self.grondslag.subjectsoort
        soort = SOORT_VAN[type(self.vertegenwoordigde)].subjectsoort
        if verwacht is not None and soort is not None and soort is not verwacht:
            raise OngeldigFormaatError(
                "vertegenwoordigde",
                f"{self.grondslag.value.replace('_', ' ')} is een vertegenwoordiging van een "
                f"{verwacht.omschrijving}, niet van een {soort.omschrijving}",
            )


def _namens(value: object) -> Vertegenwoordiging | None:
    if value is None or isinstance(value, Vertegenwoordiging):
        return value
    raise typefout("namens", "een Vertegenwoordiging of None", value)


@attrs.frozen
class Authenticatie:
    """How the klant proved who they are: the level reached, the means, and whom.

    - ``niveau``: the eIDAS level reached; the register decides on it (rule 5);
    - ``middel``: free text for the audit trail (``"DigiD"``, ``"eHerkenning EH3"``,
      ``"eIDAS"``);
    - ``subject``: the identifier the authentication established (a :class:`Bsn` from
      DigiD, a :class:`KvkNummer`, :class:`Vestigingsnummer` or :class:`Rsin` from
      eHerkenning, a :class:`BuitenlandsNummer` from eIDAS; a plain string is read as
      :func:`als_subject` reads it). The klant acts *als* this subject;
    - ``namens``: a :class:`Vertegenwoordiging`, when the klant acts on behalf of
      another person or organisation (``subject`` is then the representative's own).

    The register records an identificatie only when ``subject`` or
    ``namens.vertegenwoordigde`` is one of its identifiers (rule 10). Both are masked
    in the repr.
    """

    niveau: Betrouwbaarheidsniveau = attrs.field(converter=niveau)
    # Free text: a means written with a number in it ("DigiD 111222333") is masked in the
    # repr, as free text is everywhere; the value is kept as given.
    middel: str | None = attrs.field(default=None, converter=_middel, repr=_masker)
    subject: Subject | None = attrs.field(default=None, kw_only=True, converter=_subject)
    namens: Vertegenwoordiging | None = attrs.field(default=None, kw_only=True, converter=_namens)

    def __attrs_post_init__(self) -> None:
        if (
            self.subject is not None
            and self.namens is not None
            and self.subject == self.namens.vertegenwoordigde
        ):
            raise OngeldigFormaatError(
                "namens", "de vertegenwoordigde is het subject zelf: dat is geen vertegenwoordiging"
            )


def _bron(value: object) -> str:
    return eenregelig("bron", value, verplicht=True)  # type: ignore[return-value]


def _toelichting(value: object) -> str | None:
    return eenregelig("toelichting", value)


@attrs.frozen
class Overname:
    """Identifying data taken over from elsewhere, authenticated there, not here.

    - ``bron``: where they come from (the URL of the other register's API, the name of
      the system or file they were read from);
    - ``oorspronkelijk_niveau``: the level at which they were authenticated there, when
      known;
    - ``toelichting``: free text (why, by which agreement).

    Given to :meth:`~klantregister.KlantRegister.registreer` in place of an
    :class:`Authenticatie`, it records the identificatie without rules 5 and 10: the
    caller states that the identity was established elsewhere. ``klantregister
    import`` takes over every record so.
    """

    bron: str = attrs.field(converter=_bron, repr=_masker)
    oorspronkelijk_niveau: Betrouwbaarheidsniveau | None = attrs.field(
        default=None, kw_only=True, converter=_niveau_of_geen
    )
    toelichting: str | None = attrs.field(
        default=None, kw_only=True, converter=_toelichting, repr=_masker
    )


#: What a klant's identificatie was recorded with: the authentication of the klant, or
#: the take-over of data authenticated elsewhere.
Herkomst: TypeAlias = Authenticatie | Overname


def als_herkomst(value: object) -> Herkomst | None:
    """Converter: ``value`` if it is an Authenticatie, an Overname or ``None``."""
    if value is None or isinstance(value, (Authenticatie, Overname)):
        return value
    raise typefout("herkomst", "een Authenticatie, een Overname of None", value)
