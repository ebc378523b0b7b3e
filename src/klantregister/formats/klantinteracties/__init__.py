"""Klantinteracties API (Open Klant 2.x): read and write ``Partij`` objects, by their field names.

A Partij has no ``bronorganisatie``: the caller names the one gemeente all
records belong to (``gemeenten="0363"``). A table, as the Klanten API v1 reader
takes, has nothing to look up here and is refused before anything is read.

Mapping decisions:

- ``soortPartij`` ``persoon`` and ``contactpersoon`` are natural persons,
  ``organisatie`` a niet-natuurlijk persoon; it is required, and kept as the klant's
  ``kenmerken.soort``. ``indicatieActief`` is ``kenmerken.actief`` (absent or ``null``:
  active), ``indicatieGeheimhouding`` ``kenmerken.geheimhouding`` (``null``: not said);
  a value of another type is a problem (``TYPE``). A contactpersoon's
  ``partijIdentificatie.werkteVoorPartij`` (``{"uuid", "url"}``, or either as text) is
  ``kenmerken.werkt_voor``, the id of the organisation's klant: a reference to another
  Partij, which the register does not require to be in it (nor to be read first); one
  that names no uuid is a problem (``FORMAAT``), as is one to the contactpersoon itself.
  Beside a persoon or organisatie, which have no such member, it is noted
  (``NIET_OVERGENOMEN``). The Contactpersoon's own ``uuid`` and ``volledigeNaam`` are the
  server's (derived, or an id of its own), not noted.
- ``partijIdentificatoren``: only the combinations the API allows are read:
  ``brp`` + ``natuurlijk_persoon`` + ``bsn``; ``hr`` + ``niet_natuurlijk_persoon``
  + ``rsin`` | ``kvk_nummer``; ``hr`` + ``vestiging`` + ``vestigingsnummer``.
  Every other identificator is reported, never dropped: an unknown code
  (``CODE``), a combination outside that list (``CODE``), one with ``overig``
  (``NIET_OVER_TE_NEMEN``: the register has no place for it), a Handelsregister
  number in a persoon or a BSN in an organisatie (``REGEL_3``), a second,
  different number of a kind the register holds once (``NIET_OVER_TE_NEMEN``),
  an entry that is only a reference without its ``partijIdentificator``
  (``NIET_OVER_TE_NEMEN``). The same number given twice is read once.
- ``subIdentificatorVan`` (``{"uuid", "url"}``, or a uuid or url as text) is
  allowed on a vestiging only and points, by uuid or url, to a ``kvk_nummer``
  identificator; a vestiging without one is read (older Open Klant versions do
  not set it). One to another kind of identificator of the same Partij is
  reported (``FORMAAT``). One to none of the Partij's own is an identificator of
  another Partij (Open Klant allows it: a vestiging's Partij points to its
  organisation's), which a Partij read on its own cannot check: it is read, and
  noted (``NIET_OVERGENOMEN``, naming the reference) — the vestigingsnummer is
  kept without KvK-nummer, or beside the Partij's own.
- ``digitaleAdressen``: in a response these are references, the addresses come
  in ``_expand.digitaleAdressen`` (``expand=digitaleAdressen``) and are matched to
  them by uuid or url (an expanded address without a reference is read too);
  older exports hold the DigitaalAdres objects themselves, read as they stand.
  References whose address is not in the input are one note per Partij
  (``NIET_OVERGENOMEN``: how many, and how to get them); the Partij is read
  without them. ``email`` becomes ``emailadres``, ``telefoonnummer``
  ``telefoonnummer``, ``overig`` with an http(s) URL ``website_url``. The
  register holds one of each: the first (in the order of the references) is
  taken and every further, different one is reported (``NIET_OVER_TE_NEMEN``),
  as is an ``overig`` that is not a URL; an address ``verstrektDoorPartij``
  another Partij is not this klant's (``FORMAAT``).
- ``partijIdentificatie.contactnaam`` {``voorletters``, ``voornaam``,
  ``voorvoegselAchternaam``, ``achternaam``} and ``partijIdentificatie.naam``
  (an organisation's) become the names and ``bedrijfsnaam``, whichever soort
  gives them. ``voorkeurstaal`` (ISO 639-2) is read as it is; ``""`` is not given.
- ``nummer`` is the klantnummer, up to 10 characters (Open Klant 2.0 to 2.15
  generated ten digits); ``null`` and ``""`` are none; a longer one, which the
  API does not allow, is reported (``LENGTE``).
- What a Partij holds that the register does not, ``namen.NIET_IN_REGISTER``
  (``rekeningnummers``, ``interneNotitie``, ``betrokkenen``,
  ``vertegenwoordigden``...), an address's ``nummeraanduidingId``, and beside it an
  identificator's ``anderePartijIdentificator`` and a digitaal adres's
  ``omschrijving``, ``verificatieDatum``..., is noted per Partij by its field
  (``NIET_OVERGENOMEN``, in ``Gelezen.opmerkingen``) when it gives a value;
  the Partij is read without it. ``null`` is read wherever the API allows it.
- Writing is lossless or refused with a :class:`~klantregister.FormaatError`
  naming the klant and the field: Klantinteracties has no standard code for an
  A-nummer or a foreign number (``overig`` would lose which register issued it),
  nor a field for ``functie``; a persoon or contactpersoon has no ``bedrijfsnaam``,
  an organisatie no contactnaam; a digitaal adres holds at most 80 characters; a
  telephone number is written as Open Klant takes it (``+31 (0)20 123 4567``
  as ``+31201234567``) or refused; a vestigingsnummer is written only under the
  klant's KvK-nummer. The ``soortPartij`` is the klant's ``kenmerken.soort``; a klant
  without one is written as an organisatie when it is identified as a niet-natuurlijk
  persoon or, zelfstandig, has a ``bedrijfsnaam`` and no names, otherwise as a persoon.
  ``indicatieActief`` and ``indicatieGeheimhouding`` (when said) are its kenmerken, a
  contactpersoon's ``werkteVoorPartij`` the organisation it works for (``null`` for
  none). A Partij has no member for a subject URL: beside the numbers it is not
  written; a klant whose only identifier it is, is refused. ``nummer`` is the
  klantnummer only when that is an integer (Open Klant takes no other; it gives
  the Partij a nummer of its own). :func:`niet_overgenomen` names, per klant, what a
  Partij written of it does not carry. :func:`naar_partij` writes the body of
  ``POST /partijen`` (``vorm="verzoek"``); what a create cannot hold follows in
  requests of their own, with the uuids the server returned:
  ``schrijven.partij_identificatoren`` (the vestigingsnummer, for
  ``POST /partij-identificatoren``) and ``schrijven.digitale_adressen`` (for
  ``POST /digitaleadressen``). ``vorm="antwoord"`` writes the Partij as
  ``GET /partijen/{uuid}?expand=digitaleAdressen`` returns it
  (``schrijven.schrijf_pagina``: a page of them), with URLs after the klant's
  ``bron`` or on ``basis_url``: the Partij's ``uuid`` is the klant's id, those of
  its identificatoren and digitale adressen uuid5 of the klant's id and their
  kind, so writing is reproducible.
- A klant registered *namens* another (its ``herkomst`` an Authenticatie with ``namens``)
  is linked to its representative's klant by a ``Vertegenwoordigden`` (``POST
  /vertegenwoordigingen``), sent after both Partijen: :func:`vertegenwoordiger` names
  the representative, :func:`naar_vertegenwoordigden` writes the link (both forms),
  :func:`niet_overgenomen_vertegenwoordiging` names what it does not carry (the ground,
  the mandate), :func:`lees_vertegenwoordigden` reads a link as Open Klant returns it
  (:mod:`.vertegenwoordiging`). A Partij's
  readOnly ``vertegenwoordigden`` (the Partijen it represents) is noted, not taken over.

>>> gelezen = lees_partij({"soortPartij": "persoon", "partijIdentificatoren": [
...     {"partijIdentificator": {"codeRegister": "brp", "codeObjecttype": "natuurlijk_persoon",
...      "codeSoortObjectId": "bsn", "objectId": "111222333"}}]}, gemeenten="0363")
>>> gelezen.registratie.identificatie
Identificatie(soort=Subjectsoort.NATUURLIJK_PERSOON, bsn=Bsn('******333'))
"""

from klantregister.formats.klantinteracties.lezen import lees, lees_partij, lezer
from klantregister.formats.klantinteracties.schrijven import (
    Vorm,
    digitale_adressen,
    naar_partij,
    niet_overgenomen,
    partij_identificatoren,
    schrijf,
    schrijf_pagina,
    schrijver,
)
from klantregister.formats.klantinteracties.vertegenwoordiging import (
    GelezenVertegenwoordigden,
    Vertegenwoordigden,
    lees_vertegenwoordigden,
    naar_vertegenwoordigden,
    niet_overgenomen_vertegenwoordiging,
    vertegenwoordiger,
)
from klantregister.formats.klantinteracties.verzoeken import IN_TE_VULLEN, verzoeken

__all__ = [
    "IN_TE_VULLEN",
    "GelezenVertegenwoordigden",
    "Vertegenwoordigden",
    "Vorm",
    "digitale_adressen",
    "lees",
    "lees_partij",
    "lees_vertegenwoordigden",
    "lezer",
    "naar_partij",
    "naar_vertegenwoordigden",
    "niet_overgenomen",
    "niet_overgenomen_vertegenwoordiging",
    "partij_identificatoren",
    "schrijf",
    "schrijf_pagina",
    "schrijver",
    "vertegenwoordiger",
    "verzoeken",
]
