"""The printable workbook: one page with the whole course, answers only in the key at the end,
ids that never collide, left out of search, and a print stylesheet that shows it as paper."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from lessonkit import model as m
from lessonkit.cli import build
from lessonkit.pipeline import generate
from lessonkit.render import PATHS, environment, nav
from tests.support.checks import workbook_id_problems
from tests.support.project import FIXTURES, make_project, mini_content
from tests.support.serve import serve
from tests.support.workbook import (
    answers_before_the_key,
    lessons_not_in_sections_of_their_own,
    missing_from,
)

NHS = "https://www.nhs.uk/mental-health/"


@pytest.fixture(scope="module")
def generated() -> tuple[m.Course, dict[str, str]]:
    result = generate(FIXTURES / "mini")
    assert result.ok and result.course is not None, result.problems
    return result.course, result.pages


def test_the_workbook_holds_the_whole_course(generated) -> None:
    course, pages = generated
    assert course.self_check and course.review, "the fixture course has every part"
    assert missing_from(course, pages[PATHS.workbook]) == []


def test_each_lesson_is_a_section_of_its_own(generated) -> None:
    course, pages = generated
    assert lessons_not_in_sections_of_their_own(course, pages[PATHS.workbook]) == []


def test_answers_are_only_in_the_key_at_the_end(generated) -> None:
    course, pages = generated
    assert answers_before_the_key(course, pages[PATHS.workbook]) == []


def test_it_has_nothing_the_site_script_would_save_progress_from(generated) -> None:
    _, pages = generated
    text = pages[PATHS.workbook]
    for hook in ("data-lk-visit", "data-lk-note", "data-lk-quiz", "data-lk-selfcheck", "<form"):
        assert hook not in text, "reading the workbook must not count as visiting every lesson"
    assert text.startswith("---\ntitle: ")
    assert "\nsearch:\n  exclude: true\n---\n" in text


def test_it_is_linked_from_home_and_follows_progress_in_the_nav(generated) -> None:
    course, pages = generated
    assert "[Printable workbook](workbook.md)" in pages[PATHS.home]
    items = [next(iter(item)) for item in nav(course)]
    assert items[items.index("Your progress") + 1] == "Printable workbook"


def test_the_scoring_guide_is_the_one_the_self_check_page_shows(generated) -> None:
    course, pages = generated
    guide = environment().get_template("self-check-scoring.md.j2").render(course=course).strip()
    assert guide.startswith("You can also score this on paper.")
    assert guide in pages[PATHS.self_check]
    assert guide in pages[PATHS.workbook]


def test_built_workbook_ids_are_unique_and_prefixed_by_lesson(mini_project: Path) -> None:
    site = mini_project / "site"
    course = generate(mini_project).course
    assert course is not None
    assert workbook_id_problems(site, course) == []
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert not [d for d in index["docs"] if d["location"].startswith("workbook/")]


@pytest.fixture(scope="module")
def printable(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course with an external link in its support text, built."""
    content = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(mini_content(), content)
    course = content / "course.yml"
    data = yaml.safe_load(course.read_text(encoding="utf-8"))
    data["support"]["text"] += f"You can also read [the NHS pages on mental health]({NHS}).\n"
    course.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("print") / "project", content)
    assert build(project) == 0
    return project / "site"


CHROME = ".md-header, .md-sidebar, .md-footer, .md-search, .md-top, .headerlink, " + (
    ".md-typeset button, .md-typeset .md-button"
)
SHOWN = "els => els.filter(e => getComputedStyle(e).display !== 'none').length"
BREAKS = "els => els.map(e => [e.id, getComputedStyle(e).breakBefore])"
AFTER = "e => getComputedStyle(e, '::after').content"
DECORATION = "e => getComputedStyle(e).textDecorationLine"


@pytest.mark.slow
@pytest.mark.browser
def test_it_prints_as_a_workbook(browser: Browser, printable: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "workbook.pdf"
    with serve(printable, "/some-repo/") as base:
        page = browser.new_page()
        try:
            page.emulate_media(media="print")
            page.goto(base + "support/")
            external = page.locator(f"a[href='{NHS}']").evaluate(AFTER)
            page.goto(base + "workbook/")
            internal = page.locator("a[href$='#answer-key']").first
            seen = {
                "chrome": page.locator(CHROME).evaluate_all(SHOWN),
                "breaks": page.locator(".lk-wb-part").evaluate_all(BREAKS),
                "internal": (internal.evaluate(AFTER), internal.evaluate(DECORATION)),
                "external": external,
            }
            page.pdf(path=str(pdf), format="A4")
        finally:
            page.close()
    assert seen["chrome"] == 0, "no navigation, header, footer, search or buttons on paper"
    parts = dict(seen["breaks"])
    assert {"lesson-1", "lesson-2", "answer-key"} <= parts.keys()
    assert set(parts.values()) == {"page"}, "each lesson and the answer key start a new page"
    assert seen["internal"] == ("none", "none"), "links print as plain text"
    assert seen["external"] == f'" ({NHS})"', "an external link prints its address"
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
    assert pages >= 1 + len(parts), "the contents, then a page or more for each part"
