"""Turn generated Markdown into HTML with an engine (MkDocs, or Zensical), into a stage dir.

The author's mkdocs.yml is read as data and completed with what the course decides (site
name, navigation, language, site_url from SITE_URL); paths are made absolute so the derived
config can live in a temporary folder. Neither engine is imported: each runs as a program.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from . import model as m
from .render import nav

ENGINES = ("mkdocs", "zensical")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, resolving MkDocs' !ENV tag."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = (
        [loader.construct_scalar(node)]
        if isinstance(node, yaml.ScalarNode)
        else loader.construct_sequence(node)
    )
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)


def read_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


def course_settings(course: m.Course, environ: dict[str, str] | None = None) -> dict[str, Any]:
    """What the course decides about the site; applied by the hook and the derived config."""
    environ = os.environ if environ is None else environ
    settings: dict[str, Any] = {
        "site_name": course.title,
        "site_description": course.description,
        "nav": nav(course),
    }
    site_url = environ.get("SITE_URL", "").strip()
    if site_url:
        settings["site_url"] = site_url if site_url.endswith("/") else site_url + "/"
    return settings


def theme_language(tag: str) -> str:
    """Material ships translations per language; en-GB falls back to en."""
    return tag.split("-")[0].lower()


def derived_config(
    root: Path,
    course: m.Course,
    docs: Path,
    site: Path,
    config_file: str = "mkdocs.yml",
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    config = read_config(root / config_file)
    config.update(course_settings(course))
    config.pop("hooks", None)  # the CLI has generated already; hooks are for plain mkdocs
    config.pop("watch", None)
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    theme = config.setdefault("theme", {"name": "material"})
    theme["language"] = theme_language(course.language)
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    config.update(overrides or {})
    return config


def run(
    engine: str, config: dict[str, Any], workdir: Path, strict: bool = True
) -> tuple[bool, str]:
    """Build with the engine; returns (ok, what it printed)."""
    config_path = workdir / "engine.yml"
    config_path.write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    if engine == "mkdocs":
        # not -q: it hides warnings, and --strict then has nothing to count
        cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_path)]
        if strict:
            cmd.append("--strict")
    elif engine == "zensical":
        exe = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which(
            "zensical"
        )
        if exe is None:
            return False, "zensical is not installed (pip install 'lessonkit[zensical]')"
        cmd = [exe, "build", "-f", str(config_path)]
    else:
        return False, f"unknown engine '{engine}' (known: {', '.join(ENGINES)})"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=workdir, env=env, check=False)
    output = (proc.stdout + proc.stderr).strip()
    return proc.returncode == 0, output
