"""Whole-course checks -> a list of Problems. Nothing here raises or stops at the first.

Each check is a small function over the model (and, for text, over each file's text marks,
so a problem inside a Markdown block points at its own line).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from . import model as m
from .problems import Problem, Severity, Where, did_you_mean
from .textmarks import TextMarks

Check = Callable[[m.Course], Iterable[Problem]]


def validate(course: m.Course, marks: dict[str, TextMarks]) -> list[Problem]:
    """marks: each file's text marks (Loaded.marks), for the checks of text."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(course))
    problems.extend(text_problems(course, marks))
    return problems


def _duplicates(items: Iterable[tuple[str, Where]], what: str) -> Iterator[Problem]:
    first: dict[str, Where] = {}
    for key, where in items:
        if key in first:
            yield Problem(
                where,
                f"duplicate {what} '{key}' (first used at {first[key]})",
                "ids must be unique; rename one of them",
            )
        else:
            first[key] = where


def check_lessons(course: m.Course) -> Iterator[Problem]:
    every = course.lessons + course.unlisted
    yield from _duplicates(((x.id, Where(x.file, 1, 1)) for x in every), "lesson id")
    ids = {x.id for x in every}
    yield from _duplicates(course.lesson_refs, "entry in 'lessons'")
    for lesson_id, where in course.lesson_refs:
        if lesson_id not in ids:
            hint = did_you_mean(lesson_id, ids) or f"create content/lessons/{lesson_id}.yml"
            yield Problem(
                where,
                f"course.yml lists lesson '{lesson_id}', but no lesson file has that id",
                hint,
            )
    for lesson in every:
        yield from _duplicates(((s.id, s.where) for s in lesson.sections), "section id")
        yield from _duplicates(((r.id, r.where) for r in lesson.reflections), "reflection id")


def _quizzes(course: m.Course) -> list[m.Quiz]:
    quizzes = [x.quiz for x in course.lessons + course.unlisted if x.quiz]
    return quizzes + ([course.review] if course.review else [])


def check_questions(course: m.Course) -> Iterator[Problem]:
    every = [q for quiz in _quizzes(course) for q in quiz.questions]
    yield from _duplicates(((q.id, q.where) for q in every), "question id")
    lessons = {x.id: x for x in course.lessons + course.unlisted}
    for q in every:
        yield from _question(q)
        yield from _question_section(lessons, q)


def _question(q: m.Question) -> Iterator[Problem]:
    label = f"question '{q.id}'"
    if q.type != "true-false":
        if not q.options:
            yield Problem(q.where, f"{label} has no options", "add at least two options")
            return
        if len(q.options) < 2:
            yield Problem(q.where, f"{label} has only one option", "add at least one more option")
        texts = Counter(o.text.strip().lower() for o in q.options)
        for text, count in texts.items():
            if count > 1:
                yield Problem(
                    q.where,
                    f"{label} has the option '{text}' {count} times",
                    "make every option different",
                )
    right = q.correct_count
    if q.type == "single" and right == 0:
        yield Problem(
            q.where,
            f"{label} is single-choice but has no correct option",
            "mark one option with 'correct: true'",
        )
    elif q.type == "single" and right > 1:
        yield Problem(
            q.where,
            f"{label} is single-choice but has {right} correct options",
            "use type: multiple",
        )
    elif q.type == "multiple" and right == 0:
        yield Problem(
            q.where,
            f"{label} is multiple-select but has no correct option",
            "mark at least one option with 'correct: true'",
        )


def _question_section(lessons: dict[str, m.Lesson], q: m.Question) -> Iterator[Problem]:
    if not q.section:
        return
    lesson_id, _, section_id = q.section.partition("#")
    lesson = lessons.get(lesson_id)
    if lesson is None:
        yield Problem(
            q.where,
            f"question '{q.id}' refers to unknown lesson '{lesson_id}'",
            did_you_mean(lesson_id, lessons) or "write section as lesson-id#section-id",
        )
        return
    sections = [s.id for s in lesson.sections]
    if section_id and section_id not in sections:
        yield Problem(
            q.where,
            f"question '{q.id}' refers to unknown section '{section_id}' of lesson '{lesson_id}'",
            did_you_mean(section_id, sections) or "sections: " + ", ".join(sections),
        )


def check_self_check(course: m.Course) -> Iterator[Problem]:
    sc = course.self_check
    if sc is None:
        return
    yield from _duplicates(((s.id, s.where) for s in sc.subscales), "subscale id")
    yield from _duplicates(((i.id, i.where) for i in sc.items), "item id")
    yield from _duplicates(((b.id, b.where) for b in sc.bands), "band id")
    subscales = {s.id for s in sc.subscales}
    lesson_ids = {x.id for x in course.lessons}
    for item in sc.items:
        if item.subscale not in subscales:
            yield Problem(
                item.where,
                f"item '{item.id}' belongs to unknown subscale '{item.subscale}'",
                did_you_mean(item.subscale, subscales),
            )
    counts = Counter(i.subscale for i in sc.items)
    for s in sc.subscales:
        if not counts[s.id]:
            yield Problem(
                s.where, f"subscale '{s.id}' has no items", f"add items with 'subscale: {s.id}'"
            )
        for lesson_id in s.lessons:
            if lesson_id not in lesson_ids:
                yield Problem(
                    s.where,
                    f"subscale '{s.id}' links to unknown lesson '{lesson_id}'",
                    did_you_mean(lesson_id, lesson_ids),
                )
    yield from _bands(sc)


def _bands(sc: m.SelfCheck) -> Iterator[Problem]:
    low, high = 1.0, float(sc.points)
    bands = sorted(sc.bands, key=lambda b: b.low)
    for b in bands:
        if b.low >= b.high:
            yield Problem(
                b.where,
                f"band '{b.id}' runs from {b.low:g} to {b.high:g}, which is empty",
                "'from' must be below 'to'",
            )
        if b.low < low or b.high > high:
            yield Problem(
                b.where,
                f"band '{b.id}' ({b.low:g} to {b.high:g}) reaches outside the "
                f"scale ({low:g} to {high:g})",
                "keep bands within the scale's points",
            )
    if bands and bands[0].low > low:
        yield Problem(
            bands[0].where,
            f"no band covers scores from {low:g} to {bands[0].low:g}",
            f"start the first band at {low:g}",
        )
    if bands and bands[-1].high < high:
        yield Problem(
            bands[-1].where,
            f"no band covers scores from {bands[-1].high:g} to {high:g}",
            f"end the last band at {high:g}",
        )
    for before, after in itertools.pairwise(bands):
        if after.low > before.high:
            yield Problem(
                after.where,
                f"bands '{before.id}' and '{after.id}' leave a gap from "
                f"{before.high:g} to {after.low:g}",
                f"start '{after.id}' at {before.high:g}",
            )
        elif after.low < before.high:
            yield Problem(
                after.where,
                f"bands '{before.id}' and '{after.id}' overlap from "
                f"{after.low:g} to {before.high:g}",
                f"start '{after.id}' at {before.high:g}",
            )


def check_glossary(course: m.Course) -> Iterator[Problem]:
    yield from _duplicates(((t.id, t.where) for t in course.glossary), "glossary term")


def check_sources(course: m.Course) -> Iterator[Problem]:
    source = course.source
    sections = [s for x in course.lessons + course.unlisted for s in x.sections]
    if source is None:
        for s in sections:
            for ref in s.sources:
                yield Problem(
                    ref.where,
                    f"section '{s.id}' cites '{ref}', but there is no source.yml",
                    "add content/source.yml, or remove 'sources'",
                )
        return
    known = {sec.id: len(sec.paragraphs) for sec in source.sections}
    cited: set[tuple[str, int]] = set()
    for s in sections:
        for ref in s.sources:
            if ref.section not in known:
                yield Problem(
                    ref.where,
                    f"'{ref}' cites unknown source section '{ref.section}'",
                    did_you_mean(ref.section, known) or "sections: " + ", ".join(known),
                )
            elif not 1 <= ref.paragraph <= known[ref.section]:
                yield Problem(
                    ref.where,
                    f"'{ref}' cites paragraph {ref.paragraph}, but "
                    f"'{ref.section}' has {known[ref.section]}",
                    "check the number",
                )
            else:
                cited.add((ref.section, ref.paragraph))
    for sec in source.sections:
        for p in sec.paragraphs:
            if (sec.id, p.number) not in cited:
                yield Problem(
                    Where(source.file),
                    f"source paragraph {sec.id}.{p.number} "
                    f"({p.summary}) is cited by no lesson section",
                    f"cite it with 'sources: [{sec.id}.{p.number}]' where it is taught",
                    Severity.WARNING,
                )


CHECKS: list[Check] = [
    check_lessons,
    check_questions,
    check_self_check,
    check_glossary,
    check_sources,
]


def text_problems(course: m.Course, marks: dict[str, TextMarks]) -> Iterator[Problem]:
    """Glossary links must name known terms; raw HTML only where the course allows it."""
    terms = {t.id for t in course.glossary}
    for found in marks.values():
        for term, where in found.terms:
            if term not in terms:
                hint = did_you_mean(term, terms) or (
                    "add it to glossary.yml" if terms else "create glossary.yml"
                )
                yield Problem(where, f"unknown glossary term '{term}'", hint)
        if not course.allow_html:
            for tag, where in found.html:
                yield Problem(
                    where,
                    f"raw HTML '{tag}' in text",
                    "write it in Markdown, or set 'allow_html: true' in course.yml",
                )
