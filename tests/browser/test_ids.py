"""Ids are the author's: a lesson, quiz, question or subscale called "constructor" (a member
of every JavaScript object) is a lesson like any other, and a stored answer or visit named
after one of Object's members is nothing until the learner makes it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from lessonkit.cli import build
from tests.browser.conftest import open_context
from tests.support.project import make_project, mini_content
from tests.support.serve import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("ids") / "project"
    content = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(mini_content(), content)
    renames = [  # the lesson "water" and the subscale "rushing" become "constructor"
        ("  - water\n", "  - constructor\n"),
        ("id: water\n", "id: constructor\n"),
        ("water#", "constructor#"),
        ("lessons: [water]", "lessons: [constructor]"),
        ("id: rushing\n", "id: constructor\n"),
        ("subscale: rushing\n", "subscale: constructor\n"),
    ]
    for path in content.rglob("*.yml"):
        text = path.read_text("utf-8")
        for old, new in renames:
            text = text.replace(old, new)
        path.write_text(text, "utf-8")
    make_project(root, content)
    assert build(root) == 0
    with serve(root / "site", "/repo/") as url:
        yield url


def test_a_lesson_called_constructor_is_not_visited_until_it_is(
    browser: Browser, base: str
) -> None:
    with open_context(browser, base) as ctx:
        page = ctx.page()
        page.goto(base)
        page.evaluate(
            "k => localStorage.setItem(k, JSON.stringify({app: 'lessonkit', v: 1, course: 'tea-basics',"
            " visits: {toString: 'x'}, answers: {'constructor/hasOwnProperty': {hash: 'h', chosen: []}},"
            " quizzes: {}, checks: [], notes: {}}))",
            "lessonkit:tea-basics:v1",
        )
        page.goto(base + "progress/")
        row = page.locator("li[data-lk-lesson='constructor']")
        expect(row).to_contain_text("Start With the Water")
        expect(row.locator(".lk-tag")).to_have_count(0)
        assert "undefined" not in page.locator("article").inner_text()
        page.goto(base + "lessons/01-constructor/")
        page.goto(base + "progress/")
        expect(row.locator(".lk-visited")).to_have_count(1)
        expect(row.locator(".lk-best")).to_have_count(0)


def test_a_subscale_called_constructor_scores(browser: Browser, base: str) -> None:
    with open_context(browser, base) as ctx:
        page = ctx.page()
        page.goto(base + "self-check/")
        for item in page.locator(".lk-item").all():
            item.locator("input").nth(2).check()
        page.get_by_role("button", name="See my results").click()
        result = page.locator("[data-lk-subscale-result='constructor'] [data-lk-band]")
        expect(result).to_contain_text("Average 3")
        saved = page.evaluate("k => localStorage.getItem(k)", "lessonkit:tea-basics:v1")
        assert saved is None or "NaN" not in json.dumps(saved)
