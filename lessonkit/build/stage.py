"""Build all-or-nothing: pages are generated and the engine runs inside a stage folder;
docs/ and site/ change only after everything succeeded. The offline copy builds the same
way, with a few config overrides, and zips the staged site instead of swapping it in.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..pipeline import Generated
from ..project import read_config
from .engine import derived_config, run
from .offline import add_worker_shim, offline_overrides, write_zip
from .write import write_pages

# Where a project keeps what lessonkit makes for itself (git-ignored): the build stage.
WORK_DIR = ".lessonkit"


def _link_or_copy(src: str, dst: str) -> None:
    """The stage's docs/ as hard links: nothing writes a stage file in place (write_pages
    replaces files whole, the engines only read), so docs/ cannot change through them."""
    try:
        os.link(src, dst)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(src, dst)


@contextlib.contextmanager
def staged_site(
    root: Path,
    result: Generated,
    engine: str = "mkdocs",
    strict: bool = True,
    overrides: dict[str, Any] | None = None,
) -> Iterator[Path | None]:
    """Build in a stage folder: a copy of docs/ with the generated pages written into it,
    and the engine's output beside it. Yields the built site, or None when the engine
    failed (its output printed). Nothing outside the stage folder changes here."""
    assert result.course is not None
    docs = root / "docs"
    (root / WORK_DIR).mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="build-", dir=root / WORK_DIR) as tmp:
        stage = Path(tmp)
        stage_docs = stage / "docs"
        if docs.is_dir():
            shutil.copytree(docs, stage_docs, copy_function=_link_or_copy)
        else:
            stage_docs.mkdir()
        write_pages(stage_docs, result.pages)
        config = derived_config(
            root, result.course, stage_docs, stage / "site", overrides=overrides
        )
        ok, output, warnings = run(
            engine, config, stage, strict=strict, language=result.course.language
        )
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
        if not ok:
            print(output.replace(str(stage_docs), "docs"), file=sys.stderr)
            print(f"The {engine} build failed; docs/ and site/ are unchanged.", file=sys.stderr)
        yield stage / "site" if ok else None


def build_site(
    root: Path,
    result: Generated,
    engine: str = "mkdocs",
    site: Path | None = None,
    strict: bool = True,
) -> int:
    """Build a checked course; swap docs/ and site/ in only when the engine succeeded.
    Returns how many pages of docs/ were rewritten, or -1 when the build failed."""
    site = site or root / "site"
    with staged_site(root, result, engine, strict) as built:
        if built is None:
            return -1
        report = write_pages(root / "docs", result.pages)
        _swap(built, site, built.parent / "old-site")
    return len(report.written)


def build_offline(
    root: Path, result: Generated, engine: str = "mkdocs", dist: Path | None = None
) -> Path | None:
    """Build a copy that works from the file system into dist/<course-id>-offline.zip.
    A separate staged build: docs/ and site/ are left as they are."""
    assert result.course is not None
    overrides = offline_overrides(read_config(root / "mkdocs.yml"))
    with staged_site(root, result, engine, True, overrides) as built:
        if built is None:
            return None
        add_worker_shim(built)
        return write_zip(built, dist or root / "dist", result.course.id)


def _swap(new: Path, target: Path, old: Path) -> None:
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        if old.exists():
            os.replace(old, target)
        raise
