"""The site navigation, in MkDocs' nav format (paths relative to docs/)."""

from __future__ import annotations

from typing import Any

from .. import model as m
from .paths import PATHS


def nav(course: m.Course) -> list[Any]:
    """Home, the lessons (each with its knowledge check), then the course-wide pages.

    Up to 20 lessons are listed one by one. A longer course groups them ten at a time
    ("Lessons 11 to 20"), so no level of the menu is longer than a reader can scan.
    """
    most, fanout = 20, 10
    entries: list[tuple[int, int, Any]] = []  # (first lesson, last lesson, nav entry)
    for lesson in course.lessons:
        children: list[Any] = [PATHS.lesson(lesson)]
        if lesson.quiz:
            children.append({"Knowledge check": PATHS.quiz(lesson)})
        entry = {f"{lesson.number}. {lesson.title}": children}
        entries.append((lesson.number, lesson.number, entry))
    while len(entries) > most:
        grouped = []
        for i in range(0, len(entries), fanout):
            part = entries[i : i + fanout]
            first, last = part[0][0], part[-1][1]
            title = f"Lessons {first}\N{EN DASH}{last}" if last > first else f"Lesson {first}"
            grouped.append((first, last, {title: [entry for *_, entry in part]}))
        entries = grouped
    items: list[Any] = [{"Home": PATHS.home}, {"Lessons": [entry for *_, entry in entries]}]
    if course.review:
        items.append({course.review.title: PATHS.review})
    if course.self_check:
        items.append({course.self_check.title: PATHS.self_check})
    if course.glossary:
        items.append({"Glossary": PATHS.glossary})
    items.append({"Your progress": PATHS.progress})
    items.append({"Printable workbook": PATHS.workbook})
    if course.support:
        items.append({course.support.nav: PATHS.support})
    return items
