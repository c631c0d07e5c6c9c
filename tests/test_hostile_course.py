"""Hostile course text is refused by `lessonkit check` on the line that holds it, every
payload in every kind of field; a payload in a code span is text, and passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessonkit.pipeline import generate
from lessonkit.yamlsource import read_yaml
from tests.support.hostile import PAYLOADS, every_payload, hostile_content, one_payload


def _fields(root: Path, changed: dict[str, list[tuple]]) -> list[tuple[str, int, int]]:
    """(file, first line, last line) of each changed field, in the order changed lists them."""
    out = []
    for name, fields in changed.items():
        doc, problems = read_yaml(root / name, name)
        assert doc is not None, problems
        for field in fields:
            last = doc.locate(field, len(doc.value_at(field)) - 1).line
            out.append((name, doc.at(field).line, last))
    return out


def _refused(root: Path, fields: list[tuple[str, int, int]]) -> set[int]:
    """The index of each field that holds an error."""
    result = generate(root)
    assert result.pages == {} or all(not p.is_error for p in result.problems)
    out = set()
    for p in result.problems:
        assert p.is_error, str(p)
        hits = [
            i for i, (f, a, b) in enumerate(fields) if f == p.where.file and a <= p.where.line <= b
        ]
        assert hits, f"an error outside every changed field: {p}"
        out.update(hits)
    return out


def test_every_payload_in_every_field_is_refused_where_it_stands(tmp_path: Path) -> None:
    fields = _fields(tmp_path, hostile_content(tmp_path / "content", every_payload))
    assert len(fields) > 60, "every kind of text field of the course"
    assert _refused(tmp_path, fields) == set(range(len(fields)))


@pytest.mark.parametrize("shift", range(3))
def test_each_payload_is_refused_unless_it_is_code(tmp_path: Path, shift: int) -> None:
    fields = _fields(
        tmp_path, hostile_content(tmp_path / "content", lambda i: one_payload(i + shift))
    )
    reported = {i for i in range(len(fields)) if PAYLOADS[(i + shift) % len(PAYLOADS)].reported}
    assert _refused(tmp_path, fields) == reported
