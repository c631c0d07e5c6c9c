"""Hostile courses: the fixture course with script payloads in every text field.

Each payload is something a hostile contributor (a pull request, a pasted article, a
translation) could write to run script on the published site. `reported` says whether
`lessonkit check` must refuse it: a payload inside a code span is only text (a technical
course may well show `<img onerror=...>`), so the check lets it through, and the pages must
still show it as text.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.support.project import mini_content


@dataclass(frozen=True)
class Payload:
    text: str
    reported: bool = True


PAYLOADS = [
    Payload("<script>alert(1)</script>"),
    Payload("`</title><img src=x onerror=alert(1)>`", reported=False),
    Payload('"><img src=x onerror=alert(1)>'),
    Payload('![i](x.png){ onerror="alert(1)" }'),
    Payload('Text.\n{: onmouseover="alert(1)" }'),
    Payload('<img title="<" src=x onerror=alert(1)>'),
    Payload("\\`<img src=x onerror=alert(1)>\\`"),
    Payload("`a\n\n<img src=x onerror=alert(1)>\n\n`"),
    Payload("<x_y autofocus onfocus=alert(1)>focus</x_y>"),
    Payload("[read this](javascript:alert(1))"),
    Payload("[read this]( JaVaScRiPt:alert(1) )"),
    Payload("<javascript:alert(1)>"),
    Payload('<a href="data:text/html,<script>alert(1)</script>">data</a>'),
    Payload("<svg onload=alert(1)></svg>"),
    Payload("<iframe src=javascript:alert(1)></iframe>"),
    Payload("<details open ontoggle=alert(1)>x</details>"),
    Payload("`<!--<script>`", reported=False),
    Payload("<!--<script>alert(1)</script>-->"),
    Payload("[x][r]\n\n[r]: javascript:alert(1)"),
]

# Values that are ids, lists of ids, settings or addresses, never text for readers.
NOT_TEXT = {"id", "lessons", "subscale", "section", "sources", "language", "url", "type", "kind"}


def text_fields(data: Any, path: tuple = ()) -> list[tuple]:
    """The path of every text value a learner reads."""
    if isinstance(data, dict):
        return [p for k, v in data.items() if k not in NOT_TEXT for p in text_fields(v, (*path, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in text_fields(v, (*path, i))]
    return [path] if isinstance(data, str) else []


def _set(data: Any, path: tuple, value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


class _Dumper(yaml.SafeDumper):
    """Text of several lines as a '|' block, as an author writes it."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, "|" if "\n" in text else None)


_Dumper.add_representer(str, _text)


def hostile_content(dest: Path, pick) -> dict[str, list[tuple]]:
    """The fixture course's content/ in dest, each text field given pick(index) appended
    to its own text; returns the changed paths of each file."""
    shutil.copytree(mini_content(), dest)
    changed: dict[str, list[tuple]] = {}
    index = 0
    for path in sorted(dest.rglob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        fields = text_fields(data)
        for field in fields:
            value = data
            for key in field:
                value = value[key]
            _set(data, field, f"{value} {pick(index)}")
            index += 1
        path.write_text(
            yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6),
            "utf-8",
        )
        changed[path.relative_to(dest.parent).as_posix()] = fields
    return changed


def every_payload(index: int) -> str:
    return "\n\n".join(p.text for p in PAYLOADS)


def one_payload(index: int) -> str:
    return PAYLOADS[index % len(PAYLOADS)].text
