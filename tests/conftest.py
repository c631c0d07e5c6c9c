"""Shared fixtures: built sites of the real course and of the fixture course."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessonkit.cli import build
from tests.support.project import make_project, mini_content

SITE_URL = "https://example.github.io/some-repo/"


def _built(dest: Path, content: Path | None, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = make_project(dest, content)
    monkeypatch.setenv("SITE_URL", SITE_URL)
    assert build(project) == 0, "the site did not build"
    return project


@pytest.fixture(scope="session")
def real_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real course, built once with SITE_URL set as the Pages workflow sets it."""
    with pytest.MonkeyPatch.context() as mp:
        return _built(tmp_path_factory.mktemp("real"), None, mp)


@pytest.fixture(scope="session")
def real_site(real_project: Path) -> Path:
    return real_project / "site"


@pytest.fixture(scope="session")
def mini_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as mp:
        return _built(tmp_path_factory.mktemp("mini"), mini_content(), mp)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh, unbuilt copy of the project with the fixture course, for tests that edit it."""
    return make_project(tmp_path / "project", mini_content())
