"""true-false: is the statement true? Written as an answer and two feedback texts; shown
as the two options "True" and "False", always in that order."""

from __future__ import annotations

from typing import Any

from .. import model as m
from . import QuestionType
from ._choice import RIGHT_WRONG_FEEDBACK, TEMPLATES


def read(raw: dict[str, Any]) -> tuple[list[m.Option], dict[str, Any]]:
    answer = bool(raw["answer"])
    right, wrong = raw["feedback"]["correct"], raw["feedback"]["incorrect"]
    options = [
        m.Option("True", answer, right if answer else wrong),
        m.Option("False", not answer, wrong if answer else right),
    ]
    return options, {}


TYPE = QuestionType(
    name="true-false",
    description="A statement the learner marks as true or false.",
    schema={
        "properties": {
            "answer": {"type": "boolean", "description": "Whether the statement is true."},
            "feedback": RIGHT_WRONG_FEEDBACK,
        },
        "required": ["answer", "feedback"],
    },
    read=read,
    templates=TEMPLATES,
    traits={"many": False},
)
