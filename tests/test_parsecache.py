"""The parse cache: unchanged files are not parsed again, and a cached run says and builds
exactly what a cold one does."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from lessonkit import load as load_module
from lessonkit import parsecache
from lessonkit.pipeline import cache_dir, generate
from tests.support.project import mini_content


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(mini_content(), tmp_path / "content")
    return tmp_path


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the loader parses (rather than takes from the cache)."""
    names: list[str] = []
    real: Callable = load_module.parse_yaml

    def counting(raw: bytes, shown_as: str):
        names.append(shown_as)
        return real(raw, shown_as)

    monkeypatch.setattr(load_module, "parse_yaml", counting)
    return names


def files(project: Path) -> list[str]:
    return sorted(p.relative_to(project).as_posix() for p in (project / "content").rglob("*.yml"))


def test_a_second_run_parses_nothing_and_builds_the_same_pages(
    project: Path, parsed: list[str]
) -> None:
    cold = generate(project, cache=cache_dir(project))
    assert sorted(parsed) == files(project)
    parsed.clear()
    warm = generate(project, cache=cache_dir(project))
    assert parsed == []
    assert warm.ok and warm.pages == cold.pages
    assert warm.problems == cold.problems
    assert warm.pages == generate(project).pages, "the same as with no cache at all"


def test_only_the_edited_file_is_parsed_again(project: Path, parsed: list[str]) -> None:
    generate(project, cache=cache_dir(project))
    lesson = sorted((project / "content" / "lessons").glob("*.yml"))[0]
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    parsed.clear()
    result = generate(project, cache=cache_dir(project))
    assert parsed == [lesson.relative_to(project).as_posix()]
    assert result.course is not None and result.course.lessons[0].title.startswith("Edited ")


def test_a_cached_lesson_is_numbered_and_timed_by_the_course_file_of_this_run(
    project: Path, parsed: list[str]
) -> None:
    """Lessons come from the cache; order, numbers and reading times follow course.yml."""
    before = generate(project, cache=cache_dir(project)).course
    assert before is not None
    course_file = project / "content" / "course.yml"
    text = course_file.read_text(encoding="utf-8")
    first, second = (lesson.id for lesson in before.lessons[:2])
    swapped = text.replace(f"- {first}\n", "- @@\n").replace(f"- {second}\n", f"- {first}\n")
    course_file.write_text(
        swapped.replace("- @@\n", f"- {second}\n") + "words_per_minute: 100\n", encoding="utf-8"
    )
    parsed.clear()
    after = generate(project, cache=cache_dir(project)).course
    assert parsed == ["content/course.yml"]
    assert after is not None
    assert [x.id for x in after.lessons[:2]] == [second, first]
    assert [x.number for x in after.lessons[:2]] == [1, 2]
    assert after.lessons[0].slug == f"01-{second}"
    # "water" has 131 words: one minute at 200 words a minute, two at 100
    assert {x.id: x.minutes for x in before.lessons}["water"] == 1
    assert {x.id: x.minutes for x in after.lessons}["water"] == 2


def test_problems_are_the_same_from_the_cache(project: Path, parsed: list[str]) -> None:
    lesson = sorted((project / "content" / "lessons").glob("*.yml"))[0]
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("title: ", "titel: ", 1), encoding="utf-8")
    cold = generate(project, cache=cache_dir(project))
    parsed.clear()
    warm = generate(project, cache=cache_dir(project))
    assert parsed == []
    assert not warm.ok and [str(p) for p in warm.problems] == [str(p) for p in cold.problems]
    assert any("unknown key 'titel'" in str(p) for p in warm.problems)


def test_a_damaged_cache_is_ignored_and_replaced(project: Path, parsed: list[str]) -> None:
    generate(project, cache=cache_dir(project))
    (cache_dir(project) / parsecache.FILE_NAME).write_bytes(b"not a pickle")
    parsed.clear()
    assert generate(project, cache=cache_dir(project)).ok
    assert sorted(parsed) == files(project)
    parsed.clear()
    generate(project, cache=cache_dir(project))
    assert parsed == []


def test_new_code_or_schemas_mean_a_cold_parse(
    project: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(project, cache=cache_dir(project))
    monkeypatch.setattr(parsecache, "fingerprint", lambda: "another version")
    parsed.clear()
    generate(project, cache=cache_dir(project))
    assert sorted(parsed) == files(project)


def test_the_same_bytes_as_another_kind_are_parsed_again(project: Path) -> None:
    raw = (project / "content" / "course.yml").read_bytes()
    assert parsecache.digest(raw, "course") != parsecache.digest(raw, "lesson")


def test_removed_files_leave_the_cache(project: Path) -> None:
    generate(project, cache=cache_dir(project))
    lesson = sorted((project / "content" / "lessons").glob("*.yml"))[-1]
    name = lesson.relative_to(project).as_posix()
    assert name in parsecache.ParseCache.open(cache_dir(project)).entries
    lesson.unlink()
    generate(project, cache=cache_dir(project))
    assert name not in parsecache.ParseCache.open(cache_dir(project)).entries


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(project: Path) -> None:
    blocker = project / "blocked"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    result = generate(project, cache=blocker / "cache")
    assert result.ok
    assert blocker.read_text(encoding="utf-8").startswith("a file")
