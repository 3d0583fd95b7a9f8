"""The README's pictures exist, are small, and are the ones `make pictures` writes."""

import re

from course.bootstrap import ROOT
from instructor import pictures

README = (ROOT / "README.md").read_text()


def test_readme_pictures_exist_and_are_small():
    shown = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", README)
    assert {name.rsplit("/", 1)[-1] for name in shown} == {"architecture.png", "curves.png", "feedback.png"}
    for name in shown:
        path = ROOT / name
        assert path.parent == pictures.FOLDER, f"{name}: README pictures live in .github/readme/"
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size < 150_000, name
