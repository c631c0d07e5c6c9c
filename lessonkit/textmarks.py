"""Where a file's text names glossary terms ([[term]]) and where it holds raw HTML.

Finding them means walking every string of a file with two regexes. That depends on the
file alone, so it is done once when the file is parsed and kept in the parse cache with it;
the whole-course check (validate.text_problems) then only compares the marks with the
glossary and with the course's allow_html setting.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .markup import TERM_LINK, raw_html_spans
from .problems import Where
from .yamlsource import Document, JsonPath

# Values that are ids, lists of ids, settings or addresses, never text for readers.
_NOT_TEXT = {"id", "lessons", "subscale", "section", "sources", "language", "url"}


@dataclass(frozen=True)
class TextMarks:
    terms: tuple[tuple[str, Where], ...] = ()  # the term id of each [[...]] link
    html: tuple[tuple[str, Where], ...] = ()  # each raw HTML tag (its first 40 characters)


def _strings(data: object, path: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*path, i))


def text_marks(doc: Document) -> TextMarks:
    terms: list[tuple[str, Where]] = []
    html: list[tuple[str, Where]] = []
    for path, text in _strings(doc.data):
        if (path and path[-1] in _NOT_TEXT) or (len(path) > 1 and path[-2] in _NOT_TEXT):
            continue
        if "[[" in text:
            for match in TERM_LINK.finditer(text):
                terms.append((match.group(1).strip(), doc.locate(path, match.start())))
        if "<" in text:
            for start, tag in raw_html_spans(text):
                html.append((tag, doc.locate(path, start)))
    return TextMarks(tuple(terms), tuple(html))
