"""The 404 page of a site built without its address (SITE_URL unset), in Chromium: served at
missing addresses under a subpath, as GitHub Pages serves a project site, it is styled, its
links lead into the site, and it asks for nothing that is not there. (Built with its
address, the engine writes the 404 page's links from it: tests/test_site.py.)"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from lessonkit.build.themefix import root_script
from lessonkit.cli import build
from tests.support.project import make_project, mini_content
from tests.support.serve import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = "https://owner.github.io"  # a project site's host, answered by the local server

SEEN = """() => ({
  header: getComputedStyle(document.querySelector(".md-header")).position,
  sheets: [...document.styleSheets]
    .filter(s => s.href && !s.media.mediaText && s.cssRules.length)
    .map(s => s.href.split("/").pop().split(".")[0]),
  home: document.querySelector(".md-header a.md-logo").href,
})"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course built without SITE_URL."""
    project = make_project(tmp_path_factory.mktemp("no-address") / "project", mini_content())
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SITE_URL", raising=False)
        assert build(project) == 0, "the site did not build"
    return project / "site"


Visit = Callable[[str], tuple[Page, dict]]


@contextlib.contextmanager
def visiting(
    browser: Browser, site: Path, prefix: str, host: str = ""
) -> Iterator[tuple[str, Visit, list[str]]]:
    """The site served under prefix, at host if given (else the local server's address):
    (its base address, a function that opens a missing address of it and says what the page
    shows, what went wrong). Wrong: any console error but the 404 status, and any response
    of 400 or more but the page's own; a test looks before it leaves the page."""
    problems: list[str] = []
    with serve(site, prefix) as local:
        base = host + prefix if host else local
        context = browser.new_context()
        if host:
            origin = local.removesuffix(prefix)
            context.route(
                f"{host}/**",
                lambda route: route.fulfill(
                    response=route.fetch(url=route.request.url.replace(host, origin))
                ),
            )

        def visit(path: str) -> tuple[Page, dict]:
            page = context.new_page()
            page.on(
                "console",
                lambda m: m.type == "error" and "404" not in m.text and problems.append(m.text),
            )
            page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
            page.on(
                "response",
                lambda r: (
                    r.status >= 400
                    and r.url != base + path
                    and problems.append(f"{r.status} {r.url}")
                ),
            )
            response = page.goto(base + path)
            assert response is not None and response.status == 404
            page.wait_for_load_state("networkidle")
            return page, page.evaluate(SEEN)

        try:
            yield base, visit, problems
        finally:
            # the theme may still be reading its search index through the route
            context.unroute_all(behavior="ignoreErrors")
            context.close()


def test_a_missing_lesson_under_a_subpath(browser: Browser, site: Path) -> None:
    with visiting(browser, site, "/some-repo/") as (base, visit, problems):
        page, seen = visit("lessons/no-such-lesson/")
        assert seen["header"] == "sticky", "Material's stylesheet applies"
        assert {"main", "palette", "lessonkit"} <= set(seen["sheets"])
        assert seen["home"] == base
        expect(page.locator("h1")).to_have_text("404 - Not found")
        page.locator(".md-search__input").click()  # search reads its index from the root
        page.keyboard.type("water")
        found = page.locator(".md-search-result__item a").first
        expect(found).to_have_attribute("href", f"{base}lessons/01-water/")
        page.keyboard.press("Escape")
        assert problems == []
        page.locator(".md-header a.md-logo").click()
        expect(page.locator("[data-lk-lessons]")).to_be_visible()
        assert page.url == base


def test_any_missing_address_of_a_project_site_on_github_io(browser: Browser, site: Path) -> None:
    """An address that names nothing of the site: on github.io, the first folder is the
    project's."""
    with visiting(browser, site, "/some-repo/", PAGES) as (base, visit, problems):
        page, seen = visit("no/such/page/")
        assert seen["header"] == "sticky"
        assert seen["home"] == base == f"{PAGES}/some-repo/"
        assert problems == []
        page.locator(".md-nav a[href*='lessons/']").first.click()
        expect(page.locator(".lk-lesson-meta")).to_contain_text("Lesson 1 of 2")
        assert page.url.startswith(base + "lessons/")


# At the root of a host: a custom domain (the local server), or a user site on github.io,
# where an address of two folders that name nothing of the site reads as a project's.
@pytest.mark.parametrize(
    ("host", "path"),
    [("", "no/such/page/"), ("", "lessons/gone/"), (PAGES, "lessons/gone/"), (PAGES, "gone")],
)
def test_a_site_at_the_root_of_its_host_as_before(
    browser: Browser, site: Path, host: str, path: str
) -> None:
    with visiting(browser, site, "/", host) as (base, visit, problems):
        _, seen = visit(path)
        assert problems == []
    assert seen["header"] == "sticky"
    assert seen["home"] == base


# The root found for an address (host, path) of a site whose root holds `NAMES`.
NAMES = ["404.html", "assets", "index.html", "lessons", "search", "sitemap.xml"]
ROOTS = [
    ("owner.github.io", "/repo/lessons/gone/", "/repo/"),
    ("owner.github.io", "/repo/no/such/page/", "/repo/"),
    ("owner.github.io", "/repo/gone", "/repo/"),
    ("owner.github.io", "/lessons/gone/", "/"),  # a user site
    ("owner.github.io", "/gone", "/"),
    ("owner.github.io", "/lessons/lessons/gone/", "/lessons/"),  # a project named "lessons"
    ("example.org", "/a/b/course/lessons/gone/", "/a/b/course/"),
    ("example.org", "/course/assets/gone.css", "/course/"),
    ("example.org", "/no/such/page/", "/"),  # elsewhere, an address that names nothing
]


def test_the_root_is_found_from_the_address(browser: Browser) -> None:
    page = browser.new_page()
    try:
        found = page.evaluate(
            """([code, cases]) => cases.map(([hostname, pathname]) => {
              const base = {href: ""};
              new Function("location", "document", code)(
                {hostname, pathname}, {querySelector: () => base});
              return base.href;
            })""",
            [root_script(NAMES), [[host, path] for host, path, _ in ROOTS]],
        )
    finally:
        page.close()
    assert found == [root for *_, root in ROOTS]
