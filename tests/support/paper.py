"""The printable workbook as Chromium prints it, for any course: the size of its type in
points, nothing wider than the paper, and an answer key that runs on from page to page.
tests/browser checks the fixture courses' workbooks, tests/course the course's own. Each
check returns what is wrong, so a test asserts an empty list.

The page is laid out as on A4 paper with the theme's margins (25 mm), the narrowest of the
usual choices: 160 mm, 605 CSS pixels.
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page

PT = 96 / 72  # CSS pixels in a point
MARGIN_MM = 25  # Material's @page margin
A4_MM = (210, 297)
WIDTH = round((A4_MM[0] - 2 * MARGIN_MM) * 96 / 25.4)

BODY_PT = 11  # a lesson's text, its questions and their options
SMALLEST_PT = 10  # any other text but code: notes, sources, callouts, the answer key
TABLE_PT = 9  # tables (the self-check's must fit the width of the page)

# Body text: a lesson's own paragraphs and lists, questions, their options, prompts.
BODY = (
    ".lk-wb-lesson > p:not(.lk-lesson-meta, .lk-source), .lk-wb-lesson > :is(ul, ol) > li, "
    ".lk-wb-question p, .lk-wb-options > li, .lk-wb-reflection p"
)
TEXT = "p, li, td, th, dd, dt, figcaption, summary, blockquote"
SIZES = """([body, text]) => {
  const shown = e => e.getClientRects().length > 0 && e.textContent.trim() !== "";
  const size = e => parseFloat(getComputedStyle(e).fontSize);
  const named = e => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 30)}"`;
  const all = s => [...document.querySelectorAll(`article :is(${s})`)].filter(shown);
  return {
    body: all(body).map(e => [named(e), size(e)]),
    text: all(text).filter(e => !e.closest("table")).map(e => [named(e), size(e)]),
    table: all("td, th").map(e => [named(e), size(e)]),
  };
}"""
# Every break rule between the answer key's heading and the end of the page.
KEY_BREAKS = """() => {
  const key = document.getElementById("answer-key");
  const after = [];
  if (!key) return after;
  for (let e = key.nextElementSibling; e; e = e.nextElementSibling) {
    after.push(e, ...e.querySelectorAll("*"));
  }
  return after.map(e => {
    const s = getComputedStyle(e);
    return [`${e.tagName.toLowerCase()}.${e.className}`, s.breakBefore, s.breakAfter];
  });
}"""
FORCED = {"page", "left", "right", "recto", "verso", "always"}
# What keeps a question's answer together: its first line with what follows, each option whole.
KEY_UNITS = """() => [...document.querySelectorAll(".lk-wb-answer")].map(a => [
  a.textContent.trim().slice(0, 30),
  getComputedStyle(a.firstElementChild).breakAfter,
  [...new Set([...a.querySelectorAll(":scope > ul > li")]
    .map(li => getComputedStyle(li).breakInside))].join(),
])"""
ONLY_THE_KEY = """() => {
  const key = document.getElementById("answer-key");
  if (!key) return false;
  for (let e = key.previousElementSibling; e; e = e.previousElementSibling) {
    e.style.display = "none";
  }
  key.style.breakBefore = "auto";
  return true;
}"""
BREAK_ANYWHERE = (
    "article * { break-before: auto !important; break-after: auto !important; "
    "break-inside: auto !important; orphans: 1 !important; widows: 1 !important; }"
)
MARGINS = f"@page {{ margin: {MARGIN_MM}mm; }}"


def open_on_paper(browser: Browser, url: str) -> Page:
    """The page laid out as it prints on A4."""
    page = browser.new_page(viewport={"width": WIDTH, "height": 1100})
    page.emulate_media(media="print")
    page.goto(url)
    return page


def small_type(page: Page) -> list[str]:
    """Text printed smaller than it should be, with its size in points."""
    found = page.evaluate(SIZES, [BODY, TEXT])
    assert found["body"], "the workbook has body text"
    floors = {"body": BODY_PT, "text": SMALLEST_PT, "table": TABLE_PT}
    return sorted(
        {
            f"{kind}: {name} in {px / PT:.2f} pt, under {floors[kind]} pt"
            for kind, sizes in found.items()
            for name, px in sizes
            # a hundredth of a pixel for rounding: 11 pt is 14.666... px
            if px < floors[kind] * PT - 0.01
        }
    )


def wider_than_the_paper(page: Page) -> list[str]:
    """What sticks out past the page's width: a browser shrinks the whole page to fit it,
    every line of text with it."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          return [...document.querySelectorAll("body *")]
            .filter(e => e.getBoundingClientRect().right > width + 0.5)
            .map(e => `${e.tagName.toLowerCase()}.${e.className} ends at `
                      + `${Math.round(e.getBoundingClientRect().right)} px of ${width}`);
        }"""
    )


def forced_breaks_in_the_key(page: Page) -> list[str]:
    """Page breaks forced inside the answer key (it starts on a page of its own), and
    answers whose first line may be left at the foot of a page or whose options may split."""
    wrong = [
        f"{name}: break-before {before}, break-after {after}"
        for name, before, after in page.evaluate(KEY_BREAKS)
        if {before, after} & FORCED
    ]
    wrong += [
        f"{start!r}: break-after {after} on its first line, break-inside {inside} on options"
        for start, after, inside in page.evaluate(KEY_UNITS)
        if after != "avoid" or inside not in ("avoid", "")
    ]
    return wrong


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def key_pages(browser: Browser, url: str) -> tuple[int, int]:
    """The answer key printed alone on A4: its pages, and its pages were a break allowed
    anywhere (the fewest it could take); none for a workbook without a key."""
    counts = []
    for style in (MARGINS, MARGINS + BREAK_ANYWHERE):
        page = browser.new_page()
        try:
            page.goto(url)
            page.add_style_tag(content=style)
            keyed = page.evaluate(ONLY_THE_KEY)
            counts.append(pages(page.pdf(format="A4")) if keyed else 0)
        finally:
            page.close()
    return counts[0], counts[1]


def wasted_key_pages(browser: Browser, url: str) -> list[str]:
    """An answer key that takes more than a page (or 5%) above the fewest it could: whole
    answers moved to the next page, leaving the foot of each page blank."""
    printed, fewest = key_pages(browser, url)
    if not printed:  # a course with nothing to answer has no key
        return []
    allowed = fewest + max(1, fewest // 20)
    return [] if printed <= allowed else [f"{printed} pages where {fewest} would do"]
