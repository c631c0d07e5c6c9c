"""The course's workbook as Chromium prints it: type sized for paper, nothing wider than
an A4 page, and an answer key with no forced page breaks that takes no more pages than it
needs (tests/support/paper.py says what each means)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.support.paper import (
    forced_breaks_in_the_key,
    open_on_paper,
    small_type,
    wasted_key_pages,
    wider_than_the_paper,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_workbook_prints_readably(browser: Browser, course_base: str) -> None:
    page = open_on_paper(browser, course_base + "workbook/")
    try:
        assert small_type(page) == []
        assert wider_than_the_paper(page) == []
        assert forced_breaks_in_the_key(page) == []
    finally:
        page.close()


def test_the_answer_key_leaves_no_half_empty_pages(browser: Browser, course_base: str) -> None:
    assert wasted_key_pages(browser, course_base + "workbook/") == []
