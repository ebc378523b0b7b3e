"""Writing v1 ``Klant`` objects: lossless, or refused with a FormaatError.

Two forms of the same klant (``vorm``):

- ``"verzoek"``: the body of ``POST /klanten`` or ``PUT /klanten/{uuid}`` to a v1
  server. It holds no readOnly member (no ``url``), and the reference
  implementation's rules are kept: a ``subject`` or a ``subjectIdentificatie`` is
  given (a zelfstandige klant cannot be created on a v1 server), ``innNnpId`` holds
  an RSIN.
- ``"antwoord"``: the object as a v1 server's response holds it: the ``url`` too,
  which is the klant's ``bron`` when that is the URL of this very v1 Klant
  (``.../klanten/<the klant's id>``). A zelfstandige klant has ``subjectType``
  ``null`` and no ``subjectIdentificatie`` (a response may hold one).

The identificatie's ``subject_url`` is written as ``subject``, beside the numbers in
``subjectIdentificatie``; a klant known by its subject URL alone has no
``subjectIdentificatie`` (an empty one would say nothing), and an organisation's
URL alone is a ``niet_natuurlijk_persoon``'s.

Only members with a value are written: a ``""`` is not "not given" to a v1 server
(``emailadres``, ``subject``, ``subjectType`` and ``inpANummer`` refuse it). v1
has no ``uuid`` member. ``websiteUrl`` is required: a klant without a website is
written with the ``website_url`` the caller gives for all (the gemeente's own
website, say, where the klant can be reached); read back, the klant has it.

v1 has no member for the klant's :class:`~klantregister.Kenmerken`: a klant that is
not active (``kenmerken.actief``), whose data are secret (``kenmerken.geheimhouding``
``True``), or that is a contactpersoon (``kenmerken.soort``, ``kenmerken.werkt_voor``)
is refused, as writing it would make it active, public or a mere persoon. The soort
persoon or organisatie is written, as the ``subjectType`` of an aangehaakte klant (of
a zelfstandige one the klantgegevens tell it), and a ``geheimhouding`` of ``False``
as v1's silence; read back, both are unsaid (``None``).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from typing import IO, Any

from klantregister.domain import (
    Adres,
    Identificatie,
    Klant,
    Klantgegevens,
    Partijsoort,
    Rsin,
    Subjectsoort,
    als_klant,
    velden,
)
from klantregister.formats import uitvoer
from klantregister.formats.argumenten import reeks, tekstbestand
from klantregister.formats.klanten_v1.namen import ADRES, GEGEVENS, MAX_KLANTNUMMER_V1, SI
from klantregister.formats.stream import schrijf_regels
from klantregister.formats.uitvoer import Vorm, antwoord, niet_schrijfbaar

__all__ = ["Vorm", "naar_v1", "schrijf", "schrijf_pagina"]


#: The URL of a v1 Klant: the API's root, ``/klanten/``, the klant's UUID.
_KLANT_URL = re.compile(rf".+/klanten/({velden.UUID})/?")


def naar_v1(
    klant: Klant,
    *,
    bronorganisatie: Rsin | str,
    website_url: str | None = None,
    vorm: Vorm = "verzoek",
) -> dict[str, Any]:
    """The klant as a v1 ``Klant`` object; raises FormaatError where v1 would lose data.

    ``bronorganisatie`` is the RSIN of the organisation the klanten belong to;
    ``website_url`` is written as ``websiteUrl`` of a klant that has none (v1
    requires one), and is checked as a klant's ``website_url`` is (an
    OngeldigeWaardeError otherwise). Without it such a klant is refused.
    ``vorm`` is ``"verzoek"`` (a create/PUT body) or ``"antwoord"`` (a server's
    response, with ``url``), as the module says.
    """
    return _Schrijver(bronorganisatie, website_url, vorm).schrijf(klant)  # it checks the klant


def schrijver(
    *, bronorganisatie: Rsin | str, website_url: str | None = None, vorm: Vorm = "verzoek"
) -> Callable[[Klant], dict[str, Any]]:
    """:func:`naar_v1` with these arguments, checked now, once: a malformed
    ``bronorganisatie`` or ``website_url`` raises before any klant is written."""
    return _Schrijver(bronorganisatie, website_url, vorm).schrijf


def schrijf(
    klanten: Iterable[Klant],
    bestand: IO[str],
    *,
    bronorganisatie: Rsin | str,
    website_url: str | None = None,
    vorm: Vorm = "verzoek",
) -> int:
    """Write the klanten as v1 objects, one per line (JSON Lines); the number written.

    The arguments are those of :func:`naar_v1`. A klant that cannot be written
    raises FormaatError; the lines before it are written.
    """
    schrijver = _Schrijver(bronorganisatie, website_url, vorm)
    return schrijf_regels(map(schrijver.schrijf, reeks("klanten", klanten)), bestand)


def schrijf_pagina(
    klanten: Iterable[Klant],
    bestand: IO[str],
    *,
    bronorganisatie: Rsin | str,
    website_url: str | None = None,
    next: str | None = None,
    previous: str | None = None,
    count: int | None = None,
) -> int:
    """Write the klanten as one page of ``GET /klanten`` (``count``, ``next``,
    ``previous``, ``results``), each as an ``"antwoord"``; the number on the page.

    ``next`` and ``previous`` are the URLs of the pages around it, if any;
    ``count`` the number of klanten on all pages together, by default the number on
    this one. The page is built in memory, then written as one line of JSON.
    """
    schrijver = _Schrijver(bronorganisatie, website_url, "antwoord")
    bestand = tekstbestand(bestand)
    resultaten = [schrijver.schrijf(klant) for klant in reeks("klanten", klanten)]
    return uitvoer.schrijf_pagina(resultaten, bestand, count=count, next=next, previous=previous)


class _Schrijver:
    """Writes klanten with the arguments of one call, each checked once."""

    def __init__(self, bronorganisatie: Rsin | str, website_url: str | None, vorm: str) -> None:
        self.antwoord = antwoord(vorm)
        self.bronorganisatie = Rsin.parse(bronorganisatie).waarde
        self.website_url = Klantgegevens(website_url=website_url).website_url

    def schrijf(self, klant: Klant) -> dict[str, Any]:
        gegevens = als_klant(klant).klantgegevens
        weg = [
            naam
            for naam in ("voorletters", "voorkeurstaal", "correspondentieadres")
            if getattr(gegevens, naam) is not None
        ]
        adres = gegevens.adres
        if adres is not None:
            weg += [
                f"adres.{naam}"
                for naam in ("adresregel1", "adresregel2", "adresregel3")
                if getattr(adres, naam) is not None
            ]
        if weg:
            raise niet_schrijfbaar(klant, ", ".join(weg), "Klanten API v1 heeft er geen veld voor")
        if verloren := _kenmerken(klant):
            raise niet_schrijfbaar(
                klant,
                ", ".join(veld for veld, _ in verloren),
                "Klanten API v1 heeft er geen veld voor: "
                + "; ".join(reden for _, reden in verloren),
            )
        if len(klant.klantnummer) > MAX_KLANTNUMMER_V1:
            raise niet_schrijfbaar(
                klant,
                "klantnummer",
                f"{len(klant.klantnummer)} tekens; Klanten API v1 houdt er ten hoogste "
                f"{MAX_KLANTNUMMER_V1}",
            )
        # What v1 cannot hold first, then what it requires.
        v1_adres = None if adres is None else _adres(klant, adres)
        subject = self._subject(klant)
        website = gegevens.website_url or self.website_url
        if website is None:
            raise niet_schrijfbaar(
                klant,
                "website_url",
                "Klanten API v1 vraagt een websiteUrl en de klant heeft geen website: "
                "geef website_url (op de opdrachtregel --website-url), "
                "bijvoorbeeld de website van de gemeente",
            )
        uit: dict[str, Any] = {}
        if self.antwoord and (url := _url(klant)) is not None:
            uit["url"] = url
        uit["bronorganisatie"] = self.bronorganisatie
        uit["klantnummer"] = klant.klantnummer
        for v1, attr in GEGEVENS.items():
            waarde = website if attr == "website_url" else getattr(gegevens, attr)
            if waarde is not None:
                uit[v1] = waarde
        if v1_adres is not None:
            uit["adres"] = v1_adres
        uit.update(subject)
        return uit

    def _subject(self, klant: Klant) -> dict[str, Any]:
        ident = klant.identificatie
        if ident is None:
            if self.antwoord:
                return {"subjectType": None}
            raise niet_schrijfbaar(
                klant,
                "identificatie",
                "Klanten API v1 vraagt een subject of subjectIdentificatie; "
                "een zelfstandige klant heeft geen van beide",
            )
        if ident.buitenlands is not None:
            raise niet_schrijfbaar(
                klant, "buitenlands", "Klanten API v1 kent geen buitenlands nummer"
            )
        # The subject URL beside the numbers, or alone: then without subjectIdentificatie
        # (an empty one says nothing; the reference implementation needs either).
        uit: dict[str, Any] = {}
        if ident.subject_url is not None:
            uit["subject"] = ident.subject_url.waarde
        si: dict[str, str] = {}
        if ident.soort is Subjectsoort.NATUURLIJK_PERSOON:
            if ident.bsn is not None:
                si["inpBsn"] = ident.bsn.waarde
            if ident.a_nummer is not None:
                si["inpANummer"] = ident.a_nummer.waarde
            uit["subjectType"] = "natuurlijk_persoon"
        else:
            uit["subjectType"] = self._organisatie(klant, ident, si)
        if si:
            uit[SI] = si
        return uit

    @staticmethod
    def _organisatie(klant: Klant, ident: Identificatie, si: dict[str, str]) -> str:
        """The subjectType of an organisation's identificatie, its numbers put in ``si``."""
        if ident.vestigingsnummer is not None:
            nummers = (("kvk_nummer", ident.kvk_nummer), ("rsin", ident.rsin))
            naast = [naam for naam, nummer in nummers if nummer is not None]
            if naast:
                raise niet_schrijfbaar(
                    klant,
                    ", ".join(naast),
                    "een v1-subject vestiging heeft alleen een vestigingsNummer; "
                    f"het {' en '.join(naast)} ernaast zou verloren gaan",
                )
            si["vestigingsNummer"] = ident.vestigingsnummer.waarde
            return "vestiging"
        if ident.kvk_nummer is None:
            if ident.rsin is not None:
                si["innNnpId"] = ident.rsin.waarde
            return "niet_natuurlijk_persoon"  # an RSIN, a subject URL, or both
        reden = "Klanten API v1 heeft geen veld voor een KvK-nummer (innNnpId houdt een RSIN)"
        if ident.rsin is not None:
            reden += "; alleen de RSIN schrijven zou het KvK-nummer verliezen"
        raise niet_schrijfbaar(klant, "kvk_nummer", reden)


def _kenmerken(klant: Klant) -> list[tuple[str, str]]:
    """The kenmerken v1 would lose, each with what writing without it would make of the
    klant. The soort persoon or organisatie is no loss (the subjectType says it of an
    aangehaakte klant), nor a ``geheimhouding`` of ``False``."""
    kenmerken = klant.kenmerken
    verloren = []
    if not kenmerken.actief:
        verloren.append(("kenmerken.actief", "een klant die niet actief is, zou actief worden"))
    if kenmerken.geheimhouding:
        verloren.append(
            ("kenmerken.geheimhouding", "de geheime gegevens van de klant zouden openbaar worden")
        )
    if kenmerken.soort is Partijsoort.CONTACTPERSOON:
        verloren.append(("kenmerken.soort", "een contactpersoon zou een gewone persoon worden"))
    if kenmerken.werkt_voor is not None:
        verloren.append(
            ("kenmerken.werkt_voor", "de organisatie waarvoor de contactpersoon werkt, viel weg")
        )
    return verloren


def _url(klant: Klant) -> str | None:
    """The klant's ``bron``, if it is the URL of this v1 Klant (``.../klanten/<its id>``)."""
    if klant.bron is None or (match := _KLANT_URL.fullmatch(klant.bron)) is None:
        return None
    return klant.bron if uuid.UUID(match.group(1)) == klant.id else None


def _adres(klant: Klant, adres: Adres) -> dict[str, Any]:
    landcode = adres.brp_landcode
    if landcode is None:
        raise niet_schrijfbaar(
            klant,
            "adres.land",
            f"{adres.land} heeft geen code in de BRP Landentabel (Tabel 34)",
        )
    uit: dict[str, Any] = {
        v1: waarde
        for v1, attr in ADRES.items()
        if attr != "land" and (waarde := getattr(adres, attr)) is not None
    }
    uit["landcode"] = landcode
    return uit
