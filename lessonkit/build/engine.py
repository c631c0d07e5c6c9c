"""Turn generated Markdown into HTML with an engine (MkDocs, or Zensical), into a stage dir.

The author's mkdocs.yml is read as data and completed with what the course decides (site
name, navigation, language, site_url from SITE_URL); paths are made absolute so the derived
config can live in a temporary folder. Neither engine is imported: each runs as a program.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from .. import i18n
from .. import model as m
from ..project import SAFE_EXTENSION, merged, project_config, site_url
from ..render import nav
from ..safety import escape_text
from .defaults import theme_dir
from .themefix import fix_site

ENGINES = ("mkdocs", "zensical")

_libc = ctypes.CDLL(None, use_errno=True)
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In a child process, before it runs its program: be stopped (SIGTERM) when the
    lessonkit process that started it ends, however it ends (Linux's prctl; elsewhere the
    child is stopped only by the signals its process group gets)."""
    prctl = getattr(_libc, "prctl", None)
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def course_settings(course: m.Course, environ: dict[str, str] | None = None) -> dict[str, Any]:
    """What the course decides about the site; applied by the hook and the derived config.

    The theme writes the site name, description and navigation titles into pages as they
    are, without escaping them, so they are given to it escaped (safety.escape_text)."""
    settings: dict[str, Any] = {
        "site_name": escape_text(course.title),
        "site_description": escape_text(course.description),
        "nav": _escaped(nav(course)),
    }
    url, wrong = site_url(environ)
    if wrong:
        raise ValueError(str(wrong))
    if url:
        settings["site_url"] = url
    return settings


def course_extra(course: m.Course) -> dict[str, Any]:
    """What the theme's templates read from the config's `extra` (theme/main.html): the
    course's language, the browser script's texts where they differ from its built-in
    English (every page's lk-strings block), and the code blocks' labels likewise (CSS)."""
    strings = i18n.for_course(course)
    return {
        "lessonkit_language": course.language,
        "lessonkit_strings": strings.script(),
        "lessonkit_labels": strings.css_labels(),
    }


def localised_toc(config: dict[str, Any], course: m.Course) -> dict[str, Any]:
    """The toc extension's settings with the heading links' title in the course's language."""
    title = i18n.for_course(course)("page.permalink_title")
    if "permalink" not in config or config.get("permalink_title") == title:
        return config
    return {**config, "permalink_title": title}


def _escaped(items: Any) -> Any:
    """The navigation with every title escaped (paths are ours, and stay as they are)."""
    if isinstance(items, list):
        return [_escaped(item) for item in items]
    if isinstance(items, dict):
        return {escape_text(title): _escaped(value) for title, value in items.items()}
    return items


def with_allow_list(extensions: list[Any], course: m.Course) -> list[Any]:
    """The Markdown extensions with the HTML allow-list last, unless the course allows
    raw HTML (then its author answers for what the pages hold)."""
    names = [e if isinstance(e, str) else next(iter(e)) for e in extensions]
    if course.allow_html or SAFE_EXTENSION in names:
        return list(extensions)
    return [*extensions, SAFE_EXTENSION]


def theme_language(tag: str) -> str:
    """Material ships translations per language; en-GB falls back to en."""
    return tag.split("-")[0].lower()


def derived_config(
    root: Path,
    course: m.Course | None,
    docs: Path,
    site: Path,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The complete engine config for a build in a stage folder (site's parent): the
    defaults, the project's settings, the course's own, and the theme folder made there."""
    config = project_config(root)
    # The theme's settings are changed below. Without a mkdocs.yml of the project's they are
    # the defaults' own mapping, which must not keep one build's language or stage folder.
    config["theme"] = dict(config.get("theme") or {"name": "material"})
    if course is not None:
        config.update(course_settings(course))
        config["markdown_extensions"] = [
            {"toc": localised_toc(e["toc"] or {}, course)}
            if isinstance(e, dict) and "toc" in e
            else e
            for e in with_allow_list(config.get("markdown_extensions") or [], course)
        ]
        config["theme"]["language"] = theme_language(course.language)
        config["extra"] = {**(config.get("extra") or {}), **course_extra(course)}
    config.pop("hooks", None)  # generation is done already: hooks are for the preview
    config.pop("watch", None)
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    theme = config["theme"]
    theme["custom_dir"] = str(theme_dir(root, theme.get("custom_dir"), site.parent / "theme"))
    return merged(config, overrides or {})


def for_zensical(config: dict[str, Any], workdir: Path) -> dict[str, Any]:
    """The same config, adjusted to what Zensical (0.0.7x) reads differently from MkDocs."""
    config = {**config, "theme": {**config.get("theme", {})}}
    # docs_dir and site_dir must lie inside the config file's folder, and an absolute
    # docs_dir makes it panic ("invariant: Id(Format(Path(RootDir)))"): make them relative.
    for key in ("docs_dir", "site_dir"):
        config[key] = os.path.relpath(config[key], workdir)
    # An empty site_url gives root-absolute canonical links ("/lessons/..."), which break
    # under a subpath; MkDocs treats "" as unset, so do the same.
    if not config.get("site_url"):
        config.pop("site_url", None)
    # Zensical's default look ("modern") differs from Material's; "classic" is Material's.
    config["theme"].setdefault("variant", "classic")
    return config


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _tidy(output: str) -> str:
    """Plain text: no colour codes, and a Python traceback cut down to its last line."""
    output = _ANSI.sub("", output)
    head, sep, trace = output.partition("Traceback (most recent call last):")
    if sep:
        output = head + trace.strip().splitlines()[-1]
    return output.strip()


def zensical_program() -> str | None:
    """The zensical executable beside this Python (the venv's), else on PATH."""
    return shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which(
        "zensical"
    )


def run(
    engine: str, config: dict[str, Any], workdir: Path, strict: bool = True, language: str = ""
) -> tuple[bool, str, list[str]]:
    """Build with the engine, then repair the theme's HTML faults (themefix.py) in pages
    of the given language, and the 404 page of a site built without its address; returns
    (ok, what it printed, warnings of the repairs)."""
    config_path = workdir / "engine.yml"
    if engine == "mkdocs":
        # not -q: it hides warnings, and --strict then has nothing to count
        cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_path)]
    elif engine == "zensical":
        exe = zensical_program()
        if exe is None:
            return False, "zensical is not installed (pip install 'lessonkit[zensical]')", []
        cmd = [exe, "build", "-f", str(config_path)]
        config = for_zensical(config, workdir)
    else:
        return False, f"unknown engine '{engine}' (known: {', '.join(ENGINES)})", []
    if strict:
        cmd.append("--strict")  # both engines fail on warnings: missing pages and anchors
    config_path.write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
        check=False,
        preexec_fn=die_with_parent,
    )
    ok = proc.returncode == 0
    site = Path(workdir, config["site_dir"])
    warnings = fix_site(site, language, config.get("site_url")) if ok else []
    return ok, _tidy(proc.stdout + proc.stderr), warnings
