"""Read one YAML file into plain data, remembering where every key and value stands.

PyYAML's safe parser hands over a stream of events (libyaml's when PyYAML has it, about 25
times faster), and the data is built from them here, without a node tree, so that:
- every key and value keeps its line and column (for messages an author can act on);
- anchors, aliases, tags and merge keys are refused where they stand, before anything is
  expanded (an alias bomb costs nothing), and so is nesting no course needs;
- duplicate keys, tabs and odd spaces where indentation goes, characters YAML refuses,
  non-UTF-8 bytes, empty files and a second document are reported, not guessed at;
- no input makes it raise: every mistake is a Problem with a line and column.
"""

from __future__ import annotations

import math
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode
from yaml.reader import ReaderError

from .problems import Problem, Where, problem

JsonPath = tuple[str | int, ...]
LineCol = tuple[int, int]

# A content file is prose in YAML: anything this large is a mistake, not a lesson.
MAX_BYTES = 2_000_000


@dataclass
class Document:
    """One file's data plus the position (line, column, from 1) of every node in it.

    Positions are plain tuples, made into a Where only when a message needs one: a large
    course has hundreds of thousands of nodes and few problems."""

    file: str
    data: Any
    values: dict[JsonPath, LineCol] = field(default_factory=dict)
    keys: dict[JsonPath, LineCol] = field(default_factory=dict)
    # the style of each quoted (' or ") or block (| or >) scalar; plain ones are left out
    styles: dict[JsonPath, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def at(self, path: JsonPath) -> Where:
        """Where the value at path stands, or its nearest parent that we know."""
        path = tuple(path)
        while path not in self.values and path:
            path = path[:-1]
        return Where(self.file, *self.values.get(path, (1, 1)))

    def locate(self, path: JsonPath, offset: int) -> Where:
        """Where character `offset` of the text value at path stands in the file: exact in a
        literal (|) block and in a value written whole on its line, else the value's start."""
        path = tuple(path)
        start, style = self.values.get(path), self.styles.get(path)
        if start is None or style == ">":
            return self.at(path)
        if style == "|":  # the text starts on the line after the '|'
            first_line, indent = _block_start(self.lines, start[0])
        else:  # plain or quoted: offsets map straight to columns when the value is on one line
            line, indent = start[0] - 1, start[1] - 1 + (1 if style else 0)
            if line >= len(self.lines) or not self.lines[line].startswith(
                self.value_at(path), indent
            ):
                return self.at(path)
            first_line = line + 1
        before = self.value_at(path)[:offset]
        line = first_line + before.count("\n")
        col = indent + len(before) - (before.rfind("\n") + 1) + 1
        return Where(self.file, line, col)

    def value_at(self, path: JsonPath) -> str:
        """The text at path (empty when the value there is not text)."""
        value: Any = self.data
        for key in path:
            value = value[key]
        return value if isinstance(value, str) else ""

    def key_at(self, path: JsonPath) -> Where:
        """Where the key naming path stands (falls back to its value)."""
        found = self.keys.get(tuple(path))
        return Where(self.file, *found) if found else self.at(path)


class _Refused(Exception):
    """YAML that is refused as a whole where it stands (the file has no data then)."""

    def __init__(self, problem: Problem):
        self.problem = problem


# Deeper than this is a mistake (a course file nests five or six levels), and refusing it
# spares every later step that walks the data.
MAX_DEPTH = 50

# What a plain scalar can resolve to besides text: the safe loader's implicit resolvers
# (null, bool, int, float, timestamp, merge "<<" and value "="), by first character.
_IMPLICIT = yaml.SafeLoader.yaml_implicit_resolvers
assert None not in _IMPLICIT and not yaml.SafeLoader.yaml_path_resolvers
# Of those, these become values; dates, "=" and "<<" stay text (a course has no use for date
# objects, and neither "=" nor "<<" is a merge without aliases).
_BUILT = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float"))
_MERGE = "tag:yaml.org,2002:merge"
_scalars = SafeConstructor()

_CParser = getattr(getattr(yaml, "_yaml", None), "CParser", None)


def _where(file: str, mark: yaml.Mark) -> Where:
    return Where(file, mark.line + 1, mark.column + 1)


def read_yaml(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Parse path; on failure return no document and the problems that explain why.

    Only a regular file is opened (a named pipe would wait for a writer forever, a link to
    a device would never end), and never more than the size limit is read."""
    where = Where(shown_as)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, [problem("yaml.not-a-file", where)]
        if info.st_size > MAX_BYTES:
            return None, [problem("yaml.too-large", where, size=info.st_size, limit=MAX_BYTES)]
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)  # the file may have grown since
    except OSError as err:
        return None, [problem("yaml.unreadable", where, reason=err.strerror or err)]
    return parse_yaml(raw, shown_as)


def parse_yaml(raw: bytes, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Parse a file's bytes; shown_as names the file in messages."""
    start = Where(shown_as, 1, 1)
    if len(raw) > MAX_BYTES:
        return None, [problem("yaml.too-large", start, size=len(raw), limit=MAX_BYTES)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [problem("yaml.not-utf8", Where(shown_as, line, col), byte=raw[err.start])]
    try:
        doc, problems, root = _read(text, shown_as)
    except _Refused as refused:
        return None, [refused.problem]
    except yaml.YAMLError as err:
        # a tab or an odd space where indentation or a separator goes is the likeliest cause
        return None, _space_problems(text, shown_as, True) or _syntax_problems(err, text, start)
    spaces = _space_problems(text, shown_as, False)
    if spaces:  # the file parsed, but a key or an item holds an invisible space
        return None, spaces
    if root is None:
        return None, [problem("yaml.empty", start)]
    if not isinstance(doc.data, dict):
        found = type(doc.data).__name__ if doc.data is not None else "nothing"
        problems.append(problem("yaml.not-mapping", _where(shown_as, root), found=_kind(found)))
        return None, problems
    return doc, problems


def _read(text: str, file: str) -> tuple[Document, list[Problem], yaml.Mark | None]:
    """The document, its problems and where its data starts (None: the file holds none).
    On a syntax error in libyaml's parse, PyYAML's own parser reads the file again, for
    its messages."""
    if _CParser is None:
        return _build(yaml.SafeLoader(text), file, text)
    try:
        return _build(_CParser(text), file, text)
    except yaml.YAMLError as fast_error:
        try:
            return _build(yaml.SafeLoader(text), file, text)
        except (ValueError, OverflowError):  # "\U00110000": it calls chr() unchecked
            raise fast_error from None


def _build(parser: Any, file: str, text: str) -> tuple[Document, list[Problem], yaml.Mark | None]:
    """Data from the parser's events, with the position of every key and value.

    One loop over the events, with a stack of the mappings and lists being filled: no node
    tree is made, and no nesting is deep enough to matter to Python."""
    doc = Document(file, None, lines=text.splitlines())
    problems: list[Problem] = []
    values, keys, styles = doc.values, doc.keys, doc.styles
    get = parser.get_event
    get()  # the stream starts
    if type(get()) is StreamEndEvent:  # no document at all: empty, or comments only
        return doc, problems, None
    event = get()
    root = event.start_mark
    # the collection being filled, its path, whether it is a mapping, the key waiting for
    # its value (None: the next event is a key); the stack holds the first three for each
    # parent, whose own key is spent once a child collection is placed in it
    into: Any = None
    path: JsonPath = ()
    is_map = False
    key: str | None = None
    stack: list[tuple[Any, JsonPath, bool]] = []
    while True:
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            if not stack:
                doc.data = into
                break
            into, path, is_map = stack.pop()
            key = None
            event = get()
            continue
        if is_map and key is None:  # a key: nearly always plain text
            mark = event.start_mark
            if kind is ScalarEvent and event.tag is None and event.anchor is None:
                key = event.value
                if event.implicit[0]:  # plain: 1, yes or null would not be text
                    key = _plain_key(key, _where(file, mark), problems)
            else:
                key = _other_key(event, parser, file, problems)
            if key is not None and key in into:
                problems.append(problem("yaml.duplicate-key", _where(file, mark), key=key))
                key = None
            if key is None:  # reported: the entry is left out with its value
                _skip(parser, get(), file)
            else:
                keys[(*path, key)] = (mark.line + 1, mark.column + 1)
            event = get()
            continue
        at = (*path, key) if is_map else (*path, len(into)) if into is not None else ()
        mark = event.start_mark
        values[at] = (mark.line + 1, mark.column + 1)
        if kind is AliasEvent or event.anchor is not None:
            raise _Refused(_alias_problem(file, mark))
        tag = event.tag
        if tag is not None and tag != "!":  # reported, and read as if it were not there
            problems.append(_tag_problem(file, mark, tag))
        if kind is ScalarEvent:
            value = event.value
            style = event.style
            if style:  # libyaml says "" for plain, PyYAML None
                styles[at] = style
            if style == '"' and _SURROGATE.search(value):  # "\\ud83d": half a character
                problems.append(_surrogate_problem(file, mark))
            if not style and value[:1] in _IMPLICIT:
                value = _plain(value)[0]  # a number, true/false or null (or still text)
            if into is None:  # the whole document is one scalar
                doc.data = value
                break
            if is_map:
                into[key] = value
                key = None
            else:
                into.append(value)
        else:  # a mapping or a list starts
            if len(stack) + 1 >= MAX_DEPTH:  # the top level is not on the stack
                raise _Refused(problem("yaml.too-deep", _where(file, mark), depth=MAX_DEPTH))
            made: Any = {} if kind is MappingStartEvent else []
            if into is not None:  # else this is the whole document
                if is_map:
                    into[key] = made
                else:
                    into.append(made)
                stack.append((into, path, is_map))
            into, path, is_map, key = made, at, kind is MappingStartEvent, None
        event = get()
    get()  # the document ends
    following = get()
    if type(following) is DocumentStartEvent:
        raise _Refused(problem("yaml.second-document", _where(file, following.start_mark)))
    return doc, problems, root


def _plain(text: str) -> tuple[Any, str | None]:
    """A plain scalar as the safe loader reads it, and the tag it resolved to (None: text).
    Numbers, true/false and null become values; dates, "=" and "<<" stay text."""
    for resolved, pattern in _IMPLICIT.get(text[:1], ()):
        if pattern.match(text):
            if resolved in _BUILT:
                try:
                    value = _scalars.construct_object(ScalarNode(resolved, text))
                except (ValueError, OverflowError):  # "0b_", or an int of 5000 digits
                    return text, None
                finally:
                    _scalars.constructed_objects.clear()  # it remembers every node it built
                if isinstance(value, float) and not math.isfinite(value):
                    return text, None  # .nan and .inf are no number a course can use
                return value, resolved
            return text, resolved
    return text, None


def _plain_key(text: str, where: Where, problems: list[Problem]) -> str | None:
    """A plain key that may not be text (1, yes, null), reported if it is not; None for a
    merge key (<<)."""
    key, resolved = _plain(text)
    if resolved == _MERGE:
        problems.append(problem("yaml.merge-key", where))
        return None
    if type(key) is not str:
        read_as = _kind(type(key).__name__) if key is not None else "nothing (null)"
        problems.append(problem("yaml.key-not-text", where, key=text, read_as=read_as))
    return text


def _other_key(event: Any, parser: Any, file: str, problems: list[Problem]) -> str | None:
    """A key with an anchor or a tag, an alias, or a list or mapping used as a key (None)."""
    mark = event.start_mark
    kind = type(event)
    if kind is AliasEvent or event.anchor is not None:
        raise _Refused(_alias_problem(file, mark))
    if kind is ScalarEvent:  # so it has a tag
        problems.append(_tag_problem(file, mark, event.tag))
        return event.value
    found = "a list" if kind is SequenceStartEvent else "a mapping"
    problems.append(problem("yaml.key-not-scalar", _where(file, mark), found=found))
    _skip(parser, event, file)
    return None


def _skip(parser: Any, event: Any, file: str) -> None:
    """Read past the node that starts with event (aliases in it are still refused)."""
    depth = 0
    while True:
        kind = type(event)
        if kind is AliasEvent or getattr(event, "anchor", None) is not None:
            raise _Refused(_alias_problem(file, event.start_mark))
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            depth += 1
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            depth -= 1
        if depth == 0:
            return
        event = parser.get_event()


# An escape for half of a UTF-16 pair ("\\ud83d\\ude00", as JSON writes an emoji): YAML reads
# each half as a character of its own, which no file can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate_problem(file: str, mark: yaml.Mark) -> Problem:
    return problem("yaml.half-character", _where(file, mark))


def _alias_problem(file: str, mark: yaml.Mark) -> Problem:
    return problem("yaml.anchor", _where(file, mark))


def _tag_problem(file: str, mark: yaml.Mark, tag: str) -> Problem:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return problem("yaml.tag", _where(file, mark), tag=shown)


def _kind(name: str) -> str:
    return {
        "list": "a list",
        "str": "a string",
        "int": "a number",
        "float": "a number",
        "bool": "true/false",
    }.get(name, name)


def _syntax_problems(err: yaml.YAMLError, text: str, start: Where) -> list[Problem]:
    """A parser's error as a message an author can act on, where the mistake stands."""
    if isinstance(err, ReaderError):  # a character YAML does not allow anywhere
        before = text[: err.position]
        where = Where(start.file, before.count("\n") + 1, err.position - before.rfind("\n"))
        code = err.character if isinstance(err.character, int) else ord(err.character)
        return [problem("yaml.bad-character", where, codepoint=code)]
    if not isinstance(err, yaml.MarkedYAMLError):
        return [problem("yaml.syntax", start, detail=err)]
    if err.context == "while scanning a quoted scalar" and err.context_mark:
        return [problem("yaml.unclosed-quote", _where(start.file, err.context_mark))]
    mark = err.problem_mark or err.context_mark
    what = err.problem or err.context or "invalid YAML"
    where = _where(start.file, mark) if mark else start
    return [problem("yaml.syntax", where, _syntax_hint(what), detail=what)]


def _syntax_hint(what: str) -> str:
    if "mapping values are not allowed" in what:
        return (
            "put text that contains ': ' in quotes (or use a '|' block), or check the indentation"
        )
    if "could not find expected ':'" in what:
        return "every line of a mapping needs 'key: value'; check the indentation"
    if "expected <block end>, but found '<scalar>'" in what:
        return (
            "a value that starts with a quote or a bracket must end with it: put the whole "
            "value in quotes, or use a '|' block"
        )
    if "expected <block end>" in what:
        return "check that this line is indented like its siblings"
    return ""  # the message's own hint


# Spaces that look like a plain space and are not one to YAML
_ODD_SPACES = "\u00a0\u2000-\u200a\u202f\u205f\u3000\ufeff"
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")
# ...standing where a plain space has to: in the indentation, after a key's colon or a dash
_MISPLACED_SPACE = re.compile(rf"[ ]*(?:-[ ]+)*(?:[A-Za-z_][\w-]*:|-)?([{_ODD_SPACES}])")


def _space_problems(text: str, file: str, tabs: bool) -> list[Problem]:
    """Odd spaces where YAML needs a plain one, and (tabs: the parse failed) tabs in the
    indentation. YAML allows tabs inside text, such as code in a '|' block, so they are
    looked for only when the file does not parse."""
    odd = not text.isascii() and _ODD_SPACE.search(text) is not None
    if not odd and not (tabs and "\t" in text):  # nearly every file: one scan
        return []
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if tabs and "\t" in indent:
            out.append(problem("yaml.tab", Where(file, number, indent.index("\t") + 1)))
            continue
        found = _MISPLACED_SPACE.match(line) if odd else None
        if found:
            code = ord(found.group(1))
            name = "a non-breaking space" if code == 0xA0 else "a special space"
            where = Where(file, number, found.start(1) + 1)
            out.append(problem("yaml.odd-space", where, name=name, codepoint=code))
    return out


def _block_start(lines: list[str], index: int) -> tuple[int, int]:
    """A block scalar's first text line (1-based) and its indentation (from the first
    non-blank line, as YAML decides it); the text starts on the line after the '|'."""
    probe = index
    while probe < len(lines) and not lines[probe].strip():
        probe += 1
    line = lines[probe] if probe < len(lines) else ""
    return index + 1, len(line) - len(line.lstrip(" "))
