"""Writing ``Partij`` objects: lossless, or refused with a FormaatError.

Two forms of the same klant (``vorm``):

- ``"verzoek"``: the body of ``POST /partijen`` to Open Klant. It holds no readOnly
  member (``uuid``, ``url``...), no ``identificeerdePartij`` (the server sets it,
  and refuses it on create) and no identificator ``uuid`` (Open Klant takes a
  given one for an update of an identificator that exists). What a create of a
  Partij cannot hold comes in requests of its own, sent after it:

  1. ``POST /partijen`` with :func:`naar_partij`; the response holds the Partij's
     ``uuid`` and those of its identificatoren;
  2. ``POST /partij-identificatoren`` with each body of :func:`partij_identificatoren`
     (the Partij's ``uuid``, and that of its ``kvk_nummer`` identificator, given):
     a vestigingsnummer, which Open Klant takes only under a ``kvk_nummer``
     identificator that exists already (``subIdentificatorVan``; a create of a
     Partij cannot point to one it creates itself);
  3. ``POST /digitaleadressen`` with each body of :func:`digitale_adressen` (the
     Partij's ``uuid`` given): a Partij's ``digitaleAdressen`` are references to
     DigitaalAdres resources that exist, never the addresses themselves.

- ``"antwoord"``: the Partij as ``GET /partijen/{uuid}?expand=digitaleAdressen``
  returns it (an ``ExpandPartij``): ``uuid`` is the klant's id, the identificatoren
  and digitale adressen have uuid5 uuids of the klant's id and their kind (so
  writing is reproducible), ``digitaleAdressen`` holds their references and
  ``_expand.digitaleAdressen`` the addresses. Every resource has its ``url``: the
  Partij's is the klant's ``bron`` when that is the URL of this very Partij
  (``.../partijen/<the klant's id>``), the others are next to it; for a klant
  without such a bron they are built on ``basis_url``, the root of the API
  (``https://openklant.example.nl/klantinteracties/api/v1``), and without one the
  klant is refused.

Only members with a value are written (no ``""``). ``nummer`` is the klantnummer
when it is an integer of at most 10 digits (:data:`.namen.NUMMER`; Open Klant refuses
any other): any other klantnummer is not carried over, and Open Klant gives the Partij
a nummer of its own. A telephone number and the address are written as Open Klant takes them (see
:mod:`.adressen`, the address as the ``bezoekadres``), or refused by name.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import IO, Any, NamedTuple

from klantregister.domain import (
    FormaatError,
    Klant,
    OngeldigFormaatError,
    Subjectsoort,
    toon,
    velden,
)
from klantregister.formats import uitvoer
from klantregister.formats.klantinteracties.adressen import (
    ADRESSEN,
    AdresNietSchrijfbaar,
    naar_bezoekadres,
    telefoonnummer_open_klant,
)
from klantregister.formats.klantinteracties.namen import (
    CODE_VAN,
    CONTACTNAAM,
    DA,
    DIGITAAL,
    DIGITALE_ADRESSEN,
    MAX_DIGITAAL_ADRES,
    NUMMER,
    OMSCHRIJVING,
    PARTIJ_IDENTIFICATOREN,
    PARTIJEN,
    PI,
)
from klantregister.formats.resultaat import UUID
from klantregister.formats.stream import schrijf_regels
from klantregister.formats.uitvoer import Vorm, antwoord, niet_schrijfbaar, url_argument

__all__ = [
    "Vorm",
    "digitale_adressen",
    "naar_partij",
    "partij_identificatoren",
    "schrijf",
    "schrijf_pagina",
]


_NUMMER = re.compile(NUMMER)
#: The URL of a Partij: the API's root, ``/partijen/``, the Partij's UUID.
_PARTIJ_URL = re.compile(rf"(.+)/{PARTIJEN}/({velden.UUID})/?")
#: The longest URL the API writes, and the longest path this writer puts after a root.
_MAX_URL = 1000
_MAX_PAD = len(f"/{PARTIJ_IDENTIFICATOREN}/") + 36


def naar_partij(
    klant: Klant, *, vorm: Vorm = "verzoek", basis_url: str | None = None
) -> dict[str, Any]:
    """The klant as a Klantinteracties ``Partij``; raises FormaatError where it would lose data.

    ``vorm`` is ``"verzoek"`` (the body of ``POST /partijen``) or ``"antwoord"`` (an
    ``ExpandPartij`` as Open Klant returns it), as the module says; ``basis_url``
    (the root of the API) gives the URLs of an ``"antwoord"`` for a klant whose
    ``bron`` is not the URL of its Partij.
    """
    return _Schrijver(vorm, basis_url).schrijf(klant)


def digitale_adressen(
    klant: Klant, *, partij_uuid: uuid.UUID | str | None = None
) -> list[dict[str, Any]]:
    """The bodies of ``POST /digitaleadressen`` for the klant's e-mail address, telephone
    number and website (``overig``), in that order, each ``verstrektDoorPartij`` the
    Partij with ``partij_uuid`` (``null`` without one).

    Send them after the Partij (:func:`naar_partij`), with the ``uuid`` Open Klant
    gave it. A klant :func:`naar_partij` refuses is refused here too.
    """
    verstrekt = (
        None if partij_uuid is None else {"uuid": _uuid_argument("partij_uuid", partij_uuid)}
    )
    return [
        {
            "verstrektDoorPartij": verstrekt,
            "adres": adres,
            "soortDigitaalAdres": soort,
            "omschrijving": OMSCHRIJVING[attr],
        }
        for soort, attr, adres in _inhoud(klant).adressen
    ]


def partij_identificatoren(
    klant: Klant, *, partij_uuid: uuid.UUID | str, kvk_uuid: uuid.UUID | str | None = None
) -> list[dict[str, Any]]:
    """The bodies of ``POST /partij-identificatoren`` for what a create of the Partij
    cannot hold: the klant's vestigingsnummer, under its KvK-nummer; ``[]`` for a klant
    without one.

    ``partij_uuid`` is the ``uuid`` Open Klant gave the Partij, ``kvk_uuid`` that of its
    ``kvk_nummer`` identificator (both in the response to ``POST /partijen``); a klant
    with a vestigingsnummer needs it. A klant :func:`naar_partij` refuses is refused
    here too.
    """
    partij = {"uuid": _uuid_argument("partij_uuid", partij_uuid)}
    kvk = None if kvk_uuid is None else {"uuid": _uuid_argument("kvk_uuid", kvk_uuid)}
    vestigingen = [i for i in _inhoud(klant).identificatoren if i.attr == "vestigingsnummer"]
    if vestigingen and kvk is None:
        raise niet_schrijfbaar(
            klant,
            "vestigingsnummer",
            "Open Klant neemt een vestigingsnummer alleen aan onder de kvk_nummer-identificator "
            "van de Partij: geef kvk_uuid, de uuid die Open Klant die identificator gaf (in het "
            "antwoord op POST /partijen)",
        )
    return [
        {"identificeerdePartij": partij, "partijIdentificator": i.codes, "subIdentificatorVan": kvk}
        for i in vestigingen
    ]


def schrijf(
    klanten: Iterable[Klant],
    bestand: IO[str],
    *,
    vorm: Vorm = "verzoek",
    basis_url: str | None = None,
) -> int:
    """Write the klanten as Partij objects, one per line (JSON Lines); the number written.

    The arguments are those of :func:`naar_partij`. A klant that cannot be written
    raises FormaatError; the lines before it are written.
    """
    return schrijf_regels(map(_Schrijver(vorm, basis_url).schrijf, klanten), bestand)


def schrijf_pagina(
    klanten: Iterable[Klant],
    bestand: IO[str],
    *,
    next: str | None = None,
    previous: str | None = None,
    count: int | None = None,
    basis_url: str | None = None,
) -> int:
    """Write the klanten as one page of ``GET /partijen?expand=digitaleAdressen`` (a
    ``PaginatedExpandPartijList``), each as an ``"antwoord"``; the number on the page.

    ``next`` and ``previous`` are the URLs of the pages around it, if any; ``count``
    the number of klanten on all pages together, by default the number on this one;
    ``basis_url`` as for :func:`naar_partij`. The page is built in memory, then
    written as one line of JSON.
    """
    schrijver = _Schrijver("antwoord", basis_url)
    resultaten = [schrijver.schrijf(klant) for klant in klanten]
    return uitvoer.schrijf_pagina(resultaten, bestand, count=count, next=next, previous=previous)


# --- what a klant holds, checked -----------------------------------------------------


class _Identificator(NamedTuple):
    attr: str
    codes: dict[str, str]


class _Inhoud(NamedTuple):
    """What a Partij of the klant holds: each part checked, nothing lost."""

    organisatie: bool
    #: contactnaam member -> value, of those given.
    namen: dict[str, str]
    #: (soortDigitaalAdres, Klantgegevens attribute, adres as Open Klant takes it).
    adressen: list[tuple[str, str, str]]
    identificatoren: list[_Identificator]
    #: The Partij's bezoekadres and correspondentieadres (the klant's addresses), as given.
    adresvelden: dict[str, dict[str, Any]] = {}  # noqa: RUF012 (never changed)


def _inhoud(klant: Klant) -> _Inhoud:
    gegevens = klant.klantgegevens
    ident = klant.identificatie
    namen = {
        veld: waarde
        for veld, attr in CONTACTNAAM.items()
        if (waarde := getattr(gegevens, attr)) is not None
    }
    if ident is not None:
        organisatie = ident.soort is Subjectsoort.NIET_NATUURLIJK_PERSOON
    else:
        organisatie = gegevens.bedrijfsnaam is not None and not namen
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
    if organisatie and namen:
        velden_ = ", ".join(CONTACTNAAM[veld] for veld in namen)
        weg.append((velden_, "een organisatie heeft geen contactnaam"))
    if not organisatie and gegevens.bedrijfsnaam is not None:
        weg.append(("bedrijfsnaam", "een persoon heeft geen bedrijfsnaam"))
    if weg:
        raise FormaatError(
            f"klant {klant.id} past niet in dit formaat: "
            + "; ".join(f"{veld}: {reden}" for veld, reden in weg)
        )
    adressen = []
    for soort, attr in DIGITAAL.items():
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
        adressen.append((soort, attr, adres))
    return _Inhoud(organisatie, namen, adressen, _identificatoren(klant), adresvelden)


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


def _identificatoren(klant: Klant) -> list[_Identificator]:
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
    for attr in ("bsn", "kvk_nummer", "rsin", "vestigingsnummer"):
        if (waarde := getattr(ident, attr)) is not None:
            register, objecttype, soort = CODE_VAN[attr]
            codes = {"codeObjecttype": objecttype, "codeSoortObjectId": soort}
            codes.update(objectId=waarde.waarde, codeRegister=register)
            uit.append(_Identificator(attr, codes))
    return uit


# --- the two forms ---------------------------------------------------------------------


class _Schrijver:
    """Writes klanten in one form, its arguments checked once."""

    def __init__(self, vorm: str, basis_url: str | None) -> None:
        self.antwoord = antwoord(vorm)
        self.basis_url = _basis_url(basis_url)

    def schrijf(self, klant: Klant) -> dict[str, Any]:
        inhoud = _inhoud(klant)
        return self._antwoord(klant, inhoud) if self.antwoord else _verzoek(klant, inhoud)

    def _antwoord(self, klant: Klant, inhoud: _Inhoud) -> dict[str, Any]:
        partij_uuid = str(klant.id)
        gevonden = _partij_url(klant)
        if gevonden is None:
            if self.basis_url is None:
                raise niet_schrijfbaar(
                    klant,
                    "bron",
                    "een Partij zoals Open Klant hem teruggeeft heeft een url, en de bron van "
                    f"de klant is niet de URL van een Partij (.../{PARTIJEN}/{partij_uuid}): "
                    "geef basis_url, de basis-URL van de Klantinteracties API",
                )
            gevonden = (self.basis_url, f"{self.basis_url}/{PARTIJEN}/{partij_uuid}")
        basis, partij_url = gevonden
        partij = {"uuid": partij_uuid, "url": partij_url}

        def verwijzing(pad: str, wat: str) -> dict[str, str]:
            eigen_uuid = str(uuid.uuid5(klant.id, wat))
            return {"uuid": eigen_uuid, "url": f"{basis}/{pad}/{eigen_uuid}"}

        identificatoren = []
        for identificator in inhoud.identificatoren:
            entry: dict[str, Any] = {
                **verwijzing(PARTIJ_IDENTIFICATOREN, f"partijIdentificator/{identificator.attr}"),
                "identificeerdePartij": partij,
                "partijIdentificator": identificator.codes,
            }
            if identificator.attr == "vestigingsnummer":
                entry["subIdentificatorVan"] = verwijzing(
                    PARTIJ_IDENTIFICATOREN, "partijIdentificator/kvk_nummer"
                )
            identificatoren.append(entry)
        adressen = [
            {
                **verwijzing(DIGITALE_ADRESSEN, f"digitaalAdres/{soort}"),
                "verstrektDoorPartij": partij,
                "adres": adres,
                "soortDigitaalAdres": soort,
                "omschrijving": OMSCHRIJVING[attr],
            }
            for soort, attr, adres in inhoud.adressen
        ]
        uit: dict[str, Any] = {**partij}
        if (nummer := _nummer(klant)) is not None:
            uit["nummer"] = nummer
        uit.update(
            {
                "betrokkenen": [],
                "categorieRelaties": [],
                DA: [{"uuid": a["uuid"], "url": a["url"]} for a in adressen],
                "vertegenwoordigden": [],
                PI: identificatoren,
            }
        )
        uit.update(_soort(klant, inhoud, volledige_naam=True))
        uit.update(inhoud.adresvelden)
        uit["_expand"] = {DA: adressen}
        return uit


def _verzoek(klant: Klant, inhoud: _Inhoud) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    if (nummer := _nummer(klant)) is not None:
        uit["nummer"] = nummer
    uit[PI] = [
        {"partijIdentificator": identificator.codes}
        for identificator in inhoud.identificatoren
        if identificator.attr != "vestigingsnummer"
    ]
    uit.update(_soort(klant, inhoud, volledige_naam=False))
    uit.update(inhoud.adresvelden)
    return uit


def _partij_url(klant: Klant) -> tuple[str, str] | None:
    """The root of the API and the klant's ``bron``, if that is the URL of its Partij."""
    if klant.bron is None or (match := _PARTIJ_URL.fullmatch(klant.bron)) is None:
        return None
    basis = match.group(1)
    if uuid.UUID(match.group(2)) != klant.id or len(basis) > _MAX_URL - _MAX_PAD:
        return None
    return basis, klant.bron


def _nummer(klant: Klant) -> str | None:
    return klant.klantnummer if _NUMMER.fullmatch(klant.klantnummer) else None


def _soort(klant: Klant, inhoud: _Inhoud, *, volledige_naam: bool) -> dict[str, Any]:
    """``soortPartij`` to ``partijIdentificatie``, in the order Open Klant writes them."""
    uit: dict[str, Any] = {"soortPartij": "organisatie" if inhoud.organisatie else "persoon"}
    if (taal := klant.klantgegevens.voorkeurstaal) is not None:
        uit["voorkeurstaal"] = taal
    uit["indicatieActief"] = True
    if inhoud.organisatie:
        bedrijfsnaam = klant.klantgegevens.bedrijfsnaam
        uit["partijIdentificatie"] = {} if bedrijfsnaam is None else {"naam": bedrijfsnaam}
        return uit
    persoon: dict[str, Any] = {"contactnaam": inhoud.namen or None}
    if volledige_naam:
        # As Open Klant writes it: voornaam, voorvoegsel and achternaam, those given.
        persoon["volledigeNaam"] = " ".join(
            inhoud.namen[veld]
            for veld in ("voornaam", "voorvoegselAchternaam", "achternaam")
            if veld in inhoud.namen
        )
    uit["partijIdentificatie"] = persoon
    return uit


# --- the arguments ---------------------------------------------------------------------


def _uuid_argument(veld: str, waarde: object) -> str:
    if isinstance(waarde, uuid.UUID):
        return str(waarde)
    if isinstance(waarde, str) and UUID.fullmatch(waarde):
        return str(uuid.UUID(waarde))
    raise OngeldigFormaatError(veld, f"{toon(waarde)} is geen UUID")


def _basis_url(url: str | None) -> str | None:
    """The root of the API, without a ``/`` at its end, that URLs are built on."""
    basis = url_argument("basis_url", url)
    if basis is None:
        return None
    basis = basis.rstrip("/")
    if "?" in basis or "#" in basis or len(basis) > _MAX_URL - _MAX_PAD:
        raise OngeldigFormaatError(
            "basis_url",
            f"{toon(url)} is geen basis-URL: een http(s)-URL zonder ? of #, "
            f"van ten hoogste {_MAX_URL - _MAX_PAD} tekens",
        )
    return basis
