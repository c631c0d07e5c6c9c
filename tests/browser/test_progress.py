"""Visits, notes and the progress page: export, import, erase; broken or missing storage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import KEY, put, saved

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
    assert exported["review"]["water/flat-water"]["step"] == 1, "the practice schedule goes too"

    # Erasing asks first; "Keep my data" keeps it.
    page.get_by_role("button", name="Erase everything").click()
    expect(page.locator(".lk-erase-ask p").first).to_be_focused()
    page.get_by_role("button", name="Keep my data").click()
    assert saved(page) is not None
    page.get_by_role("button", name="Erase everything").click()
    page.get_by_role("button", name="Yes, erase everything").click()
    expect(page.locator(".lk-msg")).to_have_text("Everything was erased from this browser.")
    assert saved(page) is None
    expect(page.locator(".lk-visited")).to_have_count(0)
    expect(page.locator(".lk-best")).to_have_count(0)
    expect(page.locator("[data-lk-notes]")).to_contain_text("No notes yet.")

    # Loading says what the file holds and asks; nothing changes until the reader says so.
    page.locator("#lk-import").set_input_files(str(file))
    ask = page.locator(".lk-import-ask")
    expect(ask.locator("p").first).to_be_focused()
    expect(ask.locator("p").first).to_contain_text(
        "holds 1 lesson visited, 1 answer, 1 quiz score, 1 note, 1 question in practice. "
        "This browser holds nothing yet."
    )
    assert saved(page) is None
    page.get_by_role("button", name="Replace with the file").click()
    expect(page.locator(".lk-msg")).to_have_text(
        "Your file was loaded: it replaced what was kept here."
    )
    expect(visited(page, "water")).to_have_text("Visited")
    expect(page.locator('li[data-lk-quiz="water"] .lk-best')).to_have_text(
        "Best quiz score: 1 of 2"
    )
    expect(page.locator("[data-lk-notes] blockquote")).to_have_text("Fresh,\nevery morning.")
    parts = ("visits", "answers", "quizzes", "checks", "notes", "review")
    restored = saved(page)
    assert {k: restored[k] for k in parts} == {k: exported[k] for k in parts}
    page.goto(base + "lessons/01-water/quiz/")
    expect(page.locator("#q-flat-water .lk-verdict")).to_have_text("Right.")


def progress_file(**parts: object) -> bytes:
    return json.dumps({"app": "lessonkit", "v": 1, "course": "tea-basics", **parts}).encode()


NOTE_KEY = "water/your-kettle"


def a_note(text: str, date: str) -> dict:
    return {"text": text, "prompt": "How do you fill your kettle?", "lesson": "Water", "date": date}


# Files refused, and what the page says of each.
BAD_FILES = [
    (b"{not json", "is not a progress file from this course"),
    (b'{"app": "lessonkit", "v": 1, "course": "other"}', "belongs to another course"),
    (b'{"app": "lessonkit", "v": 2, "course": "tea-basics"}', "is not a progress file"),
    (b"[1, 2, 3]", "is not a progress file"),
    # the right header with a part of the wrong type: refused, not read as empty
    (progress_file(notes=[]), "the part “notes” of this file is not in the form"),
    (progress_file(quizzes="nope"), "the part “quizzes” of this file is not in the form"),
    (
        progress_file(visits={"water": "2026-01-01T00:00:00Z", "steeping": 5}),
        "the part “visits” of this file holds something this site would not save, at “steeping”",
    ),
    # nonsense values
    (
        progress_file(quizzes={"water": {"best": 999, "total": 6}}),
        "the part “quizzes” of this file holds something this site would not save, at “water”",
    ),
    (
        progress_file(
            checks=[
                {
                    "date": "2026-01-01T00:00:00Z",
                    "results": [{"id": "rush", "title": "Rush", "band": "", "mean": 9}],
                }
            ]
        ),
        "the part “checks” of this file holds something this site would not save, at “1”",
    ),
    (
        progress_file(
            answers={"water/flat-water": {"hash": "44e49e05fdb5", "chosen": ["1", "2", "3"]}}
        ),
        "the part “answers” of this file holds something this site would not save, "
        "at “water/flat-water”",
    ),
    (
        progress_file(
            review={"water/flat-water": {"hash": "44e49e05fdb5", "step": 40, "due": "x"}}
        ),
        "the part “review” of this file holds something",
    ),
]


def test_a_bad_import_changes_nothing(page: Page, base: str) -> None:
    page.goto(base + "lessons/01-water/")
    before = saved(page)
    page.goto(base + "progress/")
    for content, message in BAD_FILES:
        page.locator(".lk-msg").evaluate("el => (el.textContent = '')")  # no stale message
        upload(page, content)
        expect(page.locator(".lk-msg")).to_contain_text(message)
        expect(page.locator(".lk-import-ask")).to_be_hidden()
        assert saved(page) == before, message
        expect(visited(page, "water")).to_have_text("Visited")


def test_an_answer_to_an_edited_question_is_only_checked_for_its_shape(
    page: Page, base: str
) -> None:
    # saved before the question changed: its fingerprint is another, so are its options
    old = {"water/flat-water": {"hash": "0123456789ab", "chosen": ["1", "5"]}}
    page.goto(base + "progress/")
    upload(page, progress_file(answers=old))
    page.get_by_role("button", name="Replace with the file").click()
    assert saved(page)["answers"] == old
    page.goto(base + "lessons/01-water/quiz/")
    expect(page.locator("#q-flat-water .lk-verdict")).to_have_count(0)
    assert saved(page)["answers"] == {}, "dropped once its question is seen"


def test_loading_asks_then_replaces_or_merges_and_can_be_undone(page: Page, base: str) -> None:
    here = a_note("Written today", "2026-05-01T10:00:00Z")
    page.goto(base + "progress/")
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, JSON.stringify(v))",
        [KEY, json.loads(progress_file(notes={NOTE_KEY: here}))],
    )
    page.reload()
    other = a_note("Another thought", "2026-01-01T10:00:00Z")
    older = progress_file(
        notes={NOTE_KEY: a_note("Written long ago", "2026-01-01T10:00:00Z"), "water/other": other},
        exported="2026-01-02T10:00:00Z",
    )

    # Cancel: nothing changes.
    upload(page, older)
    expect(page.locator(".lk-import-ask")).to_contain_text(
        "This file, saved on 2 Jan 2026, holds 2 notes."
    )
    expect(page.locator(".lk-import-ask")).to_contain_text("This browser holds 1 note.")
    page.get_by_role("button", name="Cancel").click()
    expect(page.locator(".lk-msg")).to_have_text("Nothing was loaded.")
    assert saved(page)["notes"] == {NOTE_KEY: here}

    # Merge: the newer of each note stays, and the file's other note joins it.
    upload(page, older)
    page.get_by_role("button", name="Merge, keeping the newer").click()
    expect(page.locator(".lk-msg")).to_have_text(
        "Your file was merged with what was kept here, keeping the newer version of each item."
    )
    assert saved(page)["notes"] == {NOTE_KEY: here, "water/other": other}
    expect(page.get_by_role("button", name="Undo")).to_be_focused()
    page.get_by_role("button", name="Undo").click()
    expect(page.locator(".lk-msg")).to_have_text(
        "Undone: what is kept here is as it was before you loaded the file."
    )
    assert saved(page)["notes"] == {NOTE_KEY: here}
    expect(page.get_by_role("button", name="Undo")).to_be_hidden()

    # Replace: the file's, older note and all; Undo brings today's back.
    upload(page, older)
    page.get_by_role("button", name="Replace with the file").click()
    assert saved(page)["notes"][NOTE_KEY]["text"] == "Written long ago"
    expect(page.locator("[data-lk-notes]")).to_contain_text("Written long ago")
    page.get_by_role("button", name="Undo").click()
    assert saved(page)["notes"] == {NOTE_KEY: here}
    expect(page.locator("[data-lk-notes]")).to_contain_text("Written today")


def test_a_large_file_the_site_could_export_is_accepted(
    page: Page, base: str, tmp_path: Path
) -> None:
    # Over 5 MB on disk: a long note written in a script of two-byte characters.
    big = a_note("é" * 2_700_000, "2026-01-01T10:00:00Z")
    content = progress_file(notes={NOTE_KEY: big})
    assert len(content) > 5_000_000
    file = tmp_path / "progress.json"  # given by path: the browser reads it from the disk
    file.write_bytes(content)
    kept = "([k, n]) => JSON.parse(localStorage.getItem(k) || '{}').notes?.[n]?.text.length"
    page.goto(base + "progress/")
    page.locator("#lk-import").set_input_files(file)
    expect(page.locator(".lk-import-ask")).to_contain_text("holds 1 note")
    assert page.evaluate(kept, [KEY, NOTE_KEY]) is None, "nothing changes until asked"
    page.get_by_role("button", name="Replace with the file").click()
    expect(page.locator(".lk-msg")).to_contain_text("Your file was loaded")
    assert page.evaluate(kept, [KEY, NOTE_KEY]) == len(big["text"])


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
