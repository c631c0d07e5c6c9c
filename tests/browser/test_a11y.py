"""axe-core on every kind of page, light and dark, in the fixture course and the real one;
reflow at 320 px, reduced motion, the colour scheme, and no errors or foreign requests."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.conftest import put
from tests.support.browser import Watched, open_context

pytestmark = pytest.mark.browser

AXE = Axe()
SCHEMES = ["light", "dark"]


# axe measures colours at rest: pages are checked with reduced motion (the theme's fades, such
# as the header title's on scroll, could otherwise be caught halfway) and once animations end.
STILL = {"reduced_motion": "reduce"}


def assert_no_violations(page: Page) -> None:
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    results = AXE.run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def interact(page: Page, kind: str) -> None:
    """Put the page in the state a reader sees after using it, so axe checks that too."""
    if kind == "quiz":
        question = page.locator(".lk-question").first
        question.locator("input").last.check()
        question.locator(".lk-check").click()
        expect(question.locator(".lk-verdict")).to_be_visible()
        question.locator("details.lk-answer summary").click()
    elif kind == "self-check":
        page.locator(".lk-item").first.locator("input").last.check()
        page.get_by_role("button", name="See my results").click()
        expect(page.locator("[data-lk-results]")).to_be_visible()
    elif kind == "lesson" and page.locator(".lk-reflection textarea").count():
        page.locator(".lk-reflection textarea").first.fill("A note")
        expect(page.locator(".lk-reflection .lk-saved").first).to_be_visible()


MINI_PAGES = [
    ("", "home"),
    ("lessons/01-water/", "lesson"),
    ("lessons/01-water/quiz/", "quiz"),
    ("review/", "quiz"),
    ("self-check/", "self-check"),
    ("glossary/", "other"),
    ("support/", "other"),
]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_on_the_fixture_course(browser, mini_base: str, scheme: str) -> None:
    with open_context(browser, mini_base, color_scheme=scheme, **STILL) as ctx:
        page = ctx.page()
        for path, kind in MINI_PAGES:
            page.goto(mini_base + path)
            interact(page, kind)
            assert_no_violations(page)
        page.goto(mini_base + "progress/")  # with the visits, scores and notes made above
        expect(page.locator(".lk-visited").first).to_be_visible()
        assert_no_violations(page)
        page.get_by_role("button", name="Erase everything").click()
        assert_no_violations(page)
        put(page, mini_base, "{not json")
        page.goto(mini_base + "lessons/01-water/quiz/")
        expect(page.locator(".lk-notice")).to_be_visible()
        assert_no_violations(page)


def real_pages(site: Path) -> list[tuple[str, str]]:
    lessons = sorted(p.parent.name for p in (site / "lessons").glob("*/index.html"))
    first, last = lessons[0], lessons[-1]
    pages = [
        ("", "home"),
        (f"lessons/{first}/", "lesson"),
        (f"lessons/{first}/quiz/", "quiz"),
        (f"lessons/{last}/", "lesson"),
        ("self-check/", "self-check"),
        ("progress/", "progress"),
        ("glossary/", "other"),
        ("support/", "other"),
    ]
    if (site / "review" / "index.html").is_file():
        pages.append(("review/", "quiz"))
    return pages


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_on_the_real_course(
    browser, real_project: Path, real_base: str, scheme: str
) -> None:
    with open_context(browser, real_base, color_scheme=scheme, **STILL) as ctx:
        page = ctx.page()
        for path, kind in real_pages(real_project / "site"):
            page.goto(real_base + path)
            interact(page, kind)
            assert_no_violations(page)


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
