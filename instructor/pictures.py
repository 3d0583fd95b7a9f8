"""The README's pictures, made from the real thing and saved as small PNGs in `.github/readme/`.

    python -m instructor.pictures        # make pictures

- `architecture.png`: `widgets.compare` on lesson 01's Sequential and functional digits models;
- `curves.png`: both models trained under one seed, `widgets.plot_history` (the curves coincide);
- `feedback.png`: the grader's feedback page for a copy of lesson 01 with one wrong answer, as
  Chromium shows it (needs Debian's `chromium`, as the browser tests do).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from course.paths import ROOT, SOLUTIONS
from course.settings import KERNEL_ENV

FOLDER = ROOT / ".github" / "readme"
DPI = 72  # small files: the README shows them at about 700 px wide
WRONG_ANSWER = '''def build_stack(hidden_sizes):
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(10, activation="softmax")])'''


def digits_models():
    import keras
    from keras import layers

    def sequential():
        return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(64, activation="relu", name="hidden"),
                                 layers.Dense(10, activation="softmax", name="digit")], name="seq")

    def functional():
        inputs = keras.Input(shape=(64,), name="pixels")
        hidden = layers.Dense(64, activation="relu", name="hidden")(inputs)
        return keras.Model(inputs, layers.Dense(10, activation="softmax", name="digit")(hidden), name="func")

    return sequential, functional


def architecture_and_curves(folder: Path) -> list[Path]:
    import keras

    import course
    import widgets

    course.setup(seed=0)
    (x_train, y_train), _ = course.data.load_digits()
    histories, models = {}, {}
    for label, build in zip(("Sequential", "functional"), digits_models()):
        keras.utils.set_random_seed(0)
        model = models[label] = build()
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        histories[label] = model.fit(x_train, y_train, epochs=15, batch_size=32, validation_split=0.2,
                                     verbose=0)
    paths = [folder / "architecture.png", folder / "curves.png"]
    widgets.compare(models["Sequential"], models["functional"]).figure.savefig(paths[0], dpi=DPI,
                                                                                bbox_inches="tight")
    widgets.plot_history(histories, metrics=("loss", "accuracy")).savefig(paths[1], dpi=DPI, bbox_inches="tight")
    return paths


def feedback(folder: Path, chromium: str) -> Path:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="kt-pictures-"))
    try:
        nb = nbformat.read(SOLUTIONS / "01_two_ways.ipynb", as_version=4)
        for cell in nb.cells:
            if cell.metadata.get("course", {}).get("id") == "01.2":
                cell.source = WRONG_ANSWER
        submission = work / "alice" / "01_two_ways.ipynb"
        submission.parent.mkdir()
        nbformat.write(nb, submission)
        subprocess.run([sys.executable, "-m", "course", "grade", str(submission), "--out", str(work / "graded")],
                       check=True, capture_output=True)
        page_file = next((work / "graded" / "feedback").glob("*.html"))
        path = folder / "feedback.png"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 820, "height": 640})
            page.goto(page_file.as_uri())
            page.screenshot(path=str(path), full_page=False)
            browser.close()
        return path
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    if argv:
        raise SystemExit("python -m course pictures takes no arguments")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("the feedback picture needs Chromium: run `apt-get install chromium` and retry")
    for name, value in KERNEL_ENV.items():  # before TensorFlow loads: no C++ log lines
        os.environ.setdefault(name, value)
    FOLDER.mkdir(parents=True, exist_ok=True)
    for path in [*architecture_and_curves(FOLDER), feedback(FOLDER, chromium)]:
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
