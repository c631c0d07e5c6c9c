"""Under `lessonkit serve`, a content error shows in the browser: every problem with its
file, line, column and hint, while the server keeps running; the next good save brings the
course back, and live reload works throughout."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import open_context
from tests.support.preview import start_preview
from tests.support.project import make_project, mini_content

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    root = make_project(tmp_path / "project", mini_content())
    server, url, _ = start_preview(root)
    try:
        yield root, url
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def test_a_broken_file_shows_its_problems_and_a_fix_brings_the_course_back(
    browser: Browser, served: tuple[Path, str]
) -> None:
    root, url = served
    lesson = root / "content" / "lessons" / "01-water.yml"
    good = lesson.read_text("utf-8")
    with open_context(browser, url) as ctx:
        page = ctx.page()
        page.goto(url + "lessons/01-water/")
        expect(page.locator("h1")).to_contain_text("Start With the Water")
        lesson.write_text(good.replace("title:", "titel:", 1), "utf-8")
        expect(page.locator("h1")).to_contain_text("The course has problems", timeout=30_000)
        problem = page.locator(".lk-problems li").first
        expect(problem).to_contain_text("content/lessons/01-water.yml:3:1")
        expect(problem).to_contain_text("unknown key 'titel'")
        expect(problem).to_contain_text("did you mean 'title'?")
        page.goto(url + "glossary/")  # every page says so while the course is broken
        expect(page.locator("h1")).to_contain_text("The course has problems")
        page.goto(url + "lessons/01-water/")
        lesson.write_text(good, "utf-8")
        expect(page.locator("h1")).to_contain_text("Start With the Water", timeout=30_000)
