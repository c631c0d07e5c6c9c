"""The fixture course's built site, served under a subpath as GitHub Pages serves it: every
link resolves, the 404 page works from any depth, every page reaches the support note, the
home page explains the course, and search leaves out quizzes."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.support.checks import broken_links, pages_of, pages_without_the_support_note
from tests.support.links import _Page, crawl
from tests.support.serve import serve


def test_every_internal_link_and_anchor_resolves_under_a_subpath(mini_project: Path) -> None:
    site = mini_project / "site"
    assert len(pages_of(site)) > 10
    assert broken_links(site) == []


def test_not_found_page_works_from_any_depth(mini_project: Path) -> None:
    with serve(mini_project / "site", "/some-repo/") as base:
        missing = urljoin(base, "no/such/deep/page/")
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(missing, timeout=10)
        assert info.value.code == 404
        page = _Page()
        page.feed(info.value.read().decode("utf-8"))
        targets = sorted({urljoin(missing, value) for _, _, value in page.links})
        assets = [t for t in targets if "/assets/" in t]
        assert assets, "the 404 page loads the site's CSS and JS"
        result = crawl(base, tuple(t.removeprefix(base) for t in targets if t.startswith(base)))
    assert result.broken == []
    assert all(t.startswith(base) for t in targets if "127.0.0.1" in t)


def test_every_page_reaches_the_support_note(mini_project: Path) -> None:
    site = mini_project / "site"
    assert "404.html" in pages_of(site)
    assert pages_without_the_support_note(site) == []


def test_home_page_explains_the_course(mini_project: Path) -> None:
    html = (mini_project / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count("data-lk-lesson=") == 2
    assert html.count('<span class="lk-time">about 1 min</span>') == 2, "reading times"
    assert "Nothing you type leaves your device" in html
    assert 'id="how-it-works"' in html


def test_search_indexes_the_lessons_and_leaves_out_quizzes(mini_project: Path) -> None:
    """Quiz pages state wrong answers on purpose and give the right ones away: a search
    lands on the lessons instead. The workbook repeats every lesson, so it is left out too."""
    index = json.loads((mini_project / "site" / "search" / "search_index.json").read_text())
    pages = {d["location"].split("#")[0] for d in index["docs"]}
    assert {"lessons/01-water/", "lessons/02-steeping/", "glossary/"} <= pages
    assert not [p for p in pages if p.endswith("quiz/") or p.startswith(("review/", "workbook/"))]
    texts = " ".join(d["text"] for d in index["docs"])
    assert "The water was too hot." not in texts, "no quiz option shows up in a search"
