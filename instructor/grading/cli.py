"""`python -m course grade`: grade a class's notebooks; `python -m course grade merge`: join shards.

    python -m course grade submissions/ --lesson 02 --roster roster.csv --out graded --jobs 2
    python -m course grade submissions/bob/02_shapes_and_building.ipynb --lesson 02 --out graded  # re-grade bob
    python -m course grade submissions/ --lesson 02 --roster roster.csv --out graded-3 --shard 3/8
    python -m course grade merge graded-1 graded-2 ... --out graded

Rows are keyed by learner (their folder, or the roster) and lesson, so re-grading a learner replaces
their row, and shards split the class by learner. Each submission runs in its own worker process
under a wall-clock limit; the run goes on whatever a submission does (a missing file is a row).
Exit status 0 once grading has finished, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import os
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING

from course.session import BACKENDS
from course.settings import TEST_ENV
from instructor.grading.gradebook import Policy, parse_rate, parse_time
from instructor.grading.intake import lesson_stem, plan, shard
from instructor.grading.roster import Learner, read_roster
from instructor.grading.worker import DEFAULT_CELL_TIMEOUT

if TYPE_CHECKING:
    from instructor.grading.grader import SubmissionResult


def parse_shard(text: str) -> tuple[int, int]:
    try:
        k, n = (int(part) for part in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--shard takes K/N such as 2/8, not {text!r}") from None
    if not 1 <= k <= n:
        raise argparse.ArgumentTypeError(f"--shard {text}: K must be between 1 and N")
    return k, n


def grade_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m course grade", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("submissions", nargs="+", type=Path,
                        help="notebooks or folders of them (never modified); a missing path becomes a row")
    parser.add_argument("--out", type=Path, required=True, help="folder for grades.csv, results/, feedback/, runs/")
    parser.add_argument("--lesson", help="the lesson graded (02); by default each file's name says")
    parser.add_argument("--roster", type=Path, help="CSV: id,name,email[,aliases][,extension_days]: a row for "
                                                    "every learner on it")
    parser.add_argument("--due", help="due date, ISO (2026-12-01 or 2026-12-01T23:59+01:00); saved in the folder")
    parser.add_argument("--late-penalty", help="taken off per day late, e.g. 10%%/day; saved in the folder")
    parser.add_argument("--late-cap", default="100%", help="the most the late penalty takes off (default 100%%)")
    parser.add_argument("--jobs", type=int, default=1, help="submissions graded at once (default 1)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds for one notebook (default 600)")
    parser.add_argument("--cell-timeout", type=float, default=DEFAULT_CELL_TIMEOUT,
                        help=f"seconds per cell unless an exercise sets more (default {DEFAULT_CELL_TIMEOUT:g})")
    parser.add_argument("--memory-gb", type=float, default=6.0, help="address-space limit per kernel (default 6)")
    parser.add_argument("--shard", type=parse_shard, help="K/N: grade every N-th learner starting at K")
    parser.add_argument("--backend", choices=BACKENDS, help="the Keras backend for the submissions' kernels and the "
                        "checks (default: KERAS_BACKEND, else tensorflow); the feedback names it")
    args = parser.parse_args(argv)
    if args.backend:  # before Keras loads, here and in every kernel the workers start
        os.environ["KERAS_BACKEND"] = args.backend
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.lesson and (len(args.lesson) != 2 or not lesson_stem(args.lesson)):
        parser.error(f"--lesson takes a lesson number such as 02, not {args.lesson!r}")
    try:
        roster = read_roster(args.roster) if args.roster else None
        policy = update_policy(Policy.load(args.out), args.due, args.late_penalty, args.late_cap)
    except (OSError, ValueError) as error:
        parser.error(str(error))
    tasks = plan(args.submissions, roster, args.lesson or "")
    if args.shard:
        tasks = shard(tasks, *args.shard)
    kept = [t for t in tasks if t.from_roster and (args.out / "results" / f"{t.key}.json").exists()]
    tasks = [t for t in tasks if t not in kept]  # re-grading some learners leaves the others' rows alone
    if kept:
        print(f"Kept the existing rows of {len(kept)} rostered learner(s) with no file among these paths.")
    args.out.mkdir(parents=True, exist_ok=True)
    policy.save(args.out)
    logs = args.out / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    start, done = time.perf_counter(), 0
    runnable = sum(t.runnable for t in tasks)
    print(f"Grading {runnable} notebook(s) ({len(tasks)} row(s)) with {args.jobs} job(s) into {args.out}/",
          flush=True)
    os.environ.update(TEST_ENV)  # quiet, single-threaded, deterministic checks in this process
    from instructor.grading.grader import Grader
    from instructor.grading.report import read_results, write_gradebook, write_result

    grader = Grader(args.timeout, args.cell_timeout, args.memory_gb, logs)
    counts: dict[str, int] = {}
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(grader.grade, task, args.out / "runs" / task.learner): task for task in tasks}
        for future in as_completed(futures):
            result = future.result()
            learner = roster.get(result.learner) if roster else None
            if learner:
                from_roster(result, learner)
            write_result(result, args.out)
            done += 1
            counts[result.status.split(" (")[0]] = counts.get(result.status.split(" (")[0], 0) + 1
            verdict = (f"{result.score:g}/{result.max_score:g}" + ("" if result.status == "graded"
                                                                  else f" ({result.status})")
                       if result.scored else f"{result.status}: {result.reason}")
            print(f"[{done:>{len(str(len(tasks)))}}/{len(tasks)}] {result.submission}: {verdict} "
                  f"({time.perf_counter() - start:.0f} s elapsed)", flush=True)
    grader.close()
    gradebook = write_gradebook(read_results(args.out), args.out)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    print(f"{summary or 'nothing to grade'}. Wrote {gradebook} and feedback/ in {time.perf_counter() - start:.0f} s.")
    return 0


def from_roster(result: SubmissionResult, learner: Learner) -> None:
    """What the roster says of a row: the name, the extension, and the LMS's submission time,
    which beats the file's (unpacking a download resets it)."""
    result.name, result.extension_days = learner.name, learner.extension_days
    stamp = learner.extra.get(f"submitted_at_{result.lesson[:2]}") or learner.extra.get("submitted_at")
    if stamp and result.path:
        try:
            result.submitted_at = parse_time(stamp).isoformat(timespec="seconds")
        except ValueError:
            result.notes.append(f"the roster's submission time {stamp!r} is not a date: used the file's")


def update_policy(policy: Policy, due: str | None, penalty: str | None, cap: str) -> Policy:
    """The folder's late rule, changed by what this run says (checked before anything runs)."""
    if due:
        parse_time(due)
        policy.due = due
    if penalty:
        policy.penalty_per_day = parse_rate(penalty)
        policy.cap = parse_rate(cap)
    return policy


def main(argv: list[str]) -> int:
    if argv and argv[0] == "merge":
        from instructor.grading.merge import main as merge

        return merge(argv[1:])
    return grade_command(argv)
