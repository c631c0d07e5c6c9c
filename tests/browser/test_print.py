"""The fixture courses' workbooks as Chromium prints them: type sized for paper (body text
11 pt or more, nothing but code under 10 pt, tables 9 pt or more), nothing wider than an A4
page, and an answer key that runs on from page to page. (A printed quiz page keeps its
answers to itself: test_quiz.py.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.support.paper import (
    forced_breaks_in_the_key,
    open_on_paper,
    small_type,
    wasted_key_pages,
    wider_than_the_paper,
)
from tests.support.serve import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module", params=["mini_project", "tech_project"])
def workbook(request: pytest.FixtureRequest) -> Iterator[str]:
    """The address of a fixture course's workbook, served under a subpath."""
    project = request.getfixturevalue(request.param)
    with serve(project / "site", "/some-repo/") as base:
        yield base + "workbook/"


def test_type_is_sized_for_paper(browser: Browser, workbook: str) -> None:
    page = open_on_paper(browser, workbook)
    try:
        assert small_type(page) == []
        assert wider_than_the_paper(page) == []
    finally:
        page.close()


def test_the_self_check_table_prints_in_9_pt_or_more_and_fits_the_page(
    browser: Browser, mini_project
) -> None:
    with serve(mini_project / "site", "/some-repo/") as base:
        page = open_on_paper(browser, base + "workbook/")
        try:
            table = page.locator(".lk-wb-scale table")
            sizes = table.locator("td, th").evaluate_all(
                "cells => cells.map(c => parseFloat(getComputedStyle(c).fontSize) * 0.75)"
            )
            box = table.bounding_box()
            width = page.evaluate("document.documentElement.clientWidth")
        finally:
            page.close()
    assert sizes and min(sizes) >= 9, sizes
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_the_answer_key_runs_on_from_page_to_page(browser: Browser, workbook: str) -> None:
    page = open_on_paper(browser, workbook)
    try:
        assert page.locator(".lk-wb-answer").count() > 0
        assert forced_breaks_in_the_key(page) == []
    finally:
        page.close()
    assert wasted_key_pages(browser, workbook) == []
