"""The build is all or nothing: docs/ and site/ change only when everything succeeded."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from lessonkit.cli import build, main, serve_config


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_generates_pages_and_site(project: Path, capsys) -> None:
    assert build(project) == 0
    out = capsys.readouterr().out
    assert "OK: Brewing a Calm Cup of Tea: 2 lessons" in out
    assert "make serve" in out
    assert (project / "docs" / "lessons" / "01-water" / "quiz.md").is_file()
    assert (project / "site" / "lessons" / "01-water" / "quiz" / "index.html").is_file()
    assert (project / "docs" / "assets" / "favicon.svg").is_file(), "hand-written files stay"
    assert (project / "site" / "assets" / "lessonkit.js").is_file(), "the package's assets"
    assert not list((project / ".lessonkit").glob("build-*")), "the stage folder is cleaned up"


def test_second_build_rewrites_nothing(project: Path, capsys) -> None:
    assert build(project) == 0
    capsys.readouterr()
    assert build(project) == 0
    assert "(0 page(s) regenerated)" in capsys.readouterr().out


def test_bad_content_leaves_docs_and_site_untouched(project: Path, capsys) -> None:
    assert build(project) == 0
    docs, site = snapshot(project / "docs"), snapshot(project / "site")
    lesson = project / "content" / "lessons" / "01-water.yml"
    lesson.write_text(lesson.read_text().replace("title: Start With the Water", "titel: X"))
    assert build(project) == 1
    err = capsys.readouterr().err
    assert "content/lessons/01-water.yml:3:1: error[schema.unknown-key]: unknown key 'titel'" in err
    assert "Nothing was written" in err
    assert snapshot(project / "docs") == docs
    assert snapshot(project / "site") == site


def test_engine_failure_leaves_docs_and_site_untouched(project: Path, capsys) -> None:
    assert build(project) == 0
    docs, site = snapshot(project / "docs"), snapshot(project / "site")
    # Valid content that changes pages, plus a hand-written page with a broken link:
    # generation succeeds, the strict engine build fails, and nothing may change.
    lesson = project / "content" / "lessons" / "01-water.yml"
    lesson.write_text(lesson.read_text().replace("Start With the Water", "Water First"))
    (project / "docs" / "notes.md").write_text("# Notes\n\n[gone](missing.md)\n")
    docs["notes.md"] = snapshot(project / "docs")["notes.md"]
    assert build(project) == 1
    err = capsys.readouterr().err
    assert "missing.md" in err
    assert "docs/ and site/ are unchanged" in err
    assert snapshot(project / "docs") == docs
    assert snapshot(project / "site") == site


def test_engine_failure_with_fewer_pages_leaves_the_manifest_untouched(
    project: Path, capsys
) -> None:
    """The stage holds hard links to docs/: a page removed, and the manifest rewritten, in
    the stage must not reach docs/ through them."""
    assert build(project) == 0
    docs = snapshot(project / "docs")
    (project / "content" / "review.yml").unlink()
    (project / "docs" / "notes.md").write_text("# Notes\n\n[gone](missing.md)\n")
    docs["notes.md"] = snapshot(project / "docs")["notes.md"]
    assert build(project) == 1
    assert "docs/ and site/ are unchanged" in capsys.readouterr().err
    assert snapshot(project / "docs") == docs


def test_check_command_prints_a_summary(project: Path, capsys) -> None:
    assert main(["check", "--root", str(project)]) == 0
    assert capsys.readouterr().out.startswith(
        "OK: Brewing a Calm Cup of Tea: 2 lessons, 5 questions"
    )


def _engine_with_hook(project: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    """mkdocs build on the preview's config: the hook generates, as under lessonkit serve."""
    config, env = serve_config(project)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), *flags],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_the_preview_config_runs_the_generate_step_through_the_hook(project: Path) -> None:
    proc = _engine_with_hook(project, "--strict")
    assert proc.returncode == 0, proc.stderr
    site = project / ".lessonkit" / "serve" / "site"
    assert (site / "lessons" / "02-steeping" / "index.html").is_file()
    assert (project / "docs" / "lessons" / "02-steeping" / "index.md").is_file()
    html = (site / "index.html").read_text()
    assert "<title>Brewing a Calm Cup of Tea</title>" in html, "the hook sets the site name"
    assert (site / "assets" / "lessonkit.js").is_file(), "the package's theme and assets"
    quiz = (site / "lessons" / "01-water" / "quiz" / "index.html").read_text()
    assert "<title>Knowledge check: Start With the Water - Brewing a Calm Cup" in quiz


def test_a_build_through_the_hook_reports_content_problems(project: Path) -> None:
    (project / "content" / "glossary.yml").write_text("terms: {}\n")
    proc = _engine_with_hook(project)
    assert proc.returncode != 0
    assert "content/glossary.yml:1:8: error[schema.type]: 'terms' should be a list" in proc.stderr


def test_a_projects_settings_are_laid_over_lessonkits(tmp_path: Path) -> None:
    from lessonkit.project import project_config

    (tmp_path / "mkdocs.yml").write_text(
        "extra_css: [assets/course.css]\ntheme:\n  favicon: assets/icon.svg\n  features: [toc.integrate]\n",
        "utf-8",
    )
    config = project_config(tmp_path)
    assert config["extra_css"] == ["assets/lessonkit.css", "assets/course.css"]
    assert config["theme"]["name"] == "material" and config["theme"]["favicon"] == "assets/icon.svg"
    assert config["theme"]["features"] == ["toc.integrate"], "a list the project sets is its own"
    assert "lessonkit.mdlinks" in config["markdown_extensions"]
    assert project_config(tmp_path / "nowhere")["extra_javascript"] == [
        {"path": "assets/lessonkit.js", "defer": True}
    ]
