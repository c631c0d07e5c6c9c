"""Crawl a served site: every internal href and src must resolve, #anchors included."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlparse

ASSET_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "icon",
    "shortcut icon",
    "apple-touch-icon",
    "manifest",
    "prefetch",
    "preconnect",
    "dns-prefetch",
}
LINK_ATTRS = {
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attr, value)
        self.assets: set[str] = set()  # what the browser fetches to show the page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if (tag, name) in LINK_ATTRS and value:
                self.links.append((tag, name, value))
                rel = (dict(attrs).get("rel") or "").lower()
                if tag != "a" and (tag != "link" or rel in ASSET_RELS):
                    self.assets.add(value)


@dataclass
class Crawl:
    pages: dict[str, _Page] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    external_assets: set[str] = field(default_factory=set)


def _fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            kind = response.headers.get("Content-Type", "")
            return response.status, kind, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, "", ""


def crawl(base: str, start_paths: tuple[str, ...] = ("",)) -> Crawl:
    """Follow every internal link from the start pages; report what does not resolve."""
    result = Crawl()
    origin = urlparse(base)
    queue = [urljoin(base, p) for p in start_paths]
    seen: set[str] = set()
    anchors: list[tuple[str, str, str]] = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, kind, body = _fetch(url)
        if status != 200:
            result.broken.append(f"{url} -> HTTP {status}")
            continue
        if "html" not in kind:
            continue
        page = _Page()
        page.feed(body)
        result.pages[url] = page
        for _tag, _attr, value in page.links:
            target = urljoin(url, value)
            parsed = urlparse(target)
            if parsed.scheme not in ("http", "https"):
                continue
            if parsed.netloc != origin.netloc:
                (result.external_assets if value in page.assets else result.external).add(target)
                continue
            if not parsed.path.startswith(origin.path):
                result.broken.append(f"{url}: {value} leaves the site's base path")
                continue
            bare, fragment = urldefrag(target)
            if fragment:
                anchors.append((url, bare, fragment))
            queue.append(bare)
    for url, target, fragment in anchors:
        page = result.pages.get(target)
        if page is not None and fragment not in page.ids:
            result.broken.append(f"{url}: #{fragment} is not an id in {target}")
    return result
