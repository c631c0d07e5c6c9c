"""The build under faults: a kill at every rename leaves docs/ and site/ old or new (the next
command finishes a committed swap), a stopped build leaves nothing behind, two builds do not
race, and what the machine refuses is one sentence, never a traceback."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lessonkit.build import stage
from lessonkit.cli import main
from tests.support.preview import start_preview
from tests.support.project import make_project, mini_content

pytestmark = pytest.mark.slow

LESSON = "content/lessons/01-water.yml"
NEW = "NEWTEXT fresh each time."
RENAMES = "rename,renameat,renameat2"


def lessonkit(root: Path, *args: str, strace: list[str] | None = None, **kw):
    cmd = [sys.executable, "-m", "lessonkit.cli", *args, "--root", str(root)]
    return subprocess.run(
        [*(strace or []), *cmd], capture_output=True, text=True, timeout=300, **kw
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course built once (the old state), with an edit waiting (the new)."""
    root = make_project(tmp_path_factory.mktemp("faults") / "project", mini_content())
    assert lessonkit(root, "build").returncode == 0
    lesson = root / LESSON
    lesson.write_text(lesson.read_text("utf-8").replace("Fill the kettle fresh each time.", NEW))
    return root


def state(root: Path) -> str:
    """'old' or 'new' when docs/ and site/ agree, else what is wrong."""
    pages = {
        "docs/lessons/01-water/index.md",
        "docs/workbook.md",
        "site/lessons/01-water/index.html",
        "site/workbook/index.html",
    }
    seen = {"NEWTEXT" in (root / p).read_text("utf-8") for p in pages}
    leftovers = [p.name for p in (root / ".lessonkit").iterdir() if p.name != "lock"]
    leftovers += [p.name for p in (root / "docs").rglob("*.tmp")]
    if leftovers:
        return f"left behind: {leftovers}"
    if len(seen) != 1:
        return "a mix of old and new"
    return "new" if seen.pop() else "old"


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace (apt) injects the kills")
def test_a_kill_at_every_rename_leaves_old_or_new(built: Path, tmp_path: Path) -> None:
    commit = None
    for n in range(1, 30):
        root = tmp_path / str(n)
        shutil.copytree(built, root, symlinks=True)
        inject = ["strace", "-o", os.devnull, "-e", f"trace={RENAMES}"]
        inject += ["-e", f"inject={RENAMES}:signal=KILL:when={n}"]
        proc = lessonkit(root, "build", strace=inject)
        if proc.returncode == 0:
            break  # fewer renames than n: the build ran to its end
        assert (root / "site" / "index.html").is_file(), f"no site/ after a kill at rename {n}"
        if (root / ".lessonkit" / "commit.json").exists() and commit is None:
            commit = n
        assert lessonkit(root, "check").returncode == 0
        after = state(root)
        assert after == ("new" if commit else "old"), f"kill at rename {n}: {after}"
    else:
        pytest.fail("the build never ran to its end")
    assert state(root) == "new"
    assert commit is not None and 1 < commit < n - 1, "kills before, at and after the commit"


def test_a_stopped_build_changes_nothing_and_leaves_nothing(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    child = subprocess.Popen(
        [sys.executable, "-m", "lessonkit.cli", "build", "--root", str(root)],
        stderr=subprocess.PIPE,
        text=True,
        # as from a terminal: a child of a background job starts with Ctrl-C ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # The engine is held still, so the build cannot run to its end before Ctrl-C arrives;
    # stopping the build ends the engine (a stopped process is killed all the same).
    _, engines = _engine_running(root)
    for pid in engines:
        os.kill(pid, signal.SIGSTOP)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=120)
    assert child.returncode == 1
    assert err.strip().splitlines()[-1] == ("lessonkit: stopped; docs/ and site/ are as they were.")
    assert "Traceback" not in err
    assert state(root) == "old"


def test_the_engine_ends_with_the_build_that_started_it(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    child = subprocess.Popen(
        [sys.executable, "-m", "lessonkit.cli", "build", "--root", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    config, _ = _engine_running(root)  # the engine runs as a child
    child.kill()
    child.wait()
    for _ in range(200):
        if not _processes(str(config)):
            break
        time.sleep(0.05)
    assert _processes(str(config)) == []
    # the killed build's stage is removed by the next command
    assert lessonkit(root, "check").returncode == 0
    assert state(root) == "old"


def _engine_running(root: Path) -> tuple[Path, list[int]]:
    """The config a running build gave its engine and the engine's processes, once they
    run (the config is written just before the engine starts, and kept until the build
    ends)."""
    for _ in range(3000):
        config = next((root / ".lessonkit").glob("build-*/engine.yml"), None)
        engines = _processes(str(config)) if config else []
        if engines:
            return config, engines
        time.sleep(0.01)
    raise AssertionError("the build never ran its engine")


def _processes(needle: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if proc.name.isdigit() and needle in cmdline:
            found.append(int(proc.name))
    return found


def test_a_second_build_waits_for_none_and_says_why(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    with open(root / ".lessonkit" / "lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        proc = lessonkit(root, "build")
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        "lessonkit: another lessonkit build is running in this project; run again when it ends"
    )
    assert state(root) == "old"


def test_a_refused_write_is_one_sentence_and_changes_nothing(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    real = stage._replace_text

    def full(target: Path, text: str) -> None:
        raise OSError(28, "No space left on device", str(target))

    monkeypatch.setattr(stage, "_replace_text", full)
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("lessonkit: No space left on device (")
    assert "Traceback" not in err
    monkeypatch.setattr(stage, "_replace_text", real)
    assert state(root) == "old"


def test_docs_that_is_not_a_folder_is_one_sentence(built: Path, tmp_path: Path, capsys) -> None:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    shutil.rmtree(root / "docs")
    (root / "docs").write_text("not a folder")
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("lessonkit: ")
    assert (root / "docs").read_text() == "not a folder"


def test_serve_stopped_by_sigterm_stops_its_server(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    child, _, port = start_preview(root)
    try:
        servers = _processes(f"127.0.0.1:{port}")
        assert len(servers) == 1 and servers[0] != child.pid, "mkdocs serve, lessonkit's child"
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=60) == 0
        for _ in range(200):
            if not _processes(f"127.0.0.1:{port}"):
                break
            time.sleep(0.05)
        assert _processes(f"127.0.0.1:{port}") == []
    finally:
        if child.poll() is None:  # a failed check must not leave the preview running
            child.kill()
            child.wait()
