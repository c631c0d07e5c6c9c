"""The few pieces of syntax lessonkit adds to Markdown, and the raw-HTML detector."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# [[term-id]] or [[term-id|the words shown]]
TERM_LINK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")

# An HTML tag or comment. Autolinks (<https://...>) do not match: a scheme has a colon.
_TAG = re.compile(r"<!--|</?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>")
_CODE = re.compile(r"^```.*?^```|(`+)(?:(?!\1).)+?\1", re.M | re.S)


def raw_html_spans(text: str) -> Iterator[tuple[int, str]]:
    """(offset, tag) of each raw HTML tag outside code spans and code blocks."""
    masked = _CODE.sub(lambda m: " " * len(m.group(0)), text)
    for match in _TAG.finditer(masked):
        yield match.start(), match.group(0)[:40]


def link_terms(text: str, href: Callable[[str], str], name: Callable[[str], str]) -> str:
    """Turn [[id]] and [[id|words]] into Markdown links to the glossary entry; a bare
    [[id]] shows the term's own name."""
    if "[[" not in text:  # most text links no term: skip the regex and its callback
        return text

    def link(match: re.Match[str]) -> str:
        term_id = match.group(1).strip()
        words = (match.group(2) or name(term_id)).strip()
        return f"[{words}]({href(term_id)})"

    return TERM_LINK.sub(link, text)
