"""The bad-input corpus: each case is the base course with one thing broken, and the exact
messages an author reads (golden files). LESSONKIT_UPDATE_GOLDENS=1 rewrites the goldens."""

from __future__ import annotations

import os
import shutil
import tracemalloc
from pathlib import Path

import pytest

from lessonkit.cli import main

CORPUS = Path(__file__).parent / "fixtures" / "bad"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith("_"))
UPDATE = os.environ.get("LESSONKIT_UPDATE_GOLDENS") == "1"


def case_project(tmp_path: Path, case: str) -> Path:
    root = tmp_path / "project"
    content = root / "content"
    if case == "empty-content":
        content.mkdir(parents=True)
    else:
        shutil.copytree(CORPUS / "_base", content)
        shutil.copytree(CORPUS / case, content, dirs_exist_ok=True)
        for marker in content.rglob("expected.txt"):
            marker.unlink()
    return root


@pytest.mark.parametrize("case", CASES)
def test_bad_input_reports_every_problem(case: str, tmp_path: Path, capsys) -> None:
    root = case_project(tmp_path, case)
    status = main(["check", "--root", str(root)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    golden = CORPUS / case / "expected.txt"
    if UPDATE:
        golden.write_text(out.err, encoding="utf-8")
    assert out.err == golden.read_text(encoding="utf-8")
    assert status == 1, "a course with errors must fail the check"
    assert out.out == ""


def test_every_case_has_a_golden() -> None:
    assert CASES, "the corpus is empty"
    missing = [c for c in CASES if not (CORPUS / c / "expected.txt").is_file()]
    assert not missing


def test_alias_bomb_is_refused_without_expanding_it(tmp_path: Path, capsys) -> None:
    # Expanded, this file holds 9**9 strings (gigabytes); refused, it costs next to nothing.
    root = case_project(tmp_path, "alias-bomb")
    tracemalloc.start()
    try:
        assert main(["check", "--root", str(root)]) == 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "anchors and aliases" in capsys.readouterr().err
    assert peak < 20_000_000, f"{peak:,} bytes: the aliases were expanded"


def test_unknown_file_is_only_a_warning(tmp_path: Path, capsys) -> None:
    root = case_project(tmp_path, "_base")
    (root / "content" / "glosary.yml").write_text("terms: []\n", encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 0
    out = capsys.readouterr()
    assert (
        "warning[content.unknown-file]: unknown file 'glosary.yml' is ignored (hint: did you mean 'glossary.yml'?)"
        in out.err
    )
    assert out.out.startswith("OK: Base course: 1 lessons, 1 questions")
