"""Problems are data: every check returns them, the CLI prints them all at once.

Each has a code (messages.py holds what each code says), a place and a severity, and prints
as `file:line:col: error[code]: message (hint: ...)`, or as a GitHub annotation for CI.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Where:
    """A place in a content file; line and column count from 1 (0 means the whole file)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file


@dataclass(frozen=True)
class Problem:
    where: Where
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        text = f"{self.where}: {self.severity.value}[{self.code}]: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, shown on the file's line."""
        props = [f"file={_prop(self.where.file)}"]
        if self.where.line:
            props += [f"line={self.where.line}", f"col={self.where.col}"]
        props.append(f"title={_prop(self.code)}")
        text = f"{self.message} (hint: {self.hint})" if self.hint else self.message
        return f"::{self.severity.value} {','.join(props)}::{_data(text)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def problem(code: str, where: Where, hint: str | None = None, **fields: Any) -> Problem:
    """The problem `code` at `where`, its text filled in from `fields`; `hint`, when given
    and not empty, replaces the code's own hint."""
    from .messages import MESSAGES  # messages.py imports Severity from here

    said = MESSAGES[code]
    return Problem(
        where,
        code,
        said.text.format(**fields),
        hint or said.hint.format(**fields),
        said.severity,
    )


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.where, p.message))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known word, or '' when nothing is close."""
    close = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def known(choices: Iterable[str]) -> str:
    return ", ".join(sorted(set(choices))) or "(none)"
