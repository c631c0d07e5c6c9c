"""Synthetic courses, the navigation at scale, and a smoke run of benchmarks/bench.py.

No timing is asserted here: the benchmark runs at its smallest size so that it cannot rot,
and its JSON is checked for shape and for what a rebuild rewrote (a behaviour).
"""

from __future__ import annotations

import copy
import dataclasses
import gzip
import json
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from benchmarks import bench, lighthouse
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
    cmd += ["--out", str(results), "--json", str(out), "--no-lighthouse"]  # it starts Chromium
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


# ------------------------------------------------------------------- Lighthouse, its figures

REPORT = ROOT / "tests" / "fixtures" / "lighthouse" / "report.json"


def _report(**changes: Any) -> dict[str, Any]:
    """The hand-written report, with some audits' numericValue or score changed."""
    report = json.loads(REPORT.read_text())
    for audit, values in changes.items():
        report["audits"][audit.replace("_", "-")].update(values)
    return report


def test_a_lighthouse_report_reads_as_scores_metrics_and_failed_audits() -> None:
    found = lighthouse.summary(_report())
    assert found["scores"] == {
        "performance": 86,
        "accessibility": 96,
        "best-practices": 100,
        "seo": 100,
    }
    assert found["metrics"] == {
        "fcp": 2712.4,
        "lcp": 3504.9,
        "tbt": 95,
        "cls": 0.0012,
        "si": 2712.4,
    }
    assert (found["lighthouse"], found["browser"], found["benchmark_index"]) == (
        "12.8.2",
        "Chromium 156",
        1500,
    )
    # only audits that weigh in a score: not the advice (weight 0), not what did not apply
    assert [a["id"] for a in found["failing"]["accessibility"]] == ["link-in-text-block"]
    assert set(found["failing"]) == {"accessibility", "best-practices", "seo"}
    assert found["failing"]["seo"] == found["failing"]["best-practices"] == []


def test_blocking_time_is_told_by_whose_script_ran_the_long_task() -> None:
    """Each long task is cut to the time between first paint (2712.4) and interactive
    (3300) as TBT counts it, less its first 50 ms, and put to the script it ran: the one
    before first paint and the one cut to 40 ms block nothing."""
    found = lighthouse.summary(_report())["blocking"]
    assert found == pytest.approx({"lessonkit": 17.4, "material": 77.6, "other": 10.0})
    # a report without a list of long tasks (or without interactive) blocks nothing
    report = _report()
    del report["audits"]["long-tasks"], report["audits"]["interactive"]
    assert lighthouse.summary(report)["blocking"] == {"lessonkit": 0, "material": 0, "other": 0}


def test_a_failed_lighthouse_run_is_an_error_not_a_zero() -> None:
    report = _report()
    report["runtimeError"] = {"code": "NO_FCP", "message": "The page did not paint"}
    with pytest.raises(lighthouse.LighthouseError, match="NO_FCP"):
        lighthouse.summary(report)
    report = _report()
    report["categories"]["seo"]["score"] = None
    with pytest.raises(lighthouse.LighthouseError, match="no score"):
        lighthouse.summary(report)


def _runs() -> list[dict[str, Any]]:
    """Three runs of one page: the slowest, the fastest and the middle, not in order."""
    runs = []
    for lcp, score, failed in ((4000.0, 0.80, 0), (2600.0, 0.93, 1), (3500.0, 0.86, 0)):
        report = _report(largest_contentful_paint={"numericValue": lcp})
        report["categories"]["performance"]["score"] = score
        report["audits"]["link-in-text-block"]["score"] = failed
        runs.append(lighthouse.summary(report))
    return runs


def test_the_median_of_runs_takes_each_figure_on_its_own() -> None:
    found = lighthouse.median(_runs())
    assert found["runs"] == 3
    assert found["scores"]["performance"] == 86
    assert found["metrics"]["lcp"] == 3500.0
    assert found["metrics"]["fcp"] == 2712.4
    assert found["blocking"]["lessonkit"] == pytest.approx(17.4)
    # how far apart the runs were, so that a difference can be told from noise
    assert found["spread"]["performance"] == 13
    assert found["spread"]["lcp"] == 1400.0 and found["spread"]["fcp"] == 0
    # an audit that failed in any run is reported, with how many
    (audit,) = found["failing"]["accessibility"]
    assert (audit["id"], audit["runs"], audit["score"]) == ("link-in-text-block", 2, 0)


def test_the_lighthouse_table_sets_ours_beside_plain_material() -> None:
    ours = lighthouse.median(_runs())
    plain = copy.deepcopy(ours)
    plain["scores"]["performance"] = 93
    plain["metrics"]["lcp"] = 2600.0
    plain["failing"]["accessibility"] = []
    ours["failing"]["accessibility"] = []
    data = {
        "runs": 3,
        "lighthouse": "12.8.2",
        "browser": "Chromium 156",
        "benchmark_index": 1500,
        "course": "the bundled course",
        "date": "2026-12-01 12:00 UTC",
        "load": [1.0, 1.5],
        "sites": {"ours": {"quiz": ours}, "plain": {"quiz": plain}},
    }
    section = "\n".join(bench.lighthouse_section(data))
    assert bench.LIGHTHOUSE_HEADING in section
    assert (
        "| quiz | 86 | 93 | 2.71 | 2.71 | 3.50 | 2.60 | 95 | 95 | 17 | 78 | 0.001 | 0.001 | 96 "
        "| 100 | 100 |" in section
    )
    assert "lessonkit: none." in section
    assert "up to 13 point(s) of performance and 1.40 s of LCP apart" in " ".join(section.split())
    data["sites"]["plain"]["quiz"]["failing"]["accessibility"] = [{"id": "link-in-text-block"}]
    section = "\n".join(bench.lighthouse_section(data))
    assert "Plain Material: accessibility `link-in-text-block` (quiz)." in section


def test_without_lighthouse_the_report_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lighthouse, "LIGHTHOUSE", tmp_path / "none" / "lighthouse")
    sites = bench.Sites("a course", {"ours": tmp_path, "plain": tmp_path}, {"home": "index.html"})
    found = bench.first_paint(sites, 1, None, tmp_path)
    assert "not installed" in found["skipped"]
    assert bench.lighthouse_section(found)[-1].startswith(
        "Not measured: Lighthouse is not installed"
    )


def test_page_kinds_are_the_home_page_a_lesson_its_quiz_and_each_top_page() -> None:
    pages = ["index.md", "lessons/02-b/index.md", "lessons/01-a/quiz.md", "lessons/01-a/index.md"]
    pages += ["glossary.md", "self-check.md", "progress.md", "workbook.md"]
    assert bench.page_kinds(pages) == {
        "home": "index.html",
        "lesson": "lessons/01-a/index.html",
        "quiz": "lessons/01-a/quiz/index.html",
        "glossary": "glossary/index.html",
        "progress": "progress/index.html",
        "self-check": "self-check/index.html",
        "workbook": "workbook/index.html",
    }
    assert lighthouse._address("index.html") == ""
    assert lighthouse._address("lessons/01-a/quiz/index.html") == "lessons/01-a/quiz/"


def test_a_partial_run_replaces_only_its_section_of_the_report() -> None:
    old = "# Benchmark results\n\nfull run\n\n## Rebuild\n\nrows\n\n## Page weight\n\nold weight\n"
    new = "# Benchmark results\n\npartial run\n\n## Page weight\n\nnew weight\n"
    assert bench.merge_reports(old, new) == (
        "# Benchmark results\n\nfull run\n\n## Rebuild\n\nrows\n\n## Page weight\n\nnew weight\n"
    )
    added = "# Benchmark results\n\n" + bench.LIGHTHOUSE_HEADING + "\n\nfigures\n"
    assert bench.merge_reports(old, added).endswith("old weight\n\n" + added.split("\n\n", 1)[1])


def test_the_local_host_serves_text_gzipped_and_folders_by_their_index(tmp_path: Path) -> None:
    (tmp_path / "quiz").mkdir()
    (tmp_path / "quiz" / "index.html").write_text("<p>quiz</p>" * 50)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    with lighthouse.served(tmp_path) as base:
        gzipped = urllib.request.Request(base + "quiz/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(gzipped) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()).decode() == "<p>quiz</p>" * 50
        with urllib.request.urlopen(base + "quiz/") as response:
            assert response.headers["Content-Encoding"] is None
            assert response.read().decode() == "<p>quiz</p>" * 50
        with urllib.request.urlopen(gzipped.full_url.replace("quiz/", "logo.png")) as response:
            assert response.read() == b"\x89PNG"


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(lighthouse.available() is not None, reason="Lighthouse is not installed")
def test_bench_runs_lighthouse_on_both_sites(tmp_path: Path) -> None:
    """One run on the home page of both builds: the figures land in the JSON and in the
    report's own section, which replaces that section of an existing report only."""
    out, results = tmp_path / "bench.json", tmp_path / "results.md"
    results.write_text("# Benchmark results\n\nearlier\n\n## Rebuild\n\nrows\n")
    cmd = [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--only", "lighthouse"]
    cmd += ["--lighthouse-runs", "1", "--pages", "home", "--out", str(results)]
    cmd += ["--json", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    found = json.loads(out.read_text())["lighthouse"]
    assert "skipped" not in found, found
    for site in ("ours", "plain"):
        (kind,) = found["sites"][site]
        home = found["sites"][site]["home"]
        assert kind == "home" and home["runs"] == 1
        assert set(home["scores"]) == set(lighthouse.CATEGORIES)
        assert all(0 <= s <= 100 for s in home["scores"].values())
        assert home["metrics"]["fcp"] > 0 and home["metrics"]["lcp"] >= home["metrics"]["fcp"]
        assert set(home["blocking"]) == {"lessonkit", "material", "other"}
    assert found["sites"]["plain"]["home"]["blocking"]["lessonkit"] == 0
    report = results.read_text()
    assert report.startswith("# Benchmark results\n\nearlier\n\n## Rebuild\n\nrows\n")
    assert bench.LIGHTHOUSE_HEADING in report and "| home |" in report
