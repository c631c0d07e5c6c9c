"""Nothing typed leaves the device: a search, its results and the page opened from them put
the terms in no request and no address; and what first paint needs is all that blocks it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_a_search_puts_its_terms_in_no_request(page: Page, base: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base)
    page.keyboard.press("/")  # Material's shortcut to the search box
    page.keyboard.type("kettle")
    result = page.locator(".md-search-result__link").first
    expect(result).to_be_visible()
    result.click()
    expect(page.locator("h1")).to_contain_text("Start With the Water")
    assert "kettle" not in page.url and "?h=" not in page.url
    assert [url for url in requests if "kettle" in url.lower()] == []


def test_print_styles_and_the_script_hold_up_no_first_paint(page: Page, base: str) -> None:
    page.goto(base)
    assert page.locator('link[href$="assets/print.css"]').get_attribute("media") == "print"
    script = page.locator('script[src$="assets/lessonkit.js"]')
    assert script.get_attribute("defer") is not None


def test_search_results_read_at_full_contrast(page: Page, base: str) -> None:
    from tests.support.a11y import violations

    page.goto(base)
    page.keyboard.press("/")
    page.keyboard.type("kettle")
    expect(page.locator(".md-search-result__meta")).to_be_visible()
    found = violations(page, only=["color-contrast"])
    assert found.violations_count == 0, found.generate_report()


def test_the_workbook_at_320_px_has_no_region_a_keyboard_cannot_reach(browser, base: str) -> None:
    from tests.browser.conftest import open_context
    from tests.support.a11y import violations

    with open_context(browser, base, viewport={"width": 320, "height": 640}) as ctx:
        page = ctx.page()
        page.goto(base + "workbook/")
        found = violations(page, only=["scrollable-region-focusable"])
        assert found.violations_count == 0, found.generate_report()
