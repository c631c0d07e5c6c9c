"""content/ -> Course. Reads every file, checks each against its schema, builds the model.

Schema problems of every file are collected before giving up, so one run shows them all.
Cross-file checks (references, duplicates, coverage) live in validate.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import model as m
from .forked import share_out
from .markup import TERM_LINK
from .parsecache import Entry, ParseCache, digest
from .problems import Problem, Severity, Where, did_you_mean
from .schema import schema_problems
from .textmarks import TextMarks, text_marks
from .yamlsource import Document, parse_yaml, read_yaml

# The files of a course other than lessons, and the schema each follows.
SINGLE_FILES = {
    "course.yml": "course",
    "review.yml": "review",
    "self-check.yml": "self-check",
    "glossary.yml": "glossary",
    "source.yml": "source",
}
LESSON_DIR = "lessons"
YAML_SUFFIXES = (".yml", ".yaml")

_MARKUP = re.compile(r"[#*_`>\[\]()|~-]+")


@dataclass
class Loaded:
    course: m.Course | None
    problems: list[Problem]
    marks: dict[str, TextMarks] = field(default_factory=dict)  # by file, for validate


def load_course(
    content: Path, shown_root: Path | None = None, cache: Path | None = None, jobs: int = 1
) -> Loaded:
    """Read content/ into a Course; course is None when any file has errors.

    With a cache folder, files whose bytes are unchanged since the last run are not parsed
    or schema-checked again (see parsecache.py). jobs: processes that may parse files."""
    shown_root = shown_root or content.parent

    def shown(path: Path) -> str:
        try:
            return path.relative_to(shown_root).as_posix()
        except ValueError:
            return path.as_posix()

    problems: list[Problem] = []
    if not (content / "course.yml").is_file():
        problems.append(
            Problem(
                Where(shown(content / "course.yml")),
                "the content folder has no course.yml",
                "create course.yml with the course's title, lessons and notes",
            )
        )
        return Loaded(None, problems)

    parts: dict[str, list[Any]] = {}  # by kind: each good file's piece of the model
    marks: dict[str, TextMarks] = {}
    parsed = ParseCache.open(cache)
    files = [(path, kind, shown(path)) for path, kind in _discover(content, problems, shown)]
    for (_, kind, name), entry in zip(files, _entries(files, parsed, jobs), strict=True):
        problems += entry.problems + entry.schema_problems
        if entry.part is not None:
            parts.setdefault(kind, []).append(entry.part)
            marks[name] = entry.marks or TextMarks()
    parsed.save()
    if any(p.is_error for p in problems):
        return Loaded(None, problems, marks)
    course = _build(parts, problems)
    return Loaded(course, problems, marks)


# Below this many bytes of YAML to parse, starting worker processes costs more than they save.
MIN_SHARED_BYTES = 2_000_000


def _entries(files: list[tuple[Path, str, str]], parsed: ParseCache, jobs: int) -> list[Entry]:
    """Each (path, kind, shown name)'s entry: from the cache when the file's bytes and kind
    are those of the cached entry, else parsed, checked against its schema and made into its
    piece of the model; a large course's new files are shared out over `jobs` processes."""
    entries: list[Entry | None] = []
    todo: list[tuple[int, bytes, str]] = []  # (index in files, bytes, cache key)
    for index, (path, kind, name) in enumerate(files):
        try:
            raw = path.read_bytes()
        except OSError:
            _, found = read_yaml(path, name)  # says why it cannot be read
            entries.append(Entry("", None, found, []))
            continue
        key = digest(raw, kind)
        entry = parsed.get(name, key)
        if entry is None:
            todo.append((index, raw, key))
        entries.append(entry)

    def work(j: int) -> Entry:
        index, raw, key = todo[j]
        _, kind, name = files[index]
        return _entry(raw, key, kind, name)

    weights = [len(raw) for _, raw, _ in todo]
    shared = jobs if sum(weights) >= MIN_SHARED_BYTES else 1
    fresh: dict[int, Entry] = {}
    for (index, _, _), entry in zip(todo, share_out(work, weights, shared), strict=True):
        parsed.put(files[index][2], entry)
        fresh[index] = entry
    return [fresh[index] if entry is None else entry for index, entry in enumerate(entries)]


def _entry(raw: bytes, key: str, kind: str, name: str) -> Entry:
    """A file's bytes parsed, checked against its schema and made into its piece of the model."""
    doc, found = parse_yaml(raw, name)
    entry = Entry(key, None, found, schema_problems(doc, kind) if doc is not None else [])
    if doc is not None and not entry.schema_problems:
        entry.part = _PARTS[kind](doc)
        entry.marks = text_marks(doc)
    return entry


def _discover(content: Path, problems: list[Problem], shown) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    for path in sorted(content.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir():
            if path.name != LESSON_DIR:
                problems.append(
                    Problem(
                        Where(shown(path)),
                        f"unknown folder '{path.name}' is ignored",
                        f"lessons go in {LESSON_DIR}/",
                        Severity.WARNING,
                    )
                )
            continue
        if path.name in SINGLE_FILES:
            found.append((path, SINGLE_FILES[path.name]))
        else:
            hint = did_you_mean(path.name, SINGLE_FILES) or "known files: " + ", ".join(
                SINGLE_FILES
            )
            problems.append(
                Problem(
                    Where(shown(path)),
                    f"unknown file '{path.name}' is ignored",
                    hint,
                    Severity.WARNING,
                )
            )
    lesson_dir = content / LESSON_DIR
    if lesson_dir.is_dir():
        for path in sorted(lesson_dir.iterdir()):
            if path.suffix in YAML_SUFFIXES and not path.name.startswith("."):
                found.append((path, "lesson"))
            elif not path.name.startswith("."):
                problems.append(
                    Problem(
                        Where(shown(path)),
                        "not a .yml file; it is ignored",
                        "lesson files end in .yml",
                        Severity.WARNING,
                    )
                )
    return found


@dataclass
class CourseFile:
    """course.yml's piece of the model: its data, and where each entry of 'lessons' stands."""

    data: dict[str, Any]
    lesson_refs: list[Where]
    file: str


def _course_file(doc: Document) -> CourseFile:
    refs = [doc.at(("lessons", i)) for i in range(len(doc.data["lessons"]))]
    return CourseFile(doc.data, refs, doc.file)


def _build(parts: dict[str, list[Any]], problems: list[Problem]) -> m.Course:
    """The course from each file's piece; numbering, order and reading times depend on
    course.yml, so they are set here."""

    def one(kind: str) -> Any:
        return parts.get(kind, [None])[0]

    course_file: CourseFile = one("course")
    assert course_file is not None  # checked by load_course
    c = course_file.data
    wpm = int(c.get("words_per_minute", 200))
    order = {lesson_id: i for i, lesson_id in enumerate(c["lessons"])}
    lessons: list[m.Lesson] = parts.get("lesson", [])
    for lesson in lessons:
        lesson.minutes = max(1, math.ceil(lesson.words / wpm))
    listed = [x for x in lessons if x.id in order]
    listed.sort(key=lambda x: order[x.id])
    for number, lesson in enumerate(listed, start=1):
        lesson.number = number
        lesson.slug = f"{number:02d}-{lesson.id}"
    for lesson in lessons:
        if lesson.id not in order:
            problems.append(
                Problem(
                    Where(lesson.file, 1, 1),
                    f"lesson '{lesson.id}' is not listed in course.yml 'lessons'",
                    "add its id to the list, or delete the file",
                    Severity.WARNING,
                )
            )
    course = m.Course(
        id=c["id"],
        title=c["title"],
        description=c["description"],
        audience=c["audience"],
        language=c["language"],
        intro=c.get("intro", ""),
        disclaimer=c["disclaimer"],
        support=c["support"],
        allow_html=bool(c.get("allow_html", False)),
        words_per_minute=wpm,
        lessons=listed,
        review=one("review"),
        self_check=one("self-check"),
        glossary=one("glossary") or [],
        source=one("source"),
        file=course_file.file,
    )
    course.lesson_refs = list(zip(c["lessons"], course_file.lesson_refs, strict=True))
    course.unlisted = [x for x in lessons if x.id not in order]
    return course


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
    quiz = _quiz(doc, ("quiz",), d["id"], "Knowledge check") if "quiz" in d else None
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
        if raw["type"] == "true-false":
            answer = bool(raw["answer"])
            fb = raw["feedback"]
            options = [
                m.Option("True", answer, fb["correct"] if answer else fb["incorrect"]),
                m.Option("False", not answer, fb["incorrect"] if answer else fb["correct"]),
            ]
        else:
            options = [
                m.Option(o["text"], bool(o.get("correct", False)), o["feedback"])
                for o in raw["options"]
            ]
        questions.append(
            m.Question(
                id=raw["id"],
                type=raw["type"],
                prompt=raw["prompt"],
                options=options,
                explanation=raw["explanation"],
                section=section,
                where=doc.at(path),
                # true/false keeps its order: a shuffled "False, True" only confuses
                shuffle=bool(raw.get("shuffle", shuffle)) and raw["type"] != "true-false",
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
    return m.Source(d["title"], d.get("author", ""), d.get("url", ""), sections, doc.file)


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
    ]
    return sum(count_words(p) for p in parts)


# Each kind of file made into its piece of the model (kept in the parse cache with it).
_PARTS: dict[str, Callable[[Document], Any]] = {
    "course": _course_file,
    "lesson": _lesson,
    "review": lambda doc: _quiz(doc, (), "review", ""),
    "self-check": _self_check,
    "glossary": _glossary,
    "source": _source,
}
