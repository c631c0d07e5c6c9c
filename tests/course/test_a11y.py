"""axe-core finds nothing on the course's pages, and every page it opens loads with no
error and asks no other host for anything.

The templates are checked on every page kind of the fixture course in tests/browser; this
catches what the course's own text brings to them (headings, links, lists, tables, images,
admonitions). One page of each kind is checked in the state a reader leaves it in, in both
colour schemes: every rule in one, the colour rules in the other (tests/browser/test_a11y.py
says why). The workbook holds every lesson and question of the course on one page, so it is
where the structure of all the course's text is checked. Its colours are those of the same
kinds of element on the other pages, and the colour rules cost most on a page that long
(about 1.5 s of 2 on the bundled course's workbook), so they are left to those pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lessonkit import model as m
from tests.support.a11y import STILL, assert_accessible, assert_structure_accessible, interact
from tests.support.browser import open_context

pytestmark = pytest.mark.browser


def page_kinds(course: m.Course) -> list[tuple[str, str]]:
    """One page of each kind this course has, with its kind for `interact`."""
    first, last = course.lessons[0], course.lessons[-1]
    pages = [("", "home"), (f"lessons/{first.slug}/", "lesson")]
    pages += [(f"lessons/{x.slug}/quiz/", "quiz") for x in course.lessons if x.quiz][:1]
    if last is not first:
        pages.append((f"lessons/{last.slug}/", "lesson"))
    if course.review:
        pages.append(("review/", "quiz"))
    if course.self_check:
        pages.append(("self-check/", "self-check"))
    if course.glossary:
        pages.append(("glossary/", "other"))
    # progress last: it shows the visits, notes and scores made on the pages before it
    return [*pages, ("support/", "other"), ("progress/", "other")]


def test_axe_finds_nothing_on_the_course_pages(
    browser, course: m.Course, course_site: Path, course_base: str
) -> None:
    with open_context(browser, course_base, **STILL) as ctx:
        page = ctx.page()
        for path, kind in page_kinds(course):
            assert (course_site / path / "index.html").is_file(), path
            page.goto(course_base + path)
            interact(page, kind)
            assert_accessible(page)
        page.goto(course_base + "workbook/")
        assert_structure_accessible(page)
