"""MkDocs hook: run the lessonkit generate step, so plain `mkdocs build` and `mkdocs serve`
(which re-reads the config on every change) always see pages made from content/."""

from pathlib import Path

from mkdocs.exceptions import PluginError

import lessonkit
from lessonkit.engine import course_settings, theme_language
from lessonkit.pipeline import cache_dir, generate_into
from lessonkit.themefix import fix_page

TEMPLATES = str(Path(lessonkit.__file__).parent / "templates")


def on_config(config):
    root = Path(config.config_file_path).parent
    result, _ = generate_into(root, Path(config.docs_dir), cache=cache_dir(root))
    if not result.ok:
        raise PluginError("\n".join(map(str, result.problems)))
    for key, value in course_settings(result.course).items():
        config[key] = value
    config.theme["language"] = theme_language(result.course.language)
    config.extra["lessonkit_language"] = result.course.language
    if TEMPLATES not in config.watch:
        config.watch.append(TEMPLATES)  # edit a template, see the page change
    return config


def on_post_page(html, page, config):
    return fix_page(html, config.extra.get("lessonkit_language", ""))


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):  # sitemap.xml
        return output_content
    return fix_page(output_content, config.extra.get("lessonkit_language", ""))
