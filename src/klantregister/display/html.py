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

from klantregister.domain import (
    IDENTIFICATORSOORTEN,
    Adres,
    Klant,
    Klantgegevens,
    maskeer,
    registreer_html,
    toon_klantnummer,
)

if TYPE_CHECKING:
    from klantregister.domain import Gemeentecode, Identificatie

__all__ = [
    "RIJEN",
    "cel",
    "gesloten_register_html",
    "klant_html",
    "register_html",
    "rij",
    "tekst_html",
]

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

# Labels as people write the identifiers, by attribute name.
_LABELS = {soort.sleutel: soort.label for soort in IDENTIFICATORSOORTEN}


def tekst_html(value: object) -> str:
    """Free text as the HTML may show it: long digit runs masked, then escaped."""
    return html.escape(maskeer(str(value)))


def cel(tag: str, inhoud: str) -> str:
    """One cell (``td`` or ``th``) of already escaped ``inhoud``."""
    return f"<{tag}>{inhoud}</{tag}>"


def rij(kop: str, waarde: str) -> str:
    """A row of a two-column table; both parts are escaped already."""
    return f"<tr>{cel('th', kop)}{cel('td', waarde)}</tr>"


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
        rij("id", html.escape(str(klant.id))),
        rij("gemeente", html.escape(str(klant.gemeente))),
        rij("klantnummer", html.escape(toon_klantnummer(klant.klantnummer))),
        rij("versie", str(klant.versie)),
        rij("soort", _soort(klant)),
    ]
    rijen.extend(
        rij(html.escape(label), tekst) for label, tekst in _identificatoren(klant.identificatie)
    )
    kenmerken = klant.kenmerken
    if kenmerken.soort is not None:
        rijen.append(rij("soort partij", kenmerken.soort.value))
    if not kenmerken.actief:
        rijen.append(rij("actief", "nee"))
    if kenmerken.geheimhouding is not None:
        rijen.append(rij("geheimhouding", "ja" if kenmerken.geheimhouding else "nee"))
    if kenmerken.werkt_voor is not None:
        rijen.append(rij("werkt voor", html.escape(str(kenmerken.werkt_voor))))
    gegevens = klant.klantgegevens
    for veld in attrs.fields(Klantgegevens):
        waarde = getattr(gegevens, veld.name)
        if veld.name in ("adres", "correspondentieadres"):
            if waarde is not None:
                rijen.append(rij(veld.name, html.escape(_adres(waarde))))
        elif waarde is not None:
            rijen.append(rij(html.escape(veld.name), tekst_html(waarde)))
    nummer = html.escape(toon_klantnummer(klant.klantnummer))
    titel = f"Klant {nummer} van gemeente {html.escape(str(klant.gemeente))}"
    return f"<table><caption>{titel}</caption><tbody>{''.join(rijen)}</tbody></table>"


def _klantrij(klant: Klant) -> str:
    gegevens = klant.klantgegevens
    identificatie = ", ".join(
        f"{html.escape(label)} {tekst}" for label, tekst in _identificatoren(klant.identificatie)
    )
    cellen = (
        html.escape(toon_klantnummer(klant.klantnummer)),
        html.escape(str(klant.gemeente)),
        str(klant.versie),
        _soort(klant),
        identificatie,
        html.escape(_naam(gegevens)),
        tekst_html(gegevens.emailadres or ""),
        tekst_html(gegevens.telefoonnummer or ""),
        html.escape(_adres(gegevens.adres)),
    )
    return f"<tr>{''.join(cel('td', inhoud) for inhoud in cellen)}</tr>"


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
        rij(kop, str(waarde))
        for kop, waarde in (
            ("gemeenten", len(gemeenten)),
            ("klanten", aantal),
            ("aangehaakt", aangehaakt),
            ("zelfstandig", aantal - aangehaakt),
        )
    )
    delen = [f"<table><caption>KlantRegister</caption><tbody>{samenvatting}</tbody></table>"]
    if getoond:
        kop = "".join(cel("th", kolom) for kolom in _KOLOMMEN)
        delen.append(
            f"<table><thead><tr>{kop}</tr></thead><tbody>{''.join(getoond)}</tbody></table>"
        )
    if aantal > len(getoond):
        delen.append(f"<p>… en {aantal - len(getoond)} meer</p>")
    return f"<div>{''.join(delen)}</div>"


def gesloten_register_html() -> str:
    """What a closed register shows: it can no longer be read."""
    return "<p>KlantRegister gesloten</p>"


# Jupyter shows a klant by this view (the domain asks klantregister.domain.weergave).
registreer_html(Klant, klant_html)
