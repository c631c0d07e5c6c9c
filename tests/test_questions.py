"""The question-type registry: one module per type, found by its name; the schema editors
read is made from it; a new type needs no change anywhere else in the generator."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lessonkit import questions
from lessonkit.load import load_course
from lessonkit.questions import USES, question_type, registry
from lessonkit.questions._schema import FILE, quiz_schema, schema_text
from lessonkit.schema import validator
from tests.support.project import FIXTURES, mini_content

TEMPLATES = Path(questions.__file__).parent.parent / "templates"


def test_the_registry_finds_each_type_by_its_module_name() -> None:
    assert list(registry()) == ["multiple", "short-answer", "single", "true-false"]
    for name, kind in registry().items():
        assert kind.name == name
        assert Path(questions.__file__).with_name(name.replace("-", "_") + ".py").is_file()


@pytest.mark.parametrize("name", ["multiple", "short-answer", "single", "true-false"])
def test_every_type_has_a_template_for_every_use(name: str) -> None:
    for use in USES:
        assert (TEMPLATES / question_type(name).template(use)).is_file(), use


def test_the_schema_file_is_the_one_the_registry_makes() -> None:
    # editors read the file; python -m lessonkit.questions writes it anew
    assert FILE.read_text(encoding="utf-8") == schema_text()
    question = quiz_schema()["$defs"]["question"]
    assert question["properties"]["type"]["enum"] == list(registry())
    assert [rule["if"]["properties"]["type"]["const"] for rule in question["allOf"]] == list(
        registry()
    )


def test_a_type_may_not_take_another_types_keys() -> None:
    check = validator("quiz")
    base = {"id": "q", "prompt": "P", "explanation": "E"}
    tf = {**base, "type": "true-false", "answer": True}
    tf["feedback"] = {"correct": "a", "incorrect": "b"}
    assert not list(check.iter_errors({"questions": [tf]}))
    assert list(check.iter_errors({"questions": [{**tf, "options": []}]}))
    single = {**base, "type": "single", "options": [{"text": "a", "feedback": "b"}]}
    assert not list(check.iter_errors({"questions": [single]}))
    assert list(check.iter_errors({"questions": [{**single, "answer": True}]}))


# A new type, as a maintainer adds it: a module named after it and its four templates,
# nothing else, then `python -m lessonkit.questions` for the editors' schema.
NUMERIC = {
    "lessonkit/questions/numeric.py": """
from lessonkit.problems import problem
from lessonkit.questions import QuestionType


def read(raw):
    return [], {"value": raw["value"]}


def check(q):
    if q.data["value"] < 0:
        yield problem("schema.other", q.where, field="'value'", detail="below zero")


TYPE = QuestionType(
    name="numeric",
    description="A number the learner types.",
    schema={"properties": {"value": {"type": "number"}}, "required": ["value"]},
    read=read,
    check=check,
    fingerprint=lambda q: [q.type, q.prompt, q.data["value"]],
)
""",
    "lessonkit/templates/questions/numeric.page.md.j2": '<input type="number" name="{{ qid }}">\n',
    "lessonkit/templates/questions/numeric.answer.md.j2": "<p>{{ q.data.value }}</p>\n",
    "lessonkit/templates/questions/numeric.workbook.md.j2": "<p>{{ number }}. {{ q.prompt }} ____</p>\n",
    "lessonkit/templates/questions/numeric.key.md.j2": "<p>{{ number }}: {{ q.data.value }}</p>\n",
}
QUESTION = "  - id: cups\n    type: numeric\n    prompt: How many cups?\n    value: {value}\n    explanation: Two.\n"
GENERATE = """
import json, sys
from pathlib import Path
from lessonkit.pipeline import generate
r = generate(Path(sys.argv[1]))
print(json.dumps({"problems": [p.code for p in r.problems], "pages": r.pages}))
"""


def test_a_new_type_is_a_module_and_its_templates(tmp_path: Path) -> None:
    package = tmp_path / "lessonkit"
    shutil.copytree(
        Path(questions.__file__).parents[1], package, ignore=shutil.ignore_patterns("__pycache__")
    )
    for name, text in NUMERIC.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}

    def run(*args: str) -> str:
        proc = subprocess.run(
            [sys.executable, *args], env=env, cwd=tmp_path, capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    run("-m", "lessonkit.questions")
    schema = json.loads((package / "schema" / "quiz.schema.json").read_text("utf-8"))
    assert "numeric" in schema["$defs"]["question"]["properties"]["type"]["enum"]
    course = tmp_path / "course"
    shutil.copytree(mini_content(), course / "content")
    review = course / "content" / "review.yml"
    base = review.read_text("utf-8")
    review.write_text(base + QUESTION.format(value=2), "utf-8")
    result = json.loads(run("-c", GENERATE, str(course)))
    assert result["problems"] == []
    page = result["pages"]["review.md"]
    assert 'data-lk-type="numeric"' in page
    assert '<input type="number" name="q-cups">' in page
    assert "<p>2</p>" in page
    assert "<p>3. How many cups? ____</p>" in result["pages"]["workbook.md"]
    assert "<p>3: 2</p>" in result["pages"]["workbook.md"]
    # its own checks run on its own data
    review.write_text(base + QUESTION.format(value=-1), "utf-8")
    assert json.loads(run("-c", GENERATE, str(course)))["problems"] == ["schema.other"]
    # and a key it does not take is refused with the others
    review.write_text(base + QUESTION.format(value=2) + "    options: []\n", "utf-8")
    assert json.loads(run("-c", GENERATE, str(course)))["problems"] == ["schema.not-for-type"]


def test_the_bundled_types_read_as_before() -> None:
    course = load_course(FIXTURES / "mini" / "content").course
    tf = course.lessons[0].quiz.questions[1]
    assert tf.type == "true-false" and not tf.shuffle, "true/false keeps its order"
    assert [o.text for o in tf.options] == ["True", "False"]
