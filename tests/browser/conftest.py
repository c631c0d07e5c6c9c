"""The fixture course served as GitHub Pages serves it; each test gets a fresh context and
page in the session's Chromium that fail the test on any console error, page error or
request to a host other than the site."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.support.browser import Watched, open_context
from tests.support.serve import serve

KEY = "lessonkit:tea-basics:v1"  # the fixture course's storage key


@pytest.fixture(scope="session")
def mini_base(mini_project: Path) -> Iterator[str]:
    with serve(mini_project / "site", "/some-repo/") as base:
        yield base


@pytest.fixture(scope="session")
def tech_base(tech_project: Path) -> Iterator[str]:
    """The technical fixture course (code, figures, exercises), served likewise."""
    with serve(tech_project / "site", "/some-repo/") as base:
        yield base


@pytest.fixture
def ctx(browser: Browser, base: str) -> Iterator[Watched]:
    """A fresh context on the module's site: the fixture course, unless the module gives
    another `base` (test_short_answers.py serves the technical one)."""
    with open_context(browser, base) as watched:
        yield watched


@pytest.fixture
def page(ctx: Watched) -> Page:
    return ctx.page()


@pytest.fixture
def base(mini_base: str) -> str:
    return mini_base


def saved(page: Page) -> dict | None:
    """What the fixture course has in this browser's storage, parsed."""
    raw = page.evaluate("k => localStorage.getItem(k)", KEY)
    return None if raw is None else json.loads(raw)


def put(page: Page, base: str, value: str) -> None:
    """Write the raw storage value (on the site's origin) before a test's first real page."""
    if not page.url.startswith(base):
        page.goto(base + "support/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, value])
