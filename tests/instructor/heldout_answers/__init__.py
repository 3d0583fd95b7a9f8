"""Held-out wrong answers to the course's exercises, written from the exercise text and the lessons only.

Each lesson file (`lessonNN.py`) holds a list `WRONG` of `Wrong` records: the exercise id, the mistake in a few
words, and the complete source a learner would leave in the exercise cell (a function with the exercise's name and
signature). The sources may use `keras`, `layers` and `np`, as the notebooks import them, and names defined earlier
in the same lesson's notebook. They were written without looking at the exercise checks or the mutants, so they
measure how well the checks catch mistakes they were not designed against.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Wrong:
    exercise: str
    mistake: str
    source: str
