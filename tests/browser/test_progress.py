"""Visits, notes and the progress page: export, import, erase; broken or missing storage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import put, saved

pytestmark = pytest.mark.browser

NOTE = "#note-water-your-kettle"


def visited(page: Page, lesson: str):
    return page.locator(f'[data-lk-lessons] li[data-lk-lesson="{lesson}"] .lk-visited')


def upload(page: Page, content: bytes) -> None:
    file = {"name": "progress.json", "mimeType": "application/json", "buffer": content}
    page.locator("#lk-import").set_input_files(files=[file])


def some_progress(page: Page, base: str) -> None:
    """Visit lesson 1, write a note there and answer one quiz question right."""
    page.goto(base + "lessons/01-water/")
    expect(page.locator(".lk-lesson-meta")).to_have_text("Lesson 1 of 2 · about 1 min of reading")
    expect(page.locator(".md-footer__link--next")).to_contain_text("Knowledge check")
    page.locator(NOTE).fill("Fresh,\nevery morning.")
    expect(page.locator(".lk-reflection .lk-saved")).to_have_text("Saved on this device")
    page.goto(base + "lessons/01-water/quiz/")
    page.get_by_label("The water was too hot.").check()
    page.locator("#q-flat-water .lk-check").click()
    expect(page.locator(".lk-score")).to_contain_text("1 of 2")


def test_visited_lessons_are_marked_in_words(page: Page, base: str) -> None:
    page.goto(base)
    expect(page.locator(".lk-visited")).to_have_count(0)
    page.goto(base + "lessons/01-water/")
    page.goto(base)
    expect(visited(page, "water")).to_have_text("Visited")
    expect(visited(page, "steeping")).to_have_count(0)
    page.goto(base + "progress/")
    expect(visited(page, "water")).to_have_text("Visited")
    expect(visited(page, "steeping")).to_have_count(0)


def test_notes_autosave_and_show_on_the_progress_page(page: Page, base: str) -> None:
    some_progress(page, base)
    page.goto(base + "lessons/01-water/")
    expect(page.locator(NOTE)).to_have_value("Fresh,\nevery morning.")
    page.goto(base + "progress/")
    notes = page.locator("[data-lk-notes]")
    expect(notes.get_by_role("heading", name="Start With the Water")).to_be_visible()
    expect(notes).to_contain_text("How do you usually fill your kettle, and why?")
    expect(notes.locator("blockquote")).to_have_text("Fresh,\nevery morning.")
    # Emptying the box removes the note.
    page.goto(base + "lessons/01-water/")
    page.locator(NOTE).fill("")
    page.goto(base + "progress/")
    expect(page.locator("[data-lk-notes]")).to_contain_text("No notes yet.")


def test_export_erase_import_round_trip(page: Page, base: str, tmp_path: Path) -> None:
    some_progress(page, base)
    page.goto(base + "progress/")
    expect(page.locator('li[data-lk-quiz="water"] .lk-best')).to_have_text(
        "Best quiz score: 1 of 2"
    )
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my data").click()
    download = info.value
    assert download.suggested_filename.startswith("tea-basics-progress-")
    file = tmp_path / "progress.json"
    download.save_as(file)
    exported = json.loads(file.read_text(encoding="utf-8"))
    assert exported["app"] == "lessonkit" and exported["course"] == "tea-basics"
    assert exported["notes"]["water/your-kettle"]["text"] == "Fresh,\nevery morning."

    # Erasing asks first; "Keep my data" keeps it.
    page.get_by_role("button", name="Erase everything").click()
    expect(page.locator(".lk-confirm p")).to_be_focused()
    page.get_by_role("button", name="Keep my data").click()
    assert saved(page) is not None
    page.get_by_role("button", name="Erase everything").click()
    page.get_by_role("button", name="Yes, erase everything").click()
    expect(page.locator(".lk-msg")).to_have_text("Everything was erased from this browser.")
    assert saved(page) is None
    expect(page.locator(".lk-visited")).to_have_count(0)
    expect(page.locator(".lk-best")).to_have_count(0)
    expect(page.locator("[data-lk-notes]")).to_contain_text("No notes yet.")

    page.locator("#lk-import").set_input_files(str(file))
    expect(page.locator(".lk-msg")).to_contain_text("Your file was loaded.")
    expect(visited(page, "water")).to_have_text("Visited")
    expect(page.locator('li[data-lk-quiz="water"] .lk-best')).to_have_text(
        "Best quiz score: 1 of 2"
    )
    expect(page.locator("[data-lk-notes] blockquote")).to_have_text("Fresh,\nevery morning.")
    restored = saved(page)
    assert {k: restored[k] for k in ("visits", "answers", "quizzes", "checks", "notes")} == {
        k: exported[k] for k in ("visits", "answers", "quizzes", "checks", "notes")
    }
    page.goto(base + "lessons/01-water/quiz/")
    expect(page.locator("#q-flat-water .lk-verdict")).to_have_text("Right.")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "is not a progress file from this course"),
        (b'{"app": "lessonkit", "v": 1, "course": "other"}', "belongs to another course"),
        (b'{"app": "lessonkit", "v": 2, "course": "tea-basics"}', "is not a progress file"),
        (b"[1, 2, 3]", "is not a progress file"),
    ],
)
def test_a_bad_import_changes_nothing(page: Page, base: str, content: bytes, message: str) -> None:
    page.goto(base + "lessons/01-water/")
    before = saved(page)
    page.goto(base + "progress/")
    upload(page, content)
    expect(page.locator(".lk-msg")).to_contain_text(message)
    assert saved(page) == before
    expect(visited(page, "water")).to_have_text("Visited")


def test_imported_data_of_the_wrong_shape_is_filtered(page: Page, base: str) -> None:
    hostile = {
        "app": "lessonkit",
        "v": 1,
        "course": "tea-basics",
        "visits": {"water": "2026-01-01T00:00:00Z", "steeping": 5},
        "notes": {"water/x": {"text": "<img src=x onerror=alert(1)>", "prompt": "", "lesson": ""}},
        "checks": [{"date": "2026-01-01T00:00:00Z", "results": [{"id": 1}]}],
        "quizzes": "nope",
    }
    page.goto(base + "progress/")
    upload(page, json.dumps(hostile).encode())
    expect(page.locator(".lk-msg")).to_contain_text("Your file was loaded.")
    data = saved(page)
    assert data["visits"] == {"water": "2026-01-01T00:00:00Z"}
    assert data["checks"] == [] and data["quizzes"] == {}
    expect(page.locator("[data-lk-notes] blockquote")).to_have_text("<img src=x onerror=alert(1)>")
    expect(page.locator("[data-lk-notes] img")).to_have_count(0)


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        '{"app": "lessonkit", "v": 1, "course": "another-course"}',
        '{"app": "lessonkit", "v": 99, "course": "tea-basics"}',
        "null",
    ],
)
def test_corrupt_or_foreign_storage_shows_a_notice(page: Page, base: str, raw: str) -> None:
    put(page, base, raw)
    page.goto(base + "lessons/01-water/quiz/")
    expect(page.locator(".lk-notice")).to_contain_text("could not be read")
    page.get_by_label("The water was too hot.").check()
    page.locator("#q-flat-water .lk-check").click()
    expect(page.locator("#q-flat-water .lk-verdict")).to_have_text("Right.")
    assert saved(page)["answers"]["water/flat-water"]["chosen"] == ["1"]
    page.reload()
    expect(page.locator(".lk-notice")).to_have_count(0)


def test_without_storage_nothing_breaks(ctx, base: str) -> None:
    # A browser that blocks site data refuses storage outright (so may file:// pages).
    ctx.context.add_init_script(
        "for (const k of ['localStorage', 'sessionStorage']) Object.defineProperty(window, k, "
        "{get() { throw new DOMException('denied', 'SecurityError') }})"
    )
    page = ctx.page()
    page.goto(base + "lessons/01-water/")
    page.locator(NOTE).fill("A thought")
    expect(page.locator(".lk-reflection .lk-saved")).to_have_text(
        "Not saved: this browser is not keeping data for this site."
    )
    page.goto(base + "lessons/01-water/quiz/")
    page.get_by_label("The water was too hot.").check()
    page.locator("#q-flat-water .lk-check").click()
    expect(page.locator("#q-flat-water .lk-verdict")).to_have_text("Right.")
    page.goto(base + "self-check/")
    page.locator("#item-rush-1").get_by_label("Often", exact=True).check()
    page.get_by_role("button", name="See my results").click()
    page.get_by_role("button", name="Save this result on this device").click()
    expect(page.locator(".lk-results .lk-saved")).to_contain_text("Not saved")
    page.goto(base + "progress/")
    expect(page.locator(".lk-notice")).to_contain_text("not keeping data")
    page.get_by_role("button", name="Erase everything").click()
    page.get_by_role("button", name="Yes, erase everything").click()
    expect(page.locator(".lk-msg")).to_have_text("Everything was erased from this browser.")
