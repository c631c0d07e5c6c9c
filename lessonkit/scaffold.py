"""lessonkit new: a complete course project to start from.

The starter (lessonkit/starter/) is a project as an author keeps it: content/ with a course,
a lesson with a quiz, a reflection and a figure, and a glossary; a short mkdocs.yml; a
Makefile whose two commands build the site and check the course; the Pages workflow; a
README; a .gitignore. Everything else (templates, theme, settings) comes from the installed
package, so the project picks up fixes when lessonkit is upgraded. The schemas editors read
are copied into content/.schemas/, which every later check keeps in step with the package.
"""

from __future__ import annotations

import json
import re
import shutil
from importlib import metadata
from pathlib import Path

from .build.stage import BuildError

STARTER = Path(__file__).resolve().parent / "starter"
SCHEMAS = Path(__file__).resolve().parent / "schema"
SCHEMA_DIR = ".schemas"  # in content/: the course files' modelines point here
TEXT_SUFFIXES = {".yml", ".yaml", ".md", ".svg", ""}  # files whose placeholders are filled


def course_id(name: str) -> str:
    """An id from a folder name: lowercase letters, digits and hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "course"


def requirement() -> str:
    """What a new project's Makefile installs: this release series of lessonkit."""
    try:
        major, minor, *_ = metadata.version("lessonkit").split(".")
    except metadata.PackageNotFoundError:
        major, minor = "0", "1"
    return f"lessonkit>={major}.{minor},<{major}.{int(minor) + 1}"


def new_project(dest: Path, title: str, language: str) -> Path:
    """Write the starter into dest (which must not exist, or be empty)."""
    if dest.exists() and any(dest.iterdir()):
        raise BuildError(f"{dest} is not empty; name a new folder")
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", language):
        raise BuildError(f"'{language}' is not a language tag; use one such as en, es or de-CH")
    fills = {
        "@ID@": course_id(dest.name),
        "@TITLE@": json.dumps(title, ensure_ascii=False),  # JSON is valid YAML
        "@LANGUAGE@": language,
        "@REQUIREMENT@": requirement(),
    }
    for source in sorted(STARTER.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        target = dest / source.relative_to(STARTER)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in TEXT_SUFFIXES:
            text = source.read_text("utf-8")
            for mark, value in fills.items():
                # a title in Markdown (README) reads as itself, in YAML as a quoted value
                shown = title if mark == "@TITLE@" and source.suffix == ".md" else value
                text = text.replace(mark, shown)
            target.write_text(text, "utf-8")
        else:
            shutil.copy2(source, target)
    write_schemas(dest / "content")
    return dest


def write_schemas(content: Path) -> bool:
    """The package's schemas into content/.schemas/, where they differ; True if any did."""
    folder = content / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    changed = False
    for schema in sorted(SCHEMAS.glob("*.json")):
        target = folder / schema.name
        data = schema.read_bytes()
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
            changed = True
    return changed
