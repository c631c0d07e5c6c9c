"""The few pieces of syntax lessonkit adds to Markdown, and the raw-HTML detector.

Every function here runs in time linear in the text: author text is untrusted input, and a
pattern that backtracks (thousands of backticks or of "[[") must not stall a build.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# [[term-id]] or [[term-id|the words shown]]. Neither part may hold a bracket, so a failed
# match ends at the next one instead of scanning the rest of the text again.
TERM_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]")

# An HTML tag or comment. Autolinks (<https://...>) do not match: a scheme has a colon.
_TAG = re.compile(r"<!--|</?([A-Za-z][A-Za-z0-9_:-]*)(?=[\s/>])[^<>]*>")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TICKS = re.compile(r"`+")


def code_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every fenced code block and code span, as Markdown reads them:
    a fence runs to a closing fence of its kind at least as long (or to the end); a run of
    n backticks opens a span that the next run of exactly n backticks in the same
    paragraph closes; a backtick after a backslash is a plain character."""
    ranges: list[tuple[int, int]] = []
    fence, fence_start, offset = "", 0, 0
    prose: list[tuple[int, int]] = []  # (start, end) of the text outside fences
    prose_start = 0
    for line in text.splitlines(keepends=True):
        found = _FENCE.match(line)
        if fence:
            if found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence):
                ranges.append((fence_start, offset + len(line)))
                fence, prose_start = "", offset + len(line)
        elif found:
            fence, fence_start = found.group(1), offset
            prose.append((prose_start, offset))
        offset += len(line)
    if fence:
        ranges.append((fence_start, len(text)))
    else:
        prose.append((prose_start, len(text)))
    for start, end in prose:
        for para_start, para_end in _paragraphs(text, start, end):
            ranges.extend(_spans(text, para_start, para_end))
    return sorted(ranges)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of text[start:end] between blank lines: a code span never crosses one."""
    for match in _BLANK_LINE.finditer(text, start, end):
        yield start, match.start()
        start = match.end()
    yield start, end


def _spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    runs: list[tuple[int, int]] = []  # (start, length) of each backtick run
    for match in _TICKS.finditer(text, start, end):
        at, length = match.start(), len(match.group(0))
        slashes = len(text[start:at]) - len(text[start:at].rstrip("\\"))
        if slashes % 2:  # the first backtick is escaped
            at, length = at + 1, length - 1
        if length:
            runs.append((at, length))
    # the next run of the same length, for each run: one pass from the end
    following: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        following[i] = last.get(runs[i][1])
        last[runs[i][1]] = i
    i = 0
    while i < len(runs):
        j = following[i]
        if j is None:
            i += 1
            continue
        yield runs[i][0], runs[j][0] + runs[j][1]
        i = j + 1


def raw_html_spans(text: str) -> Iterator[tuple[int, str]]:
    """(offset, tag) of each raw HTML tag outside code spans and code blocks."""
    masked = list(text)
    for start, end in code_ranges(text):
        masked[start:end] = " " * (end - start)
    for match in _TAG.finditer("".join(masked)):
        yield match.start(), match.group(0)[:40]


def link_terms(text: str, href: Callable[[str], str], name: Callable[[str], str]) -> str:
    """Turn [[id]] and [[id|words]] into Markdown links to the glossary entry; a bare
    [[id]] shows the term's own name."""

    def link(match: re.Match[str]) -> str:
        term_id = match.group(1).strip()
        words = (match.group(2) or name(term_id)).strip()
        return f"[{words}]({href(term_id)})"

    return TERM_LINK.sub(link, text)
