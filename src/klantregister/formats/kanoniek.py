"""The library's own JSON for a :class:`~klantregister.Klant`, versioned and lossless.

>>> import uuid
>>> from klantregister import Klant
>>> klant = Klant(uuid.UUID(int=1), "0363", "K1")
>>> naar_dict(klant)["formaat"], naar_dict(klant)["formaatversie"]
('klantregister/klant', 1)
>>> uit_dict(naar_dict(klant)) == klant
True

``formaatversie`` is the version of this format; ``versie`` is the klant's own
(optimistic concurrency). A reader refuses a format version it does not know.
"""

from __future__ import annotations

from typing import Any

from klantregister.domain import (
    FormaatError,
    Klant,
    KlantregisterError,
    OngeldigFormaatError,
    identificatie_naar_dict,
    identificatie_uit_dict,
    klantgegevens_naar_dict,
    klantgegevens_uit_dict,
    toon,
    typefout,
)

__all__ = [
    "FORMAAT",
    "FORMAATVERSIE",
    "identificatie_naar_dict",
    "identificatie_uit_dict",
    "klantgegevens_naar_dict",
    "klantgegevens_uit_dict",
    "naar_dict",
    "uit_dict",
]

#: The value of the ``formaat`` member.
FORMAAT = "klantregister/klant"
#: The version of the format this release writes and reads.
FORMAATVERSIE = 1


def naar_dict(klant: Klant) -> dict[str, Any]:
    """The klant as a JSON-ready dict of this format. Holds the identifiers in full."""
    return {
        "formaat": FORMAAT,
        "formaatversie": FORMAATVERSIE,
        "id": str(klant.id),
        "gemeente": klant.gemeente.waarde,
        "klantnummer": klant.klantnummer,
        "versie": klant.versie,
        "klantgegevens": klantgegevens_naar_dict(klant.klantgegevens),
        "identificatie": None
        if klant.identificatie is None
        else identificatie_naar_dict(klant.identificatie),
    }


def uit_dict(data: object) -> Klant:
    """The klant a dict of this format describes.

    Raises :class:`~klantregister.FormaatError` for another format or
    version, and an :class:`~klantregister.OngeldigeWaardeError` (naming the
    field) for a value the klant refuses.
    """
    if not isinstance(data, dict):
        raise FormaatError(f"verwacht een object, kreeg {type(data).__name__}")
    if data.get("formaat") != FORMAAT:
        raise FormaatError(f"formaat is {toon(data.get('formaat'))}, verwacht {FORMAAT!r}")
    if data.get("formaatversie") != FORMAATVERSIE:
        raise FormaatError(
            f"formaatversie {toon(data.get('formaatversie'))} is onbekend; "
            f"deze versie leest {FORMAATVERSIE}"
        )
    gegevens = data.get("klantgegevens") or {}
    if not isinstance(gegevens, dict):
        raise typefout("klantgegevens", "een object", gegevens)
    identificatie = data.get("identificatie")
    try:
        return Klant(
            data.get("id"),  # type: ignore[arg-type]
            data.get("gemeente"),  # type: ignore[arg-type]
            data.get("klantnummer"),
            klantgegevens_uit_dict(gegevens),
            None if identificatie is None else identificatie_uit_dict(identificatie),
            data.get("versie"),
        )
    except KlantregisterError:
        raise
    except TypeError as fout:  # a value of a type no converter expected
        raise OngeldigFormaatError("klant", str(fout)) from None
