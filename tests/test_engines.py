"""Two engines, one course: MkDocs (the default) and Zensical turn the same generated Markdown
into the same set of pages, with the quiz assets wired and the quizzes working."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page

from lessonkit.build.engine import for_zensical, zensical_program
from lessonkit.cli import build, main
from tests.conftest import SITE_URL
from tests.support.chromium import in_chromium
from tests.support.links import _Page, crawl
from tests.support.project import make_project, mini_content
from tests.support.serve import serve
from tests.test_build import snapshot

ENGINES = ("mkdocs", "zensical")
T = TypeVar("T")
ASSETS = ("assets/lessonkit.js", "assets/lessonkit.css", "assets/print.css")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The fixture course built by each engine, as the Pages workflow builds it."""
    if zensical_program() is None:  # missing is a failure, never a skip
        pytest.fail("zensical is not installed: pip install -e '.[zensical]' (make test does)")
    project = make_project(tmp_path_factory.mktemp("engines") / "project", mini_content())
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", SITE_URL)
        assert build(project) == 0
        args = ["build", "--root", str(project), "--engine", "zensical"]
        assert main([*args, "--site-dir", str(project / "zsite")]) == 0
    return {"mkdocs": project / "site", "zensical": project / "zsite"}


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_both_engines_build_every_page(sites: dict[str, Path]) -> None:
    mkdocs, zensical = (_pages(sites[e]) for e in ENGINES)
    assert mkdocs == zensical
    for page in ("index.html", "lessons/01-water/quiz/index.html", "workbook/index.html"):
        assert page in mkdocs


@pytest.mark.parametrize("engine", ENGINES)
def test_every_page_loads_the_quiz_and_print_assets(sites: dict[str, Path], engine: str) -> None:
    site = sites[engine]
    for asset in ASSETS:
        assert (site / asset).is_file(), asset
    for html in site.rglob("*.html"):
        page = _Page()
        page.feed(html.read_text(encoding="utf-8"))
        url = urljoin(SITE_URL, html.relative_to(site).as_posix())  # where the page is served
        loaded = {urljoin(url, a) for a in page.assets}
        for asset in ASSETS:
            assert urljoin(SITE_URL, asset) in loaded, f"{engine}: {html.name} lacks {asset}"


@pytest.mark.slow
def test_zensical_links_resolve_under_a_subpath(sites: dict[str, Path]) -> None:
    site = sites["zensical"]
    with serve(site, "/some-repo/") as base:
        result = crawl(base, tuple(sorted(_pages(site))))
    assert result.broken == []
    assert result.external_assets == set(), "every asset comes from the site itself"


def test_zensical_gets_the_paths_and_settings_it_can_read(tmp_path: Path) -> None:
    config = {
        "docs_dir": str(tmp_path / "docs"),
        "site_dir": str(tmp_path / "site"),
        "site_url": "",
        "theme": {"name": "material"},
    }
    got = for_zensical(config, tmp_path)
    assert (got["docs_dir"], got["site_dir"]) == ("docs", "site")
    assert "site_url" not in got, "an empty site_url would make canonical links root-absolute"
    assert got["theme"] == {"name": "material", "variant": "classic"}
    assert config["theme"] == {"name": "material"}, "the caller's config is left alone"


def test_a_strict_zensical_build_fails_on_a_broken_link(project: Path, capsys) -> None:
    assert build(project, engine="zensical") == 0
    docs, site = snapshot(project / "docs"), snapshot(project / "site")
    (project / "docs" / "notes.md").write_text("# Notes\n\n[gone](missing.md)\n")
    docs["notes.md"] = snapshot(project / "docs")["notes.md"]
    assert build(project, engine="zensical") == 1
    err = capsys.readouterr().err
    assert "notes.md:3" in err and "page does not exist" in err
    assert "\x1b[" not in err and "Traceback" not in err, "plain, short output"
    assert (snapshot(project / "docs"), snapshot(project / "site")) == (docs, site)


def on_page(site: Path, path: str, act: Callable[[Page], T]) -> T:
    """act(page) on a page of site, served under a subpath; fails on any page error."""

    def check(browser: Browser) -> tuple[T, list[str]]:
        with serve(site, "/some-repo/") as base:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(base + path)
            return act(page), errors

    result, errors = in_chromium(check)
    assert errors == []
    return result


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("engine", ENGINES)
def test_quizzes_work_in_both_engines(sites: dict[str, Path], engine: str) -> None:
    def answer_right(page: Page) -> str:
        question = page.locator("fieldset.lk-question").first
        check = question.get_by_role("button", name="Check")
        check.wait_for()
        right = question.locator(".lk-feedback li[data-lk-correct=true]").first
        option = right.get_attribute("data-lk-option")
        question.locator(f".lk-option[data-lk-option='{option}'] input").check()
        check.click()
        return question.locator(".lk-verdict").inner_text()

    verdict = on_page(sites[engine], "lessons/01-water/quiz/", answer_right)
    assert verdict.startswith("Right"), f"{engine}: the quiz script enhanced the page"


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("engine", ENGINES)
def test_search_finds_lesson_text_in_both_engines(sites: dict[str, Path], engine: str) -> None:
    # Each engine draws its own search box: Material's sits in the header, Zensical's opens
    # from a button. Both must find a lesson's section from a word in its text.
    def search(page: Page) -> str:
        opener = "input.md-search__input" if engine == "mkdocs" else "button.md-search__button"
        page.locator(opener).first.click()
        page.keyboard.type("kettle", delay=30)
        # a section title that only search results show on the home page
        found = page.get_by_text("Example: the morning").filter(visible=True).first
        found.wait_for(timeout=15_000)
        return found.inner_text()

    assert on_page(sites[engine], "", search).startswith("Example: the morning")
