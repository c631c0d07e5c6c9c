"""A course speaks only of what it has: no disclaimer, support page, reflections or self-check
unless it has them, its own titles for its support page, its source named as source.yml
names it, and its credits and licence at the foot of every page. The bundled framing stays
the bundled course's own (the goldens of the fixture course pin its words)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lessonkit.build.engine import course_settings
from lessonkit.pipeline import Generated, generate
from tests.support.project import FIXTURES, mini_content


@pytest.fixture(scope="module")
def tech() -> Generated:
    result = generate(FIXTURES / "tech")
    assert result.ok, [str(p) for p in result.problems]
    return result


def test_a_course_without_support_has_no_support_page(tech: Generated) -> None:
    assert "support.md" not in tech.pages
    nav = course_settings(tech.course, environ={})["nav"]
    assert [next(iter(item)) for item in nav] == [
        "Home",
        "Lessons",
        "Practice",
        "Your progress",
        "Printable workbook",
    ]
    for path, text in tech.pages.items():
        if not path.endswith(".md"):
            continue  # figures and files
        assert "support" not in text.lower(), path
        assert "professional advice" not in text.lower(), path


def test_the_home_page_lists_only_what_the_course_has(tech: Generated) -> None:
    home = tech.pages["index.md"]
    assert "Before you start" not in home
    assert "Reflection prompts" not in home and "notes box" not in home
    assert "self-check" not in home.lower()
    assert "shows the lessons you have visited and your best quiz scores." in home
    assert "print or save as a PDF, with an answer key at the end." in home


def test_the_progress_page_and_workbook_say_only_what_they_hold(tech: Generated) -> None:
    progress = tech.pages["progress.md"]
    assert "Your notes" not in progress and "data-lk-notes" not in progress
    assert (
        'description: "The lessons you have visited, your quiz scores, kept on this device only."'
        in progress
    )
    workbook = tech.pages["workbook.md"]
    assert "Reflection prompts" not in workbook
    assert "Each lesson starts on a new page. The questions have boxes to tick:" in workbook
    assert (
        'description: "The whole course on one page to print or save as a PDF, with an ' in workbook
    )


def test_credits_and_licence_stand_at_the_foot_of_every_page(tech: Generated) -> None:
    for path, text in tech.pages.items():
        if not path.endswith(".md"):
            continue
        foot = text.split('<aside class="lk-care"', 1)[1]
        assert "Written for the lessonkit test suite" in foot, path
        assert "Licence: [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)" in foot, path


def test_a_course_with_no_foot_still_names_itself_to_the_script(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "tech" / "content", tmp_path / "content")
    course = tmp_path / "content" / "course.yml"
    text = course.read_text("utf-8")
    course.write_text(text[: text.index("credits:")], "utf-8")
    result = generate(tmp_path)
    assert result.ok
    for path, text in result.pages.items():
        if not path.endswith(".md"):
            continue
        assert "lk-care" not in text
        assert text.rstrip().endswith('<div hidden data-lk-course="shell-first-steps"></div>')


def test_support_pages_take_the_titles_the_course_sets(tmp_path: Path) -> None:
    shutil.copytree(mini_content(), tmp_path / "content")
    course = tmp_path / "content" / "course.yml"
    text = course.read_text("utf-8")
    start = text.index("disclaimer:")
    course.write_text(
        text[:start]
        + "support:\n  title: Getting help\n  text: Ask the course team on the forum.\n",
        "utf-8",
    )
    result = generate(tmp_path)
    assert result.ok, [str(p) for p in result.problems]
    page = result.pages["support.md"]
    assert page.startswith('---\ntitle: "Getting help"\n')
    assert "# Getting help\n\nAsk the course team on the forum.\n" in page
    assert "Finding support" not in page
    assert "[Getting help](../../support.md)" in result.pages["lessons/01-water/index.md"]
    nav = course_settings(result.course, environ={})["nav"]
    assert {"Getting help": "support.md"} in nav


def test_cited_sections_name_the_source_as_source_yml_does(tmp_path: Path) -> None:
    shutil.copytree(mini_content(), tmp_path / "content")
    lesson = generate(tmp_path).pages["lessons/01-water/index.md"]
    assert '<p class="lk-source">From the article: Basics, paragraph 1' in lesson
    source = tmp_path / "content" / "source.yml"
    source.write_text(source.read_text("utf-8").replace("kind: article\n", ""), "utf-8")
    lesson = generate(tmp_path).pages["lessons/01-water/index.md"]
    assert '<p class="lk-source">From Notes on tea: Basics, paragraph 1' in lesson


def test_the_home_page_says_what_the_browser_cannot_protect(tech: Generated) -> None:
    home = tech.pages["index.md"]
    assert "every page at the same web address can read this storage too" in home
    assert "owner.github.io" in home and "offline copy" in home
