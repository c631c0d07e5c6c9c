"""The script's own shape: each widget starts on its own, so one that cannot start leaves the
rest of the page working; question types come from a table; a page can translate the texts."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Watched, saved

pytestmark = pytest.mark.browser

WATER = "lessons/01-water/quiz/"


def rewrite(page: Page, path: str, edit: Callable[[str], str]) -> None:
    """Serve the page at path with its HTML passed through edit."""

    def handle(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=edit(response.text()))

    page.route(f"**/{path}", handle)


def tag(element_id: str, edit: Callable[[str], str]) -> Callable[[str], str]:
    """An edit of the HTML that passes the start tag of the element with this id through edit."""

    def apply(html: str) -> str:
        at = html.index(f'id="{element_id}"')
        start, end = html.rindex("<", 0, at), html.index(">", at) + 1
        return html[:start] + edit(html[start:end]) + html[end:]

    return apply


def test_a_question_that_cannot_start_leaves_the_others_working(ctx: Watched, base: str) -> None:
    # The first question is shuffled and its second option lost its input: its setup moves the
    # options, then throws. It must be put back as it was, the error logged, and nothing else hurt.
    ctx.context.add_init_script("Math.random = () => 0")
    page = ctx.page()
    shuffled = tag("q-flat-water", lambda t: t.replace(">", " data-lk-shuffle>"))
    no_input = tag("q-flat-water-2", lambda t: "")
    rewrite(page, WATER, lambda html: no_input(shuffled(html)))
    with page.expect_console_message(lambda m: m.type == "error") as message:
        page.goto(base + WATER)
    assert "#q-flat-water" in message.value.text
    broken, other = page.locator("#q-flat-water"), page.locator("#q-fresh-only")

    # The broken question is as it is without JavaScript: no buttons, options in their order,
    # and the answer still revealable.
    expect(other.locator(".lk-check")).to_have_count(1)
    expect(broken.locator(".lk-actions, .lk-result")).to_have_count(0)
    order = broken.locator(".lk-option").evaluate_all("els => els.map(e => e.dataset.lkOption)")
    assert order == ["1", "2"]
    broken.locator("details.lk-answer summary").click()
    expect(broken.locator(".lk-feedback")).to_contain_text("Right: The water was too hot.")

    # The other question checks, scores and saves; the quiz still has two questions.
    other.get_by_label("False").check()
    other.locator(".lk-check").click()
    expect(other.locator(".lk-verdict")).to_have_text("Right.")
    expect(page.locator(".lk-score")).to_have_text("Score: 1 of 2 right.")
    expect(page.locator(".lk-sr")).to_have_text(
        "Question 2: Right. Right. Reboiled water has lost its air. Score: 1 of 2 right."
    )
    data = saved(page)
    assert list(data["answers"]) == ["water/fresh-only"]
    kept = data["answers"]["water/fresh-only"]
    assert (kept["hash"], kept["chosen"]) == (other.get_attribute("data-lk-hash"), ["2"])
    assert {k: data["quizzes"]["water"][k] for k in ("best", "total")} == {"best": 1, "total": 2}
    other.get_by_role("button", name="Try again").click()
    expect(other.locator(".lk-verdict")).to_have_count(0)
    assert saved(page)["answers"] == {}
    assert ctx.errors == [message.value.text], "exactly the one error, logged once"
    ctx.errors.clear()


def test_a_question_of_a_type_the_script_does_not_know_is_left_alone(
    ctx: Watched, base: str
) -> None:
    page = ctx.page()
    essay = tag(
        "q-flat-water", lambda t: t.replace('data-lk-type="single"', 'data-lk-type="essay"')
    )
    rewrite(page, WATER, essay)
    page.goto(base + WATER)
    other = page.locator("#q-fresh-only")
    expect(other.locator(".lk-check")).to_have_count(1)
    expect(page.locator("#q-flat-water .lk-check")).to_have_count(0)
    other.get_by_label("False").check()
    other.locator(".lk-check").click()
    expect(page.locator(".lk-score")).to_have_text("Score: 1 of 2 right.")
    page.locator("#q-flat-water details.lk-answer summary").click()
    expect(page.locator("#q-flat-water .lk-feedback")).to_be_visible()
    # ctx checks when the test ends that no error was logged


def with_strings(table: str, lang: str = "en-GB") -> Callable[[str], str]:
    block = f'<script type="application/json" id="lk-strings">{table}</script>'
    return lambda html: html.replace('lang="en-GB"', f'lang="{lang}"', 1).replace(
        "</head>", block + "</head>", 1
    )


def test_the_page_can_give_its_own_strings(page: Page, base: str) -> None:
    table = {
        "notQuite": "Pas tout à fait.",
        # plural forms by the page's language: in French 0 and 1 are both "one"
        "score": {"one": "{right} point sur {total}.", "other": "{right} points sur {total}."},
        "stillToCheck": {"by": "left", "one": "Encore {left} question.", "other": "Encore {left}."},
        "right": 5,  # not text: the built-in one stays
        "noSuchKey": "ignored",
    }
    rewrite(page, WATER, with_strings(json.dumps(table), lang="fr"))
    page.goto(base + WATER)
    # (the buttons' own words are in the page as built: tests/test_i18n_build.py)
    q1, q2 = page.locator("#q-flat-water"), page.locator("#q-fresh-only")
    q1.get_by_label("The cup was too small.").check()
    q1.get_by_role("button", name="Check").click()
    expect(q1.locator(".lk-verdict")).to_have_text("Pas tout à fait.")
    expect(page.locator(".lk-score")).to_have_text("0 point sur 2. Encore 1 question.")
    q2.get_by_label("False").check()
    q2.get_by_role("button", name="Check").click()
    expect(page.locator(".lk-score")).to_have_text("1 point sur 2.")
    q1.get_by_role("button", name="Try again").click()
    q1.get_by_label("The water was too hot.").check()
    q1.get_by_role("button", name="Check").click()
    expect(page.locator(".lk-score")).to_have_text("2 points sur 2.")


@pytest.mark.parametrize("block", ["{not json", '["a list"]', "null"])
def test_a_strings_block_that_is_not_a_table_changes_nothing(
    page: Page, base: str, block: str
) -> None:
    rewrite(page, WATER, with_strings(block))
    page.goto(base + WATER)
    expect(page.get_by_role("button", name="Check")).to_have_count(2)
    page.get_by_label("The water was too hot.").check()
    page.locator("#q-flat-water .lk-check").click()
    expect(page.locator(".lk-score")).to_have_text("Score: 1 of 2 right. 1 still to check.")
