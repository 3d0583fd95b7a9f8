"""Registered exercises, one module per lesson (`lessonNN.py`). Loaded by `course.checks.get`."""
