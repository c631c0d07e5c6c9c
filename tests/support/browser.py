"""Browser contexts that fail a test on any console error, page error or request to a host
other than the site's; used by tests/browser (the fixture course) and tests/course."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page


class Watched:
    """A browser context whose pages record console errors and requests to other hosts."""

    def __init__(self, context: BrowserContext, base: str) -> None:
        self.context = context
        self.base = base
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        self.errors: list[str] = []
        self.foreign: list[str] = []
        # Only requests to other hosts come to Python (a pattern is matched in the browser's
        # driver; a function would have every request of every page wait for Python).
        elsewhere = re.compile("^(?!" + re.escape(self.origin + "/") + ")")
        context.route(elsewhere, self._refuse)

    def _refuse(self, route) -> None:
        self.foreign.append(route.request.url)
        route.abort()

    def page(self) -> Page:
        page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        return page

    def check(self) -> None:
        assert self.errors == [], f"the page logged errors: {self.errors}"
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


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab (only Tab) until the focused element matches selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")
