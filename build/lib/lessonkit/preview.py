"""The page a preview shows while the course has problems.

Under `mkdocs serve` (and so `lessonkit serve`), a course that does not check out is not a
reason to stop the server or leave the browser waiting: every page of the site shows this
page instead, listing every problem where it stands, and the next good save brings the
course back (live reload goes on watching content/ throughout).
"""

from __future__ import annotations

from .problems import Problem
from .safety import escape_text


def problems_page(problems: list[Problem]) -> str:
    """Markdown (with escaped HTML: problems quote author text) listing every problem."""
    errors = [p for p in problems if p.is_error]
    items = []
    for p in problems:
        hint = f'<br><span class="lk-hint">{escape_text(p.hint)}</span>' if p.hint else ""
        items.append(
            f"<li><code>{escape_text(str(p.where))}</code> "
            f"<strong>{p.severity.value}</strong> <code>{escape_text(p.code)}</code>: "
            f"{escape_text(p.message)}{hint}</li>"
        )
    count = f"{len(errors)} error" + ("" if len(errors) == 1 else "s")
    return (
        "---\ntitle: The course has problems\nsearch:\n  exclude: true\n---\n\n"
        "# The course has problems\n\n"
        f"lessonkit found {count} in `content/`. Fix them and save: this page reloads, and "
        "the course comes back when every error is gone.\n\n"
        f'<ul class="lk-problems">\n{chr(10).join(items)}\n</ul>\n'
    )
