"""Every number the prose takes from an evidence study equals its committed table (no study is re-run here).

See `course.notebooks` (the claims convention) and `instructor.evidence` (studies and tables).
"""

import re

import nbformat
import pytest

from course.notebooks import claims, lesson_files
from course.paths import SOLUTIONS as SOLUTION_FOLDER
from instructor import evidence

SOLUTIONS = lesson_files(SOLUTION_FOLDER)
# A markdown cell that says one of these rests on runs no cell shows: it must bind its numbers.
PHRASES = ("seeds 0–4", "seeds 0-4", "over seeds", "on every seed", "each of seeds", "other seeds",
           "seed-to-seed", "within noise", "ahead on")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def markdown_cells(path):
    nb = nbformat.read(path, as_version=4)
    return [(index, cell) for index, cell in enumerate(nb.cells) if cell.cell_type == "markdown"]


def written_as(value, text: str) -> str:
    """`value` written the way `text` writes a number: the same decimals, or a number word."""
    if text.lower() in NUMBER_WORDS and isinstance(value, int) and 0 <= value < len(NUMBER_WORDS):
        word = NUMBER_WORDS[value]
        return word.capitalize() if text[0].isupper() else word
    number = re.fullmatch(r"[−-]?\+?\d+(?:\.(\d+))?", text)
    if number is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return repr(value)
    decimals = len(number.group(1) or "")
    shown = f"{value:+.{decimals}f}" if "+" in text else f"{value:.{decimals}f}"
    return shown.replace("-", "−") if "−" in text else shown


def claim_problems(path) -> list[str]:
    tables = evidence.committed_tables()
    problems = []
    for index, cell in markdown_cells(path):
        where = f"{path.name} cell {index}"
        try:
            bound = claims(cell)
        except ValueError as error:
            problems.append(f"{where}: {error}")
            continue
        for claim in bound:
            what = f"{where}, claim {claim['text']!r} ({claim['study']}: {claim['value']})"
            if claim["study"] not in tables:
                problems.append(f"{what}: no table instructor/evidence/tables/{claim['study']}.json")
                continue
            try:
                value = evidence.lookup(evidence.read_table(claim["study"]), claim["value"])
            except (KeyError, IndexError, ValueError) as error:
                problems.append(f"{what}: {error}")
                continue
            if claim["text"] not in cell.source:
                problems.append(f"{what}: the cell does not say {claim['text']!r}")
            if written_as(value, claim["text"]) != claim["text"]:
                problems.append(f"{what}: the table holds {value!r}, written so: {written_as(value, claim['text'])!r}")
    return problems


def unbound_cells(path) -> list[str]:
    found = []
    for index, cell in markdown_cells(path):
        said = [phrase for phrase in PHRASES if phrase in cell.source.lower()]
        if said and not claims(cell):
            found.append(f"{path.name} cell {index}: says {', '.join(repr(p) for p in said)} but binds no "
                         "evidence claim (course.claims metadata)")
    return found


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_every_bound_claim_equals_its_table(path):
    problems = claim_problems(path)
    assert not problems, "\n".join(problems) + "\nre-run the study (python -m course evidence NAME) or fix the prose"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_cells_that_speak_of_seeds_or_noise_bind_their_numbers(path):
    found = unbound_cells(path)
    assert not found, "\n".join(found)


def test_every_study_has_a_table_and_every_table_a_study():
    studies, tables = set(evidence.studies()), set(evidence.committed_tables())
    assert not studies - tables, f"studies without a table (run python -m course evidence): {sorted(studies - tables)}"
    assert not tables - studies, f"tables no study writes (delete them): {sorted(tables - studies)}"


@pytest.mark.parametrize("name", sorted(evidence.committed_tables()))
def test_each_table_says_what_its_seeds_vary(name):
    table = evidence.read_table(name)
    assert table.get("study") == name, f"{name}.json names study {table.get('study')!r}"
    for key in ("lesson", "protocol", "seeds", "seeds_vary", "results"):
        assert table.get(key) not in (None, "", []), f"{name}.json has no {key!r}"


def test_the_claim_check_catches_a_wrong_number_and_an_unbound_sentence(tmp_path):
    """The checks above on a scratch notebook: an edited number and an unbound "over seeds" both fail."""
    name, path_in_table = "lesson04_width_sweep", "results.width_1.min"
    right = f"{evidence.lookup(evidence.read_table(name), path_in_table):.2f}"
    claim = {"study": name, "value": path_in_table, "text": right}
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(f"Over seeds 0–4 it reached {right}.", metadata={"course": {"claims": [claim]}}),
        nbformat.v4.new_markdown_cell("Over seeds 0–4 it reached 0.99.",
                                      metadata={"course": {"claims": [{**claim, "text": "0.99"}]}}),
        nbformat.v4.new_markdown_cell("Over seeds 0–4 nothing moved."),
    ])
    path = tmp_path / "99_scratch.ipynb"
    nbformat.write(nb, path)
    problems = claim_problems(path)
    assert len(problems) == 1 and "cell 1" in problems[0] and "'0.99'" in problems[0], problems
    unbound = unbound_cells(path)
    assert len(unbound) == 1 and "cell 2" in unbound[0], unbound


def test_a_rerun_differs_beyond_the_tolerance_only():
    committed = {"results": {"a": 0.62, "b": [1, 2], "c": "words"}}
    assert evidence.differences(committed, committed) == []
    assert evidence.differences(committed, {"results": {"a": 0.63, "b": [1, 2], "c": "words"}}) == [
        "results.a: committed 0.62, re-run 0.63"]
    assert evidence.differences(committed, {"results": {"a": 0.625, "b": [1, 2], "c": "words"}}, tolerance=0.01) == []
    assert evidence.differences(committed, {"results": {"a": 0.62, "b": [1], "c": "other"}}) == [
        "results.b: 2 items committed, 1 re-run", "results.c: committed 'words', re-run 'other'"]


def test_numbers_are_written_as_the_claim_writes_them():
    assert written_as(1.0, "1.00") == "1.00" and written_as(0.615, "0.6") == "0.6"
    assert written_as(3, "three") == "three" and written_as(2, "Two") == "Two" and written_as(34, "34") == "34"
    assert written_as(-0.06, "−0.06") == "−0.06" and written_as(0.02, "+0.02") == "+0.02"
