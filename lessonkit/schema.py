"""Check one file's data against its JSON Schema; turn each error into a positioned Problem.

The schemas under schema/ are the single description of every file kind: editors use them
for autocompletion, this module uses them for the first line of checks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .problems import Problem, did_you_mean, known, problem
from .questions import question_type
from .yamlsource import Document

SCHEMA_DIR = Path(__file__).parent / "schema"
KINDS = ("course", "lesson", "quiz", "review", "self-check", "glossary", "source", "strings")

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys to values",
    "null": "nothing",
}


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing"


def _load(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    names = [f"{k}.schema.json" for k in KINDS] + ["common.schema.json"]
    return Registry().with_resources((name, Resource.from_contents(_load(name))) for name in names)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    # JSON Schema patterns are ECMA-262 regexes, whose "$" is the end of the text; Python's
    # also matches before a final newline, which would let "an-id\n" through.
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _pattern(
    checker: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    if checker.is_type(instance, "string") and not _compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})


@cache
def validator(kind: str) -> Draft202012Validator:
    schema = _load(f"{kind}.schema.json")
    Draft202012Validator.check_schema(schema)
    return _Validator(schema, registry=_registry())


def schema_problems(doc: Document, kind: str) -> list[Problem]:
    """Every schema error of doc, most specific first, one message per place."""
    out: dict[tuple, Problem] = {}
    for error in validator(kind).iter_errors(doc.data):
        for leaf in _leaves(error):
            problem = _describe(leaf, doc)
            if problem:
                out.setdefault((problem.where, problem.message), problem)
    return list(out.values())


def _leaves(error: ValidationError) -> list[ValidationError]:
    """if/then and allOf wrap the useful errors; report those, not the wrapper."""
    if error.context:
        return [leaf for sub in error.context for leaf in _leaves(sub)]
    return [error]


def _field(path: tuple) -> str:
    names = [p for p in path if isinstance(p, str)]
    return f"'{names[-1]}'" if names else "the file"


def _describe(error: ValidationError, doc: Document) -> Problem | None:
    path = tuple(error.absolute_path)
    value, schema, kind = error.instance, error.schema, error.validator
    where = doc.at(path)
    name = _field(path)
    if kind == "required":
        missing = [k for k in error.validator_value if k not in (value or {})]
        misspelt = [k for k in value or {} if k not in schema.get("properties", {})]
        if not missing or all(did_you_mean(k, misspelt) for k in missing):
            return None  # reported as "unknown key 'titel' (did you mean 'title'?)"
        fields = ", ".join(f"'{m}'" for m in missing)
        what = "a required field" if len(missing) == 1 else "required fields"
        return problem("schema.missing", where, what=what, fields=fields)
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extra = [k for k in value if k not in allowed]
        if not extra:
            return None
        key = extra[0]
        moved = schema.get("x-moved", {}).get(key)  # a key that now lives elsewhere
        return problem(
            "schema.unknown-key",
            doc.key_at((*path, key)),
            f"it is now '{moved}'" if moved else did_you_mean(key, allowed),
            key=key,
            known=known(allowed),
        )
    if kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        names = " or ".join(_TYPE_NAMES.get(w, w) for w in wanted)
        return problem(
            "schema.type",
            where,
            _type_hint(wanted, value),
            field=name,
            wanted=names,
            found=_found(value),
        )
    if kind == "enum":
        choices = [str(c) for c in error.validator_value]
        return problem(
            "schema.enum",
            where,
            did_you_mean(str(value), choices),
            field=name,
            value=value,
            choices=", ".join(choices),
        )
    if kind == "const":
        return None  # only used inside if/then; the then-branch reports the real problem
    if kind == "not":
        stray = [k for k in error.validator_value.get("required", []) if k in (value or {})]
        key = stray[0] if stray else ""
        kind_of = value.get("type", "") if isinstance(value, dict) else ""
        takes = question_type(kind_of).schema.get("required", []) if kind_of else []
        return problem(
            "schema.not-for-type",
            doc.key_at((*path, key)) if key else where,
            type=kind_of,
            key=key,
            takes=", ".join(takes) or "(nothing more)",
        )
    if kind == "minItems":
        if not value:
            return problem("schema.empty-list", where, field=name)
        return problem(
            "schema.too-few", where, field=name, least=error.validator_value, count=len(value)
        )
    if kind == "maxItems":
        return problem(
            "schema.too-many", where, field=name, count=len(value), most=error.validator_value
        )
    if kind == "minLength":
        return problem("schema.empty-text", where, field=name)
    if kind == "pattern":
        return problem("schema.pattern", where, _pattern_hint(schema), field=name, value=value)
    if kind in ("minimum", "maximum"):
        return problem(
            "schema.range",
            where,
            field=name,
            value=value,
            low=schema.get("minimum"),
            high=schema.get("maximum"),
        )
    return problem("schema.other", where, field=name, detail=error.message)


def _type_hint(wanted: list[str], value: Any) -> str:
    if "array" in wanted and isinstance(value, str):
        return "write each entry on its own line starting with '- '"
    if "string" in wanted and isinstance(value, bool | int | float):
        return "put the value in quotes"
    if "string" in wanted and isinstance(value, dict):
        return "text that contains ': ' must be quoted"
    if "string" in wanted and isinstance(value, list):
        return "text that starts with '[' (a [[term]] link, say) must be quoted"
    if "boolean" in wanted:
        return "write true or false, without quotes"
    return ""


def _pattern_hint(schema: dict[str, Any]) -> str:
    pattern = schema.get("pattern", "")
    if "\\." in pattern:
        return "cite a paragraph as section-id.number, for example understanding.2"
    if "#" in pattern:
        return "name a section as section-id, or lesson-id#section-id"
    if pattern.startswith("^[a-z0-9]"):
        return "ids use lowercase letters, digits and hyphens, for example getting-started"
    if "[a-z]{2,3}" in pattern:
        return "use a language tag such as en or en-GB"
    return f"expected text matching {pattern}"
