"""Parsing a large course's files in several processes gives the same course and problems."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lessonkit import load
from lessonkit.synthetic import lesson_file, write_course

# Run in a process of its own: the test session may have threads running (the browser
# tests' local server), and nothing forks a process that has. Each file's entry notes the
# process that parsed it, and the parse cache keeps the entries.
_SHARED_OUT = """
import json, os, sys
from pathlib import Path
from lessonkit import load
from lessonkit.parsecache import ParseCache
content, cache = Path(sys.argv[1]), Path(sys.argv[2])
real = load._entry
def noted(*args):
    entry = real(*args)
    entry.pid = os.getpid()
    return entry
load._entry = noted
load.MIN_SHARED_BYTES = 0
alone = load.load_course(content, jobs=1)
shared = load.load_course(content, cache=cache, jobs=3)
pids = {entry.pid for entry in ParseCache.open(cache).entries.values()}
print(json.dumps({
    "same_course": shared.course == alone.course,
    "same_problems": [str(p) for p in shared.problems] == [str(p) for p in alone.problems],
    "same_marks": shared.marks == alone.marks,
    "problems": [str(p) for p in alone.problems],
    "processes": len(pids),
    "this_one_too": os.getpid() in pids,
}))
"""


def _shared_out(content: Path, cache: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _SHARED_OUT, str(content), str(cache)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return json.loads(done.stdout)


def test_files_parsed_in_several_processes_make_the_same_course(tmp_path: Path) -> None:
    content = write_course(tmp_path / "content", 12, seed=5)
    found = _shared_out(content, tmp_path / "cache")
    assert found["same_course"] and found["same_marks"] and found["same_problems"]
    assert found["processes"] == 3 and found["this_one_too"]


def test_problems_are_the_same_and_in_order_when_shared_out(tmp_path: Path) -> None:
    content = write_course(tmp_path / "content", 12, seed=5)
    for number, bad in ((3, "title: [unclosed\n"), (9, "minutes: many\n")):
        path = lesson_file(content, number)
        path.write_text(path.read_text("utf-8") + bad, "utf-8")
    found = _shared_out(content, tmp_path / "cache")
    assert found["same_problems"] and found["processes"] == 3
    assert len(found["problems"]) >= 2
    assert any(lesson_file(content, 3).name in p for p in found["problems"])
    assert any(lesson_file(content, 9).name in p for p in found["problems"])


def test_a_small_course_is_parsed_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = write_course(tmp_path / "content", 3)
    assert sum(p.stat().st_size for p in content.rglob("*.yml")) < load.MIN_SHARED_BYTES
    real, asked = load.share_out, []

    def spy(work, weights, jobs):  # type: ignore[no-untyped-def]
        asked.append(jobs)
        return real(work, weights, jobs)

    monkeypatch.setattr(load, "share_out", spy)
    assert load.load_course(content, jobs=2).course is not None
    assert asked == [1]
