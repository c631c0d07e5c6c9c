"""Mend the theme's own HTML faults in a built site, for any engine.

Material (and Zensical's copy of it) writes a search dialog with no accessible name, a
non-standard `autocorrect` attribute, `autocomplete` on checkboxes, empty tabindex values in
the pruned navigation, and a label for a table-of-contents toggle a page may not have.
Overriding the partials would mean keeping copies of theme code in step with every release;
these few edits on the built HTML do the same job and leave the theme alone. They run in one
place, over the written site, whichever engine wrote it: `lessonkit build` calls fix_site
after the engine, and the hook (scripts/hooks.py) does after plain `mkdocs build` or serve.

Each repair is named. Those marked `everywhere` match on every page of today's theme; when
one matches no page of a site, the theme has changed under us, and fix_site says so instead
of silently letting a fault come back (or a repair go stale).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Repair:
    name: str
    pattern: re.Pattern[str]
    replacement: str
    everywhere: bool  # today's theme writes this fault on every page
    count: int = 0  # 0: every match; n: the first n
    applies: Callable[[str], bool] = lambda html: True


REPAIRS = (
    Repair(
        "search-dialog-name",
        re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(>)'),
        r'\1 aria-label="Search"\2',
        everywhere=True,
        count=1,
    ),
    Repair(
        "search-autocorrect",
        re.compile(r'(<input [^>]*class="md-search__input"[^>]*?) autocorrect="off"'),
        r"\1",
        everywhere=True,
        count=1,
    ),
    Repair(  # pruned navigation writes tabindex=""
        "empty-tabindex",
        re.compile(r'(<label\b[^>]*?)\s+tabindex=""'),
        r"\1",
        everywhere=False,
    ),
    Repair(  # a label for the table of contents a page does not have
        "toc-label",
        re.compile(r'(<label\b[^>]*?)\s+for="__toc"'),
        r"\1",
        everywhere=False,
        applies=lambda html: 'id="__toc"' not in html,
    ),
    Repair(
        "checkbox-autocomplete",
        re.compile(r'(<input [^>]*type="checkbox"[^>]*?) autocomplete="off"'),
        r"\1",
        everywhere=True,
    ),
)

_LANG = re.compile(r'<html lang="[^"]*"')


def fix_page(html: str, language: str = "", matched: Counter[str] | None = None) -> str:
    """The page with every repair applied; `matched` counts the repairs that found a fault."""
    if language:  # the theme only knows languages it has translations for (en, not en-GB)
        html = _LANG.sub(f'<html lang="{language}"', html, count=1)
    for repair in REPAIRS:
        if not repair.applies(html):
            continue
        html, n = repair.pattern.subn(repair.replacement, html, count=repair.count)
        if n and matched is not None:
            matched[repair.name] += 1
    return html


def fix_site(site: Path, language: str = "") -> list[str]:
    """Fix every HTML page under site. Returns a warning for each repair that today's theme
    needs on every page and that matched none (the theme changed: look at this module)."""
    matched: Counter[str] = Counter()
    pages = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = fix_page(html, language, matched)
        pages += 1
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
    if not pages:
        return []
    return [
        f"theme fix '{r.name}' found nothing to mend in {pages} page(s): the theme has "
        "changed; check that the fault is gone and update lessonkit/build/themefix.py"
        for r in REPAIRS
        if r.everywhere and not matched[r.name]
    ]
