"""multiple: tick every right option (checkboxes)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model as m
from ..problems import Problem, problem
from . import QuestionType
from ._choice import OPTIONS_SCHEMA, TEMPLATES, check_options, read_options


def check(q: m.Question) -> Iterator[Problem]:
    yield from check_options(q)
    if q.options and q.correct_count == 0:
        yield problem("question.multiple-none-correct", q.where, id=q.id)


TYPE = QuestionType(
    name="multiple",
    description="One or more right options; the learner ticks all that apply.",
    schema=OPTIONS_SCHEMA,
    read=read_options,
    check=check,
    shuffle=True,
    answer=lambda q: {"options": len(q.options), "most": len(q.options)},
    templates=TEMPLATES,
    traits={"many": True},
)
