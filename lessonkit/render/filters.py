"""The Jinja environment and the filters the page templates use.

The output is Markdown (with a little HTML for form controls), so autoescape is off; text
that lands in an HTML attribute or element goes through `attr`. Filters that depend on the
page being rendered (links) read `page_path` and `course` from the template's context.

Every text of lessonkit's own comes from `t`, the course's string table (i18n/): a template
writes {{ t("page.exercise", n=2) }}. Without a course (a template rendered alone) `t` is
the English table.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from .. import i18n
from .. import model as m
from ..links import resolve
from ..markup import Blocks, close_angles, fences_apart, link_terms, split_blocks
from ..questions import fingerprint, question_type, saved_answers
from ..safety import escape_text
from .paths import PATHS, relative


def attr(value: Any) -> str:
    """Escape text for an HTML attribute or element written by a template."""
    return escape_text(str(value))


def yaml_value(value: Any) -> str:
    """A front matter value: JSON is valid YAML and quotes everything that needs it."""
    return json.dumps(value, ensure_ascii=False)


def script_json(value: Any) -> str:
    """JSON for a <script type="application/json"> block. No text can end the block or
    open a comment in it ("</script>", "<!--"): <, > and & are written as \\u escapes,
    which JSON.parse reads back as the same characters."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Inline Markdown starts with one of these characters. Author text with none of them comes
# out of Markdown exactly as it went in, so the element holding it needs no markdown="span".
_MARKDOWN_CHARS = re.compile(r"[\\`*_\[\]!&<>{}]")


def span(text: str, *more: str) -> str:
    """' markdown="span"' when any of the texts needs Markdown's inline pass, else nothing."""
    if any(_MARKDOWN_CHARS.search(t) for t in (text, *more)):
        return ' markdown="span"'
    return ""


def inline(text: str) -> str:
    """Author text placed inside one line of HTML: newlines would end the HTML block."""
    return " ".join(text.split())


@pass_context
def and_list(context: Context, items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c', in the page's language."""
    return context["t"].and_list(items)


@pass_context
def number(context: Context, x: float) -> str:
    """A number with the page language's decimal mark: 1.5, or 1,5 in German."""
    return context["t"].number(x)


def sentence(text: str) -> str:
    """The text ending in a full stop, unless it already ends a sentence."""
    return text if text[-1:] in ".?!" else text + "."


def blocks(text: str) -> Blocks:
    """Author text for a place that holds one line of text (a legend, a label, a list
    item's first line): its first paragraph on one line, as `inline` writes it, and the
    blocks after it (code, lists, more paragraphs), which the template puts in a block of
    their own. Text of one paragraph is all lead and comes out exactly as `inline` makes it."""
    lead, more = split_blocks(text)
    return Blocks(inline(lead), more)


def item(text: str, head: str = "- ") -> str:
    """Author text as a Markdown list item that starts with head. Text with blocks has them
    indented under the item, with a blank line before and after the item: a list item left
    empty on its first line would otherwise read as a heading underline ("-")."""
    lead, more = blocks(text)
    if not more:
        return head + lead
    indented = "\n".join("    " + line if line.strip() else "" for line in more.split("\n"))
    return f"\n{head}{lead}\n\n{indented}\n"


@pass_context
def md(context: Context, text: str) -> str:
    """Author Markdown with each [[term]] made a link to its glossary entry, each fenced
    block set apart from the text around it (markup.fences_apart), and each link and image
    (made canonical when the file was read, links.py) a link from this page."""
    page, names = context["page_path"], context["term_names"]
    course = context.get("course")
    if course is None or not course.allow_html:  # an unclosed "<b" is text, as Markdown shows it
        text = close_angles(text)
    text = link_terms(
        fences_apart(text),
        lambda term: relative(f"{PATHS.glossary}#{term}", page),
        names.__getitem__,
    )

    def href(kind: str, target: str, section: str) -> str:
        course: m.Course = context["course"]
        if kind == "file":
            return relative(PATHS.media(target) + (f"#{section}" if section else ""), page)
        lesson = course.lesson(target) if kind == "lesson" else course.lesson_at(target)
        if lesson is None:  # the checks report it; never reached in a checked course
            return ""
        if page == PATHS.workbook:  # every lesson is on this page, its ids prefixed
            return f"#lesson-{lesson.number}" + (f"-{section}" if section else "")
        return relative(PATHS.lesson(lesson) + (f"#{section}" if section else ""), page)

    return resolve(text, href)


@pass_context
def link(context: Context, target: str) -> str:
    """A link from this page to target (relative to docs/)."""
    return relative(target, context["page_path"])


@pass_context
def lesson_url(context: Context, lesson: m.Lesson) -> str:
    return relative(PATHS.lesson(lesson), context["page_path"])


@pass_context
def quiz_url(context: Context, lesson: m.Lesson) -> str:
    return relative(PATHS.quiz(lesson), context["page_path"])


@pass_context
def section_url(context: Context, ref: str) -> str:
    """A link from this page to a lesson section ("lesson-id#section-id")."""
    lesson_id, _, section = ref.partition("#")
    lesson = context["course"].lesson(lesson_id)
    if lesson is None:
        return ""
    target = PATHS.lesson(lesson) + (f"#{section}" if section else "")
    return relative(target, context["page_path"])


@pass_context
def workbook_ref(context: Context, ref: str) -> dict[str, str] | None:
    """Where the workbook holds a lesson section ("lesson-id#section-id"), as anchor and text."""
    lesson_id, _, section_id = ref.partition("#")
    lesson = context["course"].lesson(lesson_id)
    if lesson is None:
        return None
    t: i18n.Strings = context["t"]
    anchor, said = f"#lesson-{lesson.number}", {"number": lesson.number, "title": lesson.title}
    text = t("page.lesson_ref", **said)
    section = next((s for s in lesson.sections if s.id == section_id), None)
    if section is not None:
        anchor = f"{anchor}-{section.id}"
        text = t("page.lesson_section_ref", **said, section=section.title)
    return {"anchor": anchor, "text": text}


def template(question: m.Question, use: str) -> str:
    """The template that shows a question in one use ("page", "workbook", "key"), named
    after its type: questions/<type>.md.j2, questions/<type>.<use>.md.j2."""
    return question_type(question.type).template(use)


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
    env.filters.update(
        attr=attr,
        yaml=yaml_value,
        inline=inline,
        blocks=blocks,
        item=item,
        span=span,
        sentence=sentence,
        and_list=and_list,
        number=number,
        json=script_json,
        md=md,
        link=link,
        lesson_url=lesson_url,
        quiz_url=quiz_url,
        section_url=section_url,
        workbook_ref=workbook_ref,
        template=template,
        fingerprint=fingerprint,
        saved_answers=lambda course: saved_answers(course.quizzes),
        question_type=lambda q: question_type(q.type),
    )
    env.globals["t"] = i18n.strings("en")
    return env
