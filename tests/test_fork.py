"""tests/course reads the course it is given: a fork that replaces content/ with its own
course keeps `make test` green, the bundled course's own checks skipped with their reason."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import course_root
from tests.support.fork import ForkRun
from tests.support.project import ROOT, make_project, mini_content

# Checks that hold for any course, each of which must run and pass in the fork.
GENERIC = {
    "test_the_course_has_no_problems_at_all",
    "test_every_source_paragraph_is_taught",
    "test_every_page_of_the_course_is_built",
    "test_every_internal_link_and_anchor_resolves_under_a_subpath",
    "test_nu_html_checker_finds_no_errors",
    "test_nothing_is_loaded_from_another_host",
    "test_every_page_reaches_the_support_note",
    "test_the_workbook_holds_every_lesson_under_ids_that_never_collide",
    "test_the_workbook_holds_the_whole_course",
    "test_each_lesson_is_a_section_of_its_own",
    "test_axe_finds_nothing_on_the_course_pages",
}
# Checks of the bundled article course, which a fork skips.
BUNDLED_ONLY = {
    "test_lessons_have_the_agreed_shape",
    "test_safety_notes",
    "test_answers_are_only_in_the_key_at_the_end",
}


def outcomes(report: Path) -> tuple[set[str], dict[str, str]]:
    """The names of the tests that passed, and of those skipped with the reason."""
    passed, skipped = set(), {}
    for case in ET.parse(report).getroot().iter("testcase"):
        name = case.get("name", "").partition("[")[0]
        problem = next((c for c in case if c.tag in ("failure", "error")), None)
        skip = case.find("skipped")
        assert problem is None, f"{name}: {problem.get('message') if problem is not None else ''}"
        if skip is not None:
            skipped[name] = skip.get("message", "")
        else:
            passed.add(name)
    return passed, skipped


@pytest.mark.slow
@pytest.mark.browser
def test_a_fork_with_its_own_course_keeps_the_course_tests_green(fork_run: ForkRun) -> None:
    # fork_run started with the session (tests/conftest.py): this waits for it to end
    assert fork_run.wait() == 0, fork_run.output()[-4000:]
    passed, skipped = outcomes(fork_run.report)
    assert passed >= GENERIC, f"not run in the fork: {GENERIC - passed}"
    assert skipped.keys() >= BUNDLED_ONLY
    for name, reason in skipped.items():
        assert "bundled course" in reason or "source article" in reason, f"{name}: {reason}"
        assert "this course is 'tea-basics'" in reason or "source article" in reason


def test_the_course_under_test_is_content_unless_another_is_named(tmp_path: Path) -> None:
    assert course_root(None, tmp_path, tmp_path / "unused") == ROOT
    project = make_project(tmp_path / "project", mini_content())
    assert course_root("project", tmp_path, tmp_path / "unused") == project
    made = course_root(str(mini_content()), tmp_path, tmp_path / "copy")
    assert made == tmp_path / "copy"
    assert (made / "content" / "course.yml").read_bytes() == (
        mini_content() / "course.yml"
    ).read_bytes()
    with pytest.raises(pytest.UsageError, match=r"no course\.yml"):
        course_root("project/docs", tmp_path, tmp_path / "unused")
