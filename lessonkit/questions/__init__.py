"""Question types: a registry with one module per type, found by its name.

A type's module (``true_false.py`` for type ``true-false``) defines ``TYPE``, a
QuestionType that says everything that differs between types:
- ``schema``: the JSON Schema of the keys the type adds to a question (quiz.schema.json is
  generated from the registry: ``python -m lessonkit.questions``);
- ``read``: how its data is read from a validated YAML mapping into the model;
- ``check``: the checks of one question, yielding Problems;
- ``fingerprint``: what a learner answers to (saved answers are dropped when it changes);
- ``answer``: what a saved answer to it may hold, so the progress page can refuse an
  imported file with an answer no question of the type could have;
- its templates: the controls on the quiz page, the answer revealed without JavaScript, the
  printable workbook's question and its answer key (``questions/<type>.<use>.md.j2``).
The browser script has one entry per type in its TYPES table. ARCHITECTURE.md walks
through adding a type.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import model as m
from ..problems import Problem

USES = ("page", "answer", "workbook", "key")


def _no_checks(question: m.Question) -> Iterator[Problem]:
    return iter(())


def answered_to(question: m.Question) -> Any:
    """What a learner answers to, by default: the type, the prompt and each option's text
    and whether it is right."""
    return [question.type, question.prompt, [(o.text, o.correct) for o in question.options]]


def pick_one(question: m.Question) -> dict[str, Any]:
    """A saved answer is one of the options' values ("1" to "n")."""
    return {"options": len(question.options), "most": 1}


@dataclass(frozen=True)
class QuestionType:
    name: str
    description: str  # one line, shown by editors beside the type's name
    schema: dict[str, Any]  # {"properties": {...}, "required": [...]} this type adds
    read: Callable[[dict[str, Any]], tuple[list[m.Option], dict[str, Any]]]
    check: Callable[[m.Question], Iterator[Problem]] = _no_checks
    fingerprint: Callable[[m.Question], Any] = answered_to
    # what a saved answer may hold: {"options": n, "most": k} (k distinct values of "1" to
    # "n") or {"text": True} (one typed text); the browser script checks imports against it
    answer: Callable[[m.Question], dict[str, Any]] = pick_one
    shuffle: bool = False  # whether its options may be shown in a shuffled order
    # the template of each use; by default questions/<name>.<use>.md.j2
    templates: dict[str, str] = field(default_factory=dict)
    # anything its templates need to know about it (e.g. how many options a learner picks)
    traits: dict[str, Any] = field(default_factory=dict)

    def template(self, use: str) -> str:
        if use not in USES:
            raise ValueError(f"unknown template use {use!r} (known: {', '.join(USES)})")
        return self.templates.get(use, f"questions/{self.name}.{use}.md.j2")


@cache
def registry() -> dict[str, QuestionType]:
    """Every question type, by name, in the order of its module's name."""
    found: dict[str, QuestionType] = {}
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda x: x.name):
        if module.name.startswith("_"):
            continue  # shared helpers, not a type
        kind: QuestionType = importlib.import_module(f"{__name__}.{module.name}").TYPE
        if kind.name.replace("-", "_") != module.name:
            raise RuntimeError(f"{module.name}.py defines type {kind.name!r}: name them alike")
        found[kind.name] = kind
    return found


def question_type(name: str) -> QuestionType:
    return registry()[name]


def names() -> list[str]:
    return list(registry())


def saved_answers(quizzes: list[m.Quiz]) -> dict[str, dict[str, Any]]:
    """For each question, keyed "quiz-id/question-id" as the browser saves it: its
    fingerprint ("h") and what an answer to it may hold (its type's ``answer``)."""
    return {
        f"{quiz.id}/{q.id}": {"h": fingerprint(q), **question_type(q.type).answer(q)}
        for quiz in quizzes
        for q in quiz.questions
    }


def fingerprint(question: m.Question) -> str:
    """Short hash of everything a learner answers to (its type says what that is): saved
    answers are keyed by it, so editing a question drops them."""
    payload = question_type(question.type).fingerprint(question)
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:12]
