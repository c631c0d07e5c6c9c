"""Retake the README's screenshots from the built site: make site, then
.venv/bin/python .github/screenshots/take.py

A lesson at laptop width and a quiz at phone width with one question answered, in headless
Chromium ($CHROMIUM, else /usr/bin/chromium). The PNGs are made smaller with pngquant and
optipng when they are installed (apt-get install pngquant optipng).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
SITE = HERE.parents[1] / "site"
LESSON = "lessons/01-push-away-pattern/"
QUESTION = ("#q-pattern-q1", "A fear of vulnerability.")  # the question and the answer chosen
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def shoot(base: str) -> list[Path]:
    lesson, quiz = HERE / "lesson-laptop.png", HERE / "quiz-phone.png"
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800}, color_scheme="light")
        page.goto(base + LESSON, wait_until="networkidle")
        page.screenshot(path=lesson)

        phone = browser.new_context(
            viewport={"width": 390, "height": 880},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            color_scheme="light",
        )
        page = phone.new_page()
        page.goto(base + LESSON + "quiz/", wait_until="networkidle")
        question = page.locator(QUESTION[0])
        question.get_by_label(QUESTION[1]).check()
        question.get_by_role("button", name="Check").click()
        top = question.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
        # from the top down: scrolling up brings out Material's "Back to top" button
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(400)
        page.evaluate("y => window.scrollTo(0, y)", top - 64)
        page.wait_for_timeout(400)
        page.screenshot(path=quiz)
        browser.close()
    return [lesson, quiz]


def optimise(png: Path) -> None:
    if shutil.which("pngquant"):
        quant = ["pngquant", "--quality", "65-90", "--speed", "1", "--strip", "--force"]
        subprocess.run([*quant, "--output", str(png), str(png)], check=True)
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o5", "-strip", "all", str(png)], check=True)


def main() -> None:
    if not (SITE / "index.html").is_file():
        raise SystemExit("no built site: run make site first")
    handler = functools.partial(_Quiet, directory=str(SITE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        shots = shoot(f"http://127.0.0.1:{server.server_port}/")
    finally:
        server.shutdown()
    for png in shots:
        optimise(png)
        print(f"{png.relative_to(HERE.parents[1])}: {png.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
