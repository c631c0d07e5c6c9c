"""Work shared out over forked processes: a large course's files to parse, its pages to render.

A forked process starts with everything this one has (the course, the compiled templates),
so nothing is sent to it but a list of indexes, and it sends back only its results. Forking
is left to the caller's judgement of size (may_fork says whether it is safe at all).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

# What a forked process inherits: the work to do for one index.
_WORK: Callable[[int], Any] | None = None


def may_fork(jobs: int) -> bool:
    """Whether jobs > 1 can be used here. Never in a process with other threads running
    (mkdocs serve), where a fork could copy a lock some thread holds."""
    return jobs > 1 and hasattr(os, "fork") and threading.active_count() == 1


def parts(weights: Sequence[float], count: int) -> list[list[int]]:
    """The indexes of weights split into `count` parts of about equal total weight: the
    heaviest first, each to the part that weighs least so far."""
    split: list[list[int]] = [[] for _ in range(count)]
    load = [0.0] * count
    for i in sorted(range(len(weights)), key=lambda i: -weights[i]):
        lightest = load.index(min(load))
        split[lightest].append(i)
        load[lightest] += weights[i]
    return split


def _run(indexes: list[int]) -> list[tuple[int, Any]]:
    assert _WORK is not None
    return [(i, _WORK(i)) for i in indexes]


def share_out(work: Callable[[int], Any], weights: Sequence[float], jobs: int) -> list[Any]:
    """[work(i) for each index of weights], the same list however it is computed. With
    may_fork(jobs), jobs - 1 forked processes each do a part while this one does the last;
    else this process does it all. Results come back pickled."""
    if not may_fork(jobs) or len(weights) < 2:
        return [work(i) for i in range(len(weights))]
    global _WORK
    *theirs, mine = parts(weights, jobs)
    results: list[Any] = [None] * len(weights)
    _WORK = work
    try:
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(len(theirs), mp_context=fork) as pool:
            futures = [pool.submit(_run, part) for part in theirs if part]
            done = _run(mine)
            for future in futures:
                done += future.result()
    finally:
        _WORK = None
    for index, result in done:
        results[index] = result
    return results
