"""lessonkit.mdhtml is md_in_html in linear time: the same HTML for every generated page."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import markdown
import pytest
from mkdocs.utils.meta import get_data

from lessonkit.engine import read_config
from lessonkit.pipeline import generate
from lessonkit.synthetic import write_course
from tests.support.project import ROOT, mini_content


def _extensions(md_in_html: str) -> tuple[list[Any], dict[str, Any]]:
    """mkdocs.yml's Markdown extensions, with md_in_html's slot given to `md_in_html`."""
    config = read_config(ROOT / "mkdocs.yml")
    names: list[str] = []
    options: dict[str, Any] = {}
    for entry in config["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(md_in_html if name == "lessonkit.mdhtml" else name)
        options[names[-1]] = settings or {}
    assert md_in_html in names, "mkdocs.yml names lessonkit.mdhtml"
    return names, options


def _html(pages: dict[str, str], md_in_html: str) -> dict[str, str]:
    names, options = _extensions(md_in_html)
    md = markdown.Markdown(extensions=names, extension_configs=options)
    out = {}
    for path, text in pages.items():
        md.reset()
        out[path] = md.convert(get_data(text)[0])
    return out


def _pages(course: str, tmp_path: Path) -> dict[str, str]:
    content = {"real": ROOT / "content", "mini": mini_content()}.get(course)
    if content is None:  # a synthetic course long enough for pages of many HTML blocks
        content = tmp_path / "content"
        write_course(content, 30, 3)
    result = generate(tmp_path, content)
    assert result.ok, result.problems
    return result.pages


@pytest.mark.parametrize("course", ["real", "mini", "synthetic"])
def test_every_page_converts_as_md_in_html_converts_it(course: str, tmp_path: Path) -> None:
    pages = _pages(course, tmp_path)
    ours, theirs = _html(pages, "lessonkit.mdhtml"), _html(pages, "md_in_html")
    differ = [path for path in pages if ours[path] != theirs[path]]
    assert not differ, f"different HTML: {differ[:5]}"
    # the pages hold what md_in_html turns into elements, so the comparison tests something
    assert any('markdown="block"' in text for text in pages.values())
    assert not any('markdown="' in html for html in ours.values())


def test_nested_markdown_blocks_and_what_follows_them() -> None:
    text = (
        '<div class="a" markdown="block">\n**one**\n\n'
        '<div class="b" markdown="block">\n- two\n</div>\n</div>\n'
        "After *three*.\n\n"
        '<p markdown="span">Four, *in a span*</p>\n'
        "<div>raw <em>five</em></div>\n"
    )
    md = markdown.Markdown(extensions=["lessonkit.mdhtml"])
    ours = md.convert(text)
    assert ours == markdown.markdown(text, extensions=["md_in_html"])
    # each element taken out of the stash leaves an empty entry in its place, as md_in_html
    # does, so the raw-HTML postprocessor does not serialize it a second time for nothing
    stash = md.htmlStash.rawHtmlBlocks
    assert len(stash) == md.htmlStash.html_counter
    assert "" in stash and not any(isinstance(item, Element) for item in stash)
    assert "<strong>one</strong>" in ours and "<li>two</li>" in ours
    assert "<em>in a span</em>" in ours and "<div>raw <em>five</em></div>" in ours
