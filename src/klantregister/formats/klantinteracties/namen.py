"""The Klantinteracties API's names and codes: which member of a ``Partij`` holds what.

>>> COMBINATIES[("hr", "vestiging", "vestigingsnummer")][0]
'vestigingsnummer'
"""

from __future__ import annotations

from klantregister.domain import Bsn, KvkNummer, Rsin, Vestigingsnummer

__all__ = [
    "CODE_VAN",
    "COMBINATIES",
    "CONTACTNAAM",
    "DA",
    "DIGITAAL",
    "DIGITALE_ADRESSEN",
    "MAX_DIGITAAL_ADRES",
    "MAX_NUMMER",
    "NIET_IN_REGISTER",
    "NIET_IN_REGISTER_DIGITAAL_ADRES",
    "NIET_IN_REGISTER_IDENTIFICATOR",
    "NUMMER",
    "OBJECTTYPES",
    "OMSCHRIJVING",
    "PARTIJEN",
    "PARTIJ_IDENTIFICATOREN",
    "PI",
    "REGISTERS",
    "SOORTEN_OBJECT_ID",
    "SOORTEN_PARTIJ",
    "VELDEN",
    "VERTEGENWOORDIGDE",
    "VERTEGENWOORDIGENDE",
    "VERTEGENWOORDIGINGEN",
    "WERKTE_VOOR",
    "Nummer",
]

#: The members that list identificatoren and digitale adressen.
PI = "partijIdentificatoren"
DA = "digitaleAdressen"
SOORTEN_PARTIJ = ("persoon", "organisatie", "contactpersoon")
#: Every member of a ``Partij`` (request or response) but ``uuid`` and ``url``.
VELDEN = frozenset(
    {
        "nummer",
        "interneNotitie",
        "betrokkenen",
        "categorieRelaties",
        DA,
        "voorkeursDigitaalAdres",
        "vertegenwoordigden",
        "rekeningnummers",
        "voorkeursRekeningnummer",
        PI,
        "soortPartij",
        "indicatieGeheimhouding",
        "voorkeurstaal",
        "indicatieActief",
        "bezoekadres",
        "correspondentieadres",
        "partijIdentificatie",
        "_expand",
    }
)
REGISTERS = ("brp", "hr", "overig")
OBJECTTYPES = ("natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging", "overig")
SOORTEN_OBJECT_ID = ("bsn", "vestigingsnummer", "rsin", "kvk_nummer", "overig")
#: (codeRegister, codeObjecttype, codeSoortObjectId) -> (Identificatie attribute, class).
#: The numbers a Partij's identificatoren can hold.
Nummer = Bsn | KvkNummer | Rsin | Vestigingsnummer
COMBINATIES: dict[tuple[str, str, str], tuple[str, type[Nummer]]] = {
    ("brp", "natuurlijk_persoon", "bsn"): ("bsn", Bsn),
    ("hr", "niet_natuurlijk_persoon", "rsin"): ("rsin", Rsin),
    ("hr", "niet_natuurlijk_persoon", "kvk_nummer"): ("kvk_nummer", KvkNummer),
    ("hr", "vestiging", "vestigingsnummer"): ("vestigingsnummer", Vestigingsnummer),
}
CODE_VAN = {attr: combinatie for combinatie, (attr, _) in COMBINATIES.items()}
#: contactnaam field -> Klantgegevens attribute.
CONTACTNAAM = {
    "voorletters": "voorletters",
    "voornaam": "voornaam",
    "voorvoegselAchternaam": "voorvoegsel_achternaam",
    "achternaam": "achternaam",
}
#: soortDigitaalAdres -> Klantgegevens attribute.
DIGITAAL = {"email": "emailadres", "telefoonnummer": "telefoonnummer", "overig": "website_url"}
OMSCHRIJVING = {"emailadres": "e-mail", "telefoonnummer": "telefoon", "website_url": "website"}
#: The longest ``adres`` of a DigitaalAdres.
MAX_DIGITAAL_ADRES = 80
#: The telephone numbers Open Klant accepts in a DigitaalAdres (its own validator).
TELEFOONNUMMER_OPEN_KLANT = r"0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13}"
#: The ``nummer`` of a Partij that Open Klant accepts (an integer, at most 10 characters):
#: a klantnummer that does not match it is not written.
NUMMER = r"[0-9]{1,10}"
#: What a Partij holds that the register does not (yet), member by member: the value that
#: says nothing (besides ``null``, ``""``, ``[]`` and ``{}``) and what the member holds, in
#: words. A member with any other value is noted per record (``NIET_OVERGENOMEN``) and the
#: Partij read without it. A dotted name is a member of a member.
NIET_IN_REGISTER: dict[str, tuple[object, str]] = {
    "interneNotitie": (None, "een interne notitie"),
    "betrokkenen": (None, "betrokkenen bij klantcontacten"),
    "categorieRelaties": (None, "categorieën"),
    # The Partijen this one represents (Open Klant lists the vertegenwoordigdePartij of each
    # Vertegenwoordigden whose vertegenwoordigendePartij it is); the register holds a
    # representation in the herkomst of the klant represented, not as a list on its
    # representative, and a Partij read is taken over (an Overname) in any case.
    "vertegenwoordigden": (
        None,
        "de Partijen die deze Partij vertegenwoordigt (de vertegenwoordigingen zelf geeft "
        "GET /vertegenwoordigingen)",
    ),
    "voorkeursDigitaalAdres": (None, "een voorkeur voor een digitaal adres"),
    "rekeningnummers": (None, "rekeningnummers"),
    "voorkeursRekeningnummer": (None, "een voorkeur voor een rekeningnummer"),
}
#: Where a contactpersoon names the organisation it works for (``kenmerken.werkt_voor``).
WERKTE_VOOR = "partijIdentificatie.werkteVoorPartij"
#: The same, of each entry of ``partijIdentificatoren``.
NIET_IN_REGISTER_IDENTIFICATOR: dict[str, tuple[object, str]] = {
    "anderePartijIdentificator": (None, "een vrije identificator (anderePartijIdentificator)"),
}
#: The same, of each DigitaalAdres read; an ``omschrijving`` is not noted when it is the
#: one this library writes for its soort (:data:`OMSCHRIJVING`).
NIET_IN_REGISTER_DIGITAAL_ADRES: dict[str, tuple[object, str]] = {
    "omschrijving": (None, "een omschrijving"),
    "isStandaardAdres": (False, "dat het het standaardadres is (isStandaardAdres)"),
    "referentie": (None, "een referentie"),
    "verificatieDatum": (None, "een verificatiedatum"),
    "verstrektDoorBetrokkene": (None, "de betrokkene die het verstrekte"),
}
#: The longest ``nummer`` of a Partij (Open Klant 2.0 to 2.15 generated ten digits).
MAX_NUMMER = 10
#: The paths of the resources, below the root of the API.
PARTIJEN = "partijen"
PARTIJ_IDENTIFICATOREN = "partij-identificatoren"
DIGITALE_ADRESSEN = "digitaleadressen"
VERTEGENWOORDIGINGEN = "vertegenwoordigingen"
#: The members of a ``Vertegenwoordigden``: the Partij that represents, and the one represented.
VERTEGENWOORDIGENDE = "vertegenwoordigendePartij"
VERTEGENWOORDIGDE = "vertegenwoordigdePartij"
