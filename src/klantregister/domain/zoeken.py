"""Looking klanten up by their contact data: the search keys of ``zoek_op_gegevens``.

A KCC employee finds a klant by name, e-mail address, telephone number or address, as the
Klanten API v1 allowed with its filters. The match is exact, after one normalisation of
both sides, on top of what the value objects already do:

- ``achternaam``: compared without regard to case (``str.casefold``); a name with a
  ``voorvoegsel_achternaam`` is found by the bare name and by the whole (``"Vries"`` and
  ``"de Vries"``);
- ``emailadres``: without regard to case, the local part included (mail servers treat
  it so in practice);
- ``telefoonnummer``: its digits (and a leading ``+``) only, so ``06-1234 5678`` finds
  ``0612345678``; ``+31 6...`` and ``06...`` are different numbers to it;
- ``postcode``: without spaces, in capitals (``1234ab`` finds ``1234 AB``);
- ``huisnummer``: the number; given with ``postcode``, both must be of one address.

The criteria given must all hold (AND); at least one is required. The addresses searched
are the klant's ``adres`` and its ``correspondentieadres``.

>>> criteria(postcode="1234ab", huisnummer=12)
(('adres', '1234AB 12'),)
>>> sorted(zoeksleutels(Klantgegevens(achternaam="Vries", voorvoegsel_achternaam="de")))
[('achternaam', 'de vries'), ('achternaam', 'vries')]
"""

from __future__ import annotations

from klantregister.domain.errors import OngeldigFormaatError
from klantregister.domain.klantgegevens import Adres, Klantgegevens, klantgegevensveld

__all__ = ["ZOEKSOORTEN", "Zoeksleutel", "criteria", "voldoet", "zoeksleutels"]

#: A search key: its soort (one of :data:`ZOEKSOORTEN`) and its normalised value.
Zoeksleutel = tuple[str, str]
#: The soorten of search keys, as the SQL table ``zoeksleutel`` holds them.
ZOEKSOORTEN = ("achternaam", "emailadres", "telefoonnummer", "postcode", "huisnummer", "adres")


def _naam(tekst: str) -> str:
    return tekst.casefold()


def _telefoon(tekst: str) -> str:
    cijfers = "".join(teken for teken in tekst if teken.isdigit())
    return f"+{cijfers}" if tekst.startswith("+") else cijfers


def _postcode(tekst: str) -> str:
    return "".join(tekst.split()).upper()


def zoeksleutels(gegevens: Klantgegevens) -> list[Zoeksleutel]:
    """The search keys of a klant's klantgegevens, each once, in a fixed order."""
    sleutels: dict[Zoeksleutel, None] = {}
    if (achternaam := gegevens.achternaam) is not None:
        sleutels[("achternaam", _naam(achternaam))] = None
        if (voorvoegsel := gegevens.voorvoegsel_achternaam) is not None:
            sleutels[("achternaam", _naam(f"{voorvoegsel} {achternaam}"))] = None
    if (email := gegevens.emailadres) is not None:
        sleutels[("emailadres", email.casefold())] = None
    if (telefoon := gegevens.telefoonnummer) is not None and (waarde := _telefoon(telefoon)):
        sleutels[("telefoonnummer", waarde)] = None
    for adres in (gegevens.adres, gegevens.correspondentieadres):
        if adres is None:
            continue
        postcode = None if adres.postcode is None else _postcode(adres.postcode)
        if postcode:
            sleutels[("postcode", postcode)] = None
        if adres.huisnummer is not None:
            sleutels[("huisnummer", str(adres.huisnummer))] = None
            if postcode:
                sleutels[("adres", f"{postcode} {adres.huisnummer}")] = None
    return list(sleutels)


def criteria(
    *,
    achternaam: object = None,
    emailadres: object = None,
    telefoonnummer: object = None,
    postcode: object = None,
    huisnummer: object = None,
) -> tuple[Zoeksleutel, ...]:
    """The search keys a klant must all hold to match these criteria, each checked as
    :class:`Klantgegevens` checks its field (a malformed e-mail address finds nothing, so
    it is refused); :class:`OngeldigFormaatError` when none is given."""
    gevraagd: list[Zoeksleutel] = []
    if (naam := klantgegevensveld("achternaam", achternaam)) is not None:
        gevraagd.append(("achternaam", _naam(naam)))
    if (email := klantgegevensveld("emailadres", emailadres)) is not None:
        gevraagd.append(("emailadres", email.casefold()))
    if (telefoon := klantgegevensveld("telefoonnummer", telefoonnummer)) is not None:
        gevraagd.append(("telefoonnummer", _telefoon(telefoon)))
    # The address's own checks, with a land that takes any postcode's form: NL checks the
    # Dutch form, which a foreign postcode searched for need not have.
    adres = Adres(postcode=postcode, huisnummer=huisnummer, land="0000")  # type: ignore[arg-type]
    code = None if adres.postcode is None else _postcode(adres.postcode)
    if code and adres.huisnummer is not None:
        gevraagd.append(("adres", f"{code} {adres.huisnummer}"))
    elif code:
        gevraagd.append(("postcode", code))
    elif adres.huisnummer is not None:
        gevraagd.append(("huisnummer", str(adres.huisnummer)))
    if not gevraagd:
        raise OngeldigFormaatError(
            "zoek_op_gegevens",
            "geef ten minste één van achternaam, emailadres, telefoonnummer, postcode of "
            "huisnummer",
        )
    return tuple(gevraagd)


def voldoet(gegevens: Klantgegevens, gevraagd: tuple[Zoeksleutel, ...]) -> bool:
    """Whether klantgegevens hold every search key asked for (a repository without an
    index of its own matches so)."""
    return set(gevraagd) <= set(zoeksleutels(gegevens))
