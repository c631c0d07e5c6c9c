"""Write generated pages into docs/: only files whose bytes changed, stale ones removed.

A manifest (docs/.lessonkit-manifest.json) lists what the generator owns. Files not in it
are hand-written and are never overwritten or deleted.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem, Where, problem

MANIFEST = ".lessonkit-manifest.json"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def owned(docs: Path) -> set[str]:
    try:
        return set(json.loads((docs / MANIFEST).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def conflicts(docs: Path, pages: Mapping[str, str | bytes]) -> list[Problem]:
    """Generated paths that would overwrite a hand-written page."""
    mine = owned(docs)
    return [
        problem("docs.hand-written", Where(f"docs/{path}"))
        for path in sorted(pages)
        if path not in mine and (docs / path).exists()
    ]


def write_pages(docs: Path, pages: Mapping[str, str | bytes]) -> WriteReport:
    """Pages (text) and copied files (bytes) into docs/."""
    report = WriteReport()
    previous = owned(docs)
    for path, text in sorted(pages.items()):
        target = docs / path
        data = text.encode("utf-8") if isinstance(text, str) else text
        if target.is_file() and target.read_bytes() == data:
            report.unchanged.append(path)
            continue
        _replace(target, data)
        report.written.append(path)
    for path in sorted(previous - set(pages)):
        target = docs / path
        if target.is_file():
            target.unlink()
            report.deleted.append(path)
        _prune_empty_dirs(docs, target.parent)
    manifest = json.dumps({"files": sorted(pages)}, indent=1) + "\n"
    if not (docs / MANIFEST).is_file() or (docs / MANIFEST).read_text("utf-8") != manifest:
        _replace(docs / MANIFEST, manifest.encode("utf-8"))
    return report


def _replace(target: Path, data: bytes) -> None:
    """Write a new file and rename it over the old one, never into the old one: a reader
    (mkdocs serve) never sees half a file, and a stage folder whose files are hard links to
    docs/ (stage.staged_site) never changes docs/."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def _prune_empty_dirs(root: Path, folder: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
