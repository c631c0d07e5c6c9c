"""The interface in the course's language: one table per language, every string a learner sees.

`en.yml` is the reference; `es.yml`, `de.yml` and `fr.yml` have exactly its keys, with the
same {placeholders}, and plural forms where it has them. A course picks its table with its
`language` tag (es-MX reads es.yml unless an es-MX.yml exists) and may override or add
entries in content/strings.yml, which has the tables' shape. A language with no table reads
English, and the checks name each key the course leaves untranslated.

Keys are "group.name": `page.*` for the page templates, `nav.*` for the navigation labels,
`script.*` for the browser script (its own names, handed to it in the page).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem, Where, problem

TABLE_DIR = Path(__file__).parent
REFERENCE = "en"
GROUPS = ("page", "nav", "script")
# The plural categories of CLDR, which the browser's Intl.PluralRules also names.
FORMS = ("zero", "one", "two", "few", "many", "other")
# In a plural entry of the reference table: which value picks the form (the script's "by").
BY = "by"
# Keys that moved, old -> new: a strings.yml that still uses an old one is told the new one.
# (The buttons and labels the script drives are built into the page since they were laid
# out from the first paint, so they are texts of the page now.)
MOVED = {
    "script.check": "page.quiz_check",
    "script.tryAgain": "page.quiz_try_again",
    "script.startAgain": "page.quiz_start_again",
    "script.sureAsk": "page.sure_ask",
    "script.sure": "page.sure_sure",
    "script.fairlySure": "page.sure_fairly",
    "script.guessing": "page.sure_guess",
    "script.erase": "page.progress_erase",
    "script.loadLabel": "page.progress_load",
    "script.undo": "page.progress_undo",
}

Entry = str | dict[str, str]
_NAME = re.compile(r"\{(\w+)\}")


def flatten(data: Mapping[str, Any]) -> dict[str, Any]:
    """{"page": {"home": ...}} -> {"page.home": ...}."""
    return {
        f"{group}.{name}": entry
        for group, entries in data.items()
        if isinstance(entries, Mapping)
        for name, entry in entries.items()
    }


def shipped() -> dict[str, str]:
    """The languages lessonkit has a table for, lower-cased tag -> file stem."""
    return {p.stem.lower(): p.stem for p in sorted(TABLE_DIR.glob("*.yml"))}


@cache
def table(stem: str) -> dict[str, Entry]:
    """One shipped table, flat. The tables are the package's own files, read as they are."""
    text = (TABLE_DIR / f"{stem}.yml").read_text(encoding="utf-8")
    return flatten(yaml.safe_load(text))


def reference() -> dict[str, Entry]:
    return table(REFERENCE)


def table_for(language: str) -> str | None:
    """The stem of the table a language tag reads (the whole tag, else its language
    alone, so en-GB reads en), or None when lessonkit has none for it."""
    tables = shipped()
    tag = language.lower()
    return tables.get(tag) or tables.get(tag.split("-")[0])


def placeholders(entry: Any) -> set[str]:
    """The {names} an entry fills in, over all its forms."""
    if isinstance(entry, Mapping):
        return set().union(*(placeholders(v) for k, v in entry.items() if k != BY))
    return set(_NAME.findall(entry)) if isinstance(entry, str) else set()


def plural_form(language: str, n: float) -> str:
    """The CLDR plural category of a number: French counts 0 and 1 (and 1.5) as one;
    English, Spanish, German and, here, every other language only 1. A course's table for a
    language with more categories (few, many) still gets "one" and "other" right on its
    pages; the browser script reads all of them through Intl.PluralRules."""
    if language.lower().split("-")[0] == "fr":
        return "one" if abs(n) < 2 else "other"
    return "one" if n == 1 else "other"


@dataclass(frozen=True)
class Strings:
    """The interface texts of one course: its table, with the course's own entries over it.
    Call it with a key and the values of its placeholders: strings("page.exercise", n=2)."""

    language: str
    entries: dict[str, Entry] = field(default_factory=dict)

    def __call__(self, key: str, /, **values: Any) -> str:
        entry = self.entries[key]
        if isinstance(entry, Mapping):
            entry = self._form(key, entry, values)
        return _NAME.sub(lambda m: self._value(m, values), entry)

    def _form(self, key: str, entry: Mapping[str, str], values: dict[str, Any]) -> str:
        ref = reference().get(key)
        by = ref.get(BY) if isinstance(ref, Mapping) else None
        if by is None:
            names = ["count", *_NAME.findall(entry.get("other", ""))]
            by = next((n for n in names if _is_number(values.get(n))), None)
        form = plural_form(self.language, values[by]) if by in values else "other"
        return entry.get(form) or entry["other"]

    def _value(self, match: re.Match[str], values: dict[str, Any]) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        return self.number(values[name]) if _is_number(values[name]) else str(values[name])

    def number(self, x: float) -> str:
        """A number as the language writes it: 1.5 is "1,5" in German. Whole numbers, the
        only kind templates print besides scores, stay as they are."""
        if isinstance(x, int):
            return str(x)
        return f"{x:g}".replace(".", self("page.decimal_mark"))

    def and_list(self, items: list[str]) -> str:
        """'a', 'a and b', 'a, b and c', in the language's words."""
        items = list(items)
        if len(items) < 2:
            return "".join(items)
        rest = self("page.list_separator").join(items[:-1])
        return self("page.and_list", items=rest, last=items[-1])

    def script(self) -> dict[str, Entry]:
        """The browser script's entries that differ from its built-in English, for the
        page's lk-strings block. A plural entry gets the reference's "by"."""
        ref = reference()
        out: dict[str, Entry] = {}
        for key, entry in self.entries.items():
            group, _, name = key.partition(".")
            if group != "script" or entry == ref.get(key):
                continue
            if isinstance(entry, Mapping) and isinstance(ref.get(key), Mapping):
                entry = {k: v for k, v in entry.items() if k != BY}
                if BY in ref[key]:
                    entry = {BY: ref[key][BY], **entry}
            out[name] = entry
        return out

    def css_labels(self) -> str:
        """CSS custom properties for the labels lessonkit.css puts over code blocks, where
        they differ from its English: "--lk-label-output: \"Sortie\";". Every character
        but letters, digits and spaces is a CSS escape, so no text can end the string or
        the style element."""
        ref = reference()
        out = []
        for name in ("output", "error"):
            key = f"page.code_{name}"
            if self.entries[key] != ref[key]:
                out.append(f"--lk-label-{name}: {_css_string(self(key))};")
        return " ".join(out)


def _css_string(text: str) -> str:
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def strings(language: str, own: Mapping[str, Entry] | None = None) -> Strings:
    """The texts for a course in `language`: English under the language's table, under the
    course's own entries (content/strings.yml, flat keys)."""
    stem = table_for(language)
    entries = dict(reference())
    if stem:
        entries.update(table(stem))
    entries.update(own or {})
    return Strings(language, entries)


def for_course(course: Any) -> Strings:
    """The texts of a course (model.Course): its language's, with its strings.yml over them."""
    return strings(course.language, course.strings)


def missing(language: str, own: Mapping[str, Entry] | None = None) -> list[str]:
    """The keys a course in `language` shows in English because nobody translated them."""
    if table_for(language):
        return []
    own = own or {}
    return [key for key in reference() if key not in own]


def check(
    language: str, own: Mapping[str, Entry], places: Mapping[str, Where], at: Where
) -> Iterator[Problem]:
    """A course's own entries use their key's placeholders; a language lessonkit has no
    table for gets a warning for each key left in English (at `at`, its language tag)."""
    ref = reference()
    for key, entry in own.items():
        wanted = placeholders(ref[key])
        forms = entry.items() if isinstance(entry, Mapping) else [("", entry)]
        for form, text in forms:
            found = placeholders(text)
            # a form for one (or zero) may leave the number out: "une question"
            ok = found <= wanted if form not in ("", "other") else found == wanted
            if not ok:
                yield problem(
                    "i18n.placeholders",
                    places.get(f"{key}.{form}" if form else key, places.get(key, at)),
                    key=key + (f" ({form})" if form else ""),
                    wanted=_names(wanted),
                    found=_names(found),
                )
    for key in missing(language, own):
        yield problem("i18n.missing", at, key=key, language=language)


def _names(names: set[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in sorted(names)) or "no placeholders"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


SCHEMA_FILE = Path(__file__).parent.parent / "schema" / "strings.schema.json"


def schema_text() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of content/strings.yml, made from the reference table: each key with
    its English text as the description an editor shows."""

    def entry_schema(entry: Entry) -> dict[str, Any]:
        if isinstance(entry, Mapping):
            forms: dict[str, Any] = {f: {"type": "string"} for f in FORMS}
            if BY in entry:  # en.yml's own, so that a copy of it is a valid strings.yml
                forms[BY] = {"const": entry[BY], "description": "The number that picks the form."}
            said = ", ".join(f"{k}: {_quoted(v)}" for k, v in entry.items() if k != BY)
            return {
                "description": f"Plural forms (or one text). English: {said}",
                "type": ["string", "object"],
                "additionalProperties": False,
                "required": ["other"],
                "properties": forms,
            }
        return {"description": f"English: {_quoted(entry)}", "type": "string"}

    groups: dict[str, dict[str, Any]] = {}
    for key, entry in reference().items():
        group, _, name = key.partition(".")
        groups.setdefault(group, {})[name] = entry_schema(entry)
    moved: dict[str, dict[str, str]] = {}
    for old, new in MOVED.items():
        group, _, name = old.partition(".")
        moved.setdefault(group, {})[name] = new
    descriptions = {
        "page": "Texts of the pages: headings, buttons, sentences.",
        "nav": "Labels of the site navigation.",
        "script": "What the browser script shows and announces in quizzes, the "
        "self-check and the progress page.",
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "lessonkit interface texts (content/strings.yml)",
        "description": "Override or add the texts lessonkit shows learners, by key. Each "
        "entry keeps the {placeholders} of its English text.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            group: {
                "description": descriptions.get(group, ""),
                "type": "object",
                "additionalProperties": False,
                "properties": props,
                **({"x-moved": moved[group]} if group in moved else {}),
            }
            for group, props in groups.items()
        },
    }
