"""The bundled course is in its own words: no run of twelve or more words of what a reader
reads is the article's. Skipped where the article is not kept beside the project.

What a reader reads is the generated pages, so that is what is compared: a copied sentence
split by a glossary link, an emphasis or a tag in the YAML is one sentence on the page. The
course files are compared too, their glossary links read as the words they show, for the
text a page does not show (source.yml's summaries)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessonkit import model as m
from lessonkit.pipeline import Generated
from tests.support.project import ROOT
from tests.support.wording import page_words, shared_runs, words, yaml_words

ARTICLE = ROOT.parent / "shared" / "article.txt"


@pytest.mark.skipif(not ARTICLE.is_file(), reason=f"the source article is not at {ARTICLE}")
def test_no_run_of_twelve_words_is_copied_from_the_article(
    bundled: m.Course, generated: Generated, course_dir: Path
) -> None:
    article = words(ARTICLE.read_text(encoding="utf-8"))
    copied = [
        f"{name}: {run}"
        for name, text in sorted(generated.pages.items())
        for run in shared_runs(article, page_words(text))
    ]
    copied += [
        f"{path.relative_to(course_dir)}: {run}"
        for path in sorted((course_dir / "content").rglob("*.yml"))
        for run in shared_runs(article, yaml_words(path.read_text(encoding="utf-8")))
    ]
    assert copied == []


# The comparison itself, on text made up here, so it is checked wherever the article is not.

SOURCE = "Leaving the kettle to cool for a minute keeps the green leaves sweet and the cup calm."


def test_a_run_split_by_a_link_on_the_page_is_found() -> None:
    page = (
        "---\ntitle: Water\n---\n\n## Water {#water}\n\n"
        "Leaving the [kettle](../glossary.md#kettle) to *cool* for a minute keeps the\n"
        'green <span class="lk-x">leaves</span> sweet &amp; mild.\n'
    )
    assert page_words(page)[:4] == ["water", "water", "leaving", "the"], "no keys or ids"
    assert shared_runs(words(SOURCE), page_words(page)) == [
        "leaving the kettle to cool for a minute keeps the green leaves sweet"
    ]


def test_a_run_split_by_a_glossary_link_in_yaml_is_found() -> None:
    text = (
        "body: |\n"
        "  Leaving the [[tea-kettle|kettle]] to cool for a minute keeps the green leaves.\n"
    )
    assert shared_runs(words(SOURCE), yaml_words(text)) == [
        "leaving the kettle to cool for a minute keeps the green leaves"
    ]


def test_eleven_words_are_not_a_run() -> None:
    eleven = words("leaving the kettle to cool for a minute keeps the green")
    assert len(eleven) == 11 and shared_runs(words(SOURCE), eleven) == []
