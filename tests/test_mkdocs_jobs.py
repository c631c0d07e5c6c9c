"""`mkdocs build` on several cores (lessonkit.mkdocs_jobs): the same site, byte for byte, as
MkDocs builds on one; the same strict failures; MkDocs' own build wherever sharing is unsafe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.structure import pages as mkpages

from lessonkit.cores import default_jobs
from lessonkit.engine import derived_config
from lessonkit.mkdocs_jobs import _RawHTMLIds, shareable
from lessonkit.pipeline import generate_into
from lessonkit.themefix import fix_page
from tests.support.project import make_project, mini_content

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _project(dest: Path, content: Path | None) -> tuple[Path, dict]:
    """A project with its pages generated and the config `lessonkit build` derives."""
    root = make_project(dest, content)
    result, _ = generate_into(root, root / "docs")
    assert result.ok and result.course is not None, result.problems
    return root, derived_config(root, result.course, root / "docs", root / "site")


def _build(root: Path, config: dict, site: str, *command: str) -> subprocess.CompletedProcess:
    path = root / f"{site}.yml"
    path.write_text(yaml.safe_dump({**config, "site_dir": str(root / site)}), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", *command, "-f", str(path), "--strict"],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.mark.parametrize("course", ["mini", "real"])
def test_the_site_is_the_one_mkdocs_build_writes(tmp_path: Path, course: str) -> None:
    root, config = _project(tmp_path / "p", mini_content() if course == "mini" else None)
    serial = _build(root, config, "serial", "mkdocs", "build")
    shared = _build(root, config, "shared", "lessonkit.mkdocs_jobs", "--jobs", "2")
    assert serial.returncode == 0, serial.stderr
    assert shared.returncode == 0, shared.stderr
    assert "(2 jobs)" in shared.stderr, "the pages were shared out, not built by MkDocs alone"
    one, two = _files(root / "serial"), _files(root / "shared")
    assert sorted(one) == sorted(two)
    differ = [name for name in one if one[name] != two[name]]
    assert not differ, f"not byte-identical: {differ[:5]}"
    assert "search/search_index.json" in one


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        ("[gone](missing.md)", "contains a link 'missing.md'"),  # found while converting
        ("[gone](support.md#no-such-part)", "no-such-part"),  # found after, in the parent
    ],
)
def test_a_warning_in_any_process_fails_a_strict_build(
    tmp_path: Path, page: str, problem: str
) -> None:
    root, config = _project(tmp_path / "p", mini_content())
    (root / "docs" / "extra.md").write_text(f"# Extra\n\n{page}\n", encoding="utf-8")
    serial = _build(root, config, "serial", "mkdocs", "build")
    shared = _build(root, config, "shared", "lessonkit.mkdocs_jobs", "--jobs", "2")
    assert (serial.returncode, shared.returncode) == (1, 1)
    assert problem in shared.stderr
    aborted = [line for line in serial.stdout.splitlines() if line.startswith("Aborted with")]
    assert aborted, serial.stdout
    assert aborted == [line for line in shared.stdout.splitlines() if line.startswith("Aborted")]


def test_only_material_search_is_shared_out(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")

    def config(plugins: list[str]):
        path = tmp_path / "mkdocs.yml"
        settings = {"site_name": "t", "theme": {"name": "material"}, "plugins": plugins}
        path.write_text(yaml.safe_dump(settings), encoding="utf-8")
        return load_config(config_file=str(path))

    assert shareable(config(["search"]))
    assert not shareable(config(["search", "tags"])), "tags keeps state across pages"
    assert not shareable(config(["search", "offline"]))


def test_jobs_default_to_the_cores_or_lessonkit_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LESSONKIT_JOBS", raising=False)
    assert default_jobs() == len(os.sched_getaffinity(0))
    monkeypatch.setenv("LESSONKIT_JOBS", "1")
    assert default_jobs() == 1
    monkeypatch.setenv("LESSONKIT_JOBS", "many")
    assert default_jobs() == len(os.sched_getaffinity(0))


def test_a_small_site_is_built_by_mkdocs_alone_unless_jobs_are_asked_for(tmp_path: Path) -> None:
    root, config = _project(tmp_path / "p", mini_content())
    env = {k: v for k, v in ENV.items() if k != "LESSONKIT_JOBS"}
    path = root / "auto.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    command = [sys.executable, "-m", "lessonkit.mkdocs_jobs", "-f", str(path), "--strict"]
    auto = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    assert auto.returncode == 0, auto.stderr
    assert "jobs)" not in auto.stderr, "a few pages: starting workers would cost more"
    assert (root / "site" / "index.html").is_file()


def test_fix_theme_repairs_each_page_as_themefix_does(tmp_path: Path) -> None:
    root, config = _project(tmp_path / "p", mini_content())
    serial = _build(root, config, "serial", "mkdocs", "build")
    fixed = _build(
        root,
        config,
        "fixed",
        "lessonkit.mkdocs_jobs",
        "--jobs",
        "2",
        "--fix-theme",
        "--language",
        "en-GB",
    )
    assert serial.returncode == 0, serial.stderr
    assert fixed.returncode == 0, fixed.stderr
    assert "(2 jobs)" in fixed.stderr, "the pages were shared out with the theme fixes"
    one, two = _files(root / "serial"), _files(root / "fixed")
    assert sorted(one) == sorted(two)
    for name, data in one.items():
        if name.endswith(".html"):
            want = fix_page(data.decode("utf-8"), "en-GB").encode("utf-8")
            assert two[name] == want, name
            assert two[name] != data, f"{name}: nothing repaired"
        else:
            assert two[name] == data, name


@pytest.mark.parametrize(
    "text",
    [
        "# Title\n\nNo HTML here, only a [link](#title).\n",
        '<div class="x">\n<p ID="Upper">A</p>\n</div>\n',
        '<a name="top"></a>\n<span id = "spaced">b</span>\n',
        '<p class="a" data-id="not-an-anchor"\nid\n=\n"split">c</p>\n',
        '<!-- id="in-a-comment" -->\n<p>d</p>\n',
        "paid=1 and a rename= in prose, and <b>bold</b>\n",
    ],
)
def test_raw_html_ids_are_the_ones_mkdocs_finds(text: str) -> None:
    found = []
    for scan in (mkpages._RawHTMLPreprocessor(), _RawHTMLIds()):
        md = markdown.Markdown()
        scan._register(md)
        md.convert(text)
        found.append(scan.present_anchor_ids)
    assert found[0] == found[1]


def test_raw_html_ids_are_not_scanned_for_where_there_can_be_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fed: list[str] = []
    monkeypatch.setattr(mkpages._HTMLHandler, "feed", lambda self, data: fed.append(data))
    _RawHTMLIds().run(['<div class="lk-wb-lines"><span></span></div>', "Some *text*."])
    assert fed == []
    _RawHTMLIds().run(["<p>", '<input Id="x">'])
    assert len(fed) == 1
