"""Where a file's text names glossary terms ([[term]]) and where it holds raw HTML.

Finding them means searching the file's text values with two regexes (only those the parser
saw holding "[[" or "<"). That depends on the file alone, so it is done once when the file
is parsed and kept in the parse cache with it; the whole-course check
(validate.text_problems) then only compares the marks with the glossary and with the
course's allow_html setting.
"""

from __future__ import annotations

from dataclasses import dataclass

from .markup import TERM_LINK, raw_html_spans
from .problems import Where
from .yamlsource import Document

# Values that are ids, lists of ids, settings or addresses, never text for readers.
_NOT_TEXT = {"id", "lessons", "subscale", "section", "sources", "language", "url"}


@dataclass(frozen=True)
class TextMarks:
    terms: tuple[tuple[str, Where], ...] = ()  # the term id of each [[...]] link
    html: tuple[tuple[str, Where], ...] = ()  # each raw HTML tag (its first 40 characters)


def text_marks(doc: Document) -> TextMarks:
    terms: list[tuple[str, Where]] = []
    html: list[tuple[str, Where]] = []
    for path in doc.marked:
        if (path and path[-1] in _NOT_TEXT) or (len(path) > 1 and path[-2] in _NOT_TEXT):
            continue
        text = doc.value_at(path)
        if "[[" in text:
            for match in TERM_LINK.finditer(text):
                terms.append((match.group(1).strip(), doc.locate(path, match.start())))
        if "<" in text:
            for start, tag in raw_html_spans(text):
                html.append((tag, doc.locate(path, start)))
    return TextMarks(tuple(terms), tuple(html))
