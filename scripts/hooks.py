"""MkDocs hook: run the lessonkit generate step, so plain `mkdocs build` and `mkdocs serve`
(which re-reads the config on every change) always see pages made from content/."""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

import lessonkit
from lessonkit.build.engine import course_settings, theme_language, with_allow_list
from lessonkit.build.themefix import fix_site
from lessonkit.pipeline import generate_into

log = logging.getLogger("mkdocs.plugins.lessonkit")
TEMPLATES = str(Path(lessonkit.__file__).parent / "templates")


def on_config(config):
    root = Path(config.config_file_path).parent
    result, _ = generate_into(root, Path(config.docs_dir))
    if not result.ok:
        raise PluginError("\n".join(map(str, result.problems)))
    try:
        settings = course_settings(result.course)
    except ValueError as wrong:  # SITE_URL
        raise PluginError(str(wrong)) from None
    for key, value in settings.items():
        config[key] = value
    config.markdown_extensions[:] = with_allow_list(config.markdown_extensions, result.course)
    config.theme["language"] = theme_language(result.course.language)
    config.extra["lessonkit_language"] = result.course.language
    if TEMPLATES not in config.watch:
        config.watch.append(TEMPLATES)  # edit a template, see the page change
    return config


def on_post_build(config):
    for warning in fix_site(Path(config.site_dir), config.extra.get("lessonkit_language", "")):
        log.warning(warning)
