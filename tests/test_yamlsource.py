from pathlib import Path

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
