"""Elements whose author text has no Markdown in it are written without markdown="span",
which spares the engine an inline pass over each of them. The HTML must not change: every
page converts to exactly what it would with the attribute on every element."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest

from lessonkit.pipeline import generate
from lessonkit.project import project_config
from lessonkit.render import environment, render_course
from lessonkit.render.filters import span
from tests.support.project import FIXTURES, ROOT


def _converter() -> markdown.Markdown:
    extensions: list[str] = []
    configs: dict[str, Any] = {}
    for entry in project_config(ROOT)["markdown_extensions"]:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        extensions.append(name)
        if config:
            configs[name] = config
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def _html(pages: dict[str, str]) -> dict[str, str]:
    md = _converter()
    out = {}
    for path, text in pages.items():
        out[path] = md.reset().convert(text.split("\n---\n", 1)[1])
    return out


@pytest.mark.parametrize("root", [ROOT, FIXTURES / "mini"], ids=["bundled", "mini"])
def test_leaving_out_needless_spans_changes_no_html(root: Path) -> None:
    course = generate(root).course
    assert course is not None
    lean = render_course(course)
    always = environment.__wrapped__()  # a fresh environment, not the shared one
    always.filters["span"] = lambda *texts: ' markdown="span"'
    full = render_course(course, always)
    assert lean.keys() == full.keys()
    assert sum(p.count('markdown="span"') for p in lean.values()) < sum(
        p.count('markdown="span"') for p in full.values()
    ), "some elements go without the attribute"
    assert _html(lean) == _html(full)


@pytest.mark.parametrize(
    ("texts", "needed"),
    [
        (("Plain words, with 'quotes', (brackets) - and: colons.",), False),
        (("Two", "plain texts"), False),
        (("Some *emphasis*",), True),
        (("A [[term]] link",), True),
        (("Fish & chips",), True),
        (("a < b",), True),
        (("`code`",), True),
        (("snake_case",), True),
        (("plain", "but \\ this"), True),
    ],
)
def test_span_is_asked_for_when_text_has_markdown(texts: tuple[str, ...], needed: bool) -> None:
    assert (span(*texts) == ' markdown="span"') is needed
