"""The course grader: `python -m course grade SUBMISSION.ipynb ... --out DIR`.

assemble (instructor notebook + the learner's answers) → worker (run in a fresh kernel, collect
artifacts, check them outside the kernel) → report (grades.csv, results/, feedback/) → cli.
"""
