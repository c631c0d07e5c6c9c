"""Course -> Markdown pages. One Jinja environment; templates live in templates/.

The output is plain Markdown (with a little HTML for form controls), so any Markdown engine
builds it and the site search indexes the lesson text. Links between pages are relative
.md links, which the engine checks and rewrites for whatever base path the site has.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context

from . import model as m
from .forked import may_fork, share_out
from .markup import link_terms

GLOSSARY = "glossary.md"
SUPPORT = "support.md"


@dataclass(frozen=True)
class Paths:
    """Where each page of a course is written, relative to docs/."""

    home: str = "index.md"
    review: str = "review.md"
    self_check: str = "self-check.md"
    glossary: str = GLOSSARY
    progress: str = "progress.md"
    support: str = SUPPORT
    workbook: str = "workbook.md"

    @staticmethod
    def lesson(lesson: m.Lesson) -> str:
        return f"lessons/{lesson.slug}/index.md"

    @staticmethod
    def quiz(lesson: m.Lesson) -> str:
        return f"lessons/{lesson.slug}/quiz.md"


PATHS = Paths()


def relative(target: str, page: str) -> str:
    """A link from page to target (both relative to docs/), anchors kept."""
    path, _, anchor = target.partition("#")
    link = _relpath(path, posixpath.dirname(page) or ".") if path else ""
    return f"{link}#{anchor}" if anchor else link


@lru_cache(maxsize=1 << 16)
def _relpath(path: str, start: str) -> str:
    # pages link to the same few targets (glossary, lessons) over and over: at 1000 lessons
    # there are 27,000 links but few distinct (folder, target) pairs
    return posixpath.relpath(path, start)


def _attr(value: Any) -> str:
    """Escape text for an HTML attribute or element written by a template."""
    text = str(value)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _yaml(value: Any) -> str:
    """A front matter value: JSON is valid YAML and quotes everything that needs it."""
    return json.dumps(value, ensure_ascii=False)


# Inline Markdown starts with one of these characters. Author text with none of them comes
# out of Markdown exactly as it went in, so the element holding it needs no markdown="span";
# each one costs the engine a pass (a fifth of its time on a quiz page).
_MARKDOWN_CHARS = re.compile(r"[\\`*_\[\]!&<>{}]")


# The same option and feedback texts pass through these filters on the quiz page and twice
# more in the workbook, so each filter remembers its answers (a tenth of the render) until
# render_course ends.
@cache
def _needs_markdown(text: str) -> bool:
    return _MARKDOWN_CHARS.search(text) is not None


def _span(text: str, *more: str) -> str:
    """' markdown="span"' when any of the texts needs Markdown's inline pass, else nothing."""
    if _needs_markdown(text) or any(map(_needs_markdown, more)):
        return ' markdown="span"'
    return ""


@cache
def _inline(text: str) -> str:
    """Author text placed inside one line of HTML: newlines would end the HTML block."""
    return " ".join(text.split())


def _sentence(text: str) -> str:
    """The text ending in a full stop, unless it already ends a sentence."""
    return text if text[-1:] in ".?!" else text + "."


class _JoinedOutput(CodeGenerator):
    """Jinja's code generator, except that each run of text and values between two tags is
    yielded as one string instead of piece by piece. Each piece went up on its own through
    every template around it (an include, a block, the base page): a tenth of the render."""

    def visit_Output(self, node: nodes.Output, frame: Frame) -> None:
        if frame.buffer is not None or frame.require_output_check or len(node.nodes) < 2:
            super().visit_Output(node, frame)
            return
        frame.buffer = "_joined"  # Jinja's own code for a buffered block, into a list
        self.writeline("_joined = []")
        try:
            super().visit_Output(node, frame)
        finally:
            frame.buffer = None
        self.writeline("yield concat(_joined)")


@cache
def environment() -> Environment:
    """One environment per process: templates compile once. Jinja checks each template's
    file time on use (auto_reload), so an edited template still shows up under serve."""
    env = Environment(
        loader=PackageLoader("lessonkit", "templates"),
        autoescape=False,  # the output is Markdown; HTML attributes use the attr filter
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Markdown headings take ids as {#id}; Jinja comments become {## ... ##}
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.code_generator_class = _JoinedOutput
    env.filters.update(
        attr=_attr,
        yaml=_yaml,
        inline=_inline,
        span=_span,
        sentence=_sentence,
        json=lambda v: json.dumps(v, ensure_ascii=False).replace("</", "<\\/"),
        md=_md,
        link=_link,
        lesson_url=_lesson_url,
        quiz_url=_quiz_url,
        section_url=_section_url,
        workbook_ref=_workbook_ref,
    )
    return env


# What depends on the page being rendered is a filter that takes the template's context
# (page_path, course, term_names). Jinja calls a filter directly, where a function passed in
# the context goes through Context.call: over ten times the cost, and a quiz page makes
# about 160 such calls.


@pass_context
def _md(context: Context, text: str) -> str:
    """Author Markdown with each [[term]] made a link to its glossary entry from this page."""
    if "[[" not in text:  # most text links no term
        return text
    page, names = context["page_path"], context["term_names"]
    return link_terms(
        text, lambda term: relative(f"{PATHS.glossary}#{term}", page), names.__getitem__
    )


@pass_context
def _link(context: Context, target: str) -> str:
    """A link from this page to target (relative to docs/)."""
    return relative(target, context["page_path"])


@pass_context
def _lesson_url(context: Context, lesson: m.Lesson) -> str:
    return relative(PATHS.lesson(lesson), context["page_path"])


@pass_context
def _quiz_url(context: Context, lesson: m.Lesson) -> str:
    return relative(PATHS.quiz(lesson), context["page_path"])


@pass_context
def _section_url(context: Context, ref: str) -> str:
    """A link from this page to a lesson section ("lesson-id#section-id")."""
    lesson_id, _, section = ref.partition("#")
    lesson = context["course"].lesson(lesson_id)
    if lesson is None:
        return ""
    target = PATHS.lesson(lesson) + (f"#{section}" if section else "")
    return relative(target, context["page_path"])


@pass_context
def _workbook_ref(context: Context, ref: str) -> dict[str, str] | None:
    """Where the workbook holds a lesson section ("lesson-id#section-id"), as anchor and text."""
    lesson_id, _, section_id = ref.partition("#")
    lesson = context["course"].lesson(lesson_id)
    if lesson is None:
        return None
    anchor, text = f"#lesson-{lesson.number}", f"lesson {lesson.number}, {lesson.title}"
    section = next((s for s in lesson.sections if s.id == section_id), None)
    if section is not None:
        anchor, text = f"{anchor}-{section.id}", f"{text}: {section.title}"
    return {"anchor": anchor, "text": text}


@dataclass
class _Page:
    """One page to render: where it goes, its template, and what it adds to the context."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    # Left out of the site search (base.md.j2), so a search lands on the lessons themselves:
    # - the workbook repeats every lesson on a long page meant for printing;
    # - quiz pages state wrong answers on purpose ("Intimacy only matters in romantic
    #   relationships"), which a search result would show out of context, and they give
    #   the answers away. Each quiz is one link away from its lesson.
    # It also spares the engine indexing over half the site's text.
    searched: bool = True


def _plan(course: m.Course) -> list[_Page]:
    """Every generated page of the course, in the order they are listed."""
    plan = [_Page(PATHS.home, "home.md.j2")]
    source_titles = _source_titles(course)
    for lesson in course.lessons:
        nxt = course.lessons[lesson.number] if lesson.number < len(course.lessons) else None
        plan.append(
            _Page(
                PATHS.lesson(lesson),
                "lesson.md.j2",
                {"lesson": lesson, "next_lesson": nxt, "source_titles": source_titles},
            )
        )
        if lesson.quiz:
            plan.append(
                _Page(
                    PATHS.quiz(lesson),
                    "quiz.md.j2",
                    {"lesson": lesson, "quiz": lesson.quiz, "next_lesson": nxt},
                    searched=False,
                )
            )
    if course.review:
        plan.append(
            _Page(
                PATHS.review,
                "quiz.md.j2",
                {"lesson": None, "quiz": course.review, "next_lesson": None},
                searched=False,
            )
        )
    if course.self_check:
        plan.append(
            _Page(
                PATHS.self_check,
                "self-check.md.j2",
                {"check": course.self_check, "scoring": scoring(course.self_check)},
            )
        )
    if course.glossary:
        plan.append(_Page(PATHS.glossary, "glossary.md.j2"))
    plan.append(_Page(PATHS.progress, "progress.md.j2"))
    plan.append(
        _Page(
            PATHS.workbook,
            "workbook.md.j2",
            {"source_titles": source_titles},
            searched=False,
        )
    )
    plan.append(_Page(PATHS.support, "support.md.j2"))
    return plan


def _render(page: _Page, course: m.Course, env: Environment, term_names: dict[str, str]) -> str:
    return env.get_template(page.template).render(
        course=course,
        paths=PATHS,
        page_path=page.path,
        term_names=term_names,
        searched=page.searched,
        **page.context,
    )


# Below this many pages (about 150 lessons), starting a worker process costs more than it saves.
MIN_SHARED_PAGES = 300


def _weights(plan: list[_Page]) -> list[float]:
    """About how long each page takes to render. The workbook holds every lesson and quiz,
    so it weighs about as much as all their pages together; each other page weighs one."""
    pages = sum(1 for page in plan if page.path.startswith("lessons/"))
    return [pages if page.path == PATHS.workbook else 1 for page in plan]


def _render_all(
    plan: list[_Page], course: m.Course, env: Environment, term_names: dict[str, str], jobs: int
) -> list[str]:
    """Each page of plan rendered; a large course's pages shared out over `jobs` processes."""
    with _templates_checked_once(env):
        if len(plan) < MIN_SHARED_PAGES or not may_fork(jobs):
            return [_render(page, course, env, term_names) for page in plan]

        def work(i: int) -> str:
            return _render(plan[i], course, env, term_names)

        return share_out(work, _weights(plan), jobs)


@contextmanager
def _templates_checked_once(env: Environment) -> Iterator[None]:
    """Every template loaded, and reloaded if its file changed, before a render (so each is
    compiled once, not in each worker), then not checked again until the render ends: Jinja
    would look at the file's time each time a page uses a template or its base or includes."""
    for name in env.list_templates():
        env.get_template(name)
    was = env.auto_reload
    env.auto_reload = False
    try:
        yield
    finally:
        env.auto_reload = was


def render_course(
    course: m.Course, env: Environment | None = None, jobs: int = 1
) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/. jobs > 1 shares a large
    course's pages out over that many processes (the pages are the same either way)."""
    env = env or environment()
    term_names = {t.id: t.term for t in course.glossary}
    plan = _plan(course)
    try:
        texts = _render_all(plan, course, env, term_names, jobs)
    finally:
        _needs_markdown.cache_clear()
        _inline.cache_clear()
    return {page.path: text for page, text in zip(plan, texts, strict=True)}


def scoring(check: m.SelfCheck) -> dict[str, Any]:
    """What the page's script needs to place a subscale's mean score in a band."""
    return {
        "points": check.points,
        "bands": [
            {"id": b.id, "label": b.label, "from": b.low, "to": b.high, "text": b.text}
            for b in check.bands
        ],
    }


def _source_titles(course: m.Course) -> dict[str, str]:
    return {s.id: s.title for s in course.source.sections} if course.source else {}


def nav(course: m.Course) -> list[Any]:
    """The site navigation, in MkDocs' nav format (paths relative to docs/).

    Up to 20 lessons are listed one by one. A longer course groups them ten at a time
    ("Lessons 11 to 20"), and groups the groups, until no level has more than 20 entries.
    With Material's navigation.prune, each page then carries its own branch and at most 20
    links a level instead of every lesson, so the build grows with the number of lessons,
    not with its square (scripts/bench.py measures it).
    """
    most, fanout = 20, 10
    entries: list[tuple[int, int, Any]] = []  # (first lesson, last lesson, nav entry)
    for lesson in course.lessons:
        children: list[Any] = [PATHS.lesson(lesson)]
        if lesson.quiz:
            children.append({"Knowledge check": PATHS.quiz(lesson)})
        entry = {f"{lesson.number}. {lesson.title}": children}
        entries.append((lesson.number, lesson.number, entry))
    while len(entries) > most:
        grouped = []
        for i in range(0, len(entries), fanout):
            part = entries[i : i + fanout]
            first, last = part[0][0], part[-1][1]
            title = f"Lessons {first}\N{EN DASH}{last}" if last > first else f"Lesson {first}"
            grouped.append((first, last, {title: [entry for *_, entry in part]}))
        entries = grouped
    items: list[Any] = [{"Home": PATHS.home}, {"Lessons": [entry for *_, entry in entries]}]
    if course.review:
        items.append({course.review.title: PATHS.review})
    if course.self_check:
        items.append({course.self_check.title: PATHS.self_check})
    if course.glossary:
        items.append({"Glossary": PATHS.glossary})
    items.append({"Your progress": PATHS.progress})
    items.append({"Printable workbook": PATHS.workbook})
    items.append({"Support": PATHS.support})
    return items
