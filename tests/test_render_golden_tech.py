"""Golden tests of the technical fixture course (tests/fixtures/tech): every page that has a
file under expected/ renders to exactly that Markdown. Each page's golden belongs with the
content it shows; OWN lists the ones this file requires (exercises and short answers).
LESSONKIT_UPDATE_GOLDENS=1 rewrites the goldens that exist and those in OWN (then read the
diff before committing)."""

from __future__ import annotations

import os

import pytest

from lessonkit.pipeline import generate
from tests.support.project import FIXTURES

TECH = FIXTURES / "tech"
EXPECTED = TECH / "expected"
UPDATE = os.environ.get("LESSONKIT_UPDATE_GOLDENS") == "1"
OWN = ["lessons/02-practice/index.md", "lessons/02-practice/quiz.md", "workbook.md"]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    result = generate(TECH)
    assert result.ok, result.problems
    assert result.problems == [], "the fixture course has no warnings either"
    return result.pages


def _goldens() -> list[str]:
    return sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*.md"))


def test_pages_match_the_goldens(pages: dict[str, str]) -> None:
    if UPDATE:
        for path in sorted(set(_goldens()) | set(OWN)):
            (EXPECTED / path).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / path).write_text(pages[path], encoding="utf-8")
    goldens = _goldens()
    assert set(OWN) <= set(goldens), "a golden is missing"
    assert set(goldens) <= set(pages), "a golden names a page the course does not make"
    for path in goldens:
        assert pages[path] == (EXPECTED / path).read_text(encoding="utf-8"), path
