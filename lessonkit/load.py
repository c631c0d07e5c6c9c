"""content/ -> Course. Reads every file, checks each against its schema, builds the model.

Schema problems of every file are collected before giving up, so one run shows them all.
Cross-file checks (references, duplicates, coverage) live in validate.py.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import i18n
from . import model as m
from .links import Links, rewrite
from .markup import TERM_LINK
from .problems import Problem, Where, did_you_mean, problem
from .questions import question_type
from .schema import schema_problems
from .textmarks import TextMarks, text_marks, texts
from .yamlsource import Document, read_yaml

# The files of a course other than lessons, and the schema each follows.
SINGLE_FILES = {
    "course.yml": "course",
    "review.yml": "review",
    "self-check.yml": "self-check",
    "glossary.yml": "glossary",
    "source.yml": "source",
    "strings.yml": "strings",  # the interface texts, over the language's table (i18n/)
}
LESSON_DIR = "lessons"
YAML_SUFFIXES = (".yml", ".yaml")

_MARKUP = re.compile(r"[#*_`>\[\]()|~-]+")


@dataclass
class Loaded:
    course: m.Course | None
    problems: list[Problem]
    marks: dict[str, TextMarks] = field(default_factory=dict)  # by file, for validate


def load_course(content: Path, shown_root: Path | None = None) -> Loaded:
    """Read content/ into a Course; course is None when any file has errors."""
    shown_root = shown_root or content.parent

    def shown(path: Path) -> str:
        try:
            return path.relative_to(shown_root).as_posix()
        except ValueError:
            return path.as_posix()

    problems: list[Problem] = []
    if not (content / "course.yml").is_file():
        problems.append(problem("content.no-course", Where(shown(content / "course.yml"))))
        return Loaded(None, problems)

    parts: dict[str, list[Any]] = {}  # by kind: each good file's piece of the model
    marks: dict[str, TextMarks] = {}
    links = Links()
    for path, kind in _discover(content, problems, shown):
        name = shown(path)
        doc, found = read_yaml(path, name)
        problems += found
        if doc is None:
            continue
        invalid = schema_problems(doc, kind)
        problems += invalid
        if not invalid:
            rel = path.relative_to(content).as_posix()
            # interface texts hold {placeholders} where links go, not links and terms
            if kind != "strings":
                marks[name] = text_marks(doc)  # before links are rewritten: offsets hold
                lesson_id = doc.data["id"] if kind == "lesson" else ""
                _canonical_links(doc, content, rel, lesson_id, links)
            part = _PARTS[kind](doc)
            if kind == "lesson":
                part.path = rel
            parts.setdefault(kind, []).append(part)
    if any(p.is_error for p in problems):
        return Loaded(None, problems + links.problems, marks)
    course = _build(parts, problems)
    course.files, course.references = links.files, links.references
    # a broken link spoils no other check: reported with theirs, it still stops the build
    return Loaded(course, problems + links.problems, marks)


def _canonical_links(doc: Document, content: Path, rel: str, lesson_id: str, found: Links) -> None:
    """Every link and image in the file's text made canonical (links.py), in place."""
    folder = posixpath.dirname(rel)
    for path, text in list(texts(doc.data)):
        new = rewrite(
            text, content, folder, lesson_id, lambda at, path=path: doc.locate(path, at), found
        )
        if new is not text:
            holder = doc.data
            for key in path[:-1]:
                holder = holder[key]
            holder[path[-1]] = new


def _discover(content: Path, problems: list[Problem], shown) -> list[tuple[Path, str]]:
    """The course's YAML files and their kinds. Other files and folders (figures, files to
    download) may stand anywhere; a YAML file of no known kind is reported."""
    found: list[tuple[Path, str]] = []
    for path in sorted(content.iterdir()):
        if path.name.startswith(".") or path.is_dir() or path.suffix not in YAML_SUFFIXES:
            continue
        if path.name in SINGLE_FILES:
            found.append((path, SINGLE_FILES[path.name]))
        else:
            problems.append(
                problem(
                    "content.unknown-file",
                    Where(shown(path)),
                    did_you_mean(path.name, SINGLE_FILES),
                    name=path.name,
                    known=", ".join(SINGLE_FILES),
                )
            )
    lesson_dir = content / LESSON_DIR
    if lesson_dir.is_dir():
        for path in sorted(lesson_dir.iterdir()):
            if path.suffix in YAML_SUFFIXES and not path.name.startswith("."):
                found.append((path, "lesson"))
    return found


@dataclass
class CourseFile:
    """course.yml's piece of the model: its data, and where each entry of 'lessons' stands."""

    data: dict[str, Any]
    lesson_refs: list[Where]
    file: str
    language_where: Where


def _course_file(doc: Document) -> CourseFile:
    refs = [doc.at(("lessons", i)) for i in range(len(doc.data["lessons"]))]
    return CourseFile(doc.data, refs, doc.file, doc.at(("language",)))


@dataclass
class StringsFile:
    """strings.yml's piece of the model: its entries by flat key ("page.quiz_title"), and
    where each stands (a plural form's as "key.form")."""

    entries: dict[str, Any]
    places: dict[str, Where]


def _strings(doc: Document) -> StringsFile:
    entries, places = {}, {}
    for group, names in doc.data.items():
        for name, entry in names.items():
            key = f"{group}.{name}"
            entries[key] = entry
            places[key] = doc.at((group, name))
            if isinstance(entry, dict):
                places.update({f"{key}.{form}": doc.at((group, name, form)) for form in entry})
    return StringsFile(entries, places)


def _build(parts: dict[str, list[Any]], problems: list[Problem]) -> m.Course:
    """The course from each file's piece; numbering, order and reading times depend on
    course.yml, so they are set here."""

    def one(kind: str) -> Any:
        return parts.get(kind, [None])[0]

    course_file: CourseFile = one("course")
    assert course_file is not None  # checked by load_course
    c = course_file.data
    own: StringsFile = one("strings") or StringsFile({}, {})
    t = i18n.strings(c["language"], own.entries)
    wpm = int(c.get("words_per_minute", 200))
    order = {lesson_id: i for i, lesson_id in enumerate(c["lessons"])}
    lessons: list[m.Lesson] = parts.get("lesson", [])
    for lesson in lessons:
        lesson.minutes = max(1, math.ceil(lesson.words / wpm))
        if lesson.quiz and not lesson.quiz.title:  # no title of its own: the language's
            lesson.quiz.title = t("page.quiz_title")
    listed = [x for x in lessons if x.id in order]
    listed.sort(key=lambda x: order[x.id])
    for number, lesson in enumerate(listed, start=1):
        lesson.number = number
        lesson.slug = f"{number:02d}-{lesson.id}"
    for lesson in lessons:
        if lesson.id not in order:
            problems.append(problem("lesson.unlisted", Where(lesson.file, 1, 1), id=lesson.id))
    for quiz in [lesson.quiz for lesson in lessons if lesson.quiz] + parts.get("review", []):
        _fixed_options(quiz, t)
    course = m.Course(
        id=c["id"],
        title=c["title"],
        description=c["description"],
        audience=c["audience"],
        language=c["language"],
        intro=c.get("intro", ""),
        disclaimer=c.get("disclaimer", ""),
        support=_support(c.get("support")),
        allow_html=bool(c.get("allow_html", False)),
        confidence=bool(c.get("confidence", False)),
        words_per_minute=wpm,
        lessons=listed,
        review=one("review"),
        self_check=one("self-check"),
        glossary=one("glossary") or [],
        source=one("source"),
        file=course_file.file,
        credits=c.get("credits", ""),
        licence=m.Licence(c["licence"]["name"], c["licence"].get("url", ""))
        if "licence" in c
        else None,
    )
    course.lesson_refs = list(zip(c["lessons"], course_file.lesson_refs, strict=True))
    course.unlisted = [x for x in lessons if x.id not in order]
    course.strings, course.string_places = own.entries, own.places
    course.language_where = course_file.language_where
    return course


def _fixed_options(quiz: m.Quiz, t: i18n.Strings) -> None:
    """A true-false question's options are lessonkit's words, not the author's: "True" and
    "False" in the course's language."""
    words = {"True": t("page.option_true"), "False": t("page.option_false")}
    for q in quiz.questions:
        if q.type == "true-false":
            for option in q.options:
                option.text = words.get(option.text, option.text)


def _support(raw: dict[str, Any] | None) -> m.Support | None:
    if raw is None:
        return None
    title = raw["title"]
    return m.Support(
        title=title,
        link=raw.get("link", title),
        nav=raw.get("nav", title),
        heading=raw.get("heading", ""),
        text=raw["text"],
    )


def _lesson(doc: Document) -> m.Lesson:
    d = doc.data
    sections = [
        m.Section(
            id=s["id"],
            title=s["title"],
            body=s["body"],
            kind=s.get("kind", "text"),
            sources=[
                _ref(r, doc.at(("sections", i, "sources", j)))
                for j, r in enumerate(s.get("sources", []))
            ],
            where=doc.at(("sections", i)),
        )
        for i, s in enumerate(d["sections"])
    ]
    reflections = [
        m.Reflection(r["id"], r["prompt"], doc.at(("reflections", i)))
        for i, r in enumerate(d.get("reflections", []))
    ]
    exercises = [
        m.Exercise(
            e["id"], e["prompt"], list(e.get("hints", [])), e["solution"], doc.at(("exercises", i))
        )
        for i, e in enumerate(d.get("exercises", []))
    ]
    # without a title of its own, a lesson's quiz gets the language's (_build)
    quiz = _quiz(doc, ("quiz",), d["id"], "") if "quiz" in d else None
    lesson = m.Lesson(
        id=d["id"],
        number=0,
        slug="",
        title=d["title"],
        summary=d["summary"],
        objectives=list(d["objectives"]),
        sections=sections,
        takeaways=list(d["takeaways"]),
        reflections=reflections,
        quiz=quiz,
        file=doc.file,
        exercises=exercises,
    )
    lesson.words = reading_words(lesson)
    return lesson


def _ref(text: str, where: Where) -> m.SourceRef:
    section, number = text.rsplit(".", 1)
    return m.SourceRef(section, int(number), where)


def _quiz(doc: Document, at: tuple, quiz_id: str, default_title: str) -> m.Quiz:
    q = doc.data
    for key in at:
        q = q[key]
    shuffle = bool(q.get("shuffle", False))
    questions = []
    for i, raw in enumerate(q["questions"]):
        path = (*at, "questions", i)
        section = raw.get("section", "")
        if section and "#" not in section and at:  # a lesson's own section
            section = f"{quiz_id}#{section}"
        kind = question_type(raw["type"])
        options, data = kind.read(raw)
        questions.append(
            m.Question(
                id=raw["id"],
                type=raw["type"],
                prompt=raw["prompt"],
                options=options,
                explanation=raw["explanation"],
                section=section,
                where=doc.at(path),
                # some types keep their order: a shuffled "False, True" only confuses
                shuffle=bool(raw.get("shuffle", shuffle)) and kind.shuffle,
                data=data,
                places=lambda sub, path=path: doc.at((*path, *sub)),
            )
        )
    return m.Quiz(
        id=quiz_id,
        title=q.get("title", default_title),
        intro=q.get("intro", ""),
        questions=questions,
        shuffle=shuffle,
    )


def _self_check(doc: Document) -> m.SelfCheck:
    d = doc.data
    return m.SelfCheck(
        title=d["title"],
        intro=d["intro"],
        timeframe=d["timeframe"],
        question=d["question"],
        scale=list(d["scale"]),
        subscales=[
            m.Subscale(
                s["id"], s["title"], s["about"], list(s["lessons"]), doc.at(("subscales", i))
            )
            for i, s in enumerate(d["subscales"])
        ],
        items=[
            m.Item(
                it["id"],
                it["subscale"],
                it["text"],
                bool(it.get("reverse", False)),
                doc.at(("items", i)),
            )
            for i, it in enumerate(d["items"])
        ],
        bands=[
            m.Band(
                b["id"],
                b["label"],
                float(b["from"]),
                float(b["to"]),
                b["text"],
                doc.at(("bands", i)),
            )
            for i, b in enumerate(d["bands"])
        ],
        note=d["note"],
        file=doc.file,
    )


def _glossary(doc: Document) -> list[m.Term]:
    return [
        m.Term(
            t["id"], t["term"], t["definition"], list(t.get("aliases", [])), doc.at(("terms", i))
        )
        for i, t in enumerate(doc.data["terms"])
    ]


def _source(doc: Document) -> m.Source:
    d = doc.data
    sections = [
        m.SourceSection(
            s["id"],
            s["title"],
            [m.SourceParagraph(n, text) for n, text in enumerate(s["paragraphs"], start=1)],
        )
        for s in d["sections"]
    ]
    return m.Source(
        d["title"], d.get("author", ""), d.get("url", ""), sections, doc.file, d.get("kind", "")
    )


def count_words(text: str) -> int:
    text = TERM_LINK.sub(lambda mt: mt.group(2) or mt.group(1).replace("-", " "), text)
    return len(_MARKUP.sub(" ", text).split())


def reading_words(lesson: m.Lesson) -> int:
    """The words a reader reads in a lesson: reading time is this over words_per_minute."""
    parts = [
        lesson.summary,
        *lesson.objectives,
        *lesson.takeaways,
        *(s.title + " " + s.body for s in lesson.sections),
        *(r.prompt for r in lesson.reflections),
        *(e.prompt for e in lesson.exercises),  # read; hints and solutions only on demand
    ]
    return sum(count_words(p) for p in parts)


# Each kind of file made into its piece of the model.
_PARTS: dict[str, Callable[[Document], Any]] = {
    "course": _course_file,
    "lesson": _lesson,
    "review": lambda doc: _quiz(doc, (), "review", ""),
    "self-check": _self_check,
    "glossary": _glossary,
    "source": _source,
    "strings": _strings,
}
