"""The fast path of the Klanten API v1 reader: ``klanten_v1.kern``.

``kern`` gives what a check needs of a record (its id, gemeente and natural-person
keys, and the notes of what the register does not take over) when cheap tests prove
the record valid, and ``None`` when it cannot vouch for it. These tests check that it
is sound: every record it accepts, the full reader (``lees_klant``) reads without
problems and with the same id, gemeente, keys and notes, so a record kern accepts
without notes the full reader notes nothing of either (with Hypothesis, and for every
edge value below in every field of a few clean records); that it really is used for
clean records, those with notes too; and that it leaves the records it cannot vouch
for to the full reader.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from klantregister import Gemeentecode
from klantregister.domain.klok01 import sleutel
from klantregister.formats.klanten_v1 import kern, lees_klant
from klantregister.formats.klanten_v1.kern import leden_niet_overgenomen
from klantregister.formats.klanten_v1.namen import LEDEN, SUBJECT_LEDEN
from klantregister.formats.resultaat import Kern, Probleem, Probleemsoort, noteer_onbekend
from klantregister.testing import (
    a_nummers,
    bsns,
    kvk_nummers,
    rsins,
    subject_urls,
    vestigingsnummers,
)

pytestmark = pytest.mark.unit

GEMEENTE = Gemeentecode("0363")
BRONORGANISATIE = "002564440"
ANDERE_BRONORGANISATIE = "002220647"
#: A table from bronorganisatie (RSIN) to gemeente, as ``gemeente_tabel`` returns it.
TABEL = {BRONORGANISATIE: GEMEENTE, ANDERE_BRONORGANISATIE: Gemeentecode("0599")}
VOORBEELDEN = Path(__file__).parent.parent / "examples" / "klanten_v1_export.json"
SUBJECT_URL = "https://brp.example.nl/api/v1/ingeschrevenpersonen/111222333"
KLANT_URL = "https://klanten.example.nl/api/v1/klanten/6b5e5b2c-0b6d-4d0b-9b1a-1c6d8a1b2c3d"
KLANT_UUID = "6b5e5b2c-0b6d-4d0b-9b1a-1c6d8a1b2c3d"
BSN = ("bsn", "111222333")
A_NUMMER = ("a_nummer", "1234567890")
SUBJECT = ("subject_url", SUBJECT_URL)

Gemeenten = Gemeentecode | dict[str, Gemeentecode]


# --- what the full reader makes of a record --------------------------------------------


def kern_volgens_de_volledige_lezer(record: object, gemeenten: Gemeenten) -> Kern:
    """The Kern the full reader implies, its notes too; fails the test if it finds problems."""
    gelezen = lees_klant(record, gemeenten=gemeenten)
    assert () == gelezen.problemen
    assert gelezen.gemeente is not None
    sleutels = (
        None
        if gelezen.identificatie is None
        else tuple(sleutel(s) for s in gelezen.identificatie.persoonssleutels)
    )
    return gelezen.id, gelezen.gemeente, sleutels, gelezen.opmerkingen


def controleer_dat_kern_klopt(record: object, gemeenten: Gemeenten) -> bool:
    """Check kern's answer for ``record`` against the full reader, the notes included (a
    record kern accepts without notes, the full reader notes nothing of); whether kern
    accepted."""
    uitkomst = kern(record, gemeenten)
    if uitkomst is not None:
        assert kern_volgens_de_volledige_lezer(record, gemeenten) == uitkomst
    return uitkomst is not None


# --- clean records ----------------------------------------------------------------------

NEDERLANDS_ADRES: dict[str, Any] = {
    "straatnaam": "Amstel",
    "huisnummer": 1,
    "huisletter": "A",
    "huisnummertoevoeging": "2",
    "postcode": "1011 PN",
    "woonplaatsnaam": "Amsterdam",
    "landcode": "6030",
}
LEEG_ADRES: dict[str, Any] = {
    "straatnaam": "",
    "huisnummer": None,
    "huisletter": "",
    "huisnummertoevoeging": "",
    "postcode": "",
    "woonplaatsnaam": "",
    "landcode": "",
}


def volledig_v1_record(adres: dict[str, Any] | None) -> dict[str, Any]:
    """A v1 Klant as the API writes it: every field present, the empty ones as ""."""
    return {
        "url": KLANT_URL,
        "uuid": KLANT_UUID,
        "bronorganisatie": BRONORGANISATIE,
        "klantnummer": "K0001",
        "bedrijfsnaam": "",
        "functie": "",
        "websiteUrl": "https://jansen.example.nl",
        "voornaam": "Zoë",
        "voorvoegselAchternaam": "van",
        "achternaam": "Jansen",
        "telefoonnummer": "020 123 4567",
        "emailadres": "zoe@Example.NL",
        "adres": adres,
        "subject": "",
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {
            "inpBsn": "111222333",
            "anpIdentificatie": "",
            "inpANummer": "1234567890",
            "geslachtsnaam": "Jansen",
            "voorvoegselGeslachtsnaam": "van",
            "voornamen": "Zoë Maria",
            "verblijfsadres": None,
            "subVerblijfBuitenland": None,
        },
    }


#: A clean natural person with a BSN, the base of the examples of section 3.
BASIS: dict[str, Any] = {
    "uuid": KLANT_UUID,
    "bronorganisatie": BRONORGANISATIE,
    "klantnummer": "K0001",
    "voornaam": "Anna",
    "subjectType": "natuurlijk_persoon",
    "subjectIdentificatie": {"inpBsn": "111222333"},
}


def met(**wijzigingen: Any) -> dict[str, Any]:
    """The base record with ``wijzigingen``."""
    return {**BASIS, **wijzigingen}


def met_si(**leden: Any) -> dict[str, Any]:
    """The base record with its subjectIdentificatie's ``leden`` added."""
    return met(subjectIdentificatie={**BASIS["subjectIdentificatie"], **leden})


#: Clean records of each kind, which the edge values below are put into one at a time.
SCHONE_RECORDS: dict[str, dict[str, Any]] = {
    "persoon": BASIS,
    "volledig": volledig_v1_record(NEDERLANDS_ADRES),
    "kvk": {
        "url": KLANT_URL,
        "bronorganisatie": ANDERE_BRONORGANISATIE,
        "bedrijfsnaam": "Jansen BV",
        "subjectType": "niet_natuurlijk_persoon",
        "subjectIdentificatie": {"innNnpId": "69046938"},
    },
    "vestiging": {
        "bronorganisatie": "0025.64.440",
        "adres": NEDERLANDS_ADRES,
        "subjectType": "vestiging",
        "subjectIdentificatie": {"vestigingsNummer": "000012345678"},
    },
    "zelfstandig": {"bronorganisatie": BRONORGANISATIE, "voornaam": "Anna", "subjectType": ""},
    "subject-url": {
        "uuid": KLANT_UUID,
        "bronorganisatie": BRONORGANISATIE,
        "subject": SUBJECT_URL,
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": "111222333"},
    },
    "subject-url-alone": {
        "bronorganisatie": ANDERE_BRONORGANISATIE,
        "subject": SUBJECT_URL,
        "subjectType": "natuurlijk_persoon",
    },
}


# --- edge values per field: valid, near misses, empty and wrong types -------------------

#: Values of another JSON type than the field's.
VERKEERDE_TYPEN: list[object] = [0, 7, -1, True, False, 1.5, float("nan"), [], ["x"], {}, {"a": 1}]


def tekstranden(maximum: int) -> list[object]:
    """Edge values of a text field of at most ``maximum`` characters."""
    return [
        None,
        "",
        "Zoë",
        "Yılmaz",
        "Çelik",
        "Şükrü Öztürk",
        "Ĳsbrand",
        "van der",
        "O'Brien",
        "x" * maximum,
        "x" * (maximum + 1),
        "ë" * maximum,
        "ë" * (maximum + 1),
        "e\u0301" * maximum,  # NFC: "é" * maximum, within the limit only once composed
        " " + "x" * maximum,  # one over, but within the limit once stripped
        "x" * maximum + " ",
        "x  " + "x" * (maximum - 2),
        " " * (maximum + 1),
        "   ",
        "Zoe\u0308",  # not NFC
        "e\u0301",
        "\u2126",  # OHM SIGN: NFC makes it GREEK CAPITAL LETTER OMEGA
        "\u212b",  # ANGSTROM SIGN: NFC makes it Å
        "\u1100\u1161",  # Hangul jamo, which NFC composes
        "\u0958" * maximum,  # NFC decomposes each into two: twice the limit
        "\ufb2c",  # NFC decomposes it into three
        "\u0301Zoë",  # a combining mark first
        "  Zoë  ",
        "Zoë  Jansen",
        "Zoë\tJansen",
        "Zoë\n",
        "\u00a0Zoë",
        "Zoë\u2028",
        "Zo\u200bë",  # a format character (Cf), which the full reader allows
        "A\x00",
        "A\x7f",
        "A\x85",
        "\ud800",
        "\ue000",
        "\U000e0080",  # unassigned
        "１２３",
        *VERKEERDE_TYPEN,
    ]


def _volle_breedte(tekst: str) -> str:
    return tekst.translate({ord(c): ord(c) - ord("0") + ord("０") for c in "0123456789"})


def _arabisch_indisch(tekst: str) -> str:
    return tekst.translate({ord(c): ord(c) - ord("0") + ord("٠") for c in "0123456789"})


#: Ways to make a near miss of a valid number (some keep it valid: separators, spaces).
VERVORMINGEN: tuple[Callable[[str], str], ...] = (
    lambda n: n[:-1] + str((int(n[-1]) + 1) % 10),  # another check digit
    lambda n: n[1:],  # one digit short
    lambda n: n + "0",  # one digit over
    lambda n: "0" + n,
    lambda n: n.lstrip("0"),
    _volle_breedte,
    _arabisch_indisch,
    lambda n: f"{n[:4]}.{n[4:6]}.{n[6:]}",
    lambda n: f"{n[:4]}-{n[4:]}",
    lambda n: f"{n[:4]}\u2013{n[4:]}",  # en dash
    lambda n: f"{n[:4]}\u00a0{n[4:]}",
    lambda n: f"{n[:4]}  {n[4:]}",
    lambda n: f" {n} ",
    lambda n: f"{n}\t",
    lambda n: f"{n}\n",
    lambda n: f"{n[:-1]}x",
    lambda n: "0" * len(n),
)


def nummerranden(*geldig: str) -> list[object]:
    """Edge values of an identifier field, around the valid numbers ``geldig``."""
    return [
        None,
        "",
        *geldig,
        *(vervorm(n) for n in geldig for vervorm in VERVORMINGEN),
        *(int(n) for n in geldig),
        "0",
        " ",
        "...",
        "abc",
        "10000008",  # a BSN of 8 digits, read with a leading zero
        *VERKEERDE_TYPEN,
    ]


_LOKAAL_64 = "a" * 64
_DOMEIN_189 = f"{'b' * 63}.{'c' * 63}.{'d' * 58}.nl"
RANDEN: dict[str, list[object]] = {
    "uuid": [
        None,
        "",
        "k1",
        KLANT_UUID,
        KLANT_UUID.upper(),
        KLANT_UUID.replace("-", ""),
        f"{{{KLANT_UUID}}}",
        f"urn:uuid:{KLANT_UUID}",
        f" {KLANT_UUID}",
        " ",
        *VERKEERDE_TYPEN,
    ],
    "url": [
        None,
        "",
        KLANT_URL,
        KLANT_URL.replace("https", "HTTP"),
        "https://klanten.example.nl",
        "https://klanten.example.nl/api/v1/klanten/k1",
        "ftp://klanten.example.nl/k1",
        "https://",
        "https:///klanten",
        f"{KLANT_URL} ",
        f"{KLANT_URL}\n",
        "https://" + "a" * 1000,
        " ",
        *VERKEERDE_TYPEN,
    ],
    "bronorganisatie": [
        None,
        "",
        BRONORGANISATIE,
        ANDERE_BRONORGANISATIE,
        "0025.64.440",
        "0025 64 440",
        " 002564440 ",
        "0025\u201364\u2013440",
        "00256444",
        "2564440",
        "002564441",
        "123456782",  # a valid RSIN not in the table
        "００２５６４４４０",
        2564440,
        *VERKEERDE_TYPEN,
    ],
    "klantnummer": [
        None,
        "",
        "K0001",
        "12345678",
        "123456789",
        " K1 ",
        "K 1",
        "K\t1",
        "K\x00",
        "ＫＡ",
        "K\u00a01",
        " ",
        "Zoë",
        *VERKEERDE_TYPEN,
    ],
    "bedrijfsnaam": tekstranden(200),
    "functie": tekstranden(200),
    "voornaam": tekstranden(200),
    "voorvoegselAchternaam": tekstranden(10),
    "achternaam": tekstranden(200),
    "emailadres": [
        None,
        "",
        "anna@example.nl",
        "anna@Example.NL",
        "a.b+c_d%e@sub.example.com",
        f"{_LOKAAL_64}@example.nl",
        f"a{_LOKAAL_64}@example.nl",
        f"{_LOKAAL_64}@{_DOMEIN_189}",  # 254 characters
        f"{_LOKAAL_64}@x{_DOMEIN_189}",  # 255 characters
        "anna@example",
        "anna@@example.nl",
        "anna@example.123",
        "anna@example.nl1",
        "an na@example.nl",
        '"anna"@example.nl',
        "anna@-example.nl",
        "anna@example-.nl",
        "anna@exa_mple.nl",
        "anna@exämple.nl",
        "daan.yılmaz@example.nl",
        " anna@example.nl",
        "anna@example.nl ",
        "anna@example.nl\n",
        "@example.nl",
        "anna@",
        "anna@.nl",
        "anna@example..nl",
        f"anna@{'e' * 63}.nl",
        f"anna@{'e' * 64}.nl",
        f"anna@example.{'n' * 64}",
        *VERKEERDE_TYPEN,
    ],
    "telefoonnummer": [
        None,
        "",
        "0201234567",
        "020 123 4567",
        "06-12345678",
        "+31 20 123 4567",
        "020.123.4567",
        "(020) 123 4567",
        "+31 (0)20 123 4567",
        "+31 (0)20 123 4567 toestel 89",
        "0" * 20,
        "0" * 21,
        "0" * 19 + " ",
        "020  123 4567",
        " 0201234567",
        "0201234567 ",
        "020\t1234567",
        "020\n1234567",
        "020\u00a01234567",
        "٠٢٠١٢٣٤٥٦٧",
        "０２０１２３４５６７",
        "020-abc",
        "12",
        "+12",
        "+",
        "++31 20 123 4567",
        "+(31) 20",
        "(0)",
        *VERKEERDE_TYPEN,
    ],
    "websiteUrl": [
        None,
        "",
        "https://jansen.example.nl",
        "http://example.nl/pad?q=1#boven",
        "https://example.nl/[",
        "https://example.nl?a=[1]",
        "https://example.nl#]",
        "HTTPS://EXAMPLE.NL",
        "ftp://example.nl",
        "https://",
        "https:///pad",
        "https://exa mple.nl",
        "https://exämple.nl",
        "https://[::1]/",
        "https://[",
        "https://]",
        "https://user@example.nl",
        "https://example.nl:8080",
        "https://example.nl:abc",
        "https://-",
        "https://..",
        "example.nl",
        "https://example.nl\n",
        " https://example.nl",
        "https://" + "a" * 992,  # 1000 characters
        "https://" + "a" * 993,  # 1001 characters
        "https://a/" + "b" * 991,
        *VERKEERDE_TYPEN,
    ],
    "adres": [None, "", "Amstel 1", {}, NEDERLANDS_ADRES, LEEG_ADRES, *VERKEERDE_TYPEN],
    "adres.straatnaam": tekstranden(100),
    "adres.huisnummer": [
        None,
        "",
        0,
        1,
        -1,
        99_999,
        100_000,
        10**30,
        True,
        False,
        12.0,
        1e10,
        "12",
        " 12 ",
        "012",
        "12a",
        "١٢",
        "99999",
        "100000",
        [],
        {},
    ],
    "adres.huisletter": [
        None,
        "",
        "A",
        "a",
        "z",
        "AB",
        "1",
        " A",
        "A ",
        "ß",
        "é",
        "Ａ",
        "-",
        "\t",
        *VERKEERDE_TYPEN,
    ],
    "adres.huisnummertoevoeging": [
        None,
        "",
        "2",
        "bis",
        "abcd",
        "abcde",
        "2-3",
        " 2",
        "2 ",
        "2 b",
        "ä",
        "II",
        "٣",
        "H1\n",
        *VERKEERDE_TYPEN,
    ],
    "adres.postcode": [
        None,
        "",
        "1011 PN",
        "1011PN",
        "1011pn",
        "1011 pN",
        "1011 SB",
        "9999 ZZ",
        "0123 AB",
        "1011  PN",
        " 1011 PN",
        "1011 PN ",
        "1011\tPN",
        "1011 SA",
        "1011 sd",
        "1011 Ss",
        "1011SA",
        "12345",
        "1011 P",
        "1011 PNX",
        "１０１１ PN",
        "١٠١١ PN",
        "1011-PN",
        "1011 ÅB",
        "1011 ßA",
        "D-10115",
        "SW1A 2AA",
        *VERKEERDE_TYPEN,
    ],
    "adres.woonplaatsnaam": tekstranden(80),
    "adres.landcode": [
        None,
        "",
        "NL",
        "nl",
        "Nl",
        " NL",
        "NL ",
        "BE",
        "DE",
        "TR",
        "GB",
        "XX",
        "6030",
        " 6030",
        "6030 ",
        "5010",
        "0000",
        "5105",
        "6029",
        "1234",
        "603",
        "60300",
        "٦٠٣٠",
        "NLD",
        "N",
        "ß",
        *VERKEERDE_TYPEN,
    ],
    "adres.adresregel1": [None, "", "10 Downing Street", [], 1],  # not a v1 field: ignored
    "subject": [
        None,
        "",
        SUBJECT_URL,
        "https://hr.example.nl/api/v1/vestigingen/000012345678",
        "HTTPS://BRP.EXAMPLE.NL/1",
        "http://brp.example.nl",
        f" {SUBJECT_URL}",
        f"{SUBJECT_URL}\n",
        "https://brp.example.nl/" + "a" * 977,  # 1000 characters
        "https://brp.example.nl/" + "a" * 978,
        " https://brp.example.nl/" + "a" * 977,  # one over, but within once stripped
        "ftp://brp.example.nl/1",
        "brp.example.nl/1",
        "https://",
        "https:///1",
        "https://brp.example.nl/1 2",
        "https://brp.example.nl/\x00",
        "https://brp.example.nl/\u2028",
        "https://brp.example.nl/zoë",
        " ",
        [SUBJECT_URL],
        {"url": SUBJECT_URL},
        *VERKEERDE_TYPEN,
    ],
    "subjectType": [
        "natuurlijk_persoon",
        "niet_natuurlijk_persoon",
        "vestiging",
        "",
        None,
        "NATUURLIJK_PERSOON",
        "natuurlijk persoon",
        " natuurlijk_persoon",
        "natuurlijk_persoon ",
        "onbekend",
        ["natuurlijk_persoon"],
        *VERKEERDE_TYPEN,
    ],
    "subjectIdentificatie": [
        None,
        "",
        "111222333",
        {},
        {"inpBsn": ""},
        {"inpBsn": "111222333"},
        {"geslachtsnaam": "Jansen"},
        *VERKEERDE_TYPEN,
    ],
    "subjectIdentificatie.inpBsn": nummerranden("111222333", "010000008"),
    "subjectIdentificatie.inpANummer": nummerranden("1234567890"),
    "subjectIdentificatie.inpA_nummer": nummerranden("1234567890"),
    "subjectIdentificatie.anpIdentificatie": [None, "", "G-2019-000042", "0", " ", 42, []],
    "subjectIdentificatie.innNnpId": nummerranden("69046938", "002220647"),
    "subjectIdentificatie.annIdentificatie": [None, "", "A-42", "0", " ", 42, []],
    "subjectIdentificatie.vestigingsNummer": nummerranden("000012345678"),
    # Members the register does not read: noted by name when they give a value.
    "subjectIdentificatie.geslachtsnaam": [None, "", "Jansen", "A\x00", [], {}],
    "subjectIdentificatie.verblijfsadres": [None, {"woonplaatsnaam": "Utrecht"}, []],
    "subjectIdentificatie.geslachtsaanduiding": [None, "", "v", 0, False, ["v"]],
    "aanmaakkanaal": [None, "", "balie", " ", 0, False, [], {}, ["balie"], {"kanaal": "balie"}],
    "_links": [None, {}, {"self": KLANT_URL}],
}
#: The top-level fields that hold an object with members of their own.
OBJECTEN = ("adres", "subjectIdentificatie")


def zet(record: dict[str, Any], plaats: str, waarde: object) -> dict[str, Any]:
    """A copy of ``record`` with the field at ``plaats`` (``"adres.postcode"``) set."""
    veld, _, lid = plaats.partition(".")
    kopie = dict(record)
    if not lid:
        kopie[veld] = waarde
        return kopie
    binnen = kopie.get(veld)
    kopie[veld] = {**(binnen if isinstance(binnen, dict) else {}), lid: waarde}
    return kopie


def zonder(record: dict[str, Any], plaats: str) -> dict[str, Any]:
    """A copy of ``record`` without the field at ``plaats``."""
    veld, _, lid = plaats.partition(".")
    kopie = dict(record)
    if not lid:
        kopie.pop(veld, None)
    elif isinstance(kopie.get(veld), dict):
        kopie[veld] = {k: v for k, v in kopie[veld].items() if k != lid}
    return kopie


# --- strategies --------------------------------------------------------------------------

#: Characters on the edges of the text rules: whitespace other than the space, control
#: and format characters, combining marks, characters NFC changes, other digits.
LASTIGE_TEKENS = st.sampled_from(
    [
        *"aZeëıÇ-'.@09 \t\n\r",
        "\u00a0",
        "\u2028",
        "\u200b",
        "\u0301",
        "\u0308",
        "\x00",
        "\x1f",
        "\x7f",
        "\x85",
        "\ud800",
        "\ue000",
        "\U000e0080",
        "\u2126",
        "\u212b",
        "\u1100",
        "\u1161",
        "\u0958",
        "\ufb2c",
        "ﬁ",
        "１",
        "٣",
    ]
)
VERKEERDE_TYPES: st.SearchStrategy[object] = st.one_of(
    st.integers(),
    st.booleans(),
    st.floats(),
    st.lists(st.integers(0, 9), max_size=2),
    st.dictionaries(st.sampled_from(["a", "inpBsn"]), st.integers(0, 9), max_size=2),
)
WILLEKEURIGE_TEKST = st.text(alphabet=LASTIGE_TEKENS, max_size=12) | st.text(max_size=12)


def bijna(geldig: st.SearchStrategy[str]) -> st.SearchStrategy[object]:
    """Valid numbers and near misses of them."""
    return geldig | st.builds(lambda n, vervorm: vervorm(n), geldig, st.sampled_from(VERVORMINGEN))


#: Per field, values drawn beyond the edge values: generated valid values, near misses
#: of them, and arbitrary text.
MEER: dict[str, st.SearchStrategy[object]] = {
    "uuid": st.uuids().map(str),
    "url": st.just(KLANT_URL),
    "bronorganisatie": bijna(rsins),
    "klantnummer": st.from_regex(r"\s?\S{0,9}\s?", fullmatch=True),
    "emailadres": st.from_regex(
        r"[A-Za-z0-9._%+\- \"]{0,66}@([A-Za-z0-9_\-]{0,64}\.){0,3}[A-Za-z0-9]{0,4}",
        fullmatch=True,
    ),
    "telefoonnummer": st.from_regex(r"\+?[0-9( ]{0,3}[0-9 ()./\-+x]{0,20}", fullmatch=True),
    "websiteUrl": st.from_regex(
        r"(https?|HTTP|ftp)?:?/{0,3}[A-Za-z0-9.\-_]{0,12}([/?#:@\[\]][!-~]{0,10})?",
        fullmatch=True,
    ),
    "adres.huisnummer": st.integers(-5, 100_005),
    "adres.huisnummertoevoeging": st.from_regex(r"[A-Za-z0-9 ]{0,5}", fullmatch=True),
    "adres.postcode": st.from_regex(r"[0-9]{3,5} {0,2}[A-Za-z]{1,3}", fullmatch=True),
    "subject": subject_urls.map(lambda url: url.waarde)
    | st.from_regex(
        r"\s?(https?|HTTP|ftp)?:?/{0,3}[a-z.]{0,8}([/?#][!-~ ]{0,10})?\s?", fullmatch=True
    ),
    "subjectType": st.text(max_size=8),
    "subjectIdentificatie.inpBsn": bijna(bsns),
    "subjectIdentificatie.inpANummer": bijna(a_nummers),
    "subjectIdentificatie.inpA_nummer": bijna(a_nummers),
    "subjectIdentificatie.innNnpId": bijna(kvk_nummers) | bijna(rsins),
    "subjectIdentificatie.vestigingsNummer": bijna(vestigingsnummers),
}


def waarden(plaats: str) -> st.SearchStrategy[object]:
    """Any value for the field at ``plaats``: mostly one of its edge values."""
    meer = MEER.get(plaats, st.nothing()) | WILLEKEURIGE_TEKST | VERKEERDE_TYPES
    if plaats in OBJECTEN:
        leden = {p.partition(".")[2]: waarden(p) for p in RANDEN if p.startswith(f"{plaats}.")}
        meer = meer | st.fixed_dictionaries({}, optional=leden)
    randen = st.sampled_from(RANDEN[plaats])
    return st.integers(0, 3).flatmap(lambda i: randen if i < 3 else meer)


WAARDEN = {plaats: waarden(plaats) for plaats in RANDEN}
VELDEN = {plaats: strategie for plaats, strategie in WAARDEN.items() if "." not in plaats}

SCHONE_NAMEN = st.sampled_from(["Zoë", "Yılmaz", "Çelik", "Jansen", "Anne-Marie", "Ĳsbrand"])
LEEG = st.sampled_from([None, ""])
SCHONE_POSTCODES = st.from_regex(r"[1-9][0-9]{3} ?[A-Za-z]{2}", fullmatch=True).filter(
    lambda p: p[-2:].upper() not in {"SA", "SD", "SS"}
)
SCHONE_ADRESSEN = st.fixed_dictionaries(
    {},
    optional={
        "straatnaam": SCHONE_NAMEN | LEEG,
        "huisnummer": st.integers(0, 99_999) | st.none(),
        "huisletter": st.sampled_from(["A", "a", "B", "", None]),
        "huisnummertoevoeging": st.from_regex(r"[A-Za-z0-9]{1,4}", fullmatch=True) | LEEG,
        "postcode": SCHONE_POSTCODES | LEEG,
        "woonplaatsnaam": SCHONE_NAMEN | LEEG,
        "landcode": st.sampled_from(["6030", "", None, "5010", "0000", "NL", "6029"]),
    },
)


def _subject(
    subject_type: st.SearchStrategy[object], leden: dict[str, st.SearchStrategy[object]]
) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {
            "subjectType": subject_type,
            "subjectIdentificatie": st.fixed_dictionaries(
                {}, optional={**leden, "geslachtsnaam": st.text(max_size=5)}
            ),
        },
        optional={"subject": LEEG | st.just(SUBJECT_URL) | subject_urls.map(lambda u: u.waarde)},
    )


SCHONE_SUBJECTEN = st.one_of(
    _subject(
        st.just("natuurlijk_persoon"),
        {
            "inpBsn": bsns | LEEG,
            "inpANummer": a_nummers | LEEG,
            "anpIdentificatie": LEEG,
            "inpA_nummer": LEEG,
        },
    ),
    _subject(
        st.just("niet_natuurlijk_persoon"),
        {"innNnpId": kvk_nummers | rsins | LEEG, "annIdentificatie": LEEG},
    ),
    _subject(st.just("vestiging"), {"vestigingsNummer": vestigingsnummers | LEEG}),
    _subject(LEEG, {"inpBsn": LEEG, "innNnpId": LEEG, "vestigingsNummer": LEEG}),
    st.fixed_dictionaries(
        {}, optional={"subjectType": LEEG, "subjectIdentificatie": st.none(), "subject": LEEG}
    ),
)
SCHONE_VELDEN: dict[str, st.SearchStrategy[object]] = {
    "uuid": st.uuids().map(str),
    "url": st.just(KLANT_URL),
    "klantnummer": st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True) | LEEG,
    "bedrijfsnaam": SCHONE_NAMEN | LEEG,
    "functie": st.just("Inkoper") | LEEG,
    "websiteUrl": st.from_regex(r"https://[a-z]{1,10}\.nl(/[a-z]{0,10})?", fullmatch=True) | LEEG,
    "voornaam": SCHONE_NAMEN | LEEG,
    "voorvoegselAchternaam": st.sampled_from(["van", "de", "van der", "ten"]) | LEEG,
    "achternaam": SCHONE_NAMEN | LEEG,
    "telefoonnummer": st.from_regex(r"(0|\+31 )[1-9][0-9]{8}", fullmatch=True) | LEEG,
    "emailadres": st.from_regex(r"[a-z]{1,10}(\.[a-z]{1,10})?@[a-z]{1,10}\.nl", fullmatch=True)
    | LEEG,
    "adres": SCHONE_ADRESSEN | st.none(),
}


@st.composite
def schone_records_met_wijzigingen(draw: st.DrawFn) -> dict[str, Any]:
    """A clean record in which a few fields are then set to any value, or removed.

    Starting clean, the changed fields decide whether the record is valid, so each
    edge value is tried on its own and kern accepts a good part of the records.
    """
    record: dict[str, Any] = {
        "bronorganisatie": draw(
            st.sampled_from([BRONORGANISATIE, ANDERE_BRONORGANISATIE, "0025.64.440"])
        ),
        **draw(st.fixed_dictionaries({}, optional=SCHONE_VELDEN)),
        **draw(SCHONE_SUBJECTEN),
    }
    for plaats in draw(st.lists(st.sampled_from(list(RANDEN)), max_size=3)):
        if draw(st.integers(0, 5)) == 0:
            record = zonder(record, plaats)
        else:
            record = zet(record, plaats, draw(WAARDEN[plaats]))
    return record


GEEN_OBJECTEN: st.SearchStrategy[object] = st.one_of(
    st.none(),
    st.lists(st.just({"voornaam": "Anna"}), max_size=2),
    st.text(max_size=5),
    st.integers(),
    st.booleans(),
)


@st.composite
def v1_records(draw: st.DrawFn) -> object:
    """Any v1 record: mostly clean ones with a few fields changed, also records with
    every field drawn from all its values, and JSON values that are no object at all."""
    soort = draw(st.integers(0, 9))
    if soort <= 6:
        return draw(schone_records_met_wijzigingen())
    if soort <= 8:
        return draw(st.fixed_dictionaries({}, optional=VELDEN))
    return draw(GEEN_OBJECTEN)


# --- 1. soundness: what kern accepts, the full reader reads alike ------------------------


@given(record=v1_records())
def test_every_record_kern_accepts_is_read_alike_by_the_full_reader_for_one_gemeente(
    record: object,
) -> None:
    geaccepteerd = controleer_dat_kern_klopt(record, GEMEENTE)
    event("kern accepts" if geaccepteerd else "kern leaves it to the full reader")


@given(
    record=v1_records(),
    meer=st.dictionaries(
        st.from_regex(r"[0-9]{9}", fullmatch=True),
        st.sampled_from(["0014", "0344", "0599"]).map(Gemeentecode),
        max_size=3,
    ),
)
def test_every_record_kern_accepts_is_read_alike_by_the_full_reader_for_a_table(
    record: object, meer: dict[str, Gemeentecode]
) -> None:
    geaccepteerd = controleer_dat_kern_klopt(record, {**meer, **TABEL})
    event("kern accepts" if geaccepteerd else "kern leaves it to the full reader")


@pytest.mark.parametrize("plaats", list(RANDEN))
def test_every_edge_value_of_a_field_is_read_alike_by_the_full_reader_when_kern_accepts_it(
    plaats: str,
) -> None:
    for record in SCHONE_RECORDS.values():
        for gewijzigd in [
            zonder(record, plaats),
            *(zet(record, plaats, w) for w in RANDEN[plaats]),
        ]:
            controleer_dat_kern_klopt(gewijzigd, GEMEENTE)
            controleer_dat_kern_klopt(gewijzigd, TABEL)


def test_every_clean_record_of_the_edge_value_checks_is_accepted() -> None:
    verwacht = dict.fromkeys(SCHONE_RECORDS, True)
    assert verwacht == {
        naam: kern(record, TABEL) is not None for naam, record in SCHONE_RECORDS.items()
    }


# --- 2. the fast path is used for clean records -------------------------------------------

PERSOON = {"subjectType": "natuurlijk_persoon"}


@pytest.mark.parametrize(
    ("record", "sleutels"),
    [
        pytest.param(
            {**PERSOON, "subjectIdentificatie": {"inpBsn": "111222333"}},
            (BSN,),
            id="bsn",
        ),
        pytest.param(
            {
                **PERSOON,
                "subjectIdentificatie": {"inpBsn": "111222333", "inpANummer": "1234567890"},
            },
            (BSN, A_NUMMER),
            id="bsn-and-a-nummer",
        ),
        pytest.param(
            {**PERSOON, "subjectIdentificatie": {"inpBsn": "", "inpANummer": "1234567890"}},
            (A_NUMMER,),
            id="a-nummer-only",
        ),
        pytest.param(
            {
                "subjectType": "niet_natuurlijk_persoon",
                "subjectIdentificatie": {"innNnpId": "69046938", "annIdentificatie": ""},
            },
            (),
            id="kvk-nummer",
        ),
        pytest.param(
            {
                "subjectType": "niet_natuurlijk_persoon",
                "subjectIdentificatie": {"innNnpId": "002220647"},
            },
            (),
            id="rsin",
        ),
        pytest.param(
            {
                "subjectType": "vestiging",
                "subjectIdentificatie": {"vestigingsNummer": "000012345678"},
            },
            (),
            id="vestiging",
        ),
        pytest.param(
            {**PERSOON, "subject": SUBJECT_URL, "subjectIdentificatie": {"inpBsn": "111222333"}},
            (BSN, SUBJECT),
            id="bsn-and-subject-url",
        ),
        pytest.param(
            {
                **PERSOON,
                "subject": SUBJECT_URL,
                "subjectIdentificatie": {"inpBsn": "111222333", "inpANummer": "1234567890"},
            },
            (BSN, A_NUMMER, SUBJECT),
            id="bsn-a-nummer-and-subject-url",
        ),
        pytest.param({**PERSOON, "subject": SUBJECT_URL}, (SUBJECT,), id="subject-url-alone"),
        pytest.param(
            {**PERSOON, "subject": f" {SUBJECT_URL} ", "subjectIdentificatie": {"inpBsn": ""}},
            (SUBJECT,),
            id="subject-url-stripped-with-empty-subjectIdentificatie",
        ),
        pytest.param(
            {"subjectType": "niet_natuurlijk_persoon", "subject": SUBJECT_URL},
            (),
            id="organisation-by-subject-url-alone",
        ),
        pytest.param(
            {
                "subjectType": "vestiging",
                "subject": SUBJECT_URL,
                "subjectIdentificatie": {"vestigingsNummer": "000012345678"},
            },
            (),
            id="vestiging-with-subject-url",
        ),
        pytest.param({"subjectType": "", "subject": ""}, None, id="zelfstandig"),
        pytest.param(
            {"subjectType": "", "subject": "", "subjectIdentificatie": None},
            None,
            id="zelfstandig-with-subjectIdentificatie-null",
        ),
    ],
)
def test_kern_accepts_a_clean_record_with_its_keys(
    record: dict[str, Any], sleutels: tuple[tuple[str, str], ...] | None
) -> None:
    record = {
        "uuid": KLANT_UUID,
        "klantnummer": "K0001",
        "voornaam": "Anna",
        **record,
    }
    assert (KLANT_UUID, GEMEENTE, sleutels, ()) == kern(record, GEMEENTE)


@pytest.mark.parametrize(
    "naam", ["Zoë", "Yılmaz", "Çelik", "Şükrü Öztürk", "Ĳsbrand", "Anne-Marie O'Brien"]
)
def test_kern_accepts_names_with_diacritics_in_nfc(naam: str) -> None:
    record = {
        "uuid": KLANT_UUID,
        "voornaam": naam,
        "achternaam": naam,
        "adres": {"straatnaam": naam, "woonplaatsnaam": naam},
    }
    assert (KLANT_UUID, GEMEENTE, None, ()) == kern(record, GEMEENTE)


@pytest.mark.parametrize(
    "adres",
    [None, NEDERLANDS_ADRES, {**NEDERLANDS_ADRES, "postcode": "1011pn"}, LEEG_ADRES],
    ids=["adres-null", "dutch-adres", "lower-case-postcode", "empty-adres"],
)
def test_kern_accepts_the_full_record_shape_the_api_writes(adres: dict[str, Any] | None) -> None:
    uitkomst = kern(volledig_v1_record(adres), TABEL)
    assert uitkomst is not None
    assert (KLANT_UUID, GEMEENTE, (BSN, A_NUMMER)) == uitkomst[:3]
    # The subject's own data, which the API writes beside the numbers, by name.
    assert [
        "subjectIdentificatie.geslachtsnaam",
        "subjectIdentificatie.voornamen",
        "subjectIdentificatie.voorvoegselGeslachtsnaam",
    ] == [opmerking.veld for opmerking in uitkomst[3]]


def test_kern_takes_the_gemeente_from_the_table_by_the_compact_bronorganisatie() -> None:
    record = {"url": "https://klanten.example.nl/k2", "bronorganisatie": "0022.20.647"}
    assert ("https://klanten.example.nl/k2", Gemeentecode("0599"), None, ()) == kern(record, TABEL)


def test_kern_gives_no_id_for_a_record_without_uuid_or_url() -> None:
    assert (None, GEMEENTE, None, ()) == kern(
        {"uuid": "", "url": None, "voornaam": "Anna"}, GEMEENTE
    )


def _export() -> list[dict[str, Any]]:
    # The export is one page of the API ({"count": ..., "results": [...]}), not an array.
    pagina = json.loads(VOORBEELDEN.read_text(encoding="utf-8"))
    resultaten: list[dict[str, Any]] = pagina["results"]
    return resultaten


#: Valid Dutch records of the export kern leaves to the full reader, by klantnummer:
#: their e-mail addresses have a non-ASCII local part ("daan.yılmaz@example.nl"), which
#: the fast path's ASCII pattern does not vouch for.
EXPORT_NIET_IN_KERN = {"K00001", "K00017", "K00031"}


def test_kern_accepts_the_valid_dutch_records_of_the_example_export() -> None:
    niet_geaccepteerd = set()
    for record in _export():
        nederlands = (record.get("adres") or {}).get("landcode") in {None, "", "6030"}
        if (
            nederlands
            and not lees_klant(record, gemeenten=TABEL).problemen
            and kern(record, TABEL) is None
        ):
            niet_geaccepteerd.add(record["klantnummer"])
    assert EXPORT_NIET_IN_KERN == niet_geaccepteerd


def test_kern_reads_the_records_of_the_example_export_as_the_full_reader_does() -> None:
    for record in _export():
        controleer_dat_kern_klopt(record, TABEL)


def test_kern_leaves_no_record_of_the_example_export_to_the_full_reader_for_its_notes() -> None:
    # Most of its records hold the subject's own data beside the numbers, which is noted:
    # kern takes them with their notes (only the records above are left to the full reader).
    genoteerd, met_notities = set(), set()
    for record in _export():
        gelezen = lees_klant(record, gemeenten=TABEL)
        nederlands = (record.get("adres") or {}).get("landcode") in {None, "", "6030"}
        if nederlands and gelezen.geldig and gelezen.opmerkingen:
            genoteerd.add(record["klantnummer"])
        if (uitkomst := kern(record, TABEL)) is not None and uitkomst[3]:
            met_notities.add(record["klantnummer"])
    assert 30 <= len(met_notities)
    assert genoteerd - EXPORT_NIET_IN_KERN == met_notities


@pytest.mark.parametrize(
    ("record", "velden"),
    [
        pytest.param(met(aanmaakkanaal="balie"), ["aanmaakkanaal"], id="a-member-v1-lacks"),
        pytest.param(
            met(geverifieerd=False, _links={"self": KLANT_URL}, leeg=""),
            ["_links", "geverifieerd"],
            id="members-v1-lacks-by-name-the-empty-one-not",
        ),
        pytest.param(
            met_si(geslachtsnaam="Jansen", voornamen="", verblijfsadres={"woonplaatsnaam": "X"}),
            ["subjectIdentificatie.geslachtsnaam", "subjectIdentificatie.verblijfsadres"],
            id="the-subject's-own-data",
        ),
        pytest.param(
            met(
                subjectType="niet_natuurlijk_persoon",
                subjectIdentificatie={"innNnpId": "69046938", "statutaireNaam": "Jansen BV"},
            ),
            ["subjectIdentificatie.statutaireNaam"],
            id="an-organisation's-own-data",
        ),
        pytest.param(
            met(aanmaakkanaal="balie", subjectIdentificatie={"inpBsn": "111222333", "x": 0}),
            ["aanmaakkanaal", "subjectIdentificatie.x"],
            id="both",
        ),
    ],
)
def test_kern_accepts_a_record_with_members_the_register_does_not_take_over_with_their_notes(
    record: dict[str, Any], velden: list[str]
) -> None:
    uitkomst = kern(record, TABEL)
    assert uitkomst is not None
    assert velden == [opmerking.veld for opmerking in uitkomst[3]]
    assert {Probleemsoort.NIET_OVERGENOMEN} == {opmerking.soort for opmerking in uitkomst[3]}
    assert controleer_dat_kern_klopt(record, TABEL)


LEDEN_WAARDEN: st.SearchStrategy[object] = st.one_of(
    st.sampled_from([None, "", " ", "Jansen", 0, 0.0, False, True, [], {}, [0], {"a": None}]),
    st.text(max_size=2),
)


@given(
    boven=st.dictionaries(
        st.sampled_from(["voornaam", "url", "aanmaakkanaal", "_links", "Voornaam"]), LEDEN_WAARDEN
    ),
    si=st.none()
    | st.dictionaries(
        st.sampled_from(["inpBsn", "innNnpId", "geslachtsnaam", "voornamen", "a"]), LEDEN_WAARDEN
    ),
)
def test_the_notes_of_members_are_those_noteer_onbekend_gives(
    boven: dict[str, object], si: dict[str, object] | None
) -> None:
    # What the fast path and the full reader note of a record's members, by the rule every
    # reader notes members by (a value other than null, "", [] and {}; sorted by name).
    record = {**boven, "subjectIdentificatie": si}
    verwacht: list[Probleem] = []
    noteer_onbekend(record, LEDEN, verwacht)
    if si is not None:
        noteer_onbekend(
            si,
            SUBJECT_LEDEN,
            verwacht,
            plek="subjectIdentificatie.",
            wat="gegevens van het subject zelf, die de BRP of het Handelsregister houdt",
        )
    assert tuple(verwacht) == leden_niet_overgenomen(record)


# --- 3. records left to the full reader ---------------------------------------------------


def test_the_base_record_of_the_cases_below_is_accepted() -> None:
    assert (KLANT_UUID, GEMEENTE, (BSN,), ()) == kern(BASIS, TABEL)


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(met_si(inpBsn="111222334"), id="invalid-bsn"),
        pytest.param(met_si(inpBsn="11122233"), id="bsn-too-short"),
        pytest.param(met_si(inpBsn=111222333), id="bsn-as-a-number"),
        pytest.param(met_si(inpBsn="１１１２２２３３３"), id="bsn-in-full-width-digits"),
        pytest.param(met_si(inpANummer="0123456789"), id="a-nummer-starting-with-0"),
        pytest.param(met_si(innNnpId="69046938"), id="rule-3-natuurlijk-persoon-with-innNnpId"),
        pytest.param(met_si(vestigingsNummer="000012345678"), id="rule-3-with-vestigingsNummer"),
        pytest.param(
            met(subjectType="vestiging", subjectIdentificatie={"inpBsn": "111222333"}),
            id="rule-3-vestiging-with-inpBsn",
        ),
        pytest.param(met_si(anpIdentificatie="G-2019-000042"), id="anpIdentificatie-given"),
        pytest.param(
            met(
                subjectType="niet_natuurlijk_persoon",
                subjectIdentificatie={"innNnpId": "69046938", "annIdentificatie": "A-42"},
            ),
            id="annIdentificatie-given",
        ),
        pytest.param(met_si(inpA_nummer="1234567890"), id="inpA_nummer-given"),
        pytest.param(
            met(subject=SUBJECT_URL, subjectType="", subjectIdentificatie=None),
            id="subject-url-without-subjectIdentificatie",
        ),
        pytest.param(met(subject=SUBJECT_URL, subjectType=None), id="subject-url-and-bsn-no-type"),
        pytest.param(met(subject="ftp://brp.example.nl/1"), id="subject-url-not-http"),
        pytest.param(met(subject="https://brp.example.nl/1 2"), id="subject-url-with-a-space"),
        pytest.param(met(subject="https://x.nl/" + "a" * 988), id="subject-url-over-1000"),
        pytest.param(met(subject=" "), id="subject-url-blank"),
        pytest.param(met(subject=[SUBJECT_URL]), id="subject-url-a-list"),
        pytest.param(met(subject=1), id="subject-url-a-number"),
        pytest.param(met(subjectIdentificatie=["111222333"]), id="subjectIdentificatie-a-list"),
        pytest.param(met(voornaam="x" * 201), id="voornaam-over-its-limit"),
        pytest.param(met(voorvoegselAchternaam="van der ve" + "n"), id="voorvoegsel-over-limit"),
        pytest.param(met(telefoonnummer="0" * 21), id="telefoonnummer-over-its-limit"),
        pytest.param(met(voornaam="Zoe\u0308"), id="non-nfc-name"),
        pytest.param(met(voornaam="Zoë\tJansen"), id="tab-in-a-name"),
        pytest.param(met(voornaam="Anna\x00"), id="control-character-in-a-name"),
        pytest.param(met(voornaam=["Anna"]), id="name-a-list"),
        pytest.param(met(telefoonnummer=" 020 123 4567"), id="phone-with-a-leading-space"),
        pytest.param(met(emailadres="daan.yılmaz@example.nl"), id="non-ascii-e-mail"),
        pytest.param(met(websiteUrl="ftp://example.nl"), id="ftp-url"),
        pytest.param(
            met(adres={"woonplaatsnaam": "Brussel", "landcode": "BE"}), id="foreign-address"
        ),
        pytest.param(met(adres={"postcode": "1011 SA"}), id="postcode-never-issued"),
        pytest.param(met(adres={"postcode": "12345"}), id="postcode-not-dutch"),
        pytest.param(met(adres={"huisnummer": "12"}), id="huisnummer-as-text"),
        pytest.param(met(adres={"huisnummer": True}), id="huisnummer-a-boolean"),
        pytest.param(met(adres={"huisnummer": 100_000}), id="huisnummer-over-99999"),
        pytest.param(met(adres={"landcode": ["6030"]}), id="landcode-a-list"),
        pytest.param(met(adres={"landcode": "NL"}), id="landcode-iso-not-tabel-34"),
        pytest.param(met(adres={"landcode": "0000"}), id="landcode-onbekend"),
        pytest.param(met(adres="Amstel 1"), id="adres-as-text"),
        pytest.param(met(bronorganisatie="123456782"), id="bronorganisatie-not-in-table"),
        pytest.param(met(bronorganisatie=2564440), id="bronorganisatie-a-number"),
        pytest.param(met(klantnummer="123456789"), id="klantnummer-of-9-characters"),
        pytest.param(met(klantnummer="K 1"), id="klantnummer-with-a-space"),
        pytest.param(met(subjectType="onbekend"), id="unknown-subjectType"),
        pytest.param(met(subjectType="NATUURLIJK_PERSOON"), id="subjectType-in-capitals"),
        pytest.param(met(subjectType=["natuurlijk_persoon"]), id="unhashable-subjectType"),
        pytest.param(met(subjectType=None), id="subjectType-missing-with-a-bsn"),
        # The full reader notes that the register keeps the URL as an organisation's.
        pytest.param(
            met(subjectType="vestiging", subject=SUBJECT_URL, subjectIdentificatie=None),
            id="vestiging-by-its-subject-url-alone",
        ),
        pytest.param(
            met(
                subjectType="vestiging",
                subject=SUBJECT_URL,
                subjectIdentificatie={"vestigingsNummer": "", "handelsnaam": ["Jansen"]},
            ),
            id="vestiging-by-its-subject-url-and-an-empty-vestigingsNummer",
        ),
    ],
)
def test_a_record_kern_cannot_vouch_for_is_left_to_the_full_reader(
    record: dict[str, Any],
) -> None:
    assert None is kern(record, TABEL)


@pytest.mark.parametrize(
    "record",
    [[BASIS], "K0001", 42, None, True],
    ids=["a-list", "text", "a-number", "null", "a-boolean"],
)
def test_a_record_that_is_not_an_object_is_left_to_the_full_reader(record: object) -> None:
    assert None is kern(record, GEMEENTE)
