"""Exercises and short answers, without a browser: the model the fixture course loads into, the
one normalisation of typed answers, the checks, the fingerprint and the strict build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lessonkit import model as m
from lessonkit.cli import build
from lessonkit.load import load_course, reading_words
from lessonkit.pipeline import generate
from lessonkit.questions import fingerprint
from lessonkit.questions.short_answer import STEPS, WHITE_SPACE, normalise
from tests.support.project import FIXTURES, make_project

TECH = FIXTURES / "tech"


@pytest.fixture(scope="module")
def practice() -> m.Lesson:
    course = load_course(TECH / "content").course
    assert course is not None
    return course.lessons[1]


def test_exercises_load_in_their_order(practice: m.Lesson) -> None:
    first, second = practice.exercises
    assert [first.id, second.id] == ["find-home", "hidden-files"]
    assert first.hints == [
        "The command you need is three letters long.",
        "Type **`pwd`** and press Enter.",
    ]
    assert first.solution.startswith("Type `pwd`.")
    assert second.hints == []
    assert str(first.where) == "content/lessons/02-practice.yml:20:5"


def test_exercise_prompts_count_towards_reading_time(practice: m.Lesson) -> None:
    words = practice.words
    practice.exercises[1].prompt += " one two three"
    assert reading_words(practice) == words + 3
    practice.exercises[1].solution += " not read until asked for"
    assert reading_words(practice) == words + 3


def test_a_short_answer_keeps_its_answers_as_written_and_as_compared(practice: m.Lesson) -> None:
    q = practice.quiz.questions[1]
    assert q.type == "short-answer"
    assert q.options == []
    assert q.data["answers"] == ["zoë"]
    assert q.data["accept"] == ["zoe"]
    assert q.data["feedback"] is None
    assert practice.quiz.questions[0].data["feedback"] == {
        "correct": 'Yes. It stands for "print working directory".',
        "incorrect": "Not that one. Look again at the first section.",
    }


@pytest.mark.parametrize(
    ("typed", "compared"),
    [
        ("Zoë", "zoe"),
        ("  Crème   BRÛLÉE\t", "creme brulee"),
        ("cafe\u0301", "cafe"),  # an accent typed as a mark of its own
        ("\uff26\uff55\uff4c\uff4c\u3000\uff57\uff49\uff44\uff54\uff48", "full width"),
        ("\ufb01le", "file"),  # the "fi" ligature
        ("\u0130stanbul", "istanbul"),  # lowercasing gives i and a dot above, then dropped
        ("line\u2028break\u00a0and\u2009thin", "line break and thin"),
        ("zero\u200bwidth", "zero\u200bwidth"),  # not white space: kept
        ("\u0391\u03b8\u03ae\u03bd\u03b1", "\u03b1\u03b8\u03b7\u03bd\u03b1"),  # Greek tonos
        # Arabic vowel marks
        (
            "\u0645\u064e\u062f\u0652\u0631\u064e\u0633\u064e\u0629",
            "\u0645\u062f\u0631\u0633\u0629",
        ),
        ("stra\u00dfe", "stra\u00dfe"),  # lowercase, not case folding: ß stays ß
        ("\u00d8re", "\u00f8re"),  # a letter of its own, not a letter and a mark
        ("", ""),
        (" \t\n", ""),
    ],
)
def test_the_normalisation(typed: str, compared: str) -> None:
    assert normalise(typed) == compared


def test_the_normalisation_is_named_steps_the_page_can_carry() -> None:
    assert STEPS == ("nfkd", "lower", "unmark", "spaces")
    # Unicode's White_Space: the 25 characters, no more (not U+180E, U+200B or U+FEFF)
    assert len(WHITE_SPACE) == 25
    assert not {"\u180e", "\u200b", "\ufeff"} & set(WHITE_SPACE)


def test_the_fingerprint_is_the_prompt_and_the_accepted_answers(practice: m.Lesson) -> None:
    q = practice.quiz.questions[0]
    before = fingerprint(q)
    q.explanation = "Explanations and feedback change without dropping saved answers."
    q.data["feedback"] = None
    assert fingerprint(q) == before
    q.data["answers"] = [*q.data["answers"], "builtin pwd"]
    assert fingerprint(q) != before


def test_answers_that_are_the_same_once_normalised_are_refused(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(TECH / "content", content)
    lesson = content / "lessons" / "02-practice.yml"
    lesson.write_text(lesson.read_text("utf-8").replace("answers: [zoë]", "answers: [zoë, ZOE]"))
    problems = generate(tmp_path).problems
    assert [(p.code, str(p.where), p.hint) for p in problems] == [
        ("question.same-answer", "content/lessons/02-practice.yml:51:22", "remove 'ZOE'")
    ]


@pytest.mark.slow
def test_the_fixture_course_builds_strictly(tmp_path: Path, monkeypatch, capsys) -> None:
    project = make_project(tmp_path / "tech", TECH / "content")
    monkeypatch.setenv("SITE_URL", "https://example.github.io/some-repo/")
    assert build(project) == 0
    assert "OK: First Steps in the Shell: 3 lessons, 5 questions" in capsys.readouterr().out
    quiz = (project / "site" / "lessons" / "02-practice" / "quiz" / "index.html").read_text()
    assert '<li data-lk-accept="zoe">zoë</li>' in quiz
    lesson = (project / "site" / "lessons" / "02-practice" / "index.html").read_text()
    assert lesson.count('<details class="lk-hint-box">') == 2


def test_the_home_page_mentions_exercises_only_when_there_are_some() -> None:
    tech = generate(TECH).pages["index.md"]
    assert "\n- **Exercises** let you try things for yourself" in tech
    assert "**Exercises**" not in generate(FIXTURES / "mini").pages["index.md"]
