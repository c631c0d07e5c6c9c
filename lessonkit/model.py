"""Typed records of a course. Built by load.py from validated data; read by render.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .links import Reference
from .problems import Where


@dataclass
class SourceRef:
    """A paragraph of the source text: section id and paragraph number (from 1)."""

    section: str
    paragraph: int
    where: Where

    def __str__(self) -> str:
        return f"{self.section}.{self.paragraph}"


@dataclass
class SourceParagraph:
    number: int
    summary: str


@dataclass
class SourceSection:
    id: str
    title: str
    paragraphs: list[SourceParagraph]


@dataclass
class Source:
    """An inventory of the text the course was made from (summaries only, never its words)."""

    title: str
    author: str
    url: str
    sections: list[SourceSection]
    file: str
    kind: str = ""  # "article", "book": how a cited section names it


@dataclass
class Support:
    """Where to find help: a page of the course, linked from every page."""

    title: str
    link: str
    nav: str
    heading: str
    text: str


@dataclass
class Licence:
    name: str
    url: str


@dataclass
class Section:
    id: str
    title: str
    body: str
    kind: str  # "text" | "example" | "scenario"
    sources: list[SourceRef]
    where: Where


@dataclass
class Reflection:
    id: str
    prompt: str
    where: Where


@dataclass
class Exercise:
    """An open task: no automatic judging, hints revealed one at a time, then a solution."""

    id: str
    prompt: str
    hints: list[str]
    solution: str
    where: Where


@dataclass
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass
class Question:
    id: str
    type: str
    prompt: str
    options: list[Option]
    explanation: str
    section: str  # "lesson-id#section-id" or "" when it tests no one section
    where: Where
    shuffle: bool = False
    data: dict[str, Any] = field(default_factory=dict)  # what its type reads besides options
    # where a value inside the question stands, by its path from the question
    places: Callable[[tuple], Where] | None = field(default=None, repr=False, compare=False)

    @property
    def correct_count(self) -> int:
        return sum(o.correct for o in self.options)

    def at(self, *path: str | int) -> Where:
        """Where a value inside the question stands (q.at("answers", 1)), so a type's own
        checks can point at it; the question's own place when that is not known."""
        return self.places(path) if self.places else self.where


@dataclass
class Quiz:
    id: str
    title: str
    intro: str
    questions: list[Question]
    shuffle: bool


@dataclass
class Lesson:
    id: str
    number: int
    slug: str  # the folder name under lessons/, "01-push-away-pattern"
    title: str
    summary: str
    objectives: list[str]
    sections: list[Section]
    takeaways: list[str]
    reflections: list[Reflection]
    quiz: Quiz | None
    file: str
    minutes: int = 0
    words: int = 0  # what a reader reads; minutes depend on the course's words_per_minute
    path: str = ""  # its file under content/, as other lessons link to it
    exercises: list[Exercise] = field(default_factory=list)


@dataclass
class Band:
    id: str
    label: str
    low: float  # the mean item score, inclusive
    high: float  # exclusive, except for the last band, which includes the scale's top
    text: str
    where: Where


@dataclass
class Subscale:
    id: str
    title: str
    about: str
    lessons: list[str]
    where: Where


@dataclass
class Item:
    id: str
    subscale: str
    text: str
    reverse: bool
    where: Where


@dataclass
class SelfCheck:
    title: str
    intro: str
    timeframe: str
    question: str
    scale: list[str]  # labels for the points 1..n
    subscales: list[Subscale]
    items: list[Item]
    bands: list[Band]
    note: str
    file: str

    @property
    def points(self) -> int:
        return len(self.scale)


@dataclass
class Term:
    id: str
    term: str
    definition: str
    aliases: list[str]
    where: Where


@dataclass
class Course:
    id: str
    title: str
    description: str
    audience: str
    language: str
    intro: str
    disclaimer: str  # "" when the course has none
    support: Support | None
    allow_html: bool
    words_per_minute: int
    lessons: list[Lesson]
    review: Quiz | None
    self_check: SelfCheck | None
    glossary: list[Term]
    source: Source | None
    file: str
    credits: str = ""
    licence: Licence | None = None
    # files author text shows or links to: path under content/ -> the file on disk
    files: dict[str, Path] = field(default_factory=dict)
    # links to lessons and their sections, with where each stands (for the checks)
    references: list[Reference] = field(default_factory=list)
    # lesson ids as course.yml lists them, with where each stands (for reference checks)
    lesson_refs: list[tuple[str, Where]] = field(default_factory=list)
    # lesson files whose id course.yml does not list: checked, never built
    unlisted: list[Lesson] = field(default_factory=list)
    # the course's own interface texts (content/strings.yml), by key ("page.quiz_title"),
    # over its language's table (i18n/); where each stands, and where `language` does
    strings: dict[str, Any] = field(default_factory=dict)
    string_places: dict[str, Where] = field(default_factory=dict)
    language_where: Where = field(default_factory=lambda: Where(""))
    # ask "how sure are you?" with every knowledge-check answer (course.yml: confidence)
    confidence: bool = False

    @property
    def question_count(self) -> int:
        return sum(len(q.questions) for q in self.quizzes)

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((x for x in self.lessons if x.id == lesson_id), None)

    def lesson_at(self, path: str) -> Lesson | None:
        """The lesson whose file is at path under content/."""
        return next((x for x in self.lessons if x.path == path), None)

    @property
    def has_reflections(self) -> bool:
        return any(lesson.reflections for lesson in self.lessons)

    @property
    def has_quizzes(self) -> bool:
        return bool(self.review) or any(lesson.quiz for lesson in self.lessons)

    @property
    def quizzes(self) -> list[Quiz]:
        """Every knowledge check: each lesson's, in order, then the review."""
        lessons = [lesson.quiz for lesson in self.lessons if lesson.quiz]
        return lessons + ([self.review] if self.review else [])

    def term(self, term_id: str) -> Term | None:
        return next((t for t in self.glossary if t.id == term_id), None)
