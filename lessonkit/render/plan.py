"""The page plan: every page a course makes, where it goes, its template and its context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import model as m
from .paths import PATHS


@dataclass
class Page:
    """One page to render: where it goes, its template, and what it adds to the context."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    # Left out of the site search (base.md.j2), so a search lands on the lessons themselves:
    # - the workbook repeats every lesson on a long page meant for printing;
    # - quiz pages state wrong answers on purpose ("Intimacy only matters in romantic
    #   relationships"), which a search result would show out of context, and they give
    #   the answers away. Each quiz is one link away from its lesson.
    searched: bool = True


def plan(course: m.Course) -> list[Page]:
    """Every generated page of the course, in the order they are listed."""
    pages = [Page(PATHS.home, "home.md.j2")]
    titles = source_titles(course)
    for lesson in course.lessons:
        nxt = course.lessons[lesson.number] if lesson.number < len(course.lessons) else None
        pages.append(
            Page(
                PATHS.lesson(lesson),
                "lesson.md.j2",
                {"lesson": lesson, "next_lesson": nxt, "source_titles": titles},
            )
        )
        if lesson.quiz:
            pages.append(
                Page(
                    PATHS.quiz(lesson),
                    "quiz.md.j2",
                    {"lesson": lesson, "quiz": lesson.quiz, "next_lesson": nxt},
                    searched=False,
                )
            )
    if course.review:
        pages.append(
            Page(
                PATHS.review,
                "quiz.md.j2",
                {"lesson": None, "quiz": course.review, "next_lesson": None},
                searched=False,
            )
        )
    if course.has_quizzes:
        # every knowledge-check question, for spaced practice; it states the answers, as
        # the quiz pages do, so it stays out of the search for the same reasons
        pages.append(Page(PATHS.practice, "practice.md.j2", searched=False))
    if course.self_check:
        pages.append(
            Page(
                PATHS.self_check,
                "self-check.md.j2",
                {"check": course.self_check, "scoring": scoring(course.self_check)},
            )
        )
    if course.glossary:
        pages.append(Page(PATHS.glossary, "glossary.md.j2"))
    pages.append(Page(PATHS.progress, "progress.md.j2"))
    pages.append(Page(PATHS.workbook, "workbook.md.j2", {"source_titles": titles}, searched=False))
    if course.support:
        pages.append(Page(PATHS.support, "support.md.j2"))
    return pages


def scoring(check: m.SelfCheck) -> dict[str, Any]:
    """What the page's script needs to place a subscale's mean score in a band."""
    return {
        "points": check.points,
        "bands": [
            {"id": b.id, "label": b.label, "from": b.low, "to": b.high, "text": b.text}
            for b in check.bands
        ],
    }


def source_titles(course: m.Course) -> dict[str, str]:
    return {s.id: s.title for s in course.source.sections} if course.source else {}
