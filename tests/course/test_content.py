"""The course's content: no problem of any kind and, when it was made from a source text,
every paragraph of it taught. For the bundled course: the whole article, in the agreed
shape, with its keywords, self-check and safety notes."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from lessonkit import model as m
from lessonkit.pipeline import Generated

KEYWORDS = [
    "pushing people away",
    "fear of vulnerability",
    "fear of intimacy",
    "low self-worth",
    "active listening",
    "seeking professional support",
]
DRIVERS = ["vulnerability", "intimacy", "worth", "testing", "inner"]


def lesson_text(lesson: m.Lesson) -> str:
    return " ".join(s.body for s in lesson.sections).lower()


def cited(course: m.Course) -> set[tuple[str, int]]:
    return {(r.section, r.paragraph) for x in course.lessons for s in x.sections for r in s.sources}


# Any course


def test_the_course_has_no_problems_at_all(generated: Generated) -> None:
    # warnings included: an uncited source paragraph is a warning from the checker
    assert [str(p) for p in generated.problems] == []


def test_every_source_paragraph_is_taught(course: m.Course) -> None:
    if course.source is None:
        pytest.skip("the course names no source text (it has no source.yml)")
    inventory = [(s.id, p.number) for s in course.source.sections for p in s.paragraphs]
    assert inventory, "source.yml lists paragraphs"
    assert [p for p in inventory if p not in cited(course)] == []


# The bundled course


def test_the_inventory_matches_the_article_shape(bundled: m.Course) -> None:
    assert bundled.source is not None
    shape = {s.id: len(s.paragraphs) for s in bundled.source.sections}
    assert shape == {
        "introduction": 1,
        "understanding": 3,
        "recognising": 3,
        "steps": 3,
        "support": 3,
        "conclusion": 1,
    }, "the article has 14 paragraphs in 6 sections"


def test_every_section_cites_its_source(bundled: m.Course) -> None:
    assert [f"{x.id}#{s.id}" for x in bundled.lessons for s in x.sections if not s.sources] == []


def test_keywords_have_glossary_entries_and_appear_in_lessons(bundled: m.Course) -> None:
    terms = {t.term.lower() for t in bundled.glossary}
    text = " ".join(lesson_text(x) for x in bundled.lessons)
    for keyword in KEYWORDS:
        assert keyword in terms, keyword
        assert keyword in text, keyword


def test_lessons_have_the_agreed_shape(bundled: m.Course) -> None:
    assert len(bundled.lessons) == 8
    for lesson in bundled.lessons:
        assert lesson.minutes <= 8, f"{lesson.id} runs past eight minutes"
        assert lesson.objectives and lesson.takeaways, lesson.id
        assert 2 <= len(lesson.reflections) <= 4, lesson.id
        assert any(s.kind in ("scenario", "example") for s in lesson.sections), lesson.id
        quiz = lesson.quiz
        assert quiz is not None and 4 <= len(quiz.questions) <= 8, lesson.id
        assert {q.type for q in quiz.questions} == {"single", "multiple", "true-false"}
        assert all(q.section for q in quiz.questions), lesson.id


def test_the_article_parts_each_have_a_lesson(bundled: m.Course) -> None:
    parts = Counter(r.section for x in bundled.lessons for s in x.sections for r in s.sources)
    for part in ("understanding", "recognising", "steps", "support", "conclusion"):
        assert parts[part], part


def test_final_review_covers_the_course(bundled: m.Course) -> None:
    review = bundled.review
    assert review is not None and 10 <= len(review.questions) <= 15
    tested = {q.section.partition("#")[0] for q in review.questions}
    assert tested == {x.id for x in bundled.lessons}


def test_self_check_covers_every_driver(bundled: m.Course) -> None:
    check = bundled.self_check
    assert check is not None
    assert check.points == 5 and check.timeframe.lower().startswith("over the last month")
    assert len(check.subscales) == 5
    titles = " ".join(s.title.lower() for s in check.subscales)
    assert all(driver in titles for driver in DRIVERS)
    counts = Counter(i.subscale for i in check.items)
    assert all(3 <= counts[s.id] <= 5 for s in check.subscales)
    assert any(i.reverse for i in check.items)
    assert all("suggest" in b.text.lower() for b in check.bands)
    note = check.note.lower()
    assert "not a diagnosis" in note and "stop" in note


def test_safety_notes(bundled: m.Course) -> None:
    support = bundled.support.text.lower()
    assert "emergency services" in support and "crisis line" in support
    assert not re.search(r"\d{3}[\s-]?\d{3,4}", bundled.support.text), "no invented phone numbers"
    assert "professional advice" in bundled.disclaimer.lower()
