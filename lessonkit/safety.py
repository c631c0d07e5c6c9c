"""What HTML a page may hold: an allow-list of elements, attributes and URL schemes.

Author text is untrusted input (a pull request, a pasted article, a translation): whatever
a course file holds, with `allow_html: false`, no script, event handler, `javascript:` or
`data:` URL or unknown element may reach a page. Two uses of the one list:
- `clean(html)`: the last step of turning a page's Markdown into HTML (mdsafe.py), in every
  engine. nh3 (the Rust sanitiser ammonia) parses the HTML as a browser does and drops
  whatever the list does not allow; no regular expression decides what is safe.
- `audit(html)`: what clean would drop, named, so `lessonkit check` reports it on the YAML
  line that wrote it before any build (checks.py).
The list covers what Markdown, the pymdown extensions and our templates produce; an element
or attribute outside it is never needed by a course, so dropping it loses nothing. For code
that is pre, code and span with Pygments' classes (highlight, inlinehilite), kbd (keys),
details and summary with open (collapsible callouts); for quizzes, the form controls and
the buttons the script drives (laid out in the page so that nothing moves when it starts).
The theme's copy button is added by its script in the browser and needs nothing here.
tests/test_tech_course.py checks that a course full of code loses nothing to the list.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

TAGS = frozenset(
    [
        "a",
        "abbr",
        "aside",
        "b",
        "blockquote",
        "br",
        "button",
        "caption",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "fieldset",
        "figcaption",
        "figure",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "legend",
        "li",
        "mark",
        "noscript",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "var",
    ]
)
EVERYWHERE = frozenset({"class", "id", "title", "lang", "dir", "hidden", "role"})
PREFIXES = ("aria-", "data-lk-")
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "button": frozenset({"type"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "input": frozenset({"type", "name", "value", "checked", "autocomplete", "accept"}),
    "label": frozenset({"for"}),
    "textarea": frozenset({"name", "rows", "cols"}),
    "ol": frozenset({"start", "reversed"}),
    "td": frozenset({"style", "colspan", "rowspan"}),
    "th": frozenset({"style", "colspan", "rowspan", "scope"}),
    "details": frozenset({"open"}),
    "code": frozenset(),
}
URL_ATTRIBUTES = frozenset({"href", "src"})
SCHEMES = frozenset({"http", "https", "mailto"})
STYLES = frozenset({"text-align"})  # tables align their columns with style=""


def escape_text(text: str) -> str:
    """Plain text for a place where HTML is read as it is written (the theme's site name,
    page titles and navigation): &, <, > and " as character references."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _url_allowed(url: str) -> bool:
    scheme = urlsplit(url.strip()).scheme.lower()
    return not scheme or scheme in SCHEMES


def clean(html: str) -> str:
    """html with every element, attribute and URL the list does not allow removed (the
    text inside a removed element stays, as text)."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names | EVERYWHERE) for tag, names in ATTRIBUTES.items()}
        | {"*": set(EVERYWHERE)},
        generic_attribute_prefixes=set(PREFIXES),
        url_schemes=set(SCHEMES),
        link_rel=None,
        strip_comments=True,
        filter_style_properties=set(STYLES),
    )


def attribute_allowed(tag: str, name: str, value: str) -> bool:
    if name in URL_ATTRIBUTES and not _url_allowed(value):
        return False
    return name in EVERYWHERE or name in ATTRIBUTES.get(tag, ()) or name.startswith(PREFIXES)


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.found.append(f"<{tag}>")
            return
        for name, value in attrs:
            if not attribute_allowed(tag, name, value or ""):
                shown = (value or "")[:30]
                self.found.append(f'{name}="{shown}" on <{tag}>')

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.found.append("<!-- a comment -->")


def audit(html: str) -> list[str]:
    """What clean(html) would remove, each as a short phrase ('onerror="..." on <img>')."""
    parser = _Audit()
    parser.feed(html)
    parser.close()
    return parser.found
