"""Read one YAML file into plain data, remembering where every key and value stands.

Only PyYAML's safe composer is used, and the node tree is turned into data here, so that:
- every key and value keeps its line and column (for messages an author can act on);
- anchors and aliases are refused before anything is expanded (an alias bomb costs nothing);
- duplicate keys, tabs, non-UTF-8 bytes and empty files are reported, not guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem, Where

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
    # where the text values holding "[[" or "<" stand: the only ones that can link a
    # glossary term or hold raw HTML (textmarks.py reads them, instead of every string)
    marked: list[JsonPath] = field(default_factory=list)

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


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark):
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing anchors and aliases as soon as the parser meets them."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AliasFound(event.start_mark)
        return super().compose_node(parent, index)


_scalars = SafeConstructor()


def _where(file: str, mark: yaml.Mark) -> Where:
    return Where(file, mark.line + 1, mark.column + 1)


def read_yaml(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Parse path; on failure return no document and the problems that explain why."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(Where(shown_as), f"cannot read the file: {err.strerror}")]
    return parse_yaml(raw, shown_as)


def parse_yaml(raw: bytes, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Parse a file's bytes; shown_as names the file in messages."""
    start = Where(shown_as, 1, 1)
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                start,
                f"the file is {len(raw):,} bytes, over the {MAX_BYTES:,} limit",
                "split it into smaller files",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [
            Problem(
                Where(shown_as, line, col),
                f"the file is not UTF-8 (byte 0x{raw[err.start]:02x})",
                "save the file with UTF-8 encoding",
            )
        ]
    tabs = _tab_problems(text, shown_as)
    if tabs:
        return None, tabs
    try:
        node = _compose(text)
    except _AliasFound as found:
        return None, [_alias_problem(shown_as, found.mark)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = _where(shown_as, mark) if mark else start
        what = err.problem or err.context or "invalid YAML"
        return None, [Problem(where, f"YAML syntax error: {what}", _syntax_hint(what))]
    except yaml.YAMLError as err:
        return None, [Problem(start, f"YAML syntax error: {err}")]
    if node is None:
        return None, [Problem(start, "the file is empty", "add the fields this kind of file needs")]
    doc = Document(shown_as, None, lines=text.splitlines())
    problems: list[Problem] = []
    try:
        doc.data = _to_data(node, (), doc, problems, set())
    except _AliasFound as found:
        return None, [_alias_problem(shown_as, found.mark)]
    if not isinstance(doc.data, dict):
        found = type(doc.data).__name__ if doc.data is not None else "nothing"
        problems.append(
            Problem(
                _where(shown_as, node.start_mark),
                f"the top level must be a mapping of keys to values, found {_kind(found)}",
                "start the file with 'key: value' lines",
            )
        )
        return None, problems
    return doc, problems


def _compose(text: str) -> Node | None:
    """The node tree. libyaml (when PyYAML has it) is about 25 times faster; it shares a node
    between an anchor and its aliases instead of failing, and _to_data refuses a shared node
    on first sight, so an alias bomb still costs nothing. On any error the pure-Python
    loader parses again, for its messages and for refusing aliases where they stand."""
    if _FastLoader is not None:
        fast = _FastLoader(text)
        try:
            return fast.get_single_node()
        except yaml.YAMLError:
            pass
        finally:
            fast.dispose()
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _Resolver:
    """The safe loader's tag resolution with less work per node, for libyaml's composer,
    which asks Python to resolve every node it makes (a fifth of a cold parse): the safe
    loader has no path resolvers, so only plain scalars need their first character's
    implicit resolvers (null, bool, int, float, timestamp) tried."""

    _implicit = yaml.SafeLoader.yaml_implicit_resolvers
    _scalar_tag = yaml.SafeLoader.DEFAULT_SCALAR_TAG
    _sequence_tag = yaml.SafeLoader.DEFAULT_SEQUENCE_TAG
    _mapping_tag = yaml.SafeLoader.DEFAULT_MAPPING_TAG
    assert None not in _implicit and not yaml.SafeLoader.yaml_path_resolvers

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self._implicit.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return self._scalar_tag
        return self._sequence_tag if kind is SequenceNode else self._mapping_tag


_CSafeLoader = getattr(yaml, "CSafeLoader", None)
_FastLoader = (
    type("_FastLoader", (_Resolver, _CSafeLoader), {}) if _CSafeLoader is not None else None
)


def _alias_problem(file: str, mark: yaml.Mark) -> Problem:
    return Problem(
        _where(file, mark),
        "YAML anchors and aliases (& and *) are not allowed",
        "write the repeated text out in full",
    )


def _scalar(node: ScalarNode) -> Any:
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    value = _scalars.construct_object(node)
    _scalars.constructed_objects.clear()  # the constructor caches every node it has built
    return value


def _kind(name: str) -> str:
    return {
        "list": "a list",
        "str": "a string",
        "int": "a number",
        "float": "a number",
        "bool": "true/false",
    }.get(name, name)


def _syntax_hint(what: str) -> str:
    if "mapping values are not allowed" in what:
        return "put text that contains ': ' in quotes, or use a '|' block"
    if "could not find expected ':'" in what:
        return "every line of a mapping needs 'key: value'; check the indentation"
    if "expected <block end>" in what:
        return "check that this line is indented like its siblings"
    return "check the indentation and quotes around this place"


def _tab_problems(text: str, file: str) -> list[Problem]:
    if "\t" not in text:  # nearly every file: one scan instead of one per line
        return []
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            out.append(
                Problem(
                    Where(file, number, indent.index("\t") + 1),
                    "a tab is used for indentation",
                    "indent with spaces, not tabs",
                )
            )
    return out


def _block_start(lines: list[str], index: int) -> tuple[int, int]:
    """A block scalar's first text line (1-based) and its indentation (from the first
    non-blank line, as YAML decides it); the text starts on the line after the '|'."""
    probe = index
    while probe < len(lines) and not lines[probe].strip():
        probe += 1
    line = lines[probe] if probe < len(lines) else ""
    return index + 1, len(line) - len(line.lstrip(" "))


def _to_data(
    node: Node, path: JsonPath, doc: Document, problems: list[Problem], seen: set[int]
) -> Any:
    if id(node) in seen:  # an alias: libyaml hands back the anchored node again
        raise _AliasFound(node.start_mark)
    seen.add(id(node))
    mark = node.start_mark
    doc.values[path] = (mark.line + 1, mark.column + 1)
    kind = type(node)
    if kind is ScalarNode:
        if node.style:  # libyaml says "" for plain, PyYAML None
            doc.styles[path] = node.style
        tag = node.tag
        if tag == "tag:yaml.org,2002:str":
            value = node.value
            if "[[" in value or "<" in value:
                doc.marked.append(path)
            return value
        if tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates stay text: the course has no use for date objects
        return _scalar(node)
    if kind is SequenceNode:
        return [
            _to_data(child, (*path, i), doc, problems, seen) for i, child in enumerate(node.value)
        ]
    if kind is MappingNode:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if type(key_node) is ScalarNode else None
            key_mark = key_node.start_mark
            position = (key_mark.line + 1, key_mark.column + 1)
            if type(key) is not str:
                problems.append(
                    Problem(
                        Where(doc.file, *position),
                        f"a key must be text, found {key!r}",
                        "put the key in quotes",
                    )
                )
                key = str(key)
            if key in out:
                problems.append(
                    Problem(
                        Where(doc.file, *position),
                        f"the key '{key}' appears twice in this mapping",
                        "keep one of them",
                    )
                )
            key_path = (*path, key)
            doc.keys[key_path] = position
            out[key] = _to_data(value_node, key_path, doc, problems, seen)
        return out
    return None
