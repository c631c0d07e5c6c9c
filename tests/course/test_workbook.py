"""The course's printable workbook holds all of it, a lesson to a section, and for the
bundled course the answers only in the key at the end."""

from __future__ import annotations

from lessonkit import model as m
from lessonkit.pipeline import Generated
from tests.support.workbook import (
    answers_before_the_key,
    lessons_not_in_sections_of_their_own,
    missing_from,
)

WORKBOOK = "workbook.md"


def test_the_workbook_holds_the_whole_course(course: m.Course, generated: Generated) -> None:
    assert missing_from(course, generated.pages[WORKBOOK]) == []


def test_each_lesson_is_a_section_of_its_own(course: m.Course, generated: Generated) -> None:
    assert lessons_not_in_sections_of_their_own(course, generated.pages[WORKBOOK]) == []


def test_answers_are_only_in_the_key_at_the_end(bundled: m.Course, generated: Generated) -> None:
    # the bundled course's only: the check looks for each option's feedback before the key,
    # and another course's lessons may rightly say the same words
    assert answers_before_the_key(bundled, generated.pages[WORKBOOK]) == []
