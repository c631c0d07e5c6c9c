"""The browser script speaks the page's language: on a French build, checking answers gives
French verdicts, scores and buttons, with the plural forms French uses, also after Material's
instant navigation has swapped the page."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from lessonkit.cli import build
from tests.test_i18n import course_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # Chromium, on a site built here

NB = "\u00a0"  # French puts a non-breaking space before a colon
AP = "\u2019"  # and writes its apostrophe curly
WATER, STEEPING = "lessons/01-water/quiz/", "lessons/02-steeping/quiz/"
# A second wrong option, so a learner can choose one wrong answer or two.
MORE = """        - text: Twenty minutes for any tea.
          feedback: That would be very bitter.
        - text: An hour for any tea.
          feedback: That would be bitter and cold.
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _served(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def french_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The French site, served; built with its address, which Material's instant navigation
    needs (the server reads site/ anew on each request, so it can start first)."""
    root = course_in(tmp_path_factory.mktemp("fr"), "fr")
    lesson = root / "content" / "lessons" / "02-steeping.yml"
    text = lesson.read_text(encoding="utf-8")
    old = "\n".join(MORE.split("\n")[:2]) + "\n"
    assert old in text
    lesson.write_text(text.replace(old, MORE), encoding="utf-8")
    with _served(root / "site") as base, pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", base)
        assert build(root) == 0
        yield base


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


def test_checking_an_answer_speaks_french(page: Page, french_base: str) -> None:
    page.goto(french_base + WATER)
    assert page.evaluate("document.documentElement.lang") == "fr"
    q1, q2 = page.locator("#q-flat-water"), page.locator("#q-fresh-only")
    expect(page.locator(".lk-score")).to_have_text(
        "Vérifiez chaque question pour voir votre score."
    )

    q1.get_by_label("The water was too hot.").check()
    q1.get_by_role("button", name="Vérifier").click()
    expect(q1.locator(".lk-verdict")).to_have_text("Bonne réponse.")
    expect(page.locator(".lk-score")).to_have_text(f"Score{NB}: 1 sur 2. Encore 1 à vérifier.")
    expect(q1.get_by_role("button", name="Réessayer")).to_be_visible()

    q2.get_by_label("Vrai").check()
    q2.get_by_role("button", name="Vérifier").click()
    expect(q2.locator(".lk-verdict")).to_have_text("Pas tout à fait.")
    expect(q2.locator(".lk-fb")).to_have_text(
        f"Incorrect{NB}: Not quite. Reboiled water tastes flat."  # the author's feedback
    )
    expect(page.locator(".lk-sr")).to_have_text(  # the verdict, then why (the author's words)
        f"Question 2{NB}: Pas tout à fait. Not quite. Reboiled water tastes flat. Score{NB}: 1 sur 2."
    )


def test_plural_forms_follow_french(page: Page, french_base: str) -> None:
    page.goto(french_base + STEEPING)
    q = page.locator("#q-steep-time")
    q.get_by_role("button", name="Vérifier").click()
    expect(q.locator(".lk-verdict")).to_have_text(f"Choisissez d{AP}abord une réponse.")

    q.get_by_label("Two minutes for green tea.").check()
    q.get_by_label("Twenty minutes for any tea.").check()
    q.get_by_role("button", name="Vérifier").click()
    expect(q.locator(".lk-verdict")).to_have_text(
        f"Pas tout à fait. Vous avez choisi 1 des 2 bonnes réponses et 1 qui n{AP}est pas juste."
    )
    q.get_by_role("button", name="Réessayer").click()
    for option in ("Two minutes for green tea.", "Twenty minutes for any tea.", "An hour"):
        q.get_by_label(option).check()
    q.get_by_role("button", name="Vérifier").click()
    expect(q.locator(".lk-verdict")).to_have_text(
        "Pas tout à fait. Vous avez choisi 1 des 2 bonnes réponses et 2 qui ne sont pas justes."
    )


def test_output_and_error_blocks_are_labelled_in_french(page: Page, french_base: str) -> None:
    page.goto(french_base + "lessons/01-water/")
    labels = page.evaluate(
        """() => ["language-output", "language-error"].map((name) => {
            const block = document.createElement("div");
            block.className = name + " highlight";
            document.querySelector(".md-typeset").append(block);
            return getComputedStyle(block, "::before").content;
        })"""
    )
    assert labels == ['"Sortie"', '"Erreur"']


def test_the_texts_stay_french_through_instant_navigation(page: Page, french_base: str) -> None:
    page.goto(french_base + "lessons/01-water/")
    page.evaluate("window.lkLoaded = true")  # gone if the browser loads a whole new page
    page.get_by_role("link", name="Vérifiez ce que vous avez compris").click()
    expect(page).to_have_url(french_base + WATER)
    assert page.evaluate("window.lkLoaded") is True, "Material swapped the page in place"
    q = page.locator("#q-flat-water")
    expect(q.get_by_role("button", name="Vérifier")).to_be_visible()
    q.get_by_label("The cup was too small.").check()
    q.get_by_role("button", name="Vérifier").click()
    expect(q.locator(".lk-verdict")).to_have_text("Pas tout à fait.")
