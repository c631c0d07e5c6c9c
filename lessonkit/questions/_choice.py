"""What the choice types (single, multiple, true-false) share: options with feedback,
checked at least two and all different, and the same templates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from .. import model as m
from ..problems import Problem, problem

TEXT = {"$ref": "common.schema.json#/$defs/text"}

OPTIONS_SCHEMA: dict[str, Any] = {
    "properties": {
        "options": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["text", "feedback"],
                "properties": {
                    "text": TEXT,
                    "correct": {"type": "boolean", "default": False},
                    "feedback": {**TEXT, "description": "Why this option is right or wrong."},
                },
            },
        }
    },
    "required": ["options"],
}

# Feedback for a right and for a wrong answer: true-false's and short-answer's, which must
# be alike for the two types to share the key (questions/_schema.py).
RIGHT_WRONG_FEEDBACK: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["correct", "incorrect"],
    "description": "Feedback for a right and for a wrong answer.",
    "properties": {"correct": TEXT, "incorrect": TEXT},
}

TEMPLATES = {use: f"questions/choice.{use}.md.j2" for use in ("page", "answer", "workbook", "key")}


def read_options(raw: dict[str, Any]) -> tuple[list[m.Option], dict[str, Any]]:
    options = [
        m.Option(o["text"], bool(o.get("correct", False)), o["feedback"]) for o in raw["options"]
    ]
    return options, {}


def check_options(q: m.Question) -> Iterator[Problem]:
    if not q.options:
        yield problem("question.no-options", q.where, id=q.id)
        return
    if len(q.options) < 2:
        yield problem("question.one-option", q.where, id=q.id)
    texts = Counter(o.text.strip().lower() for o in q.options)
    for text, count in texts.items():
        if count > 1:
            yield problem("question.same-option", q.where, id=q.id, text=text, count=count)
