"""A save that fails is never silent: storage that is full (another site on the same address
used it up) or refused says so where the learner is looking, says why, and offers what is
not saved as a file."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# localStorage.setItem refusing as a browser does when the origin's quota is used up, or
# when it will not keep data for the site: reading still works, writing throws.
REFUSE = """(name) => {
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function () { throw new DOMException("refused", name); };
  window.__restoreStorage = () => (Storage.prototype.setItem = original);
}"""


@pytest.mark.parametrize(
    ("error", "beside", "notice"),
    [
        (
            "QuotaExceededError",
            "Not saved: this browser's storage for this site is full.",
            "storage for this site is full, so what you just did was not saved",
        ),
        (
            "SecurityError",
            "Not saved: this browser is not keeping data for this site.",
            "not keeping data for this site, so what you just did was not saved",
        ),
    ],
)
def test_a_quiz_answer_that_cannot_be_saved_says_so_and_why(
    ctx, base: str, error: str, beside: str, notice: str
) -> None:
    ctx.context.add_init_script(f"({REFUSE})({json.dumps(error)})")
    page = ctx.page()
    page.goto(base + "lessons/01-water/quiz/")
    page.get_by_label("The water was too hot.").check()
    page.locator("#q-flat-water .lk-check").click()
    question = page.locator("#q-flat-water")
    expect(question.locator(".lk-verdict")).to_have_text("Right.")
    expect(question.locator(".lk-save-failed")).to_have_text(beside)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(notice)
    expect(alert).to_have_count(1)
    with page.expect_download() as download:
        alert.get_by_role("button", name="Download my data").click()
    with open(download.value.path(), encoding="utf-8") as file:
        kept = json.load(file)
    assert [a["chosen"] for a in kept["answers"].values()] == [["1"]], "what was not saved"
    # a second failure on the same page adds no second alert
    page.locator("#q-fresh-only input").first.check()
    page.locator("#q-fresh-only .lk-check").click()
    expect(page.get_by_role("alert")).to_have_count(1)


def test_a_note_that_cannot_be_saved_says_the_storage_is_full(ctx, base: str) -> None:
    ctx.context.add_init_script(f"({REFUSE})('QuotaExceededError')")
    page = ctx.page()
    page.goto(base + "lessons/01-water/")
    page.locator(".lk-reflection textarea").first.fill("A thought worth keeping")
    expect(page.locator(".lk-reflection .lk-saved").first).to_have_text(
        "Not saved: this browser's storage for this site is full."
    )
    expect(page.get_by_role("alert")).to_contain_text("Download a copy of your data")


def test_without_javascript_note_boxes_promise_nothing(browser, base: str) -> None:
    from tests.browser.conftest import open_context

    with open_context(browser, base, java_script_enabled=False) as ctx:
        page = ctx.page()
        page.goto(base + "lessons/01-water/")
        reflect = page.locator("#reflect ~ p").first
        assert reflect.inner_text().strip() == "Take a moment with this question.", "no promise"
        expect(page.locator(".lk-no-js")).to_have_text(
            "Notes need JavaScript, which is turned off in this browser: "
            "what you type in these boxes is not kept."
        )
    with open_context(browser, base) as ctx:
        page = ctx.page()
        page.goto(base + "lessons/01-water/")
        expect(page.locator("[data-lk-with-js]")).to_have_text(
            "Your notes are saved on this device only."
        )
        expect(page.locator("[data-lk-with-js]")).to_be_visible()
        expect(page.locator(".lk-no-js")).to_have_count(0)
