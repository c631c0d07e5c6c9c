"""Make throwaway copies of the project (with any course) and build them."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

# What a project has besides its content: its engine settings and hand-written docs.
PROJECT_FILES = ("mkdocs.yml", "docs/assets")

# What a fork holds besides those: the tool, its settings and its tests.
FORK_FILES = ("pyproject.toml", "lessonkit", "tests")

_LEFT_OUT = shutil.ignore_patterns("__pycache__", ".pytest_cache")


def _copy(names: tuple[str, ...], dest: Path) -> None:
    for name in names:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=_LEFT_OUT)
        else:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def make_project(dest: Path, content: Path | None = None) -> Path:
    """A copy of this project's engine files with the given content/ (default: the real one)."""
    dest.mkdir(parents=True, exist_ok=True)
    _copy(PROJECT_FILES, dest)
    shutil.copytree(content or ROOT / "content", dest / "content")
    return dest


def make_fork(dest: Path, content: Path) -> Path:
    """The whole project, tool and tests included, with another course as its content/:
    what a fork that replaces the bundled course holds."""
    make_project(dest, content)
    _copy(FORK_FILES, dest)
    return dest


def mini_content() -> Path:
    return FIXTURES / "mini" / "content"
