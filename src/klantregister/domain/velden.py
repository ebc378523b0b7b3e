"""The field spec of :class:`~klantregister.Klantgegevens` and :class:`~klantregister.Adres`.

Every limit and pattern of the contact data is declared here, once, with the
source it comes from (the Klanten API v1 unless said otherwise). The value
objects check by it, the check's fast path and the formats derive their tests
and messages from it, and ``docs/architecture.md`` points here. It is public as
``klantregister.velden``, for users who validate a form before they build a value:

>>> from klantregister import velden
>>> velden.KLANTGEGEVENS["telefoonnummer"].maximum, velden.TELEFOON_MIN_CIJFERS
(20, 3)

>>> KLANTGEGEVENS["achternaam"].maximum
200
>>> ADRES["huisnummertoevoeging"]
Veld(naam='huisnummertoevoeging', maximum=4, patroon='[A-Za-z0-9]{1,4}', controle=None)
>>> HUISNUMMER_MIN, HUISNUMMER_MAX
(0, 99999)
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

__all__ = [
    "ADRES",
    "BRON",
    "BRP_LANDCODE",
    "BRP_NEDERLAND",
    "DOMEINLABEL",
    "EMAIL_ASCII",
    "EMAIL_MAX_LOKAAL",
    "HUISNUMMER_MAX",
    "HUISNUMMER_MIN",
    "KLANTGEGEVENS",
    "LANDCODE",
    "LAND_NEDERLAND",
    "MAX_POSTCODE_BUITENLAND",
    "POSTCODE_NL",
    "POSTCODE_NL_NIET_UITGEGEVEN",
    "POSTCODE_NL_UITGEGEVEN",
    "TAALCODE",
    "TELEFOONNUMMER",
    "TELEFOON_MIN_CIJFERS",
    "URL_ASCII",
    "URL_SCHEMAS",
    "UUID",
    "Veld",
]


@attrs.frozen
class Veld:
    """One text field: its attribute name, its longest value and, where it has one, its
    shape.

    ``maximum`` counts characters after normalisation (whitespace collapsed, Unicode
    NFC). ``patroon`` is a regular expression the whole value must match
    (:func:`re.fullmatch`); ``controle`` names, in words, any check besides (the
    constants it uses are below). A field with neither is free text.
    """

    naam: str
    maximum: int
    patroon: str | None = None
    controle: str | None = None

    @property
    def vrije_tekst(self) -> bool:
        """Whether any printable text up to ``maximum`` characters will do."""
        return self.patroon is None and self.controle is None


# --- contact data ---------------------------------------------------------------------

#: A telephone number: digits and the separators people write, an area code perhaps
#: first in parentheses, as in ``(020) 123 4567``.
TELEFOONNUMMER = r"\+?[0-9(][0-9 ()./-]*"
#: A telephone number has at least this many digits.
TELEFOON_MIN_CIJFERS = 3
#: The longest local part of an e-mail address (RFC 5321).
EMAIL_MAX_LOKAAL = 64
#: A label of an e-mail address's domain: letters of any script (IDN), digits and inner
#: hyphens, at most 63 characters; no ``_``.
DOMEINLABEL = r"[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?"
#: The schemes a ``website_url`` may have.
URL_SCHEMAS = frozenset({"http", "https"})
#: The common case of an e-mail address, in ASCII: a narrower rule than the full one
#: (``EMAIL_MAX_LOKAAL``, ``DOMEINLABEL``, a domain of two labels at least, the last not
#: all digits), so a value it matches needs no other check.
EMAIL_ASCII = (
    rf"[A-Za-z0-9._%+-]{{1,{EMAIL_MAX_LOKAAL}}}"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
#: The common case of a ``website_url``, in ASCII: one of the ``URL_SCHEMAS`` as written,
#: a host of letters, digits, hyphens and dots, then printable ASCII after a ``/``, ``?``
#: or ``#``; narrower than the full rule, so a value it matches needs no other check.
URL_ASCII = (
    f"(?:{'|'.join(sorted(URL_SCHEMAS))})"
    r"://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?:[/?#][!-~]*)?"
)
#: The ``bron`` of a klant, the URL of the record it was taken over from: http(s), a host,
#: then anything without whitespace (at most ``MAX_BRON`` characters, printable).
BRON = r"(?i:https?)://[^\s/?#]+(?:[/?#]\S*)?"
#: A record's ``uuid``, as both APIs write it: 8-4-4-4-12 hexadecimal digits.
UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
#: A language code: three letters of ISO 639-2 (bibliographic or terminologic), written in
#: lower case.
TAALCODE = r"[a-z]{3}"

#: The text fields of :class:`~klantregister.Klantgegevens`, by attribute name.
KLANTGEGEVENS: Mapping[str, Veld] = {
    veld.naam: veld
    for veld in (
        Veld("voorletters", 10),
        Veld("voornaam", 200),
        Veld("voorvoegsel_achternaam", 10),
        Veld("achternaam", 200),
        Veld("bedrijfsnaam", 200),
        Veld("functie", 200),
        Veld("emailadres", 254, controle="naam@domein, zie EMAIL_MAX_LOKAAL en DOMEINLABEL"),
        Veld("telefoonnummer", 20, TELEFOONNUMMER, controle="TELEFOON_MIN_CIJFERS cijfers"),
        Veld("website_url", 1000, controle="een URL met een host en een van de URL_SCHEMAS"),
        Veld("voorkeurstaal", 3, TAALCODE, controle="een code van ISO 639-2"),
    )
}

# --- addresses ------------------------------------------------------------------------

#: A Dutch postcode: four digits, the first not 0, and two letters, a space between
#: perhaps; written as ``1234 AB``. Lower-case letters are matched as such, not through
#: ``str.upper()``, which maps ``"ß"`` to ``"SS"``.
POSTCODE_NL = r"([1-9][0-9]{3}) ?([A-Za-z]{2})"
#: The letters PostNL never issues (for their historical connotations).
POSTCODE_NL_NIET_UITGEGEVEN = frozenset({"SA", "SD", "SS"})
#: A postcode PostNL may issue: :data:`POSTCODE_NL` without the letters it never issues
#: (derived, without groups, for tests that need one pattern).
POSTCODE_NL_UITGEGEVEN = (
    r"[1-9][0-9]{3} ?(?!"
    + "|".join(
        "".join(f"[{letter}{letter.lower()}]" for letter in letters)
        for letters in sorted(POSTCODE_NL_NIET_UITGEGEVEN)
    )
    + r")[A-Za-z]{2}"
)
#: The longest foreign postcode (a longer one, such as ``SW1A 2AA``, goes in an
#: ``adresregel``).
MAX_POSTCODE_BUITENLAND = 7
#: The range of a huisnummer.
HUISNUMMER_MIN, HUISNUMMER_MAX = 0, 99999
#: A land: an ISO 3166-1 alpha-2 code, written in upper case.
LANDCODE = r"[A-Z]{2}"
#: A land in the BRP Landentabel (Tabel 34): four digits, ``0000`` (Onbekend) included.
BRP_LANDCODE = r"[0-9]{4}"
#: Nederland in the BRP Landentabel.
BRP_NEDERLAND = "6030"
#: The land of an address that names none.
LAND_NEDERLAND = "NL"

#: The text fields of :class:`~klantregister.Adres`, by attribute name. A postcode is read
#: as text of at most 100 characters, then checked by its land's rules (above); the
#: adresregels hold the lines of a foreign address (Klantinteracties API).
ADRES: Mapping[str, Veld] = {
    veld.naam: veld
    for veld in (
        Veld("straatnaam", 100),
        Veld("huisletter", 1, r"[A-Za-z]"),
        Veld("huisnummertoevoeging", 4, r"[A-Za-z0-9]{1,4}"),
        Veld("postcode", 100, controle="POSTCODE_NL, of MAX_POSTCODE_BUITENLAND tekens"),
        Veld("woonplaatsnaam", 80),
        Veld("adresregel1", 80),
        Veld("adresregel2", 80),
        Veld("adresregel3", 80),
    )
}
