"""The bundled course: it covers the whole article, in its own words, in the agreed shape."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from lessonkit import model as m
from lessonkit.pipeline import Generated, generate

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "article.txt"
KEYWORDS = [
    "pushing people away",
    "fear of vulnerability",
    "fear of intimacy",
    "low self-worth",
    "active listening",
    "seeking professional support",
]
DRIVERS = ["vulnerability", "intimacy", "worth", "testing", "inner"]


@pytest.fixture(scope="module")
def result() -> Generated:
    return generate(ROOT)


@pytest.fixture(scope="module")
def course(result: Generated) -> m.Course:
    assert result.ok, "\n".join(map(str, result.problems))
    return result.course


def lesson_text(lesson: m.Lesson) -> str:
    return " ".join(s.body for s in lesson.sections).lower()


def test_course_has_no_problems_at_all(result: Generated) -> None:
    # warnings included: an uncited article paragraph is a warning from the checker
    assert [str(p) for p in result.problems] == []


def test_every_article_paragraph_is_taught(course: m.Course) -> None:
    cited = {
        (r.section, r.paragraph) for x in course.lessons for s in x.sections for r in s.sources
    }
    inventory = [(s.id, p.number) for s in course.source.sections for p in s.paragraphs]
    assert len(inventory) == 14, "the article has 14 paragraphs in 6 sections"
    assert [p for p in inventory if p not in cited] == []


def test_the_inventory_matches_the_article_shape(course: m.Course) -> None:
    shape = {s.id: len(s.paragraphs) for s in course.source.sections}
    assert shape == {
        "introduction": 1,
        "understanding": 3,
        "recognising": 3,
        "steps": 3,
        "support": 3,
        "conclusion": 1,
    }


def test_every_section_cites_its_source(course: m.Course) -> None:
    assert [f"{x.id}#{s.id}" for x in course.lessons for s in x.sections if not s.sources] == []


def test_keywords_have_glossary_entries_and_appear_in_lessons(course: m.Course) -> None:
    terms = {t.term.lower() for t in course.glossary}
    text = " ".join(lesson_text(x) for x in course.lessons)
    for keyword in KEYWORDS:
        assert keyword in terms, keyword
        assert keyword in text, keyword


def test_lessons_have_the_agreed_shape(course: m.Course) -> None:
    assert len(course.lessons) >= 5
    for lesson in course.lessons:
        assert lesson.minutes <= 8, f"{lesson.id} runs past eight minutes"
        assert lesson.objectives and lesson.takeaways, lesson.id
        assert 2 <= len(lesson.reflections) <= 4, lesson.id
        assert any(s.kind in ("scenario", "example") for s in lesson.sections), lesson.id
        quiz = lesson.quiz
        assert quiz is not None and 4 <= len(quiz.questions) <= 8, lesson.id
        assert {q.type for q in quiz.questions} == {"single", "multiple", "true-false"}
        assert all(q.section for q in quiz.questions), lesson.id


def test_the_article_parts_each_have_a_lesson(course: m.Course) -> None:
    parts = Counter(r.section for x in course.lessons for s in x.sections for r in s.sources)
    for part in ("understanding", "recognising", "steps", "support", "conclusion"):
        assert parts[part], part


def test_final_review_covers_the_course(course: m.Course) -> None:
    review = course.review
    assert review is not None and 10 <= len(review.questions) <= 15
    tested = {q.section.partition("#")[0] for q in review.questions}
    assert tested == {x.id for x in course.lessons}


def test_self_check_covers_every_driver(course: m.Course) -> None:
    check = course.self_check
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


def test_safety_notes(course: m.Course) -> None:
    support = course.support.text.lower()
    assert "emergency services" in support and "crisis line" in support
    assert not re.search(r"\d{3}[\s-]?\d{3,4}", course.support.text), "no invented phone numbers"
    assert "professional advice" in course.disclaimer.lower()


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the source article is kept beside the repo")
def test_no_run_of_twelve_words_is_copied_from_the_article() -> None:
    source = words(ARTICLE.read_text(encoding="utf-8"))
    grams = {tuple(source[i : i + 12]) for i in range(len(source) - 11)}
    copied = []
    for path in sorted((ROOT / "content").rglob("*.yml")):
        text = words(path.read_text(encoding="utf-8"))
        copied += [
            f"{path.name}: {' '.join(text[i : i + 12])}"
            for i in range(len(text) - 11)
            if tuple(text[i : i + 12]) in grams
        ]
    assert copied == []
