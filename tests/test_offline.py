"""The offline copy: a zip of the whole site that works from the file system, with no server
and no connection; building it leaves docs/ and site/ alone."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from lessonkit.build.offline import SHIM_PATH, offline_overrides, write_zip
from lessonkit.cli import build, main
from tests.support.links import _Page
from tests.support.project import make_project, mini_content
from tests.test_build import snapshot

TOP = "tea-basics"  # the fixture course's id: the zip's one top folder


@pytest.fixture(scope="module")
def offline_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course, built as a site and then as an offline copy."""
    project = make_project(tmp_path_factory.mktemp("offline") / "project", mini_content())
    assert build(project) == 0
    before = snapshot(project / "docs"), snapshot(project / "site")
    assert main(["offline", "--root", str(project)]) == 0
    assert (snapshot(project / "docs"), snapshot(project / "site")) == before
    assert not list((project / ".lessonkit").glob("build-*")), "the stage folder is cleaned up"
    return project


@pytest.fixture(scope="module")
def unzipped(offline_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_project / "dist" / f"{TOP}-offline.zip") as zf:
        zf.extractall(dest)
    return dest / TOP


@pytest.mark.slow
def test_the_zip_holds_the_site_under_one_folder(offline_project: Path) -> None:
    with zipfile.ZipFile(offline_project / "dist" / f"{TOP}-offline.zip") as zf:
        names = zf.namelist()
    assert {n.split("/")[0] for n in names} == {TOP}
    for page in ("index.html", "lessons/01-water/index.html", "lessons/01-water/quiz.html"):
        assert f"{TOP}/{page}" in names
    for asset in ("search/search_index.js", SHIM_PATH, "assets/lessonkit.js", "assets/print.css"):
        assert f"{TOP}/{asset}" in names
    assert not [n for n in names if n.endswith(".map")]
    assert f"{TOP}/404.html" not in names, "only a server shows it, and its links need one"


@pytest.mark.slow
def test_every_page_links_files_and_loads_nothing_from_elsewhere(unzipped: Path) -> None:
    for html in unzipped.rglob("*.html"):
        page = _Page()
        text = html.read_text(encoding="utf-8")
        page.feed(text)
        assert not [a for a in page.assets if re.match(r"(https?:)?//", a)], html
        for _tag, _attr, href in page.links:
            path = href.split("#")[0].split("?")[0]
            if path and not re.match(r"[a-z]+:", path):
                assert (html.parent / path).is_file(), f"{html.name}: {href} is not a file"
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', text)
        assert config, html
        features = json.loads(config.group(1))["features"]
        assert not [f for f in features if f.startswith("navigation.instant")], html


def test_overrides_add_to_what_the_author_configured() -> None:
    config = {"plugins": ["search", {"tags": {}}], "extra": {"generator": False}}
    config["theme"] = {"features": ["navigation.instant", "navigation.footer"]}
    got = offline_overrides(config)
    assert got["plugins"] == ["search", {"tags": {}}, "offline"]
    assert got["extra"] == {"generator": False, "polyfills": [SHIM_PATH]}
    assert got["use_directory_urls"] is False
    assert got["theme"] == {"features": ["navigation.footer"]}
    assert offline_overrides({**config, **got})["plugins"].count("offline") == 1


@pytest.mark.slow
def test_the_same_site_zips_to_the_same_bytes(unzipped: Path, tmp_path: Path) -> None:
    first = write_zip(unzipped, tmp_path / "a", "x").read_bytes()
    assert write_zip(unzipped, tmp_path / "b", "x").read_bytes() == first
    assert not list((tmp_path / "a").glob("*.partial"))


@pytest.mark.slow
@pytest.mark.browser
def test_it_works_from_the_file_system(browser: Browser, unzipped: Path) -> None:
    """Open index.html over file://, follow links to a quiz, answer it, and search."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("request", lambda r: r.url.startswith("file:") or problems.append(r.url))
    try:
        page.goto((unzipped / "index.html").as_uri())
        page.locator(".md-content a", has_text="Start With the Water").first.click()
        lesson = page.url
        page.get_by_role("link", name="Check your understanding").click()
        quiz = page.url
        question = page.locator("fieldset.lk-question").first
        right = question.locator(".lk-feedback li[data-lk-correct=true]").first
        option = right.get_attribute("data-lk-option")
        question.locator(f".lk-option[data-lk-option='{option}'] input").check()
        question.get_by_role("button", name="Check").click()
        verdict = question.locator(".lk-verdict").inner_text()
        # the answer is scheduled for practice, and the Practice page reads it from here too
        page.goto((unzipped / "practice.html").as_uri())
        practice = page.locator(".lk-practice-status").inner_text()
        page.go_back()
        page.locator(".md-search__input").click()
        page.keyboard.type("kettle")
        results = page.locator(".md-search-result__item")
        results.first.wait_for()
        found = results.locator("a").first.get_attribute("href") or ""
        seen = {
            "lesson": lesson,
            "quiz": quiz,
            "verdict": verdict,
            "practice": practice,
            "results": results.count(),
            "found": found,
            "problems": problems,
        }
    finally:
        page.close()
    assert seen["lesson"] == (unzipped / "lessons" / "01-water" / "index.html").as_uri()
    assert seen["quiz"] == (unzipped / "lessons" / "01-water" / "quiz.html").as_uri()
    assert seen["verdict"].startswith("Right"), "the quiz script runs over file://"
    assert seen["practice"].startswith("Nothing is due today. The next question comes back on")
    assert seen["results"] >= 1, "search finds the lessons with no server"
    assert seen["found"].startswith(unzipped.as_uri() + "/")
    assert seen["problems"] == [], "no errors and no requests beyond the unzipped files"
