"""The Klanten API v1's names: which member of a v1 ``Klant`` holds which value.

>>> GEGEVENS["websiteUrl"], ADRES["landcode"]
('website_url', 'land')
"""

from __future__ import annotations

__all__ = [
    "ADRES",
    "GEGEVENS",
    "LEDEN",
    "MAX_KLANTNUMMER_V1",
    "SI",
    "SLEUTELS",
    "SUBJECTTYPES",
    "SUBJECT_LEDEN",
    "V1_NAAM",
    "VELDEN",
]

#: v1 field -> Klantgegevens attribute.
GEGEVENS = {
    "bedrijfsnaam": "bedrijfsnaam",
    "functie": "functie",
    "websiteUrl": "website_url",
    "voornaam": "voornaam",
    "voorvoegselAchternaam": "voorvoegsel_achternaam",
    "achternaam": "achternaam",
    "telefoonnummer": "telefoonnummer",
    "emailadres": "emailadres",
}
#: v1 adres field -> Adres attribute.
ADRES = {
    "straatnaam": "straatnaam",
    "huisnummer": "huisnummer",
    "huisletter": "huisletter",
    "huisnummertoevoeging": "huisnummertoevoeging",
    "postcode": "postcode",
    "woonplaatsnaam": "woonplaatsnaam",
    "landcode": "land",
}
V1_NAAM = {
    **{attr: v1 for v1, attr in GEGEVENS.items()},
    **{f"adres.{attr}": f"adres.{v1}" for v1, attr in ADRES.items()},
}
#: The subjectTypes v1 knows.
SUBJECTTYPES = ("natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging")
#: The identifying members of subjectIdentificatie, per subjectType.
SLEUTELS = {
    "natuurlijk_persoon": ("inpBsn", "inpANummer", "inpA_nummer", "anpIdentificatie"),
    "niet_natuurlijk_persoon": ("innNnpId", "annIdentificatie"),
    "vestiging": ("vestigingsNummer",),
}
#: The longest ``klantnummer`` of a v1 Klant (the register holds longer ones, of a Partij).
MAX_KLANTNUMMER_V1 = 8
#: The member that holds a subject's numbers.
SI = "subjectIdentificatie"
#: Every member of a v1 ``Klant`` but ``url`` (which a Partij has too).
VELDEN = frozenset(
    {"bronorganisatie", "klantnummer", "adres", "subject", "subjectType", SI, *GEGEVENS}
)
#: Every member of a v1 ``Klant`` the reader reads or reports: a member beyond these is noted.
LEDEN = VELDEN | {"url", "uuid"}
#: The members of ``subjectIdentificatie`` the reader reads or reports, the numbers: the
#: others are the subject's own data (names, addresses), the BRP's or the Handelsregister's.
SUBJECT_LEDEN = frozenset(naam for namen in SLEUTELS.values() for naam in namen)
