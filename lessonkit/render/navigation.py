"""The site navigation, in MkDocs' nav format (paths relative to docs/)."""

from __future__ import annotations

from typing import Any

from .. import i18n
from .. import model as m
from .paths import PATHS


def nav(course: m.Course) -> list[Any]:
    """Home, the lessons (each with its knowledge check), then the course-wide pages.

    Up to 20 lessons are listed one by one. A longer course groups them ten at a time
    ("Lessons 11 to 20"), so no level of the menu is longer than a reader can scan.
    The labels are the course's (i18n/: nav.*, and the titles of the pages they name).
    """
    t = i18n.for_course(course)
    most, fanout = 20, 10
    entries: list[tuple[int, int, Any]] = []  # (first lesson, last lesson, nav entry)
    for lesson in course.lessons:
        children: list[Any] = [PATHS.lesson(lesson)]
        if lesson.quiz:
            children.append({t("nav.quiz"): PATHS.quiz(lesson)})
        entry = {f"{lesson.number}. {lesson.title}": children}
        entries.append((lesson.number, lesson.number, entry))
    while len(entries) > most:
        grouped = []
        for i in range(0, len(entries), fanout):
            part = entries[i : i + fanout]
            first, last = part[0][0], part[-1][1]
            if last > first:
                title = t("nav.lesson_group", first=first, last=last)
            else:
                title = t("nav.lesson_group_one", first=first)
            grouped.append((first, last, {title: [entry for *_, entry in part]}))
        entries = grouped
    items: list[Any] = [
        {t("nav.home"): PATHS.home},
        {t("nav.lessons"): [entry for *_, entry in entries]},
    ]
    if course.review:
        items.append({course.review.title: PATHS.review})
    if course.has_quizzes:
        items.append({t("page.practice_title"): PATHS.practice})
    if course.self_check:
        items.append({course.self_check.title: PATHS.self_check})
    if course.glossary:
        items.append({t("page.glossary_title"): PATHS.glossary})
    items.append({t("page.progress_title"): PATHS.progress})
    items.append({t("page.workbook_title"): PATHS.workbook})
    if course.support:
        items.append({course.support.nav: PATHS.support})
    return items
