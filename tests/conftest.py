"""Shared fixtures, the course under test, and the rules for the two cost markers.

Sites are built once a session: the fixture course (`mini_project`, for tests of the tool)
and the course under test (`course_project`, for tests/course, whose conftest has the rest
of its fixtures). The course under test is this project's content/, or the one named by
`--course` or $LESSONKIT_COURSE (a content folder, or a project folder that holds one).

Markers (see tests/support/markers.py): `browser` starts Chromium, `slow` runs the site
engine; `make test-fast` leaves both out. A test is given them when it uses a fixture that
pays for them (BROWSER_FIXTURES, BUILT_FIXTURES), so modules need mark only what their own
bodies do.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from lessonkit.cli import build
from tests.support import markers
from tests.support.chromium import launch
from tests.support.fork import ForkRun
from tests.support.nu import check_sites
from tests.support.project import FIXTURES, ROOT, make_project, mini_content

SITE_URL = "https://example.github.io/some-repo/"

# Fixtures that build a site with the engine, or hand a test a fresh project to build
# (`sites`: tests/test_engines.py's builds with both engines), and those that start Chromium.
# fork_run does both, in a pytest of its own.
BUILT_FIXTURES = {"mini_project", "tech_project", "course_project", "project", "sites", "fork_run"}
BROWSER_FIXTURES = {"browser", "fork_run"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--course",
        default=os.environ.get("LESSONKIT_COURSE") or None,
        help="the course tests/course checks: a content folder, or a project folder with "
        "content/ (default: $LESSONKIT_COURSE, else this project's content/)",
    )


def pytest_configure(config: pytest.Config) -> None:
    given = config.getoption("--course")
    if given is not None:  # a wrong folder stops the run at once, not each test in turn
        course_root(given, config.invocation_params.dir, scratch=None)
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


def _built(dest: Path, content: Path) -> Path:
    """A copy of the project with this content, built as the Pages workflow builds it."""
    project = make_project(dest, content)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", SITE_URL)
        assert build(project) == 0, "the site did not build"
    return project


@pytest.fixture(scope="session")
def mini_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course, built once."""
    return _built(tmp_path_factory.mktemp("mini"), mini_content())


@pytest.fixture(scope="session")
def tech_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The technical fixture course (code, figures, links, exercises), built once."""
    return _built(tmp_path_factory.mktemp("tech"), FIXTURES / "tech" / "content")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh, unbuilt copy of the project with the fixture course, for tests that build
    it, often after editing it."""
    return make_project(tmp_path / "project", mini_content())


def course_root(given: str | None, start: Path, scratch: Path | None) -> Path:
    """The project folder whose content/ holds the course under test: this project, the
    given project folder, or for a content folder a copy of this project with it (made in
    scratch; with no scratch, the folder is only checked)."""
    if given is None:
        return ROOT
    path = (start / given).resolve()
    if (path / "content" / "course.yml").is_file():
        return path
    if (path / "course.yml").is_file():
        return make_project(scratch, path) if scratch else path
    raise pytest.UsageError(f"--course {given}: no course.yml in it or in its content/")


@pytest.fixture(scope="session")
def course_dir(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project folder of the course under test (its content/ is the course)."""
    given = request.config.getoption("--course")
    start = request.config.invocation_params.dir
    return course_root(given, start, tmp_path_factory.mktemp("given") / "project")


@pytest.fixture(scope="session")
def course_project(course_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course under test, built once."""
    return _built(tmp_path_factory.mktemp("course"), course_dir / "content")


# Session fixtures whose work runs in a process of its own. When a selected test asks for
# one, it is made as the session starts, so the work runs beside the tests before that one
# (this machine has two cores, and a test session keeps about one busy).
EARLY_FIXTURES = ("fork_run",)


@pytest.fixture(scope="session", autouse=True)
def _start_early(request: pytest.FixtureRequest) -> None:
    for name in EARLY_FIXTURES:
        if any(name in item.fixturenames for item in request.session.items):
            request.getfixturevalue(name)


@pytest.fixture(scope="session")
def fork_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForkRun]:
    """tests/course run in a fork whose content/ is the fixture course (tests/test_fork.py)."""
    run = ForkRun(tmp_path_factory.mktemp("fork"), mini_content())
    yield run
    run.stop()


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
    names = [
        n for n in ("mini_project", "course_project") if any(n in u.fixturenames for u in users)
    ]
    return check_sites([request.getfixturevalue(name) / "site" for name in names])
