"""Where a project keeps things, and what its mkdocs.yml says that lessonkit needs to know."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import markdown
import yaml

from .problems import Problem, Where, problem

CONFIG = "mkdocs.yml"
# The Markdown a course is written in when a project has no mkdocs.yml of its own.
DEFAULT_EXTENSIONS: list[Any] = [
    "attr_list",
    "md_in_html",
    "admonition",
    "tables",
    "toc",
    # code that nests, highlighted, output and errors marked: as this project's mkdocs.yml
    {
        "pymdownx.highlight": {
            "pygments_lang_class": True,
            "extend_pygments_lang": [{"name": "error", "lang": "output"}],
        }
    },
    "pymdownx.superfences",
    "pymdownx.inlinehilite",
    "pymdownx.details",
    "pymdownx.keys",
]
# Added by lessonkit, never listed by an author: the HTML allow-list (mdsafe.py).
SAFE_EXTENSION = "lessonkit.mdsafe"


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


def markdown_extensions(root: Path) -> tuple[list[str], dict[str, Any]]:
    """The project's Markdown extensions and their settings, as MkDocs reads them."""
    config = root / CONFIG
    entries = read_config(config).get("markdown_extensions") if config.is_file() else None
    names: list[str] = []
    settings: dict[str, Any] = {}
    for entry in entries or DEFAULT_EXTENSIONS:
        name, value = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name == SAFE_EXTENSION:
            continue
        names.append(name)
        if value:
            settings[name] = value
    return names, settings


def markdown_converter(root: Path) -> Callable[[str], str]:
    """Author Markdown to HTML as the engine will make it, before the allow-list."""
    names, settings = markdown_extensions(root)
    md = markdown.Markdown(extensions=names, extension_configs=settings)
    return lambda text: md.reset().convert(text)


# What a web address may hold: no spaces, quotes or angle brackets, which would end the
# attribute or element the theme writes it into.
_URL = re.compile(r"https?://[^\s\"'<>\\`]+\Z")


def site_url(environ: Mapping[str, str] | None = None) -> tuple[str | None, Problem | None]:
    """The site's public address from SITE_URL (None when unset), ending in a slash, or the
    problem with it. The Pages workflow sets it; the theme writes it into every page."""
    environ = os.environ if environ is None else environ
    url = environ.get("SITE_URL", "").strip()
    if not url:
        return None, None
    if not _URL.match(url):
        return None, problem("env.site-url", Where("SITE_URL"), value=url[:60])
    return (url if url.endswith("/") else url + "/"), None
