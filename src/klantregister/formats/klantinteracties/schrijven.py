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
:mod:`.adressen`, the address as the ``bezoekadres``), or refused by name. What the
Partij holds, and what it refuses, is :mod:`.inhoud`'s; :func:`niet_overgenomen` names
what a Partij written will not carry (a klantnummer that is not an integer, a subject URL
beside the numbers).

The klant's kenmerken: ``soortPartij`` is its ``kenmerken.soort`` (else derived, as
:mod:`.inhoud` says), ``indicatieActief`` its ``actief``, ``indicatieGeheimhouding`` its
``geheimhouding`` when that is said (left out when not). A contactpersoon's
``partijIdentificatie`` is a ``Contactpersoon``: ``werkteVoorPartij`` (``{"uuid"}``, in a
response with its ``url`` on the same root as the Partij's; ``null`` for one that works for
no organisation known) and ``contactnaam``. The uuid is the id of the organisation's klant,
which is the uuid of its Partij when it came from Open Klant; Open Klant takes the create
only when that Partij exists and is an organisatie, so send the organisation first (and,
if Open Klant gave it a new uuid, put that one in).
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Callable, Iterable
from typing import IO, Any

from klantregister.domain import (
    Klant,
    OngeldigFormaatError,
    Partijsoort,
    als_klant,
    toon,
    velden,
)
from klantregister.formats import uitvoer
from klantregister.formats.argumenten import reeks, tekstbestand
from klantregister.formats.klantinteracties.inhoud import (
    Inhoud,
    inhoud_van,
    niet_overgenomen,
    partij_nummer,
)
from klantregister.formats.klantinteracties.namen import (
    DA,
    DIGITALE_ADRESSEN,
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
    "alle_verzoeken",
    "basis_url_argument",
    "digitale_adressen",
    "naar_partij",
    "niet_overgenomen",
    "partij_identificatoren",
    "partij_url",
    "schrijf",
    "schrijf_pagina",
    "schrijver",
    "uuid_argument",
]


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
    return _Schrijver(vorm, basis_url).schrijf(klant)  # it checks the klant


def digitale_adressen(
    klant: Klant, *, partij_uuid: uuid.UUID | str | None = None
) -> list[dict[str, Any]]:
    """The bodies of ``POST /digitaleadressen`` for the klant's e-mail address, telephone
    number and website (``overig``), in that order, each ``verstrektDoorPartij`` the
    Partij with ``partij_uuid`` (``null`` without one).

    Send them after the Partij (:func:`naar_partij`), with the ``uuid`` Open Klant
    gave it. A klant :func:`naar_partij` refuses is refused here too.
    """
    verstrekt = None if partij_uuid is None else {"uuid": uuid_argument("partij_uuid", partij_uuid)}
    return _digitale_adressen(inhoud_van(klant), verstrekt)


def _digitale_adressen(inhoud: Inhoud, verstrekt: dict[str, str] | None) -> list[dict[str, Any]]:
    return [
        {
            "verstrektDoorPartij": verstrekt,
            "adres": adres,
            "soortDigitaalAdres": soort,
            "omschrijving": OMSCHRIJVING[attr],
        }
        for soort, attr, adres in inhoud.adressen
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
    partij = {"uuid": uuid_argument("partij_uuid", partij_uuid)}
    kvk = None if kvk_uuid is None else {"uuid": uuid_argument("kvk_uuid", kvk_uuid)}
    return _partij_identificatoren(klant, inhoud_van(klant), partij, kvk)


def _partij_identificatoren(
    klant: Klant, inhoud: Inhoud, partij: dict[str, str], kvk: dict[str, str] | None
) -> list[dict[str, Any]]:
    vestigingen = [i for i in inhoud.identificatoren if i.attr == "vestigingsnummer"]
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


def alle_verzoeken(
    klant: Klant, *, partij_uuid: uuid.UUID | str, kvk_uuid: uuid.UUID | str
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """:func:`naar_partij` (a ``"verzoek"``), :func:`partij_identificatoren` and
    :func:`digitale_adressen` of one klant at once, what it holds read once: as
    ``export --format klantinteracties`` writes every klant."""
    inhoud = inhoud_van(klant)
    partij = {"uuid": uuid_argument("partij_uuid", partij_uuid)}
    kvk = {"uuid": uuid_argument("kvk_uuid", kvk_uuid)}
    return (
        _verzoek(klant, inhoud),
        _partij_identificatoren(klant, inhoud, partij, kvk),
        _digitale_adressen(inhoud, dict(partij)),
    )


def schrijver(
    *, vorm: Vorm = "verzoek", basis_url: str | None = None
) -> Callable[[Klant], dict[str, Any]]:
    """:func:`naar_partij` with these arguments, checked now, once: a malformed
    ``basis_url`` raises before any klant is written."""
    return _Schrijver(vorm, basis_url).schrijf


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
    return schrijf_regels(
        map(_Schrijver(vorm, basis_url).schrijf, reeks("klanten", klanten)), bestand
    )


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
    bestand = tekstbestand(bestand)
    resultaten = [schrijver.schrijf(klant) for klant in reeks("klanten", klanten)]
    return uitvoer.schrijf_pagina(resultaten, bestand, count=count, next=next, previous=previous)


# --- the two forms ---------------------------------------------------------------------


class _Schrijver:
    """Writes klanten in one form, its arguments checked once."""

    def __init__(self, vorm: str, basis_url: str | None) -> None:
        self.antwoord = antwoord(vorm)
        self.basis_url = basis_url_argument(basis_url)

    def schrijf(self, klant: Klant) -> dict[str, Any]:
        inhoud = inhoud_van(als_klant(klant))
        return self._antwoord(klant, inhoud) if self.antwoord else _verzoek(klant, inhoud)

    def _antwoord(self, klant: Klant, inhoud: Inhoud) -> dict[str, Any]:
        basis, url = partij_url(klant, self.basis_url)
        partij = {"uuid": str(klant.id), "url": url}

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
        if (nummer := partij_nummer(klant)) is not None:
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
        uit.update(_soort(klant, inhoud, basis=basis))
        uit.update(inhoud.adresvelden)
        uit["_expand"] = {DA: adressen}
        return uit


def _verzoek(klant: Klant, inhoud: Inhoud) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    if (nummer := partij_nummer(klant)) is not None:
        uit["nummer"] = nummer
    uit[PI] = [
        {"partijIdentificator": identificator.codes}
        for identificator in inhoud.identificatoren
        if identificator.attr != "vestigingsnummer"
    ]
    uit.update(_soort(klant, inhoud))
    uit.update(inhoud.adresvelden)
    return uit


def partij_url(klant: Klant, basis_url: str | None, *, wat: str = "een Partij") -> tuple[str, str]:
    """The root of the API and the URL of the klant's Partij, as a response holds them: its
    ``bron`` when that is the URL of this very Partij, else built on ``basis_url`` (checked
    by :func:`basis_url_argument`); without either the klant is refused, for ``wat`` (what
    the response is, in words)."""
    if klant.bron is not None and (match := _PARTIJ_URL.fullmatch(klant.bron)) is not None:
        basis = match.group(1)
        if uuid.UUID(match.group(2)) == klant.id and len(basis) <= _MAX_URL - _MAX_PAD:
            return basis, klant.bron
    if basis_url is None:
        raise niet_schrijfbaar(
            klant,
            "bron",
            f"{wat} zoals Open Klant hem teruggeeft heeft een url, en de bron van de klant is "
            f"niet de URL van een Partij (.../{PARTIJEN}/{klant.id}): geef basis_url, de "
            "basis-URL van de Klantinteracties API",
        )
    return basis_url, f"{basis_url}/{PARTIJEN}/{klant.id}"


def _soort(klant: Klant, inhoud: Inhoud, *, basis: str | None = None) -> dict[str, Any]:
    """``soortPartij`` to ``partijIdentificatie``, in the order Open Klant writes them; with
    ``basis`` (the root of the API) as a response holds them, with the readOnly members."""
    kenmerken = klant.kenmerken
    uit: dict[str, Any] = {"soortPartij": inhoud.soort.value}
    if kenmerken.geheimhouding is not None:
        uit["indicatieGeheimhouding"] = kenmerken.geheimhouding
    if (taal := klant.klantgegevens.voorkeurstaal) is not None:
        uit["voorkeurstaal"] = taal
    uit["indicatieActief"] = kenmerken.actief
    if inhoud.organisatie:
        bedrijfsnaam = klant.klantgegevens.bedrijfsnaam
        uit["partijIdentificatie"] = {} if bedrijfsnaam is None else {"naam": bedrijfsnaam}
        return uit
    persoon: dict[str, Any] = {}
    if inhoud.soort is Partijsoort.CONTACTPERSOON:
        # Written null when none: Open Klant 2.18 asks for the member, null allowed.
        werkt_voor = None if kenmerken.werkt_voor is None else {"uuid": str(kenmerken.werkt_voor)}
        if werkt_voor is not None and basis is not None:
            werkt_voor["url"] = f"{basis}/{PARTIJEN}/{werkt_voor['uuid']}"
        persoon["werkteVoorPartij"] = werkt_voor
    persoon["contactnaam"] = inhoud.namen or None
    if basis is not None:
        # As Open Klant writes it: voornaam, voorvoegsel and achternaam, those given.
        persoon["volledigeNaam"] = " ".join(
            inhoud.namen[veld]
            for veld in ("voornaam", "voorvoegselAchternaam", "achternaam")
            if veld in inhoud.namen
        )
    uit["partijIdentificatie"] = persoon
    return uit


# --- the arguments ---------------------------------------------------------------------


def uuid_argument(veld: str, waarde: object) -> str:
    """The UUID given as the argument ``veld`` (a UUID, or one as text), as ``str`` writes
    it; ``OngeldigFormaatError`` for anything else."""
    if isinstance(waarde, uuid.UUID):
        return str(waarde)
    if isinstance(waarde, str) and (tekst := _uuid_tekst(waarde)) is not None:
        return tekst
    raise OngeldigFormaatError(veld, f"{toon(waarde)} is geen UUID")


@functools.lru_cache(maxsize=64)
def _uuid_tekst(waarde: str) -> str | None:
    """A UUID given as text, as ``str`` writes it; export gives the same one for every klant."""
    return str(uuid.UUID(waarde)) if UUID.fullmatch(waarde) else None


def basis_url_argument(url: str | None) -> str | None:
    """The root of the API given as ``basis_url``, without a ``/`` at its end, that URLs are
    built on; ``OngeldigFormaatError`` for anything but such an http(s) URL."""
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
