"""The offline copy: the whole site as a zip that works when opened from the file system.

What it takes (the build itself is stage.py's staged build, with these config overrides):
- use_directory_urls: false, so every link names a file (lessons/01-x/index.html);
- Material's (and Zensical's) `offline` plugin, which writes the search index as a script
  (search/search_index.js) that a page can load over file://, where fetch() is refused;
- a Web Worker cannot start from file:// either, so search runs in a hidden iframe through
  our own stand-in (static/iframe-worker.js). The plugin would load a shim from another host;
  the copy ships its own instead, so nothing is fetched from elsewhere.
Instant navigation needs a server, and it is left out of the copy: Material does skip it
over file://, but (9.8) that completes its document$ stream before the page has loaded, so
nothing subscribed to it (lessonkit.js, Material's own page components) would ever run.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

SHIM = Path(__file__).parent / "static" / "iframe-worker.js"
# Where the copy holds it, from the site root. The name matters: the offline plugin adds its
# own remote shim unless a polyfill's address already contains "iframe-worker".
SHIM_PATH = "assets/iframe-worker.js"
# What only a server or a debugger uses: the not-found page (its links are root-absolute),
# sitemaps, the search index as JSON (the copy loads it as a script) and source maps.
LEFT_OUT = {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "search.json"}
LEFT_OUT_SUFFIXES = (".map",)
# Fixed entry times: the same site zips to the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def offline_overrides(config: dict[str, Any]) -> dict[str, Any]:
    """What the offline build changes in the author's engine config (merged into it)."""
    features = (config.get("theme") or {}).get("features") or []
    plugins = list(config.get("plugins") or [])
    names = {p if isinstance(p, str) else next(iter(p)) for p in plugins}
    if "offline" not in names:
        plugins.append("offline")
    extra = dict(config.get("extra") or {})
    polyfills = [p for p in extra.get("polyfills", []) if p != SHIM_PATH]
    extra["polyfills"] = [*polyfills, SHIM_PATH]
    return {
        "plugins": plugins,
        "extra": extra,
        "use_directory_urls": False,
        "theme": {"features": [f for f in features if not f.startswith("navigation.instant")]},
    }


def add_worker_shim(site: Path) -> None:
    """Put the worker stand-in where the pages' polyfill <script> tags point."""
    target = site / SHIM_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM, target)


def archive_name(course_id: str) -> str:
    return f"{course_id}-offline.zip"


def write_zip(site: Path, dist: Path, course_id: str) -> Path:
    """Zip the site under one top folder named after the course; replace the old zip only
    once the new one is complete."""
    dist.mkdir(parents=True, exist_ok=True)
    archive = dist / archive_name(course_id)
    partial = archive.with_name(archive.name + ".partial")
    files = sorted(
        p
        for p in site.rglob("*")
        if p.is_file()
        and p.relative_to(site).as_posix() not in LEFT_OUT
        and not p.name.endswith(LEFT_OUT_SUFFIXES)
    )
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for path in files:
                info = zipfile.ZipInfo(f"{course_id}/{path.relative_to(site).as_posix()}", ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, path.read_bytes())
        os.replace(partial, archive)
    finally:
        partial.unlink(missing_ok=True)
    return archive
