"""Values as messages show them: personal numbers masked, input quoted, words listed.

A BSN or A-nummer is personal data (KLUIT06): no exception message, ``repr`` or
log line may carry one in full. :func:`maskeer` masks every run of six or more
digits, whatever separators stand between them; :func:`toon` also quotes and
shortens an input for a message; :func:`maskeer_nummer` masks a compact number
but its last digits. The numbers of organisations (RSIN, KvK-nummer,
vestigingsnummer) are no personal data: where one is expected, :func:`toon_openbaar`
shows it in full, so the user sees which one is meant.

>>> maskeer_nummer("111222333")
'******333'
"""

from __future__ import annotations

import re

__all__ = [
    "getoond",
    "getoonde_telling",
    "maskeer",
    "maskeer_id",
    "maskeer_nummer",
    "opsomming",
    "toon",
    "toon_openbaar",
]


# Six or more digits, whatever separators stand between them: long enough to be
# (part of) a BSN or A-nummer, which no message may show (KLUIT06).
# Separators are anything but letters and digits; \d and [\W_] never overlap, so the
# pattern runs in linear time.
_CIJFERREEKS = re.compile(r"\d(?:[\W_]*\d){5,}")
_MAX_GETOOND = 40


def maskeer(value: object) -> str:
    """``value`` as text, with every run of six or more digits masked but its last three.

    Separators of any length may stand between the digits: ``compact()`` removes
    them all, so ``"111 - 222 - 333"`` is as much a BSN as ``"111222333"``.

    >>> maskeer(111222333)
    '******333'
    """
    tekst = value if isinstance(value, str) else repr(value)
    return _CIJFERREEKS.sub(_maskeer_cijfers, tekst)


def toon(value: object) -> str:
    """The input as an error message may show it: quoted, short, long digit runs masked.

    >>> toon("tel. 06-12345678")
    "'tel. **-*****678'"
    >>> toon("111 - 222 - 333")
    "'*** - *** - 333'"
    """
    # Mask before cutting to length, so a cut cannot split a run and leave digits bare;
    # the first cut only bounds the work on huge input.
    tekst = maskeer(value if not isinstance(value, str) else value[: 5 * _MAX_GETOOND])
    if len(tekst) > _MAX_GETOOND:
        tekst = tekst[:_MAX_GETOOND] + "..."
    return repr(tekst)


# A UUID as both APIs write one (velden.UUID; not imported, to keep this module a leaf).
_UUID = re.compile(r"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})")


def maskeer_id(tekst: str) -> str:
    """A record's id as a report shows it: the UUIDs in it as they are, every other long
    digit run masked. A ``uuid`` or a url ending in one is shown whole (a UUID is
    generated, no personal data, and what the user looks the record up by); a url
    that holds a BSN (``.../klanten?bsn=111222333``) is not.

    >>> maskeer_id("https://k.example.nl/klanten/00000000-0000-0000-0000-000000000001")
    'https://k.example.nl/klanten/00000000-0000-0000-0000-000000000001'
    >>> maskeer_id("https://k.example.nl/klanten?bsn=111222333")
    'https://k.example.nl/klanten?bsn=******333'
    """
    delen = _UUID.split(tekst)
    # re.split with a group: the UUIDs at the odd places, the text between at the even.
    return "".join(deel if i % 2 else maskeer(deel) for i, deel in enumerate(delen))


def getoond(value: object) -> str:
    """A field as the ``repr`` of a result shows it (``attrs.field(repr=getoond)``): its
    ``repr`` with every long digit run masked but the UUIDs, as :func:`maskeer_id` masks.

    >>> getoond("111222333"), getoond(111222333)
    ("'******333'", '******333')
    """
    return maskeer_id(repr(value))


def getoonde_telling(value: object) -> str:
    """A count or a position as the ``repr`` of a result shows it: a whole number in full
    (a count is no personal data), anything else as :func:`getoond` shows it.

    >>> getoonde_telling(1234567), getoonde_telling("111222333")
    ('1234567', "'******333'")
    """
    return repr(value) if value.__class__ is int else getoond(value)


def toon_openbaar(value: object) -> str:
    """An input that is known not to be personal data, as a message shows it: quoted and
    short, its digits in full. For the numbers of organisations (an RSIN, a
    KvK-nummer, a vestigingsnummer) where they are expected: the user must see which
    one is meant.

    >>> toon_openbaar("123456782")
    "'123456782'"
    """
    tekst = value[: 5 * _MAX_GETOOND] if isinstance(value, str) else repr(value)
    if len(tekst) > _MAX_GETOOND:
        tekst = tekst[:_MAX_GETOOND] + "..."
    return repr(tekst)


def _maskeer_cijfers(match: re.Match[str]) -> str:
    """Mask every digit of the run but the last three, so numbers stay distinguishable."""
    te_maskeren = sum(teken.isdigit() for teken in match.group()) - 3
    tekens = []
    for teken in match.group():
        if teken.isdigit() and te_maskeren > 0:
            tekens.append("*")
            te_maskeren -= 1
        else:
            tekens.append(teken)
    return "".join(tekens)


def maskeer_nummer(waarde: str, zichtbaar: int = 3) -> str:
    """A compact number with every character but the last ``zichtbaar`` masked."""
    return "*" * max(len(waarde) - zichtbaar, 0) + waarde[-zichtbaar:]


def opsomming(woorden: list[str] | tuple[str, ...], voegwoord: str = "of") -> str:
    """Words as a message lists them: ``"BSN, A-nummer of RSIN"``.

    >>> opsomming(["BSN"]), opsomming(["BSN", "A-nummer", "RSIN"])
    ('BSN', 'BSN, A-nummer of RSIN')
    """
    if len(woorden) < 2:
        return "".join(woorden)
    return f"{', '.join(woorden[:-1])} {voegwoord} {woorden[-1]}"
