"""Whole-course checks -> a list of Problems. Nothing here raises or stops at the first.

Each check is a small function over the model (and, for text, over each file's text marks,
so a problem inside a Markdown block points at its own line). A question's own checks
belong to its type (questions/); the ones here concern the course: ids, references,
bands, sources and text.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from . import i18n
from . import model as m
from .markup import close_angles
from .problems import Problem, Where, did_you_mean, problem
from .questions import question_type
from .safety import audit
from .textmarks import TextMarks

Check = Callable[[m.Course], Iterable[Problem]]


def validate(
    course: m.Course,
    marks: dict[str, TextMarks],
    markdown: Callable[[str], str] | None = None,
) -> list[Problem]:
    """marks: each file's text marks (Loaded.marks), for the checks of text; markdown:
    author text to HTML as the engine makes it, to audit it against the allow-list."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(course))
    problems.extend(text_problems(course, marks))
    if markdown is not None and not course.allow_html:
        problems.extend(unsafe_html(marks, markdown))
    return problems


def _duplicates(items: Iterable[tuple[str, Where]], what: str) -> Iterator[Problem]:
    first: dict[str, Where] = {}
    for key, where in items:
        if key in first:
            yield problem("id.duplicate", where, what=what, id=key, first=first[key])
        else:
            first[key] = where


def check_lessons(course: m.Course) -> Iterator[Problem]:
    every = course.lessons + course.unlisted
    yield from _duplicates(((x.id, Where(x.file, 1, 1)) for x in every), "lesson id")
    ids = {x.id for x in every}
    yield from _duplicates(course.lesson_refs, "entry in 'lessons'")
    for lesson_id, where in course.lesson_refs:
        if lesson_id not in ids:
            yield problem(
                "course.unknown-lesson", where, did_you_mean(lesson_id, ids), id=lesson_id
            )
    for lesson in every:
        yield from _duplicates(((s.id, s.where) for s in lesson.sections), "section id")
        yield from _duplicates(((r.id, r.where) for r in lesson.reflections), "reflection id")
        yield from _duplicates(((e.id, e.where) for e in lesson.exercises), "exercise id")


def _quizzes(course: m.Course) -> list[m.Quiz]:
    quizzes = [x.quiz for x in course.lessons + course.unlisted if x.quiz]
    return quizzes + ([course.review] if course.review else [])


def check_questions(course: m.Course) -> Iterator[Problem]:
    every = [q for quiz in _quizzes(course) for q in quiz.questions]
    yield from _duplicates(((q.id, q.where) for q in every), "question id")
    lessons = {x.id: x for x in course.lessons + course.unlisted}
    for q in every:
        yield from question_type(q.type).check(q)
        yield from _question_section(lessons, q)


def _question_section(lessons: dict[str, m.Lesson], q: m.Question) -> Iterator[Problem]:
    if not q.section:
        return
    lesson_id, _, section_id = q.section.partition("#")
    lesson = lessons.get(lesson_id)
    if lesson is None:
        yield problem(
            "question.unknown-lesson",
            q.where,
            did_you_mean(lesson_id, lessons),
            id=q.id,
            lesson=lesson_id,
        )
        return
    sections = [s.id for s in lesson.sections]
    if section_id and section_id not in sections:
        yield problem(
            "question.unknown-section",
            q.where,
            did_you_mean(section_id, sections),
            id=q.id,
            section=section_id,
            lesson=lesson_id,
            known=", ".join(sections),
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
            yield problem(
                "self-check.unknown-subscale",
                item.where,
                did_you_mean(item.subscale, subscales),
                id=item.id,
                subscale=item.subscale,
            )
    counts = Counter(i.subscale for i in sc.items)
    for s in sc.subscales:
        if not counts[s.id]:
            yield problem("self-check.empty-subscale", s.where, id=s.id)
        for lesson_id in s.lessons:
            if lesson_id not in lesson_ids:
                yield problem(
                    "self-check.unknown-lesson",
                    s.where,
                    did_you_mean(lesson_id, lesson_ids),
                    id=s.id,
                    lesson=lesson_id,
                )
    yield from _bands(sc)


def _bands(sc: m.SelfCheck) -> Iterator[Problem]:
    low, high = 1.0, float(sc.points)
    bands = sorted(sc.bands, key=lambda b: b.low)
    for b in bands:
        if b.low >= b.high:
            yield problem("band.empty", b.where, id=b.id, low=b.low, high=b.high)
        if b.low < low or b.high > high:
            yield problem(
                "band.outside", b.where, id=b.id, low=b.low, high=b.high, top=low, bottom=high
            )
    if bands and bands[0].low > low:
        yield problem(
            "band.uncovered",
            bands[0].where,
            low=low,
            high=bands[0].low,
            side="start",
            which="first",
            at=low,
        )
    if bands and bands[-1].high < high:
        yield problem(
            "band.uncovered",
            bands[-1].where,
            low=bands[-1].high,
            high=high,
            side="end",
            which="last",
            at=high,
        )
    for before, after in itertools.pairwise(bands):
        if after.low > before.high:
            yield problem(
                "band.gap",
                after.where,
                before=before.id,
                after=after.id,
                low=before.high,
                high=after.low,
            )
        elif after.low < before.high:
            yield problem(
                "band.overlap",
                after.where,
                before=before.id,
                after=after.id,
                low=after.low,
                high=before.high,
            )


def check_glossary(course: m.Course) -> Iterator[Problem]:
    yield from _duplicates(((t.id, t.where) for t in course.glossary), "glossary term")


def check_sources(course: m.Course) -> Iterator[Problem]:
    source = course.source
    sections = [s for x in course.lessons + course.unlisted for s in x.sections]
    if source is None:
        for s in sections:
            for ref in s.sources:
                yield problem("source.no-file", ref.where, section=s.id, ref=ref)
        return
    counts = {sec.id: len(sec.paragraphs) for sec in source.sections}
    cited: set[tuple[str, int]] = set()
    for s in sections:
        for ref in s.sources:
            if ref.section not in counts:
                yield problem(
                    "source.unknown-section",
                    ref.where,
                    did_you_mean(ref.section, counts),
                    ref=ref,
                    section=ref.section,
                    known=", ".join(counts),
                )
            elif not 1 <= ref.paragraph <= counts[ref.section]:
                yield problem(
                    "source.no-paragraph",
                    ref.where,
                    ref=ref,
                    number=ref.paragraph,
                    section=ref.section,
                    count=counts[ref.section],
                )
            else:
                cited.add((ref.section, ref.paragraph))
    for sec in source.sections:
        for p in sec.paragraphs:
            if (sec.id, p.number) not in cited:
                yield problem(
                    "source.uncited",
                    Where(source.file),
                    ref=f"{sec.id}.{p.number}",
                    summary=p.summary,
                )


# Headings every lesson page has besides its sections, which a link may name too.
LESSON_HEADINGS = ("key-takeaways", "reflect")


def check_links(course: m.Course) -> Iterator[Problem]:
    """Links to lessons name a lesson of the course and, after '#', one of its sections."""
    files = {x.path: x for x in course.lessons}
    for ref in course.references:
        if ref.kind == "lessonfile":
            lesson = files.get(ref.target)
            if lesson is None:
                names = [p.rpartition("/")[2] for p in files]
                hint = did_you_mean(ref.target.rpartition("/")[2], names)
                yield problem(
                    "link.unknown-lesson",
                    ref.where,
                    hint,
                    target=ref.target,
                    known=", ".join(names),
                )
                continue
        else:
            lesson = course.lesson(ref.target)
            if lesson is None:
                continue  # a lesson course.yml does not list: reported as such
        sections = [s.id for s in lesson.sections] + list(LESSON_HEADINGS)
        if ref.section and ref.section not in sections:
            yield problem(
                "link.unknown-section",
                ref.where,
                did_you_mean(ref.section, sections),
                lesson=lesson.id,
                section=ref.section,
                known=", ".join(sections),
            )


def check_strings(course: m.Course) -> Iterator[Problem]:
    """The course's own interface texts keep their placeholders; a language lessonkit has
    no table for is told each text it still shows in English."""
    yield from i18n.check(
        course.language, course.strings, course.string_places, course.language_where
    )


CHECKS: list[Check] = [
    check_strings,
    check_links,
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
                hint = did_you_mean(term, terms) or ("" if terms else "create glossary.yml")
                yield problem("glossary.unknown-term", where, hint, term=term)
        if not course.allow_html:
            for tag, where in found.html:
                yield problem("html.raw", where, tag=tag)


def unsafe_html(marks: dict[str, TextMarks], markdown: Callable[[str], str]) -> Iterator[Problem]:
    """Author text whose HTML holds what the allow-list removes (safety.py): an event
    handler written in an attribute list, a javascript: link, a tag the raw-HTML check
    could not see."""
    for found in marks.values():
        for text, where in found.markup:
            removed = audit(markdown(close_angles(text)))
            if removed:
                yield problem("html.unsafe", where, found=", ".join(removed[:3]))
