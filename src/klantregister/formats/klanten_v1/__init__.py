"""Klanten API v1: read and write its ``Klant`` objects, by their own field names.

A v1 klant is scoped by ``bronorganisatie`` (an RSIN), not by gemeente: the
caller says which gemeente the records belong to, one for all
(``gemeenten="0363"``) or per bronorganisatie (``gemeenten={"002220647": "0363"}``).

Mapping decisions:

- ``subjectType`` ``natuurlijk_persoon``: ``inpBsn`` and ``inpANummer`` (also
  read as ``inpA_nummer``, the API's own spelling) become the BSN and A-nummer;
  ``niet_natuurlijk_persoon``: ``innNnpId`` of 8 digits a KvK-nummer, of 9 an
  RSIN; ``vestiging``: ``vestigingsNummer``. The subject's names
  (``geslachtsnaam``, ``statutaireNaam``, ``handelsnaam``...) belong to the BRP
  and the Handelsregister; the register keeps only keys, so they are not read.
- ``subject``, the URL of the subject in the BRP's or the Handelsregister's API, is
  the identificatie's ``subject_url``, beside the numbers or alone (a klant known
  by its URL alone is aangehaakt); for a natural person it is a key of KLOK01
  rule 1. A URL needs its ``subjectType`` (without it, whose URL it is cannot be
  told) and is an http(s) URL of at most 1000 characters; anything else is
  reported. A ``vestiging`` known by its URL alone is kept as a niet-natuurlijk
  persoon's URL, with a note: only a vestigingsnummer says it is a vestiging.
- ``anpIdentificatie`` and ``annIdentificatie`` (numbers a gemeente issued
  itself) identify a subject the register cannot hold: such a record is
  reported, never read without them.
- ``adres.landcode`` is a code of the BRP Landentabel (Tabel 34, ``6030``
  Nederland) both ways; absent means Nederland. Every one of its 398 codes is
  read and written back exactly, those without an ISO 3166-1 code (``0000``
  Onbekend, ``5105`` Kosovo, historical states) included. An ISO code, or a
  code not in the table, is reported; a land Tabel 34 has no row for (ISO
  ``BV``, ``HM``, ``TF``) cannot be written.
- Writing (:func:`naar_v1`, :func:`schrijf`, and ``schrijven.schrijf_pagina`` for
  one page of ``GET /klanten``) is lossless or refused with a
  :class:`~klantregister.FormaatError` naming the klant and the field. It writes
  a create/PUT body (``vorm="verzoek"``: no ``url``) or a server's response
  (``vorm="antwoord"``: with ``url``, the klant's ``bron`` when that is this v1
  Klant's URL); never a ``uuid`` (v1 has none) and only members with a value,
  never ``""``. ``websiteUrl`` is required: a klant without a website gets the
  ``website_url`` given for all (the gemeente's, say), and is refused without one.
  ``innNnpId`` holds an RSIN only: a KvK-nummer (alone or beside an RSIN) cannot
  be written, nor a vestigingsnummer beside a KvK-nummer or RSIN, a foreign
  number, ``voorletters``, ``voorkeurstaal`` or ``adresregel``s (which v1 lacks).
  The subject URL is written as ``subject`` (alone: without
  ``subjectIdentificatie``). v1 has no member for the kenmerken: a klant that is
  not active, whose data are secret or that is a contactpersoon is refused; the
  soort persoon or organisatie is what ``subjectType`` says.
  A zelfstandige klant cannot be created on a v1 server (it needs a subject);
  as a response it has ``subjectType`` ``null``.

>>> gelezen = lees_klant({"klantnummer": "K1", "subjectType": "natuurlijk_persoon",
...     "subjectIdentificatie": {"inpBsn": "111222333"}}, gemeenten="0363")
>>> gelezen.registratie.identificatie
Identificatie(soort=Subjectsoort.NATUURLIJK_PERSOON, bsn=Bsn('******333'))
>>> lees_klant({"subjectType": "natuurlijk_persoon",
...     "subjectIdentificatie": {"inpBsn": "111222334"}}, gemeenten="0363").problemen[0].veld
'subjectIdentificatie.inpBsn'
>>> lees_klant({"subjectType": "natuurlijk_persoon",
...     "subject": "https://brp.example.nl/ingeschrevenpersonen/111222333"},
...     gemeenten="0363").registratie.identificatie.subject_url
SubjectUrl('https://brp.example.nl/ingeschrevenpersonen/******333')
"""

from klantregister.formats.klanten_v1.kern import kern
from klantregister.formats.klanten_v1.lezen import lees, lees_klant, lezer
from klantregister.formats.klanten_v1.schrijven import (
    Vorm,
    naar_v1,
    schrijf,
    schrijf_pagina,
    schrijver,
)

__all__ = [
    "Vorm",
    "kern",
    "lees",
    "lees_klant",
    "lezer",
    "naar_v1",
    "schrijf",
    "schrijf_pagina",
    "schrijver",
]
