"""The notebook in docs/ runs from top to bottom: it checks the example export."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.e2e

NOTEBOOK = Path(__file__).parent.parent / "docs" / "controle.ipynb"
VOORBEELD = Path(__file__).parent.parent / "examples" / "klanten_v1_export.json"


def test_the_check_notebook_runs_and_shows_reports_without_a_full_bsn() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    map_ = {"metadata": {"path": str(NOTEBOOK.parent)}}
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources=map_).execute()
    uitvoer = [
        output
        for cel in notebook.cells
        if cel.cell_type == "code"
        for output in cel.get("outputs", [])
    ]
    assert [] == [o for o in uitvoer if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in uitvoer if "text/html" in o.get("data", {})]
    assert any("<caption>Controlerapport</caption>" in pagina for pagina in html)
    assert any("<caption>KlantRegister</caption>" in pagina for pagina in html)
    bsns = {
        r["subjectIdentificatie"]["inpBsn"]
        for r in json.loads(VOORBEELD.read_text(encoding="utf-8"))["results"]
        if (r.get("subjectIdentificatie") or {}).get("inpBsn")
    }
    alles = json.dumps(uitvoer, ensure_ascii=False)
    assert [] == [bsn for bsn in bsns if bsn in alles]
