"""A strict build of the fixture course in German: the engine, the theme and the browser
script's string block all speak the course's language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lessonkit.cli import build
from tests.test_i18n import course_in

pytestmark = pytest.mark.slow  # runs the site engine


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = course_in(tmp_path_factory.mktemp("de"), "de-AT")  # no de-AT table: de.yml
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SITE_URL", raising=False)
        assert build(root, strict=True) == 0, "the strict build failed"
    return root / "site"


def _strings(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="lk-strings">(.*?)</script>', html)
    assert block, "the page has no lk-strings block"
    return json.loads(block.group(1))


def test_every_page_has_the_scripts_texts_in_german(german_site: Path) -> None:
    pages = sorted(german_site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="de-AT"' in html, page
        given = _strings(html)
        assert given["right"] == "Richtig." and given["notQuite"] == "Nicht ganz."


def test_the_controls_the_script_drives_are_built_in_german(german_site: Path) -> None:
    # laid out in the page so that nothing moves when the script starts (question.md.j2)
    quiz = (german_site / "lessons" / "01-water" / "quiz" / "index.html").read_text("utf-8")
    assert ">Prüfen</button>" in quiz and ">Noch einmal versuchen</button>" in quiz
    assert "Prüfe jede Frage, um dein Ergebnis zu sehen." in quiz
    progress = (german_site / "progress" / "index.html").read_text("utf-8")
    assert ">Meine Daten herunterladen</button>" in progress


def test_the_pages_and_navigation_are_german(german_site: Path) -> None:
    html = (german_site / "lessons" / "01-water" / "index.html").read_text(encoding="utf-8")
    assert "Lektion 1 von 2 · etwa" in html
    assert "Das Wichtigste" in html
    assert 'title="Link zu diesem Abschnitt"' in html
    for label in ("Start", "Lektionen", "Wissenscheck", "Dein Fortschritt", "Glossar"):
        assert f">{label}<" in html or f"{label}\n" in html, label
    scoring = (german_site / "self-check" / "index.html").read_text(encoding="utf-8")
    assert "1 bis 2,5 (ohne 2,5)" in scoring
    labels = '<style>:root { --lk-label-output: "Ausgabe"; --lk-label-error: "Fehler"; }</style>'
    assert labels in html, "the code blocks' labels, for lessonkit.css"


def test_text_cannot_end_the_string_block(tmp_path: Path) -> None:
    """A course's own text reaches the block as JSON with <, > and & escaped."""
    strings = (
        "script:\n  right: '</script><script>alert(1)</script> & more'\n"
        "page:\n  code_output: '</style><script>alert(2)</script>\"'\n"
        "  quiz_check: '</button><script>alert(3)</script>'\n"
    )
    root = course_in(tmp_path, "en", strings)
    assert build(root, strict=True) == 0
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<script>alert(2)" not in html
    assert '--lk-label-output: "\\3c \\2f style\\3e \\3c script\\3e alert\\28 2\\29 ' in html
    assert _strings(html)["right"] == "</script><script>alert(1)</script> & more"
    quiz = (root / "site" / "lessons" / "01-water" / "quiz" / "index.html").read_text("utf-8")
    assert "&lt;/button&gt;&lt;script&gt;alert(3)&lt;/script&gt;</button>" in quiz
