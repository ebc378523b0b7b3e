"""Authentications that cover an identificatie (rule 10), for tests of the other rules.

``als(identificatie, basis)`` is ``basis`` (by default a DigiD authentication at level
substantieel) with the identificatie's first identifier as the subject it established:
what a register with ``vereis_subject=True`` needs to record it.
"""

from __future__ import annotations

from typing import Any

import attrs

from klantregister import Authenticatie, Identificatie, Overname, SubjectUrl

__all__ = ["OVERNAME", "als", "vastgelegd"]

_DIGID = Authenticatie("substantieel", "DigiD")


def als(identificatie: Identificatie | None, basis: Authenticatie | None = _DIGID) -> Authenticatie:
    """``basis`` with the subject it established: the identificatie's first identifier that
    an authentication can establish (not its subject URL)."""
    if not isinstance(basis, Authenticatie) or not isinstance(identificatie, Identificatie):
        # What the test gave, to be refused (a wrong type) or not needed (no identificatie).
        return basis  # type: ignore[return-value]
    subject = next(
        (i for i in identificatie.identificatoren if not isinstance(i, SubjectUrl)), None
    )
    if subject is None:
        raise AssertionError("een identificatie met alleen een subject-URL: geef een Overname")
    return attrs.evolve(basis, subject=subject)


#: Identifying data taken over from elsewhere, for a test that records them without an
#: authentication of the klant (an identificatie of only a subject URL has no subject an
#: authentication could establish).
OVERNAME = Overname("https://klanten.example.nl/api/v1", toelichting="test")


def vastgelegd(
    identificatie: Identificatie | None, basis: Authenticatie | None = _DIGID
) -> dict[str, Any]:
    """The keyword arguments that record ``identificatie``: ``authenticatie=als(...)``, or
    ``overname=OVERNAME`` for an identificatie of only a subject URL."""
    if isinstance(identificatie, Identificatie) and all(
        isinstance(i, SubjectUrl) for i in identificatie.identificatoren
    ):
        return {"overname": OVERNAME}
    return {"authenticatie": als(identificatie, basis)}
