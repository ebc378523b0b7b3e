"""What both API writers share: the two forms of an object, their arguments, an API page,
and the refusal of a klant a format cannot hold."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any, Literal, TypeAlias

from klantregister.domain import (
    FormaatError,
    Klant,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    als_bron,
    toon,
)
from klantregister.formats.stream import schrijf_regels

__all__ = ["Vorm", "antwoord", "niet_schrijfbaar", "schrijf_pagina", "url_argument"]

#: A request body (what a client sends) or a response (what a server returns).
Vorm: TypeAlias = Literal["verzoek", "antwoord"]
_VORMEN = ("verzoek", "antwoord")


def antwoord(vorm: object) -> bool:
    """Whether ``vorm`` is ``"antwoord"``; ``OngeldigFormaatError`` for anything but a form."""
    if vorm not in _VORMEN:
        raise OngeldigFormaatError("vorm", f"{toon(vorm)} is niet 'verzoek' of 'antwoord'")
    return vorm == "antwoord"


def url_argument(veld: str, url: str | None) -> str | None:
    """An http(s) URL given as the argument ``veld``, or ``None``."""
    if url is None:
        return None
    try:
        return als_bron(url)
    except OngeldigeWaardeError:
        raise OngeldigFormaatError(veld, f"{toon(url)} is geen http(s)-URL") from None


def schrijf_pagina(
    resultaten: Sequence[dict[str, Any]],
    bestand: IO[str],
    *,
    count: int | None,
    next: str | None,
    previous: str | None,
) -> int:
    """Write ``resultaten`` as one page of an API's list (``count``, ``next``,
    ``previous``, ``results``), as one line of JSON; the number on the page.

    ``count`` is the number on all pages together, by default the number on this one.
    """
    if count is None:
        count = len(resultaten)
    elif not isinstance(count, int) or isinstance(count, bool) or count < len(resultaten):
        raise OngeldigFormaatError(
            "count", f"{toon(count)} is geen geheel getal van ten minste {len(resultaten)}"
        )
    pagina = {
        "count": count,
        "next": url_argument("next", next),
        "previous": url_argument("previous", previous),
        "results": list(resultaten),
    }
    schrijf_regels([pagina], bestand)
    return len(resultaten)


def niet_schrijfbaar(klant: Klant, veld: str, reden: str) -> FormaatError:
    """The refusal of ``klant``, whose ``veld`` the format cannot hold, and why."""
    return FormaatError(f"klant {klant.id} past niet in dit formaat: {veld}: {reden}")
