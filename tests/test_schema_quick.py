"""The quick schema check (jsonschema-rs) may only ever say "valid" where jsonschema agrees:
a file it passes is never looked at again, so a disagreement would let a bad file through."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lessonkit.load import LESSON_DIR, SINGLE_FILES
from lessonkit.schema import _surely_valid, schema_problems, validator
from lessonkit.yamlsource import read_yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# values of every JSON type, and text that trips careless patterns ("$" before a newline)
STRANGE = [None, True, 0, 7, 2.5, "", "x", "Has Caps", "trailing-newline\n", [], ["x"], {}]


def _kind(path: Path) -> str | None:
    if path.parent.name == LESSON_DIR:
        return "lesson"
    return SINGLE_FILES.get(path.name)


def _content_files() -> list[tuple[Path, str]]:
    """Every content file of the course and the fixtures that parses as YAML (the others
    never reach a schema check)."""
    found = []
    for folder in [ROOT / "content", FIXTURES / "mini" / "content", *FIXTURES.glob("bad/*")]:
        for path in sorted(folder.rglob("*.yml")):
            kind = _kind(path)
            if kind is not None and read_yaml(path, path.name)[0] is not None:
                found.append((path, kind))
    return found


def _paths(data: Any, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, (*path, i))


def _variants(data: Any, rng: random.Random, count: int) -> Iterator[Any]:
    """Copies of data with one thing wrong (or, often, still right): a value swapped for
    another type, a key or item removed, an unknown key added."""
    paths = [p for p in _paths(data) if p]
    for _ in range(count):
        path = rng.choice(paths)
        changed = copy.deepcopy(data)
        parent = changed
        for key in path[:-1]:
            parent = parent[key]
        action = rng.randrange(3)
        if action == 0:
            parent[path[-1]] = copy.deepcopy(rng.choice(STRANGE))
        elif action == 1:
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent["unexpected"] = "value"
        else:
            parent.append(copy.deepcopy(rng.choice(STRANGE)))
        yield changed


def _strict_answer(data: Any, kind: str) -> bool:
    return not any(True for _ in validator(kind).iter_errors(data))


@pytest.mark.parametrize(
    ("path", "kind"), _content_files(), ids=lambda x: x.name if isinstance(x, Path) else x
)
def test_quick_check_agrees_with_jsonschema(path: Path, kind: str) -> None:
    doc, _ = read_yaml(path, path.name)
    assert doc is not None
    rng = random.Random(path.name)
    for data in [doc.data, *_variants(doc.data, rng, 40)]:
        assert _surely_valid(data, kind) == _strict_answer(data, kind), data


def test_a_file_the_quick_check_refuses_gets_the_full_messages(tmp_path: Path) -> None:
    source = tmp_path / "glossary.yml"
    source.write_text("terms:\n  - id: Not-An-Id\n    term: x\n    definition: y\n")
    doc, _ = read_yaml(source, "glossary.yml")
    assert doc is not None
    assert not _surely_valid(doc.data, "glossary")
    problems = schema_problems(doc, "glossary")
    assert [str(p.where) for p in problems] == ["glossary.yml:2:9"]


def test_data_the_quick_check_cannot_read_goes_to_jsonschema() -> None:
    assert _surely_valid({"terms": []}, "glossary") == _strict_answer({"terms": []}, "glossary")
    assert not _surely_valid({"terms": [{b"bytes": {1, 2}}]}, "glossary")


def test_an_id_ending_in_a_newline_is_refused_as_json_schema_means(tmp_path: Path) -> None:
    source = tmp_path / "glossary.yml"
    source.write_text("terms:\n  - id: |\n      an-id\n    term: x\n    definition: y\n")
    doc, _ = read_yaml(source, "glossary.yml")
    assert doc is not None and doc.data["terms"][0]["id"] == "an-id\n"
    [problem] = schema_problems(doc, "glossary")
    assert "not in the expected form" in problem.message
