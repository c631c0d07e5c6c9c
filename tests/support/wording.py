"""Runs of words a course shares with the text it was made from, in the words readers read.

Words are found as the project's copied-runs check finds them (lower case, a curly
apostrophe read as a straight one, runs of a-z, 0-9 and '), and runs that overlap are
reported as one. What differs is where the words come from: in a page, a link reads as the
words it shows and markup reads as nothing, so a sentence copied around a glossary link, an
emphasis or a tag is still one run.
"""

from __future__ import annotations

import html
import re

WORD = re.compile(r"[a-z0-9']+")
# In course YAML: [[term-id|shown words]] reads as the shown words, [[term-id]] as the id.
GLOSSARY_LINK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")

# In generated Markdown, what a reader never sees as text:
_FRONT_MATTER_KEY = re.compile(r"^[\w-]+:[ \t]*", re.M)  # the keys; the values are shown
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # [shown](target), ![alt](src)
_ATTRIBUTES = re.compile(r"\{[:#.][^}\n]*\}")  # attribute lists: {#id .class}
_TAG = re.compile(r"<[^>]+>")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def yaml_words(text: str) -> list[str]:
    """The words of a course file, glossary links read as the words they show."""
    return words(GLOSSARY_LINK.sub(lambda m: m.group(2) or m.group(1).replace("-", " "), text))


def page_words(markdown: str) -> list[str]:
    """The words of a generated page as a reader reads them."""
    head, body = "", markdown
    if markdown.startswith("---\n"):
        head, _, body = markdown[4:].partition("\n---\n")
    text = _FRONT_MATTER_KEY.sub(" ", head) + "\n" + body
    text = _COMMENT.sub(" ", text)
    while True:  # innermost first: a link's words may hold an image or emphasis
        shown = _LINK.sub(r"\1", text)
        if shown == text:
            break
        text = shown
    text = _TAG.sub(" ", _ATTRIBUTES.sub(" ", text))
    return words(html.unescape(text))


def shared_runs(source: list[str], target: list[str], n: int = 12) -> list[str]:
    """Each run of n or more words of target found in source, overlapping runs joined."""
    grams = {tuple(source[i : i + n]) for i in range(len(source) - n + 1)}
    runs, i = [], 0
    while i <= len(target) - n:
        if tuple(target[i : i + n]) in grams:
            j = i + n
            while j < len(target) and tuple(target[j - n + 1 : j + 1]) in grams:
                j += 1
            runs.append(" ".join(target[i:j]))
            i = j
        else:
            i += 1
    return runs
