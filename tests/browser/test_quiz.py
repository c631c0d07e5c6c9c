"""Knowledge checks in a real browser: keyboard only, feedback, score, retry, saved answers."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import KEY, put, saved
from tests.support.browser import tab_to

pytestmark = pytest.mark.browser

WATER = "lessons/01-water/quiz/"
STEEPING = "lessons/02-steeping/quiz/"


def test_a_quiz_taken_with_the_keyboard_only(page: Page, base: str) -> None:
    page.goto(base + WATER)
    q1, q2 = page.locator("#q-flat-water"), page.locator("#q-fresh-only")

    tab_to(page, "#q-flat-water input")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "focus is visible"
    page.keyboard.press("Space")
    tab_to(page, "#q-flat-water .lk-check")
    page.keyboard.press("Enter")
    expect(q1.locator(".lk-verdict")).to_have_text("Right.")
    expect(page.locator(".lk-score")).to_have_text("Score: 1 of 2 right. 1 still to check.")

    # A wrong answer first: "True" for a statement that is false.
    tab_to(page, "#q-fresh-only input")
    page.keyboard.press("Space")
    expect(q2.get_by_label("True")).to_be_checked()
    tab_to(page, "#q-fresh-only .lk-check")
    page.keyboard.press("Enter")
    expect(q2.locator(".lk-verdict")).to_have_text("Not quite.")
    expect(q2.locator(".lk-fb")).to_have_text("Not right: Not quite. Reboiled water tastes flat.")
    expect(q2.locator(".lk-result .lk-explanation")).to_contain_text("Fresh water keeps its air")
    expect(page.locator(".lk-score")).to_have_text("Score: 1 of 2 right.")
    expect(page.locator(".lk-sr")).to_have_text(
        "Question 2: Not quite. Not quite. Reboiled water tastes flat. Score: 1 of 2 right."
    )

    # Retry, then the right answer: arrow keys move within the radio group.
    tab_to(page, "#q-fresh-only .lk-retry")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('#q-fresh-only input')")
    expect(q2.locator(".lk-verdict")).to_have_count(0)
    page.keyboard.press("ArrowDown")
    expect(q2.get_by_label("False")).to_be_checked()
    tab_to(page, "#q-fresh-only .lk-check")
    page.keyboard.press("Enter")
    expect(q2.locator(".lk-verdict")).to_have_text("Right.")
    expect(q2.locator(".lk-fb")).to_have_text("Right: Right. Reboiled water has lost its air.")
    expect(page.locator(".lk-score")).to_have_text("Score: 2 of 2 right.")
    expect(page.locator(".lk-sr")).to_have_text(
        "Question 2: Right. Right. Reboiled water has lost its air. Score: 2 of 2 right."
    )
    assert saved(page)["quizzes"]["water"]["best"] == 2


def test_each_chosen_option_explains_itself(page: Page, base: str) -> None:
    page.goto(base + STEEPING)
    q = page.locator("#q-steep-time")
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".lk-verdict")).to_have_text("Choose an answer first.")

    q.get_by_label("Two minutes for green tea.").check()
    q.get_by_label("Twenty minutes for any tea.").check()
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".lk-verdict")).to_have_text(
        "Not quite. You chose 1 of the 2 right answers and 1 that is not right."
    )
    feedback = q.locator(".lk-option .lk-fb")
    expect(feedback).to_have_count(2)
    expect(q.locator(".lk-option", has_text="Two minutes")).to_contain_text(
        "Right: Yes, green tea steeps quickly."
    )
    expect(q.locator(".lk-option", has_text="Twenty minutes")).to_contain_text(
        "Not right: That would be very bitter."
    )
    expect(q.locator(".lk-option", has_text="Three minutes")).not_to_contain_text("Yes")
    expect(q.locator(".lk-result")).to_contain_text("Green tea needs less time than black tea.")
    # Correctness is in words and a symbol, not colour alone.
    marks = q.locator(".lk-option[data-lk-state] .lk-fb strong")
    symbols = marks.evaluate_all("els => els.map(e => getComputedStyle(e, '::before').content)")
    assert all(("✓" in s or "✗" in s) for s in symbols), symbols

    # Changing an answer makes the old feedback stale; then all right.
    q.get_by_label("Twenty minutes for any tea.").uncheck()
    expect(feedback).to_have_count(0)
    q.get_by_label("Three minutes for black tea.").check()
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".lk-verdict")).to_have_text("Right.")
    expect(page.locator(".lk-score")).to_have_text("Score: 1 of 1 right.")


def test_start_again_clears_the_quiz(page: Page, base: str) -> None:
    page.goto(base + WATER)
    page.get_by_label("The water was too hot.").check()
    page.locator("#q-flat-water .lk-check").click()
    page.get_by_role("button", name="Start the quiz again").click()
    expect(page.locator(".lk-verdict")).to_have_count(0)
    expect(page.get_by_label("The water was too hot.")).not_to_be_checked()
    expect(page.locator(".lk-score")).to_have_text(
        "Check each question to see your score. Your best so far: 1 of 2."
    )
    assert saved(page)["answers"] == {}
    assert saved(page)["quizzes"]["water"]["best"] == 1, "the best score stays"


def test_a_reload_keeps_answers_and_score(page: Page, base: str) -> None:
    page.goto(base + WATER)
    page.get_by_label("The water was too hot.").check()
    page.locator("#q-flat-water .lk-check").click()
    page.reload()
    expect(page.get_by_label("The water was too hot.")).to_be_checked()
    expect(page.locator("#q-flat-water .lk-verdict")).to_have_text("Right.")
    expect(page.locator(".lk-score")).to_have_text("Score: 1 of 2 right. 1 still to check.")
    page.goto(base + "progress/")
    expect(page.locator('li[data-lk-quiz="water"]')).to_contain_text("Best quiz score: 1 of 2")


def test_an_edited_question_drops_its_stale_answer(page: Page, base: str) -> None:
    page.goto(base + WATER)
    fresh_hash = page.locator("#q-fresh-only").get_attribute("data-lk-hash")
    data = {
        "app": "lessonkit",
        "v": 1,
        "course": "tea-basics",
        "answers": {
            # saved when the question read differently: its hash no longer matches
            "water/flat-water": {"hash": "0123456789ab", "chosen": ["2"]},
            "water/fresh-only": {"hash": fresh_hash, "chosen": ["2"]},
        },
    }
    put(page, base, json.dumps(data))
    page.reload()
    expect(page.get_by_label("The cup was too small.")).not_to_be_checked()
    expect(page.locator("#q-flat-water .lk-verdict")).to_have_count(0)
    expect(page.get_by_label("False")).to_be_checked()
    expect(page.locator("#q-fresh-only .lk-verdict")).to_have_text("Right.")
    assert set(saved(page)["answers"]) == {"water/fresh-only"}


def test_options_shuffle_only_where_the_page_says(ctx, base: str) -> None:
    ctx.context.add_init_script("Math.random = () => 0")
    page = ctx.page()
    page.goto(base + STEEPING)
    order = page.locator("#q-steep-time .lk-option").evaluate_all(
        "els => els.map(e => e.dataset.lkOption)"
    )
    assert order == ["2", "3", "1"]  # Fisher-Yates with a random() that always says 0
    page.goto(base + WATER)
    order = page.locator("#q-flat-water .lk-option").evaluate_all(
        "els => els.map(e => e.dataset.lkOption)"
    )
    assert order == ["1", "2"]


def test_without_javascript_the_answers_can_be_revealed(browser, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + WATER)
        expect(page.get_by_role("button", name="Check")).to_have_count(0)
        expect(page.get_by_label("The water was too hot.")).to_be_visible()
        answer = page.locator("#q-flat-water details.lk-answer")
        expect(answer.locator(".lk-feedback")).not_to_be_visible()
        answer.locator("summary").click()
        expect(answer).to_contain_text("Right: The water was too hot. Yes.")
        expect(answer).to_contain_text("Not right: The cup was too small.")
        expect(answer).to_contain_text("Green tea wants water around 80 °C.")
        page.goto(base + "self-check/")
        expect(page.locator("[data-lk-results]")).to_be_hidden()
        expect(page.get_by_role("heading", name="Scoring it yourself")).to_be_visible()
        # what only the script drives is in every page, and shows only where scripts run
        page.goto(base + "progress/")
        expect(page.locator(".lk-data")).to_be_visible()
        for name in ("Download my data", "Erase everything", "Undo"):
            expect(page.get_by_role("button", name=name)).to_have_count(0)
        expect(page.locator("#lk-import")).to_be_hidden()
    finally:
        context.close()


def test_storage_key_is_one_versioned_key_for_the_course(page: Page, base: str) -> None:
    page.goto(base + "lessons/01-water/")
    page.goto(base + WATER)
    page.get_by_label("The water was too hot.").check()
    page.locator("#q-flat-water .lk-check").click()
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('lessonkit'))")
    assert keys == [KEY]
    data = saved(page)
    assert data["app"] == "lessonkit" and data["v"] == 1 and data["course"] == "tea-basics"
    assert "water" in data["visits"]
    assert data["answers"]["water/flat-water"]["chosen"] == ["1"]


def test_feedback_is_tied_to_its_option_and_the_live_region_says_why(page, base: str) -> None:
    page.goto(base + "lessons/01-water/quiz/")
    option = page.get_by_label("The water was too hot.")
    option.check()
    page.locator("#q-flat-water .lk-check").click()
    described = option.get_attribute("aria-describedby")
    assert described, "the chosen option is described by its feedback"
    feedback = page.locator(f"#{described.split()[-1]}")
    expect(feedback).to_contain_text("Right:")
    why = feedback.locator(".lk-why").inner_text()
    live = page.locator(".lk-sr")
    expect(live).to_contain_text("Question 1: Right.")
    expect(live).to_contain_text(why)
    page.locator("#q-flat-water .lk-retry").click()
    assert option.get_attribute("aria-describedby") is None, "cleared with the feedback"


def test_a_printed_quiz_page_shows_no_answer(page, base: str) -> None:
    page.goto(base + "lessons/01-water/quiz/")
    page.get_by_label("The water was too hot.").check()
    page.locator("#q-flat-water .lk-check").click()  # feedback on screen
    page.locator("#q-flat-water details.lk-answer").evaluate("d => (d.open = true)")
    page.emulate_media(media="print")  # and a browser opens every <details> to print
    expect(page.locator(".lk-question legend").first).to_be_visible()
    expect(page.locator("details.lk-answer").first).to_be_hidden()
    expect(page.locator(".lk-fb").first).to_be_hidden()
    expect(page.locator(".lk-result").first).to_be_hidden()
