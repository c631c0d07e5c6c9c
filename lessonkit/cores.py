"""How many processes a build may use: LESSONKIT_JOBS, else the cores it may run on."""

from __future__ import annotations

import os


def default_jobs() -> int:
    wanted = os.environ.get("LESSONKIT_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
