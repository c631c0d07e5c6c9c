"""Python-Markdown extension: mark links to other sites with class "lk-external".

Why: printed pages show the address after an external link (theme/assets/print.css), and
CSS alone cannot tell such links apart, because Material's instant navigation rewrites every
relative href into an absolute one on the same origin. Whether a link leaves the site is
known when the Markdown is turned into HTML, so it is marked there; both engines (MkDocs
and Zensical) run Python-Markdown extensions named in markdown_extensions.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

CLASS = "lk-external"


def is_external(href: str) -> bool:
    return urlsplit(href).scheme in ("http", "https")


class _MarkExternal(Treeprocessor):
    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            if is_external(link.get("href", "")):
                classes = link.get("class", "").split()
                if CLASS not in classes:
                    link.set("class", " ".join([*classes, CLASS]))


class ExternalLinks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # after inline parsing (links exist), before attr_list-less raw HTML is restored
        md.treeprocessors.register(_MarkExternal(md), "lk-external-links", 5)


def makeExtension(**kwargs: Any) -> ExternalLinks:
    return ExternalLinks(**kwargs)
