"""The two cost markers, and a guard that keeps them honest.

`browser`: the test starts Chromium. `slow`: the test runs the site engine (MkDocs or
Zensical), itself or through a fixture. `make test-fast` leaves both out, so a test that
pays for either without its marker makes the fast tier slow.

The guard watches the current test: Chromium starting for a test not marked `browser`, or
the engine starting for a test not marked `slow`, fails it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence

import pytest

# The test being set up, run or torn down; session fixtures are built in the setup of the
# first test that asks for them, so that test must carry the marker.
current: pytest.Item | None = None

# What `lessonkit build` and plain `mkdocs build` start: a program named after an engine.
ENGINES = ("mkdocs", "zensical")


def _unmarked(marker: str) -> str | None:
    if current is None or current.get_closest_marker(marker) is not None:
        return None
    return current.nodeid


def require_browser_marker() -> None:
    """Fail the current test when it starts Chromium without the `browser` marker."""
    nodeid = _unmarked("browser")
    if nodeid:
        pytest.fail(f"{nodeid} starts Chromium: mark it @pytest.mark.browser", pytrace=False)


def starts_engine(args: str | bytes | Sequence[object]) -> bool:
    """Whether a command line runs an engine: its program or `-m` module names one."""
    parts = [args] if isinstance(args, str | bytes | os.PathLike) else list(args)
    words = [os.path.basename(os.fsdecode(p)) for p in parts[:3]]
    return any(engine in word for word in words for engine in ENGINES)


class _WatchedPopen(subprocess.Popen):
    def __init__(self, args, *rest, **options) -> None:
        if starts_engine(args):
            nodeid = _unmarked("slow")
            if nodeid:
                pytest.fail(f"{nodeid} runs the site engine: mark it slow", pytrace=False)
        super().__init__(args, *rest, **options)


_original_popen = subprocess.Popen


def watch() -> None:
    """Watch every program started from now on (subprocess.run goes through Popen)."""
    subprocess.Popen = _WatchedPopen  # type: ignore[misc]


def unwatch() -> None:
    subprocess.Popen = _original_popen  # type: ignore[misc]
