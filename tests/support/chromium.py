"""Start the headless system Chromium for a test.

Most tests share one browser, the `browser` fixture of tests/conftest.py. `in_chromium`
runs a check in a browser of its own: Playwright's sync API cannot start while another one
is running in the same thread, so that browser runs in a thread of its own. A missing
browser fails the test, it never skips it; so does a test that starts it unmarked.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from tests.support.markers import require_browser_marker

# The system browser (Playwright's own download cannot work here); CI may name another.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

T = TypeVar("T")


def launch(pw: Playwright) -> Browser:
    """The system Chromium; a missing browser is a failure, never a skip."""
    require_browser_marker()
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (apt-get install -y chromium)")
    return pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


def in_chromium(check: Callable[[Browser], T]) -> T:
    """check(browser) in a fresh Chromium; what it returns or raises comes back here."""

    def work() -> T:
        with sync_playwright() as pw:
            browser = launch(pw)
            try:
                return check(browser)
            finally:
                browser.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()
