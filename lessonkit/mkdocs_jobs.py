"""`mkdocs build` with the pages shared out over the machine's cores.

    python -m lessonkit.mkdocs_jobs -f CONFIG [--strict] [--jobs N] [--fix-theme [--language L]]

MkDocs 1.x converts each page's Markdown and then renders each page's theme template one page
at a time, on one core. Both steps only read what the steps before them set up (the files, the
navigation, the theme's Jinja environment), so pages can go through them in separate processes:

1. the parent runs every step and plugin event of `mkdocs build` up to the navigation;
2. forked workers convert pages (MkDocs' own `_populate_page`) and send back what conversion
   sets on a page: its Markdown and metadata, HTML, table of contents, title and anchors;
3. the parent copies the theme's files and builds its static templates (sitemap, 404);
4. forked workers, now holding every page's content, render and write the HTML of pages
   (MkDocs' own `_build_page`) and send back the search entries and warnings each page made;
5. the parent checks anchors, runs `post_build` (the search index, in page order) and, with
   --strict, fails on any warning from any process.

With --fix-theme, each page gets lessonkit.themefix's repairs of the theme's HTML as it is
rendered, in the process that renders it, instead of in a pass over the written site.

One step is cheaper than in MkDocs: it parses each page's source as HTML a second time only to
collect the ids its raw HTML holds (for anchor checks). A page with no `id=` or `name=` in its
source has none, and is not parsed for them (the 1000-lesson workbook: 0.9 s).

The site is byte for byte the one `mkdocs build` writes (tests/test_mkdocs_jobs.py compares).
Plugins other than search may keep state between pages that workers could not share, so with
any other plugin, with one job, with few pages, or where fork is missing, this is simply
`mkdocs build`.

This module imports MkDocs; the generator never imports it: the engine runs it as a program.
It leans on two functions and a class MkDocs keeps private, so pyproject.toml pins MkDocs to
1.6.x.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import multiprocessing
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from mkdocs.commands import build as mkbuild
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, MkDocsException
from mkdocs.plugins import BasePlugin
from mkdocs.structure import pages as mkpages
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from .cores import default_jobs
from .themefix import fix_page

log = logging.getLogger("mkdocs.lessonkit")

THEME_FIXES = "lessonkit/theme-fixes"
# search's index is a plain list of entries; the theme fixes keep no state at all
SHAREABLE_PLUGINS = frozenset({"material/search", THEME_FIXES})
# What converting a page sets on it (mkdocs/structure/pages.py, Page.read_source and render).
# Below this many pages, starting the workers costs more than they save (a 10-lesson course
# has 28 pages; `make bench` shows the one-core build and the shared one side by side).
MIN_SHARED_PAGES = 60
CONVERTED = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids")


class WarningCount(logging.Handler):
    """Counts warnings and errors, as MkDocs' strict mode does; each process has its own."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.counts: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[record.levelname] += 1

    def take(self) -> Counter[str]:
        counts, self.counts = self.counts, Counter()
        return counts


@dataclass
class Build:
    """What the workers need; set in the parent before each fork, read-only in workers."""

    config: MkDocsConfig
    files: Files
    pages: list[Page]
    count: WarningCount
    nav: Navigation | None = None
    env: Any = None
    doc_files: list[File] = field(default_factory=list)


_BUILD: Build | None = None  # the state a forked worker inherits

# Where HTML could give an element an id or name: an attribute so named (any case), then "=".
# Text without one holds no anchor for MkDocs' raw-HTML scan to find.
# (Searched in lower case: re.IGNORECASE makes the search of a long page three times slower.)
_ID_OR_NAME = re.compile(r"(?:id|name)\s*=")


class _RawHTMLIds(mkpages._RawHTMLPreprocessor):
    """MkDocs' scan for the ids in a page's raw HTML, skipped where there can be none."""

    def run(self, lines: list[str]) -> list[str]:
        if _ID_OR_NAME.search("\n".join(lines).lower()):  # "id" and "=" may be lines apart
            return super().run(lines)
        self.present_anchor_ids = set()
        return lines


class ThemeFixes(BasePlugin):  # type: ignore[type-arg]
    """lessonkit.themefix.fix_page on every page MkDocs renders, and on the theme's own
    HTML pages (404.html)."""

    def __init__(self, language: str = "") -> None:
        self.language = language

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return fix_page(output, self.language)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return (
            fix_page(output_content, self.language)
            if template_name.endswith(".html")
            else output_content
        )


@contextlib.contextmanager
def _raw_html_ids() -> Iterator[None]:
    """Page.render uses _RawHTMLIds while a build runs (and in the workers it forks)."""
    mkdocs_own = mkpages._RawHTMLPreprocessor
    mkpages._RawHTMLPreprocessor = _RawHTMLIds  # type: ignore[misc]
    try:
        yield
    finally:
        mkpages._RawHTMLPreprocessor = mkdocs_own  # type: ignore[misc]


def _search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    return getattr(index, "entries", None) if index is not None else None


def _convert(index: int) -> tuple[int, dict[str, Any], Counter[str]]:
    assert _BUILD is not None
    page = _BUILD.pages[index]
    mkbuild._populate_page(page, _BUILD.config, _BUILD.files)
    state = {name: getattr(page, name) for name in CONVERTED}
    # keyed by path: the parent holds its own File objects
    state["links_to_anchors"] = {f.src_uri: v for f, v in (page.links_to_anchors or {}).items()}
    return index, state, _BUILD.count.take()


def _render(index: int) -> tuple[int, list[dict[str, Any]], Counter[str]]:
    assert _BUILD is not None
    page = _BUILD.pages[index]
    entries = _search_entries(_BUILD.config)
    before = len(entries) if entries is not None else 0
    excluded = page.file.inclusion.is_excluded()
    mkbuild._build_page(
        page, _BUILD.config, _BUILD.doc_files, _BUILD.nav, _BUILD.env, excluded=excluded
    )
    made = entries[before:] if entries is not None else []
    return index, made, _BUILD.count.take()


def _forget_counts() -> None:
    """A worker starts with a copy of the parent's counts, which the parent reports itself."""
    assert _BUILD is not None
    _BUILD.count.take()


def _in_workers(
    jobs: int, task: Callable[[int], tuple[int, Any, Counter[str]]], order: Iterable[int]
) -> Iterable[tuple[int, Any, Counter[str]]]:
    """task(i) for each i in order, in `jobs` forked processes; results as they come."""
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_forget_counts) as pool:
        yield from pool.imap_unordered(task, list(order))


def _largest_first(pages: list[Page], size: Callable[[Page], int]) -> list[int]:
    """Big pages first, so the last page to finish is a small one."""
    return sorted(range(len(pages)), key=lambda i: -size(pages[i]))


def _source_size(page: Page) -> int:
    try:
        return os.path.getsize(page.file.abs_src_path or "")
    except OSError:
        return 0


def _markdown_files(folder: str) -> int:
    return sum(name.endswith(".md") for _, _, names in os.walk(folder) for name in names)


def shareable(config: MkDocsConfig) -> bool:
    return set(config.plugins) <= SHAREABLE_PLUGINS and hasattr(os, "fork")


def build(config: MkDocsConfig, jobs: int, min_pages: int = MIN_SHARED_PAGES) -> None:
    """`mkdocs build` (not --dirty, not serve) with pages converted and rendered in `jobs`
    processes when there are at least `min_pages`. Raises Abort like MkDocs does."""
    with _raw_html_ids():
        if jobs < 2 or not shareable(config) or _markdown_files(config.docs_dir) < min_pages:
            mkbuild.build(config)
        else:
            _shared_build(config, jobs)


def _shared_build(config: MkDocsConfig, jobs: int) -> None:
    global _BUILD
    start = time.monotonic()
    count = WarningCount()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(count)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        clean_directory(config.site_dir)
        log.info(f"Building documentation to directory: {config.site_dir} ({jobs} jobs)")
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        included = files.documentation_pages(inclusion=InclusionLevel.is_included)
        for file in included:
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)  # a page outside the nav, as MkDocs makes it
        pages = [file.page for file in included if file.page is not None]
        warnings: Counter[str] = Counter()

        _BUILD = Build(config, files, pages, count)
        for index, state, counts in _in_workers(
            jobs, _convert, _largest_first(pages, _source_size)
        ):
            page = pages[index]
            links = state.pop("links_to_anchors")
            for name, value in state.items():
                setattr(page, name, value)
            page.links_to_anchors = {files.get_file_from_path(uri): v for uri, v in links.items()}
            warnings += counts

        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(inclusion=InclusionLevel.is_included)
        for template in config.theme.static_templates:
            mkbuild._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            mkbuild._build_extra_template(template, files, config, nav)

        # only search is allowed, which adds no pages: the pages read above are the ones built
        doc_files = list(included)
        _BUILD = Build(config, files, pages, count, nav, env, doc_files)
        made: dict[int, list[dict[str, Any]]] = {}
        order = _largest_first(pages, lambda p: len(p.content or ""))
        for index, entries, counts in _in_workers(jobs, _render, order):
            made[index] = entries
            warnings += counts
        entries = _search_entries(config)
        if entries is not None:
            entries.extend(entry for index in range(len(pages)) for entry in made[index])

        for file in doc_files:
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        config.plugins.on_post_build(config=config)

        warnings += count.take()
        if config.strict and warnings:
            summary = ", ".join(f"{n} {level.lower()}s" for level, n in warnings.items())
            raise Abort(f"Aborted with {summary} in strict mode!")
        log.info(f"Documentation built in {time.monotonic() - start:.2f} seconds")
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            log.error(str(error))
            raise Abort("Aborted with a BuildError!") from error
        raise
    finally:
        _BUILD = None
        logger.removeHandler(count)


def _logging() -> None:
    """Messages printed as `mkdocs build` prints them."""
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    logger.addHandler(handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessonkit.mkdocs_jobs", description=__doc__)
    parser.add_argument("-f", "--config-file", required=True)
    parser.add_argument("-s", "--strict", action="store_true", default=None)
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help=f"processes (default: LESSONKIT_JOBS, else every core for {MIN_SHARED_PAGES}+ pages)",
    )
    parser.add_argument(
        "--fix-theme", action="store_true", help="repair the theme's HTML faults (themefix.py)"
    )
    parser.add_argument("--language", default="", help="with --fix-theme: the pages' language")
    args = parser.parse_args(argv)
    _logging()
    try:
        config = load_config(config_file=args.config_file, strict=args.strict)
        if args.fix_theme:
            config.plugins[THEME_FIXES] = ThemeFixes(args.language)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            if args.jobs or os.environ.get("LESSONKIT_JOBS"):  # asked for: share any site
                build(config, args.jobs or default_jobs(), min_pages=0)
            else:
                build(config, default_jobs())
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:  # printed as the mkdocs command prints it
        error.show()
        return error.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
