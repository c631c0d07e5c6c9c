"""Synthetic courses, the navigation at scale, and a smoke run of benchmarks/bench.py.

No timing is asserted here: the benchmark runs at its smallest size so that it cannot rot,
and its JSON is checked for shape and for what a rebuild rewrote (a behaviour).
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.synthetic import course_files, edit_lesson, write_course
from lessonkit import model as m
from lessonkit.pipeline import generate
from lessonkit.render import PATHS, nav

ROOT = Path(__file__).resolve().parents[1]


def _course(tmp_path: Path, lessons: int) -> m.Course:
    write_course(tmp_path / "content", lessons)
    result = generate(tmp_path)
    assert result.course is not None
    return result.course


@pytest.mark.parametrize("lessons", [1, 8, 25])
def test_synthetic_course_validates_with_no_problems(tmp_path: Path, lessons: int) -> None:
    write_course(tmp_path / "content", lessons)
    result = generate(tmp_path)
    assert result.ok
    assert [str(p) for p in result.problems] == []
    assert result.course is not None and len(result.course.lessons) == lessons


def test_synthetic_course_has_the_shape_of_a_real_one(tmp_path: Path) -> None:
    course = _course(tmp_path, 6)
    for lesson in course.lessons:
        assert 4 <= len(lesson.sections) <= 6
        assert lesson.reflections and lesson.objectives and lesson.takeaways
        assert lesson.quiz is not None and len(lesson.quiz.questions) == 6
        assert {q.type for q in lesson.quiz.questions} == {"single", "multiple", "true-false"}
        assert "[[" in "".join(s.body for s in lesson.sections)  # glossary terms in the text
        assert {s.kind for s in lesson.sections} >= {"text", "example"}
    assert course.glossary and course.review and course.source
    assert course.self_check is not None
    assert len(course.self_check.subscales) >= 2 and len(course.self_check.bands) == 3


def _shape(course: m.Course) -> dict[str, float]:
    lessons = course.lessons
    return {
        "sections": sum(len(x.sections) for x in lessons) / len(lessons),
        "words": sum(len(s.body.split()) for x in lessons for s in x.sections) / len(lessons),
        "questions": sum(len(x.quiz.questions) for x in lessons if x.quiz) / len(lessons),
    }


# A lesson of the bundled course, on average, when the synthetic courses were last checked
# against it. Fixed figures rather than read from content/: an author who replaces the
# course should not see this test fail, and the figures in benchmarks/results.md stay
# comparable from one course to the next.
REAL_LESSON = {"sections": 5.25, "words": 469, "questions": 6}


def test_synthetic_lessons_weigh_about_what_a_real_one_does(tmp_path: Path) -> None:
    """The benchmarks stand for a real course only while a synthetic lesson is as long as a
    real one: no lighter (flattering numbers), and not much heavier."""
    synthetic = _shape(_course(tmp_path, 40))
    for key, value in synthetic.items():
        real = REAL_LESSON[key]
        assert 0.9 * real <= value <= 1.3 * real, (key, value, real)


def test_synthetic_courses_are_reproducible() -> None:
    assert course_files(4, seed=3) == course_files(4, seed=3)
    assert course_files(4, seed=3) != course_files(4, seed=4)


def test_edit_lesson_changes_one_file(tmp_path: Path) -> None:
    content = write_course(tmp_path / "content", 3)
    before = {p: p.read_text() for p in content.rglob("*.yml")}
    marker = edit_lesson(content, 2, "title")
    changed = [p for p in before if p.read_text() != before[p]]
    assert [p.name[:4] for p in changed] == ["0002"]
    assert marker in changed[0].read_text()


def _levels(entries: list[Any], depth: int = 0) -> list[tuple[int, int]]:
    """(depth, entry count) of every lesson group in a nav, depth first."""
    out = [(depth, len(entries))]
    for entry in entries:
        (title, children), *_ = entry.items()
        if title.startswith("Lesson"):  # a group; a lesson's children are its pages
            out += _levels(children, depth + 1)
    return out


def _pages(node: Any) -> list[str]:
    """The page paths of a nav, in order."""
    if isinstance(node, str):
        return [node]
    children = node.values() if isinstance(node, dict) else node
    return [path for child in children for path in _pages(child)]


def test_nav_of_a_small_course_lists_every_lesson(tmp_path: Path) -> None:
    course = _course(tmp_path, 8)
    lessons = nav(course)[1]["Lessons"]
    assert [next(iter(e)) for e in lessons] == [f"{x.number}. {x.title}" for x in course.lessons]


def test_nav_of_a_large_course_is_bounded_and_complete(tmp_path: Path) -> None:
    one = _course(tmp_path, 1)
    lesson = one.lessons[0]
    many = [
        dataclasses.replace(lesson, id=f"l{i}", number=i, slug=f"{i:02d}-l{i}", title=f"T {i}")
        for i in range(1, 1001)
    ]
    course = dataclasses.replace(one, lessons=many)
    lessons = nav(course)[1]["Lessons"]
    assert next(iter(lessons[0])) == "Lessons 1\N{EN DASH}100"
    assert max(count for _, count in _levels(lessons)) <= 20
    expected = [p for x in many for p in (PATHS.lesson(x), PATHS.quiz(x))]
    assert _pages(lessons) == expected


@pytest.mark.slow
def test_bench_runs_and_rebuild_rewrites_only_the_changed_pages(tmp_path: Path) -> None:
    out, results = tmp_path / "bench.json", tmp_path / "results.md"
    cmd = [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--sizes", "3", "--runs", "1"]
    cmd += ["--out", str(results), "--json", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    data = json.loads(out.read_text())
    assert {"cpu", "cores", "memory_gb", "python", "versions"} <= set(data["machine"])
    assert {"lessonkit", "mkdocs", "mkdocs-material"} <= set(data["machine"]["versions"])
    (size,) = data["sizes"]
    assert size["lessons"] == 3
    assert set(size["generate"]["median_s"]) >= {"load", "validate", "render", "write", "total"}
    assert {"median_s", "cpu_median_s", "html_pages"} <= set(size["engine"])
    assert size["generate"]["pages"] > 0 and size["engine"]["html_pages"] > 0
    assert size["generate_share"] > 0 and size["lessonkit_build_s"] > 0

    rebuild = size["rebuild"]
    assert rebuild["none"]["written"] == []
    lesson_page = next(p for p in rebuild["body"]["written"] if p.endswith("/index.md"))
    quiz_page = lesson_page.replace("index.md", "quiz.md")
    assert lesson_page.startswith("lessons/")
    for change in ("body", "title"):
        r = rebuild[change]
        assert r["as_expected"], r
        assert r["deleted"] == []
    # a change to the text rewrites no page that lists the lesson by its title
    assert quiz_page not in rebuild["body"]["written"]
    assert {"index.md", "progress.md", lesson_page, quiz_page} <= set(rebuild["title"]["written"])

    for page in ("home", "lesson", "quiz"):
        weight = data["weight"]["pages"][page]
        assert weight["ours"]["gzip"] > 0 and weight["plain"]["gzip"] > 0
        assert weight["ours"]["files"] and "added_gzip" in weight
        assert weight["ours"]["external"] == []  # nothing is fetched from another host

    # the report the bench writes: one table per measure, the machine and the versions
    report = results.read_text()
    for heading in ("## Generation against the engine", "## Rebuild", "## Page weight"):
        assert heading in report
    assert "mkdocs-material" in report and "| 3 |" in report
