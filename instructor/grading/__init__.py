"""The course grader: `python -m course grade SUBMISSIONS ... --lesson NN [--roster roster.csv] --out DIR`.

roster + intake (who handed in what, for which lesson; rows that need no kernel) → assemble
(instructor notebook + the learner's exercise cells) → worker (run in a fresh kernel, collect
artifacts) → grader (check them outside the kernel; keep the run) → report and gradebook
(results/, feedback/, grades.csv with overrides, the late rule and duplicate flags; classview) →
cli. Around it: merge (shards), lms (Canvas and Moodle imports), gradescope (an autograder zip).
"""
