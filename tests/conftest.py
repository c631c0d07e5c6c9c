"""Shared fixtures: built sites of the real course and of the fixture course, one Chromium for
the session, one Nu HTML Checker run; the rules for the two cost markers.

Markers (see tests/support/markers.py): `browser` starts Chromium, `slow` runs the site
engine; `make test-fast` leaves both out. A test is given them when it uses a fixture that
pays for them (BROWSER_FIXTURES, BUILT_FIXTURES), so modules need mark only what their own
bodies do.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from lessonkit.cli import build
from tests.support import markers
from tests.support.chromium import launch
from tests.support.nu import check_sites
from tests.support.project import make_project, mini_content

SITE_URL = "https://example.github.io/some-repo/"

# Fixtures that build a site with the engine, or hand a test a fresh project to build
# (`sites`: tests/test_engines.py's builds with both engines), and those that start Chromium.
BUILT_FIXTURES = {"real_project", "real_site", "mini_project", "project", "sites"}
BROWSER_FIXTURES = {"browser"}


def pytest_configure(config: pytest.Config) -> None:
    markers.watch()


def pytest_unconfigure(config: pytest.Config) -> None:
    markers.unwatch()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BUILT_FIXTURES:
            item.add_marker(pytest.mark.slow)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    markers.current = item
    try:
        return (yield)
    finally:
        markers.current = None


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
    """A fresh, unbuilt copy of the project with the fixture course, for tests that build
    it, often after editing it."""
    return make_project(tmp_path / "project", mini_content())


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the session; tests open their own contexts in it."""
    with sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def nu_errors(request: pytest.FixtureRequest) -> dict[Path, list[str]]:
    """Nu HTML Checker errors by site, for every built site this session's tests check
    (the tests that use this fixture, and the site fixture each uses), in one Java start."""
    users = [item for item in request.session.items if "nu_errors" in item.fixturenames]
    names = [n for n in ("mini_project", "real_project") if any(n in u.fixturenames for u in users)]
    return check_sites([request.getfixturevalue(name) / "site" for name in names])
