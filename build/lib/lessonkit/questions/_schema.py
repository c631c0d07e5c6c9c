"""quiz.schema.json, made from the registry: the keys every question has, plus each type's
own keys, with the type's required keys and no other type's keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import registry

FILE = Path(__file__).resolve().parent.parent / "schema" / "quiz.schema.json"
TEXT = {"$ref": "common.schema.json#/$defs/text"}
MARKDOWN = {"$ref": "common.schema.json#/$defs/markdown"}


def quiz_schema() -> dict[str, Any]:
    types = registry()
    own: dict[str, Any] = {}
    for kind in types.values():
        for key, rule in kind.schema["properties"].items():
            if own.get(key, rule) != rule:
                raise ValueError(f"two question types define '{key}' differently")
            own[key] = rule
    kinds = " ".join(f"{k.name}: {k.description}" for k in types.values())
    question = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "type", "prompt", "explanation"],
        "properties": {
            "id": {"$ref": "common.schema.json#/$defs/id"},
            "type": {"enum": list(types), "description": kinds},
            "prompt": TEXT,
            "section": {
                "type": "string",
                "pattern": "^([a-z0-9][a-z0-9-]*)?(#[a-z0-9][a-z0-9-]*)?$",
                "description": "The section this question tests: section-id in the same "
                "lesson, or lesson-id#section-id.",
            },
            **own,
            "shuffle": {
                "type": "boolean",
                "description": "Overrides the quiz's shuffle for this question.",
            },
            "explanation": MARKDOWN,
        },
        "allOf": [
            {
                "if": {"properties": {"type": {"const": kind.name}}, "required": ["type"]},
                "then": {
                    "required": kind.schema.get("required", []),
                    "allOf": [
                        {"not": {"required": [key]}}
                        for key in own
                        if key not in kind.schema["properties"]
                    ],
                },
            }
            for kind in types.values()
        ],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "lessonkit quiz (a lesson's quiz, or content/review.yml)",
        "$comment": "Made from lessonkit/questions/: python -m lessonkit.questions",
        "type": "object",
        "additionalProperties": False,
        "required": ["questions"],
        "properties": {
            "title": TEXT,
            "intro": MARKDOWN,
            "shuffle": {
                "type": "boolean",
                "default": False,
                "description": "Shuffle the options of every question when the page loads "
                "(JavaScript only).",
            },
            "questions": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/question"}},
        },
        "$defs": {"question": question},
    }


def schema_text() -> str:
    return json.dumps(quiz_schema(), indent=2, ensure_ascii=False) + "\n"
