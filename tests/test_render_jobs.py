"""Rendering a large course in several processes gives the same pages, in the same order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from lessonkit import forked, render
from lessonkit import model as m
from lessonkit.pipeline import generate
from lessonkit.synthetic import write_course


@pytest.fixture(scope="module")
def course_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("course")
    write_course(root / "content", 60, seed=3)  # 122 pages; MIN_SHARED_PAGES is lowered
    return root


@pytest.fixture(scope="module")
def course(course_root: Path) -> m.Course:
    result = generate(course_root)
    assert result.ok and result.course is not None
    return result.course


# Run in a process of its own: the test session may have threads running (the browser
# tests' local server), and render_course never forks a process that has.
_SHARED_OUT = """
import json, os, sys
from pathlib import Path
from lessonkit import render
from lessonkit.pipeline import generate
course = generate(Path(sys.argv[1])).course
render.MIN_SHARED_PAGES = 0
alone = render.render_course(course)
real = render._render
render._render = lambda *a: f"{real(*a)}\\n{os.getpid()}"
shared = render.render_course(course, jobs=3)
render._render = real
pids = {text.rsplit("\\n", 1)[1] for text in shared.values()}
print(json.dumps({
    "pages": len(alone),
    "same_order": list(shared) == list(alone),
    "same_pages": {p: t.rsplit("\\n", 1)[0] for p, t in shared.items()} == alone,
    "processes": len(pids),
    "this_one_too": str(os.getpid()) in pids,
}))
"""


def test_pages_are_the_same_when_shared_out_over_processes(course_root: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SHARED_OUT, str(course_root)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    found = json.loads(done.stdout)
    assert found == {**found, "same_order": True, "same_pages": True}
    assert found["processes"] == 3 and found["this_one_too"]


def _pid_of_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    real = render._render
    monkeypatch.setattr(render, "_render", lambda *a: f"{real(*a)}\n{os.getpid()}")


def test_a_process_with_threads_renders_alone(
    course: m.Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As under mkdocs serve, whose server thread may hold a lock when a fork happens."""
    monkeypatch.setattr(render, "MIN_SHARED_PAGES", 0)
    _pid_of_renderer(monkeypatch)
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        pages = render.render_course(course, jobs=2)
    finally:
        stop.set()
        server.join()
    assert {text.rsplit("\n", 1)[1] for text in pages.values()} == {str(os.getpid())}


def test_a_small_course_renders_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_course(tmp_path / "content", 5)
    small = generate(tmp_path).course
    assert small is not None
    _pid_of_renderer(monkeypatch)
    pages = render.render_course(small, jobs=2)
    assert {text.rsplit("\n", 1)[1] for text in pages.values()} == {str(os.getpid())}


def test_parts_weigh_about_the_same(course: m.Course) -> None:
    plan = render._plan(course)
    first, second = forked.parts(render._weights(plan), 2)
    workbook = next(i for i, page in enumerate(plan) if page.path == render.PATHS.workbook)
    with_workbook, other = (first, second) if workbook in first else (second, first)
    lesson_pages = sum(page.path.startswith("lessons/") for page in plan)
    # the workbook counts as every lesson and quiz page; the rest fill the other part
    assert len(other) >= lesson_pages
    assert len(with_workbook) + len(other) == len(plan)
    assert sorted(first + second) == list(range(len(plan)))
