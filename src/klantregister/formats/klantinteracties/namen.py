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
    "OBJECTTYPES",
    "OMSCHRIJVING",
    "PI",
    "REGISTERS",
    "SOORTEN_OBJECT_ID",
    "SOORTEN_PARTIJ",
    "Nummer",
]

#: The members that list identificatoren and digitale adressen.
PI = "partijIdentificatoren"
DA = "digitaleAdressen"
SOORTEN_PARTIJ = ("persoon", "organisatie", "contactpersoon")
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
