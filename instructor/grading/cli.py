"""`python -m course grade`: grade a class's notebooks; `python -m course grade merge`: join shards.

    python -m course grade submissions/*/01_two_ways.ipynb --out graded --jobs 2
    python -m course grade submissions/**/*.ipynb --out graded-3 --shard 3/8   # one of 8 machines
    python -m course grade merge graded-1 graded-2 ... --out graded

Each submission runs in its own worker process under a wall-clock limit; the run goes on whatever
a submission does. Exit status 0 once grading has finished, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from course.settings import TEST_ENV
from instructor.grading.worker import DEFAULT_CELL_TIMEOUT


def submission_names(paths: list[Path]) -> dict[Path, str]:
    """Unique, readable names: the file name, or the path from the common folder (`alice__01_two_ways`)."""
    resolved = [p.resolve() for p in paths]
    stems = [p.stem for p in resolved]
    if len(set(stems)) == len(stems):
        return dict(zip(paths, stems))
    common = Path(os.path.commonpath([str(p.parent) for p in resolved]))
    return {p: "__".join(r.relative_to(common).with_suffix("").parts) for p, r in zip(paths, resolved)}


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
    parser.add_argument("submissions", nargs="+", type=Path, help="notebooks to grade (never modified)")
    parser.add_argument("--out", type=Path, required=True, help="folder for grades.csv, results/, feedback/")
    parser.add_argument("--jobs", type=int, default=1, help="submissions graded at once (default 1)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds for one notebook (default 600)")
    parser.add_argument("--cell-timeout", type=float, default=DEFAULT_CELL_TIMEOUT,
                        help=f"seconds per cell unless an exercise sets more (default {DEFAULT_CELL_TIMEOUT:g})")
    parser.add_argument("--memory-gb", type=float, default=6.0, help="address-space limit per kernel (default 6)")
    parser.add_argument("--shard", type=parse_shard, help="K/N: grade every N-th submission starting at K")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.submissions if not p.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    submissions = sorted(set(args.submissions), key=str)
    if args.shard:
        k, n = args.shard
        submissions = submissions[k - 1::n]
    names = submission_names(submissions)
    logs = args.out / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    start, done = time.perf_counter(), 0
    print(f"Grading {len(submissions)} submission(s) with {args.jobs} job(s) into {args.out}/", flush=True)
    os.environ.update(TEST_ENV)  # quiet, single-threaded, deterministic checks in this process
    from instructor.grading.grader import Grader
    from instructor.grading.report import read_results, write_gradebook, write_result

    grader = Grader(args.timeout, args.cell_timeout, args.memory_gb, logs)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(grader.grade, path, names[path]): path for path in submissions}
        for future in as_completed(futures):
            result = future.result()
            write_result(result, args.out)
            done += 1
            verdict = (f"{result.score:g}/{result.max_score:g}" if result.status == "graded"
                       else f"not graded: {result.reason}")
            print(f"[{done:>{len(str(len(submissions)))}}/{len(submissions)}] {result.submission}: {verdict} "
                  f"({time.perf_counter() - start:.0f} s elapsed)", flush=True)
    grader.close()
    gradebook = write_gradebook(read_results(args.out), args.out)
    print(f"Wrote {gradebook} and feedback/ in {time.perf_counter() - start:.0f} s.")
    return 0


def merge_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m course grade merge",
                                     description="Join the output folders of sharded grading runs.")
    parser.add_argument("shards", nargs="+", type=Path, help="output folders of `grade --shard K/N` runs")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    for shard in args.shards:
        if not (shard / "results").is_dir():
            parser.error(f"{shard} has no results/ folder: is it the --out of a grading run?")
    from instructor.grading.report import read_results, write_gradebook

    seen: dict[str, Path] = {}
    for shard in args.shards:
        for sub in ("results", "feedback", "logs"):
            (args.out / sub).mkdir(parents=True, exist_ok=True)
            for file in sorted((shard / sub).glob("*")) if (shard / sub).is_dir() else []:
                if sub == "results" and file.stem in seen and seen[file.stem] != shard:
                    parser.error(f"{file.stem} was graded in both {seen[file.stem]} and {shard}")
                seen.setdefault(file.stem, shard)
                if file.resolve() != (args.out / sub / file.name).resolve():
                    shutil.copy2(file, args.out / sub / file.name)
    gradebook = write_gradebook(read_results(args.out), args.out)
    print(f"Merged {len(args.shards)} shard(s), {len(seen)} submission(s), into {gradebook}.")
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "merge":
        return merge_command(argv[1:])
    return grade_command(argv)
