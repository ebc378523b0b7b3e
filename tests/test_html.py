"""Klant and KlantRegister as HTML tables in Jupyter: masked, escaped, well-formed, bounded.

Each test parses the HTML with the standard library's parser, as a browser
would read it, and checks what a person would see: the cell texts.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemachtigd import als
from klantregister import (
    Adres,
    ANummer,
    Authenticatie,
    Betrouwbaarheidsniveau,
    Bsn,
    Identificatie,
    Kenmerken,
    Klant,
    Klantgegevens,
    KlantRegister,
)
from klantregister.display.html import RIJEN, register_html
from klantregister.domain.meldingen import maskeer
from klantregister.testing import a_nummers, bsns

AMSTERDAM = "0363"
ROTTERDAM = "0599"
DIGID = Authenticatie(Betrouwbaarheidsniveau.SUBSTANTIEEL, "DigiD")
TABELTAGS = {"div", "table", "caption", "thead", "tbody", "tr", "th", "td", "p"}


class Pagina(HTMLParser):
    """What a reader sees of the HTML: its tags, its tables' cells, its paragraphs.

    ``fouten`` lists every end tag that does not close the innermost open tag,
    and every tag left open at the end.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.tabellen: list[list[list[str]]] = []
        self.alineas: list[str] = []
        self.fouten: list[str] = []
        self.open: list[str] = []
        self._tekst: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.open.append(tag)
        if tag == "table":
            self.tabellen.append([])
        elif tag == "tr":
            self.tabellen[-1].append([])
        elif tag in {"th", "td", "p"}:
            self._tekst = []

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.fouten.append(f"</{tag}> sluit {self.open[-1:] or 'niets'}")
            return
        self.open.pop()
        if tag in {"th", "td"}:
            self.tabellen[-1][-1].append("".join(self._tekst))
        elif tag == "p":
            self.alineas.append("".join(self._tekst))

    def handle_data(self, data: str) -> None:
        self._tekst.append(data)

    @property
    def cellen(self) -> list[str]:
        return [cel for tabel in self.tabellen for rij in tabel for cel in rij]


def lees(html: str) -> Pagina:
    pagina = Pagina()
    pagina.feed(html)
    pagina.close()
    pagina.fouten.extend(f"<{tag}> niet gesloten" for tag in pagina.open)
    return pagina


def samenvatting(pagina: Pagina) -> dict[str, str]:
    """The register's first table: a heading and a value per row."""
    return {rij[0]: rij[1] for rij in pagina.tabellen[0]}


def klant(
    klantgegevens: Klantgegevens | None = None, identificatie: Identificatie | None = None
) -> Klant:
    return Klant(uuid.UUID(int=1), AMSTERDAM, "00000001", klantgegevens, identificatie)


# Text a hostile export may carry in a name field, mixed with ordinary letters.
hostile_tekst = (
    st.lists(
        st.sampled_from(
            [
                "<script>alert(1)</script>",
                "</td></tr></table>",
                "<img src=x onerror=alert(1)>",
                "<!--",
                "-->",
                "&amp;",
                "&lt;",
                '"',
                "'",
                "<",
                ">",
                "&",
                "Zoë",
                " ",
                "111222333",
            ]
        ),
        min_size=1,
        # Seven of the longest piece (28 characters) fit the 200 a name may hold.
        max_size=7,
    )
    .map("".join)
    .filter(lambda tekst: tekst.strip() != "")
)


# --- a klant ---------------------------------------------------------------------


@pytest.mark.unit
@given(bsn=bsns)
def test_a_klant_shows_its_bsn_masked_and_never_in_full(bsn: str) -> None:
    html = klant(identificatie=Identificatie.natuurlijk_persoon(bsn=bsn))._repr_html_()

    assert str(Bsn(bsn)) in lees(html).cellen
    assert bsn not in html
    assert Bsn(bsn).format() not in html


@pytest.mark.unit
@given(a_nummer=a_nummers)
def test_a_klant_shows_its_a_nummer_masked_and_never_in_full(a_nummer: str) -> None:
    html = klant(identificatie=Identificatie.natuurlijk_persoon(a_nummer=a_nummer))._repr_html_()

    assert str(ANummer(a_nummer)) in lees(html).cellen
    assert a_nummer not in html


@pytest.mark.unit
@given(naam=hostile_tekst, bedrijf=hostile_tekst)
def test_a_klant_with_hostile_names_shows_them_as_text_in_well_formed_html(
    naam: str, bedrijf: str
) -> None:
    gegevens = Klantgegevens(achternaam=naam, bedrijfsnaam=bedrijf)

    pagina = lees(klant(gegevens)._repr_html_())

    assert [] == pagina.fouten
    assert pagina.tags <= TABELTAGS
    assert maskeer(gegevens.achternaam) in pagina.cellen
    assert maskeer(gegevens.bedrijfsnaam) in pagina.cellen


@pytest.mark.unit
def test_a_klant_escapes_markup_in_its_klantgegevens() -> None:
    html = klant(Klantgegevens(voornaam="<script>alert('x')</script>"))._repr_html_()

    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


@pytest.mark.unit
def test_a_klant_masks_a_bsn_typed_into_a_free_text_field() -> None:
    html = klant(Klantgegevens(functie="BSN 111222333"))._repr_html_()

    assert "111222333" not in html
    assert "BSN ******333" in lees(html).cellen


@pytest.mark.unit
def test_a_klant_table_shows_every_field_given_by_name() -> None:
    gegevens = Klantgegevens(
        voornaam="Zoë",
        voorvoegsel_achternaam="van",
        achternaam="Dijk",
        emailadres="zoe@example.nl",
        voorkeurstaal="nld",
        adres=Adres(
            straatnaam="Amstel",
            huisnummer=1,
            huisletter="A",
            huisnummertoevoeging="2",
            postcode="1011pn",
            woonplaatsnaam="Amsterdam",
        ),
    )
    identificatie = Identificatie.natuurlijk_persoon(bsn="111222333")

    rijen = lees(klant(gegevens, identificatie)._repr_html_()).tabellen[0]

    assert [
        ["id", "00000000-0000-0000-0000-000000000001"],
        ["gemeente", AMSTERDAM],
        ["klantnummer", "00000001"],
        ["versie", "1"],
        ["soort", "natuurlijk persoon"],
        ["BSN", "******333"],
        ["voornaam", "Zoë"],
        ["voorvoegsel_achternaam", "van"],
        ["achternaam", "Dijk"],
        ["emailadres", "zoe@example.nl"],
        ["adres", "Amstel 1A-2, 1011 PN Amsterdam"],
        ["voorkeurstaal", "nld"],
    ] == rijen


@pytest.mark.unit
@given(bsn=bsns)
def test_a_klant_shows_its_subject_url_and_kenmerken_the_bsn_in_the_url_masked(bsn: str) -> None:
    url = f"https://brp.example.nl/ingeschrevenpersonen/{bsn}"
    werkgever = uuid.UUID(int=9)
    gegeven = attrs.evolve(
        klant(identificatie=Identificatie.natuurlijk_persoon(subject_url=url)),
        kenmerken=Kenmerken("contactpersoon", False, True, werkgever),
    )

    html = gegeven._repr_html_()

    assert [
        ["subject-URL", maskeer(url)],
        ["soort partij", "contactpersoon"],
        ["actief", "nee"],
        ["geheimhouding", "ja"],
        ["werkt voor", str(werkgever)],
    ] == lees(html).tabellen[0][5:]
    assert bsn not in html


@pytest.mark.unit
def test_a_klant_shows_an_organisations_numbers_in_full() -> None:
    identificatie = Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938")

    cellen = lees(klant(identificatie=identificatie)._repr_html_()).cellen

    assert ["niet-natuurlijk persoon", "KvK-nummer", "69046938"] == cellen[9:12]


@pytest.mark.unit
def test_a_zelfstandige_klant_shows_as_zelfstandig_without_identifiers() -> None:
    rijen = lees(klant()._repr_html_()).tabellen[0]

    assert ["soort", "zelfstandig"] == rijen[-1]


@pytest.mark.unit
def test_a_foreign_address_shows_its_lines_and_land() -> None:
    adres = Adres(adresregel1="10 Downing Street", adresregel2="London SW1A 2AA", land="GB")

    cellen = lees(klant(Klantgegevens(adres=adres))._repr_html_()).cellen

    assert "10 Downing Street, London SW1A 2AA, GB" in cellen


@pytest.mark.unit
def test_an_address_keeps_its_numbers_readable_where_they_meet_in_one_line() -> None:
    adres = Adres(straatnaam="Dam", huisnummer=12, huisnummertoevoeging="3456", postcode="1012jS")

    cellen = lees(klant(Klantgegevens(adres=adres))._repr_html_()).cellen

    assert "Dam 12-3456, 1012 JS" in cellen


# --- a register ------------------------------------------------------------------


def test_a_register_summarises_its_gemeenten_and_klanten(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    register.registreer(
        AMSTERDAM,
        identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"),
        authenticatie=als(Identificatie.natuurlijk_persoon(bsn="111222333"), DIGID),
    )
    register.registreer(
        ROTTERDAM,
        identificatie=Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"),
        authenticatie=als(Identificatie.niet_natuurlijk_persoon(kvk_nummer="69046938"), DIGID),
    )
    for _ in range(3):
        register.registreer(ROTTERDAM)

    pagina = lees(register._repr_html_())

    assert {"gemeenten": "2", "klanten": "5", "aangehaakt": "2", "zelfstandig": "3"} == (
        samenvatting(pagina)
    )


def test_a_register_shows_its_klanten_bsns_masked_and_never_in_full(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    register.registreer(
        AMSTERDAM,
        Klantgegevens(achternaam="<b>Jansen</b>"),
        Identificatie.natuurlijk_persoon(bsn="111222333", a_nummer="1234567890"),
        authenticatie=als(
            Identificatie.natuurlijk_persoon(bsn="111222333", a_nummer="1234567890"), DIGID
        ),
    )

    html = register._repr_html_()
    pagina = lees(html)

    assert "111222333" not in html
    assert "1234567890" not in html
    assert [] == pagina.fouten
    assert pagina.tags <= TABELTAGS
    assert [
        "00000001",
        AMSTERDAM,
        "1",
        "natuurlijk persoon",
        "BSN ******333, A-nummer *******890",
        "<b>Jansen</b>",
        "",
        "",
        "",
    ] == pagina.tabellen[1][1]


def test_a_register_shows_at_most_the_first_rijen_klanten_and_counts_the_rest(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    for _ in range(RIJEN + 5):
        register.registreer(AMSTERDAM)

    pagina = lees(register._repr_html_())

    klantrijen = pagina.tabellen[1][1:]
    assert (RIJEN, ["… en 5 meer"]) == (len(klantrijen), pagina.alineas)
    assert [f"{nummer:08d}" for nummer in range(1, RIJEN + 1)] == [rij[0] for rij in klantrijen]


@pytest.mark.unit
def test_a_register_of_exactly_rijen_klanten_has_no_line_for_more() -> None:
    register = KlantRegister()
    for _ in range(RIJEN):
        register.registreer(AMSTERDAM)

    pagina = lees(register._repr_html_())

    assert (RIJEN, []) == (len(pagina.tabellen[1]) - 1, pagina.alineas)


@pytest.mark.unit
def test_an_empty_register_shows_only_its_summary() -> None:
    pagina = lees(KlantRegister()._repr_html_())

    assert {"gemeenten": "0", "klanten": "0", "aangehaakt": "0", "zelfstandig": "0"} == (
        samenvatting(pagina)
    )
    assert (1, []) == (len(pagina.tabellen), pagina.alineas)


def test_a_closed_register_says_so_instead_of_failing(
    maak_register: Callable[..., KlantRegister],
) -> None:
    register = maak_register()
    register.registreer(AMSTERDAM)
    register.close()

    assert ["KlantRegister gesloten"] == lees(register._repr_html_()).alineas


@pytest.mark.unit
def test_rendering_a_million_klanten_reads_them_once_and_renders_only_the_first() -> None:
    een = klant(Klantgegevens(achternaam="Jansen"))
    klanten = itertools.repeat(een, 1_000_000)

    html = register_html(klanten)

    assert ["… en 999980 meer"] == lees(html).alineas
    assert len(html) < 10_000
    assert next(klanten, None) is None


@pytest.mark.unit
@given(namen=st.lists(hostile_tekst, min_size=1, max_size=5))
def test_a_register_with_hostile_names_gives_well_formed_html_showing_them_as_text(
    namen: list[str],
) -> None:
    register = KlantRegister()
    for naam in namen:
        register.registreer(AMSTERDAM, Klantgegevens(achternaam=naam))

    pagina = lees(register._repr_html_())

    assert [] == pagina.fouten
    assert pagina.tags <= TABELTAGS
    assert [maskeer(klant.klantgegevens.achternaam) for klant in register] == [
        rij[5] for rij in pagina.tabellen[1][1:]
    ]


@pytest.mark.unit
def test_a_check_report_renders_its_summary_violations_and_groups_masked() -> None:
    import io  # noqa: PLC0415
    import json  # noqa: PLC0415

    from klantregister.check.controle import Controle  # noqa: PLC0415
    from klantregister.formats import klanten_v1  # noqa: PLC0415

    persoon = {"subjectType": "natuurlijk_persoon", "subjectIdentificatie": {"inpBsn": "111222333"}}
    kapot = {"subjectType": "natuurlijk_persoon", "subjectIdentificatie": {"inpBsn": "111222334"}}
    naam = {"voornaam": "<script>alert(1)</script>", "achternaam": "x" * 201}
    controle = Controle()
    export = io.StringIO(json.dumps([persoon, persoon, kapot, naam]))
    for gelezen in klanten_v1.lees(export, gemeenten="0363"):
        controle.voeg_toe(gelezen, "export.json")
    pagina = controle.rapport()._repr_html_()
    assert "111222333" not in pagina
    assert "111222334" not in pagina
    assert "******333" in pagina
    assert "<script>" not in pagina
    assert "export.json:1, export.json:2" in pagina
    assert "ongeldige_identificatie/controlegetal" in pagina
