"""The contract suite of klantregister.testing, run as a user runs it: in a pytest of its own.

Each test writes the test file docs/testing.md shows, and an adapter for it, into a
new folder and runs pytest there in a subprocess, with a configuration of its own
(not the project's). Against an adapter that keeps the contract every contract test
passes; against one that breaks a promise, exactly the tests of that promise fail.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from klantregister.testing import RepositoryContract, SqlRepositoryContract

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.process

DOCS = Path(__file__).parent.parent / "docs" / "testing.md"
KOP = "## A third-party adapter's test file"

#: The configuration of the inner runs: strict, as a careful user's is.
INI = """
[pytest]
addopts = --strict-markers
filterwarnings = error
"""

#: An adapter with the constructor and ``zet_volgnummer`` the docs' test file uses, that
#: keeps the contract: the memory repository behind them.
ADAPTER = """
from __future__ import annotations

import contextlib
from pathlib import Path

import attrs

from klantregister import Gemeentecode, Klant, MemoryRepository


class DocumentRepository(MemoryRepository):
    def __init__(self, map: Path) -> None:
        super().__init__()

    def zet_volgnummer(self, gemeente: Gemeentecode, volgnummer: int) -> None:
        self._volgnummers[gemeente.waarde] = volgnummer
"""

#: An adapter that checks a klant against the stored klanten by its klantnummer only, not
#: by its natural-person keys. (A batch still checks itself: MemoryRepository.add_many
#: does that with a MemoryRepository of its own.)
ZONDER_REGEL_1 = """
    def _controleer_uniek(self, klant: Klant) -> None:
        super()._controleer_uniek(attrs.evolve(klant, identificatie=None))
"""

#: An adapter whose transactions undo nothing when they fail.
ZONDER_TERUGDRAAIEN = """
    def transaction(self) -> contextlib.nullcontext[None]:
        return contextlib.nullcontext()
"""

#: The contract tests a repository fails that lets a klant hold a natural-person key a
#: stored klant holds.
TESTS_VAN_REGEL_1 = {
    "test_a_refused_write_leaves_the_transactions_earlier_writes",
    "test_add_refuses_a_second_holder_of_a_bsn_in_the_gemeente",
    "test_add_refuses_a_klant_sharing_only_an_a_nummer",
    "test_add_refuses_a_klant_sharing_a_foreign_person_number_written_otherwise",
    "test_add_refuses_a_klant_sharing_only_a_subject_url",
    "test_a_klant_refused_by_rule_1_is_not_stored",
    "test_add_many_stores_none_when_one_holds_a_stored_klants_bsn",
    "test_replace_to_a_bsn_held_by_another_klant_is_refused",
    "test_a_replace_refused_by_rule_1_changes_nothing",
}

#: The contract tests a repository whose failed transactions keep their writes fails.
TESTS_VAN_TERUGDRAAIEN = {
    "test_a_klant_added_in_a_failed_transaction_is_not_stored",
    "test_klanten_added_together_in_a_failed_transaction_are_not_stored",
    "test_a_klant_replaced_in_a_failed_transaction_is_as_it_was",
    "test_a_klant_removed_in_a_failed_transaction_is_back_with_its_keys",
    "test_an_organisation_klant_removed_in_a_failed_transaction_keeps_its_place",
    "test_an_organisation_klant_corrected_in_a_failed_transaction_keeps_its_place",
    "test_klantnummers_taken_in_a_failed_transaction_are_given_again",
    "test_a_failed_inner_transaction_undoes_only_its_own_writes",
    "test_a_failed_inner_transaction_gives_its_klantnummers_again",
    "test_an_inner_transaction_is_undone_with_the_outer_one",
    "test_transactions_nest_more_than_one_level_deep",
}

_UITKOMST = re.compile(r"^(PASSED|FAILED|ERROR) \S+::(test_\w+)")


def docs_testbestand() -> str:
    """The first ``python`` code block after the heading :data:`KOP` of docs/testing.md."""
    _, kop, rest = DOCS.read_text(encoding="utf-8").partition(f"\n{KOP}\n")
    blok = re.search(r"^```python\n(.*?)^```$", rest, re.MULTILINE | re.DOTALL)
    if not kop or blok is None:
        pytest.fail(f"docs/testing.md has no python block under {KOP!r}")
    return blok.group(1)


def contracttests(contract: type) -> set[str]:
    """The names of the contract's test methods."""
    return {naam for naam in dir(contract) if naam.startswith("test_")}


def aantal_tests(contract: type) -> int:
    """How many tests pytest makes of the contract: one per test method, and one per
    parameter set of a parametrized one."""
    return sum(
        math.prod(
            len(mark.args[1])
            for mark in getattr(getattr(contract, naam), "pytestmark", [])
            if mark.name == "parametrize"
        )
        for naam in contracttests(contract)
    )


def draai(pytester: pytest.Pytester, adapter: str) -> tuple[pytest.RunResult, dict[str, set[str]]]:
    """Run the docs' test file against the adapter, in a pytest of its own.

    Returns the run and the names of its tests by outcome (``PASSED``, ``FAILED``,
    ``ERROR``), a parametrized test counting once.
    """
    pytester.makeini(INI)
    pytester.makepyfile(gemeente_opslag=adapter, test_document_repository=docs_testbestand())
    resultaat = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rA", timeout=120)
    uitkomsten: dict[str, set[str]] = {"PASSED": set(), "FAILED": set(), "ERROR": set()}
    for regel in resultaat.outlines:
        if gevonden := _UITKOMST.match(regel):
            uitkomsten[gevonden.group(1)].add(gevonden.group(2))
    return resultaat, uitkomsten


def test_the_docs_test_file_passes_every_contract_test_against_a_correct_adapter(
    pytester: pytest.Pytester,
) -> None:
    resultaat, uitkomsten = draai(pytester, ADAPTER)

    resultaat.assert_outcomes(passed=aantal_tests(RepositoryContract))
    assert contracttests(RepositoryContract) == uitkomsten["PASSED"]


def test_an_adapter_that_does_not_enforce_rule_1_fails_exactly_its_tests(
    pytester: pytest.Pytester,
) -> None:
    resultaat, uitkomsten = draai(pytester, ADAPTER + ZONDER_REGEL_1)

    assert (TESTS_VAN_REGEL_1, set()) == (uitkomsten["FAILED"], uitkomsten["ERROR"])
    resultaat.assert_outcomes(
        passed=aantal_tests(RepositoryContract) - len(TESTS_VAN_REGEL_1),
        failed=len(TESTS_VAN_REGEL_1),
    )


def test_an_adapter_whose_failed_transactions_keep_their_writes_fails_exactly_their_tests(
    pytester: pytest.Pytester,
) -> None:
    resultaat, uitkomsten = draai(pytester, ADAPTER + ZONDER_TERUGDRAAIEN)

    assert (TESTS_VAN_TERUGDRAAIEN, set()) == (uitkomsten["FAILED"], uitkomsten["ERROR"])
    resultaat.assert_outcomes(
        passed=aantal_tests(RepositoryContract) - len(TESTS_VAN_TERUGDRAAIEN),
        failed=len(TESTS_VAN_TERUGDRAAIEN),
    )


def test_a_failing_contract_test_shows_the_values_it_compared(pytester: pytest.Pytester) -> None:
    # pytest rewrites the contract's asserts: without that, only "AssertionError".
    resultaat, _ = draai(pytester, ADAPTER + ZONDER_TERUGDRAAIEN)

    resultaat.stdout.fnmatch_lines(
        [
            "*test_a_klant_added_in_a_failed_transaction_is_not_stored*",
            "E       AssertionError: assert (0, None, None, None) == (1, *",
        ]
    )


def getal_in_de_docs(patroon: str) -> int:
    """The number the pattern's group matches in docs/testing.md."""
    gevonden = re.search(patroon, DOCS.read_text(encoding="utf-8"))
    if gevonden is None:
        pytest.fail(f"docs/testing.md no longer says {patroon!r}")
    return int(gevonden.group(1))


def test_the_docs_give_the_number_of_tests_of_each_contract() -> None:
    assert (
        aantal_tests(RepositoryContract),
        aantal_tests(RepositoryContract),
        aantal_tests(SqlRepositoryContract),
    ) == (
        getal_in_de_docs(r"without a register in front: (\d+)\s+tests"),
        getal_in_de_docs(r"runs all (\d+) contract tests"),
        getal_in_de_docs(r"its (\d+) tests include those"),
    )
