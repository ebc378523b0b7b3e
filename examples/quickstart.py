"""A gemeente's contact centre in a few lines: the KLOK01 rules at work.

Run it with ``python examples/quickstart.py``. It registers klanten of
Amsterdam (0363) and Utrecht (0344), and prints what the register accepts and
what it refuses, and why. BSNs are printed masked, as everywhere in the
library.
"""

from __future__ import annotations

from klantregister import (
    Adres,
    Authenticatie,
    Betrouwbaarheidsniveau,
    Identificatie,
    KardinaliteitError,
    Klantgegevens,
    KlantRegister,
    KlantregisterError,
    Vertegenwoordiging,
)

AMSTERDAM = "0363"
UTRECHT = "0344"


def main() -> None:
    register = KlantRegister(minimaal_betrouwbaarheidsniveau=Betrouwbaarheidsniveau.SUBSTANTIEEL)
    # DigiD established who the klant is: the register records only that person's BSN.
    digid = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD Midden", subject="111222333")

    zoe = register.registreer(
        AMSTERDAM,
        Klantgegevens(
            voornaam="Zoë",
            achternaam="de Vries",
            emailadres="zoe@example.nl",
            adres=Adres(straatnaam="Amstel", huisnummer=1, postcode="1011pn"),
        ),
        Identificatie.natuurlijk_persoon(bsn="1112.22.333"),
        authenticatie=digid,
    )
    print(f"geregistreerd: klant {zoe.klantnummer} in {zoe.gemeente}, {zoe.identificatie}")

    # Rule 1: at most one klant per natuurlijk persoon per gemeente.
    try:
        register.registreer(
            AMSTERDAM,
            identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
            authenticatie=digid,
        )
    except KardinaliteitError as fout:
        print(f"geweigerd (regel {fout.regel}): al klant {fout.klant_id}")

    # ... but the same person may be a klant of another gemeente.
    utrecht = register.registreer(
        UTRECHT,
        identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
        authenticatie=digid,
    )
    print(f"geregistreerd: klant {utrecht.klantnummer} in {utrecht.gemeente}")

    # Rule 2: any number of klanten per organisation.
    for functie in ("inkoper", "directeur"):
        register.registreer(
            AMSTERDAM,
            Klantgegevens(bedrijfsnaam="Bakkerij Zoet B.V.", functie=functie),
            Identificatie.niet_natuurlijk_persoon(kvk_nummer="6904 6938"),
            # eHerkenning: an employee acting for the company, which the register records.
            authenticatie=Authenticatie(
                Betrouwbaarheidsniveau.SUBSTANTIEEL,
                "eHerkenning EH3",
                namens=Vertegenwoordiging("69046938", "functionaris"),
            ),
        )
    print(f"klanten namens KvK 69046938: {len(register.zoek('69046938', AMSTERDAM))}")

    # Invalid input is refused with a message that says what and where, never the BSN.
    for poging in ("1112.52.333", "١١١٢٢٢٣٣٣"):
        try:
            Identificatie.natuurlijk_persoon(bsn=poging)
        except KlantregisterError as fout:
            print(f"geweigerd: {fout}")

    print(register)


if __name__ == "__main__":
    main()
