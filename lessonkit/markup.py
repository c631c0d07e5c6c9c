"""The few pieces of syntax lessonkit adds to Markdown, and the raw-HTML detector.

Every function here runs in time linear in the text: author text is untrusted input, and a
pattern that backtracks (thousands of backticks or of "[[") must not stall a build.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

# [[term-id]] or [[term-id|the words shown]]. Neither part may hold a bracket, so a failed
# match ends at the next one instead of scanning the rest of the text again.
TERM_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]")

# An HTML tag or comment. Autolinks (<https://...>) do not match: a scheme has a colon.
_TAG = re.compile(r"<!--|</?([A-Za-z][A-Za-z0-9_:-]*)(?=[\s/>])[^<>]*>")
_TICKS = re.compile(r"`+")

# A fence as pymdownx.superfences reads one: after any indent or quote marks (so inside a
# list item, a callout or a quote too), three or more backticks or tildes, then nothing, a
# language, an attribute list in braces, or the options it knows (title="...", ...). A line
# such as "```bash some words" opens nothing, in superfences as here. Possessive
# quantifiers (*+) never give back what they took: a long line costs one pass.
_PREFIX = re.compile(r"[ \t>]*")
_FENCE = re.compile(r"`{3,}+|~{3,}+")
_INFO = re.compile(
    r"""(?:\.?[\w\#.+-]++)?
    (?:[ \t]*+\{[^\n]*\}
      |(?:[ \t]*+(?:hl_lines|linenums|title|title_mode)=(?:"[^"]*+"|'[^']*+'))*+)""",
    re.VERBOSE,
)


class Fence(NamedTuple):
    start: int  # where its opening line starts
    end: int  # where its closing line ends
    opening_end: int  # where its opening line ends (before the newline)
    closing_start: int  # where its closing line starts


def _width(prefix: str) -> int:
    """How many columns an indent takes, a tab reaching the next multiple of four."""
    width = 0
    for char in prefix:
        width = width + 4 - width % 4 if char == "\t" else width + 1
    return width


def fences(text: str) -> Iterator[Fence]:
    """Every fenced code block, as superfences finds them: a fence closes at a line that
    holds the same fence (same character, same length) at the opening's indent; a line
    indented less, before that, means there was no fence, and so does the end of the text."""
    offset, fence, width, opening = 0, "", 0, (0, 0)
    for line in text.split("\n"):
        prefix = _PREFIX.match(line).group()  # type: ignore[union-attr]
        rest = line[len(prefix) :].rstrip("\r")
        if not fence:
            found = _FENCE.match(rest)
            if found and _INFO.fullmatch(rest[found.end() :].strip(" \t")):
                fence, width = found.group(), _width(prefix)
                opening = (offset, offset + len(line))
        elif rest.strip():
            indent = _width(prefix)
            if indent < width:
                fence = ""  # indented less than its fence: no code block after all
            elif indent == width and rest.rstrip(" \t") == fence:
                yield Fence(opening[0], offset + len(line), opening[1], offset)
                fence = ""
        offset += len(line) + 1


def code_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every fenced code block and code span, as Markdown reads them:
    fences as `fences` finds them; a run of n backticks opens a span that the next run of
    exactly n backticks in the same paragraph closes; a backtick after a backslash is a
    plain character."""
    ranges: list[tuple[int, int]] = []
    prose_start = 0
    for fence in fences(text):
        ranges.extend(_spans_in(text, prose_start, fence.start))
        ranges.append((fence.start, fence.end))
        prose_start = fence.end
    ranges.extend(_spans_in(text, prose_start, len(text)))
    return ranges


def _spans_in(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for para_start, para_end in _paragraphs(text, start, end):
        yield from _spans(text, para_start, para_end)


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
        if _escaped(text, at, start):  # the first backtick is a plain character
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


def inside(ranges: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset falls in one of the (sorted, separate) ranges, in log time."""
    starts = [start for start, _ in ranges]

    def test(at: int) -> bool:
        i = bisect.bisect_right(starts, at) - 1
        return i >= 0 and at < ranges[i][1]

    return test


_ANGLE = re.compile(r"<(?=[A-Za-z/!?])")


def _unclosed(text: str) -> Iterator[int]:
    """Where a '<' starts a tag that no '>' closes before the next '<', outside code."""
    in_code = inside(code_ranges(text))
    for match in _ANGLE.finditer(text):
        at = match.start()
        following = text.find("<", at + 1)
        end = following if following != -1 else len(text)
        if text.find(">", at + 1, end) == -1 and not in_code(at):
            yield at


def close_angles(text: str) -> str:
    """text with each '<' that starts a tag never closed (no '>' before the next '<') written
    as &lt;, outside code. Markdown shows such a '<' as text anyway; but Python's HTML parser,
    which Markdown uses, scans the rest of the text again for each one, so thousands of them
    (a pasted fragment, or a hostile file) would take minutes."""
    if "<" not in text:
        return text
    out, last = [], 0
    for at in _unclosed(text):
        out += [text[last:at], "&lt;"]
        last = at + 1
    return "".join(out) + text[last:] if out else text


# A tag name and an attribute, as in '<img title="<" src=x ...': HTML the simple scan
# cannot see whole (a '<' stands inside it), which a browser would still read as a tag.
_TAG_WITH_ATTRIBUTE = re.compile(r"<[A-Za-z][\w:-]*\s+[\w:-]+\s*=")


def raw_html_spans(text: str) -> Iterator[tuple[int, str]]:
    """(offset, tag) of each raw HTML tag outside code spans and code blocks."""
    masked = list(text)
    for start, end in code_ranges(text):
        masked[start:end] = " " * (end - start)
    found = [(m.start(), m.group(0)[:40]) for m in _TAG.finditer("".join(masked))]
    if "<" in text:
        for at in _unclosed(text):
            tag = _TAG_WITH_ATTRIBUTE.match(text, at)
            if tag:
                found.append((at, text[at : at + 40]))
    yield from sorted(found)


def _escaped(text: str, at: int, start: int = 0) -> bool:
    """Whether text[at] follows an odd number of backslashes (counted back to start)."""
    before = at
    while before > start and text[before - 1] == "\\":
        before -= 1
    return (at - before) % 2 == 1


def term_links(text: str) -> Iterator[re.Match[str]]:
    """Each [[id]] or [[id|words]] that links a glossary term. Inside a code span or a
    fenced block it is code (`[[ -f x ]]` in a shell script), and after a backslash it is
    the author's literal text: \\[[ shows as [[ (Markdown drops the backslash)."""
    if "[[" not in text:
        return
    code, i = code_ranges(text), 0
    for match in TERM_LINK.finditer(text):
        while i < len(code) and code[i][1] <= match.start():
            i += 1
        if i < len(code) and code[i][0] < match.end():
            continue  # in code, or reaching into it
        if _escaped(text, match.start()):
            continue
        yield match


def link_terms(text: str, href: Callable[[str], str], name: Callable[[str], str]) -> str:
    """Turn [[id]] and [[id|words]] into Markdown links to the glossary entry; a bare
    [[id]] shows the term's own name. Code and \\[[ are left as they are."""
    out, last = [], 0
    for match in term_links(text):
        term_id = match.group(1).strip()
        words = (match.group(2) or name(term_id)).strip()
        out += [text[last : match.start()], f"[{words}]({href(term_id)})"]
        last = match.end()
    return "".join(out) + text[last:] if out else text


def fences_apart(text: str) -> str:
    """text with a blank line between each fenced block and a line of text right before or
    after it. superfences takes a fence there for code too, but leaves the code inside the
    paragraph (a <div> inside a <p>), which no browser reads as written."""
    if "```" not in text and "~~~" not in text:
        return text
    cuts: list[tuple[int, str]] = []  # (offset, the blank line to put there)
    for fence in fences(text):
        before = text.rfind("\n", 0, max(fence.start - 1, 0)) + 1
        if fence.start and text[before : fence.start - 1].strip(" \t>"):
            cuts.append((fence.start, _quotes(text, fence.start) + "\n"))
        after = text.find("\n", fence.end + 1)
        after = len(text) if after < 0 else after
        if fence.end < len(text) and text[fence.end + 1 : after].strip(" \t>"):
            cuts.append((fence.end + 1, _quotes(text, fence.closing_start) + "\n"))
    if not cuts:
        return text
    out, last = [], 0
    for at, blank in cuts:
        out += [text[last:at], blank]
        last = at
    return "".join(out) + text[last:]


def _quotes(text: str, line_start: int) -> str:
    """The block-quote marks (">") a line starts with, for a blank line inside the quote."""
    prefix = _PREFIX.match(text, line_start).group()  # type: ignore[union-attr]
    return ">" * prefix.count(">")


# What starts a block when it begins a text: a fence, a list item, a quote, a heading, a
# callout (!!! or ???), a table row, or an indented code block.
_BLOCK_START = re.compile(
    r"`{3,}|~{3,}|[-*+][ \t]|\d{1,9}[.)][ \t]|>|#{1,6}[ \t]|!!!|\?{3}|\||    |\t"
)
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")


class Blocks(NamedTuple):
    lead: str  # the first paragraph ("" when the text starts with a block)
    more: str  # the blocks after it ("" when the text is one paragraph)


def split_blocks(text: str) -> Blocks:
    """Author text as its first paragraph and the blocks after it (more paragraphs, code,
    lists), for an element that holds only a line of text (a legend, a label). Text of one
    paragraph is all lead, however many lines it has: Markdown reads "Choose:\\n- a" as one
    paragraph too, a list needing a blank line before it."""
    body = text.strip()
    if "\n" not in body:
        return Blocks(body, "")
    if _BLOCK_START.match(body):
        return Blocks("", body)
    gap = _BLANK_LINE.search(body)
    if gap is None:
        return Blocks(body, "")
    more = body[gap.start() + 1 :]
    return Blocks(body[: gap.start()], more[_BLANK_LINES.match(more).end() :])  # type: ignore[union-attr]
