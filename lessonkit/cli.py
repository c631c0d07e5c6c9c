"""lessonkit check | build | offline | serve: the author's commands.

build is all-or-nothing: pages are generated and the engine runs inside a stage folder;
docs/ and site/ change only after everything succeeded. offline builds the same way, with
a few config overrides, and zips the staged site instead of swapping it in.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .cores import default_jobs
from .engine import ENGINES, derived_config, read_config, run
from .offline import add_worker_shim, offline_overrides, write_zip
from .pipeline import WORK_DIR, Generated, cache_dir, generate, summary
from .problems import Problem
from .write import conflicts, write_pages

STAGE = WORK_DIR


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if problems:
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)


def _checked(root: Path) -> Generated | None:
    result = generate(root, cache=cache_dir(root), jobs=default_jobs())
    problems = result.problems
    if result.ok:
        problems = problems + conflicts(root / "docs", result.pages)
    _report(problems)
    if result.course is None or any(p.is_error for p in problems):
        print("Nothing was written: fix the errors above and run again.", file=sys.stderr)
        return None
    return result


def cmd_check(args: argparse.Namespace) -> int:
    result = _checked(args.root)
    if result is None:
        return 1
    assert result.course is not None
    print(f"OK: {summary(result.course)}")
    return 0


def _link_or_copy(src: str, dst: str) -> None:
    """The stage's docs/ as hard links: nothing writes a stage file in place (write_pages
    replaces files whole, the engines only read), so docs/ cannot change through them, and
    a 1000-lesson docs/ is staged in a fraction of the time a copy of its 48 MB takes."""
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
    (root / STAGE).mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="build-", dir=root / STAGE) as tmp:
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
        ok, output = run(engine, config, stage, strict=strict, language=result.course.language)
        if not ok:
            print(output.replace(str(stage_docs), "docs"), file=sys.stderr)
            print(f"The {engine} build failed; docs/ and site/ are unchanged.", file=sys.stderr)
        yield stage / "site" if ok else None


def build(
    root: Path,
    engine: str = "mkdocs",
    site: Path | None = None,
    strict: bool = True,
    overrides: dict[str, Any] | None = None,
) -> int:
    """Generate and build; swap docs/ and site/ in only when both steps succeed."""
    result = _checked(root)
    if result is None:
        return 1
    assert result.course is not None
    site = site or root / "site"
    with staged_site(root, result, engine, strict, overrides) as built:
        if built is None:
            return 1
        report = write_pages(root / "docs", result.pages)
        _swap(built, site, built.parent / "old-site")
    print(f"OK: {summary(result.course)}")
    print(f"Built {site} with {engine} ({len(report.written)} page(s) regenerated).")
    print("Open it with: make serve   (then visit http://127.0.0.1:8000/)")
    return 0


def offline(root: Path, engine: str = "mkdocs", dist: Path | None = None) -> int:
    """Build a copy that works from the file system into dist/<course-id>-offline.zip.
    A separate staged build: docs/ and site/ are left as they are."""
    result = _checked(root)
    if result is None:
        return 1
    assert result.course is not None
    overrides = offline_overrides(read_config(root / "mkdocs.yml"))
    with staged_site(root, result, engine, True, overrides) as built:
        if built is None:
            return 1
        add_worker_shim(built)
        archive = write_zip(built, dist or root / "dist", result.course.id)
    print(f"OK: {summary(result.course)}")
    print(f"Wrote {archive} with {engine}: unzip it and open {result.course.id}/index.html.")
    return 0


def _swap(new: Path, target: Path, old: Path) -> None:
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        if old.exists():
            os.replace(old, target)
        raise


def cmd_build(args: argparse.Namespace) -> int:
    return build(args.root, engine=args.engine, site=args.site_dir, strict=not args.no_strict)


def cmd_offline(args: argparse.Namespace) -> int:
    return offline(args.root, engine=args.engine, dist=args.dist_dir)


def cmd_serve(args: argparse.Namespace) -> int:
    if _checked(args.root) is None:
        return 1
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--livereload",
        "-a",
        f"{args.host}:{args.port}",
        "-f",
        str(args.root / "mkdocs.yml"),
    ]
    print(f"Serving on http://{args.host}:{args.port}/ ; edits to content/ reload the page.")
    try:
        return subprocess.call(cmd, cwd=args.root)
    except KeyboardInterrupt:
        return 0


COMMANDS = ("check", "build", "offline", "serve")


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder")
    p = argparse.ArgumentParser(prog="lessonkit", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser(
        "check", parents=[common], help="validate content/ and print a summary"
    ).set_defaults(func=cmd_check)
    b = sub.add_parser(
        "build", parents=[common], help="validate, generate docs/ and build site/ (the default)"
    )
    b.add_argument("--engine", choices=ENGINES, default="mkdocs")
    b.add_argument("--site-dir", type=Path, default=None)
    b.add_argument("--no-strict", action="store_true", help="do not fail on engine warnings")
    b.set_defaults(func=cmd_build)
    o = sub.add_parser(
        "offline",
        parents=[common],
        help="build a copy that works without a server into dist/<course-id>-offline.zip",
    )
    o.add_argument("--engine", choices=ENGINES, default="mkdocs")
    o.add_argument("--dist-dir", type=Path, default=None)
    o.set_defaults(func=cmd_offline)
    s = sub.add_parser("serve", parents=[common], help="preview with live reload")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not set(argv) & {*COMMANDS, "-h", "--help"}:
        argv = ["build", *argv]  # build is the default command
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
