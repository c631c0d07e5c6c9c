#!/usr/bin/env python3
"""Benchmarks: generation against the engine at several course sizes, rebuild, page weight.

python benchmarks/bench.py [--sizes 10,100,1000] [--runs 3] [--json bench.json]

Everything is measured on this machine, in a temporary folder, on synthetic courses
(benchmarks/synthetic.py) with the shape of a real one. The engine runs as `mkdocs build
--strict` with the config the build command derives. Times are medians over --runs; the
engine's CPU time (user + system) is shown too, since the wall time of a busy shared machine
says more about the neighbours than about the build. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import edit_lesson, write_course  # noqa: E402
from lessonkit import model as m  # noqa: E402
from lessonkit.cores import default_jobs  # noqa: E402
from lessonkit.engine import derived_config  # noqa: E402
from lessonkit.load import load_course  # noqa: E402
from lessonkit.pipeline import cache_dir, collector_paused, generate, generate_into  # noqa: E402
from lessonkit.render import PATHS, render_course  # noqa: E402
from lessonkit.validate import validate  # noqa: E402
from lessonkit.write import MANIFEST, owned, write_pages  # noqa: E402

GOALS = {"generate_share": 0.05, "engine_1000_s": 20.0, "additions_gzip": 12 * 1024}


# ---------------------------------------------------------------------------- the machine


def machine() -> dict[str, Any]:
    def first(path: str, key: str) -> str:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError:
            return ""
        return next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith(key)), "")

    memory_kb = first("/proc/meminfo", "MemTotal").split(" ")[0]
    return {
        "cpu": first("/proc/cpuinfo", "model name") or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory_kb) / 1024**2, 1) if memory_kb.isdigit() else None,
        "system": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": _version("mkdocs"),
        "mkdocs_material": _version("mkdocs-material"),
        "load_average": os.getloadavg()[0],
    }


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


# ------------------------------------------------------------------------- a project copy


def project(dest: Path, content: Path | None, lessons: int, seed: int) -> Path:
    """The engine files of this project (mkdocs.yml, overrides/, hand-written docs/) with
    the given content/, or a synthetic course of `lessons` lessons."""
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", dest / "overrides")
    generated = owned(ROOT / "docs") | {MANIFEST}
    shutil.copytree(
        ROOT / "docs",
        dest / "docs-template",
        ignore=lambda folder, names: [
            n
            for n in names
            if (Path(folder) / n).relative_to(ROOT / "docs").as_posix() in generated
        ],
    )
    # the folders that held only generated pages (docs/lessons/...) go too
    for folder, _, _ in sorted(os.walk(dest / "docs-template"), reverse=True):
        if not any(Path(folder).iterdir()):
            Path(folder).rmdir()
    if content is not None:
        shutil.copytree(content, dest / "content")
    else:
        write_course(dest / "content", lessons, seed)
    return dest


def fresh_docs(root: Path, name: str = "docs") -> Path:
    docs = root / name
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(root / "docs-template", docs)
    # let the disk write back the removed and copied files now, not during the timed step
    os.sync()
    return docs


# ------------------------------------------------------------------------------ generation


def cpu_seconds() -> float:
    """User and system time of this process and of the children it has waited for (the
    render workers of a generation)."""
    own, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def generation(root: Path, runs: int) -> dict[str, Any]:
    """generate_into a fresh docs/ `runs` times with no parse cache (an author's first build)
    and `runs` times with a warm one (every build after it: `lessonkit build` keeps the
    cache in .lessonkit/), on as many processes as `lessonkit build` uses; one more run
    timed stage by stage, and one on one process under tracemalloc for the peak memory.

    Each run writes into a folder of its own, and nothing is removed until the whole bench
    ends: on a disk mounted with online discard (as here), creating thousands of files soon
    after thousands were deleted takes up to ten times as long as creating them anywhere
    else, which is the disk's business, not the generator's (nor the engine's, which runs
    next)."""
    jobs = default_jobs()
    made: list[Path] = []

    def timed_runs(cache: Path | None) -> tuple[list[float], list[float], Any]:
        seconds, cpu, report = [], [], None
        for _ in range(runs):
            docs = fresh_docs(root, f"docs-run-{len(made)}")
            made.append(docs)
            cpu_start = cpu_seconds()
            elapsed, (result, report) = timed(
                lambda d=docs: generate_into(root, d, cache=cache, jobs=jobs)
            )
            cpu.append(cpu_seconds() - cpu_start)
            if not result.ok or report is None:
                raise SystemExit(
                    "the course did not generate:\n" + "\n".join(map(str, result.problems))
                )
            seconds.append(elapsed)
        return seconds, cpu, report

    seconds, cpu, report = timed_runs(None)
    generate_into(root, fresh_docs(root, "docs-cache-fill"), cache=cache_dir(root))
    cached, cached_cpu, _ = timed_runs(cache_dir(root))
    stages = generation_stages(root, fresh_docs(root, "docs-stages"), jobs)
    docs = fresh_docs(root)  # the docs/ the engine builds from
    tracemalloc.start()
    generate_into(root, docs)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "jobs": jobs,
        "runs_s": seconds,
        "median_s": statistics.median(seconds),
        "cpu_median_s": statistics.median(cpu),
        "cached_runs_s": cached,
        "cached_median_s": statistics.median(cached),
        "cached_cpu_median_s": statistics.median(cached_cpu),
        "stages_s": stages,
        "peak_mb": round(peak / 1024**2, 1),
        "pages": len(report.written),
    }


def generation_stages(root: Path, docs: Path, jobs: int) -> dict[str, float]:
    """The steps of pipeline.generate_into, one at a time (to see which one is slow), with
    the parse cache warm."""
    with collector_paused():
        t_load, loaded = timed(
            lambda: load_course(root / "content", shown_root=root, cache=cache_dir(root))
        )
        assert loaded.course is not None
        course = loaded.course
        t_validate, _ = timed(lambda: validate(course, loaded.marks))
        t_render, pages = timed(lambda: render_course(course, jobs=jobs))
        t_write, _ = timed(lambda: write_pages(docs, pages))
    return {"load": t_load, "validate": t_validate, "render": t_render, "write": t_write}


# -------------------------------------------------------------------------------- the engine


@dataclass
class EngineRun:
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    worker_peak_rss_mb: float = 0.0


def engine_config(
    root: Path, course: m.Course, docs: Path, site: Path, plain: bool = False
) -> dict[str, Any]:
    """The config `lessonkit build` derives; plain=True leaves out our CSS, JS and
    overrides (a plain Material site from the same Markdown)."""
    config = derived_config(root, course, docs, site)
    if plain:
        config.pop("extra_css", None)
        config.pop("extra_javascript", None)
        config["theme"] = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    return config


# Runs the engine as `lessonkit build` does (lessonkit/mkdocs_jobs.py: `mkdocs build` with the
# pages shared out over the cores) and, at exit, writes its own peak memory (VmHWM, in kB) and
# that of its largest worker to argv[1]. The ru_maxrss that wait4 reports for a child counts
# the parent's memory too (the child starts as a copy of this process before it execs), which
# here is the whole generated course.
_ENGINE = """
import atexit, resource, runpy, sys
target = sys.argv[1]
def peak():
    try:
        own = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
    except (OSError, IndexError):
        own = str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    open(target, "w").write(f"{own} {workers}")
atexit.register(peak)
sys.argv = ["lessonkit.mkdocs_jobs", *sys.argv[2:]]
runpy.run_module("lessonkit.mkdocs_jobs", run_name="__main__", alter_sys=True)
"""


def run_engine(
    config: dict[str, Any], workdir: Path, jobs: int | None = None, language: str | None = "en"
) -> EngineRun:
    """The engine in a child process, as `lessonkit build` runs it (the theme's faults
    repaired in pages of `language`; None leaves them): wall time, its CPU time and its
    workers' (wait4), and its peak memory plus that of its largest worker."""
    config_file = workdir / "engine.yml"
    config_file.write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    peak_file = workdir / "engine-peak.txt"
    # not -q: it hides the warnings, and --strict would then have nothing to fail on
    cmd = [sys.executable, "-c", _ENGINE, str(peak_file), "-f", str(config_file), "--strict"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    if language is not None:
        cmd += ["--fix-theme", "--language", language]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=workdir, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            out.seek(0)
            raise SystemExit(f"the engine failed:\n{out.read().decode(errors='replace')}")
    own_kb, worker_kb = (int(x) for x in peak_file.read_text(encoding="utf-8").split())
    return EngineRun(
        wall, usage.ru_utime + usage.ru_stime, round(own_kb / 1024, 1), round(worker_kb / 1024, 1)
    )


def engine(root: Path, course: m.Course, runs: int) -> dict[str, Any]:
    """`runs` builds as `lessonkit build` runs them (every core), then one on a single core
    (plain `mkdocs build`) to show what sharing the pages out gains. Each build writes a
    new site folder (see generation() for why nothing is removed in between), after the
    disk has written back what came before."""
    docs = root / "docs"
    sites: list[Path] = []

    def once(jobs: int | None = None) -> EngineRun:
        sites.append(root / f"site-run-{len(sites)}")
        os.sync()
        config = engine_config(root, course, docs, sites[-1])
        return run_engine(config, root, jobs, language=course.language)

    results = [once() for _ in range(runs)]
    single = once(jobs=1)
    lesson_html = sites[-1] / Path(PATHS.lesson(course.lessons[0])).parent / "index.html"
    return {
        "runs": [asdict(r) for r in results],
        "jobs": default_jobs(),
        "median_s": statistics.median(r.wall_s for r in results),
        "cpu_median_s": statistics.median(r.cpu_s for r in results),
        "peak_rss_mb": max(r.peak_rss_mb for r in results),
        "worker_peak_rss_mb": max(r.worker_peak_rss_mb for r in results),
        "one_core": asdict(single),
        "html_pages": sum(1 for _ in sites[-1].rglob("*.html")),
        "lesson_html_bytes": lesson_html.stat().st_size,
        "load_average": os.getloadavg()[0],
    }


# ---------------------------------------------------------------------------------- rebuild


def rebuild(root: Path, course: m.Course) -> dict[str, Any]:
    """Regenerate after no change, after a change to one lesson's text and to its title.

    Expected: the pages that show the changed text (the lesson's own pages and the pages
    that list it); any other page rewritten is a page that changes when nothing did."""
    docs = root / "docs"
    number = len(course.lessons) // 2 + 1
    lesson = course.lessons[number - 1]
    own = {PATHS.lesson(lesson), PATHS.quiz(lesson)}
    out: dict[str, Any] = {"lesson": number}
    for what in ("none", "body", "title"):
        marker = edit_lesson(root / "content", number, what) if what != "none" else None
        # as `lessonkit build` does it: with the parse cache the earlier runs filled
        elapsed, (result, report) = timed(
            lambda: generate_into(root, docs, cache=cache_dir(root), jobs=default_jobs())
        )
        assert result.ok and report is not None
        shows = {path for path, text in result.pages.items() if marker in text} if marker else set()
        out[what] = {
            "seconds": elapsed,
            "written": report.written,
            "deleted": report.deleted,
            "unchanged": len(report.unchanged),
            "expected": sorted(shows),
            "own_pages": sorted(own & set(report.written)),
            "listing_pages": sorted(set(report.written) - own),
            "as_expected": set(report.written) == shows and not report.deleted,
        }
    return out


# ------------------------------------------------------------------------------ page weight


class _Refs(HTMLParser):
    """What a browser fetches while loading a page: styles, scripts, icons, images, and the
    search worker named in Material's config."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.config = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "link" and ({"stylesheet", "icon", "preload", "modulepreload"} & set(rel)):
            self.refs.append(a.get("href") or "")
        elif tag in ("script", "img") and a.get("src"):
            self.refs.append(a["src"] or "")
        self._in_config = tag == "script" and a.get("id") == "__config"

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False


def _local(site: Path, page: Path, ref: str) -> Path | None:
    ref = ref.split("#")[0].split("?")[0]
    if not ref or re.match(r"^[a-z]+:", ref) or ref.startswith("//"):
        return None  # another host, or a data: URL (counted inside its page)
    path = (site / ref.lstrip("/")) if ref.startswith("/") else (page.parent / ref)
    path = path.resolve()
    return path if path.is_file() else None


def downloads(site: Path, page: Path) -> dict[str, Any]:
    """Every file a browser downloads to show `page`, with raw and gzip bytes."""
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    files = [page]
    external = []
    for ref in parser.refs:
        path = _local(site, page, ref)
        if path is None and re.match(r"^(https?:)?//", ref):
            external.append(ref)
        elif path is not None:
            files.append(path)
    config = json.loads(parser.config) if parser.config.strip() else {}
    base = (page.parent / config.get("base", ".")).resolve()
    if config.get("search"):  # the worker starts at load and fetches the index
        files.append((page.parent / config["search"]).resolve())
        files.append(base / "search" / "search_index.json")
    if "navigation.instant" in config.get("features", []):  # instant loading reads it at once
        files.append(base / "sitemap.xml")
    for css in [f for f in files if f.suffix == ".css"]:
        for ref in re.findall(r"url\(['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            found = _local(site, css, ref)
            if found is not None:
                files.append(found)
    unique = list(dict.fromkeys(f for f in files if f.is_file()))
    items = {f.relative_to(site).as_posix(): _weight(f.read_bytes()) for f in unique}
    return {
        "files": items,
        "raw": sum(i["raw"] for i in items.values()),
        "gzip": sum(i["gzip"] for i in items.values()),
        "external": external,
    }


def _weight(data: bytes) -> dict[str, int]:
    return {"raw": len(data), "gzip": len(gzip.compress(data, compresslevel=6, mtime=0))}


def page_weight(work: Path, content: Path | None, seed: int) -> dict[str, Any]:
    """Home, first lesson and its quiz: our site against plain Material, same Markdown."""
    real = content is not None and generate(ROOT, content).ok
    root = project(work / "weight", content if real else None, 10, seed)
    docs = fresh_docs(root)
    result, _ = generate_into(root, docs)
    assert result.course is not None
    course = result.course
    lesson = course.lessons[0]
    pages = {
        "home": "index.html",
        "lesson": f"{Path(PATHS.lesson(lesson)).parent.as_posix()}/index.html",
        "quiz": f"{Path(PATHS.quiz(lesson)).with_suffix('').as_posix()}/index.html",
    }
    out: dict[str, Any] = {
        "course": "content/" if real else "synthetic, 10 lessons",
        "gzip_level": 6,
        "pages": {},
    }
    sites = {}
    for kind in ("ours", "plain"):
        sites[kind] = root / f"site-{kind}"
        plain = kind == "plain"
        config = engine_config(root, course, docs, sites[kind], plain=plain)
        run_engine(config, root, language=None if plain else course.language)
    for name, rel in pages.items():
        ours, plain = (downloads(sites[k], sites[k] / rel) for k in ("ours", "plain"))
        only_ours = {f: w for f, w in ours["files"].items() if f not in plain["files"]}
        out["pages"][name] = {
            "path": rel,
            "ours": ours,
            "plain": plain,
            "added_raw": ours["raw"] - plain["raw"],
            "added_gzip": ours["gzip"] - plain["gzip"],
            "only_ours": only_ours,
        }
    return out


# ------------------------------------------------------------------------------- the report


def measure_size(work: Path, lessons: int, runs: int, seed: int) -> dict[str, Any]:
    root = project(work / f"course-{lessons}", None, lessons, seed)
    gen = generation(root, runs)
    course = generate(root).course
    assert course is not None
    eng = engine(root, course, runs)
    total = gen["median_s"] + eng["median_s"]
    return {
        "lessons": lessons,
        "generated_pages": gen["pages"],
        "generate": gen,
        "engine": eng,
        "generate_share": gen["median_s"] / eng["median_s"],
        "cached_generate_share": gen["cached_median_s"] / eng["median_s"],
        "generate_cpu_share": gen["cpu_median_s"] / eng["cpu_median_s"],
        "total_s": total,
        "per_lesson_ms": 1000 * total / lessons,
        "engine_cpu_per_lesson_ms": 1000 * eng["cpu_median_s"] / lessons,
        "rebuild": rebuild(root, course),
    }


Column = tuple[str, Callable[[Any], str]]

TIME_COLUMNS: list[Column] = [
    ("lessons", lambda s: str(s["lessons"])),
    ("generate s", lambda s: f"{s['generate']['median_s']:.3f}"),
    ("cached s", lambda s: f"{s['generate']['cached_median_s']:.3f}"),
    ("engine s", lambda s: f"{s['engine']['median_s']:.2f}"),
    ("1 core s", lambda s: f"{s['engine']['one_core']['wall_s']:.2f}"),
    ("gen/engine", lambda s: f"{100 * s['generate_share']:.1f}%"),
    ("cached/engine", lambda s: f"{100 * s['cached_generate_share']:.1f}%"),
    ("generate cpu s", lambda s: f"{s['generate']['cpu_median_s']:.2f}"),
    ("engine cpu s", lambda s: f"{s['engine']['cpu_median_s']:.2f}"),
    ("gen/engine cpu", lambda s: f"{100 * s['generate_cpu_share']:.1f}%"),
]
SCALE_COLUMNS: list[Column] = [
    ("lessons", lambda s: str(s["lessons"])),
    ("html pages", lambda s: str(s["engine"]["html_pages"])),
    ("total s", lambda s: f"{s['total_s']:.2f}"),
    ("total ms/lesson", lambda s: f"{s['per_lesson_ms']:.1f}"),
    ("engine cpu ms/lesson", lambda s: f"{s['engine_cpu_per_lesson_ms']:.1f}"),
    ("lesson page KB", lambda s: f"{s['engine']['lesson_html_bytes'] / 1024:.0f}"),
    ("gen peak MB", lambda s: f"{s['generate']['peak_mb']:.0f}"),
    ("engine peak MB", lambda s: f"{s['engine']['peak_rss_mb']:.0f}"),
    ("worker peak MB", lambda s: f"{s['engine']['worker_peak_rss_mb']:.0f}"),
]
STAGE_COLUMNS: list[Column] = [
    ("lessons", lambda s: str(s["lessons"])),
    *(
        (f"{k} s", lambda s, k=k: f"{s['generate']['stages_s'][k]:.3f}")
        for k in ("load", "validate", "render", "write")
    ),
]
REBUILD_COLUMNS: list[Column] = [
    ("lessons", lambda r: str(r["lessons"])),
    ("change", lambda r: f"{r['change']} (lesson {r['lesson']})"),
    ("seconds", lambda r: f"{r['seconds']:.2f}"),
    ("written", lambda r: str(len(r["written"]))),
    ("expected", lambda r: str(len(r["expected"]))),
    ("as expected", lambda r: "yes" if r["as_expected"] else "NO"),
]
WEIGHT_COLUMNS: list[Column] = [
    ("page", lambda p: p["name"]),
    ("ours raw", lambda p: f"{p['ours']['raw']:,}"),
    ("ours gzip", lambda p: f"{p['ours']['gzip']:,}"),
    ("plain raw", lambda p: f"{p['plain']['raw']:,}"),
    ("plain gzip", lambda p: f"{p['plain']['gzip']:,}"),
    ("added gzip", lambda p: f"{p['added_gzip']:,}"),
    (
        "only ours (gzip)",
        lambda p: (
            ", ".join(f"{Path(f).name} {w['gzip']:,}" for f, w in p["only_ours"].items()) or "-"
        ),
    ),
]


def table(columns: list[Column], items: list[Any]) -> str:
    rows = [[name for name, _ in columns]] + [[cell(x) for _, cell in columns] for x in items]
    widths = [max(len(r[i]) for r in rows) for i in range(len(columns))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def report(data: dict[str, Any]) -> str:
    mc, sizes = data["machine"], data["sizes"]
    out = [
        f"Machine: {mc['cpu']}, {mc['cores']} cores, {mc['memory_gb']} GB, Python "
        f"{mc['python']}, MkDocs {mc['mkdocs']}, Material {mc['mkdocs_material']}; load "
        f"average {mc['load_average']:.1f} at the start, {mc['load_average_end']:.1f} at the end",
        "",
        f"Generation (generate_into a fresh docs/; 'cached' with the parse cache of "
        f"earlier builds) against the engine as `lessonkit build` runs it ("
        f"{sizes[0]['engine']['jobs'] if sizes else '?'} jobs; '1 core': plain mkdocs build, "
        f"one run); medians of {data['runs']} run(s)",
        table(TIME_COLUMNS, sizes),
        "",
        "Scale: the whole build (generate + engine), time per lesson, memory",
        table(SCALE_COLUMNS, sizes),
        "",
        "Generation by stage (one run)",
        table(STAGE_COLUMNS, sizes),
        "",
        "Rebuild: generate again after changing one lesson (expected: the pages showing it)",
    ]
    changes = [
        {
            "lessons": s["lessons"],
            "lesson": s["rebuild"]["lesson"],
            "change": what,
            **s["rebuild"][what],
        }
        for s in sizes
        for what in ("none", "body", "title")
    ]
    out.append(table(REBUILD_COLUMNS, changes))
    out += [f"  {c['change']}: {', '.join(c['written'])}" for c in changes[1:3]]
    if data.get("weight"):
        w = data["weight"]
        pages = [{"name": name, **p} for name, p in w["pages"].items()]
        out += [
            "",
            f"Page weight in bytes ({w['course']}, gzip level {w['gzip_level']}): the "
            "HTML and every file fetched at load (CSS, JS, search worker and index, "
            "sitemap, icons)",
            table(WEIGHT_COLUMNS, pages),
        ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="10,100,1000", help="lesson counts, comma-separated")
    p.add_argument("--runs", type=int, default=3, help="timed runs of each step")
    p.add_argument("--json", type=Path, help="also write the figures here")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--no-weight", action="store_true", help="skip the page weight")
    p.add_argument("--keep", type=Path, help="work in this (new) folder and keep it")
    args = p.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    data: dict[str, Any] = {
        "machine": machine(),
        "goals": GOALS,
        "runs": args.runs,
        "sizes": [],
        "weight": None,
    }
    with tempfile.TemporaryDirectory(prefix="lessonkit-bench-") as tmp:
        work = args.keep or Path(tmp)
        for size in sizes:
            print(f"measuring {size} lessons ...", file=sys.stderr, flush=True)
            data["sizes"].append(measure_size(work, size, args.runs, args.seed))
        if not args.no_weight:
            print("measuring page weight ...", file=sys.stderr, flush=True)
            content = ROOT / "content"
            data["weight"] = page_weight(work, content if content.is_dir() else None, args.seed)
        data["machine"]["load_average_end"] = os.getloadavg()[0]
    print(report(data))
    if args.json:
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
