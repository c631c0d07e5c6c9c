"""The generate step: content/ -> load -> validate -> render -> pages (and optionally docs/).

Used by the CLI, by the MkDocs hook (so plain `mkdocs build` and `mkdocs serve` work) and
by the benchmarks. It does not import MkDocs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from .load import load_course
from .problems import Problem, sorted_problems
from .render import render_course
from .validate import validate
from .write import WriteReport, conflicts, write_pages


@dataclass
class Generated:
    course: m.Course | None
    pages: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.course is not None and not any(p.is_error for p in self.problems)


# Where a project keeps what lessonkit makes for itself (git-ignored): the build stage and
# the parse cache.
WORK_DIR = ".lessonkit"


def cache_dir(root: Path) -> Path:
    return root / WORK_DIR / "cache"


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while one generate step runs, then back as it was.

    Generating builds a large graph of objects that all live until the step ends (YAML nodes,
    documents, the model, the pages), and hardly any cycles. The collector would walk that
    whole graph again and again as it grows: a quarter of a cached generation of a
    1000-lesson course. Whatever cycles the step leaves are found the next time it runs."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def generate(
    root: Path, content: Path | None = None, cache: Path | None = None, jobs: int = 1
) -> Generated:
    """Load, validate and render the course; pages are empty when there are errors.
    cache: a folder for the parse cache (see parsecache.py); None parses every file.
    jobs: processes that may parse files and render pages (load.load_course,
    render.render_course)."""
    with collector_paused():
        return _generate(root, content or root / "content", cache, jobs)


def _generate(root: Path, content: Path, cache: Path | None, jobs: int) -> Generated:
    loaded = load_course(content, shown_root=root, cache=cache, jobs=jobs)
    problems = list(loaded.problems)
    if loaded.course is None:
        return Generated(None, {}, sorted_problems(problems))
    problems += validate(loaded.course, loaded.marks)
    result = Generated(loaded.course, {}, sorted_problems(problems))
    if result.ok:
        result.pages = render_course(loaded.course, jobs=jobs)
    return result


def generate_into(
    root: Path, docs: Path, content: Path | None = None, cache: Path | None = None, jobs: int = 1
) -> tuple[Generated, WriteReport | None]:
    """Generate and write into docs/; writes nothing when there is any error."""
    result = generate(root, content, cache, jobs)
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
