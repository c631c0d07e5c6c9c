"""Whatever a course file holds, no script it wrote runs on the published site. The pages of
hostile courses (every payload in every field, and one payload a field) are built as they
are, past the check that would refuse them, so this tests the pages' own defences: the
escaped titles and the allow-list. Every page is loaded in Chromium with a dialog
listener, and its DOM must hold no handler, no script URL and no element the list refuses.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from lessonkit.build.stage import build_site
from lessonkit.load import load_course
from lessonkit.pipeline import Generated
from lessonkit.render import render_course
from tests.support.hostile import every_payload, hostile_content, one_payload
from tests.support.project import make_project
from tests.support.serve import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# What must not be on any page: handlers or script URLs anywhere (the theme has none), the
# payloads' own images anywhere (head and navigation included), and scripts, frames or
# unknown elements in the article (the theme's scripts live outside it).
UNSAFE = """() => {
  const found = [];
  for (const el of document.querySelectorAll("img[src='x'], [autofocus]")) found.push(el.outerHTML);
  for (const el of document.querySelectorAll("*")) {
    const inArticle = !!el.closest("article");
    if (inArticle && ["SCRIPT", "IFRAME", "OBJECT", "EMBED", "SVG", "X_Y"].includes(el.tagName.toUpperCase()))
      found.push(el.tagName);
    for (const a of el.attributes) {
      const v = a.value.replace(/\\s/g, "").toLowerCase();
      if (a.name.startsWith("on") || (inArticle && a.name === "style" && !["TD", "TH"].includes(el.tagName)))
        found.push(`${el.tagName} ${a.name}`);
      if (["href", "src", "action", "formaction"].includes(a.name) && /^(javascript|data|vbscript):/.test(v))
        found.push(`${el.tagName} ${a.name}=${a.value}`);
    }
  }
  return found;
}"""


def _built(root: Path, pick) -> Path:
    """A project with the hostile course, built as it is: the payloads make broken links,
    so the engine is not strict either."""
    make_project(root, None)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "strict: false\n", "utf-8")
    shutil.rmtree(root / "content")
    hostile_content(root / "content", pick)
    loaded = load_course(root / "content", shown_root=root)
    assert loaded.course is not None, [str(p) for p in loaded.problems]
    result = Generated(loaded.course, render_course(loaded.course), [])
    assert build_site(root, result, strict=False) >= 0
    return root / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    every = _built(tmp_path_factory.mktemp("every"), every_payload)
    one = _built(tmp_path_factory.mktemp("one"), one_payload)
    with serve(every, "/repo/") as first, serve(one, "/repo/") as second:
        yield [(every, first), (one, second)]


def _pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).parent.as_posix() + "/"
        for p in site.rglob("index.html")
        if "assets" not in p.parts and "search" not in p.parts
    )


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, list[str], list[str]]]:
    """A page, the dialogs it opened and the errors it logged. The payloads' images (x.png)
    do not exist: a 404 is the one error allowed."""
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "console", lambda m: m.type == "error" and "404" not in m.text and errors.append(m.text)
    )
    yield page, dialogs, errors
    context.close()


@pytest.mark.parametrize("which", [0, 1], ids=["every-payload", "one-payload"])
def test_no_script_from_the_course_runs_on_any_page(sites, watched, which: int) -> None:
    site, base = sites[which]
    page, dialogs, errors = watched
    pages = _pages(site)
    assert len(pages) >= 9
    for path in pages:
        page.goto(base + ("" if path == "./" else path))
        page.mouse.move(200, 300)
        page.keyboard.press("Tab")
        for summary in page.locator("article details summary").all():
            if summary.is_visible():
                summary.click()
        assert page.evaluate(UNSAFE) == [], path
    assert dialogs == []
    assert errors == []


def test_a_title_with_markup_is_shown_as_text(sites, watched) -> None:
    _, base = sites[0]
    page, dialogs, errors = watched
    page.goto(base + "lessons/01-water/")
    assert "</title><img src=x onerror=alert(1)>" in page.title()
    assert page.locator("head img").count() == 0
    assert "<script>alert(1)</script>" in page.locator(".md-header__topic").first.inner_text()
    assert dialogs == errors == []
