"""MkDocs hook for the preview: `lessonkit serve` runs `mkdocs serve` on a config it derives
(the defaults, the project's mkdocs.yml, this hook), and MkDocs re-reads it on every change,
so the preview always shows pages made from content/ as it is now.

A project whose mkdocs.yml is complete (theme and all) may name this file under `hooks:` to
use plain `mkdocs build` and `mkdocs serve`. `mkdocs build` fails on a content error;
`mkdocs serve` keeps running, and every page shows the problems instead (preview.py) until
the next good save."""

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import lessonkit
from lessonkit.build.defaults import theme_dir
from lessonkit.build.engine import (
    course_extra,
    course_settings,
    localised_toc,
    theme_language,
    with_allow_list,
)
from lessonkit.build.themefix import fix_site
from lessonkit.build.write import owned
from lessonkit.pipeline import generate_into
from lessonkit.preview import problems_page

log = logging.getLogger("mkdocs.plugins.lessonkit")
# Set by `lessonkit serve`: the project folder, the theme folder it made, the project's own.
ROOT, THEME_DIR, CUSTOM_DIR = "LESSONKIT_ROOT", "LESSONKIT_THEME_DIR", "LESSONKIT_CUSTOM_DIR"
TEMPLATES = str(Path(lessonkit.__file__).parent / "templates")
state = {"serving": False, "problems": []}


def on_startup(command, dirty):
    state["serving"] = command == "serve"


def on_config(config):
    root = Path(os.environ.get(ROOT) or Path(config.config_file_path).parent)
    theme = os.environ.get(THEME_DIR)
    if theme:  # lessonkit serve: the package's theme with the project's laid over it, anew
        theme_dir(root, os.environ.get(CUSTOM_DIR), Path(theme))
    if TEMPLATES not in config.watch:
        config.watch.append(TEMPLATES)  # edit a template, see the page change
    result, _ = generate_into(root, Path(config.docs_dir))
    state["problems"] = [] if result.ok else result.problems
    if not result.ok:
        if not state["serving"]:
            raise PluginError("\n".join(map(str, result.problems)))
        for problem in result.problems:  # not a warning: strict mode would stop the preview
            print(problem, file=sys.stderr)
        config.nav = None
        return config
    try:
        settings = course_settings(result.course)
    except ValueError as wrong:  # SITE_URL
        raise PluginError(str(wrong)) from None
    for key, value in settings.items():
        config[key] = value
    config.markdown_extensions[:] = with_allow_list(config.markdown_extensions, result.course)
    config.theme["language"] = theme_language(result.course.language)
    config.extra.update(course_extra(result.course))
    if "toc" in config.mdx_configs:
        config.mdx_configs["toc"] = localised_toc(config.mdx_configs["toc"], result.course)
    return config


def on_files(files, config):
    """While the course has problems, every page (the home page, and each generated page a
    reader may be on) shows them; assets stay as they are."""
    if not state["problems"]:
        return files
    page = problems_page(state["problems"])
    paths = {"index.md"} | {p for p in owned(Path(config.docs_dir)) if p.endswith(".md")}
    kept = [f for f in files if not f.is_documentation_page()]
    return Files(kept + [File.generated(config, path, content=page) for path in sorted(paths)])


def on_post_build(config):
    language = config.extra.get("lessonkit_language", "")
    for warning in fix_site(Path(config.site_dir), language, config.site_url):
        log.warning(warning)
