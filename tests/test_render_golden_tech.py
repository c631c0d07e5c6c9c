"""Golden tests of the technical fixture course (tests/fixtures/tech: code, figures,
cross-references, exercises, short answers, no disclaimer or self-check): every page renders
to exactly the Markdown under expected/, and the files it shows are copied beside it.
LESSONKIT_UPDATE_GOLDENS=1 rewrites the goldens (then read the diff before committing)."""

from __future__ import annotations

import os

import pytest

from lessonkit.pipeline import generate
from tests.support.project import FIXTURES

TECH = FIXTURES / "tech"
EXPECTED = TECH / "expected"
UPDATE = os.environ.get("LESSONKIT_UPDATE_GOLDENS") == "1"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    result = generate(TECH)
    assert result.ok, result.problems
    assert result.problems == [], "the fixture course has no warnings either"
    return result.pages


def _goldens() -> list[str]:
    return sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*.md"))


def test_pages_match_the_goldens(pages: dict[str, str | bytes]) -> None:
    texts = {path: text for path, text in pages.items() if path.endswith(".md")}
    if UPDATE:
        for path, text in texts.items():
            (EXPECTED / path).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / path).write_text(text, encoding="utf-8")
    assert set(_goldens()) == set(texts), "every page has its golden, and only those"
    for path, text in texts.items():
        assert text == (EXPECTED / path).read_text(encoding="utf-8"), path
    assert {p for p in pages if not p.endswith(".md")} == {
        "media/fig/pipe.svg",
        "media/files/cheatsheet.txt",
    }
