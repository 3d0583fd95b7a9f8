"""The grading part of every exercise: cases learners never see, hidden checks, the grader's own
inputs and time limits, and the reference implementations behind them. Learners never receive
this package.

An exercise is defined once, in `course/exercises/lessonNN.py`. Each `instructor/exercises/lessonNN.py`
only extends that same object with `course.checks.extend(...)` (never restating a public case or
check), naming every case it adds, and registers the data the public checks compare with
(`instructor.expectations.shipped`). The registry finds these modules through this package's
`course.grading` entry point (pyproject.toml): `course.checks.get(id, graded=True)`.
"""
