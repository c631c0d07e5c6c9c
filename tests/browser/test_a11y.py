"""axe-core on every kind of page of the fixture course, in the state a reader leaves it in,
in both colour schemes; reflow at 320 px, 200% zoom, reduced motion, the colour scheme, and
no errors or foreign requests on any page.

Why axe does not run every rule on every page in both schemes, as it once did: switching the
scheme changes colours and almost nothing else. The palette is a `data-md-color-scheme`
attribute that only CSS reads (lessonkit.css keys its dark colours on it too); the DOM,
names, roles, landmarks, headings, labels and focus order are the same nodes in both (the
one difference is which of the palette toggle's two labels shows, both named in mkdocs.yml).
So the rules that read no colour give the same answer twice, and the second scheme needs only
the rules that do: colour contrast, and links told apart from the text around them. Each page
gets every rule in the light scheme, then the colour rules in the dark one, on the same page
in the same state, switched by the reader's own palette toggle and the system setting
together so that a stylesheet following either is covered. All the pages of a course are
visited in one browser context, in a reader's order, so later pages show what earlier ones
saved. That is half the axe runs, and half the page loads, for the same risks. The course's
own pages are checked the same way in tests/course/test_a11y.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import put
from tests.support.a11y import STILL, assert_accessible, interact
from tests.support.browser import Watched, open_context

pytestmark = pytest.mark.browser

# Every page kind the templates make, in the order a reader might visit them: each later
# page shows what the earlier ones saved (visits, a note, scores, self-check results).
PAGES = [
    ("", "home"),
    ("lessons/01-water/", "lesson"),
    ("lessons/01-water/quiz/", "quiz"),
    ("review/", "quiz"),
    ("self-check/", "self-check"),
    ("glossary/", "other"),
    ("support/", "other"),
    ("workbook/", "other"),
]


def test_axe_finds_nothing_on_any_kind_of_page(browser, mini_base: str) -> None:
    with open_context(browser, mini_base, **STILL) as ctx:
        page = ctx.page()
        for path, kind in PAGES:
            page.goto(mini_base + path)
            interact(page, kind)
            assert_accessible(page)
        page.goto(mini_base + "progress/")  # with the visits, scores and notes made above
        expect(page.locator(".lk-visited").first).to_be_visible()
        assert_accessible(page)
        page.get_by_role("button", name="Erase everything").click()
        assert_accessible(page)
        put(page, mini_base, "{not json")
        page.goto(mini_base + "lessons/01-water/quiz/")
        expect(page.locator(".lk-notice")).to_be_visible()
        assert_accessible(page)
        page.goto(mini_base + "no/such/page/")
        # the browser logs the 404 status: the one error this visit should cause
        assert len(ctx.errors) == 1 and "status of 404" in ctx.errors[0], ctx.errors
        ctx.errors.clear()
        assert_accessible(page)


def test_no_page_logs_an_error_or_asks_another_host(ctx: Watched, base: str, mini_project) -> None:
    site = mini_project / "site"
    page = ctx.page()
    for html in sorted(site.rglob("*.html")):
        path = html.relative_to(site).as_posix().removesuffix("index.html")
        if path == "404.html":
            continue
        page.goto(base + path)
        expect(page.locator("[data-lk-course]")).to_be_attached()
        assert page.evaluate("document.querySelector('article').dataset.lkReady") == "1"
    assert ctx.context.cookies() == [], "no cookies"
    # the ctx fixture fails the test on any console error or request to another host


@pytest.mark.parametrize("path", ["lessons/01-water/quiz/", "self-check/", "progress/", ""])
def test_pages_reflow_at_320_px(browser, base: str, path: str) -> None:
    with open_context(browser, base, viewport={"width": 320, "height": 640}) as ctx:
        page = ctx.page()
        page.goto(base + path)
        if path.endswith("quiz/"):
            interact(page, "quiz")
        elif path == "self-check/":
            interact(page, "self-check")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} scrolls sideways at 320 px ({width} px wide)"


def test_zoom_200_percent_keeps_the_quiz_usable(browser, base: str) -> None:
    # 200% zoom of a 1280 px window lays out like a 640 px one at twice the pixel density.
    with open_context(
        browser, base, viewport={"width": 640, "height": 400}, device_scale_factor=2
    ) as ctx:
        page = ctx.page()
        page.goto(base + "lessons/01-water/quiz/")
        interact(page, "quiz")
        assert page.evaluate("document.documentElement.scrollWidth") <= 640
        expect(page.locator(".lk-check").first).to_be_in_viewport()


def test_reduced_motion_turns_transitions_off(browser, base: str) -> None:
    with open_context(browser, base, reduced_motion="reduce") as ctx:
        page = ctx.page()
        page.goto(base + "lessons/01-water/quiz/")
        durations = page.locator(".md-button").evaluate_all(
            "els => els.map(e => getComputedStyle(e).transitionDuration)"
        )
        assert durations and all(d in ("0s", "0s, 0s") for d in durations), durations


@pytest.mark.parametrize(("scheme", "palette"), [("light", "default"), ("dark", "slate")])
def test_the_palette_follows_the_system_and_can_be_toggled(
    browser, base: str, scheme: str, palette: str
) -> None:
    with open_context(browser, base, color_scheme=scheme) as ctx:
        page = ctx.page()
        page.goto(base)
        body = page.locator("body")
        expect(body).to_have_attribute("data-md-color-scheme", palette)
        page.locator("form[data-md-component=palette] label:visible").click()
        other = "slate" if palette == "default" else "default"
        expect(body).to_have_attribute("data-md-color-scheme", other)
