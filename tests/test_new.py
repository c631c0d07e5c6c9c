"""lessonkit new: a complete course project that passes its own checks, whose course files
an editor understands (yaml-language-server over stdio), and where lessonkit says what is
missing instead of failing with a traceback."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lessonkit.cli import main
from tests.support.project import ROOT

SERVER = ROOT / ".cache" / "yaml-language-server" / "node_modules" / ".bin" / "yaml-language-server"


@pytest.fixture
def made(tmp_path: Path, capsys) -> Path:
    dest = tmp_path / "bread-basics"
    assert main(["new", str(dest), "--title", "Bread: A First Loaf", "--language", "en-GB"]) == 0
    assert "make site" in capsys.readouterr().out
    return dest


def test_new_makes_a_whole_project(made: Path) -> None:
    for name in [
        "content/course.yml",
        "content/lessons/01-welcome.yml",
        "content/glossary.yml",
        "content/fig/lesson-parts.svg",
        "content/.schemas/lesson.schema.json",
        "mkdocs.yml",
        "Makefile",
        "README.md",
        ".gitignore",
        ".github/workflows/pages.yml",
    ]:
        assert (made / name).is_file(), name
    course = (made / "content" / "course.yml").read_text("utf-8")
    assert 'title: "Bread: A First Loaf"' in course and "id: bread-basics" in course
    readme = (made / "README.md").read_text("utf-8")
    assert readme.startswith("# Bread: A First Loaf\n")
    assert readme.index("make site") < readme.index("make test") < readme.index("make serve")


def test_a_new_course_passes_its_own_checks(made: Path, capsys) -> None:
    assert main(["check", "--root", str(made)]) == 0
    assert capsys.readouterr().err == "", "no problem, not even a warning"


@pytest.mark.slow
def test_its_two_commands_work(made: Path) -> None:
    """The project's own Makefile (the venv it would make is this one: installing lessonkit
    again here would only repeat what `make test` of this repository did)."""
    venv = Path(sys.executable).parent.parent
    for target in ("test", "site"):
        proc = subprocess.run(
            ["make", target, f"VENV={venv}", "-o", f"{venv}/.installed"],
            cwd=made,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (made / "site" / "lessons" / "01-welcome" / "index.html").is_file()
    assert (made / "site" / "media" / "fig" / "lesson-parts.svg").is_file()


def test_new_refuses_a_folder_that_holds_something(tmp_path: Path, capsys) -> None:
    (tmp_path / "x.txt").write_text("mine")
    assert main(["new", str(tmp_path)]) == 1
    assert (
        capsys.readouterr().err.strip() == f"lessonkit: {tmp_path} is not empty; name a new folder"
    )
    assert main(["new", str(tmp_path / "fresh"), "--language", "English"]) == 1
    assert "is not a language tag" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["build", "serve", "check"])
def test_where_there_is_no_course_lessonkit_says_how_to_start(
    tmp_path: Path, command: str, capsys
) -> None:
    assert main([command, "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        f"lessonkit: there is no course in {tmp_path}: it has no content/ folder. "
        "Start one with: lessonkit new FOLDER"
    )


def test_check_keeps_the_editors_schemas_in_step(made: Path) -> None:
    stale = made / "content" / ".schemas" / "lesson.schema.json"
    stale.write_text("{}", "utf-8")
    assert main(["check", "--root", str(made)]) == 0
    assert json.loads(stale.read_text("utf-8"))["title"].startswith("lessonkit lesson")


class LanguageServer:
    """yaml-language-server over stdio, spoken to as an editor does (JSON-RPC)."""

    def __init__(self, root: Path) -> None:
        if not SERVER.exists():
            pytest.fail("yaml-language-server is missing: run scripts/ensure-language-server.sh")
        self.proc = subprocess.Popen(
            [str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.request(
            1,
            "initialize",
            {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}},
        )
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        settings = {
            "yaml": {"validate": True, "completion": True, "schemaStore": {"enable": False}}
        }
        self.send(
            {
                "jsonrpc": "2.0",
                "method": "workspace/didChangeConfiguration",
                "params": {"settings": settings},
            }
        )

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self, deadline: float) -> dict:
        assert self.proc.stdout is not None
        if not select.select([self.proc.stdout], [], [], max(0, deadline - time.time()))[0]:
            raise TimeoutError("the language server said nothing")
        length = 0
        while (line := self.proc.stdout.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def request(self, number: int, method: str, params: dict) -> dict:
        self.send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        return self.until(lambda m: m.get("id") == number and "method" not in m)

    def until(self, wanted, seconds: float = 30) -> dict:
        deadline = time.time() + seconds
        while True:
            message = self.read(deadline)
            if "id" in message and "method" in message:  # the server asks for its settings
                result = (
                    [{"validate": True}] if message["method"] == "workspace/configuration" else None
                )
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})
            elif wanted(message):
                return message

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


def test_an_editor_flags_a_wrong_key_and_completes_the_right_ones(made: Path) -> None:
    server = LanguageServer(made)
    try:
        lesson = made / "content" / "lessons" / "01-welcome.yml"
        text = lesson.read_text("utf-8").replace("summary:", "sumary:", 1)
        uri = lesson.as_uri()
        item = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
        server.send(
            {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": item}}
        )
        found = server.until(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"]["diagnostics"]
            )
        )
        messages = [d["message"] for d in found["params"]["diagnostics"]]
        assert "Property sumary is not allowed." in messages
        line = text.splitlines().index(
            "sumary: A tour of the parts of a lesson, to copy and rewrite."
        )
        done = server.request(
            2,
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": 0}},
        )
        labels = {entry["label"] for entry in done["result"]["items"]}
        assert "summary" in labels, "the key it could be"
    finally:
        server.close()
