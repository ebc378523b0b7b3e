"""The URL of a subject in the API of its authentic register: a hook of its own.

A Klanten API v1 ``Klant`` points at its subject with ``subject``, the URL of the
ingeschreven persoon in the BRP's API or of the organisation in the Handelsregister's
(KLOK01: a hook into another register, which is what identifying data are). The
register keeps it as an identifier beside the numbers, or alone.

Such a URL may hold a BSN (``.../ingeschrevenpersonen/111222333``): its ``repr`` and
``str`` mask every run of six or more digits, as free text is masked.

>>> url = SubjectUrl("https://brp.example.nl/ingeschrevenpersonen/111222333")
>>> url
SubjectUrl('https://brp.example.nl/ingeschrevenpersonen/******333')
>>> url.waarde
'https://brp.example.nl/ingeschrevenpersonen/111222333'
"""

from __future__ import annotations

import re

import attrs
from typing_extensions import Self

from klantregister.domain import velden
from klantregister.domain.errors import (
    OngeldigeLengteError,
    OngeldigeWaardeError,
    OngeldigFormaatError,
)
from klantregister.domain.identifiers import tekst
from klantregister.domain.meldingen import maskeer, toon

__all__ = ["MAX_SUBJECT_URL", "SubjectUrl"]

#: The longest subject URL: v1 ``subject`` is at most 1000 characters.
MAX_SUBJECT_URL = 1000
_URL = re.compile(velden.BRON)
# The characters RFC 3986 lets a URI hold (unreserved, reserved, and % of an escape):
# a v1 ``subject`` is ``format: uri``. Anything else (a space, non-ASCII) is %-escaped.
_URI_TEKENS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def _waarde(value: object) -> str:
    url = tekst("subject_url", value).strip()
    if len(url) > MAX_SUBJECT_URL:
        raise OngeldigeLengteError(
            "subject_url", f"{len(url)} tekens, ten hoogste {MAX_SUBJECT_URL}"
        )
    if not _URI_TEKENS.fullmatch(url) or not _URL.fullmatch(url):
        raise OngeldigFormaatError(
            "subject_url",
            f"{toon(value)} is geen http(s)-URL met een host, van de tekens die een URI "
            "mag bevatten (RFC 3986; een ander teken %-gecodeerd)",
        )
    return url


@attrs.frozen(repr=False, str=False)
class SubjectUrl:
    """The http(s) URL of one subject in its register's API, of the characters a URI
    may hold (RFC 3986); compared as written (surrounding whitespace stripped)."""

    waarde: str = attrs.field(converter=_waarde)

    @classmethod
    def parse(cls, value: SubjectUrl | str) -> Self:
        """``value`` itself if it is one; else a new one from the text."""
        if isinstance(value, cls):
            return value
        return cls(value)

    @classmethod
    def is_valid(cls, value: object) -> bool:
        """Whether ``value`` is text that is a valid subject URL."""
        try:
            cls(value)
        except OngeldigeWaardeError:
            return False
        return True

    def format(self) -> str:
        """The URL in full (this may be personal data)."""
        return self.waarde

    def __str__(self) -> str:
        return maskeer(self.waarde)

    def __repr__(self) -> str:
        return f"SubjectUrl({maskeer(self.waarde)!r})"
