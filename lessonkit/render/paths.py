"""Where each generated page lives under docs/, and links between pages."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .. import model as m


@dataclass(frozen=True)
class Paths:
    """Where each page of a course is written, relative to docs/."""

    home: str = "index.md"
    review: str = "review.md"
    practice: str = "practice.md"
    self_check: str = "self-check.md"
    glossary: str = "glossary.md"
    progress: str = "progress.md"
    support: str = "support.md"
    workbook: str = "workbook.md"

    @staticmethod
    def lesson(lesson: m.Lesson) -> str:
        return f"lessons/{lesson.slug}/index.md"

    @staticmethod
    def quiz(lesson: m.Lesson) -> str:
        return f"lessons/{lesson.slug}/quiz.md"

    @staticmethod
    def media(path: str) -> str:
        """Where a file under content/ that author text shows is copied."""
        return f"media/{path}"


PATHS = Paths()


def relative(target: str, page: str) -> str:
    """A link from page to target (both relative to docs/), anchors kept. Links between
    pages are relative .md links, which the engine checks and rewrites for whatever base
    path the site has."""
    path, _, anchor = target.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(page) or ".") if path else ""
    return f"{link}#{anchor}" if anchor else link
