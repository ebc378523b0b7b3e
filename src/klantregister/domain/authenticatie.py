"""Authentication of the klant: the eIDAS assurance levels (rule 5).

Recording identificerende gegevens needs the klant's identity to be
established by an authentication means of sufficient *betrouwbaarheidsniveau*
(KLUIT06). Which level suffices is the gemeente's policy, so the register
takes it as a setting.

>>> Betrouwbaarheidsniveau.LAAG < Betrouwbaarheidsniveau.SUBSTANTIEEL < Betrouwbaarheidsniveau.HOOG
True
>>> Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD Midden")
Authenticatie(niveau=<Betrouwbaarheidsniveau.SUBSTANTIEEL: 2>, middel='DigiD Midden')
"""

from __future__ import annotations

import enum

import attrs

from klantregister.domain.errors import OngeldigFormaatError
from klantregister.domain.meldingen import maskeer, toon

__all__ = ["Authenticatie", "Betrouwbaarheidsniveau"]


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


def _middel(value: object) -> str | None:
    if value is None:
        return None
    middel = value.strip() if isinstance(value, str) else ""
    if not middel or not middel.isprintable():
        raise OngeldigFormaatError("middel", "verwacht de naam van het authenticatiemiddel")
    return middel


@attrs.frozen
class Authenticatie:
    """How the klant proved who they are: the level reached, and optionally the means.

    ``middel`` is free text for the audit trail (``"DigiD Substantieel"``,
    ``"eHerkenning EH3"``, ``"eIDAS"``); the register decides on ``niveau``.
    """

    niveau: Betrouwbaarheidsniveau = attrs.field(converter=niveau)
    # Free text: a means written with a number in it ("DigiD 111222333") is masked in the
    # repr, as free text is everywhere; the value is kept as given.
    middel: str | None = attrs.field(
        default=None,
        converter=_middel,
        repr=lambda middel: repr(middel if middel is None else maskeer(middel)),
    )
