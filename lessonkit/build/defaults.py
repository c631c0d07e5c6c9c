"""The engine settings lessonkit gives every course, and the theme it ships.

What lives in the installed package, so that a project picks up fixes with an upgrade: the
page templates, the schemas, the theme (templates/ is the Markdown, theme/ the HTML around
it: main.html and the assets lessonkit.js, lessonkit.css, print.css) and these settings.
What lives in a project: content/, and optionally mkdocs.yml (whatever it sets is laid over
these defaults: a palette, a favicon, more extensions), docs/ (hand-written pages, files)
and overrides/ (theme files laid over the package's; a file of the same name replaces it).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

THEME = Path(__file__).resolve().parent.parent / "theme"

DEFAULTS: dict[str, Any] = {
    "site_name": "lessonkit course",
    "docs_dir": "docs",
    "site_dir": "site",
    "strict": True,
    "theme": {
        "name": "material",
        "font": False,  # system fonts: nothing is fetched from another host
        "language": "en",
        "icon": {"logo": "material/book-open-page-variant-outline"},
        "palette": [
            {
                "media": "(prefers-color-scheme: light)",
                "scheme": "default",
                "primary": "custom",
                "accent": "custom",
                "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"},
            },
            {
                "media": "(prefers-color-scheme: dark)",
                "scheme": "slate",
                "primary": "custom",
                "accent": "custom",
                "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"},
            },
        ],
        "features": [
            "navigation.instant",
            "navigation.footer",
            "navigation.indexes",
            # "Lessons" stays open as a section; every other branch is one link
            "navigation.sections",
            "navigation.prune",
            "navigation.top",
            "content.code.copy",  # a copy button on every code block, from the theme's script
            # not search.highlight: it puts what the reader searched for into the address
            # of the page they open (?h=...), and so into the host's logs and the history
        ],
    },
    # print.css is linked by theme/main.html, for print only (it holds up no first paint)
    "extra_css": ["assets/lessonkit.css"],
    # deferred: it runs once the page is parsed, which is when it starts anyway
    "extra_javascript": [{"path": "assets/lessonkit.js", "defer": True}],
    "markdown_extensions": [
        "attr_list",
        "lessonkit.mdlinks",  # marks links to other sites, for print.css
        "md_in_html",
        "admonition",
        "tables",
        {"toc": {"permalink": True, "permalink_title": "Link to this section"}},
        # Code, as AUTHORING.md shows it. Fences nest in callouts, list items and HTML
        # blocks (Python-Markdown's own fenced_code cannot, so it is not used); Pygments
        # writes CSS classes that the theme colours in the light and the dark scheme.
        {
            "pymdownx.highlight": {
                # "language-output": lessonkit.css marks output and errors
                "pygments_lang_class": True,
                # ```error: a block of error messages, shown as output is
                "extend_pygments_lang": [{"name": "error", "lang": "output"}],
            }
        },
        "pymdownx.superfences",
        "pymdownx.inlinehilite",  # `#!bash ls -l`: highlighted code in a line of text
        "pymdownx.details",  # ??? note "Title": a callout that opens when clicked
        "pymdownx.keys",  # ++ctrl+c++: keys as <kbd>
    ],
    "plugins": ["search"],
    "validation": {
        "omitted_files": "warn",
        "absolute_links": "warn",
        "unrecognized_links": "warn",
        "anchors": "warn",
    },
    "extra": {"generator": False},
}


def theme_dir(root: Path, custom_dir: str | None, into: Path) -> Path:
    """The theme folder a build uses: the package's theme, with the project's own theme
    folder (mkdocs.yml's custom_dir, if any) laid over it. Written into `into`."""
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(THEME, into)
    if custom_dir and (root / custom_dir).is_dir():
        shutil.copytree(root / custom_dir, into, dirs_exist_ok=True)
    return into
