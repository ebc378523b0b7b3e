"""Hardening (issue 11), the general test of what the command line shows: a BSN put in any
member of a record, valid or not, in any of the formats' fields, never appears in full in
what ``check`` or ``import`` print, as text or JSON, on stdout or stderr, nor in the check's
report as a notebook shows it."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantregister import Rsin
from klantregister.cli import main
from klantregister.testing import bsns

#: Where a BSN may turn up in a v1 record, by the path of its member.
PLAATSEN = [
    ("url",),
    ("uuid",),
    ("voornaam",),
    ("achternaam",),
    ("emailadres",),
    ("telefoonnummer",),
    ("websiteUrl",),
    ("klantnummer",),
    ("bronorganisatie",),
    ("subject",),
    ("subjectIdentificatie", "inpBsn"),
    ("subjectIdentificatie", "inpANummer"),
    ("subjectIdentificatie", "innNnpId"),
    ("subjectIdentificatie", "geslachtsnaam"),
    ("adres", "straatnaam"),
    ("adres", "postcode"),
    ("onbekend_lid",),
]


def _record(plaats: tuple[str, ...], waarde: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "url": "https://klanten.example.nl/api/v1/klanten/6b5e5b2c-0b6d-4d0b-9b1a-1c6d8a1b2c3d",
        "voornaam": "An",
        "subjectType": "natuurlijk_persoon",
        "subjectIdentificatie": {"inpBsn": "111222333"},
    }
    doel = record
    for lid in plaats[:-1]:
        doel = doel.setdefault(lid, {})
    doel[plaats[-1]] = waarde
    return record


@pytest.mark.storage  # import writes a SQLite file
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bsn=bsns,
    plaats=st.sampled_from(PLAATSEN),
    vorm=st.sampled_from(["{}", "{}x", "https://brp.example.nl/{}", "{} ", "?bsn={}"]),
    commando=st.sampled_from(["check", "import"]),
    uitvoer=st.sampled_from(["text", "json"]),
)
def test_no_bsn_is_shown_whatever_member_holds_it(
    bsn: str, plaats: tuple[str, ...], vorm: str, commando: str, uitvoer: str
) -> None:
    with tempfile.TemporaryDirectory() as map_:
        invoer = Path(map_) / "e.jsonl"
        tweede = _record(plaats, vorm.format(bsn))
        # A second record with the same person: rule 1 names both records.
        invoer.write_text(
            json.dumps(_record(plaats, vorm.format(bsn))) + "\n" + json.dumps(tweede) + "\n",
            encoding="utf-8",
        )
        tabel = Path(map_) / "g.json"
        tabel.write_text('{"002564440": "0363"}', encoding="utf-8")
        gemeente = (
            ["--gemeenten", str(tabel)]
            if plaats == ("bronorganisatie",)
            else ["--gemeente", "0363"]
        )
        argumenten = [commando, str(invoer), *gemeente, "--format", uitvoer]
        if commando == "import":
            argumenten += ["--into", f"sqlite:///{Path(map_) / 'k.db'}"]
        else:
            argumenten += ["--jobs", "1"]
        uit, fout = _draai(argumenten)
    if plaats == ("bronorganisatie",) and Rsin.is_valid(vorm.format(bsn)):
        # The one place a valid 11-proef number is shown, by decision (docs/concepts.md,
        # rule 9): a bronorganisatie is a source organisation's RSIN, which the user must
        # see to add it to the table; it cannot be told from a BSN.
        assert bsn in uit
        uit = uit.replace(bsn, "")
    for getoond in (uit, fout):
        assert bsn not in getoond
        assert "111222333" not in getoond


def _draai(argumenten: list[str]) -> tuple[str, str]:
    import contextlib  # noqa: PLC0415
    import io  # noqa: PLC0415

    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        main(argumenten)
    return uit.getvalue(), fout.getvalue()


@pytest.mark.unit
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bsn=bsns,
    plaats=st.sampled_from([p for p in PLAATSEN if p != ("bronorganisatie",)]),
    vorm=st.sampled_from(["{}", "{}x", "https://brp.example.nl/{}", "?bsn={}"]),
)
def test_no_bsn_is_shown_by_the_check_report_as_html_json_or_text(
    bsn: str, plaats: tuple[str, ...], vorm: str
) -> None:
    """The report a notebook shows (``_repr_html_``), and its JSON and text as the library
    gives them, for the same records."""
    from klantregister.check import Controle  # noqa: PLC0415
    from klantregister.formats import klanten_v1  # noqa: PLC0415

    regels = "\n".join(json.dumps(_record(plaats, vorm.format(bsn))) for _ in range(2))
    controle = Controle()
    for gelezen in klanten_v1.lees(io.StringIO(regels), gemeenten="0363"):
        controle.voeg_toe(gelezen, "e.jsonl")
    rapport = controle.rapport()
    json_tekst = io.StringIO()
    rapport.schrijf_json(json_tekst)
    teksten = [rapport._repr_html_(), json_tekst.getvalue(), repr(rapport), str(rapport)]
    teksten += [str(gevonden) for gevonden in (*rapport.bevindingen, *rapport.groepen)]
    assert rapport.groepen or rapport.bevindingen  # one person twice, or a refused record
    for tekst in teksten:
        assert bsn not in tekst
        assert "111222333" not in tekst
