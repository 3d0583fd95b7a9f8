"""The instructor kit's commands, reached as `python -m course COMMAND`.

The one list of them is the `course.commands` entry points in pyproject.toml: `python -m course --help`
prints it, and the learner's `python -m course` knows nothing else of the kit. Each command's own
`--help` says what it does.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Callable

from course.settings import TEST_ENV


def _parser(command: str, description: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog=f"python -m course {command}", description=description)


def _check_or_write(check: bool, stale: Callable[[], list[str]], write: Callable[[], list[Path]],
                    name: Callable[[Path], str], hint: str) -> int:
    """Generated files: with --check, name the stale ones and exit 1; otherwise rewrite them."""
    if check:
        problems = stale()
        for problem in problems:
            print(f"stale: {problem}")
        if problems:
            print(hint)
        return 1 if problems else 0
    for path in write():
        print(f"wrote {name(path)}")
    return 0


def build(argv: list[str]) -> int:
    from instructor import build as lesson_build

    parser = _parser("build", "write the exercise cells of solutions/ from the registry, and lessons/ from "
                              "solutions/ (make lessons)")
    parser.add_argument("--check", action="store_true", help="only report stale files; exit 1 if any")
    args = parser.parse_args(argv)
    return _check_or_write(args.check, lesson_build.stale_lessons, lesson_build.write_lessons,
                           lambda path: f"{path.parent.name}/{path.name}", f"out of date: {lesson_build.REBUILD_HINT}")


def refresh(argv: list[str]) -> int:
    from instructor.refresh import RefreshError, solution_paths
    from instructor.refresh import refresh as refresh_one

    parser = _parser("refresh", "re-execute solutions to store their outputs (make outputs)")
    parser.add_argument("notebooks", nargs="*", help="solution notebooks (default: all)")
    args = parser.parse_args(argv)
    for path in solution_paths(args.notebooks):
        print(f"refreshing {path.name} ...", end=" ", flush=True)
        try:
            print(f"{refresh_one(path):.1f} s")
        except RefreshError as error:  # the notebook file is left as it was
            print(f"FAILED\n{error}\nFix the cell (or tag it raises-exception if the error is the lesson).")
            return 1
    print("Now run `make lessons` if you changed a solution, and `make test`.")
    return 0


def expectations(argv: list[str]) -> int:
    parser = _parser("expectations", "rewrite course/exercises/data/ from the reference implementations")
    parser.add_argument("--check", action="store_true", help="only report stale files; exit 1 if any")
    args = parser.parse_args(argv)
    os.environ.update(TEST_ENV)  # the kernels' numerics and quiet logs, before TensorFlow loads
    from course.session import quiet_logging
    from instructor import expectations as data

    quiet_logging()
    return _check_or_write(args.check, data.stale, data.write, str,
                           "run `python -m course expectations` and commit course/exercises/data/")


def release(argv: list[str]) -> int:
    from instructor.hosted import Repository, RepositoryError
    from instructor.release import ReleaseError, write_bundle

    parser = _parser("release", "write the learner bundle: lessons, learner runtime, widgets, no answers")
    parser.add_argument("out", type=Path, help="an empty or new folder")
    parser.add_argument("--zip", action="store_true", help="also write OUT.zip")
    parser.add_argument("--repository", default=None, metavar="URL",
                        help="the GitHub repository the bundle will be pushed to (https://github.com/OWNER/NAME): "
                             "its notebooks and README then open on Colab and Kaggle from there")
    parser.add_argument("--branch", default="main", help="that repository's branch (default: main)")
    args = parser.parse_args(argv)
    try:
        repository = Repository.parse(args.repository, args.branch) if args.repository else None
        files = write_bundle(args.out, zip_too=args.zip, repository=repository)
    except (ReleaseError, RepositoryError) as error:
        parser.error(str(error))
    print(f"Wrote the learner bundle to {args.out}/ ({len(files)} files). Hand it out as it is: see the README.")
    return 0


def export_nbgrader(argv: list[str]) -> int:
    from instructor.nbgrader import export

    parser = _parser("export-nbgrader", "write an nbgrader source/ folder from solutions/")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    for path in export(args.out):
        print(f"wrote {path}")
    return 0


def evidence(argv: list[str]) -> int:
    parser = _parser("evidence", "re-run the evidence studies behind the lessons' numbers and write "
                                 "instructor/evidence/tables/NAME.json (make evidence)")
    parser.add_argument("names", nargs="*", metavar="NAME", help="studies to run (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="re-run and compare with the committed tables; exit 1 naming any that differs")
    parser.add_argument("--cheap", action="store_true", help="only the studies marked cheap (what CI re-runs)")
    parser.add_argument("--list", action="store_true", help="list the studies and stop")
    args = parser.parse_args(argv)
    from instructor import evidence as registry

    known = registry.studies()
    unknown = [name for name in args.names if name not in known]
    if unknown:
        parser.error(f"no study {', '.join(unknown)}; studies: {', '.join(known)}")
    chosen = [known[name] for name in (args.names or known) if known[name].cheap or not args.cheap]
    if args.list:
        for found in known.values():
            print(f"{found.name}  lesson {found.lesson}  {'cheap' if found.cheap else 'long'}")
        return 0
    os.environ.update(TEST_ENV)  # the kernels' numerics (one thread per op), before TensorFlow loads
    import time

    from course.session import import_keras, quiet_logging

    keras = import_keras()  # quietly, before anything else imports TensorFlow
    import tensorflow as tf

    quiet_logging()
    tf.config.experimental.enable_op_determinism()
    failed = []
    for found in chosen:
        print(f"{found.name} ...", end=" ", flush=True)
        keras.backend.clear_session()
        start = time.perf_counter()
        table = registry.table_of(found, found.run())
        seconds = time.perf_counter() - start
        if not args.check:
            registry.write_table(found, table)
            shown = found.path.relative_to(Path.cwd()) if found.path.is_relative_to(Path.cwd()) else found.path
            print(f"{seconds:.0f} s, wrote {shown}")
            continue
        if not found.path.exists():
            problems = ["no committed table"]
        else:
            problems = registry.differences(registry.read_table(found.name), table, found.tolerance)
        print(f"{seconds:.0f} s, {'does NOT reproduce' if problems else 'reproduces'}")
        for problem in problems:
            print(f"  {problem}")
        if problems:
            failed.append(found.name)
    if failed:
        print(f"not reproduced: {', '.join(failed)}. Run `python -m course evidence {' '.join(failed)}`, "
              "then make the prose state what the new table holds (make test checks the bound claims).")
    return 1 if failed else 0
