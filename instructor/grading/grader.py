"""The trusted side of grading: inputs, one worker per submission, and the checks.

No submission code ever runs in this process. It builds the grading inputs once per run, gives
each worker a private copy (so a submission cannot alter another's), runs the worker under a
wall-clock limit (killing its whole process group when time is up), then loads the artifacts
with Keras safe mode and runs the grading checks here.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course.checks.model import CheckOutcome, Collected, Exercise
from course.checks.registry import load_all
from course.checks.runner import run_check
from course.notebooks import lesson_number, lesson_of_cells
from instructor.grading.artifacts import READY, load_values, save_inputs, write_specs
from instructor.grading.intake import Task, lesson_stem
from instructor.grading.provenance import course_version, keras_backend, now
from instructor.grading.worker import DEFAULT_CELL_TIMEOUT


@dataclass
class CheckResult:
    name: str
    points: float
    max_points: float
    passed: bool
    message: str | None  # what failed, or a passed check's note (hidden checks: the instructor's only)
    hidden: bool


@dataclass
class ExerciseResult:
    id: str
    title: str
    points: float
    max_points: float
    checks: list[CheckResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class SubmissionResult:
    submission: str  # the row's key, `<learner>__<lesson>`: re-grading a learner replaces their row
    path: str
    status: str  # graded, misnamed (found X), not submitted, not a notebook, wrong lesson, unknown lesson, error
    reason: str = ""
    lesson: str = ""  # "02_shapes_and_building"
    score: float = 0.0
    max_score: float = 0.0  # the lesson's maximum, whatever happened (percentages and LMS imports need it)
    seconds: float = 0.0
    exercises: list[ExerciseResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    learner: str = ""
    name: str = ""  # from the roster
    on_roster: bool = True
    extension_days: float = 0.0  # from the roster: moves this learner's due date
    submitted_at: str = ""  # the file's modification time (UTC, ISO)
    graded_at: str = ""
    course_version: str = ""
    backend: str = ""  # the Keras backend the notebook ran and was checked on
    file_sha256: str = ""
    answer_hashes: dict[str, str] = field(default_factory=dict)

    @property
    def scored(self) -> bool:
        """Whether the notebook was run and checked (its points mean something)."""
        return self.status == "graded" or self.status.startswith("misnamed")


class WorkerProcess:
    """A long-lived worker (saves a Python start and imports per submission); killed when a
    submission runs out of time, retired after `MAX_TASKS` to bound its own CPU-time use."""

    MAX_TASKS = 20

    def __init__(self, command: list[str], log: Path | None) -> None:
        self.log = log.open("a") if log else None
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.log or subprocess.DEVNULL, text=True, start_new_session=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.tasks = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.strip())
        self.lines.put(None)  # the worker ended

    def run(self, submission: Path, work: Path, timeout: float, lesson: str = "") -> str | None:
        """Run one task; return why it failed (the worker is then dead), or None."""
        self.tasks += 1
        try:
            task = {"submission": str(submission), "work": str(work), "lesson": lesson}
            self.process.stdin.write(json.dumps(task) + "\n")
            self.process.stdin.flush()
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            return "timeout"
        except OSError:
            line = None
        if line != "done":
            self.kill()
            return f"the grading worker ended with code {self.process.poll()}"
        return None

    @property
    def usable(self) -> bool:
        return self.process.poll() is None and self.tasks < self.MAX_TASKS

    def kill(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)  # the worker, its kernel and their children
            except ProcessLookupError:
                pass
        self.process.wait()
        if self.log:
            self.log.close()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        self.kill()


def lesson_of(path: Path) -> str:
    """"01" for a submission of lesson 01: from its exercise cells, else its file name ("" if unknown).

    Plain JSON, no nbformat: the worker does the real reading and reports what is wrong with a file.
    """
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        found = lesson_of_cells(c for c in cells if isinstance(c, dict))
        if found:
            return found
    except (OSError, ValueError, AttributeError):
        pass
    return lesson_number(path)


def run_grading_checks(exercise: Exercise, collected: Collected) -> list[CheckOutcome]:
    """The graded checks of one exercise on what its answer produced (one outcome per check)."""
    return [run_check(check, collected) for check in exercise.graded_checks]


def result_from_json(data: dict[str, Any]) -> SubmissionResult:
    exercises = [ExerciseResult(**{**e, "checks": [CheckResult(**c) for c in e["checks"]]})
                 for e in data.get("exercises", [])]
    return SubmissionResult(**{**data, "exercises": exercises})


class Grader:
    def __init__(self, timeout: float = 600, cell_timeout: float = DEFAULT_CELL_TIMEOUT,
                 memory_gb: float = 6.0, logs: Path | None = None) -> None:
        self.timeout, self.cell_timeout, self.memory_gb, self.logs = timeout, cell_timeout, memory_gb, logs
        self.exercises = load_all(graded=True)
        self._inputs_dir = Path(tempfile.mkdtemp(prefix="kt-inputs-"))
        write_specs(self.exercises, self._inputs_dir / "exercises.json")
        self._inputs: dict[str, dict[str, Any]] = {}
        self._idle: queue.Queue[WorkerProcess] = queue.Queue()
        self._workers_started = 0
        self._lock = threading.Lock()
        self._checking = threading.Lock()  # checks seed Keras globally: one submission at a time
        # Import Keras while the first notebooks start running; checking needs it.
        threading.Thread(target=self._import_keras, daemon=True).start()

    def _import_keras(self) -> None:
        with self._lock:
            from course.session import quiet_logging

            quiet_logging()

    def inputs(self, lesson: str) -> dict[str, dict[str, Any]]:
        """The grading inputs of one lesson's exercises ("01"), built once: live objects here,
        files in the shared folder that each worker gets a copy of."""
        with self._lock:
            for eid, exercise in self.exercises.items():
                if eid.startswith(f"{lesson}.") and eid not in self._inputs:
                    self._inputs[eid] = save_inputs(exercise, self._inputs_dir / "inputs")
            return {eid: built for eid, built in self._inputs.items() if eid.startswith(f"{lesson}.")}

    def close(self) -> None:
        while not self._idle.empty():
            self._idle.get().close()
        shutil.rmtree(self._inputs_dir, ignore_errors=True)

    def _worker(self) -> WorkerProcess:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            with self._lock:
                self._workers_started += 1
                number = self._workers_started
            command = [sys.executable, "-m", "instructor.grading.worker", "--cell-timeout", str(self.cell_timeout),
                       "--memory-gb", str(self.memory_gb), "--cpu-seconds", str(int(self.timeout * 2))]
            return WorkerProcess(command, self.logs / f"worker-{number}.log" if self.logs else None)

    def max_score(self, lesson: str) -> float:
        """The lesson's maximum ("02"): every row of that lesson has it, graded or not."""
        return float(sum(e.points for eid, e in self.exercises.items() if eid.startswith(f"{lesson}.")))

    def _run_worker(self, path: Path, work: Path, lesson: str) -> str | None:
        """Run the submission; return why it could not finish, or None."""
        worker = self._worker()
        # The inputs are built (once per lesson) and copied while the worker starts the kernel.
        done: list[str | None] = []
        runner = threading.Thread(target=lambda: done.append(worker.run(path, work, self.timeout, lesson)))
        runner.start()
        self.inputs(lesson or lesson_of(path))
        if (self._inputs_dir / "inputs").is_dir():
            shutil.copytree(self._inputs_dir / "inputs", work / "inputs", dirs_exist_ok=True)
        (work / "inputs").mkdir(exist_ok=True)
        (work / "inputs" / READY).touch()
        runner.join()
        problem = done[0]
        if problem is None and worker.usable:
            self._idle.put(worker)
        elif problem is None:
            worker.close()
        if problem == "timeout":
            return f"stopped after the {self.timeout:g} s limit for one notebook"
        if problem or not (work / "run.json").exists():
            where = " (see logs/worker-*.log)" if self.logs else ""
            return (problem or "the grading worker wrote no result") + where
        return None

    def grade(self, task: Task, keep: Path | None = None) -> SubmissionResult:
        """Grade one intake task (a task intake already settled only gets its row). `keep`: a folder
        for the executed notebook and the log (`<keep>/<lesson>.ipynb`, `.log`), kept for audits."""
        start = time.perf_counter()
        result = SubmissionResult(task.key, str(task.path or ""), task.status, task.reason,
                                  lesson=lesson_stem(task.lesson), notes=list(task.notes), learner=task.learner,
                                  on_roster=task.on_roster, submitted_at=task.submitted_at, graded_at=now(),
                                  course_version=course_version(), backend=keras_backend(),
                                  file_sha256=task.file_sha256,
                                  answer_hashes=dict(task.answer_hashes), max_score=self.max_score(task.lesson))
        log = [f"{result.graded_at} grading {task.path or '(no file)'} for {task.learner}, lesson "
               f"{task.lesson or '?'}; course {result.course_version}; Keras backend {result.backend}",
               f"intake: {task.status}{': ' + task.reason if task.reason else ''}"]
        log += [f"intake: {note}" for note in task.notes]
        if task.runnable:
            with tempfile.TemporaryDirectory(prefix="kt-grade-") as tmp:
                work = Path(tmp)
                shutil.copy(self._inputs_dir / "exercises.json", work / "exercises.json")
                problem = self._run_worker(task.path, work, task.lesson)
                if problem:
                    result.status, result.reason = "error", problem
                else:
                    record = json.loads((work / "run.json").read_text())
                    if record["status"] != "ran":
                        result.status, result.reason = "error", record["reason"]
                    else:
                        result.lesson, result.notes = record["lesson"], result.notes + record["run_notes"]
                        inputs = self.inputs(record["lesson"][:2])
                        with self._checking:
                            result.exercises = [self.check(eid, work / "artifacts", inputs[eid],
                                                           record["notes"].get(eid, []))
                                                for eid in record["exercises"]]
                self._keep(work, keep, task, log)
        result.score = sum(e.points for e in result.exercises)
        result.seconds = round(time.perf_counter() - start, 1)
        if keep is not None:
            log.append(f"result: {result.status} {result.score:g}/{result.max_score:g} in {result.seconds:g} s"
                       + (f": {result.reason}" if result.reason and result.status == "error" else ""))
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"{result.lesson or 'unknown'}.log").write_text("\n".join(log) + "\n", encoding="utf-8")
        return result

    @staticmethod
    def _keep(work: Path, keep: Path | None, task: Task, log: list[str]) -> None:
        """Save what the worker left for an audit: the executed notebook (or a traceback), its log."""
        if keep is None:
            return
        keep.mkdir(parents=True, exist_ok=True)
        stem = lesson_stem(task.lesson) or "unknown"
        for name, target in (("executed.ipynb", f"{stem}.ipynb"), ("traceback.txt", f"{stem}.traceback.txt")):
            if (work / name).exists():
                shutil.copy(work / name, keep / target)
        if (work / "run.log").exists():
            log += (work / "run.log").read_text().splitlines()

    def check(self, exercise_id: str, artifacts: Path, inputs: dict[str, Any], notes: list[str]) -> ExerciseResult:
        exercise = self.exercises[exercise_id]
        graded = ExerciseResult(exercise_id, exercise.title, 0.0, float(exercise.points), notes=list(notes))
        with warnings.catch_warnings():  # Keras's loading and training chatter is not the instructor's business
            warnings.simplefilter("ignore")
            outcomes = run_grading_checks(exercise, Collected(exercise.cases, load_values(exercise, artifacts), inputs))
        for check, outcome in zip(exercise.graded_checks, outcomes):
            if outcome.passed:  # what an outcome check measured, shown with the grade
                message = outcome.message or None
            else:
                message = (outcome.message + (f": {outcome.raw}" if outcome.raw else "")
                           + (f" (hint: {outcome.hint})" if outcome.hint else ""))
            graded.checks.append(CheckResult(check.description, float(check.points) if outcome.passed else 0.0,
                                             float(check.points), outcome.passed, message, check.hidden))
        graded.points = sum(c.points for c in graded.checks)
        return graded
