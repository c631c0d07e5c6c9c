"""Where a file's text names glossary terms ([[term]], never in code), holds raw HTML, or
holds other Markdown that makes HTML of the author's choosing (links, images, attribute
lists).

That depends on the file alone, so it is found when the file is read; the whole-course
checks (checks.text_problems) then compare the marks with the glossary, the course's
allow_html setting and the HTML allow-list (safety.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .markup import raw_html_spans, term_links
from .problems import Where
from .yamlsource import Document, JsonPath

# Values that are ids, lists of ids, settings or addresses, never text for readers.
_NOT_TEXT = {"id", "lessons", "subscale", "section", "sources", "language", "url"}


@dataclass(frozen=True)
class TextMarks:
    terms: tuple[tuple[str, Where], ...] = ()  # the term id of each [[...]] link
    html: tuple[tuple[str, Where], ...] = ()  # each raw HTML tag (its first 40 characters)
    # text Markdown could make into HTML beyond plain formatting (raw HTML, attribute
    # lists, links and images), with where it starts: checks.py audits its HTML
    markup: tuple[tuple[str, Where], ...] = ()


# Markdown that can put an element, an attribute or a URL of the author's into a page.
_MARKUP = re.compile(r"[<{]|\]\(|\]:|\]\[")


def texts(data: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    """Every text value and its path, ids, settings and addresses left out."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in _NOT_TEXT:
                yield from texts(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from texts(value, (*path, i))
    elif isinstance(data, str):
        yield path, data


def text_marks(doc: Document) -> TextMarks:
    terms: list[tuple[str, Where]] = []
    html: list[tuple[str, Where]] = []
    markup: list[tuple[str, Where]] = []
    for path, text in texts(doc.data):
        for match in term_links(text):  # none in code, none written \[[
            terms.append((match.group(1).strip(), doc.locate(path, match.start())))
        tags = [(tag, doc.locate(path, start)) for start, tag in raw_html_spans(text)]
        html += tags
        if not tags and _MARKUP.search(text):  # raw HTML is reported as such already
            markup.append((text, doc.at(path)))
    return TextMarks(tuple(terms), tuple(html), tuple(markup))
