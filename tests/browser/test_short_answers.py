"""Short answers and exercises in a real browser, on the technical fixture course: typed answers
checked by keyboard alone, forgiven their case and accents, saved and restored; hints one at a
time; everything revealable without JavaScript; and the script's normalisation the same as the
checker's, case by case."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from lessonkit import model as m
from lessonkit.problems import Where
from lessonkit.questions import question_type
from lessonkit.questions.short_answer import normalise
from lessonkit.render import environment
from tests.browser.conftest import open_context
from tests.support.a11y import STILL, violations
from tests.support.browser import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KEY = "lessonkit:shell-first-steps:v1"
QUIZ = "lessons/02-practice/quiz/"
LESSON = "lessons/02-practice/"


@pytest.fixture
def base(tech_base: str) -> str:
    return tech_base  # the `ctx` and `page` of conftest.py open this course


def saved(page: Page) -> dict | None:
    raw = page.evaluate("k => localStorage.getItem(k)", KEY)
    return None if raw is None else json.loads(raw)


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement.matches(s)", selector)


def test_a_short_answer_by_keyboard_alone(page: Page, tech_base: str) -> None:
    page.goto(tech_base + QUIZ)
    q1, q2 = page.locator("#q-which-command"), page.locator("#q-user-name")
    live = page.locator(".lk-sr")

    # The text box is labelled and described by the hint under it.
    box = q1.get_by_label("Your answer")
    expect(box).to_have_attribute("type", "text")
    described = box.get_attribute("aria-describedby").split()
    assert "q-which-command-how" in described
    expect(page.locator("#q-which-command-how")).to_have_text(
        "Capital letters, accents and extra spaces do not matter."
    )

    # Enter with nothing typed asks for an answer.
    tab_to(page, "#q-which-command input")
    page.keyboard.press("Enter")
    expect(q1.locator(".lk-verdict")).to_have_text("Type an answer first.")
    expect(live).to_have_text("Question 1: type an answer first.")

    # A wrong answer says so, with the author's feedback tied to the box.
    page.keyboard.type("ls")
    page.keyboard.press("Enter")
    expect(q1.locator(".lk-verdict")).to_have_text("Not quite.")
    expect(q1.locator(".lk-said")).to_have_text(
        "Not right: Not that one. Look again at the first section."
    )
    assert q1.locator(".lk-said").get_attribute("id") in box.get_attribute("aria-describedby")
    expect(live).to_have_text(
        "Question 1: Not quite. Not that one. Look again at the first section. "
        "Score: 0 of 2 right. 1 still to check."
    )
    assert saved(page)["answers"]["practice/which-command"]["chosen"] == ["ls"]

    # Try again empties the box and puts the focus back in it.
    tab_to(page, "#q-which-command .lk-retry")
    page.keyboard.press("Enter")
    assert focused(page, "#q-which-command input")
    expect(box).to_have_value("")
    expect(q1.locator(".lk-verdict")).to_have_count(0)
    assert "practice/which-command" not in saved(page)["answers"]

    # Case and spaces are forgiven; Check by keyboard works as well as Enter.
    page.keyboard.type("  PWD ")
    tab_to(page, "#q-which-command .lk-check")
    page.keyboard.press("Enter")
    expect(q1.locator(".lk-verdict")).to_have_text("Right.")
    expect(q1.locator(".lk-said")).to_have_text(
        'Right: Yes. It stands for "print working directory".'
    )
    expect(live).to_have_text(
        'Question 1: Right. Yes. It stands for "print working directory". '
        "Score: 1 of 2 right. 1 still to check."
    )

    # Accents and case are forgiven: "zoë" is accepted as "Zoe". No feedback was written for
    # this question, so the verdict and the explanation speak alone.
    tab_to(page, "#q-user-name input")
    page.keyboard.type("Zoe")
    page.keyboard.press("Enter")
    expect(q2.locator(".lk-verdict")).to_have_text("Right.")
    expect(q2.locator(".lk-said")).to_be_hidden()
    expect(q2.locator(".lk-result")).to_contain_text("what comes before the @")
    expect(live).to_have_text("Question 2: Right. Score: 2 of 2 right.")

    # Leaving the box after Enter keeps the verdict (a text box fires "change" on blur).
    page.keyboard.press("Tab")
    expect(q2.locator(".lk-verdict")).to_have_text("Right.")

    data = saved(page)
    kept = data["answers"]["practice/user-name"]
    assert (kept["hash"], kept["chosen"]) == (q2.get_attribute("data-lk-hash"), ["Zoe"])
    assert data["quizzes"]["practice"]["best"] == 2

    # A reload restores what was typed, and the verdicts.
    page.reload()
    expect(q1.get_by_label("Your answer")).to_have_value("  PWD ")
    expect(q2.get_by_label("Your answer")).to_have_value("Zoe")
    expect(q1.locator(".lk-verdict")).to_have_text("Right.")
    expect(q2.locator(".lk-verdict")).to_have_text("Right.")
    expect(page.locator(".lk-score")).to_have_text("Score: 2 of 2 right.")

    # Typing again makes the verdict stale, and the saved answer goes with it.
    q2.get_by_label("Your answer").press("End")
    q2.get_by_label("Your answer").press("x")
    expect(q2.locator(".lk-verdict")).to_have_count(0)
    assert "practice/user-name" not in saved(page)["answers"]
    q2.get_by_label("Your answer").press("Enter")
    expect(q2.locator(".lk-verdict")).to_have_text("Not quite.")


def test_exercise_hints_come_one_at_a_time(page: Page, tech_base: str) -> None:
    page.goto(tech_base + LESSON)
    first = page.locator('[data-lk-exercise="practice/find-home"]')
    second = page.locator('[data-lk-exercise="practice/hidden-files"]')
    hints = first.locator(".lk-hint-shown")
    expect(hints).to_have_count(2)
    expect(hints.nth(0)).to_be_hidden()
    expect(hints.nth(1)).to_be_hidden()
    expect(first.locator("details.lk-hint-box")).to_have_count(0)
    expect(second.get_by_role("button")).to_have_count(0)  # it has no hints

    tab_to(page, '[data-lk-exercise="practice/find-home"] .lk-more')
    expect(page.locator(":focus")).to_have_text("Show a hint")
    page.keyboard.press("Enter")
    expect(hints.nth(0)).to_be_visible()
    expect(hints.nth(0)).to_have_text("Hint 1 of 2 The command you need is three letters long.")
    expect(hints.nth(1)).to_be_hidden()
    assert focused(page, ".lk-hint-shown"), "the focus moves to the hint, so it is read out"

    # The button is the next stop; it now offers the next hint, then goes.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Show the next hint")
    page.keyboard.press("Enter")
    expect(hints.nth(1)).to_be_visible()
    expect(hints.nth(1)).to_contain_text("Hint 2 of 2")
    expect(hints.nth(1).locator("code")).to_have_text("pwd")
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('.lk-hint-shown')[1]"
    )
    expect(first.locator(".lk-more")).to_be_hidden()

    # The solution is revealed on demand, by keyboard too.
    solution = first.locator("details.lk-solution")
    expect(solution.locator("li").first).to_be_hidden()
    tab_to(page, '[data-lk-exercise="practice/find-home"] .lk-solution summary')
    expect(page.locator(":focus")).to_have_text("Show the solution")
    page.keyboard.press("Enter")
    expect(solution.locator("li").first).to_be_visible()
    expect(solution).to_contain_text("/Users/zoe")


def test_without_javascript_everything_can_be_revealed(browser: Browser, tech_base: str) -> None:
    with open_context(browser, tech_base, java_script_enabled=False) as ctx:
        page = ctx.page()
        page.goto(tech_base + LESSON)
        first = page.locator('[data-lk-exercise="practice/find-home"]')
        expect(first.get_by_role("button")).to_have_count(0)
        hints = first.locator("details.lk-hint-box")
        expect(hints.locator("summary")).to_have_text(["Hint 1 of 2", "Hint 2 of 2"])
        hints.nth(1).locator("summary").click()  # each hint on its own
        expect(hints.nth(1)).to_contain_text("Type pwd and press Enter.")
        expect(hints.nth(0).locator("p")).to_be_hidden()
        first.locator(".lk-solution summary").click()
        expect(first.locator(".lk-solution")).to_contain_text("/home/zoe")

        page.goto(tech_base + QUIZ)
        q2 = page.locator("#q-user-name")
        expect(q2.get_by_label("Your answer")).to_be_visible()
        expect(page.get_by_role("button", name="Check")).to_have_count(0)
        expect(q2.locator(".lk-accepted")).to_be_hidden()
        q2.locator("details.lk-answer summary").click()
        expect(q2.locator(".lk-accepted li")).to_have_text(["zoë"])
        q1 = page.locator("#q-which-command")
        q1.locator("details.lk-answer summary").click()
        expect(q1.locator(".lk-accepted li")).to_have_text(["pwd", "/bin/pwd"])
        expect(q1.locator(".lk-feedback")).to_contain_text(
            "If not: Not that one. Look again at the first section."
        )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_once_used(browser: Browser, tech_base: str, scheme: str) -> None:
    with open_context(browser, tech_base, **{**STILL, "color_scheme": scheme}) as ctx:
        page = ctx.page()
        page.goto(tech_base + QUIZ)
        for name, typed in (("which-command", "ls"), ("user-name", "zoe")):
            box = page.locator(f"#q-{name} input")
            box.fill(typed)
            box.press("Enter")
            expect(page.locator(f"#q-{name} .lk-verdict")).to_be_visible()
            page.locator(f"#q-{name} details.lk-answer summary").click()
        found = violations(page)
        assert found.violations_count == 0, found.generate_report()
        page.goto(tech_base + LESSON)
        exercise = page.locator('[data-lk-exercise="practice/find-home"]')
        exercise.get_by_role("button", name="Show a hint").click()
        exercise.locator(".lk-solution summary").click()
        found = violations(page)
        assert found.violations_count == 0, found.generate_report()


# What the browser must compare as the checker does: accents (as one character or as a letter
# and a mark), case with its special cases, compatibility forms, every kind of white space and
# characters that only look like it, and scripts whose marks are vowels or tone.
CASES = [
    "Zoë",
    "ZOË",
    "zoe\u0308",
    "  Crème   BRÛLÉE\t",
    "\u212bngstr\u00f6m",  # the Angstrom sign
    "\u212a",  # the Kelvin sign
    "stra\u00dfe",
    "STRASSE",
    "\u1e9e",  # capital sharp s
    "\u0130stanbul",
    "DIR",  # lowercase the same in every locale: Turkish would give a dotless i
    "\u0131stanbul",  # dotless i stays dotless
    "\u039f\u0394\u039f\u03a3",  # a final sigma
    "\u03a3",
    "\u03a3\u0391\u03a3 \u03a3\u0391\u03a3.",
    "\u0391\u03b8\u03ae\u03bd\u03b1",
    "\u1f88\u1fb3",  # Greek with iota subscripts
    "\ufb01le",
    "\uff26\uff55\uff4c\uff4c\u3000\uff57\uff49\uff44\uff54\uff48",
    "x\u00b2 \u00bd \u2460 \u24d0 \u338f",
    "\U0001d400\U0001d41b",  # mathematical bold
    "\u01c4 \u01c5 \u01c6",
    "Ti\u1ebfng Vi\u1ec7t",
    "\u0110\u00e0 N\u1eb5ng",
    "\u00d8re \u0152uvre \u0141\u00f3d\u017a",
    "\u0401\u0436 \u0439\u043e\u0433\u0430",
    "\u30ac\u30c3\u30c4 \uff8a\uff9f",
    "\u0939\u093f\u0928\u094d\u0926\u0940",
    "\u0645\u064e\u062f\u0652\u0631\u064e\u0633\u064e\u0629",
    "\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd",
    "tab\tand\ttabs",  # no line breaks: a text box drops them from what it holds
    "\u00a0nbsp\u00a0",
    "\u2003em\u2002en\u2009thin\u200ahair",
    "\u1680ogham",
    "\u2028line\u2029para",
    "\u0085next",
    "\u000bvt\u000cff",
    "\u202fnarrow\u205fmath",
    "zero\u200bwidth",
    "\ufeffbom",
    "\u180emongolian",
    "e\u20dd",
    "\U0001f44d\U0001f3fd \U0001f1eb\U0001f1f7",
    "a\u0301\u0301\u0327",
]


def _quiz_page(answers: list[str]) -> str:
    """A page holding one short-answer question for each accepted answer, made by the real
    question type and templates, with the site's own script."""
    kind = question_type("short-answer")
    questions = []
    for i, answer in enumerate(answers):
        options, data = kind.read({"answers": [answer]})
        where = Where("test.yml")
        questions.append(
            m.Question(f"n{i}", kind.name, f"Case {i}", options, "E.", "", where, data=data)
        )
    quiz = m.Quiz("normalise", "", "", questions, False)
    form = (
        environment()
        .get_template("quiz-form.md.j2")
        .render(quiz=quiz, page_path="normalise.md", term_names={})
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cases</title></head>'
        f'<body><article><h1>Cases</h1>{form}<aside data-lk-course="normalise-test"></aside>'
        '</article><script src="../assets/lessonkit.js"></script></body></html>'
    )


def test_the_script_normalises_as_the_checker_does(page: Page, tech_base: str) -> None:
    assert all(normalise(c) for c in CASES), "every case is an answer a learner could type"
    # Each question accepts one case as the checker normalised it; the learner types the case
    # itself, which the script normalises: right means the two agree. The last question is a
    # control: typed with one more letter, it must be wrong.
    typed = [*CASES, CASES[0] + "x"]
    page.route(
        tech_base + "normalise/",
        lambda route: route.fulfill(body=_quiz_page([*CASES, CASES[0]]), content_type="text/html"),
    )
    page.goto(tech_base + "normalise/")
    verdicts = page.evaluate(
        """typed => [...document.querySelectorAll("fieldset[data-lk-question]")].map((fs, i) => {
            fs.querySelector("input").value = typed[i];
            fs.querySelector(".lk-check").click();
            return fs.querySelector(".lk-verdict").dataset.lkOk;
        })""",
        typed,
    )
    assert verdicts[-1] == "false", "the control is judged wrong"
    differ = [
        (case, normalise(case)) for case, ok in zip(CASES, verdicts, strict=False) if ok != "true"
    ]
    assert differ == [], "the script compares these otherwise than the checker"
