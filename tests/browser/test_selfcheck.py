"""The self-check in a real browser: subscale means, reverse-scored items, bands, saving."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import saved

pytestmark = pytest.mark.browser

SCALE = ["Never", "Rarely", "Sometimes", "Often", "Always"]  # points 1..5


def answer(page: Page, item: str, label: str) -> None:
    page.locator(f"#item-{item}").get_by_label(label, exact=True).check()


def band(page: Page, subscale: str):
    return page.locator(f'[data-lk-subscale-result="{subscale}"] [data-lk-band]')


# rush-2 is reverse-scored: its points are 6 minus the answer.
@pytest.mark.parametrize(
    ("answers", "rushing", "water"),
    [
        ({"rush-1": "Always", "rush-2": "Never", "water-1": "Never"}, "Often.", "Rarely."),
        ({"rush-1": "Rarely", "rush-2": "Often", "water-1": "Often"}, "Rarely.", "Often."),
        # 2 and 6-3=3: a mean of 2.5 is the start of "Sometimes" (from is inclusive)
        ({"rush-1": "Rarely", "rush-2": "Sometimes", "water-1": "Rarely"}, "Sometimes.", "Rarely."),
        # 4 and 6-3=3: 3.5 is the start of "Often"; 5 is the top and belongs to the last band
        ({"rush-1": "Often", "rush-2": "Sometimes", "water-1": "Always"}, "Often.", "Often."),
        # 1 and 6-2=4: 2.5 again, reached through the reversed item
        (
            {"rush-1": "Never", "rush-2": "Rarely", "water-1": "Sometimes"},
            "Sometimes.",
            "Sometimes.",
        ),
    ],
)
def test_bands_for_known_answers(
    page: Page, base: str, answers: dict[str, str], rushing: str, water: str
) -> None:
    page.goto(base + "self-check/")
    expect(page.locator("[data-lk-results]")).to_be_hidden()
    for item, label in answers.items():
        answer(page, item, label)
    page.get_by_role("button", name="See my results").click()
    expect(page.locator("[data-lk-results]")).to_be_visible()
    expect(band(page, "rushing").locator("strong")).to_have_text(rushing)
    expect(band(page, "water-care").locator("strong")).to_have_text(water)
    expect(page.locator(".lk-results-intro")).to_be_focused()
    expect(page.locator(".lk-results-intro")).to_contain_text("not a diagnosis")
    expect(page.locator(".lk-sr")).to_contain_text("Here is what your answers suggest")
    expect(page.locator('[data-lk-subscale-result="rushing"]')).to_contain_text(
        "Lessons that may help: Steep, Then Wait"
    )


def test_incomplete_answers_score_only_what_was_answered(page: Page, base: str) -> None:
    page.goto(base + "self-check/")
    expect(page.locator(".lk-note")).to_contain_text("You can stop at any time")
    answer(page, "rush-1", "Often")
    page.get_by_role("button", name="See my results").click()
    expect(band(page, "rushing")).to_contain_text("Often.")
    expect(band(page, "rushing")).to_contain_text("from 1 of 2 statements")
    expect(band(page, "water-care")).to_have_text(
        "Not scored: the statements in this group were left blank."
    )
    expect(page.locator(".lk-results-intro")).to_contain_text(
        "Not every statement was answered in: Rushing the brew, Care with water."
    )
    # The results follow later changes.
    answer(page, "water-1", "Always")
    expect(band(page, "water-care").locator("strong")).to_have_text("Often.")


def test_nothing_answered_says_so_without_pressure(page: Page, base: str) -> None:
    page.goto(base + "self-check/")
    page.get_by_role("button", name="See my results").click()
    expect(page.locator(".lk-results-intro")).to_have_text(
        "Answer at least one statement to see a result. You can leave any of them blank."
    )
    expect(page.get_by_role("button", name="Save this result on this device")).to_be_hidden()


def test_answers_are_never_coloured_right_or_wrong(page: Page, base: str) -> None:
    page.goto(base + "self-check/")
    answer(page, "rush-1", "Always")
    answer(page, "water-1", "Never")
    page.get_by_role("button", name="See my results").click()
    expect(page.locator(".lk-selfcheck [data-lk-state]")).to_have_count(0)
    colours = page.locator(".lk-selfcheck .lk-point label").evaluate_all(
        "els => [...new Set(els.map(e => getComputedStyle(e).color))]"
    )
    assert len(colours) == 1, colours


def test_saved_results_build_a_history_to_compare(page: Page, base: str) -> None:
    page.goto(base + "self-check/")
    answer(page, "rush-1", "Always")
    answer(page, "rush-2", "Never")
    page.get_by_role("button", name="See my results").click()
    page.get_by_role("button", name="Save this result on this device").click()
    expect(page.locator(".lk-results .lk-saved")).to_contain_text("Saved on this device, dated")

    page.reload()
    answer(page, "rush-1", "Rarely")
    answer(page, "water-1", "Sometimes")
    page.get_by_role("button", name="See my results").click()
    page.get_by_role("button", name="Save this result on this device").click()

    checks = saved(page)["checks"]
    assert [r["band"] for r in checks[0]["results"]] == ["Often", ""]
    assert checks[0]["results"][0]["mean"] == 5
    assert checks[0]["results"][1]["mean"] is None
    assert [r["band"] for r in checks[1]["results"]] == ["Rarely", "Sometimes"]

    page.get_by_role("link", name="your progress page").click()
    history = page.locator("[data-lk-history] ol > li")
    expect(history).to_have_count(2)
    expect(history.first).to_contain_text("Rushing the brew: Rarely (average 2, 1 of 2 statements)")
    expect(history.first).to_contain_text("Care with water: Sometimes (average 3)")
    expect(history.last).to_contain_text("Rushing the brew: Often (average 5)")
    expect(history.last).to_contain_text("Care with water: not answered")
    expect(page.locator("[data-lk-history]")).to_contain_text("Take the self-check")


def test_on_a_phone_the_scale_is_one_column_and_the_whole_point_answers(browser, base: str) -> None:
    from tests.browser.conftest import open_context

    with open_context(browser, base, viewport={"width": 390, "height": 800}) as ctx:
        page = ctx.page()
        page.goto(base + "self-check/")
        points = page.locator("#item-rush-1 .lk-point")
        tops = [points.nth(i).bounding_box()["y"] for i in range(points.count())]
        assert tops == sorted(tops) and len(set(tops)) == len(tops), "one under the other"
        box = points.nth(4).bounding_box()
        page.mouse.click(box["x"] + box["width"] - 6, box["y"] + box["height"] / 2)  # not the word
        assert page.locator("#item-rush-1 input").nth(4).is_checked()
