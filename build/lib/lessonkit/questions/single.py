"""single: pick the one right option (radio buttons)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model as m
from ..problems import Problem, problem
from . import QuestionType
from ._choice import OPTIONS_SCHEMA, TEMPLATES, check_options, read_options


def check(q: m.Question) -> Iterator[Problem]:
    yield from check_options(q)
    if not q.options:
        return
    right = q.correct_count
    if right == 0:
        yield problem("question.single-none-correct", q.where, id=q.id)
    elif right > 1:
        yield problem("question.single-many-correct", q.where, id=q.id, count=right)


TYPE = QuestionType(
    name="single",
    description="One right option among several.",
    schema=OPTIONS_SCHEMA,
    read=read_options,
    check=check,
    shuffle=True,
    templates=TEMPLATES,
    traits={"many": False},
)
