"""A check report as HTML for Jupyter: what ``Controlerapport._repr_html_`` shows.

Built from the display layer's cells and rows, masked and escaped as every table of
klantregister is.
"""

from __future__ import annotations

import html

from klantregister.check.rapport import Controlerapport, Regel1Groep
from klantregister.display import RIJEN, cel, rij, tekst_html
from klantregister.domain import registreer_html

__all__ = ["rapport_html"]


def rapport_html(rapport: Controlerapport, rijen: int = RIJEN) -> str:
    """A check report: its summary, then the first ``rijen`` violations, rule-1 groups and
    notes (what records hold that is not taken over).

    Free text is masked and escaped as elsewhere; the report's messages, keys and
    ids are masked already, and stay so. What the report counts and the positions it
    gives are its own numbers, not data: they are shown as they are (``records
    1000003``, not ``***003``).
    """
    samenvatting = "".join(
        rij(html.escape(kop), _getal(waarde))
        for kop, waarde in (
            ("records", rapport.records),
            ("aangehaakt", rapport.aangehaakt),
            ("zelfstandig", rapport.zelfstandig),
            *rapport.per_soort().items(),
            *_niet_overgenomen(rapport),
        )
    )
    delen = [f"<table><caption>Controlerapport</caption><tbody>{samenvatting}</tbody></table>"]
    kolommen = ("bron", "positie", "id", "veld", "soort", "melding")
    bevindingen = [
        "<tr>"
        + "".join(
            cel("td", waarde)
            for waarde in (
                html.escape(b.bron),
                _getal(b.positie),
                html.escape(b.id or ""),
                html.escape(b.veld),
                html.escape(b.soort.value + (f"/{b.controle}" if b.controle else "")),
                tekst_html(b.melding),
            )
        )
        + "</tr>"
        for b in rapport.bevindingen[:rijen]
    ]
    if bevindingen:
        kop = "".join(cel("th", kolom) for kolom in kolommen)
        delen.append(
            f"<table><thead><tr>{kop}</tr></thead><tbody>{''.join(bevindingen)}</tbody></table>"
        )
    if len(rapport.bevindingen) > rijen:
        delen.append(f"<p>… en {len(rapport.bevindingen) - rijen} bevindingen meer</p>")
    groepen = [
        "<tr>"
        + cel("td", html.escape(groep.gemeente))
        + cel("td", tekst_html(" / ".join(groep.sleutels)))
        + cel("td", html.escape(_records(groep)))
        + "</tr>"
        for groep in rapport.groepen[:rijen]
    ]
    if groepen:
        kop = "".join(cel("th", kolom) for kolom in ("gemeente", "regel 1: sleutels", "records"))
        delen.append(
            f"<table><thead><tr>{kop}</tr></thead><tbody>{''.join(groepen)}</tbody></table>"
        )
    if len(rapport.groepen) > rijen:
        delen.append(f"<p>… en {len(rapport.groepen) - rijen} groepen meer</p>")
    delen += _opmerkingen_html(rapport, rijen)
    return f"<div>{''.join(delen)}</div>"


def _niet_overgenomen(rapport: Controlerapport) -> list[tuple[str, str]]:
    """The summary's row of the notes, if there are any."""
    if not rapport.niet_overgenomen:
        return []
    aantal = f"{rapport.aantal_opmerkingen} opmerkingen in {rapport.met_opmerkingen} records"
    return [("niet overgenomen", aantal)]


def _opmerkingen_html(rapport: Controlerapport, rijen: int) -> list[str]:
    """The notes: the first ``rijen`` listed, then how many records each field's are of."""
    if not rapport.niet_overgenomen:
        return []
    getoond = rapport.opmerkingen[:rijen]
    regels = "".join(
        "<tr>"
        + "".join(
            cel("td", waarde)
            for waarde in (
                html.escape(o.bron),
                _getal(o.positie),
                html.escape(o.id or ""),
                html.escape(o.veld),
                tekst_html(o.melding),
            )
        )
        + "</tr>"
        for o in getoond
    )
    kop = "".join(cel("th", kolom) for kolom in ("bron", "positie", "id", "veld", "melding"))
    delen = [
        "<table><caption>Niet overgenomen</caption>"
        f"<thead><tr>{kop}</tr></thead><tbody>{regels}</tbody></table>"
    ]
    if (meer := rapport.aantal_opmerkingen - len(getoond)) > 0:
        delen.append(f"<p>… en {meer} opmerkingen meer</p>")
    per_veld = "".join(
        rij(html.escape(veld), _getal(aantal)) for veld, aantal in rapport.niet_overgenomen.items()
    )
    kop = cel("th", "niet overgenomen: veld") + cel("th", "records")
    delen.append(f"<table><thead><tr>{kop}</tr></thead><tbody>{per_veld}</tbody></table>")
    return delen


registreer_html(Controlerapport, rapport_html)


def _getal(waarde: object) -> str:
    """A count or position of the report (or the summary's own text of counts), as it is."""
    return html.escape(str(waarde))


def _records(groep: Regel1Groep) -> str:
    """The first records of a rule-1 group, and how many more it has."""
    getoond, meer = groep.getoond()
    tekst = ", ".join(f"{b}:{p}" for b, p, _ in getoond)
    return f"{tekst}, … en {meer} meer" if meer else tekst
