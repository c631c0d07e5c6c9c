"""Tests of the course under test: this project's content/, or the course named by
`--course` or $LESSONKIT_COURSE (see tests/conftest.py).

They read the course they are given, so a fork that replaces content/ keeps them green.
What holds for any course is checked on any course; what only makes sense for the bundled
article course asks for the `bundled` fixture, which skips the test for another course.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lessonkit.model import Course
from lessonkit.pipeline import Generated, generate
from tests.support.serve import serve

BUNDLED = "pushing-people-away"  # the id in the bundled course's course.yml


@pytest.fixture(scope="session")
def generated(course_dir: Path) -> Generated:
    """The course under test, checked and rendered to Markdown pages."""
    return generate(course_dir)


@pytest.fixture(scope="session")
def course(generated: Generated) -> Course:
    assert generated.ok and generated.course is not None, "\n".join(map(str, generated.problems))
    return generated.course


@pytest.fixture(scope="session")
def bundled(course: Course) -> Course:
    """The course, when it is the bundled one; a test that asks for it is skipped otherwise."""
    if course.id != BUNDLED:
        pytest.skip(f"about the bundled course '{BUNDLED}' only; this course is '{course.id}'")
    return course


@pytest.fixture(scope="session")
def course_site(course_project: Path) -> Path:
    return course_project / "site"


@pytest.fixture(scope="session")
def course_base(course_site: Path) -> Iterator[str]:
    """The built course served under a subpath, as GitHub Pages serves a project site."""
    with serve(course_site, "/some-repo/") as base:
        yield base
