"""The separators people type or paste inside numbers, and how to remove them.

Space, full stop and hyphen, and the Unicode characters that look like them:
exactly what python-stdnum's ``clean()`` folds into ``" "``, ``"."`` and
``"-"``. Removing exactly these keeps :meth:`Bsn.is_valid
<klantregister.Bsn.is_valid>` in agreement with ``stdnum.nl.bsn.is_valid`` on
every text without Unicode digits.

>>> zonder_scheidingstekens(" 1112\N{EN DASH}22\N{NO-BREAK SPACE}333 ")
'111222333'
"""

from __future__ import annotations

import unicodedata

__all__ = ["SCHEIDINGSTEKENS", "zonder_scheidingstekens"]

#: Every separator removed from a number.
SCHEIDINGSTEKENS = frozenset(
    " .-"
    + "".join(
        unicodedata.lookup(naam)
        for naam in (
            # spaces
            "NO-BREAK SPACE",
            "EN QUAD",
            "EM QUAD",
            "EN SPACE",
            "EM SPACE",
            "THREE-PER-EM SPACE",
            "FOUR-PER-EM SPACE",
            "SIX-PER-EM SPACE",
            "FIGURE SPACE",
            "PUNCTUATION SPACE",
            "THIN SPACE",
            "HAIR SPACE",
            "NARROW NO-BREAK SPACE",
            "MEDIUM MATHEMATICAL SPACE",
            "IDEOGRAPHIC SPACE",
            "OGHAM SPACE MARK",
            # hyphens, dashes and minus signs
            "ARMENIAN HYPHEN",
            "HEBREW PUNCTUATION MAQAF",
            "HYPHEN",
            "NON-BREAKING HYPHEN",
            "FIGURE DASH",
            "EN DASH",
            "EM DASH",
            "HORIZONTAL BAR",
            "SMALL HYPHEN-MINUS",
            "FULLWIDTH HYPHEN-MINUS",
            "MONGOLIAN NIRUGU",
            "OVERLINE",
            "HYPHEN BULLET",
            "MACRON",
            "MODIFIER LETTER MINUS SIGN",
            "FULLWIDTH MACRON",
            "SUPERSCRIPT MINUS",
            "SUBSCRIPT MINUS",
            "MINUS SIGN",
            "HORIZONTAL LINE EXTENSION",
            "HORIZONTAL SCAN LINE-1",
            "HORIZONTAL SCAN LINE-3",
            "HORIZONTAL SCAN LINE-7",
            "HORIZONTAL SCAN LINE-9",
            "STRAIGHTNESS",
            # full stops and dots
            "MIDDLE DOT",
            "GREEK ANO TELEIA",
            "ARABIC FULL STOP",
            "IDEOGRAPHIC FULL STOP",
            "SYRIAC SUPRALINEAR FULL STOP",
            "SYRIAC SUBLINEAR FULL STOP",
            "SAMARITAN PUNCTUATION NEQUDAA",
            "TIBETAN MARK INTERSYLLABIC TSHEG",
            "TIBETAN MARK DELIMITER TSHEG BSTAR",
            "RUNIC SINGLE PUNCTUATION",
            "BULLET",
            "ONE DOT LEADER",
            "HYPHENATION POINT",
            "WORD SEPARATOR MIDDLE DOT",
            "RAISED DOT",
            "KATAKANA MIDDLE DOT",
            "SMALL FULL STOP",
            "FULLWIDTH FULL STOP",
            "HALFWIDTH KATAKANA MIDDLE DOT",
            "AEGEAN WORD SEPARATOR DOT",
            "PHOENICIAN WORD SEPARATOR",
            "KHAROSHTHI PUNCTUATION DOT",
            "DOT ABOVE",
            "ARABIC SYMBOL DOT ABOVE",
            "ARABIC SYMBOL DOT BELOW",
            "BULLET OPERATOR",
            "DOT OPERATOR",
        )
    )
)
_VERWIJDER = str.maketrans(dict.fromkeys(SCHEIDINGSTEKENS))


def zonder_scheidingstekens(value: str) -> str:
    """``value`` without separators and surrounding whitespace."""
    return value.translate(_VERWIJDER).strip()
