"""HTML tables of klanten for Jupyter: what ``_repr_html_`` shows.

A notebook is read over shoulders and shared as a file, so the HTML shows
what a ``repr`` would: BSNs and A-nummers masked (their ``str``, never
``waarde``), long digit runs in free text masked too (a BSN typed into a name
field), and every text HTML-escaped, so a name such as
``<script>...</script>`` is shown as text and cannot add markup.

>>> from uuid import UUID
>>> from klantregister import Identificatie, Klant
>>> klant = Klant(UUID(int=1), "0363", "00000001",
...               identificatie=Identificatie.natuurlijk_persoon(bsn="111222333"))
>>> "******333" in klant_html(klant), "111222333" in klant_html(klant)
(True, False)
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from klantregister._errors import maskeer
from klantregister._klantgegevens import Adres, Klantgegevens

if TYPE_CHECKING:
    from klantregister._controle import Controlerapport
    from klantregister._identificatie import Identificatie
    from klantregister._identifiers import Gemeentecode
    from klantregister._klant import Klant

__all__ = ["RIJEN", "gesloten_register_html", "klant_html", "rapport_html", "register_html"]

#: How many klanten a register's table shows; the rest are only counted.
RIJEN = 20

_KOLOMMEN = (
    "klantnummer",
    "gemeente",
    "versie",
    "soort",
    "identificatie",
    "naam",
    "emailadres",
    "telefoonnummer",
    "adres",
)

# Labels as people write the identifiers; the attribute names otherwise.
_LABELS = {
    "bsn": "BSN",
    "a_nummer": "A-nummer",
    "kvk_nummer": "KvK-nummer",
    "vestigingsnummer": "vestigingsnummer",
    "rsin": "RSIN",
    "buitenlands": "buitenlands nummer",
}


def _tekst(value: object) -> str:
    """Free text as the HTML may show it: long digit runs masked, then escaped."""
    return html.escape(maskeer(str(value)))


def _cel(tag: str, inhoud: str) -> str:
    return f"<{tag}>{inhoud}</{tag}>"


def _rij(kop: str, waarde: str) -> str:
    """A row of a two-column table; both parts are escaped already."""
    return f"<tr>{_cel('th', kop)}{_cel('td', waarde)}</tr>"


def _soort(klant: Klant) -> str:
    if klant.identificatie is None:
        return "zelfstandig"
    return klant.identificatie.soort.value.replace("_", " ").replace("niet ", "niet-")


def _identificatoren(identificatie: Identificatie | None) -> list[tuple[str, str]]:
    """Label and masked text of every identifier given (``str`` masks a personal number)."""
    if identificatie is None:
        return []
    return [
        (_LABELS[naam], html.escape(str(waarde)))
        for naam in _LABELS
        if (waarde := getattr(identificatie, naam)) is not None
    ]


def _gemaskeerd(waarde: object) -> str | None:
    return None if waarde is None else maskeer(str(waarde))


def _verbind(scheiding: str, delen: Iterable[str | None]) -> str:
    return scheiding.join(deel for deel in delen if deel)


# Each field is masked on its own before the fields are joined into one line, so
# numbers that only meet in that line (a huisnummer beside a postcode) stay readable,
# as they are in the fields themselves.


def _naam(gegevens: Klantgegevens) -> str:
    """The klant's name in one line (masked), or the bedrijfsnaam when no name is given."""
    naam = _verbind(
        " ",
        map(
            _gemaskeerd,
            (
                gegevens.voornaam or gegevens.voorletters,
                gegevens.voorvoegsel_achternaam,
                gegevens.achternaam,
            ),
        ),
    )
    return naam or _gemaskeerd(gegevens.bedrijfsnaam) or ""


def _adres(adres: Adres | None) -> str:
    """The address in one line (masked): street and number, postcode and place, the rest."""
    if adres is None:
        return ""
    nummer = _verbind("", map(_gemaskeerd, (adres.huisnummer, adres.huisletter)))
    nummer = _verbind("-", (nummer, _gemaskeerd(adres.huisnummertoevoeging)))
    regels = (
        _verbind(" ", (_gemaskeerd(adres.straatnaam), nummer)),
        _verbind(" ", map(_gemaskeerd, (adres.postcode, adres.woonplaatsnaam))),
        *map(_gemaskeerd, (adres.adresregel1, adres.adresregel2, adres.adresregel3)),
        None if adres.nederlands else adres.land,
    )
    return _verbind(", ", regels)


def klant_html(klant: Klant) -> str:
    """One klant as a two-column table: every field given, identifiers masked."""
    rijen = [
        _rij("id", html.escape(str(klant.id))),
        _rij("gemeente", html.escape(str(klant.gemeente))),
        _rij("klantnummer", html.escape(klant.klantnummer)),
        _rij("versie", str(klant.versie)),
        _rij("soort", _soort(klant)),
    ]
    rijen.extend(
        _rij(html.escape(label), tekst) for label, tekst in _identificatoren(klant.identificatie)
    )
    gegevens = klant.klantgegevens
    for veld in attrs.fields(Klantgegevens):
        waarde = getattr(gegevens, veld.name)
        if veld.name == "adres":
            if waarde is not None:
                rijen.append(_rij("adres", html.escape(_adres(waarde))))
        elif waarde is not None:
            rijen.append(_rij(html.escape(veld.name), _tekst(waarde)))
    titel = (
        f"Klant {html.escape(klant.klantnummer)} van gemeente {html.escape(str(klant.gemeente))}"
    )
    return f"<table><caption>{titel}</caption><tbody>{''.join(rijen)}</tbody></table>"


def _klantrij(klant: Klant) -> str:
    gegevens = klant.klantgegevens
    identificatie = ", ".join(
        f"{html.escape(label)} {tekst}" for label, tekst in _identificatoren(klant.identificatie)
    )
    cellen = (
        html.escape(klant.klantnummer),
        html.escape(str(klant.gemeente)),
        str(klant.versie),
        _soort(klant),
        identificatie,
        html.escape(_naam(gegevens)),
        _tekst(gegevens.emailadres or ""),
        _tekst(gegevens.telefoonnummer or ""),
        html.escape(_adres(gegevens.adres)),
    )
    return f"<tr>{''.join(_cel('td', cel) for cel in cellen)}</tr>"


def register_html(klanten: Iterable[Klant], rijen: int = RIJEN) -> str:
    """A register's summary and its first ``rijen`` klanten, from one pass over ``klanten``.

    The counts need every klant read once, but only the first ``rijen`` are
    kept and rendered, so a register of millions gives a page of a few
    kilobytes (and takes as long as one iteration over it).
    """
    gemeenten: set[Gemeentecode] = set()
    aantal = aangehaakt = 0
    getoond: list[str] = []
    for klant in klanten:
        gemeenten.add(klant.gemeente)
        aantal += 1
        aangehaakt += klant.identificatie is not None
        if len(getoond) < rijen:
            getoond.append(_klantrij(klant))
    samenvatting = "".join(
        _rij(kop, str(waarde))
        for kop, waarde in (
            ("gemeenten", len(gemeenten)),
            ("klanten", aantal),
            ("aangehaakt", aangehaakt),
            ("zelfstandig", aantal - aangehaakt),
        )
    )
    delen = [f"<table><caption>KlantRegister</caption><tbody>{samenvatting}</tbody></table>"]
    if getoond:
        kop = "".join(_cel("th", kolom) for kolom in _KOLOMMEN)
        delen.append(
            f"<table><thead><tr>{kop}</tr></thead><tbody>{''.join(getoond)}</tbody></table>"
        )
    if aantal > len(getoond):
        delen.append(f"<p>… en {aantal - len(getoond)} meer</p>")
    return f"<div>{''.join(delen)}</div>"


def gesloten_register_html() -> str:
    """What a closed register shows: it can no longer be read."""
    return "<p>KlantRegister gesloten</p>"


def rapport_html(rapport: Controlerapport, rijen: int = RIJEN) -> str:
    """A check report: its summary, then the first ``rijen`` violations and rule-1 groups.

    Every text is masked and escaped as elsewhere; the report's messages and
    keys are masked already, and stay so.
    """
    samenvatting = "".join(
        _rij(html.escape(kop), _tekst(waarde))
        for kop, waarde in (
            ("records", rapport.records),
            ("aangehaakt", rapport.aangehaakt),
            ("zelfstandig", rapport.zelfstandig),
            *rapport.per_soort().items(),
        )
    )
    delen = [f"<table><caption>Controlerapport</caption><tbody>{samenvatting}</tbody></table>"]
    kolommen = ("bron", "positie", "id", "veld", "soort", "melding")
    bevindingen = [
        "<tr>"
        + "".join(
            _cel("td", _tekst(waarde))
            for waarde in (
                b.bron,
                b.positie,
                b.id or "",
                b.veld,
                b.soort.value + (f"/{b.controle}" if b.controle else ""),
                b.melding,
            )
        )
        + "</tr>"
        for b in rapport.bevindingen[:rijen]
    ]
    if bevindingen:
        kop = "".join(_cel("th", kolom) for kolom in kolommen)
        delen.append(
            f"<table><thead><tr>{kop}</tr></thead><tbody>{''.join(bevindingen)}</tbody></table>"
        )
    if len(rapport.bevindingen) > rijen:
        delen.append(f"<p>… en {len(rapport.bevindingen) - rijen} bevindingen meer</p>")
    groepen = [
        "<tr>"
        + _cel("td", _tekst(groep.gemeente))
        + _cel("td", _tekst(" / ".join(groep.sleutels)))
        + _cel("td", _tekst(", ".join(f"{b}:{p}" for b, p, _ in groep.records)))
        + "</tr>"
        for groep in rapport.groepen[:rijen]
    ]
    if groepen:
        kop = "".join(_cel("th", kolom) for kolom in ("gemeente", "regel 1: sleutels", "records"))
        delen.append(
            f"<table><thead><tr>{kop}</tr></thead><tbody>{''.join(groepen)}</tbody></table>"
        )
    if len(rapport.groepen) > rijen:
        delen.append(f"<p>… en {len(rapport.groepen) - rijen} groepen meer</p>")
    return f"<div>{''.join(delen)}</div>"
