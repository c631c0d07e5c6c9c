"""axe-core in the page: every rule in one colour scheme, the colour rules in the other
(tests/browser/test_a11y.py says why that is enough), and the interactive states a reader
leaves pages in.

axe is injected once a page, and measures colours at rest: pages are checked with reduced
motion (the theme's fades could otherwise be caught halfway) and once animations end.
"""

from __future__ import annotations

from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

# Context options for pages axe checks.
STILL = {"reduced_motion": "reduce", "color_scheme": "light"}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
SCHEMES = {"default": "light", "slate": "dark"}  # Material's palette -> the system setting

_AXE = Axe().axe_script


def violations(
    page: Page, only: list[str] | None = None, without: list[str] | None = None
) -> AxeResults:
    """axe's violations on the page as it is now: every rule, only some, or all but some."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    if page.evaluate("typeof window.axe === 'undefined'"):
        page.evaluate(_AXE)
    options: dict = {"resultTypes": ["violations"]}
    if only:
        options["runOnly"] = {"type": "rule", "values": only}
    if without:
        options["rules"] = {rule: {"enabled": False} for rule in without}
    return AxeResults(page.evaluate("options => axe.run(document, options)", options))


def switch_scheme(page: Page) -> str:
    """Switch to the other palette as a reader would, the system setting with it."""
    body = page.locator("body")
    now = body.get_attribute("data-md-color-scheme") or "default"
    other = "slate" if now == "default" else "default"
    page.emulate_media(color_scheme=SCHEMES[other])
    # a click in the page: Playwright's own click waits for the page to settle, which costs
    # more here than the colour rules' run
    page.evaluate(
        "[...document.querySelectorAll('form[data-md-component=palette] label')]"
        ".find(label => label.offsetParent !== null).click()"
    )
    expect(body).to_have_attribute("data-md-color-scheme", other)
    return other


def assert_accessible(page: Page) -> None:
    """No violation of any rule in this scheme, nor of the colour rules in the other."""
    every = violations(page)
    assert every.violations_count == 0, f"{page.url}\n{every.generate_report()}"
    scheme = switch_scheme(page)
    try:
        colour = violations(page, only=COLOUR_RULES)
        assert colour.violations_count == 0, f"{page.url} ({scheme})\n{colour.generate_report()}"
    finally:
        switch_scheme(page)  # the next page opens in the first scheme again


def assert_structure_accessible(page: Page) -> None:
    """No violation of any rule but the colour ones (for a long page whose colours, one
    kind of element at a time, are checked on other pages: there they cost most)."""
    found = violations(page, without=COLOUR_RULES)
    assert found.violations_count == 0, f"{page.url}\n{found.generate_report()}"


def interact(page: Page, kind: str) -> None:
    """Put the page in the state a reader sees after using it, so axe checks that too.
    Controls are found by the hooks the templates give them, not by their words, so this
    works for a course in any language."""
    if kind == "quiz":
        question = page.locator(".lk-question").first
        question.locator("input").last.check()
        question.locator(".lk-check").click()
        expect(question.locator(".lk-verdict")).to_be_visible()
        question.locator("details.lk-answer summary").click()
    elif kind == "self-check":
        page.locator(".lk-item").first.locator("input").last.check()
        page.locator("[data-lk-selfcheck] button[type=submit]").click()
        expect(page.locator("[data-lk-results]")).to_be_visible()
    elif kind == "lesson" and page.locator(".lk-reflection textarea").count():
        page.locator(".lk-reflection textarea").first.fill("A note")
        expect(page.locator(".lk-reflection .lk-saved").first).to_be_visible()
