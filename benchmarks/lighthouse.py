"""Lighthouse on the built sites, as a phone sees them: lessonkit's and plain Material's.

Each site is served over http on localhost as a static host serves it (text compressed with
gzip, connections kept open), and Lighthouse (npm, installed into .cache/ by
scripts/ensure-lighthouse.sh) loads every page kind with its defaults: the mobile form
factor and simulated throttling (a mid-range phone on a slow 4G network). The runs
alternate between the two sites, so that a busy moment of the machine falls on both. Each
figure is the median of the runs.

What is pure here (reading a report, the medians) is tested in tests/test_bench.py with a
small report written by hand; running Lighthouse is not.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
INSTALL = "scripts/ensure-lighthouse.sh"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PASS_FAIL = CATEGORIES[1:]  # each audit passes or fails; performance is its metrics
# Lighthouse's audit ids of the figures reported; times in ms, CLS without a unit.
METRICS = {
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "si": "speed-index",
}
# Whose script a long task ran, by the address Lighthouse gives it; anything else (the page's
# own parsing and layout, work no script is named for) is "other".
SCRIPTS = {
    "lessonkit": re.compile(r"/lessonkit\.js$"),
    "material": re.compile(r"/bundle\.[^/]*\.js$"),
}
BLOCKING_MS = 50  # a task blocks input for as long as it runs past this
TIMEOUT_S = 300
GZIP_LEVEL = 6
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


class LighthouseError(Exception):
    """Lighthouse could not measure: not installed, or a run failed."""


# ------------------------------------------------------------------------ reading a report


def failing(report: dict[str, Any], category: str) -> list[dict[str, Any]]:
    """The audits of a category that count towards its score and did not pass."""
    audits = report["audits"]
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            out.append({"id": ref["id"], "score": audit["score"], "title": audit["title"]})
    return out


def summary(report: dict[str, Any]) -> dict[str, Any]:
    """One Lighthouse report (its JSON) in the figures the benchmark keeps: the category
    scores out of 100, the metrics, and what failed in each category but performance."""
    if report.get("runtimeError"):
        error = report["runtimeError"]
        raise LighthouseError(f"{error.get('code')}: {error.get('message')}")
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    if any(s is None for s in scores.values()):
        raise LighthouseError(f"a category has no score: {scores}")
    return {
        "scores": {c: round(100 * s) for c, s in scores.items()},
        "metrics": {k: report["audits"][a]["numericValue"] for k, a in METRICS.items()},
        "blocking": blocking(report),
        "failing": {c: failing(report, c) for c in PASS_FAIL},
        "lighthouse": report.get("lighthouseVersion", "-"),
        "browser": _browser(report.get("environment", {}).get("hostUserAgent", "")),
        "benchmark_index": report.get("environment", {}).get("benchmarkIndex"),
    }


def blocking(report: dict[str, Any]) -> dict[str, float]:
    """Total blocking time by whose script caused it: each long task Lighthouse lists, cut
    to the time between first paint and interactive as TBT counts it, less its first 50 ms.
    TBT itself blends two simulations and the list comes from one, so these add up to TBT
    give or take a few tens of ms. Lighthouse names a task by the first script it runs: a
    task that runs a deferred script and then the handlers of the parsed page is put down to
    the deferred script, so a script's figure is at most what it costs."""
    audits = report["audits"]
    start = audits["first-contentful-paint"]["numericValue"]
    end = audits.get("interactive", {}).get("numericValue", float("inf"))
    found = {name: 0.0 for name in (*SCRIPTS, "other")}
    for task in (audits.get("long-tasks", {}).get("details") or {}).get("items", []):
        ran = min(task["startTime"] + task["duration"], end) - max(task["startTime"], start)
        if ran > BLOCKING_MS:
            url = str(task.get("url", "")).split("?", 1)[0]
            name = next((n for n, pattern in SCRIPTS.items() if pattern.search(url)), "other")
            found[name] += ran - BLOCKING_MS
    return found


def _browser(user_agent: str) -> str:
    """The browser's name and major version from a user agent string."""
    found = re.search(r"(?:Headless)?(Chrome|Chromium)/(\d+)", user_agent)
    return f"Chromium {found[2]}" if found else "-"


def median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The summaries of several runs of one page as one: the median of each score and each
    metric on its own, how far apart the runs were, and every audit that failed in any run
    (with how many runs)."""
    failed: dict[str, dict[str, dict[str, Any]]] = {c: {} for c in PASS_FAIL}
    for run in runs:
        for category, audits in run["failing"].items():
            for audit in audits:
                entry = failed[category].setdefault(audit["id"], {**audit, "runs": 0})
                entry["runs"] += 1
                entry["score"] = min(entry["score"], audit["score"])
    return {
        "runs": len(runs),
        "scores": {c: statistics.median(r["scores"][c] for r in runs) for c in CATEGORIES},
        "metrics": {k: statistics.median(r["metrics"][k] for r in runs) for k in METRICS},
        "blocking": {
            k: statistics.median(r.get("blocking", {}).get(k, 0.0) for r in runs)
            for k in (*SCRIPTS, "other")
        },
        # how far apart the runs were: the highest figure less the lowest
        "spread": {
            "performance": _spread([r["scores"]["performance"] for r in runs]),
            **{k: _spread([r["metrics"][k] for r in runs]) for k in METRICS},
        },
        "failing": {c: list(failed[c].values()) for c in PASS_FAIL},
    }


def _spread(values: list[float]) -> float:
    return max(values) - min(values)


# --------------------------------------------------------------------------- serving a site


class _StaticHost(SimpleHTTPRequestHandler):
    """A site's folder served as a static host serves it: text compressed with gzip for a
    browser that accepts it, and connections kept open (HTTP/1.1)."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """The site on a free port of localhost, for as long as the block runs: its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_StaticHost, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------- running it


def chrome() -> str:
    """The Chromium Lighthouse drives: $CHROME_PATH, $CHROMIUM, or the system's."""
    for candidate in (os.environ.get("CHROME_PATH"), os.environ.get("CHROMIUM")):
        if candidate:
            return candidate
    return shutil.which("chromium") or "/usr/bin/chromium"


def available() -> str | None:
    """Why Lighthouse cannot run here, or None when it can."""
    if not LIGHTHOUSE.is_file():
        return f"Lighthouse is not installed in {LIGHTHOUSE.parents[2]} (bash {INSTALL})"
    if shutil.which("node") is None:
        return "Lighthouse needs Node.js, which is not on the PATH"
    if not os.access(chrome(), os.X_OK):
        return f"no Chromium at {chrome()} (set CHROME_PATH)"
    return None


def run(url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse run on one address: its summary. The whole report is kept in `out`."""
    cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet"]
    cmd += [f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
    env = {**os.environ, "CHROME_PATH": chrome()}
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, env=env, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise LighthouseError(f"Lighthouse took over {TIMEOUT_S} s on {url}") from error
    if proc.returncode != 0 or not out.is_file():
        raise LighthouseError(f"Lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
    return summary(json.loads(out.read_text(encoding="utf-8")))


def measure(sites: dict[str, Path], pages: dict[str, str], runs: int, work: Path) -> dict:
    """Every page kind of every site, `runs` times: per site and kind, the median and the
    runs; and the versions of Lighthouse and the browser."""
    reason = available()
    if reason:
        raise LighthouseError(reason)
    work.mkdir(parents=True, exist_ok=True)
    found: dict[str, dict[str, list[dict[str, Any]]]] = {s: {k: [] for k in pages} for s in sites}
    with contextlib.ExitStack() as stack:
        bases = {name: stack.enter_context(served(site)) for name, site in sites.items()}
        for n in range(runs):
            for kind, path in pages.items():
                for name, base in bases.items():
                    print(f"  lighthouse {n + 1}/{runs}: {kind}, {name}", file=sys.stderr)
                    out = work / f"{name}-{kind}-{n + 1}.json"
                    found[name][kind].append(run(base + _address(path), out))
    every = [r for kinds in found.values() for rs in kinds.values() for r in rs]
    return {
        "runs": runs,
        "lighthouse": every[0]["lighthouse"],
        "browser": every[0]["browser"],
        "benchmark_index": statistics.median(r["benchmark_index"] or 0 for r in every),
        "sites": {
            name: {kind: {**median(rs), "path": pages[kind]} for kind, rs in kinds.items()}
            for name, kinds in found.items()
        },
    }


def _address(html_path: str) -> str:
    """A site's file -> the address a reader opens (directory URLs end in a slash)."""
    if html_path == "index.html":
        return ""
    return html_path.removesuffix("index.html")
