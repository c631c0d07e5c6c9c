"""Build all-or-nothing: pages are generated and the engine runs inside a stage folder, and
docs/ and site/ change only once everything succeeded, as one step.

The step that makes a build count (the commit point) is one atomic rename: a journal naming
the stage is renamed into .lessonkit/. Before it, a kill leaves docs/ and site/ as they
were; after it, the new pages go into docs/ and the new site is exchanged with the old one,
and every later lessonkit command (and the MkDocs hook) first finishes a swap that a kill
interrupted (recover). site/ never goes missing on the way: the two folders are exchanged
in one system call where Linux offers it. A lock keeps two builds of a project apart, and
a stage folder that a killed build left behind is removed by the next one.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..pipeline import Generated
from ..project import project_config
from .engine import derived_config, run
from .offline import add_worker_shim, offline_overrides, write_zip
from .write import owned, write_pages

# Where a project keeps what lessonkit makes for itself (git-ignored): stages, the journal.
WORK_DIR = ".lessonkit"
JOURNAL = "commit.json"
LOCK = "lock"


class BuildError(Exception):
    """A build that cannot go on, in one sentence for the author."""


@contextlib.contextmanager
def project_lock(root: Path) -> Iterator[None]:
    """Hold the project's build lock: one build (or check) of a project at a time, and a
    finished swap before anything else reads docs/ or site/."""
    work = root / WORK_DIR
    work.mkdir(exist_ok=True)
    fd = os.open(work / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(
                "another lessonkit build is running in this project; run again when it ends"
            ) from None
        recover(root)
        yield
    finally:
        os.close(fd)


def recover(root: Path, site: Path | None = None) -> bool:
    """Finish the swap a killed build had committed to, and remove the stage folders of
    builds that were stopped before their commit. True when a swap was finished."""
    work = root / WORK_DIR
    journal = work / JOURNAL
    finished = False
    if journal.is_file():
        record = json.loads(journal.read_text("utf-8"))
        _apply(root, work / record["stage"], Path(record["site"]), record["site_inode"])
        journal.unlink()
        finished = True
    for stale in work.glob("build-*"):
        shutil.rmtree(stale, ignore_errors=True)
    (work / f".{JOURNAL}.tmp").unlink(missing_ok=True)  # a journal never committed
    return finished


def _link_or_copy(src: str, dst: str) -> None:
    """The stage's docs/ as hard links: nothing writes a stage file in place (write_pages
    replaces files whole, the engines only read), so docs/ cannot change through them."""
    try:
        os.link(src, dst)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(src, dst)


def _engine_build(
    root: Path,
    result: Generated,
    stage: Path,
    engine: str,
    strict: bool,
    overrides: dict[str, Any] | None = None,
) -> Path | None:
    """docs/ with the generated pages, and the engine's site, in the stage folder. Returns
    the built site, or None when the engine failed (its output printed)."""
    assert result.course is not None
    docs, stage_docs = root / "docs", stage / "docs"
    if docs.is_dir():
        shutil.copytree(docs, stage_docs, copy_function=_link_or_copy)
    else:
        stage_docs.mkdir()
    write_pages(stage_docs, result.pages)
    config = derived_config(root, result.course, stage_docs, stage / "site", overrides=overrides)
    ok, output, warnings = run(
        engine, config, stage, strict=strict, language=result.course.language
    )
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not ok:
        print(output.replace(str(stage_docs), "docs"), file=sys.stderr)
        print(f"The {engine} build failed; docs/ and site/ are unchanged.", file=sys.stderr)
        return None
    return stage / "site"


def build_site(
    root: Path,
    result: Generated,
    engine: str = "mkdocs",
    site: Path | None = None,
    strict: bool = True,
) -> int:
    """Build a checked course; docs/ and site/ change, as one step, only when the engine
    succeeded. Returns how many pages of docs/ were rewritten, or -1 when it failed."""
    site = (site or root / "site").absolute()
    work = root / WORK_DIR
    with project_lock(root):
        stage = Path(tempfile.mkdtemp(prefix="build-", dir=work))
        try:
            built = _engine_build(root, result, stage, engine, strict)
            if built is None:
                return -1
            old, new = owned(root / "docs"), owned(stage / "docs")
            changed = len(old - new) + sum(
                not _same(root / "docs" / path, stage / "docs" / path) for path in new
            )
            record = {"stage": stage.name, "site": str(site), "site_inode": built.stat().st_ino}
            _replace_text(work / JOURNAL, json.dumps(record))  # the commit point
        finally:
            if not (work / JOURNAL).exists():  # stopped or failed before the commit
                shutil.rmtree(stage, ignore_errors=True)
        recover(root)
    return changed


def _same(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _apply(root: Path, stage: Path, site: Path, site_inode: int) -> None:
    """Put a committed stage in place: its generated pages into docs/ (files whose bytes
    are unchanged are left alone, so doing it twice is doing it once), then its site in
    place of site/. The site's folder keeps its inode through renames, which tells whether
    the exchange already happened."""
    stage_docs = stage / "docs"
    pages = {path: (stage_docs / path).read_bytes() for path in owned(stage_docs)}
    write_pages(root / "docs", pages)
    new = stage / "site"
    if site.exists() and site.stat().st_ino == site_inode:
        return  # already in place
    if not site.exists():
        os.replace(new, site)
    elif not _exchange(new, site):
        os.replace(site, stage / "old-site")
        os.replace(new, site)


_libc = ctypes.CDLL(None, use_errno=True)
_renameat2 = getattr(_libc, "renameat2", None)
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux's renameat2); False where it is not offered."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, bytes(a), _AT_FDCWD, bytes(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _replace_text(target: Path, text: str) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    with tmp.open("w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.replace(tmp, target)


def build_offline(
    root: Path, result: Generated, engine: str = "mkdocs", dist: Path | None = None
) -> Path | None:
    """Build a copy that works from the file system into dist/<course-id>-offline.zip.
    A separate staged build: docs/ and site/ are left as they are."""
    assert result.course is not None
    overrides = offline_overrides(project_config(root))
    with project_lock(root):
        stage = Path(tempfile.mkdtemp(prefix="build-", dir=root / WORK_DIR))
        try:
            built = _engine_build(root, result, stage, engine, True, overrides)
            if built is None:
                return None
            add_worker_shim(built)
            return write_zip(built, dist or root / "dist", result.course.id)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
