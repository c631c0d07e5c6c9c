"""The site checks in tests/support/checks.py, which the tool's tests and tests/course
apply to built sites, on small pages made here to fail them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessonkit import model as m
from lessonkit.pipeline import generate
from tests.conftest import SITE_URL
from tests.support.checks import (
    broken_links,
    loaded_from_elsewhere,
    pages_without_the_support_note,
    workbook_id_problems,
)
from tests.support.project import FIXTURES

CARE = '<p class="lk-care">Need support? See <a href="../support/">support</a>.</p>'


def write(site: Path, path: str, body: str) -> None:
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_text(f"<!doctype html><title>t</title>{body}", encoding="utf-8")


def test_a_broken_link_a_missing_anchor_and_a_foreign_asset_are_caught(tmp_path: Path) -> None:
    write(tmp_path, "index.html", '<a href="a/">a</a> <a href="a/#here">here</a>')
    write(tmp_path, "a/index.html", '<h2 id="there">x</h2><a href="../gone/">gone</a>')
    write(tmp_path, "b/index.html", '<script src="https://cdn.example/x.js"></script>')
    found = broken_links(tmp_path)
    assert len(found) == 3, found
    assert any("gone/ -> HTTP 404" in f for f in found)
    assert any("#here is not an id" in f for f in found)
    assert found[-1] == "asset from elsewhere: https://cdn.example/x.js"


def test_what_a_page_loads_from_another_host_is_caught(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.html",
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<a href="https://elsewhere.example/">a link to follow is fine</a>'
        f'<script src="{SITE_URL}assets/ok.js"></script>',
    )
    (tmp_path / "b.css").write_text("body { background: url(//cdn.example/bg.png) }")
    assert len(loaded_from_elsewhere(tmp_path, SITE_URL)) == 2


def test_a_page_without_the_support_note_is_caught(tmp_path: Path) -> None:
    write(tmp_path, "index.html", CARE)
    write(tmp_path, "a/index.html", "<p>no note</p>")
    write(tmp_path, "404.html", "<p>not found</p>")
    assert pages_without_the_support_note(tmp_path) == ["a/index.html"]


@pytest.fixture(scope="module")
def mini() -> m.Course:
    course = generate(FIXTURES / "mini").course
    assert course is not None
    return course


def test_workbook_ids_that_collide_or_are_missing_are_caught(
    tmp_path: Path, mini: m.Course
) -> None:
    ids = [f"lesson-{x.number}-{s.id}" for x in mini.lessons for s in x.sections]
    write(tmp_path, "workbook/index.html", "".join(f'<h3 id="{i}">x</h3>' for i in ids))
    assert workbook_id_problems(tmp_path, mini) == []
    write(
        tmp_path,
        "workbook/index.html",
        "".join(f'<h3 id="{i}">x</h3>' for i in ids[1:]) + '<p id="a"></p><p id="a"></p>',
    )
    assert workbook_id_problems(tmp_path, mini) == ["id 'a' 2 times", f"no id {ids[0]}"]
