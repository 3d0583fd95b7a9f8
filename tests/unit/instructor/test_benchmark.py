"""`make bench` prints one Markdown table and refuses unknown parts; the measuring itself is `make bench`."""

import pytest

from instructor import benchmark


def test_rows_become_one_markdown_table():
    text = benchmark.table([("notebook `01_two_ways.ipynb`", "9.9 s", ""), ("speed-up", "1.71×", "target ≥ 1.7")])
    assert text.splitlines() == [
        "| Measured | Result | Note |",
        "|---|---:|---|",
        "| notebook `01_two_ways.ipynb` | 9.9 s |  |",
        "| speed-up | 1.71× | target ≥ 1.7 |",
    ]


@pytest.mark.parametrize("argv, message", [
    (["--parts", "suite,speed"], "unknown part(s) speed"),
    (["--copies", "1"], "--copies must be at least 2"),
])
def test_bad_options_exit_2_and_say_why(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        benchmark.main(argv)
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_machine_line_names_cores_and_versions():
    line = benchmark.machine()
    assert "cores" in line and "TensorFlow 2.21" in line and "Keras 3.15" in line


def test_mutation_score_becomes_two_rows(tmp_path):
    from instructor.benchmark import mutation_rows

    assert mutation_rows(tmp_path / "none.json") == []
    path = tmp_path / "score.json"
    path.write_text('{"total": 4, "caught": 3, "public": 2, "hidden_only": 1, "grading_blind": ["09.3 x"]}')
    rows = mutation_rows(path)
    assert [r[1] for r in rows] == ["3/4", "2/4"] and "09.3 x" in rows[0][2] and "75%" in rows[0][2]
