"""Golden tests: the fixture course renders to exactly the Markdown under expected/.
LESSONKIT_UPDATE_GOLDENS=1 rewrites them (then read the diff before committing)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from jinja2 import FileSystemLoader

from lessonkit import render
from lessonkit.build.engine import course_settings
from lessonkit.pipeline import generate
from lessonkit.render import relative
from tests.support.project import FIXTURES

EXPECTED = FIXTURES / "mini" / "expected"
UPDATE = os.environ.get("LESSONKIT_UPDATE_GOLDENS") == "1"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    result = generate(FIXTURES / "mini")
    assert result.ok, result.problems
    return result.pages


def test_pages_match_the_goldens(pages: dict[str, str]) -> None:
    if UPDATE:
        for path, text in pages.items():
            (EXPECTED / path).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*.md")}
    assert set(pages) == expected
    for path, text in pages.items():
        assert text == (EXPECTED / path).read_text(encoding="utf-8"), path


def test_nav_follows_the_course(pages: dict[str, str]) -> None:
    course = generate(FIXTURES / "mini").course
    settings = course_settings(course, environ={})
    assert settings["site_name"] == "Brewing a Calm Cup of Tea"
    assert "site_url" not in settings
    assert settings["nav"][:2] == [
        {"Home": "index.md"},
        {
            "Lessons": [
                {
                    "1. Start With the Water": [
                        "lessons/01-water/index.md",
                        {"Knowledge check": "lessons/01-water/quiz.md"},
                    ]
                },
                {
                    "2. Steep, Then Wait": [
                        "lessons/02-steeping/index.md",
                        {"Knowledge check": "lessons/02-steeping/quiz.md"},
                    ]
                },
            ]
        },
    ]
    url = course_settings(course, environ={"SITE_URL": "https://x.github.io/repo"})["site_url"]
    assert url == "https://x.github.io/repo/"


def test_glossary_links_are_relative_to_each_page(pages: dict[str, str]) -> None:
    assert "[steeping](../../glossary.md#steep)" in pages["lessons/01-water/index.md"]
    # a bare [[id]] shows the term's own name
    assert "[Steeping](../../glossary.md#steep)" in pages["lessons/02-steeping/index.md"]


def test_text_lands_in_html_escaped(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini" / "content", content)
    course = content / "self-check.yml"
    course.write_text(course.read_text().replace("scale: [Never,", 'scale: ["A & \\"B\\"",'))
    result = generate(tmp_path)
    assert result.ok, result.problems
    assert (
        '<label for="item-rush-1-1">A &amp; &quot;B&quot;</label>' in result.pages["self-check.md"]
    )


@pytest.mark.parametrize(
    ("target", "page", "link"),
    [
        ("glossary.md#x", "lessons/01-a/index.md", "../../glossary.md#x"),
        ("lessons/01-a/index.md", "index.md", "lessons/01-a/index.md"),
        ("lessons/01-a/index.md#s", "lessons/01-a/quiz.md", "index.md#s"),
    ],
)
def test_relative_links(target: str, page: str, link: str) -> None:
    assert relative(target, page) == link


def test_an_edited_template_shows_in_the_next_render(tmp_path: Path) -> None:
    """An edit to a template (as under `mkdocs serve`) shows in the next render."""
    course = generate(FIXTURES / "mini").course
    assert course is not None
    folder = tmp_path / "templates"
    shutil.copytree(Path(render.__file__).parent.parent / "templates", folder)
    env = render.environment().overlay(loader=FileSystemLoader(folder))
    first = render.render_course(course, env)
    support = folder / "support.md.j2"
    text = support.read_text("utf-8").replace(
        "{% block content %}\n", "{% block content %}\nEdited while serving.\n"
    )
    support.write_text(text, "utf-8")
    os.utime(support, (support.stat().st_atime, support.stat().st_mtime + 10))
    second = render.render_course(course, env)
    assert "Edited while serving." in second[render.PATHS.support]
    assert "Edited while serving." not in first[render.PATHS.support]
    assert env.auto_reload
