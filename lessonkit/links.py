"""Links and images in author text: where they point, checked where they stand, and made
into links that work from every page that shows the text.

An author writes links as any Markdown editor previews them, relative to the YAML file:
- `![A pipe](../fig/pipe.png)`: a file kept anywhere under content/;
- `[Pipes](04-pipefilter.yml#pipes)`: another lesson, optionally one of its sections;
- `[see above](#pipes)`: a section of the same lesson.
When a file is read, each such target becomes a canonical one that no longer depends on
the file it came from (`lk:file/fig/pipe.png`, `lk:lessonfile/lessons/04-pipefilter.yml#pipes`,
`lk:lesson/navigating#pipes`), and where it stands is kept for the checks. When a page is
rendered, the `md` filter turns each canonical target into a link from that page: the
lesson page, its quiz page and the workbook each get their own (resolve). Links to other
sites are left as they are (the HTML allow-list judges their scheme).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .markup import code_ranges, inside
from .problems import Problem, Where, did_you_mean, problem

# [text](target "title") and ![alt](target): no nested brackets, so a failed match ends at
# the next bracket (linear in the text). A target may be written <in angle brackets>.
_INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\\\n]|\\.)*)\]"
    r"\([ \t]*(?P<target><[^<>\n]*>|[^\s()<>]+)"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)"
)
# [label]: target, a reference definition on a line of its own
_DEFINITION = re.compile(r"^(?P<lead> {0,3}\[[^\[\]\n]+\]:[ \t]*)(?P<target><[^<>\n]*>|\S+)", re.M)
CANONICAL = re.compile(r"lk:(file|lesson|lessonfile)/([^\s()<>\"']+)")
LESSON_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Reference:
    """A link to a lesson (by its file or, for '#section', by the lesson it stands in)."""

    kind: str  # "lesson" (an id) or "lessonfile" (a path under content/)
    target: str
    section: str
    where: Where


@dataclass
class Links:
    """What a file's text links to: lessons to check later, and files it shows."""

    references: list[Reference] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # content-relative -> on disk
    problems: list[Problem] = field(default_factory=list)


def rewrite(
    text: str,
    content: Path,
    folder: str,
    lesson_id: str,
    where: Callable[[int], Where],
    found: Links,
) -> str:
    """text with every internal link and image made canonical; what it links to, and what
    is wrong with it, added to found. folder: the YAML file's folder under content/."""
    if "](" not in text and "]:" not in text:
        return text
    in_code = inside(code_ranges(text))

    out, last = [], 0
    spans = [
        (m.start("target"), m.end("target"), m.group("bang") == "!", m.group("text"), m)
        for m in _INLINE.finditer(text)
    ]
    spans += [
        (m.start("target"), m.end("target"), False, None, m) for m in _DEFINITION.finditer(text)
    ]
    for start, end, image, alt, match in sorted(spans, key=lambda s: s[0]):
        if start < last or in_code(match.start()):
            continue
        raw = text[start:end]
        bare = raw[1:-1] if raw.startswith("<") else raw
        new = _canonical(bare, image, alt, content, folder, lesson_id, where(start), found)
        if new is not None:
            out += [text[last:start], new]
            last = end
    return "".join(out) + text[last:] if out else text


def _canonical(
    target: str,
    image: bool,
    alt: str | None,
    content: Path,
    folder: str,
    lesson_id: str,
    at: Where,
    found: Links,
) -> str | None:
    parts = urlsplit(target)
    if parts.scheme or target.startswith("//"):
        return None  # another site (or a scheme the allow-list refuses)
    if image and alt is not None and not alt.strip():
        found.problems.append(problem("link.no-alt", at, target=target))
    path, section = unquote(parts.path), parts.fragment
    if target.startswith("/"):
        found.problems.append(problem("link.absolute", at, target=target))
        return None
    if not path:  # "#section": a section of this lesson
        if not lesson_id:
            found.problems.append(problem("link.no-lesson-here", at, target=target))
            return None
        found.references.append(Reference("lesson", lesson_id, section, at))
        return f"lk:lesson/{lesson_id}#{section}"
    rel = posixpath.normpath(posixpath.join(folder, path))
    if rel == ".." or rel.startswith("../"):
        found.problems.append(problem("link.outside-content", at, target=target))
        return None
    if rel.endswith(LESSON_SUFFIXES) and not image:
        found.references.append(Reference("lessonfile", rel, section, at))
        return f"lk:lessonfile/{rel}" + (f"#{section}" if section else "")
    on_disk = content / rel
    if not on_disk.is_file():
        here = on_disk.parent
        names = [p.name for p in here.iterdir()] if here.is_dir() else []
        hint = did_you_mean(on_disk.name, names)
        found.problems.append(problem("link.missing-file", at, hint, target=target))
        return None
    found.files[rel] = on_disk
    return f"lk:file/{rel}" + (f"#{section}" if section else "")


def resolve(text: str, href: Callable[[str, str, str], str]) -> str:
    """text with each canonical target replaced by href(kind, target, section)."""
    if "lk:" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        target, _, section = match.group(2).partition("#")
        return href(match.group(1), target, section)

    return CANONICAL.sub(one, text)
