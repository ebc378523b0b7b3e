"""What a Partij of a klant holds, each part checked: nothing lost, or refused by name.

Both forms of the writer (:mod:`.schrijven`) and the requests after a create are built
from one :class:`Inhoud`; :func:`niet_overgenomen` names what a Partij of the klant
will not carry while the rest is written.

- ``soortPartij`` is the klant's ``kenmerken.soort`` (a contactpersoon too, with the
  organisation it works for); without one, an organisatie for a klant identified as a
  niet-natuurlijk persoon, or for a zelfstandige klant with a ``bedrijfsnaam`` and no
  names, otherwise a persoon.
- A persoon or contactpersoon has no ``bedrijfsnaam``, an organisatie no contactnaam;
  no Partij has a ``functie``: refused.
- The identificatoren are the BSN, KvK-nummer, RSIN and vestigingsnummer; an A-nummer
  or a foreign number (no Klantinteracties code holds them) is refused, as is a
  vestigingsnummer without the KvK-nummer Open Klant takes it under. A Partij has no
  member for a subject URL (a v1 ``subject``): beside numbers it is left out (and
  named by :func:`niet_overgenomen`); a klant whose only identifier it is, is refused,
  since its Partij would lose its only hook.

>>> import uuid
>>> from klantregister import Identificatie, Klant
>>> klant = Klant(uuid.UUID(int=1), "0363", "K1", None, Identificatie.natuurlijk_persoon(
...     bsn="111222333", subject_url="https://brp.example.nl/ingeschrevenpersonen/111222333"))
>>> for melding in niet_overgenomen(klant):
...     print(melding[:60])
klantnummer 'K1' is geen geheel getal, wat Open Klant als nu
subject-URL 'https://brp.example.nl/ingeschrevenperso...': e
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from klantregister.domain import FormaatError, Klant, Partijsoort, Subjectsoort, als_klant, toon
from klantregister.formats.klantinteracties.adressen import (
    ADRESSEN,
    AdresNietSchrijfbaar,
    naar_bezoekadres,
    telefoonnummer_open_klant,
)
from klantregister.formats.klantinteracties.namen import (
    CODE_VAN,
    CONTACTNAAM,
    DIGITAAL,
    MAX_DIGITAAL_ADRES,
    NUMMER,
)
from klantregister.formats.uitvoer import niet_schrijfbaar

__all__ = ["Identificator", "Inhoud", "inhoud_van", "niet_overgenomen", "partij_nummer"]

_NUMMER = re.compile(NUMMER)
#: The numbers a Partij's identificatoren hold, in the order they are written.
_NUMMERS = ("bsn", "kvk_nummer", "rsin", "vestigingsnummer")


class Identificator(NamedTuple):
    """One identificator of the Partij: the Identificatie attribute, and its codes."""

    attr: str
    codes: dict[str, str]


class Inhoud(NamedTuple):
    """What a Partij of the klant holds: each part checked, nothing lost."""

    soort: Partijsoort
    #: contactnaam member -> value, of those given.
    namen: dict[str, str]
    #: (soortDigitaalAdres, Klantgegevens attribute, adres as Open Klant takes it).
    adressen: list[tuple[str, str, str]]
    identificatoren: list[Identificator]
    #: The Partij's bezoekadres and correspondentieadres (the klant's addresses), as given.
    adresvelden: dict[str, dict[str, Any]] = {}  # noqa: RUF012 (never changed)

    @property
    def organisatie(self) -> bool:
        return self.soort is Partijsoort.ORGANISATIE


def partij_nummer(klant: Klant) -> str | None:
    """The Partij's ``nummer``: the klantnummer when it is an integer (Open Klant takes no
    other), else none (Open Klant gives the Partij one of its own)."""
    return klant.klantnummer if _NUMMER.fullmatch(klant.klantnummer) else None


def niet_overgenomen(klant: Klant) -> list[str]:
    """What a Partij of the klant will not carry, one message (in Dutch) each, the field
    first: a klantnummer that is not an integer, and the subject URL beside the numbers
    the Partij does hold; ``[]`` when it carries the whole klant.

    It does not say whether the klant can be written at all: :func:`inhoud_van` (and so
    :func:`~klantregister.formats.klantinteracties.naar_partij`) refuses what would be
    lost without a word. Numbers and the URL are shown masked (:func:`toon`).
    """
    meldingen = []
    if partij_nummer(als_klant(klant)) is None:
        meldingen.append(
            f"klantnummer {toon(klant.klantnummer)} is geen geheel getal, wat Open Klant als "
            "nummer vraagt; de Partij krijgt een nummer van Open Klant"
        )
    ident = klant.identificatie
    if ident is not None and ident.subject_url is not None:
        meldingen.append(
            f"subject-URL {toon(ident.subject_url.waarde)}: een Partij heeft er geen veld voor; "
            "de nummers van de klant worden wel geschreven"
        )
    return meldingen


def _soort(klant: Klant, namen: dict[str, str]) -> Partijsoort:
    """The klant's soort of party, else the one its identificatie or klantgegevens say."""
    if (soort := klant.kenmerken.soort) is not None:
        return soort
    ident = klant.identificatie
    if ident is not None:
        organisatie = ident.soort is Subjectsoort.NIET_NATUURLIJK_PERSOON
    else:
        organisatie = klant.klantgegevens.bedrijfsnaam is not None and not namen
    return Partijsoort.ORGANISATIE if organisatie else Partijsoort.PERSOON


def inhoud_van(klant: Klant) -> Inhoud:
    """What a Partij of the klant holds; a FormaatError naming every field it cannot hold."""
    gegevens = als_klant(klant).klantgegevens
    namen = {
        veld: waarde
        for veld, attr in CONTACTNAAM.items()
        if (waarde := getattr(gegevens, attr)) is not None
    }
    soort = _soort(klant, namen)
    weg = [
        (naam, "een Partij heeft er geen veld voor")
        for naam in ("functie",)
        if getattr(gegevens, naam) is not None
    ]
    adresvelden = {}
    for veld, attr in ADRESSEN.items():
        if (adres := getattr(gegevens, attr)) is not None:
            try:
                adresvelden[veld] = naar_bezoekadres(adres, attr)
            except AdresNietSchrijfbaar as fout:
                weg.append((fout.veld, fout.reden))
    if soort is Partijsoort.ORGANISATIE and namen:
        velden_ = ", ".join(CONTACTNAAM[veld] for veld in namen)
        weg.append((velden_, "een organisatie heeft geen contactnaam"))
    if soort is not Partijsoort.ORGANISATIE and gegevens.bedrijfsnaam is not None:
        weg.append(("bedrijfsnaam", f"een {soort.value} heeft geen bedrijfsnaam"))
    if weg:
        raise FormaatError(
            f"klant {klant.id} past niet in dit formaat: "
            + "; ".join(f"{veld}: {reden}" for veld, reden in weg)
        )
    adressen = []
    for soort_adres, attr in DIGITAAL.items():
        if (adres := getattr(gegevens, attr)) is None:
            continue
        if attr == "telefoonnummer":
            adres = _telefoonnummer(klant, adres)
        elif len(adres) > MAX_DIGITAAL_ADRES:
            raise niet_schrijfbaar(
                klant,
                attr,
                f"{len(adres)} tekens, een digitaal adres houdt er ten hoogste "
                f"{MAX_DIGITAAL_ADRES}",
            )
        adressen.append((soort_adres, attr, adres))
    return Inhoud(soort, namen, adressen, _identificatoren(klant), adresvelden)


def _telefoonnummer(klant: Klant, nummer: str) -> str:
    """The number as Open Klant takes it, or a FormaatError saying which forms it takes."""
    kaal = telefoonnummer_open_klant(nummer)
    if kaal is None:
        raise niet_schrijfbaar(
            klant,
            "telefoonnummer",
            f"Open Klant neemt {toon(nummer)} niet aan: het neemt 0 en 9 cijfers, "
            "+ en 9 tot 15 cijfers, of 00 en 7 tot 13 cijfers (spaties, -, ., haakjes en "
            "een (0) na de landcode weggelaten)",
        )
    return kaal


def _identificatoren(klant: Klant) -> list[Identificator]:
    ident = klant.identificatie
    if ident is None:
        return []
    nummers = (
        ("a_nummer", "een A-nummer", ident.a_nummer),
        ("buitenlands", "een buitenlands nummer", ident.buitenlands),
    )
    weg = [(veld, naam) for veld, naam, waarde in nummers if waarde is not None]
    if weg:
        raise niet_schrijfbaar(
            klant,
            ", ".join(veld for veld, _ in weg),
            f"Klantinteracties kent geen registercode voor {' of '.join(n for _, n in weg)}",
        )
    if ident.vestigingsnummer is not None and ident.kvk_nummer is None:
        raise niet_schrijfbaar(
            klant,
            "vestigingsnummer",
            "Open Klant neemt een vestigingsnummer alleen aan onder het KvK-nummer van de "
            "organisatie (subIdentificatorVan), en de klant heeft geen KvK-nummer",
        )
    uit = []
    for attr in _NUMMERS:
        if (waarde := getattr(ident, attr)) is not None:
            register, objecttype, soort = CODE_VAN[attr]
            codes = {"codeObjecttype": objecttype, "codeSoortObjectId": soort}
            codes.update(objectId=waarde.waarde, codeRegister=register)
            uit.append(Identificator(attr, codes))
    if not uit:  # a subject URL is all the identificatie holds
        raise niet_schrijfbaar(
            klant,
            "subject_url",
            "een Partij heeft geen veld voor een subject-URL, en de klant heeft geen nummer "
            "dat een Partij wel houdt: de Partij zou haar enige koppeling met het subject "
            "verliezen",
        )
    return uit
