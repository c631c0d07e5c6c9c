"""lessonkit new | check | build | offline | serve: the author's commands.

`new` starts a course project. The others check the course first and print every problem
at once (or, with --format github, as annotations on the files in a pull request);
nothing is written when there is an error.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

import yaml

from .build.defaults import THEME
from .build.engine import ENGINES, derived_config, die_with_parent
from .build.stage import WORK_DIR, BuildError, build_offline, build_site, project_lock
from .build.write import conflicts
from .pipeline import Generated, generate, summary
from .problems import Problem
from .project import project_config, site_url
from .scaffold import SCHEMA_DIR, new_project, write_schemas

FORMATS = ("text", "github")


def _report(problems: list[Problem], form: str = "text") -> None:
    for problem in problems:
        if form == "github":
            print(problem.annotation())  # workflow commands are read from stdout
        else:
            print(problem, file=sys.stderr)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if problems:
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)


def checked(root: Path, form: str = "text") -> Generated | None:
    """The generated course, or None (its problems printed) when it has errors. A swap
    that a killed build had committed to is finished first."""
    if not (root / "content").is_dir():
        raise BuildError(
            f"there is no course in {root}: it has no content/ folder. "
            "Start one with: lessonkit new FOLDER"
        )
    with project_lock(root):
        if (root / "content" / SCHEMA_DIR).is_dir():
            write_schemas(root / "content")  # editors' schemas in step with this release
    result = generate(root)
    problems = result.problems
    if result.ok:
        problems = problems + conflicts(root / "docs", result.pages)
    _, wrong_url = site_url()
    if wrong_url:
        problems = [*problems, wrong_url]
    _report(problems, form)
    if result.course is None or any(p.is_error for p in problems):
        print("Nothing was written: fix the errors above and run again.", file=sys.stderr)
        return None
    return result


def build(
    root: Path,
    engine: str = "mkdocs",
    site: Path | None = None,
    strict: bool = True,
    form: str = "text",
) -> int:
    """Check, generate and build; docs/ and site/ change only when every step succeeded."""
    result = checked(root, form)
    if result is None or result.course is None:
        return 1
    written = build_site(root, result, engine, site, strict)
    if written < 0:
        return 1
    print(f"OK: {summary(result.course)}")
    print(f"Built {site or root / 'site'} with {engine} ({written} page(s) regenerated).")
    print("Open it with: make serve   (then visit http://127.0.0.1:8000/)")
    return 0


def offline(
    root: Path, engine: str = "mkdocs", dist: Path | None = None, form: str = "text"
) -> int:
    result = checked(root, form)
    if result is None or result.course is None:
        return 1
    archive = build_offline(root, result, engine, dist)
    if archive is None:
        return 1
    print(f"OK: {summary(result.course)}")
    print(f"Wrote {archive} with {engine}: unzip it and open {result.course.id}/index.html.")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    dest = new_project(args.folder.resolve(), args.title, args.language)
    print(f"Made a course in {dest}.")
    print(f"Next: cd {args.folder} && make site    (or make serve to preview as you write)")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    result = checked(args.root, args.format)
    if result is None or result.course is None:
        return 1
    print(f"OK: {summary(result.course)}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    return build(args.root, args.engine, args.site_dir, not args.no_strict, args.format)


def cmd_offline(args: argparse.Namespace) -> int:
    return offline(args.root, args.engine, args.dist_dir, args.format)


def cmd_serve(args: argparse.Namespace) -> int:
    """mkdocs serve as a child that ends with this process: on Ctrl-C, on SIGTERM, or
    when this process is killed. A course with problems is served too: its pages show them
    (scripts/hooks.py) until the next good save."""
    if checked(args.root, args.format) is None:
        print("The preview shows these problems until they are fixed.", file=sys.stderr)
    config, env = serve_config(args.root)
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--livereload"]
    cmd += ["-a", f"{args.host}:{args.port}", "-f", str(config)]
    print(f"Serving on http://{args.host}:{args.port}/ ; edits to content/ reload the page.")
    child = subprocess.Popen(cmd, cwd=args.root, env=env, preexec_fn=die_with_parent)
    signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    try:
        child.wait()
    except KeyboardInterrupt:
        child.terminate()
        child.wait()
    return 0


def serve_config(root: Path) -> tuple[Path, dict[str, str]]:
    """The preview's engine config, written under .lessonkit/serve/, and the environment
    that tells the hook (lessonkit/mkdocs_hook.py) where the project is."""
    from . import mkdocs_hook  # imports MkDocs, which only the preview needs

    folder = root / WORK_DIR / "serve"
    folder.mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    custom = project_config(root).get("theme", {}).get("custom_dir")
    config = derived_config(root, None, root / "docs", folder / "site")
    config["hooks"] = [mkdocs_hook.__file__]
    watch = [root / "content", Path(mkdocs_hook.TEMPLATES), THEME]
    config["watch"] = [str(p) for p in [*watch, *([root / custom] if custom else [])]]
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    env = {
        **os.environ,
        mkdocs_hook.ROOT: str(root),
        mkdocs_hook.THEME_DIR: config["theme"]["custom_dir"],
        mkdocs_hook.CUSTOM_DIR: custom or "",
        "NO_MKDOCS_2_WARNING": "1",
    }
    return path, env


COMMANDS = ("new", "check", "build", "offline", "serve")


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder")
    common.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="how problems are printed: text, or github (annotations in a workflow)",
    )
    p = argparse.ArgumentParser(prog="lessonkit", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    n = sub.add_parser("new", help="start a course: a complete project in a new folder")
    n.add_argument("folder", type=Path, help="the folder to make (it must not exist, or be empty)")
    n.add_argument("--title", default="My Course", help="the course's title")
    n.add_argument("--language", default="en", help="its language, such as en, es or de-CH")
    n.set_defaults(func=cmd_new, root=Path.cwd())
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
    """Run a command. What the machine refuses (a folder that cannot be written, a full
    disk, a build already running, Ctrl-C) ends it with one sentence and exit status 1;
    a build stopped before its commit point has changed nothing, and one stopped after it
    is finished by the next command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not set(argv) & {*COMMANDS, "-h", "--help"}:
        argv = ["build", *argv]  # build is the default command
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    try:
        return args.func(args)
    except BuildError as stop:
        print(f"lessonkit: {stop}", file=sys.stderr)
    except KeyboardInterrupt:
        print("lessonkit: stopped; docs/ and site/ are as they were.", file=sys.stderr)
    except OSError as refused:
        where = f" ({refused.filename})" if refused.filename else ""
        print(
            f"lessonkit: {refused.strerror or refused}{where}. Nothing was changed, or the "
            "next run finishes what was started.",
            file=sys.stderr,
        )
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
