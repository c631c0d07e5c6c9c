"""Properties every built site has, whatever its course: the tool's tests check them on the
fixture course, tests/course on the course it is given. Each returns what is wrong, so a
test asserts an empty list and a failure names the pages."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from lessonkit import model as m
from tests.support.links import _Page, crawl
from tests.support.serve import serve


def pages_of(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def broken_links(site: Path) -> list[str]:
    """Served under a subpath, as GitHub Pages serves a project site: internal links,
    anchors and assets that do not resolve, and assets from anywhere but the site."""
    pages = pages_of(site)
    with serve(site, "/some-repo/") as base:
        result = crawl(base, tuple(pages))
    missed = [p for p in pages if base + p not in result.pages]
    return (
        result.broken
        + [f"{p} was not crawled" for p in missed]
        + [f"asset from elsewhere: {a}" for a in sorted(result.external_assets)]
    )


def loaded_from_elsewhere(site: Path, site_url: str) -> list[str]:
    """What a page or stylesheet loads from another host (links for readers to follow are
    fine: only what the browser fetches to show a page counts)."""
    foreign = []
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        foreign += [
            f"{path.relative_to(site)}: {value}"
            for _tag, _attr, value in page.links
            if value in page.assets
            and re.match(r"(https?:)?//", value)
            and not value.startswith(site_url)
        ]
    for css in sorted(site.rglob("*.css")):
        text = css.read_text("utf-8")
        foreign += re.findall(r"url\((?:['\"])?(https?:)?//[^)]*\)", text)
        foreign += re.findall(r"@import\s+url\(['\"]?https?:", text)
    return foreign


def pages_without_the_support_note(site: Path) -> list[str]:
    """Every page but the 404 page ends with the care note that links the support page."""
    missing = []
    for page in pages_of(site):
        html = (site / page).read_text(encoding="utf-8")
        if page != "404.html" and not ('class="lk-care"' in html and "support/" in html):
            missing.append(page)
    return missing


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [v for k, v in attrs if k == "id" and v]


def workbook_id_problems(site: Path, course: m.Course) -> list[str]:
    """The built workbook holds every lesson's sections under ids prefixed by the lesson
    number, and no id twice (one page holds the whole course, so ids could collide)."""
    parser = _Ids()
    parser.feed((site / "workbook" / "index.html").read_text(encoding="utf-8"))
    problems = [f"id {i!r} {n} times" for i, n in Counter(parser.ids).items() if n > 1]
    problems += [
        f"no id lesson-{lesson.number}-{section.id}"
        for lesson in course.lessons
        for section in lesson.sections
        if f"lesson-{lesson.number}-{section.id}" not in parser.ids
    ]
    return problems
