"""A course with no disclaimer, support page, self-check or reflections works in the browser
as fully as the bundled one: its script finds its course and keeps its progress."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import open_context

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def base(tech_base: str) -> str:
    return tech_base  # the technical fixture course has none of those pages


def test_a_quiz_is_kept_under_the_courses_own_key(browser: Browser, base: str) -> None:
    with open_context(browser, base) as ctx:
        page = ctx.page()
        page.goto(base + "lessons/01-navigating/quiz/")
        question = page.locator(".lk-question").first
        question.locator("input").first.check()
        question.locator(".lk-check").click()
        expect(question.locator(".lk-verdict")).to_have_text("Right.")
        saved = json.loads(page.evaluate("localStorage.getItem('lessonkit:shell-first-steps:v1')"))
        assert list(saved["answers"]) == ["navigating/pwd-prints"]
        page.goto(base + "progress/")
        expect(page.locator("li[data-lk-lesson='navigating'] .lk-best")).to_have_count(1)
        expect(page.locator("footer, .md-footer")).not_to_contain_text("support")
