"""Course -> Markdown pages: the page plan (plan.py), where pages live and how they link
(paths.py), the Jinja filters (filters.py) and the site navigation (navigation.py).

The output is plain Markdown (with a little HTML for form controls), so any Markdown engine
builds it and the site search indexes the lesson text.
"""

from __future__ import annotations

from jinja2 import Environment

from .. import i18n
from .. import model as m
from .filters import environment
from .navigation import nav
from .paths import PATHS, Paths, relative
from .plan import Page, plan

__all__ = ["PATHS", "Page", "Paths", "environment", "nav", "plan", "relative", "render_course"]


def render_course(course: m.Course, env: Environment | None = None) -> dict[str, str | bytes]:
    """Every generated page, keyed by its path under docs/, and the files author text
    shows (figures, downloads), copied from content/ as bytes."""
    env = env or environment()
    term_names = {t.id: t.term for t in course.glossary}
    strings = i18n.for_course(course)
    pages: dict[str, str | bytes] = {}
    for page in plan(course):
        pages[page.path] = env.get_template(page.template).render(
            course=course,
            paths=PATHS,
            page_path=page.path,
            term_names=term_names,
            t=strings,
            searched=page.searched,
            **page.context,
        )
    for path, file in sorted(course.files.items()):
        pages[PATHS.media(path)] = file.read_bytes()
    return pages
