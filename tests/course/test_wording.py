"""The bundled course is in its own words: no run of twelve or more words of its course
files is the article's. Skipped where the article is not kept beside the project."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lessonkit import model as m
from tests.support.project import ROOT

ARTICLE = ROOT.parent / "shared" / "article.txt"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


@pytest.mark.skipif(not ARTICLE.is_file(), reason=f"the source article is not at {ARTICLE}")
def test_no_run_of_twelve_words_is_copied_from_the_article(
    bundled: m.Course, course_dir: Path
) -> None:
    source = words(ARTICLE.read_text(encoding="utf-8"))
    grams = {tuple(source[i : i + 12]) for i in range(len(source) - 11)}
    copied = []
    for path in sorted((course_dir / "content").rglob("*.yml")):
        text = words(path.read_text(encoding="utf-8"))
        copied += [
            f"{path.name}: {' '.join(text[i : i + 12])}"
            for i in range(len(text) - 11)
            if tuple(text[i : i + 12]) in grams
        ]
    assert copied == []
