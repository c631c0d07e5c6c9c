"""Code in author text: fenced blocks are found where superfences finds them (in list items,
callouts and quotes too), a [[...]] inside code is code and never a glossary link, \\[[ is a
literal [[, and text with blocks is split for the elements that hold one line of text."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml

from lessonkit.markup import code_ranges, fences, fences_apart, link_terms, split_blocks, term_links
from lessonkit.pipeline import generate
from lessonkit.project import markdown_converter
from lessonkit.render.filters import blocks, item
from tests.support.project import FIXTURES, ROOT


def linked(text: str) -> list[str]:
    return [m.group(1) for m in term_links(text)]


@pytest.mark.parametrize(
    "text",
    [
        "```bash\n[[ -f x ]]\n```",
        "~~~\n[[ -f x ]]\n~~~",
        "- item\n\n    ```bash\n    [[ -f x ]]\n    ```",
        '!!! note "Shell"\n    ```bash\n    [[ -f x ]]\n    ```',
        "> ```bash\n> [[ -f x ]]\n> ```",
        "Inline `[[ -f x ]]` code.",
        "Double ``a ` [[ -f x ]]`` ticks.",
        "Escaped \\[[ -f x ]] brackets.",
        '```bash title="test.sh"\n[[ -f x ]]\n```',
        "``` { .bash .lk-x }\n[[ -f x ]]\n```",
    ],
)
def test_brackets_in_code_or_after_a_backslash_link_nothing(text: str) -> None:
    assert linked(text) == []
    assert link_terms(text, lambda t: "g.md#" + t, str.upper) == text


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Prose [[shell]] then\n\n```bash\n[[ -f x ]]\n```\n\nand [[path]].", ["shell", "path"]),
        ("An escaped backslash: \\\\[[shell]] links.", ["shell"]),
        # superfences opens no fence in these: the lines are text, their links are links
        ("```bash some words\n[[shell]]\n\n```", ["shell"]),
        ("```\n[[shell]]", ["shell"]),  # never closed
        ("  ```\n [[shell]]\n\n  ```", ["shell"]),  # a line indented less than its fence
        ("```\n[[ -f x ]]\n````\n```", []),  # closed by the same fence only
        ("`a` [[shell]] `b`", ["shell"]),
    ],
)
def test_links_outside_code_are_found(text: str, terms: list[str]) -> None:
    assert linked(text) == terms


def test_a_link_that_runs_into_code_is_not_a_link() -> None:
    assert linked("[[a `b]]`") == []


def test_link_terms_links_prose_and_leaves_code() -> None:
    text = "See [[shell]].\n\n```bash\n[[ -f x ]]\n```\n\n\\[[shell]] and [[shell|the shell]]"
    out = link_terms(text, lambda t: "g.md#" + t, str.title)
    assert out == (
        "See [Shell](g.md#shell).\n\n```bash\n[[ -f x ]]\n```\n\n"
        "\\[[shell]] and [the shell](g.md#shell)"
    )


def test_fences_are_found_at_any_depth() -> None:
    text = "- a\n\n    ```bash\n    ls\n    ```\n\n> ```\n> x\n> ```\n"
    found = [text[f.start : f.end] for f in fences(text)]
    assert found == ["    ```bash\n    ls\n    ```", "> ```\n> x\n> ```"]
    text = "a `x` b\n```\nc\n```\n`y`"
    spans = [text[a:b] for a, b in code_ranges(text)]
    assert spans == ["`x`", "```\nc\n```", "`y`"]


def test_fences_are_set_apart_from_the_text_around_them() -> None:
    text = "Run:\n```bash\nls\n```\nthen this.\n> q\n> ```\n> x\n> ```\n> after"
    assert fences_apart(text) == (
        "Run:\n\n```bash\nls\n```\n\nthen this.\n> q\n>\n> ```\n> x\n> ```\n>\n> after"
    )
    already = "Run:\n\n```bash\nls\n```\n\nthen this."
    assert fences_apart(already) == already
    assert fences_apart("no code") == "no code"


@pytest.mark.parametrize(
    ("text", "lead", "more"),
    [
        ("One line", "One line", ""),
        ("Two\nlines\n", "Two\nlines", ""),
        ("Choose:\n- a\n- b", "Choose:\n- a\n- b", ""),  # one paragraph, as Markdown reads it
        ("What prints?\n\n\n```bash\nls\n```\n", "What prints?", "```bash\nls\n```"),
        ("```output\nyes\n```", "", "```output\nyes\n```"),
        ("- a\n- b", "", "- a\n- b"),
        ("First.\n\nSecond.", "First.", "Second."),
    ],
)
def test_text_splits_into_a_lead_and_blocks(text: str, lead: str, more: str) -> None:
    assert split_blocks(text) == (lead, more)


def test_filters_keep_text_without_blocks_as_it_was() -> None:
    assert blocks("A prompt\nover two lines") == ("A prompt over two lines", "")
    assert item("An objective\nover two lines") == "- An objective over two lines"
    assert item("Lead:\n\n```bash\nls\n\n# done\n```", head="* ") == (
        "\n* Lead:\n\n    ```bash\n    ls\n\n    # done\n    ```\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        ("\\" * 1000 + "`") * 200,
        "    ```\n" * 20_000,
        "```\n" + " x\n" * 100_000,
        ">" * 100_000 + "```",
        "```" + " " * 100_000 + "!\n```",
        "```bash" + ' title="x"' * 20_000 + " !\n```",
    ],
    ids=["backslashes", "indented-fences", "long-fence", "quote-marks", "spaces", "options"],
)
def test_code_is_found_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    code_ranges(text)
    fences_apart(text)
    split_blocks(text)
    assert time.perf_counter() - start < 2


def test_pages_link_terms_in_prose_only(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "mini" / "content", tmp_path / "content")
    lesson = tmp_path / "content" / "lessons" / "01-water.yml"
    text = lesson.read_text("utf-8")
    body = (
        "    body: |\n"
        "      Prose about [[steep]].\n"
        "      ```bash\n"
        "      [[ -f tea ]] && echo [[steep]]\n"
        "      ```\n"
        "      Written out: \\[[steep]].\n"
    )
    text = text.replace("    body: |\n", body, 1)
    lesson.write_text(text, "utf-8")
    result = generate(tmp_path)
    assert result.ok, result.problems
    page = result.pages["lessons/01-water/index.md"]
    assert (
        "Prose about [Steeping](../../glossary.md#steep).\n\n"
        "```bash\n[[ -f tea ]] && echo [[steep]]\n```\n\n"
        "Written out: \\[[steep]]." in page
    )


def test_the_authoring_guides_example_renders_as_it_says(tmp_path: Path) -> None:
    guide = (ROOT / "AUTHORING.md").read_text("utf-8")
    example = guide.split("## Code, callouts and keys", 1)[1].split("`````yaml\n", 1)[1]
    body = yaml.safe_load(example.split("`````", 1)[0])["body"]
    shutil.copytree(FIXTURES / "tech" / "content", tmp_path / "content")
    lesson = tmp_path / "content" / "lessons" / "01-navigating.yml"
    data = yaml.safe_load(lesson.read_text("utf-8"))
    data["sections"][0]["body"] = body
    lesson.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    result = generate(tmp_path)
    assert result.ok, result.problems
    html = markdown_converter(ROOT)(
        result.pages["lessons/01-navigating/index.md"].split("\n---\n")[1]
    )
    section = html.split('id="where-am-i"', 1)[1].split('id="what-is-here"', 1)[0]
    assert section.count("<pre>") == 5
    for made in (
        'class="language-output highlight"',
        'class="language-error highlight"',
        '<code class="language-bash highlight">',
        '<kbd class="key-enter">',
        '<div class="admonition note">\n<p class="admonition-title">A title of your own</p>',
        '<details class="tip">\n<summary>Show the hidden files</summary>',
        "<ol>\n<li>\n<p>Steps can hold code too",
    ):
        assert made in section, made
