"""Python-Markdown extension: the HTML allow-list (safety.py) as the last step of every page.

Whatever author text a page holds, what reaches the page is only what the list allows, in
any engine that runs Python-Markdown (MkDocs, Zensical). lessonkit adds it to the engine's
settings unless the course says `allow_html: true`; `lessonkit check` reports beforehand,
on the YAML line, anything it would remove.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from .safety import clean


class _AllowList(Postprocessor):
    def run(self, text: str) -> str:
        return clean(text)


class AllowList(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # after every other step: raw HTML is restored at 30, entities at 20
        md.postprocessors.register(_AllowList(md), "lessonkit-allow-list", 0)


def makeExtension(**kwargs: Any) -> AllowList:
    return AllowList(**kwargs)
