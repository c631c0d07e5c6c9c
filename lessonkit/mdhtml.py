"""Python-Markdown extension: md_in_html (Markdown inside HTML blocks), in linear time.

The pages put Markdown inside HTML elements marked markdown="block" or markdown="span", which
Python-Markdown's md_in_html extension handles. Its block processor takes each such element
out of the page's list of stashed HTML with `list.pop(index)` and puts an empty string back
with `list.insert(index, "")`: two moves of every later entry, for every element. The
1000-lesson workbook stashes about 200,000 pieces of HTML and has 93,000 such elements, so
those moves alone took 1.5 s of its 10.5 s conversion. Setting the entry in place does the same
in constant time; the HTML is byte for byte the same (tests/test_mdhtml.py converts every
generated page both ways).

mkdocs.yml names this extension in place of md_in_html; both engines run it.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown, util
from markdown.extensions.md_in_html import MarkdownInHtmlExtension, MarkdownInHtmlProcessor


class _ElementsInPlace(MarkdownInHtmlProcessor):
    def run(self, parent: Element, blocks: list[str]) -> bool:
        found = util.HTML_PLACEHOLDER_RE.match(blocks[0])
        if found is None:
            return False
        stash = self.parser.md.htmlStash.rawHtmlBlocks
        index = int(found.group(1))
        element = stash[index]
        if not isinstance(element, Element):  # raw HTML, restored as it was written
            return False
        rest = blocks.pop(0)[found.end(0) :]
        parent.append(element)
        self.parse_element_content(element)
        # an empty entry, so the raw-HTML postprocessor leaves nothing where the element was
        stash[index] = ""
        if rest:
            blocks.insert(0, rest)
        return True


class MarkdownInHtml(MarkdownInHtmlExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        # the same name and priority as md_in_html's own block processor, which it replaces
        md.parser.blockprocessors.register(_ElementsInPlace(md.parser), "markdown_block", 105)


def makeExtension(**kwargs: Any) -> MarkdownInHtml:
    return MarkdownInHtml(**kwargs)
