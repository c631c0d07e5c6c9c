"""One system Chromium for the whole session; each test gets a fresh context and page that
fail the test on any console error, page error or request to a host other than the site."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.support.chromium import launch
from tests.support.serve import serve

KEY = "lessonkit:tea-basics:v1"  # the fixture course's storage key


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def mini_base(mini_project: Path) -> Iterator[str]:
    with serve(mini_project / "site", "/some-repo/") as base:
        yield base


@pytest.fixture(scope="session")
def real_base(real_project: Path) -> Iterator[str]:
    with serve(real_project / "site", "/some-repo/") as base:
        yield base


class Watched:
    """A browser context whose pages record console errors and requests to other hosts."""

    def __init__(self, context: BrowserContext, base: str) -> None:
        self.context = context
        self.base = base
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        self.errors: list[str] = []
        self.foreign: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def page(self) -> Page:
        page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        return page

    def check(self) -> None:
        assert self.errors == [], "the page logged errors"
        assert self.foreign == [], "the page asked another host for something"


@contextlib.contextmanager
def open_context(browser: Browser, base: str, **options) -> Iterator[Watched]:
    """A watched context with Playwright's context options; checked when the block ends."""
    context = browser.new_context(**options)
    watched = Watched(context, base)
    try:
        yield watched
        watched.check()
    finally:
        context.close()


@pytest.fixture
def ctx(browser: Browser, mini_base: str) -> Iterator[Watched]:
    with open_context(browser, mini_base) as watched:
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
