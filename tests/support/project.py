"""Make throwaway copies of the project (with any course) and build them."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

# What a project has besides its content: its engine settings and hand-written docs.
PROJECT_FILES = ("mkdocs.yml", "docs/assets")


def make_project(dest: Path, content: Path | None = None) -> Path:
    """A copy of this project's engine files with the given content/ (default: the real one)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        else:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    shutil.copytree(content or ROOT / "content", dest / "content")
    return dest


def mini_content() -> Path:
    return FIXTURES / "mini" / "content"
