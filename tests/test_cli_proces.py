"""The command's pace of garbage collection: wide while it runs, restored after."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from klantregister.cli import main
from klantregister.cli.proces import ruime_gc

pytestmark = pytest.mark.unit


def test_the_thresholds_are_wide_inside_and_restored_after_an_error() -> None:
    voor = gc.get_threshold()
    binnen: list[tuple[int, ...]] = []

    def werk() -> None:
        with ruime_gc():
            binnen.append(gc.get_threshold())
            raise RuntimeError

    with pytest.raises(RuntimeError):
        werk()
    assert binnen[0][0] > voor[0]
    assert gc.get_threshold() == voor


VOORBEELD = Path(__file__).parents[1] / "examples" / "klanten_v1_export.json"


def test_a_command_run_in_process_leaves_the_thresholds_as_they_were(
    capsys: pytest.CaptureFixture[str],
) -> None:
    voor = gc.get_threshold()
    assert main(["check", str(VOORBEELD), "--gemeente", "0363", "--jobs", "1"]) == 1
    assert "overtredingen" in capsys.readouterr().out
    assert gc.get_threshold() == voor
