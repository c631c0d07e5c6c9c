import math
from pathlib import Path

import pytest
import yaml

from lessonkit import yamlsource
from lessonkit.textmarks import text_marks
from lessonkit.yamlsource import read_yaml

_c_parser = yamlsource._CParser


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
        "f.yml:1:1: error[yaml.key-not-text]: the key '1' is read as a number, not text (hint: put it in quotes)"
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
    source = (
        "a: see [[x]]\nb: plain\nc:\n  - <b>bold</b>\nn: 3\nid: '<no>'\n"
        "d: '[go](javascript:x)'\ne: 'x{: onclick=y }'\n"
    )
    doc, _ = read(tmp_path, source)
    marks = text_marks(doc)
    assert [(t, str(w)) for t, w in marks.terms] == [("x", "f.yml:1:8")]
    assert [(t, str(w)) for t, w in marks.html] == [("<b>", "f.yml:4:5"), ("</b>", "f.yml:4:12")]
    assert [(t, str(w)) for t, w in marks.markup] == [
        ("[go](javascript:x)", "f.yml:7:4"),
        ("x{: onclick=y }", "f.yml:8:4"),
    ], "ids are never text; raw HTML is reported as such"


@pytest.mark.skipif(_c_parser is None, reason="PyYAML without libyaml")
def test_the_course_files_read_the_same_with_and_without_libyaml() -> None:
    """libyaml's parser reads every file unless it finds an error; PyYAML's own parser then
    reads it again for its messages. Both must give the same document."""
    files = sorted((Path(__file__).parents[1] / "content").rglob("*.yml"))
    assert files
    for path in files:
        source = path.read_text(encoding="utf-8")
        assert _document(yaml.SafeLoader(source), source) == _document(_c_parser(source), source)


SCALARS = [
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


def test_plain_scalars_read_as_the_safe_loader_reads_them(tmp_path: Path) -> None:
    """Numbers, true/false and null as PyYAML's safe loader reads them, so a course file
    means the same here as anywhere; dates, "=", "<<", .nan and .inf stay text (no course
    field can use a number that is not finite)."""
    for text in SCALARS:
        source = f"key: {text}\n"
        expected = yaml.safe_load(source.replace("<<", "'<<'").replace("=", "'='"))["key"]
        if text.startswith("2026") or (isinstance(expected, float) and not math.isfinite(expected)):
            expected = text
        doc, problems = read(tmp_path, source)
        assert problems == [], text
        assert repr(doc.data["key"]) == repr(expected), text
        if _c_parser is not None:
            assert _document(_c_parser(source), source) == _document(
                yaml.SafeLoader(source), source
            ), text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "a: !foo bar\n",
            "f.yml:1:4: error[yaml.tag]: YAML tags (!foo) are not used in course files",
        ),
        ("a: !!binary aGk=\n", "f.yml:1:4: error[yaml.tag]: YAML tags (!!binary) are not used"),
        ("a: !!str 3\n", "f.yml:1:4: error[yaml.tag]: YAML tags (!!str) are not used"),
        ("a: !!int x\n", "f.yml:1:4: error[yaml.tag]: YAML tags (!!int) are not used"),
        ("a: !!set {x}\n", "f.yml:1:4: error[yaml.tag]: YAML tags (!!set) are not used"),
        (
            "a: 1\n<<: {b: 2}\n",
            "f.yml:2:1: error[yaml.merge-key]: YAML merge keys (<<) are not allowed",
        ),
        (
            "? [a, b]\n: c\n",
            "f.yml:1:3: error[yaml.key-not-scalar]: a key must be text, found a list",
        ),
        (
            "~: x\n",
            "f.yml:1:1: error[yaml.key-not-text]: the key '~' is read as nothing (null), not text",
        ),
        (
            "yes: x\n",
            "f.yml:1:1: error[yaml.key-not-text]: the key 'yes' is read as true/false, not text",
        ),
        (
            "a: 1\na: 2\n",
            "f.yml:2:1: error[yaml.duplicate-key]: the key 'a' appears twice in this mapping",
        ),
        (
            "a: &x {q: 1}\n",
            "f.yml:1:4: error[yaml.anchor]: YAML anchors and aliases (& and *) are not allowed",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "f.yml:2:1: error[yaml.second-document]: a second YAML document starts here",
        ),
        (
            "a: " + "[" * 50 + "]" * 50 + "\n",
            "error[yaml.too-deep]: the data is nested more than 50 levels",
        ),
        (
            "a: b: c\n",
            "f.yml:1:5: error[yaml.syntax]: YAML syntax error: mapping values are not allowed",
        ),
        (
            'a: "\\U00110000"\n',
            "f.yml:1:7: error[yaml.syntax]: YAML syntax error: found invalid Unicode",
        ),
        (
            "a: x\x0by\n",
            "f.yml:1:5: error[yaml.bad-character]: the file holds a character YAML does not allow (U+000B)",
        ),
        (
            't: x\nu: "abc\nv: 1\nw: 2\n',
            "f.yml:2:4: error[yaml.unclosed-quote]: this quoted text has no closing quote",
        ),
        ("t: x\nu: 'It's fine'\n", "hint: a value that starts with a quote or a bracket must"),
        (
            "t: x\ns:\u00a0text\n",
            "f.yml:2:3: error[yaml.odd-space]: a non-breaking space (U+00A0) stands where",
        ),
        (
            "\u00a0a: x\n",
            "f.yml:1:1: error[yaml.odd-space]: a non-breaking space (U+00A0) stands where",
        ),
        (
            "i:\n  -\u3000a\n",
            "f.yml:2:4: error[yaml.odd-space]: a special space (U+3000) stands where YAML",
        ),
        ("a:\n\tb: 1\n", "f.yml:2:1: error[yaml.tab]: a tab is used for indentation"),
        ("a: *args\n", "hint: write the repeated text out in full; to start text with & or *"),
    ],
)
def test_what_a_course_file_cannot_hold_is_reported_where_it_stands(
    tmp_path: Path, text: str, message: str
) -> None:
    _, problems = read(tmp_path, text)
    assert problems, text
    assert message in str(problems[0]), [str(p) for p in problems]


def test_nesting_far_past_the_limit_costs_no_recursion(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert doc is None and "nested more than" in problems[0].message


def test_equals_and_double_angle_values_stay_text(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "a: =\nb: <<\n")
    assert problems == [] and doc.data == {"a": "=", "b": "<<"}


def _document(parser: object, source: str) -> tuple:
    doc, problems, _ = yamlsource._build(parser, "f.yml", source)
    return doc.data, doc.values, doc.keys, doc.styles, [str(p) for p in problems]


def test_fifty_levels_of_nesting_are_read(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "a: " + "[" * 49 + "]" * 49 + "\n")  # with the top level
    assert problems == [] and doc is not None


def test_numbers_python_cannot_build_stay_text(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "a: 0b_\nb: 0x_\nc: " + "1" * 5000 + "\n")
    assert problems == [] and doc.data == {"a": "0b_", "b": "0x_", "c": "1" * 5000}


def test_tabs_inside_a_literal_block_are_text(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "code: |\n  if x {\n  \treturn\n  }\n")
    assert problems == [] and doc.data == {"code": "if x {\n\treturn\n}\n"}


def test_a_repeated_key_keeps_the_first_value_and_its_positions(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, 'a:\n  b: "<x>"\na: y\n')
    assert [p.message for p in problems] == ["the key 'a' appears twice in this mapping"]
    assert doc.data == {"a": {"b": "<x>"}}
    assert doc.value_at(("a", "b")) == "<x>"


def test_list_keys_are_left_out_with_their_values(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "[a]: 1\n[b]: 2\nc: 3\n")
    assert [str(p.where) for p in problems] == ["f.yml:1:1", "f.yml:2:1"]
    assert {p.message for p in problems} == {"a key must be text, found a list"}
    assert doc.data == {"c": 3}


def test_an_escape_for_half_a_character_is_reported(tmp_path: Path) -> None:
    # JSON writes an emoji as two escapes; YAML reads them as two characters no file can hold
    _, problems = read(tmp_path, 'a: "x\\ud83d\\ude00"\nb: "\\U0001F600"\n')
    assert [str(p.where) for p in problems] == ["f.yml:1:4"]
    assert "half a character" in problems[0].message
