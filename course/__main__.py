"""Command line of the course tooling.

    python -m course build [--check]          regenerate lessons/ from solutions/ (make lessons)
    python -m course refresh [NOTEBOOK ...]   re-execute solutions for their stored outputs (make outputs)
    python -m course grade SUBMISSION ... --out DIR [--jobs N]   grade a class (see course.grading)
    python -m course grade merge DIR ... --out DIR               join sharded grading runs
    python -m course export-nbgrader OUT      the solutions as an nbgrader source folder
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["grade"]:
        from course.grading.cli import main as grade_main

        return grade_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m course", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="regenerate lessons/ from solutions/ (make lessons)")
    build.add_argument("--check", action="store_true", help="only report stale lessons; exit 1 if any")
    refresh = commands.add_parser("refresh", help="re-execute solutions to store their outputs (make outputs)")
    refresh.add_argument("notebooks", nargs="*", help="solution notebooks (default: all)")
    commands.add_parser("grade", help="grade submissions: python -m course grade --help")
    nbgrader = commands.add_parser("export-nbgrader", help="write an nbgrader source/ folder from solutions/")
    nbgrader.add_argument("out", type=Path)
    args = parser.parse_args(argv)

    if args.command == "build":
        from course import build as lesson_build

        if args.check:
            stale = lesson_build.stale_lessons()
            for problem in stale:
                print(f"stale: {problem}")
            if stale:
                print(f"lessons/ is out of date: {lesson_build.REBUILD_HINT}")
            return 1 if stale else 0
        for path in lesson_build.write_lessons():
            print(f"wrote lessons/{path.name}")
        return 0

    if args.command == "export-nbgrader":
        from course.nbgrader import export

        for path in export(args.out):
            print(f"wrote {path}")
        return 0

    from course.refresh import RefreshError, solution_paths
    from course.refresh import refresh as refresh_one

    for path in solution_paths(args.notebooks):
        print(f"refreshing {path.name} ...", end=" ", flush=True)
        try:
            print(f"{refresh_one(path):.1f} s")
        except RefreshError as error:  # the notebook file is left as it was
            print(f"FAILED\n{error}\nFix the cell (or tag it raises-exception if the error is the lesson).")
            return 1
    print("Now run `make lessons` if you changed a solution, and `make test`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
