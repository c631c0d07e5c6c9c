from pathlib import Path

import pytest
import yaml

from lessonkit import yamlsource
from lessonkit.yamlsource import read_yaml


def read(tmp_path: Path, text: str | bytes):
    path = tmp_path / "f.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_yaml(path, "f.yml")


def test_positions_of_keys_and_values(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "a: 1\nlist:\n  - x: hello\n    y: [1, 2]\n")
    assert problems == []
    assert doc.data == {"a": 1, "list": [{"x": "hello", "y": [1, 2]}]}
    assert str(doc.at(("list", 0, "x"))) == "f.yml:3:8"
    assert str(doc.key_at(("list", 0, "y"))) == "f.yml:4:5"
    assert str(doc.at(("list", 0, "y", 1))) == "f.yml:4:12"
    assert str(doc.at(("missing", "deeper"))) == "f.yml:1:1"  # nearest known parent


def test_locate_inside_a_literal_block(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, "body: |\n  first line\n\n  third [[x]] here\n")
    offset = doc.data["body"].index("[[x]]")
    assert str(doc.locate(("body",), offset)) == "f.yml:4:9"


def test_locate_inside_a_quoted_scalar(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, 'title: "Say <b>hi</b>"\n')
    assert str(doc.locate(("title",), doc.data["title"].index("<b>"))) == "f.yml:1:13"


def test_dates_stay_text(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, "when: 2026-11-23\n")
    assert doc.data == {"when": "2026-11-23"}


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "\ufeffa: 1\n".encode())
    assert problems == [] and doc.data == {"a": 1}


def test_non_text_keys_are_reported(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "1: one\n")
    assert [str(p) for p in problems] == [
        "f.yml:1:1: error: a key must be text, found 1 (hint: put the key in quotes)"
    ]


def test_oversized_file_is_refused_without_parsing(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "a: " + "x" * 2_100_000 + "\n")
    assert doc is None and "over the 2,000,000 limit" in problems[0].message


def test_locate_in_a_plain_scalar_and_falls_back_where_columns_do_not_map(tmp_path: Path) -> None:
    doc, _ = read(
        tmp_path,
        "a: plain <i>x</i>\nb: >\n  folded <i>y</i>\nc: 'it''s <i>z</i>'\n",
    )
    assert str(doc.locate(("a",), doc.data["a"].index("<i>"))) == "f.yml:1:10"
    # folded text and quotes with escapes do not map offsets to columns: the value's start
    assert str(doc.locate(("b",), doc.data["b"].index("<i>"))) == "f.yml:2:4"
    assert str(doc.locate(("c",), doc.data["c"].index("<i>"))) == "f.yml:4:4"


def test_texts_that_may_link_terms_or_hold_html_are_marked(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, "a: see [[x]]\nb: plain\nc:\n  - <b>bold</b>\nn: 3\n")
    assert doc.marked == [("a",), ("c", 0)]


@pytest.mark.skipif(yamlsource._FastLoader is None, reason="PyYAML without libyaml")
def test_fast_tag_resolution_agrees_with_the_safe_loader() -> None:
    scalars = [
        "",
        "~",
        "null",
        "Null",
        "true",
        "yes",
        "No",
        "on",
        "off",
        "False",
        "0",
        "-12",
        "0x1f",
        "0o17",
        "1_000",
        "3.5",
        ".5",
        "1e3",
        ".inf",
        "-.Inf",
        ".nan",
        "2026-11-23",
        "2026-11-23T10:00:00Z",
        "=",
        "<<",
        "text",
        "Trust",
        "offer",
        "1.2.3",
        "'quoted 1'",
        '"2"',
        "|\n  12\n",
        "[1, two]",
        "{a: 1}",
    ]
    for text in scalars:
        source = f"key: {text}\n"
        fast = yamlsource._FastLoader(source)
        safe = yaml.SafeLoader(source)
        try:
            assert _tags(fast.get_single_node()) == _tags(safe.get_single_node()), text
        finally:
            fast.dispose()
            safe.dispose()


def _tags(node: yaml.Node) -> list[str]:
    if isinstance(node, yaml.ScalarNode):
        return [node.tag]
    if isinstance(node, yaml.SequenceNode):
        return [node.tag, *(t for child in node.value for t in _tags(child))]
    return [node.tag, *(t for k, v in node.value for t in (*_tags(k), *_tags(v)))]
