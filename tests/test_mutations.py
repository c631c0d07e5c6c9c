"""Whatever an author's slip does to one line of a course file, the check answers with
problems, never with a Python error. Each case is the fixture course with one line deleted,
repeated, re-indented, or given another value or key; the cases come from a fixed seed, so
a failure names a mutation that can be replayed."""

from __future__ import annotations

import random
import shutil
import traceback
from pathlib import Path

from lessonkit.pipeline import generate
from tests.support.project import mini_content

CONTENT = mini_content()
CASES = 200
VALUES = [
    "",
    "~",
    "[]",
    "{}",
    "- x",
    "1",
    "-1",
    "true",
    "0.5",
    "9999999999999999999999",
    "'<b>'",
    "<script>",
    "[[nope]]",
    "[[x|y]]",
    '""',
    "[1, 2]",
    "{a: 1}",
    "é",
    "|\n  text",
    "-",
    ":",
    "?",
    "#",
    "'",
    '"',
    "=",
    "<<",
    "&a x",
    "*a",
    "!x y",
    "!!int x",
]
KEYS = ["id", "text", "correct", "lessons", "section", "title", "min", "max", "type"]


def mutate(lines: list[str], rng: random.Random) -> str:
    """Change one line in place; returns what was done, to replay a failure."""
    at = rng.randrange(len(lines))
    before = lines[at]
    how = rng.randrange(5)
    if how == 0:
        del lines[at]
    elif how == 1 and ":" in before:
        key = before.partition(":")[0]
        lines[at] = f"{key}: {rng.choice(VALUES)}"
    elif how == 2:
        lines.insert(at, lines[rng.randrange(len(lines))])
    elif how == 3:
        lines[at] = " " * rng.randrange(6) + before.lstrip()
    else:
        lines[at] = before.replace(rng.choice(KEYS), rng.choice(["", "x", "id"]), 1)
    return f"line {at + 1} {before!r} -> {lines[at] if at < len(lines) else None!r}"


def test_no_one_line_slip_makes_the_check_fail_with_a_python_error(tmp_path: Path) -> None:
    rng = random.Random(20261124)
    files = sorted(CONTENT.rglob("*.yml"))
    failures = []
    for case in range(CASES):
        project = tmp_path / str(case)
        shutil.copytree(CONTENT, project / "content")
        source = rng.choice(files)
        target = project / "content" / source.relative_to(CONTENT)
        lines = target.read_text(encoding="utf-8").splitlines()
        change = mutate(lines, rng)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            result = generate(project)
        except Exception:
            failures.append(f"{source.name}: {change}\n{traceback.format_exc(limit=-3)}")
        else:
            unplaced = [p for p in result.problems if p.is_error and not p.where.file]
            assert not unplaced, f"{source.name}: {change}: problems without a file {unplaced}"
        shutil.rmtree(project)
    assert not failures, "\n".join(failures[:5])
