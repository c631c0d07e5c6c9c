"""Mend the theme's own HTML faults in built pages, for any engine.

Material (and Zensical's copy of it) writes a search dialog with no accessible name, a
non-standard `autocorrect` attribute, `autocomplete` on checkboxes, empty tabindex values in
the pruned navigation, and a label for a table-of-contents toggle a page may not have.
Overriding the partials would mean keeping copies of theme code in step with every release;
these few edits on the built HTML do the same job and leave the theme alone. MkDocs applies
them to each page as it renders it (lessonkit.mkdocs_jobs --fix-theme for `lessonkit build`,
scripts/hooks.py for plain `mkdocs build`); for Zensical, engine.run fixes the written site.
"""

from __future__ import annotations

import re
from pathlib import Path

_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(>)')
_AUTOCORRECT = re.compile(r'(<input [^>]*class="md-search__input"[^>]*?) autocorrect="off"')
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input [^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
_TOC_LABEL = re.compile(r'(<label\b[^>]*?)\s+for="__toc"')


_LANG = re.compile(r'<html lang="[^"]*"')


def fix_page(html: str, language: str = "", search_label: str = "Search") -> str:
    if language:  # the theme only knows languages it has translations for (en, not en-GB)
        html = _LANG.sub(f'<html lang="{language}"', html, count=1)
    html = _DIALOG.sub(rf'\1 aria-label="{search_label}"\2', html, count=1)
    html = _AUTOCORRECT.sub(r"\1", html, count=1)
    html = _EMPTY_TABINDEX.sub(r"\1", html)  # pruned navigation writes tabindex=""
    if 'id="__toc"' not in html:  # a label for the table of contents a page does not have
        html = _TOC_LABEL.sub(r"\1", html)
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def fix_site(site: Path, language: str = "") -> int:
    """Fix every HTML page under site; returns how many changed."""
    changed = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = fix_page(html, language)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
            changed += 1
    return changed
