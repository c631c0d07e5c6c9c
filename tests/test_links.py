"""Figures, files and links between lessons, written as a Markdown editor previews them
(relative to the YAML file), work on every page that shows the text: the lesson page, its
quiz page, the workbook and the offline copy, under any base path."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from lessonkit.cli import offline
from lessonkit.pipeline import Generated, generate
from tests.support.links import crawl
from tests.support.project import FIXTURES
from tests.support.serve import serve

TECH = FIXTURES / "tech"


@pytest.fixture(scope="module")
def tech() -> Generated:
    result = generate(TECH)
    assert result.ok, [str(p) for p in result.problems]
    return result


def test_files_that_text_shows_are_copied_beside_the_pages(tech: Generated) -> None:
    content = TECH / "content"
    assert tech.pages["media/fig/pipe.svg"] == (content / "fig" / "pipe.svg").read_bytes()
    assert (
        tech.pages["media/files/cheatsheet.txt"] == (content / "files/cheatsheet.txt").read_bytes()
    )
    assert not any(path.startswith("media/") and "lessons" in path for path in tech.pages)


@pytest.mark.parametrize(
    ("page", "image", "section", "other"),
    [
        (
            "lessons/03-pipes/index.md",
            "../../media/fig/pipe.svg",
            "index.md#pipes",
            "../01-navigating/index.md#where-am-i",
        ),
        (
            "lessons/03-pipes/quiz.md",
            "../../media/fig/pipe.svg",
            "index.md#pipes",
            "../01-navigating/index.md",
        ),
        ("workbook.md", "media/fig/pipe.svg", "#lesson-3-pipes", "#lesson-1"),
    ],
)
def test_each_page_links_from_where_it_stands(
    tech: Generated, page: str, image: str, section: str, other: str
) -> None:
    text = tech.pages[page]
    assert f"]({image})" in text
    assert f"]({section})" in text
    assert f"]({other})" in text
    assert "lk:" not in text, "no canonical target is left for the engine"


def test_links_in_code_are_code(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(TECH / "content", tmp_path / "content")
    lesson = tmp_path / "content" / "lessons" / "03-pipes.yml"
    text = lesson.read_text("utf-8").replace(
        "takeaways:",
        "  - id: code\n    title: Code\n    body: 'Write `[x](nowhere.yml)` or `![](a.png)`.'\ntakeaways:",
        1,
    )
    lesson.write_text(text, "utf-8")
    result = generate(tmp_path)
    assert result.ok, [str(p) for p in result.problems]
    assert "`[x](nowhere.yml)` or `![](a.png)`" in result.pages["lessons/03-pipes/index.md"]


@pytest.fixture
def built(tech_project: Path) -> Path:
    """Built strictly (MkDocs found no broken link or anchor), as the Pages workflow builds."""
    return tech_project


@pytest.mark.slow
def test_every_link_resolves_under_a_subpath(built: Path) -> None:
    site = built / "site"
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    with serve(site, "/some-repo/") as base:
        result = crawl(base, tuple(pages))
    assert result.broken == []
    fetched = {url.rsplit("/some-repo/", 1)[1] for url in result.pages}
    assert "lessons/03-pipes/" in fetched and "workbook/" in fetched
    assert (site / "media" / "fig" / "pipe.svg").is_file()


@pytest.mark.slow
def test_the_offline_copy_holds_the_figures(built: Path) -> None:
    assert offline(built) == 0
    with zipfile.ZipFile(built / "dist" / "shell-first-steps-offline.zip") as zf:
        names = set(zf.namelist())
        lesson = zf.read("shell-first-steps/lessons/03-pipes/index.html").decode()
    assert "shell-first-steps/media/fig/pipe.svg" in names
    assert "shell-first-steps/media/files/cheatsheet.txt" in names
    assert 'src="../../media/fig/pipe.svg"' in lesson
    assert 'href="../01-navigating/index.html#where-am-i"' in lesson
