"""The order of the suite's modules, and the mutation score of `instructor/test_mutations.py`
(printed after the run, saved to test-artifacts/).

Here, not beside the tests: under xdist only the controller sees every report, and it loads the
conftest files of the test paths it is given (`tests`), not those of subfolders.
"""

from __future__ import annotations

import json

from course.paths import TEST_ARTIFACTS

_RESULTS: dict[str, dict] = {}

# The longest modules start first: `--dist loadscope` hands out whole modules in collection order,
# so a long one collected last would leave the other worker idle at the end of the run.
LONGEST_FIRST = ("tests/integration/test_grading.py", "tests/browser/", "tests/integration/test_release.py",
                 "tests/content/test_expectations.py")


def pytest_collection_modifyitems(items: list) -> None:
    def rank(item) -> int:
        return next((i for i, prefix in enumerate(LONGEST_FIRST) if item.nodeid.startswith(prefix)), len(LONGEST_FIRST))
    items.sort(key=rank)  # stable: the order within a module is kept


def pytest_runtest_logreport(report) -> None:
    """Runs where reports arrive (the controller under xdist), so every worker's results are seen."""
    if report.when == "call":
        for name, value in report.user_properties:
            if name == "mutation":
                _RESULTS[report.nodeid] = json.loads(value)


def mutation_score(results: list[dict]) -> dict:
    total = len(results)
    return {"total": total, "caught": sum(r["loses_points"] for r in results),
            "public": sum(r["public"] for r in results),
            "hidden_only": sum(r["hidden_only"] for r in results),
            "grading_blind": sorted(f"{r['exercise']} {r['mutant']}" for r in results if r.get("grading_blind")),
            "per_exercise": {e: sum(r["exercise"] == e for r in results)
                             for e in sorted({r["exercise"] for r in results})},
            "missed": sorted(f"{r['exercise']} {r['mutant']}" for r in results if not r["loses_points"])}


def pytest_terminal_summary(terminalreporter) -> None:
    if not _RESULTS:
        return
    score = mutation_score(list(_RESULTS.values()))
    folder = TEST_ARTIFACTS
    folder.mkdir(exist_ok=True)
    (folder / "mutation-score.json").write_text(json.dumps(score, indent=1) + "\n")
    terminalreporter.write_line(
        f"mutation score: {score['caught']}/{score['total']} typical wrong answers lose points, "
        f"{score['public']}/{score['total']} flagged by a public check "
        f"({score['hidden_only']} only a hidden case can reveal)")
