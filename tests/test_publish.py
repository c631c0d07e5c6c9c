"""What GitHub Pages serves of the fixture course: real URLs, complete metadata, valid HTML,
nothing from elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SITE_URL
from tests.support.checks import loaded_from_elsewhere

PAGES = [
    "index.html",
    "lessons/01-water/index.html",
    "lessons/01-water/quiz/index.html",
    "self-check/index.html",
    "progress/index.html",
    "glossary/index.html",
]


def meta(html: str, key: str) -> str | None:
    found = re.search(rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)"', html)
    return found.group(1) if found else None


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_description_open_graph_and_canonical(mini_project: Path, path: str) -> None:
    html = (mini_project / "site" / path).read_text(encoding="utf-8")
    url = SITE_URL + path.removesuffix("index.html")
    assert meta(html, "description")
    assert meta(html, "og:description") == meta(html, "description")
    assert meta(html, "og:title") and meta(html, "og:site_name") == "Brewing a Calm Cup of Tea"
    assert meta(html, "og:url") == url
    assert f'<link rel="canonical" href="{url}">' in html
    assert re.search(r'<link rel="icon" href="[^"]*favicon\.svg"', html)
    assert '<html lang="en-GB"' in html, "the language comes from course.yml"


def test_a_lesson_is_described_by_its_summary(mini_project: Path) -> None:
    html = (mini_project / "site" / "lessons" / "01-water" / "index.html").read_text()
    assert meta(html, "description") == (
        "Why fresh water at the right temperature matters more than the tea itself."
    )
    assert meta(html, "og:title") == "Start With the Water - Brewing a Calm Cup of Tea"


def test_sitemap_carries_the_real_urls(mini_project: Path) -> None:
    sitemap = (mini_project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert SITE_URL in urls and SITE_URL + "lessons/01-water/quiz/" in urls
    assert all(u.startswith(SITE_URL) for u in urls)


def test_nothing_is_loaded_from_another_host(mini_project: Path) -> None:
    assert loaded_from_elsewhere(mini_project / "site", SITE_URL) == []


def test_nu_html_checker_finds_no_errors(mini_project: Path, nu_errors) -> None:
    assert nu_errors[mini_project / "site"] == []
