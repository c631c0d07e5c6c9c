"""Mend the theme's own HTML faults in a built site, for any engine.

Material (and Zensical's copy of it) writes a search dialog with no accessible name, a
non-standard `autocorrect` attribute, `autocomplete` on checkboxes, empty tabindex values in
the pruned navigation, and a label for a table-of-contents toggle a page may not have.
Overriding the partials would mean keeping copies of theme code in step with every release;
these few edits on the built HTML do the same job and leave the theme alone. They run in one
place, over the written site, whichever engine wrote it: `lessonkit build` calls fix_site
after the engine, and the hook (lessonkit/mkdocs_hook.py) does after plain `mkdocs build`
or serve.

Each repair is named. Those marked `everywhere` match on every page of today's theme; when
one matches no page of a site, the theme has changed under us, and fix_site says so instead
of silently letting a fault come back (or a repair go stale).

One more repair is for a site built without an address (SITE_URL unset): its 404 page,
which a host such as GitHub Pages serves at any missing address under the site, links to
"/assets/..." and so is unstyled, its links broken, when the site lives under a subpath
(https://owner.github.io/repo/). not_found_page makes those links relative to a <base> that
a few lines of script point at the site's root, found from the address (see its docstring).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote


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


NOT_FOUND = "404.html"

# Links from the site's root ("/assets/...", "/lessons/..."), not from another host ("//").
_ROOTED = re.compile(r'(\s(?:href|src)=")/(?!/)([^"]*)"')
_CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.IGNORECASE)
_CONFIG = re.compile(r'<script id="__config" type="application/json">.*?</script>', re.DOTALL)
# The theme's storage scope, which it takes from the page's address ("/": the host's root).
_SCOPE = '__md_scope=new URL("/",location)'

# root_script's body; `names` is filled in when the site is built.
_FIND_ROOT = """(function (names) {
  var parts = location.pathname.split("/").filter(Boolean), depth = 1;
  while (depth < parts.length && names.indexOf(parts[depth]) < 0) depth++;
  if (depth >= parts.length) {
    depth = parts.length > 1 && names.indexOf(parts[0]) < 0
      && /\\.github\\.io$/.test(location.hostname) ? 1 : 0;
  }
  document.querySelector("base").href =
    "/" + parts.slice(0, depth).map(function (part) { return part + "/"; }).join("");
})(%s);"""

# The theme's script reads its settings against the page's address, not the <base>: give it
# the root, and leave out instant navigation (it would carry the <base> to the next page). A
# link to a place on this page would lead to the home page through the <base>.
_AFTER_CONFIG = """(function (config) {
  var data = JSON.parse(config.textContent), root = document.baseURI;
  data.base = root;
  if (data.search) data.search = new URL(data.search.replace(/^\\//, ""), root).href;
  data.features = (data.features || []).filter(function (feature) {
    return feature.indexOf("navigation.instant") !== 0;
  });
  config.textContent = JSON.stringify(data);
  [].forEach.call(document.querySelectorAll('a[href^="#"]'), function (link) {
    link.setAttribute("href", location.pathname + location.search + link.getAttribute("href"));
  });
})(document.getElementById("__config"));"""


def root_script(names: list[str]) -> str:
    """A script that points the page's <base> at the site's root, found from the address
    the page is served at and `names`, what the site's root folder holds: the path before
    the first folder, from the second on, that the site's root holds (/repo/lessons/gone/:
    /repo/); failing that, on a github.io host, the first folder, unless the site's root
    holds it (/repo/gone/: a project site, /repo/); else the host's root. A site elsewhere
    under a subpath gets an exact 404 page by being built with its address (SITE_URL)."""
    listed = json.dumps(sorted(quote(name) for name in names)).replace("<", "\\u003c")
    return _FIND_ROOT % listed


def not_found_page(html: str, names: list[str]) -> str:
    """The 404 page of a site built without its address, working at any depth of any path.

    The engine writes its links from the host's root ("/assets/..."), right only for a site
    at the root of its host. They become relative to a <base> that a script at the top of
    the head points at the site's root (root_script) before anything loads. Until then the
    <base> is about:blank, against which no relative address resolves, so the browser's
    look-ahead fetches nothing from a wrong root (each miss would cost a copy of this page).
    Without script the page is plain text whose links lead nowhere.

    Returns the page unchanged when it is not the theme's (no charset tag) or already done.
    """
    head = _CHARSET.search(html)
    if head is None or "<base " in html:
        return html
    html = _ROOTED.sub(lambda m: f'{m[1]}{m[2] or "."}"', html)
    top = f'\n<base href="about:blank">\n<script>{root_script(names)}</script>'
    at = head.end()
    html = html[:at] + top + html[at:]
    html = html.replace(_SCOPE, "__md_scope=new URL(document.baseURI)", 1)
    config = _CONFIG.search(html)
    if config is not None:
        html = html[: config.end()] + f"\n<script>{_AFTER_CONFIG}</script>" + html[config.end() :]
    return html


def fix_site(site: Path, language: str = "", site_url: str | None = None) -> list[str]:
    """Fix every HTML page under site, and its 404 page when the site was built without its
    address (site_url). Returns a warning for each repair that today's theme needs and that
    matched nothing (the theme changed: look at this module)."""
    matched: Counter[str] = Counter()
    pages = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = fix_page(html, language, matched)
        if page.parent == site and page.name == NOT_FOUND and not site_url:
            relative = not_found_page(fixed, [entry.name for entry in site.iterdir()])
            if relative != fixed:
                matched["not-found-root"] += 1
            fixed = relative
        pages += 1
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
    if not pages:
        return []
    expected = [r.name for r in REPAIRS if r.everywhere]
    if not site_url and (site / NOT_FOUND).is_file():
        expected.append("not-found-root")
    return [
        f"theme fix '{name}' found nothing to mend in {pages} page(s): the theme has "
        "changed; check that the fault is gone and update lessonkit/build/themefix.py"
        for name in expected
        if not matched[name]
    ]
