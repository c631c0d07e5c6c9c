"""The course's built site: it builds in strict mode (the `course_project` fixture fails
otherwise), every link resolves under a subpath, the HTML is valid, nothing comes from
another host, and every page reaches the support note. The tool's own behaviour is tested
on the fixture course; these catch what a course's text can break."""

from __future__ import annotations

from pathlib import Path

from lessonkit import model as m
from tests.conftest import SITE_URL
from tests.support.checks import (
    broken_links,
    loaded_from_elsewhere,
    pages_of,
    pages_without_the_support_note,
    workbook_id_problems,
)


def test_every_page_of_the_course_is_built(course: m.Course, course_site: Path) -> None:
    pages = set(pages_of(course_site))
    for lesson in course.lessons:
        assert f"lessons/{lesson.slug}/index.html" in pages
        assert (f"lessons/{lesson.slug}/quiz/index.html" in pages) == (lesson.quiz is not None)
    assert ("review/index.html" in pages) == (course.review is not None)
    assert ("self-check/index.html" in pages) == (course.self_check is not None)


def test_every_internal_link_and_anchor_resolves_under_a_subpath(course_site: Path) -> None:
    assert broken_links(course_site) == []


def test_nu_html_checker_finds_no_errors(course_project: Path, nu_errors) -> None:
    assert nu_errors[course_project / "site"] == []


def test_nothing_is_loaded_from_another_host(course_site: Path) -> None:
    assert loaded_from_elsewhere(course_site, SITE_URL) == []


def test_every_page_reaches_the_support_note(course_site: Path) -> None:
    assert pages_without_the_support_note(course_site) == []


def test_the_home_page_lists_every_lesson_with_its_reading_time(
    course: m.Course, course_site: Path
) -> None:
    html = (course_site / "index.html").read_text(encoding="utf-8")
    for lesson in course.lessons:
        assert f'data-lk-lesson="{lesson.id}"' in html, lesson.id
    assert html.count('class="lk-time"') == len(course.lessons), "each shows its reading time"


def test_the_workbook_holds_every_lesson_under_ids_that_never_collide(
    course: m.Course, course_site: Path
) -> None:
    assert workbook_id_problems(course_site, course) == []
