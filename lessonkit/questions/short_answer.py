"""short-answer: the learner types a word or a phrase; it is right when it matches one of the
accepted answers once case, spaces and accents are set aside.

The checker and the browser must agree on what "matches" means, so it is said once, here,
as a list of named steps (STEPS). The page carries that list (data-lk-normalise) and each
accepted answer already normalised (data-lk-accept); the browser script applies the same
named steps to what the learner types and compares. A test runs the script's steps in
Chromium over a table of cases and compares them with normalise() below.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from .. import model as m
from ..problems import Problem, problem
from . import QuestionType
from ._choice import RIGHT_WRONG_FEEDBACK

# Unicode's White_Space characters (the browser's \p{White_Space}); written out because
# Python's str.isspace() and JavaScript's \s each differ from it, and from each other.
WHITE_SPACE = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SPACES = re.compile(f"[{WHITE_SPACE}]+")


def _unmark(text: str) -> str:
    # nonspacing marks (Mn): the accents NFKD splits off, and the vowel points of Arabic and
    # Hebrew. Spacing marks (Mc) stay: in many scripts they are vowels that change the word.
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


# The steps, in order; the browser script has a function of the same name for each. NFKD
# comes first because it can make capitals (full-width A, U+FF21, becomes a plain "A");
# lowercasing can make a mark ("İ" becomes "i" and a dot above), so marks go after it.
STEP: dict[str, Callable[[str], str]] = {
    "nfkd": lambda s: unicodedata.normalize("NFKD", s),
    "lower": str.lower,
    "unmark": _unmark,
    "spaces": lambda s: _SPACES.sub(" ", s).strip(" "),
}
STEPS = ("nfkd", "lower", "unmark", "spaces")


def normalise(text: str) -> str:
    """What a typed answer is compared as: 'Café  au LAIT ' and 'cafe au lait' are equal."""
    for step in STEPS:
        text = STEP[step](text)
    return text


def read(raw: dict[str, Any]) -> tuple[list[m.Option], dict[str, Any]]:
    answers = list(raw["answers"])
    data = {
        "answers": answers,
        "accept": [normalise(a) for a in answers],  # what the page compares with
        "feedback": raw.get("feedback"),
    }
    return [], data


def check(q: m.Question) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for i, (answer, accepted) in enumerate(zip(q.data["answers"], q.data["accept"], strict=True)):
        where = q.at("answers", i)
        if not accepted:
            yield problem("question.empty-answer", where, id=q.id, answer=answer)
        elif accepted in first:
            yield problem(
                "question.same-answer", where, id=q.id, first=first[accepted], answer=answer
            )
        else:
            first[accepted] = answer


TYPE = QuestionType(
    name="short-answer",
    description="The learner types a word or phrase, checked against the accepted answers "
    "whatever the case, spacing or accents.",
    schema={
        "properties": {
            "answers": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "string", "minLength": 1},
                "description": "The answers that count as right, as plain text (the first is "
                "the one the answer key shows first). Case, spaces and accents do not matter.",
            },
            "feedback": RIGHT_WRONG_FEEDBACK,
        },
        "required": ["answers"],
    },
    read=read,
    check=check,
    fingerprint=lambda q: [q.type, q.prompt, q.data["answers"]],
    answer=lambda q: {"text": True},
    traits={"normalise": " ".join(STEPS)},  # the steps, for the page to hand to the script
)
