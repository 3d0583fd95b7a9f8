"""Lessons opened on a hosted notebook service (Google Colab, Kaggle), from the learner repository.

The learner bundle (`make release`), pushed to GitHub, is the repository such a service opens a
notebook from and the package that notebook installs the course from. Both come from here, once:

- the links that open one of its notebooks (`Repository.links`, `launch_line`): in each lesson's banner,
  on the start page and in the learner README (`instructor.release`), and on the website (`instructor.site`);
- the code cell that installs the course in a notebook opened alone (`install_cell`), which the
  release puts before each notebook's first code cell.

    Colab   https://colab.research.google.com/github/OWNER/NAME/blob/BRANCH/lessons/NN_slug.ipynb
    Kaggle  https://kaggle.com/kernels/welcome?src=https://github.com/OWNER/NAME/blob/BRANCH/lessons/NN_slug.ipynb
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from course.paths import LESSONS, ROOT

COLAB = "https://colab.research.google.com/github"
KAGGLE = "https://kaggle.com/kernels/welcome?src="
# What a hosted runtime must get beyond the course itself, at the versions requirements.txt pins: Keras,
# because the lessons teach 3.15's behaviour, and anywidget, which the widgets need and the runtimes may
# lack. TensorFlow, NumPy, scikit-learn, matplotlib and ipywidgets are the runtime's own: pinning them
# would replace a preinstalled TensorFlow (a large download and a restart) for no lesson's sake.
HOSTED_PINS = ("keras", "anywidget")


class RepositoryError(ValueError):
    """A learner repository that Colab and Kaggle cannot open notebooks from."""


@dataclass(frozen=True)
class Repository:
    """The learner repository on GitHub (Colab and Kaggle open notebooks from GitHub only)."""

    owner: str
    name: str
    branch: str = "main"

    @classmethod
    def parse(cls, url: str, branch: str = "main") -> Repository:
        found = re.fullmatch(r"https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?", url.strip())
        if found is None:
            raise RepositoryError(f"{url!r}: Colab and Kaggle open notebooks from GitHub; "
                                  "give the learner repository as https://github.com/OWNER/NAME")
        return cls(found.group(1), found.group(2), branch)

    @property
    def url(self) -> str:
        return f"https://github.com/{self.owner}/{self.name}"

    @property
    def requirement(self) -> str:
        """What pip installs the course from: this branch, so the runtime matches its lessons."""
        return f"git+{self.url}@{self.branch}"

    def blob(self, notebook: str) -> str:
        """The notebook's page on GitHub (`notebook` is a file name in lessons/)."""
        return f"{self.url}/blob/{self.branch}/{LESSONS.name}/{notebook}"

    def colab(self, notebook: str) -> str:
        return f"{COLAB}/{self.owner}/{self.name}/blob/{self.branch}/{LESSONS.name}/{notebook}"

    def kaggle(self, notebook: str) -> str:
        return KAGGLE + self.blob(notebook)

    def links(self, notebook: str) -> str:
        """The Markdown that opens a notebook of lessons/ on either service."""
        return f"[Open in Colab]({self.colab(notebook)}) · [Open in Kaggle]({self.kaggle(notebook)})"


def launch_line(notebook: str, repository: Repository | None) -> str:
    """A notebook's first line (its banner, its website page): the links, and what happens there. "" without
    a learner repository: no link is better than a broken one."""
    if repository is None:
        return ""
    return (f"> {repository.links(notebook)}: opened there, the first code cell installs the course and says "
            "whether the session must restart.")


def pins(names: tuple[str, ...] = HOSTED_PINS) -> list[str]:
    """The requirement lines of `names` in requirements.txt (`keras~=3.15.0`), without their comments."""
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    lines = [line.split("#")[0].strip() for line in text.splitlines()]
    found = {re.split(r"[\[<>=~! ]", line)[0].lower(): line for line in lines if line}
    missing = [name for name in names if name not in found]
    if missing:
        raise ValueError(f"requirements.txt pins no {', '.join(missing)}")
    return [found[name] for name in names]


INSTALL = '''\
# Opened alone (Colab, Kaggle)? This cell installs the course first. Where it is installed already
# (`make lab`, Binder, a hub) it does nothing.
try:
    import course  # noqa: F401
except ModuleNotFoundError:
    import importlib
    import subprocess
    import sys
    from importlib import metadata

    def versions():
        return {{dist.metadata["Name"]: dist.version for dist in metadata.distributions()}}

    before = versions()
    packages = [
{packages}
    ]
    if subprocess.run([sys.executable, "-m", "pip", "install", "-q", *packages]).returncode:
        raise RuntimeError("pip could not install the course (on Kaggle, switch Internet on in the settings)")
    importlib.invalidate_caches()
    changed = {{name for name, version in versions().items() if before.get(name) != version}}
    loaded = sorted(module for module, names in metadata.packages_distributions().items()
                    if module in sys.modules and changed.intersection(names))
    if loaded:
        print(f"Installed the course, but {{', '.join(loaded)}} changed after it was imported: restart the "
              "session (Colab: Runtime › Restart session), then run the notebook from the top.")
    else:
        print("Installed the course: no restart needed, run the next cells.")'''


def install_cell(repository: Repository) -> str:
    """The source of the cell that installs the course where `import course` fails.

    Silent where the course imports (so nbval and `validate` see no output); otherwise it installs the
    course from the learner repository with the pinned packages, then says whether the session must be
    restarted: a module imported before pip changed its distribution (Colab's Keras, or NumPy pulled up
    by Keras) keeps its old version until then."""
    packages = "\n".join(f'        "{requirement}",' for requirement in [repository.requirement, *pins()])
    return INSTALL.format(packages=packages)
