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

import jsonschema_rs
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .problems import Problem, did_you_mean, known
from .yamlsource import Document

SCHEMA_DIR = Path(__file__).parent / "schema"
KINDS = ("course", "lesson", "quiz", "review", "self-check", "glossary", "source")

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


# Keywords that only describe; a $ref's siblings made only of these merge into its target.
_ANNOTATIONS = {"title", "description", "default", "examples", "$comment", "markdownDescription"}


def inline_refs(schema: Any, base: str) -> Any:
    """schema with every $ref replaced by a copy of its target, resolved from `base`.

    The files keep their $refs (editors and readers follow them); validation walks the
    inlined copy, which spares a registry lookup per value checked: a third of the time of
    checking a large course. The schemas are not recursive, so the copy is finite."""
    if isinstance(schema, list):
        return [inline_refs(item, base) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: inline_refs(v, base) for k, v in schema.items() if k not in ("$ref", "$defs")}
    ref = schema.get("$ref")
    if ref is None:
        return out
    name = ref.partition("#")[0]
    resolved = _registry().resolver(base).lookup(ref)
    target = {k: v for k, v in resolved.contents.items() if k not in ("$schema", "$id")}
    target = inline_refs(target, name or base)
    if set(out) - _ANNOTATIONS:
        return {
            **{k: v for k, v in out.items() if k in _ANNOTATIONS},
            "allOf": [target, {k: v for k, v in out.items() if k not in _ANNOTATIONS}],
        }
    return {**target, **out}


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
    name = f"{kind}.schema.json"
    schema = inline_refs(_load(name), name)
    Draft202012Validator.check_schema(schema)
    return _Validator(schema, registry=_registry())


@cache
def quick_validator(kind: str) -> jsonschema_rs.Draft202012Validator:
    """The same inlined schema, compiled by jsonschema-rs: it answers "is this file valid?"
    about fifty times faster than jsonschema, which is then asked only about the files that
    are not, for errors with the detail our messages need."""
    return jsonschema_rs.Draft202012Validator(validator(kind).schema)


def _surely_valid(data: Any, kind: str) -> bool:
    try:
        return quick_validator(kind).is_valid(data)
    except (ValueError, TypeError):  # data it cannot read (YAML's sets, bytes): ask jsonschema
        return False


def schema_problems(doc: Document, kind: str) -> list[Problem]:
    """Every schema error of doc, most specific first, one message per place."""
    if _surely_valid(doc.data, kind):
        return []
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
        return Problem(where, f"missing {what} {fields}", f"add {fields} to this mapping")
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extra = [k for k in value if k not in allowed]
        if not extra:
            return None
        key = extra[0]
        hint = did_you_mean(key, allowed) or f"known keys here: {known(allowed)}"
        return Problem(doc.key_at((*path, key)), f"unknown key '{key}'", hint)
    if kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        names = " or ".join(_TYPE_NAMES.get(w, w) for w in wanted)
        return Problem(
            where, f"{name} should be {names}, found {_found(value)}", _type_hint(wanted, value)
        )
    if kind == "enum":
        choices = [str(c) for c in error.validator_value]
        hint = did_you_mean(str(value), choices) or f"use one of: {', '.join(choices)}"
        return Problem(
            where, f"{name} is '{value}', which is not one of {', '.join(choices)}", hint
        )
    if kind == "const":
        return None  # only used inside if/then; the then-branch reports the real problem
    if kind == "not":
        stray = [k for k in error.validator_value.get("required", []) if k in (value or {})]
        key = stray[0] if stray else ""
        kind_of = value.get("type", "this") if isinstance(value, dict) else "this"
        return Problem(
            doc.key_at((*path, key)) if key else where,
            f"a {kind_of} question does not take '{key}'",
            "true-false questions use 'answer' and 'feedback' instead of 'options'",
        )
    if kind == "minItems":
        if not value:
            return Problem(where, f"{name} is an empty list", "add at least one entry")
        return Problem(
            where,
            f"{name} needs at least {error.validator_value} entries, found {len(value)}",
            "add entries",
        )
    if kind == "maxItems":
        return Problem(
            where,
            f"{name} has {len(value)} entries, at most {error.validator_value} are allowed",
            "remove entries",
        )
    if kind == "minLength":
        return Problem(where, f"{name} is empty", "write the text, or remove the key")
    if kind == "pattern":
        return Problem(
            where, f"{name} is '{value}', which is not in the expected form", _pattern_hint(schema)
        )
    if kind in ("minimum", "maximum"):
        return Problem(
            where,
            f"{name} is {value}, outside the allowed range",
            f"use a value from {schema.get('minimum')} to {schema.get('maximum')}",
        )
    return Problem(where, f"{name}: {error.message}")


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
        return "ids use lowercase letters, digits and hyphens, for example fear-of-intimacy"
    if "[a-z]{2,3}" in pattern:
        return "use a language tag such as en or en-GB"
    return f"expected text matching {pattern}"
