#!/usr/bin/env python3
"""Benchmarks: lessonkit's own work against the engine's, rebuilds, page weight, Lighthouse.

python benchmarks/bench.py [--sizes 10 100 [1000]] [--runs 3] [--lighthouse-runs 5]
                           [--out PATH] [--json PATH] [--only sizes|weight|lighthouse]
                           [--pages KIND ...]

Each size is a synthetic course (benchmarks/synthetic.py) shaped like a real one, in a
temporary copy of this project. Measured there:

- generation: load, validate, render and write into an empty docs/, each step timed;
- the engine: `python -m mkdocs build --strict` on the project's own mkdocs.yml, less the
  time its hook spends generating the pages at the start (the step above, done again);
- `lessonkit build` from start to finish, once;
- rebuilds: generating again with nothing changed, after an edit to one lesson's text and
  after an edit to its title: how long, and which files were rewritten.

Then the bundled course is built twice, as lessonkit builds it and as plain Material builds
the same Markdown, and one page of each kind (home, a lesson, its quiz, the glossary, the
self-check, progress, the workbook, ...) is measured in both:

- page weight: everything a browser fetches to show it, gzip-compressed;
- Lighthouse on a phone (benchmarks/lighthouse.py): the performance score, FCP, LCP, TBT
  (and how much of it each script caused) and CLS, and the accessibility, best-practices
  and SEO scores, medians of --lighthouse-runs (5: Lighthouse's own advice, which halves
  the spread of one run). Without Lighthouse (scripts/ensure-lighthouse.sh) the report
  says so and leaves it out.

The report goes to benchmarks/results.md (or --out) and to the screen; --only measures one
part and replaces only its section. Times are medians of --runs; nothing here asserts a
time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import lighthouse  # noqa: E402
from benchmarks.synthetic import edit_lesson, write_course  # noqa: E402
from lessonkit.build.write import write_pages  # noqa: E402
from lessonkit.checks import validate  # noqa: E402
from lessonkit.cli import serve_config  # noqa: E402
from lessonkit.load import load_course  # noqa: E402
from lessonkit.pipeline import generate, generate_into  # noqa: E402
from lessonkit.project import markdown_converter  # noqa: E402
from lessonkit.render import render_course  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results.md"
MANIFEST = ".lessonkit-manifest.json"  # the generator's list of the pages it owns in docs/
GZIP_LEVEL = 6
PACKAGES = ("lessonkit", "mkdocs", "mkdocs-material", "markdown", "jinja2", "pyyaml")


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
        "cpu": first("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory_kb) / 1024**2, 1) if memory_kb.isdigit() else None,
        "system": platform.platform(),
        "python": platform.python_version(),
        "versions": {name: _version(name) for name in PACKAGES},
        "load_average": os.getloadavg()[0],
    }


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


# ------------------------------------------------------------------------- a project copy


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV [NAME, default]` becomes the variable or the default."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    else:
        names = loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)


def read_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


def project(dest: Path, content: Path | None, lessons: int, seed: int) -> Path:
    """A copy of what this project's mkdocs.yml needs (the hooks and the theme folder it
    names, the hand-written files of docs/) with the given content/, or with a synthetic
    course of `lessons` lessons."""
    config = read_config(ROOT / "mkdocs.yml")
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    for name in [*([custom_dir] if custom_dir else [])]:
        src, target = ROOT / name, dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, target)
        else:
            shutil.copy2(src, target)
    docs = ROOT / config.get("docs_dir", "docs")
    try:
        generated = set(json.loads((docs / MANIFEST).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        generated = set()
    generated.add(MANIFEST)
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if path.is_file() and rel not in generated:
            target = dest / "docs-template" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    (dest / "docs-template").mkdir(exist_ok=True)
    if content is not None:
        shutil.copytree(content, dest / "content")
    else:
        write_course(dest / "content", lessons, seed)
    return dest


def fresh_docs(root: Path, name: str = "docs") -> Path:
    """A docs/ holding only the hand-written files, as on a fresh clone.

    Every timed run gets a folder of its own and nothing is deleted until the bench ends: on
    a disk mounted with online discard, creating thousands of files just after thousands
    were deleted is several times slower, which would measure the disk, not lessonkit."""
    docs = root / name
    shutil.copytree(root / "docs-template", docs)
    os.sync()  # the copy reaches the disk now, not during the timed step
    return docs


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


# ------------------------------------------------------------------------------ generation

STAGES = ("load", "validate", "render", "write")


def generation(root: Path, runs: int) -> dict[str, Any]:
    """The four steps of a generation, one after the other, into an empty docs/ (an author's
    first build): wall time of each, and the CPU time of the whole."""
    checked = generate(root)
    if not checked.ok:
        raise SystemExit("the course has errors:\n" + "\n".join(map(str, checked.problems)))
    content = root / "content"
    results = []
    for run in range(runs):
        docs = fresh_docs(root, f"docs-generation-{run}")
        cpu, marks = time.process_time(), [time.perf_counter()]
        loaded = load_course(content, shown_root=root)
        marks.append(time.perf_counter())
        validate(loaded.course, loaded.marks, markdown_converter(root))
        marks.append(time.perf_counter())
        pages = render_course(loaded.course)
        marks.append(time.perf_counter())
        write_pages(docs, pages)
        marks.append(time.perf_counter())
        steps = {stage: b - a for stage, a, b in zip(STAGES, marks, marks[1:], strict=False)}
        results.append({**steps, "total": sum(steps.values()), "cpu": time.process_time() - cpu})
    return {
        "runs": results,
        "median_s": {key: statistics.median(r[key] for r in results) for key in results[0]},
        "pages": len(checked.pages),
    }


# -------------------------------------------------------------------------------- the engine

# `python -m mkdocs build`, with the time spent in the config event (where the project's
# hook generates the pages) written as JSON to argv[1] at exit, so it can be taken off:
# generation is measured on its own above.
_ENGINE = """
import atexit, json, runpy, sys, time
from mkdocs.plugins import PluginCollection

target, spent = sys.argv[1], {"wall_s": 0.0, "cpu_s": 0.0}
original = PluginCollection.on_config

def on_config(self, config):
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        return original(self, config)
    finally:
        spent["wall_s"] += time.perf_counter() - wall
        spent["cpu_s"] += time.process_time() - cpu

def write():
    with open(target, "w") as f:
        json.dump(spent, f)

PluginCollection.on_config = on_config
atexit.register(write)
sys.argv = ["mkdocs", *sys.argv[2:]]
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


def run_engine(root: Path, site: Path, config_file: Path | None = None) -> dict[str, float]:
    """One `mkdocs build --strict` in a child process on the preview's config (the
    defaults, the project's settings and the hook): wall and CPU time, less its config
    event's (the hook's generation)."""
    spent_file = root / "engine-config-event.json"
    preview, env = serve_config(root)
    cmd = [sys.executable, "-c", _ENGINE, str(spent_file)]
    # not -q: it hides the warnings, and --strict would then have nothing to fail on
    cmd += ["build", "--strict", "-f", str(config_file or preview), "-d", str(site)]
    env = {**env, "PYTHONPATH": str(ROOT)}
    os.sync()
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=root, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            out.seek(0)
            raise SystemExit(f"mkdocs build failed:\n{out.read().decode(errors='replace')}")
    hook = json.loads(spent_file.read_text(encoding="utf-8"))
    return {
        "wall_s": wall - hook["wall_s"],
        "cpu_s": usage.ru_utime + usage.ru_stime - hook["cpu_s"],
        "hook_wall_s": hook["wall_s"],
    }


def engine(root: Path, runs: int) -> dict[str, Any]:
    results = [run_engine(root, root / f"site-run-{run}") for run in range(runs)]
    return {
        "runs": results,
        "median_s": statistics.median(r["wall_s"] for r in results),
        "cpu_median_s": statistics.median(r["cpu_s"] for r in results),
        "html_pages": sum(1 for _ in (root / "site-run-0").rglob("*.html")),
    }


def lessonkit_build(root: Path) -> float:
    """`lessonkit build` from start to finish (check, generate, engine, swap), in a child
    process as an author runs it."""
    code = "import sys; from lessonkit.cli import main; raise SystemExit(main(sys.argv[1:]))"
    cmd = [sys.executable, "-c", code, "build", "--root", str(root)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    os.sync()
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"lessonkit build failed:\n{proc.stdout}{proc.stderr}")
    return seconds


# ---------------------------------------------------------------------------------- rebuild


def rebuild(root: Path, lessons: int) -> dict[str, Any]:
    """Generate into the built project's docs/ again: with nothing changed, after a change
    to one lesson's text, then to its title.

    Expected: exactly the pages whose text shows the change; any other page rewritten is a
    page that changes when nothing did. (The engine has no incremental build: it rebuilds
    the whole site every time.)"""
    number = lessons // 2 + 1
    out: dict[str, Any] = {"lesson": number}
    for what in ("none", "body", "title"):
        marker = edit_lesson(root / "content", number, what) if what != "none" else None
        seconds, (result, report) = timed(lambda: generate_into(root, root / "docs"))
        assert result.ok and report is not None, result.problems
        shows = {path for path, text in result.pages.items() if marker and marker in text}
        out[what] = {
            "seconds": seconds,
            "written": report.written,
            "deleted": report.deleted,
            "expected": sorted(shows),
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
    return {"raw": len(data), "gzip": len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))}


def _html_path(markdown_path: str) -> str:
    """docs/ path of a page -> the file MkDocs writes for it (directory URLs)."""
    stem = markdown_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


# ------------------------------------------------------------------------------- two sites


@dataclass(frozen=True)
class Sites:
    """The bundled course built twice: with lessonkit's CSS, script and theme overrides
    ("ours"), and as plain Material builds the same Markdown ("plain")."""

    course: str  # which course, for the report
    folders: dict[str, Path]  # "ours", "plain" -> the built site
    pages: dict[str, str]  # page kind -> its HTML file in either site


def page_kinds(markdown_pages: Iterable[str]) -> dict[str, str]:
    """One page of each kind a course has -> its HTML file: the home page, the first
    lesson and its quiz, and each page at the top of the site (glossary, self-check,
    progress, workbook and the like) by its name."""
    pages = set(markdown_pages)
    lesson = min(p for p in pages if re.fullmatch(r"lessons/[^/]+/index\.md", p))
    quiz = lesson.replace("index.md", "quiz.md")
    kinds = {"home": "index.md", "lesson": lesson, **({"quiz": quiz} if quiz in pages else {})}
    kinds |= {p.removesuffix(".md"): p for p in sorted(pages) if "/" not in p and p != "index.md"}
    return {kind: _html_path(path) for kind, path in kinds.items()}


def build_sites(work: Path, seed: int) -> Sites:
    """The bundled course (a synthetic one when content/ does not build), built by
    `mkdocs build` as lessonkit configures it and again without our CSS, script and theme
    folder: the same Markdown, the same Material, the same Markdown extensions."""
    content = ROOT / "content"
    real = content.is_dir() and generate(ROOT, content).ok
    root = project(work / "weight", content if real else None, 10, seed)
    fresh_docs(root)
    result, _ = generate_into(root, root / "docs")
    assert result.ok, result.problems
    preview, _ = serve_config(root)
    config = yaml.safe_load(preview.read_text(encoding="utf-8"))
    config.pop("extra_css", None)
    config.pop("extra_javascript", None)
    config.get("theme", {}).pop("custom_dir", None)
    plain = preview.with_name("plain.yml")
    plain.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    folders = {"ours": root / "site-ours", "plain": root / "site-plain"}
    run_engine(root, folders["ours"])
    run_engine(root, folders["plain"], plain)
    course = "the bundled course (`content/`)" if real else "a synthetic course of 10 lessons"
    return Sites(course, folders, page_kinds(result.pages))


def chosen(sites: Sites, kinds: Iterable[str] | None) -> dict[str, str]:
    """The page kinds named (all when None) that the course has -> their HTML files."""
    return {k: p for k, p in sites.pages.items() if kinds is None or k in kinds}


def page_weight(sites: Sites, kinds: Iterable[str] | None = None) -> dict[str, Any]:
    """What a browser downloads to show each page kind, in either site."""
    out: dict[str, Any] = {"course": sites.course, "pages": {}}
    for kind, rel in chosen(sites, kinds).items():
        ours, plain = (
            downloads(sites.folders[k], sites.folders[k] / rel) for k in ("ours", "plain")
        )
        out["pages"][kind] = {
            "path": rel,
            "ours": ours,
            "plain": plain,
            "added_gzip": ours["gzip"] - plain["gzip"],
            "only_ours": {f: w for f, w in ours["files"].items() if f not in plain["files"]},
        }
    return out


def first_paint(sites: Sites, runs: int, kinds: Iterable[str] | None, work: Path) -> dict[str, Any]:
    """Lighthouse on every page kind (or those named) of both sites; when Lighthouse cannot
    run, why, so that the report can say so."""
    pages = chosen(sites, kinds)
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0]
    try:
        found = lighthouse.measure(sites.folders, pages, runs, work / "lighthouse")
    except lighthouse.LighthouseError as error:
        print(f"Lighthouse left out: {error}", file=sys.stderr)
        return {"skipped": str(error)}
    return {**found, "course": sites.course, "date": started, "load": [load, os.getloadavg()[0]]}


# ------------------------------------------------------------------------------- one size


def measure_size(work: Path, lessons: int, runs: int, seed: int) -> dict[str, Any]:
    root = project(work / f"course-{lessons}", None, lessons, seed)
    gen = generation(root, runs)
    fresh_docs(root)  # the docs/ the engine builds from
    generate_into(root, root / "docs")
    eng = engine(root, runs)
    build_s = lessonkit_build(root)
    return {
        "lessons": lessons,
        "generate": gen,
        "engine": eng,
        "generate_share": gen["median_s"]["total"] / eng["median_s"],
        "lessonkit_build_s": build_s,
        "rebuild": rebuild(root, lessons),
    }


# ------------------------------------------------------------------------------- the report


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table; columns of figures are aligned right."""
    figure = re.compile(r"[\d.,%]+|-")
    align = [
        "---:" if all(figure.fullmatch(row[i]) for row in rows) else "---"
        for i in range(len(header))
    ]
    return [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(align) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def preamble(data: dict[str, Any]) -> list[str]:
    mc, runs = data["machine"], data["runs"]
    versions = ", ".join(f"{name} {v}" for name, v in mc["versions"].items())
    return [
        "# Benchmark results",
        "",
        f"Written on {data['date']} by:",
        "",
        "```sh",
        data["command"],
        "```",
        "",
        "One machine on one day: compare runs made on the same machine, not figures from",
        "different ones.",
        "",
        f"- Machine: {mc['cpu']}, {mc['cores']} cores, {mc['memory_gb']} GB memory; {mc['system']}",
        f"- Python {mc['python']}; {versions}",
        f"- Load average {mc['load_average']:.2f} at the start, "
        f"{mc['load_average_end']:.2f} at the end",
        f"- Times in seconds, medians of {runs} run(s) unless marked; synthetic courses "
        "(`benchmarks/synthetic.py`)",
    ]


def sizes_sections(sizes: list[dict[str, Any]]) -> list[str]:
    out = [
        "",
        "## Generation against the engine",
        "",
        "Generation is lessonkit's own work: load, validate, render and write the Markdown",
        "into an empty `docs/`. The engine is `mkdocs build --strict` turning that Markdown",
        "into the site, less the time its hook spends generating at the start. The last",
        "column is `lessonkit build` from start to finish, one run.",
        "",
    ]
    header = ["lessons", "pages", "HTML pages", *(f"{s} s" for s in STAGES)]
    header += ["generation s", "engine s", "generation / engine", "engine CPU s", "build s"]
    rows = []
    for s in sizes:
        g, e = s["generate"]["median_s"], s["engine"]
        rows.append(
            [
                str(s["lessons"]),
                str(s["generate"]["pages"]),
                str(e["html_pages"]),
                *(f"{g[k]:.3f}" for k in STAGES),
                f"{g['total']:.3f}",
                f"{e['median_s']:.2f}",
                f"{100 * s['generate_share']:.1f}%",
                f"{e['cpu_median_s']:.2f}",
                f"{s['lessonkit_build_s']:.2f}",
            ]
        )
    out += _table(header, rows)
    out += [
        "",
        "## Rebuild",
        "",
        "Generating again into the built project's `docs/`: nothing changed, one word of one",
        "lesson's text changed, then that lesson's title. Files rewritten should be exactly",
        "the pages that show the change. The engine then rebuilds the whole site, as above.",
        "",
    ]
    rows = []
    for s in sizes:
        r = s["rebuild"]
        for what, label in (("none", "nothing"), ("body", "text"), ("title", "title")):
            c = r[what]
            rows.append(
                [
                    str(s["lessons"]),
                    f"{label} (lesson {r['lesson']})" if what != "none" else label,
                    f"{c['seconds']:.3f}",
                    str(len(c["written"])),
                    ", ".join(f"`{p}`" for p in c["written"]) or "-",
                    "yes" if c["as_expected"] else "NO",
                ]
            )
    out += _table(["lessons", "change", "seconds", "files rewritten", "which", "as expected"], rows)
    return out


def weight_section(weight: dict[str, Any]) -> list[str]:
    out = [
        "",
        "## Page weight",
        "",
        f"Everything a browser fetches to show a page of {weight['course']}: the HTML,",
        "styles, scripts, icons, the search worker and index, the sitemap. Bytes after",
        f"gzip (level {GZIP_LEVEL}); 'plain' is Material building the same Markdown without",
        "our CSS, script and theme overrides; 'added' is what ours costs on top.",
        "",
    ]
    rows = []
    for name, p in weight["pages"].items():
        ours = ", ".join(f"`{Path(f).name}` {w['gzip']:,}" for f, w in p["only_ours"].items())
        rows.append(
            [
                name,
                f"{p['ours']['gzip']:,}",
                f"{p['plain']['gzip']:,}",
                f"{p['added_gzip']:,}",
                ours or "-",
            ]
        )
    return out + _table(["page", "lessonkit", "plain Material", "added", "our files"], rows)


LIGHTHOUSE_HEADING = "## First paint on a phone (Lighthouse)"
SHORT = {"accessibility": "accessibility", "best-practices": "best practices", "seo": "SEO"}


def lighthouse_rows(sites: dict[str, dict[str, Any]]) -> list[list[str]]:
    """Per page kind: performance, FCP, LCP, TBT and CLS, ours then plain Material's, with
    how much of our TBT lessonkit.js and Material's script caused; and our other three
    scores."""
    rows = []
    for kind, ours in sites["ours"].items():
        plain = sites["plain"][kind]
        row = [kind]
        row += [f"{ours['scores']['performance']:g}", f"{plain['scores']['performance']:g}"]
        for key, unit in (("fcp", 1000), ("lcp", 1000), ("tbt", 1)):
            row += [f"{r['metrics'][key] / unit:,.{2 if unit > 1 else 0}f}" for r in (ours, plain)]
        row += [f"{ours.get('blocking', {}).get(s, 0):,.0f}" for s in ("lessonkit", "material")]
        row += [f"{r['metrics']['cls']:.3f}" for r in (ours, plain)]
        row += [f"{ours['scores'][c]:g}" for c in SHORT]
        rows.append(row)
    return rows


def failures(site: dict[str, Any]) -> list[str]:
    """Each audit that failed on a site, outside performance, with the pages it failed on."""
    found: dict[tuple[str, str], list[str]] = {}
    for kind, page in site.items():
        for category in SHORT:
            for audit in page["failing"][category]:
                found.setdefault((category, audit["id"]), []).append(kind)
    return [f"{SHORT[c]} `{a}` ({', '.join(kinds)})" for (c, a), kinds in found.items()]


def spread(sites: dict[str, dict[str, Any]]) -> str:
    """How far apart the runs of one page were, at most: what a difference must exceed to
    say more than the noise."""
    pages = [page for site in sites.values() for page in site.values()]
    if all(page["runs"] < 2 for page in pages):
        return ""
    score = max(page["spread"]["performance"] for page in pages)
    lcp = max(page["spread"]["lcp"] for page in pages) / 1000
    return (
        f"The runs of one page of one site were up to {score:g} point(s) of performance and "
        f"{lcp:.2f} s of LCP apart: Lighthouse simulates the phone from a trace of a load on "
        "this machine, so a difference smaller than that is noise."
    )


def lighthouse_section(lh: dict[str, Any]) -> list[str]:
    out = ["", LIGHTHOUSE_HEADING, ""]
    if "skipped" in lh:
        return [*out, f"Not measured: {lh['skipped']}."]
    load = lh["load"]
    about = (
        f"Measured on {lh['date']} with Lighthouse {lh['lighthouse']} and {lh['browser']}, on "
        f"{lh['course']}, each site served over http on localhost with its text gzipped, as "
        "a static host serves it. Lighthouse's defaults: the mobile form factor and simulated "
        "throttling (a slow 4G network, a CPU 4 times slower than this one). Each figure is "
        f"the median of {lh['runs']} run(s); the two sites' runs were taken in turn. Load "
        f"average {load[0]:.2f} at the start, {load[1]:.2f} at the end; Lighthouse's benchmark "
        f"index of this machine {lh['benchmark_index']:.0f}. 'plain' is Material building the "
        "same Markdown without our CSS, script and theme overrides. FCP and LCP in seconds, "
        "TBT in milliseconds. 'of it: ours' and 'Material' split lessonkit's TBT by the "
        "script Lighthouse puts each long task down to (its list of long tasks, after first "
        "paint): lessonkit.js, and Material's own script, which both sites run. Lighthouse "
        "names the first script a task runs, and the page's deferred scripts run in the "
        "task that then runs Material's handlers of the parsed page, so 'ours' is at most "
        "what lessonkit.js costs. The last three columns are lessonkit's scores. "
        f"{spread(lh['sites'])}"
    )
    out += [*textwrap.wrap(about, width=90), ""]
    header = ["page", "performance", "plain", "FCP s", "plain", "LCP s", "plain"]
    header += ["TBT ms", "plain", "of it: ours", "Material", "CLS", "plain", *SHORT.values()]
    out += _table(header, lighthouse_rows(lh["sites"]))
    ours, plain = failures(lh["sites"]["ours"]), failures(lh["sites"]["plain"])
    out += [
        "",
        f"Audits failed outside performance, lessonkit: {'; '.join(ours) or 'none'}.",
        f"Plain Material: {'; '.join(plain) or 'none'}.",
    ]
    return out


def report(data: dict[str, Any]) -> str:
    out = preamble(data)
    if data["sizes"]:
        out += sizes_sections(data["sizes"])
    if data.get("weight"):
        out += weight_section(data["weight"])
    if data.get("lighthouse"):
        out += lighthouse_section(data["lighthouse"])
    return "\n".join(out) + "\n"


def _sections(text: str) -> tuple[str, dict[str, str]]:
    """A report's text before its first `## ` heading, and each section by its heading."""
    parts = re.split(r"^(?=## )", text, flags=re.MULTILINE)
    head, rest = (parts[0], parts[1:]) if not parts[0].startswith("## ") else ("", parts)
    return head, {part.split("\n", 1)[0]: part for part in rest}


def merge_reports(old: str, new: str) -> str:
    """The report of a run that measured only some parts, laid into the last full report:
    the sections it wrote replace theirs, the others (and the heading) stay."""
    head, sections = _sections(old)
    added = _sections(new)[1]
    merged = {**sections, **added}
    text = head + "".join(part.rstrip("\n") + "\n\n" for part in merged.values())
    return text.rstrip("\n") + "\n"


PARTS = ("sizes", "weight", "lighthouse")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[10, 100], help="lesson counts (10 100)")
    p.add_argument("--runs", type=int, default=3, help="timed runs of each step (3)")
    p.add_argument(
        "--lighthouse-runs", type=int, default=5, help="Lighthouse runs of each page (5)"
    )
    p.add_argument("--out", type=Path, default=RESULTS, help="the Markdown report")
    p.add_argument("--json", type=Path, help="also write every figure here")
    p.add_argument("--seed", type=int, default=0, help="of the synthetic courses")
    p.add_argument("--no-weight", action="store_true", help="skip the page weight")
    p.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    p.add_argument(
        "--only",
        choices=PARTS,
        help="measure this part alone and replace only its section of the report",
    )
    p.add_argument(
        "--pages",
        nargs="+",
        metavar="KIND",
        help="page kinds for the page weight and Lighthouse (home lesson quiz ...; all)",
    )
    p.add_argument("--keep", type=Path, help="work in this (new) folder and keep it")
    args = p.parse_args(argv)
    if any(n < 1 for n in args.sizes) or min(args.runs, args.lighthouse_runs) < 1:
        p.error("sizes and runs are counts from 1")
    parts = {args.only} if args.only else set(PARTS)
    parts -= {"weight"} if args.no_weight else set()
    parts -= {"lighthouse"} if args.no_lighthouse else set()
    shown = ["python benchmarks/bench.py", *(argv if argv is not None else sys.argv[1:])]
    data: dict[str, Any] = {
        "command": " ".join(shown),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "runs": args.runs,
        "sizes": [],
        "weight": None,
        "lighthouse": None,
    }
    with tempfile.TemporaryDirectory(prefix="lessonkit-bench-") as tmp:
        work = args.keep or Path(tmp)
        for size in args.sizes if "sizes" in parts else []:
            print(f"measuring {size} lessons ...", file=sys.stderr, flush=True)
            data["sizes"].append(measure_size(work, size, args.runs, args.seed))
        if parts & {"weight", "lighthouse"}:
            print("building the course with and without our theme ...", file=sys.stderr)
            sites = build_sites(work, args.seed)
        if "weight" in parts:
            data["weight"] = page_weight(sites, args.pages)
        if "lighthouse" in parts:
            print("running Lighthouse ...", file=sys.stderr, flush=True)
            data["lighthouse"] = first_paint(sites, args.lighthouse_runs, args.pages, work)
        data["machine"]["load_average_end"] = os.getloadavg()[0]
    text = report(data)
    if args.only and args.out.is_file():
        text = merge_reports(args.out.read_text(encoding="utf-8"), text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    print(f"Written to {args.out}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
