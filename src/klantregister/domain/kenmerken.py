"""Kenmerken: what a klant is as a party, beyond the data it gave and the hook it has.

Klantinteracties (Open Klant) holds three things of a ``Partij`` that are neither
klantgegevens nor identificerende gegevens, and the register keeps them so that a
Partij survives a round trip:

- ``soort``: a persoon, an organisatie, or a contactpersoon (a natural person who
  speaks for an organisation, ``werkt_voor`` the id of that organisation's klant);
  ``None`` where the source said nothing (a Klanten API v1 Klant): then the
  identificatie, or else the klantgegevens, say which it is;
- ``actief``: whether the klant may still be contacted with these data; a klant that
  is not is kept, not removed (``indicatieActief``);
- ``geheimhouding``: whether the klant asked for its data to be kept secret, ``None``
  when it was not asked (``indicatieGeheimhouding``).

The soort agrees with the identificatie (KLOK01 rule 3): an organisatie has no natural
person's identificatie, a persoon or contactpersoon no organisation's.

>>> Kenmerken("contactpersoon", werkt_voor="00000000-0000-0000-0000-000000000001").soort
<Partijsoort.CONTACTPERSOON: 'contactpersoon'>
>>> GEEN_KENMERKEN.actief, GEEN_KENMERKEN.geheimhouding
(True, None)
"""

from __future__ import annotations

import enum
import uuid
from typing import TYPE_CHECKING

import attrs

from klantregister.domain.errors import (
    GemengdeIdentificatieError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    typefout,
)
from klantregister.domain.klok01 import REGEL_3, Subjectsoort
from klantregister.domain.meldingen import toon

if TYPE_CHECKING:
    from klantregister.domain.identificatie import Identificatie

__all__ = [
    "GEEN_KENMERKEN",
    "Kenmerken",
    "Partijsoort",
    "als_kenmerken",
    "controleer_kenmerken",
]


class Partijsoort(enum.Enum):
    """The soort of a Partij (``soortPartij``)."""

    PERSOON = "persoon"
    ORGANISATIE = "organisatie"
    CONTACTPERSOON = "contactpersoon"

    @property
    def subjectsoort(self) -> Subjectsoort:
        """The soort of subject a klant of this soort may be hooked to."""
        if self is Partijsoort.ORGANISATIE:
            return Subjectsoort.NIET_NATUURLIJK_PERSOON
        return Subjectsoort.NATUURLIJK_PERSOON


def _soort(value: object) -> Partijsoort | None:
    if value is None or value.__class__ is Partijsoort:
        return value
    try:
        return Partijsoort(value)
    except ValueError:
        pass  # raised below, so that the enum's error (which repeats the value) is no context
    raise OngeldigFormaatError(
        "kenmerken.soort",
        f"{toon(value)} is geen partijsoort ({', '.join(s.value for s in Partijsoort)})",
    )


# Named converters, as mypy's attrs plugin needs; a bool only (not 0 or 1).
def _actief(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise typefout("kenmerken.actief", "True of False", value)


def _geheimhouding(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise typefout("kenmerken.geheimhouding", "True, False of None", value)


def _werkt_voor(value: object) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            pass
    raise OngeldigFormaatError("kenmerken.werkt_voor", f"{toon(value)} is geen UUID")


@attrs.frozen
class Kenmerken:
    """A klant's soort of party, whether it is active, and whether its data are secret.

    ``werkt_voor`` (the id of the organisation a contactpersoon speaks for) is given
    only with ``soort`` contactpersoon. Every value is checked; a wrong one raises an
    :class:`~klantregister.OngeldigeWaardeError` naming ``kenmerken.<field>``.
    """

    soort: Partijsoort | None = attrs.field(default=None, converter=_soort)
    actief: bool = attrs.field(default=True, converter=_actief)
    geheimhouding: bool | None = attrs.field(default=None, converter=_geheimhouding)
    werkt_voor: uuid.UUID | None = attrs.field(default=None, converter=_werkt_voor)

    def __attrs_post_init__(self) -> None:
        if self.werkt_voor is not None and self.soort is not Partijsoort.CONTACTPERSOON:
            raise OngeldigFormaatError(
                "kenmerken.werkt_voor",
                "alleen een contactpersoon werkt voor een organisatie",
            )


#: The kenmerken of a klant whose source said nothing of them: active, no soort, no
#: word on secrecy.
GEEN_KENMERKEN = Kenmerken()


def als_kenmerken(value: object) -> Kenmerken:
    """Converter: ``value`` if it is Kenmerken, :data:`GEEN_KENMERKEN` for ``None``."""
    if value is None:
        return GEEN_KENMERKEN
    if isinstance(value, Kenmerken):
        return value
    raise typefout("kenmerken", "Kenmerken of None", value)


def controleer_kenmerken(
    kenmerken: Kenmerken, identificatie: Identificatie | None, klant_id: uuid.UUID | None = None
) -> None:
    """Rule 3 for the soort: it agrees with the identificatie's; a contactpersoon does
    not speak for itself.

    Raises :class:`~klantregister.GemengdeIdentificatieError`, or an
    :class:`~klantregister.OngeldigeWaardeError` for ``werkt_voor``.
    """
    soort = kenmerken.soort
    if soort is None:
        return
    if identificatie is not None and identificatie.soort is not soort.subjectsoort:
        raise GemengdeIdentificatieError(
            3,
            f"de klant is een {soort.value} (kenmerken.soort) en de identificatie die van een "
            f"{identificatie.soort.omschrijving}; {REGEL_3}",
        )
    if klant_id is not None and kenmerken.werkt_voor == klant_id:
        raise OngeldigeWaardeError(
            "kenmerken.werkt_voor", "een contactpersoon werkt niet voor zichzelf"
        )
