"""How pages start: Material's instant navigation, plain loads, and pages opened from files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import KEY
from tests.conftest import SITE_URL
from tests.support.browser import open_context

pytestmark = pytest.mark.browser


def visited(page: Page, lesson: str):
    return page.locator(f'[data-lk-lessons] li[data-lk-lesson="{lesson}"] .lk-visited')


def test_instant_navigation_binds_each_page_once(page: Page, base: str) -> None:
    # Material keeps only the protocol and hostname of the sitemap's URLs, so on a local port
    # it would never navigate instantly: serve the sitemap as the real host would see it.
    def sitemap(route) -> None:
        body = route.fetch().text().replace(SITE_URL, base)
        route.fulfill(body=body, content_type="application/xml")

    page.route("**/sitemap.xml", sitemap)
    # Material only intercepts clicks once it has read the sitemap; a click before that is a
    # plain page load. Wait for the sitemap and for the network to settle before clicking.
    with page.expect_response("**/sitemap.xml"):
        page.goto(base)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator("[data-lk-lessons]").get_by_role("link", name="Start With the Water").click()
    expect(page.locator(".lk-lesson-meta")).to_contain_text("Lesson 1 of 2")
    page.get_by_role("link", name="Check your understanding").click()
    expect(page.locator(".lk-question")).to_have_count(2)
    assert page.evaluate("window.__sameDocument === true"), (
        "a full page load happened: instant navigation did not run"
    )
    expect(page.locator(".lk-check")).to_have_count(2)
    expect(page.locator(".lk-summary")).to_have_count(1)
    page.go_back()
    expect(page.locator(".lk-reflection .lk-saved")).to_have_count(1)
    page.go_forward()
    expect(page.locator(".lk-check")).to_have_count(2)
    page.get_by_label("The water was too hot.").check()
    page.locator("#q-flat-water .lk-check").click()
    expect(page.locator("#q-flat-water .lk-verdict")).to_have_count(1)
    # The visit recorded during instant navigation shows on the next page.
    page.get_by_role("link", name="Next lesson: Steep, Then Wait").click()
    expect(page.locator(".lk-lesson-meta")).to_contain_text("Lesson 2 of 2")  # and its visit
    page.locator(".md-header").get_by_role("link").first.click()
    expect(visited(page, "water")).to_have_count(1)
    expect(visited(page, "steeping")).to_have_count(1)
    assert KEY in page.evaluate("Object.keys(localStorage)")


def test_plain_loads_work_without_materials_document_stream(ctx, base: str) -> None:
    ctx.context.add_init_script(
        "Object.defineProperty(window, 'document$', {get() {}, set(value) {}})"
    )
    page = ctx.page()
    page.goto(base + "lessons/01-water/quiz/")
    assert page.evaluate("window.document$") is None
    expect(page.locator(".lk-check")).to_have_count(2)
    page.get_by_label("The water was too hot.").check()
    page.locator("#q-flat-water .lk-check").click()
    expect(page.locator("#q-flat-water .lk-verdict")).to_have_text("Right.")


def test_a_page_starts_in_a_task_of_its_own(ctx, base: str) -> None:
    """Not in the task that runs the handlers of the parsed page (Material's among them),
    which would make one long task longer: a listener on window runs last in that dispatch,
    and the page has not started by then."""
    ctx.context.add_init_script(
        """addEventListener("DOMContentLoaded", () => {
            window.__startedInTheSameTask = !!document.querySelector("[data-lk-ready]");
        });"""
    )
    page = ctx.page()
    page.goto(base + "lessons/01-water/quiz/")
    expect(page.locator("article[data-lk-ready]")).to_have_count(1)
    assert page.evaluate("window.__startedInTheSameTask") is False
    expect(page.locator(".lk-check").first).to_be_visible()


def test_pages_opened_from_the_file_system_work(browser, mini_project: Path) -> None:
    context = browser.new_context()
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        quiz = (mini_project / "site" / "lessons" / "01-water" / "quiz" / "index.html").as_uri()
        page.goto(quiz)
        page.get_by_label("The water was too hot.").check()
        page.locator("#q-flat-water .lk-check").click()
        expect(page.locator("#q-flat-water .lk-verdict")).to_have_text("Right.")
        page.reload()
        expect(page.locator("#q-flat-water .lk-verdict")).to_have_text("Right.")
    finally:
        context.close()
    assert errors == []


def test_a_request_to_another_host_fails_the_test(browser, base: str) -> None:
    """What every browser test relies on: the watched context refuses and reports it."""
    with pytest.raises(AssertionError, match="another host"), open_context(browser, base) as ctx:
        page = ctx.page()
        page.goto(base + "support/")
        with page.expect_event("requestfailed"):
            page.evaluate("fetch('https://elsewhere.example/x.json').catch(() => {})")
        assert ctx.foreign == ["https://elsewhere.example/x.json"]
        ctx.errors.clear()  # the browser may log the refused request too


# Layout shifts the page has had so far, as Chromium measures them for Core Web Vitals
# (those within half a second of the reader's own input do not count).
SHIFTS = """() => new Promise((done) => {
  const seen = [];
  const watch = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  watch.observe({ type: "layout-shift", buffered: true });
  setTimeout(() => {
    seen.push(...watch.takeRecords());
    watch.disconnect();
    done(seen.filter((e) => !e.hadRecentInput).map((e) => ({
      value: e.value,
      moved: e.sources.map((s) => s.node ? s.node.outerHTML.slice(0, 80) : "?"),
    })));
  }, 100);
})"""


@pytest.mark.slow  # builds the technical fixture course when no test before it has
@pytest.mark.parametrize("course", ["mini", "tech"])
def test_no_page_moves_once_its_script_has_run(browser, course: str, request) -> None:
    # A first visit on a phone, as Lighthouse makes it: what the script drives has its place
    # from the first paint, so nothing below it is pushed down when the script starts (the
    # Check buttons, the quiz score and the Practice page's status line once were).
    site = request.getfixturevalue(f"{course}_project") / "site"
    base = request.getfixturevalue("base" if course == "mini" else "tech_base")
    with open_context(browser, base, viewport={"width": 412, "height": 823}) as ctx:
        page = ctx.page()
        moved = {}
        for html in sorted(site.rglob("index.html")):
            path = html.relative_to(site).as_posix().removesuffix("index.html")
            page.goto(base + path)
            expect(page.locator("article[data-lk-ready]")).to_be_attached()
            moved[path or "home"] = page.evaluate(SHIFTS)
    moved = {path: shifts for path, shifts in moved.items() if shifts}
    assert not moved, json.dumps(moved, indent=1)


def test_what_the_script_drives_is_not_shown_before_it_starts(browser, base: str) -> None:
    # The Check buttons keep their place from the first paint, but a button that does
    # nothing is never shown: not while the script loads, nor when it never arrives.
    with open_context(browser, base) as ctx:
        ctx.context.route("**/assets/lessonkit.js", lambda route: route.abort())
        page = ctx.page()
        page.goto(base + "lessons/01-water/quiz/")
        expect(page.locator(".lk-actions").first).to_be_hidden()
        assert page.locator(".lk-actions").first.bounding_box()["height"] > 0, "its place is kept"
        expect(page.get_by_role("button", name="Check")).to_have_count(0)
        page.goto(base + "progress/")
        expect(page.get_by_role("button", name="Download my data")).to_have_count(0)
        page.goto(base + "practice/")
        expect(page.locator(".lk-practice-status")).to_be_hidden()
        ctx.errors.clear()  # the browser logs the script it could not load
