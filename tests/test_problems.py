"""Problems are data with a code; what each code says lives in one table (messages.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import lessonkit
from lessonkit.cli import main
from lessonkit.messages import MESSAGES
from lessonkit.problems import Problem, Severity, Where, problem
from tests.support.project import mini_content

PACKAGE = Path(lessonkit.__file__).parent
CODE = re.compile(r"""problem\(\s*["']([a-z0-9.-]+)["']""")


def _codes_in_source() -> set[str]:
    return {c for path in PACKAGE.rglob("*.py") for c in CODE.findall(path.read_text("utf-8"))}


def test_every_code_the_checks_use_has_a_message_and_every_message_is_used() -> None:
    used = _codes_in_source()
    assert used - set(MESSAGES) == set(), "codes with no message"
    assert set(MESSAGES) - used == set(), "messages no check reports"


def test_codes_are_area_dot_name() -> None:
    for code in MESSAGES:
        assert re.fullmatch(r"[a-z0-9-]+\.[a-z0-9-]+", code), code


def test_a_problem_is_filled_in_from_its_message() -> None:
    where = Where("content/self-check.yml", 25, 5)
    found = problem("band.gap", where, before="low", after="mid", low=2.5, high=2.7)
    assert found == Problem(
        where,
        "band.gap",
        "bands 'low' and 'mid' leave a gap from 2.5 to 2.7",
        "start 'mid' at 2.5",
        Severity.ERROR,
    )
    assert str(found) == (
        "content/self-check.yml:25:5: error[band.gap]: bands 'low' and 'mid' leave a gap "
        "from 2.5 to 2.7 (hint: start 'mid' at 2.5)"
    )
    # a hint of the check's own (a did-you-mean) replaces the message's; an empty one does not
    assert (
        problem("schema.unknown-key", where, "did you mean 'title'?", key="titel", known="x").hint
        == "did you mean 'title'?"
    )
    assert problem("schema.unknown-key", where, "", key="titel", known="id, title").hint == (
        "known keys here: id, title"
    )


def test_annotations_for_github_escape_what_the_format_reserves() -> None:
    found = Problem(Where("content/a,b.yml", 3, 7), "html.raw", "raw HTML '<b>'\n100%", "fix: it")
    assert found.annotation() == (
        "::error file=content/a%2Cb.yml,line=3,col=7,title=html.raw::"
        "raw HTML '<b>'%0A100%25 (hint: fix: it)"
    )
    whole_file = Problem(Where("content/source.yml"), "source.uncited", "m", "", Severity.WARNING)
    assert whole_file.annotation() == "::warning file=content/source.yml,title=source.uncited::m"


def test_check_prints_github_annotations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(mini_content(), tmp_path / "content")
    lesson = tmp_path / "content" / "lessons" / "01-water.yml"
    lesson.write_text(lesson.read_text("utf-8").replace("title:", "titel:", 1), "utf-8")
    assert main(["check", "--root", str(tmp_path), "--format", "github"]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        "::error file=content/lessons/01-water.yml,line=3,col=1,title=schema.unknown-key::"
        "unknown key 'titel' (hint: did you mean 'title'?)"
    ]
    assert "1 error(s), 0 warning(s)" in out.err


@pytest.mark.parametrize(
    "value",
    ['https://x.github.io/r/" onmouseover="alert(1)', "javascript:alert(1)", "https://a b/", "x"],
)
def test_a_site_url_that_is_no_web_address_is_refused(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    shutil.copytree(mini_content(), tmp_path / "content")
    monkeypatch.setenv("SITE_URL", value)
    assert main(["check", "--root", str(tmp_path)]) == 1
    assert "SITE_URL: error[env.site-url]: SITE_URL is '" in capsys.readouterr().err
    monkeypatch.setenv("SITE_URL", "https://owner.github.io/repo")
    assert main(["check", "--root", str(tmp_path)]) == 0


def test_the_preview_lists_problems_as_text() -> None:
    from lessonkit.preview import problems_page

    found = [
        problem("html.raw", Where("content/a.yml", 2, 5), tag="<script>"),
        problem("source.uncited", Where("content/source.yml"), ref="a.1", summary="x"),
    ]
    page = problems_page(found)
    assert "lessonkit found 1 error in `content/`." in page
    assert "<code>content/a.yml:2:5</code> <strong>error</strong> <code>html.raw</code>" in page
    assert "raw HTML '&lt;script&gt;' in text" in page and "<script>" not in page
    assert '<span class="lk-hint">write it in Markdown' in page
