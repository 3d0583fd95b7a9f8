"""`python -m course grade merge SHARD ... --out graded`: join the folders of sharded runs.

Rows are already keyed by learner and lesson, so merging never renames anything. A row graded in
two shards keeps its newest grading (and says so); logs are kept per shard (`logs/<shard>/`);
only `results/*.json` count as rows. The output is built in a temporary folder next to `--out`
and renamed into place, so a failed merge leaves no half-written folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from instructor.grading.gradebook import OVERRIDES, POLICY


def merge(shards: list[Path], out: Path) -> tuple[int, list[str]]:
    """Merge into `out` atomically; return (rows, what was decided about rows graded twice)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.merging-", dir=out.parent))
    decisions: list[str] = []
    try:
        chosen: dict[str, tuple[str, Path]] = {}  # row key → (graded_at, shard)
        for name in (OVERRIDES, POLICY):  # the instructor's decisions already in --out come first
            if (out / name).exists():
                shutil.copy2(out / name, staging / name)
        for shard in dict.fromkeys(p.resolve() for p in shards):
            for file in sorted((shard / "results").glob("*.json")):
                graded_at = json.loads(file.read_text()).get("graded_at", "")
                key = file.stem
                if key in chosen and chosen[key][1] != shard:
                    older, newer = sorted([chosen[key], (graded_at, shard)], key=lambda c: c[0])
                    decisions.append(f"{key} was graded in {older[1].name} and {newer[1].name}: kept the newer "
                                     f"({newer[0] or 'unknown time'})")
                    chosen[key] = newer
                else:
                    chosen[key] = (graded_at, shard)
            for name in (OVERRIDES, POLICY):  # else the first shard that has them
                if (shard / name).exists() and not (staging / name).exists():
                    shutil.copy2(shard / name, staging / name)
            if (shard / "logs").is_dir():
                shutil.copytree(shard / "logs", staging / "logs" / shard.name, dirs_exist_ok=True)
        for key, (_, shard) in chosen.items():
            (staging / "results").mkdir(exist_ok=True)
            shutil.copy2(shard / "results" / f"{key}.json", staging / "results" / f"{key}.json")
            learner, _, lesson = key.partition("__")
            for suffix in (".ipynb", ".log", ".traceback.txt"):
                kept = shard / "runs" / learner / f"{lesson}{suffix}"
                if kept.exists():
                    (staging / "runs" / learner).mkdir(parents=True, exist_ok=True)
                    shutil.copy2(kept, staging / "runs" / learner / kept.name)
        from instructor.grading.report import read_results, write_gradebook

        write_gradebook(read_results(staging), staging)
        _replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(chosen), decisions


def _replace(staging: Path, out: Path) -> None:
    """Put the finished folder in place of `out` (two renames: never a half-written `out`)."""
    if out.exists():
        old = out.with_name(f".{out.name}.old-{staging.name.rsplit('-', 1)[-1]}")
        out.rename(old)
        staging.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m course grade merge", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shards", nargs="+", type=Path, help="output folders of `grade --shard K/N` runs")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    for shard in args.shards:
        if not (shard / "results").is_dir():
            parser.error(f"{shard} has no results/ folder: is it the --out of a grading run?")
    rows, decisions = merge(args.shards, args.out)
    for decision in decisions:
        print(decision)
    print(f"Merged {len(set(args.shards))} shard(s), {rows} row(s), into {args.out / 'grades.csv'}.")
    return 0
