"""References between the resources of a Partij: by ``uuid``, by ``url``, or both.

A reference (``subIdentificatorVan``, ``verstrektDoorPartij``, an entry of
``digitaleAdressen``) is ``{"uuid", "url"}`` in a response, ``{"uuid"}`` in a
request; older exports give the uuid or url as text. Two resources are the same
when they share a key: the uuid, the url, or the uuid a url ends in, compared in
lower case and without a closing ``/``.

>>> sorted(sleutels({"url": "https://ok.example.nl/api/v1/partijen/ABC/"}))
['abc', 'https://ok.example.nl/api/v1/partijen/abc']
>>> sleutels(42) is None
True
"""

from __future__ import annotations

from klantregister.domain import toon
from klantregister.formats.resultaat import UUID, uuid_aan_het_eind

__all__ = ["benoem", "sleutels", "uuid_van"]


def sleutels(waarde: object) -> frozenset[str] | None:
    """The keys a resource or a reference to one gives (an object with a ``uuid`` or
    ``url``, or either as text); ``None`` when it gives neither."""
    if isinstance(waarde, str):
        waarde = {"url" if "/" in waarde else "uuid": waarde}
    if not isinstance(waarde, dict):
        return None
    gegeven = {
        w.strip().lower().rstrip("/")
        for w in (waarde.get("uuid"), waarde.get("url"))
        if isinstance(w, str) and w.strip().rstrip("/")
    }
    # A url ends in the uuid of what it names.
    gegeven |= {s.rsplit("/", 1)[-1] for s in gegeven if "/" in s}
    return frozenset(gegeven) or None


def uuid_van(waarde: object) -> str | None:
    """The UUID a resource or a reference names (its ``uuid``, else the one its ``url``
    ends in), in lower case; ``None`` when it names none."""
    if isinstance(waarde, str):
        waarde = {"url" if "/" in waarde else "uuid": waarde}
    if not isinstance(waarde, dict):
        return None
    for gegeven in (waarde.get("uuid"), waarde.get("url")):
        if isinstance(gegeven, str):
            tekst = gegeven.strip()
            if UUID.fullmatch(tekst):
                return tekst.lower()
            if (gevonden := uuid_aan_het_eind(tekst)) is not None:
                return str(gevonden)
    return None


def benoem(waarde: object) -> str:
    """A reference as a message names it: the UUID it names, else the value, shown masked."""
    gevonden = uuid_van(waarde)
    return f"uuid {gevonden}" if gevonden is not None else toon(waarde)
