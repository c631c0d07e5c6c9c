"""The generate step: content/ -> load -> validate -> render -> pages (and optionally docs/).

Used by the CLI, by the MkDocs hook (so plain `mkdocs build` and `mkdocs serve` work) and
by the benchmarks. It does not import MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from .build.write import WriteReport, conflicts, write_pages
from .checks import validate
from .load import load_course
from .problems import Problem, sorted_problems
from .project import markdown_converter
from .render import render_course


@dataclass
class Generated:
    course: m.Course | None
    pages: dict[str, str | bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.course is not None and not any(p.is_error for p in self.problems)


def generate(root: Path, content: Path | None = None) -> Generated:
    """Load, validate and render the course; pages are empty when there are errors."""
    loaded = load_course(content or root / "content", shown_root=root)
    problems = list(loaded.problems)
    if loaded.course is None:
        return Generated(None, {}, sorted_problems(problems))
    problems += validate(loaded.course, loaded.marks, markdown_converter(root))
    result = Generated(loaded.course, {}, sorted_problems(problems))
    if result.ok:
        result.pages = render_course(loaded.course)
    return result


def generate_into(
    root: Path, docs: Path, content: Path | None = None
) -> tuple[Generated, WriteReport | None]:
    """Generate and write into docs/; writes nothing when there is any error."""
    result = generate(root, content)
    if result.ok:
        clash = conflicts(docs, result.pages)
        if clash:
            result.problems = sorted_problems(result.problems + clash)
            return result, None
        return result, write_pages(docs, result.pages)
    return result, None


def summary(course: m.Course) -> str:
    parts = [
        f"{len(course.lessons)} lessons",
        f"{course.question_count} questions",
        f"{len(course.glossary)} terms",
    ]
    if course.self_check:
        parts.append(f"{len(course.self_check.items)} self-check items")
    minutes = sum(x.minutes for x in course.lessons)
    return f"{course.title}: " + ", ".join(parts) + f", about {minutes} min of reading"
