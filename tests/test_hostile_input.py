"""Whatever a course folder holds, `lessonkit check` ends, in time linear in the text, with
problems placed on the files: a named pipe, a link to a device, a huge sparse file and text
made to make a pattern backtrack. Each check runs in a child process that the harness stops
after a generous limit, so a hang fails the test instead of stalling the suite; no time is
asserted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lessonkit.markup import TERM_LINK, raw_html_spans
from lessonkit.render.filters import script_json

BASE = Path(__file__).parent / "fixtures" / "bad" / "_base"
LIMIT = 60  # seconds: a hang, not a measurement
CHECK = """
import json, sys
from pathlib import Path
from lessonkit.pipeline import generate
r = generate(Path(sys.argv[1]))
print(json.dumps([[p.code, str(p.where)] for p in r.problems]))
"""


def check(root: Path) -> list[list[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", CHECK, str(root)],
        capture_output=True,
        text=True,
        timeout=LIMIT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def course(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "content")
    return tmp_path


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(course: Path) -> None:
    os.mkfifo(course / "content" / "lessons" / "02-pipe.yml")
    assert check(course) == [["yaml.not-a-file", "content/lessons/02-pipe.yml"]]


def test_a_link_to_a_device_is_refused(course: Path) -> None:
    (course / "content" / "glossary.yml").symlink_to("/dev/zero")
    assert check(course) == [["yaml.not-a-file", "content/glossary.yml"]]


def test_a_huge_sparse_file_is_refused_before_it_is_read(course: Path) -> None:
    with (course / "content" / "lessons" / "02-huge.yml").open("wb") as huge:
        huge.truncate(6 * 1024**3)  # 6 GB of holes: no disk used
    assert check(course) == [["yaml.too-large", "content/lessons/02-huge.yml"]]


@pytest.mark.parametrize(
    "body",
    ["`" * 3000, "[[" * 40000, "`a" * 20000, "<b " * 20000, "```\n" * 5000, "[[x|" * 20000],
    ids=["backticks", "brackets", "ticks-and-text", "open-tags", "fences", "open-links"],
)
def test_text_made_to_backtrack_is_checked_in_linear_time(course: Path, body: str) -> None:
    lesson = course / "content" / "lessons" / "01-one.yml"
    text = lesson.read_text("utf-8").replace("body: Some text.", "body: " + json.dumps(body))
    lesson.write_text(text, "utf-8")
    assert all(code != "yaml.syntax" for code, _ in check(course))


def test_code_spans_and_blocks_hide_html_as_markdown_reads_them() -> None:
    text = "a `<i>` \\`<u>\\` ``x ` <s>`` \n\n`<b>\n\n`</b>` \n```\n<p>\n```\n<q>"
    assert [tag for _, tag in raw_html_spans(text)] == ["<u>", "<b>", "<q>"]
    assert TERM_LINK.findall("[[a|b]] [[c]] [[[[d]]") == [("a", "b"), ("c", ""), ("d", "")]


def test_a_number_that_is_not_finite_is_not_a_number(course: Path) -> None:
    (course / "content" / "self-check.yml").write_text(
        (Path(__file__).parent / "fixtures" / "mini" / "content" / "self-check.yml")
        .read_text("utf-8")
        .replace("from: 1\n", "from: .nan\n", 1),
        "utf-8",
    )
    codes = check(course)
    assert codes == [["schema.type", "content/self-check.yml:30:11"]]


def test_no_text_can_end_the_pages_data_block() -> None:
    text = "`<!--<script>` and </script><script>alert(1)</script> & more"
    block = script_json({"text": text})
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block) == {"text": text}


def test_a_tag_the_simple_scan_cannot_see_whole_is_still_raw_html() -> None:
    from lessonkit.markup import close_angles

    text = 'Fine: x <y and 2 < 3. Not: <img title="<" src=x onerror=alert(1)> `<b c="<"`'
    found = [tag for _, tag in raw_html_spans(text)]
    assert len(found) == 1 and found[0].startswith('<img title="<" src=x onerror=alert(1)>')
    assert close_angles("x <y and <b z") == "x &lt;y and &lt;b z", "unclosed: text"
    assert close_angles("`<b` <i>x</i>") == "`<b` <i>x</i>", "code and whole tags stay"
