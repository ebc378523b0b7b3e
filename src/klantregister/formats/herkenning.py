"""Which format a record looks like: so that no reader takes another format's record in silence.

A Klanten API v1 reader given the library's own JSON, say, would find none of its
fields and read an empty zelfstandige klant. Each reader asks :func:`vreemd_formaat`
first and refuses a record with none of its format's fields, or one of the
library's own format (with a ``formaat`` member), naming the format it looks like.

>>> v1 = {"klantnummer", "voornaam"}
>>> reden = vreemd_formaat({"formaat": "klantregister/klant", "voornaam": "An"}, "klanten_v1", v1)
>>> for deel in reden.split(": "):
...     print(deel)
geen record van de Klanten API v1
het lijkt op het eigen formaat van klantregister (--invoer kanoniek)
>>> vreemd_formaat({"klantnummer": "K1"}, "klanten_v1", v1) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping, Set

__all__ = ["FORMAAT", "KENMERKEN", "herken", "vreemd_formaat"]

#: The ``formaat`` member of the library's own JSON (:mod:`klantregister.formats.kanoniek`).
FORMAAT = "klantregister/klant"

#: Per format (as ``--invoer`` names it): its name in messages, and the members that mark
#: a record as one of it (what its specification requires, or only it has).
KENMERKEN: Mapping[str, tuple[str, frozenset[str]]] = {
    "kanoniek": ("het eigen formaat van klantregister", frozenset({"formaat", "formaatversie"})),
    "klantinteracties": (
        "Klantinteracties (een Partij)",
        frozenset(
            {"soortPartij", "partijIdentificatie", "partijIdentificatoren", "digitaleAdressen"}
        ),
    ),
    "klanten_v1": (
        "de Klanten API v1",
        frozenset({"bronorganisatie", "klantnummer", "subjectType", "subjectIdentificatie"}),
    ),
}


def herken(record: Mapping[str, object]) -> str | None:
    """The format ``record`` looks like, by the members that mark one (``"kanoniek"``,
    ``"klantinteracties"``, ``"klanten_v1"``); ``None`` when it has none of them."""
    return next(
        (formaat for formaat, (_, leden) in KENMERKEN.items() if not leden.isdisjoint(record)),
        None,
    )


def vreemd_formaat(record: Mapping[str, object], formaat: str, velden: Set[str]) -> str | None:
    """Why ``record`` is no record of ``formaat``, whose members are ``velden``, naming the
    format it looks like; ``None`` when it is one: it has one of ``velden`` and, unless
    ``formaat`` is the library's own, no ``formaat`` or ``formaatversie`` member."""
    naam = KENMERKEN[formaat][0]
    kanoniek = not KENMERKEN["kanoniek"][1].isdisjoint(record)
    if (formaat == "kanoniek" or not kanoniek) and not velden.isdisjoint(record):
        return None
    lijkt_op = herken(record)
    if lijkt_op is None or lijkt_op == formaat:
        return f"geen record van {naam}: het heeft geen enkel veld van dat formaat"
    return f"geen record van {naam}: het lijkt op {KENMERKEN[lijkt_op][0]} (--invoer {lijkt_op})"
