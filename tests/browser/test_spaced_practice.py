"""Spaced practice in a real browser, on a controlled clock: a question answered wrong comes
back the next day and not before; right answers send it 1, 3, 7 and 21 days out, then it is
learned; a wrong answer starts it over; "sure but wrong" comes first, a lucky guess does not
count; an edited question drops out; the home and progress pages say what is due; the page
works by keyboard, passes axe in both schemes, and says what it needs without JavaScript.

The fixture course asks "how sure are you?" (course.yml: confidence). Its quizzes: "water"
(flat-water, single; fresh-only, true/false), "steeping" (steep-time, multiple) and "review".
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import KEY, saved
from tests.support.a11y import STILL, assert_accessible
from tests.support.browser import Watched, open_context, tab_to

pytestmark = pytest.mark.browser

WATER = "lessons/01-water/quiz/"
STEEPING = "lessons/02-steeping/quiz/"
DAY_ONE = dt.datetime(2026, 3, 2, 9, 30)  # a Monday morning, the reader's local time


def on_day(ctx: Watched, n: int, hour: int = 9) -> None:
    """The reader's clock on day n (1 is DAY_ONE), for every page opened from now on."""
    when = DAY_ONE + dt.timedelta(days=n - 1)
    ctx.context.clock.set_fixed_time(when.replace(hour=hour))


def iso(n: int) -> str:
    return (DAY_ONE + dt.timedelta(days=n - 1)).date().isoformat()


def answer(question: Locator, *labels: str, sure: str | None = None) -> None:
    """Tick the options named, say how sure (or not), and check."""
    for label in labels:
        question.get_by_label(label, exact=True).check()
    if sure:
        question.locator(".lk-sure").get_by_label(sure, exact=True).check()
    question.locator(".lk-check").click()
    expect(question.locator(".lk-verdict")).to_be_visible()


def schedule(page: Page) -> dict:
    return (saved(page) or {}).get("review", {})


# A wrong answer to each question, and the quiz page it is on.
WRONG = {
    "flat-water": (WATER, "The cup was too small."),
    "fresh-only": (WATER, "True"),
    "steep-time": (STEEPING, "Twenty minutes for any tea."),
}


def miss(page: Page, base: str, *questions: str, sure: str | None = None) -> None:
    """Answer the questions wrong on their quiz pages, as sure as said."""
    for q in questions:
        quiz, wrong = WRONG[q]
        if not page.url.endswith(quiz):
            page.goto(base + quiz)
        answer(page.locator(f"#q-{q}"), wrong, sure=sure)


@pytest.fixture
def clocked(browser, base: str):
    with open_context(browser, base, **STILL) as ctx:
        on_day(ctx, 1)
        yield ctx


def test_a_missed_question_comes_back_the_next_day_then_further_out(
    clocked: Watched, base: str
) -> None:
    ctx = clocked
    page = ctx.page()
    miss(page, base, "flat-water")
    entry = schedule(page)["water/flat-water"]
    assert (entry["step"], entry["due"]) == (0, iso(2))

    # Not before it is due: the same evening, nothing.
    on_day(ctx, 1, hour=23)
    page.goto(base + "practice/")
    expect(page.locator(".lk-practice-status")).to_have_text(
        "Nothing is due today. The next question comes back on 3 Mar 2026."
    )
    expect(page.locator(".lk-practice fieldset")).to_have_count(0)
    page.goto(base)
    expect(page.locator(".lk-due")).to_be_hidden()

    # The next day the home page says so, gently, and links to it.
    on_day(ctx, 2)
    page.goto(base)
    expect(page.locator(".lk-due")).to_have_text("1 question is ready for practice. Practise now")
    page.get_by_role("link", name="Practise now").click()
    expect(page).to_have_url(base + "practice/")
    question = page.locator(".lk-practice fieldset.lk-question")
    expect(question).to_have_count(1)
    expect(question.locator(":scope > legend")).to_contain_text("Question 1. Ana's green tea")
    expect(question.locator(".lk-from")).to_have_text("From Lesson 1. Start With the Water")
    expect(page.locator(".lk-practice-status")).to_have_text(
        "1 question is ready for practice. 1 question left for today."
    )

    # Right: one day, then 3, 7 and 21, then learned.
    expected = [(2, 1, "This question comes back tomorrow.")]
    expected += [(3, 2, "This question comes back in 3 days, on 7 Mar 2026.")]
    expected += [(6, 3, "This question comes back in 7 days, on 14 Mar 2026.")]
    expected += [(13, 4, "This question comes back in 21 days, on 4 Apr 2026.")]
    expected += [
        (34, 5, "You have answered this one right over several days: it will not come back.")
    ]
    for day, step, said in expected:
        on_day(ctx, day)
        page.goto(base + "practice/")
        question = page.locator("#p-water-flat-water")
        answer(question, "The water was too hot.")
        expect(question.locator(".lk-verdict")).to_have_text("Right.")
        expect(question.locator(".lk-back")).to_have_text(said)
        expect(page.locator(".lk-sr")).to_contain_text(said)
        expect(page.locator(".lk-practice-status")).to_have_text(
            "That is all for today. The next questions come back when they are due."
        )
        assert schedule(page)["water/flat-water"]["step"] == step
        # and not the day before its next time
        if step < 5:
            due = schedule(page)["water/flat-water"]["due"]
            before = (dt.date.fromisoformat(due) - DAY_ONE.date()).days  # day number - 1
            on_day(ctx, before)
            page.goto(base + "practice/")
            expect(page.locator(".lk-practice fieldset")).to_have_count(0)
    expect(page.locator(".lk-practice-status")).to_contain_text("That is all for today.")
    on_day(ctx, 200)
    page.goto(base + "practice/")
    expect(page.locator(".lk-practice-status")).to_contain_text(
        "Every question you have practised is learned"
    )


def test_a_wrong_answer_starts_it_over(clocked: Watched, base: str) -> None:
    ctx = clocked
    page = ctx.page()
    page.goto(base + WATER)
    answer(page.locator("#q-flat-water"), "The water was too hot.")  # right: back in a day
    assert schedule(page)["water/flat-water"]["due"] == iso(2)
    # answering again before it is due changes nothing: that is not spacing
    page.locator("#q-flat-water .lk-retry").click()
    answer(page.locator("#q-flat-water"), "The water was too hot.")
    assert schedule(page)["water/flat-water"]["step"] == 1
    on_day(ctx, 2)
    page.goto(base + "practice/")
    answer(page.locator("#p-water-flat-water"), "The water was too hot.")
    assert schedule(page)["water/flat-water"]["due"] == iso(5)
    on_day(ctx, 5)
    page.goto(base + "practice/")
    question = page.locator("#p-water-flat-water")
    answer(question, "The cup was too small.")
    expect(question.locator(".lk-verdict")).to_have_text("Not quite.")
    expect(question.locator(".lk-back")).to_have_text("This question comes back tomorrow.")
    entry = schedule(page)["water/flat-water"]
    assert (entry["step"], entry["due"]) == (0, iso(6))


def test_sure_but_wrong_comes_first_and_lessons_are_mixed(clocked: Watched, base: str) -> None:
    ctx = clocked
    page = ctx.page()
    miss(page, base, "flat-water", "fresh-only")
    miss(page, base, "steep-time", sure="Sure")
    assert schedule(page)["steeping/steep-time"]["sure"] is True
    on_day(ctx, 2)
    page.goto(base + "practice/")
    shown = page.locator(".lk-practice fieldset.lk-question")
    expect(shown).to_have_count(3)
    first = shown.nth(0)
    expect(first).to_have_id("p-steeping-steep-time")
    expect(first.locator(".lk-sure-note")).to_have_text(
        "Last time you felt sure of this one, and it was not right. Take it slowly."
    )
    ids = [shown.nth(i).get_attribute("id") for i in range(3)]
    assert sorted(ids[1:]) == ["p-water-flat-water", "p-water-fresh-only"]


def test_lessons_are_never_grouped(clocked: Watched, base: str) -> None:
    ctx = clocked
    page = ctx.page()
    miss(page, base, "flat-water", "fresh-only", "steep-time")
    on_day(ctx, 2)
    page.goto(base + "practice/")
    shown = page.locator(".lk-practice fieldset.lk-question")
    expect(shown).to_have_count(3)
    froms = [shown.nth(i).get_attribute("data-lk-from") for i in range(3)]
    assert froms == ["water", "steeping", "water"], "the lesson with more questions is spread out"


def test_a_lucky_guess_is_not_counted_as_learned(clocked: Watched, base: str) -> None:
    ctx = clocked
    page = ctx.page()
    page.goto(base + WATER)
    answer(page.locator("#q-flat-water"), "The water was too hot.", sure="Guessing")
    entry = schedule(page)["water/flat-water"]
    assert (entry["step"], entry["due"]) == (0, iso(2))
    on_day(ctx, 2)
    page.goto(base + "practice/")
    question = page.locator("#p-water-flat-water")
    answer(question, "The water was too hot.", sure="Guessing")
    expect(question.locator(".lk-back")).to_have_text(
        "You were guessing, so this question comes back tomorrow, to be sure."
    )
    on_day(ctx, 3)
    page.goto(base + "practice/")
    answer(page.locator("#p-water-flat-water"), "The water was too hot.", sure="Sure")
    assert schedule(page)["water/flat-water"]["step"] == 1
    # saying how sure is a choice of its own: changing it leaves the verdict standing
    question = page.locator("#p-water-flat-water")
    question.locator(".lk-sure").get_by_label("Fairly sure", exact=True).check()
    expect(question.locator(".lk-verdict")).to_have_text("Right.")


def test_an_edited_question_drops_out(clocked: Watched, base: str) -> None:
    ctx = clocked
    page = ctx.page()
    page.goto(base + "support/")
    old = {"hash": "0123456789ab", "step": 0, "due": iso(1), "last": "2026-03-01T09:00:00Z"}
    data = {"app": "lessonkit", "v": 1, "course": "tea-basics", "review": {"water/flat-water": old}}
    page.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [KEY, data])
    page.goto(base)
    expect(page.locator(".lk-due")).to_be_hidden()
    page.goto(base + "practice/")
    expect(page.locator(".lk-practice-status")).to_have_text(
        "Nothing to practise yet. When you answer the knowledge check at the end of a lesson, "
        "its questions come back here over the following days."
    )
    assert schedule(page) == {}


def test_a_course_update_that_removes_a_question_leaves_the_rest(
    clocked: Watched, base: str
) -> None:
    ctx = clocked
    page = ctx.page()
    miss(page, base, "flat-water")
    gone = {"hash": "0123456789ab", "step": 0, "due": iso(1), "last": "2026-03-01T09:00:00Z"}
    page.evaluate(
        "([k, key, entry]) => { const d = JSON.parse(localStorage.getItem(k)); "
        "d.review[key] = entry; localStorage.setItem(k, JSON.stringify(d)); }",
        [KEY, "water/a-question-since-removed", gone],
    )
    on_day(ctx, 2)
    page.goto(base)
    expect(page.locator(".lk-due")).to_have_text("1 question is ready for practice. Practise now")
    page.goto(base + "practice/")
    expect(page.locator(".lk-practice fieldset.lk-question")).to_have_count(1)
    assert "water/a-question-since-removed" in schedule(page), "kept, in case it comes back"


def test_the_progress_page_counts_what_is_due_and_an_import_keeps_it(
    clocked: Watched, base: str, tmp_path
) -> None:
    ctx = clocked
    page = ctx.page()
    miss(page, base, "flat-water", "fresh-only")
    on_day(ctx, 2)
    page.goto(base + "progress/")
    expect(page.locator(".lk-due")).to_have_text("2 questions are ready for practice. Practise now")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my data").click()
    file = tmp_path / "progress.json"
    info.value.save_as(file)
    assert set(json.loads(file.read_text())["review"]) == {"water/flat-water", "water/fresh-only"}
    page.get_by_role("button", name="Erase everything").click()
    page.get_by_role("button", name="Yes, erase everything").click()
    expect(page.locator(".lk-due")).to_be_hidden()
    page.locator("#lk-import").set_input_files(str(file))
    expect(page.locator(".lk-import-ask")).to_contain_text("2 questions in practice")
    page.get_by_role("button", name="Replace with the file").click()
    expect(page.locator(".lk-due")).to_have_text("2 questions are ready for practice. Practise now")


def test_practice_by_keyboard_alone(clocked: Watched, base: str) -> None:
    ctx = clocked
    page = ctx.page()
    miss(page, base, "fresh-only")
    on_day(ctx, 2)
    page.goto(base + "practice/")
    tab_to(page, "#p-water-fresh-only .lk-options input")
    page.keyboard.press("ArrowDown")  # to "False", which is right
    expect(page.locator("#p-water-fresh-only").get_by_label("False")).to_be_checked()
    tab_to(page, "#p-water-fresh-only .lk-sure input")
    page.keyboard.press("Space")
    expect(
        page.locator("#p-water-fresh-only .lk-sure").get_by_label("Sure", exact=True)
    ).to_be_checked()
    tab_to(page, "#p-water-fresh-only .lk-check")
    page.keyboard.press("Enter")
    expect(page.locator("#p-water-fresh-only .lk-verdict")).to_have_text("Right.")
    expect(page.locator(".lk-sr")).to_have_text(
        "Question 1: Right. Right. Reboiled water has lost its air. "
        "This question comes back tomorrow. "
        "That is all for today. The next questions come back when they are due."
    )


def test_axe_finds_nothing_on_the_practice_page(clocked: Watched, base: str) -> None:
    ctx = clocked
    page = ctx.page()
    page.goto(base + "practice/")  # nothing yet
    assert_accessible(page)
    miss(page, base, "flat-water", sure="Sure")
    miss(page, base, "fresh-only")
    on_day(ctx, 2)
    page.goto(base)
    expect(page.locator(".lk-due")).to_be_visible()
    assert_accessible(page)
    page.goto(base + "practice/")
    expect(page.locator(".lk-practice fieldset.lk-question")).to_have_count(2)
    assert_accessible(page)
    answer(page.locator("#p-water-flat-water"), "The cup was too small.", sure="Fairly sure")
    answer(page.locator("#p-water-fresh-only"), "False")
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_without_javascript_the_page_says_what_it_needs(browser, base: str) -> None:
    with open_context(browser, base, java_script_enabled=False) as ctx:
        page = ctx.page()
        page.goto(base + "practice/")
        expect(page.locator(".lk-no-js")).to_have_text(
            "Practice needs JavaScript, which keeps track in this browser of when each question "
            "is due. Without it, the knowledge check at the end of each lesson still works."
        )
        expect(page.locator(".lk-practice fieldset").first).to_be_hidden()
        expect(page.locator(".lk-practice-status")).to_be_hidden()
        page.goto(base)
        expect(page.locator(".lk-due")).to_be_hidden()


def test_practice_works_through_instant_navigation(clocked: Watched, base: str) -> None:
    ctx = clocked
    page = ctx.page()
    miss(page, base, "flat-water")
    on_day(ctx, 2)
    page.goto(base)
    page.get_by_role("link", name="Practise now").click()
    answer(page.locator("#p-water-flat-water"), "The water was too hot.")
    expect(page.locator("#p-water-flat-water .lk-back")).to_have_text(
        "This question comes back tomorrow."
    )
    page.go_back()
    expect(page.locator(".lk-due")).to_be_hidden()
