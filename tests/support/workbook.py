"""What the printable workbook holds, for any course, as lists of what is wrong: the tool's
tests check the fixture course's workbook, tests/course the course's own."""

from __future__ import annotations

import re

from lessonkit import model as m


def quizzes(course: m.Course) -> list[m.Quiz]:
    return [x.quiz for x in course.lessons if x.quiz] + ([course.review] if course.review else [])


def split_at_the_key(workbook: str) -> tuple[str, str]:
    """The workbook before its answer key, and the key."""
    before, sep, key = workbook.partition("\n## Answer key {#answer-key")
    assert sep, "the workbook has an answer key"
    return before, key


def missing_from(course: m.Course, text: str) -> list[str]:
    """Every lesson, section and prompt, ruled space for each prompt, each question with its
    tick boxes and its answer, and the self-check's boxes."""
    missing = []
    for lesson in course.lessons:
        heading = f"## {lesson.number}. {lesson.title} {{#lesson-{lesson.number} .lk-wb-part}}"
        missing += [] if heading in text else [heading]
        missing += [
            f"section {section.id}"
            for section in lesson.sections
            if f"{{#lesson-{lesson.number}-{section.id}}}" not in text
        ]
        missing += [
            f"prompt {r.id}" for r in lesson.reflections if " ".join(r.prompt.split()) not in text
        ]
    counts = {
        '<div class="lk-wb-lines"': sum(len(x.reflections) for x in course.lessons),
        '<div class="lk-wb-question"': sum(len(q.questions) for q in quizzes(course)),
        '<div class="lk-wb-answer"': sum(len(q.questions) for q in quizzes(course)),
        '<span class="lk-wb-box"': sum(len(q.options) for z in quizzes(course) for q in z.questions)
        + (len(course.self_check.items) * course.self_check.points if course.self_check else 0),
    }
    missing += [
        f"{n} times {tag}, not {text.count(tag)}"
        for tag, n in counts.items()
        if text.count(tag) != n
    ]
    return missing


def lessons_not_in_sections_of_their_own(course: m.Course, text: str) -> list[str]:
    """Python-Markdown parses each <section markdown="block"> as a short document; without
    them a 1000-lesson workbook is one block list and converts in quadratic time."""
    parts = re.findall(
        r'<section class="lk-wb-lesson" markdown="block">\n## (\d+)\. (.*?)</section>', text, re.S
    )
    wrong = [f"lesson {n} holds another ## heading" for n, body in parts if "\n## " in body]
    if [int(n) for n, _ in parts] != [x.number for x in course.lessons]:
        wrong.append(f"lesson sections {[n for n, _ in parts]}")
    opening = '<section class="lk-wb-answers" markdown="block">\n### Lesson '
    answers = [int(n) for n in re.findall(re.escape(opening) + r"(\d+):", text)]
    if answers != [x.number for x in course.lessons if x.quiz]:
        wrong.append(f"answer sections {answers}")
    return wrong


def answers_before_the_key(course: m.Course, text: str) -> list[str]:
    """Verdicts and each option's feedback only in the key, each explanation in it. (Looks
    for each feedback's first 30 characters: a course may repeat them in its lessons.)"""
    questions, key = split_at_the_key(text)
    found = [word for word in ("Right:", "Not right:") if word in questions]
    for quiz in quizzes(course):
        for q in quiz.questions:
            found += (
                [] if q.explanation.split()[0] in key else [f"{q.id}: no explanation in the key"]
            )
            found += [
                f"{q.id}: {o.feedback[:30]!r} before the key"
                for o in q.options
                if " ".join(o.feedback.split())[:30] in questions
            ]
    return found
