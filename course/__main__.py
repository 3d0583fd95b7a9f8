"""`python -m course COMMAND`: the learner's command, and the instructor kit's where it is installed.

    python -m course validate NOTEBOOK ...    restart and run all, then every exercise's public checks

The instructor checkout adds `build`, `refresh`, `release`, `grade`, `export`, `gradescope`,
`export-nbgrader` and `expectations` through the `course.commands` entry points of its `pyproject.toml`; the learner
bundle has none of them, so this module never names the instructor's code.
"""

from __future__ import annotations

import sys
from importlib.metadata import entry_points
from typing import Callable

LEARNER_COMMANDS = {"validate": "course.validate:main"}


def commands() -> dict[str, str]:
    """Every command this installation has: the learner's, plus any the instructor kit registers."""
    found = {ep.name: ep.value for ep in entry_points(group="course.commands")}
    return {**found, **LEARNER_COMMANDS}


def load(target: str) -> Callable[[list[str]], int]:
    module, _, function = target.partition(":")
    return getattr(__import__(module, fromlist=[function]), function)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    available = commands()
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        print("\ncommands here: " + ", ".join(sorted(available)))
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command not in available:
        print(f"python -m course: no command {command!r} here; commands: {', '.join(sorted(available))}.",
              file=sys.stderr)
        if command in {"build", "refresh", "release", "grade", "export", "gradescope", "export-nbgrader",
                       "expectations"}:
            print(f"`{command}` belongs to the instructor kit: run it in the instructor's checkout of the course.",
                  file=sys.stderr)
        return 2
    try:
        run = load(available[command])
    except ImportError as error:  # an entry point left behind by an instructor install elsewhere
        print(f"python -m course {command}: the instructor kit is not here ({error}).", file=sys.stderr)
        return 2
    return run(rest)


if __name__ == "__main__":
    sys.exit(main())
