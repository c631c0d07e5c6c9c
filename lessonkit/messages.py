"""What every problem says, by its code: one table, apart from the checks that find them.

A check reports `problem("band.gap", where, before=..., after=...)`; the text and the hint
come from here, filled in with those fields. A check may pass a hint of its own (a
did-you-mean) that replaces the default one. Codes are stable: tests and CI annotations
name them, so rename one only with its golden files.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Message:
    text: str
    hint: str = ""
    severity: Severity = ERROR


M = Message
MESSAGES: dict[str, Message] = {
    # reading a file (yamlsource.py)
    "yaml.unreadable": M("cannot read the file: {reason}"),
    "yaml.not-a-file": M(
        "this is not a regular file (a folder, a pipe or a device?)",
        "replace it with a YAML file, or remove it",
    ),
    "yaml.too-large": M(
        "the file is {size:,} bytes, over the {limit:,} limit", "split it into smaller files"
    ),
    "yaml.not-utf8": M(
        "the file is not UTF-8 (byte 0x{byte:02x})", "save the file with UTF-8 encoding"
    ),
    "yaml.empty": M("the file is empty", "add the fields this kind of file needs"),
    "yaml.not-mapping": M(
        "the top level must be a mapping of keys to values, found {found}",
        "start the file with 'key: value' lines",
    ),
    "yaml.duplicate-key": M("the key '{key}' appears twice in this mapping", "keep one of them"),
    "yaml.too-deep": M(
        "the data is nested more than {depth} levels deep",
        "check the indentation and the brackets around this place",
    ),
    "yaml.second-document": M(
        "a second YAML document starts here: a file holds one",
        "remove this '---' line and what follows it, or move that to a file of its own",
    ),
    "yaml.merge-key": M("YAML merge keys (<<) are not allowed", "write the keys out in full"),
    "yaml.key-not-text": M("the key '{key}' is read as {read_as}, not text", "put it in quotes"),
    "yaml.key-not-scalar": M("a key must be text, found {found}", "write the key as text"),
    "yaml.half-character": M(
        "this text has an escape for half a character (\\ud800 to \\udfff)",
        "type the character itself, or escape it whole, as \\U0001F600",
    ),
    "yaml.anchor": M(
        "YAML anchors and aliases (& and *) are not allowed",
        "write the repeated text out in full; to start text with & or *, put it in quotes",
    ),
    "yaml.tag": M(
        "YAML tags ({tag}) are not used in course files",
        "remove the tag; put the value in quotes to keep it as text",
    ),
    "yaml.bad-character": M(
        "the file holds a character YAML does not allow (U+{codepoint:04X})",
        "delete it: such characters are invisible and often come in with pasted text",
    ),
    "yaml.syntax": M(
        "YAML syntax error: {detail}", "check the indentation and quotes around this place"
    ),
    "yaml.unclosed-quote": M(
        "this quoted text has no closing quote",
        "close it where the text ends; inside '...', write a ' as ''",
    ),
    "yaml.tab": M("a tab is used for indentation", "indent with spaces, not tabs"),
    "yaml.odd-space": M(
        "{name} (U+{codepoint:04X}) stands where YAML needs a plain space",
        "type a plain space instead; it often comes in with pasted text",
    ),
    # a file against its schema (schema.py)
    "schema.missing": M("missing {what} {fields}", "add {fields} to this mapping"),
    "schema.unknown-key": M("unknown key '{key}'", "known keys here: {known}"),
    "schema.type": M("{field} should be {wanted}, found {found}"),
    "schema.enum": M(
        "{field} is '{value}', which is not one of {choices}", "use one of: {choices}"
    ),
    "schema.not-for-type": M(
        "a {type} question does not take '{key}'", "{type} questions take: {takes}"
    ),
    "schema.empty-list": M("{field} is an empty list", "add at least one entry"),
    "schema.too-few": M("{field} needs at least {least} entries, found {count}", "add entries"),
    "schema.too-many": M(
        "{field} has {count} entries, at most {most} are allowed", "remove entries"
    ),
    "schema.empty-text": M("{field} is empty", "write the text, or remove the key"),
    "schema.pattern": M("{field} is '{value}', which is not in the expected form"),
    "schema.range": M(
        "{field} is {value}, outside the allowed range", "use a value from {low} to {high}"
    ),
    "schema.other": M("{field}: {detail}"),
    # the content folder (load.py)
    "content.no-course": M(
        "the content folder has no course.yml",
        "create course.yml with the course's title, lessons and notes",
    ),
    "content.unknown-file": M(
        "unknown file '{name}' is ignored", "known files: {known}; lessons go in lessons/", WARNING
    ),
    # the course as a whole (checks.py)
    "id.duplicate": M(
        "duplicate {what} '{id}' (first used at {first})", "ids must be unique; rename one of them"
    ),
    "lesson.unlisted": M(
        "lesson '{id}' is not listed in course.yml 'lessons'",
        "add its id to the list, or delete the file",
        WARNING,
    ),
    "course.unknown-lesson": M(
        "course.yml lists lesson '{id}', but no lesson file has that id",
        "create content/lessons/{id}.yml",
    ),
    "question.no-options": M("question '{id}' has no options", "add at least two options"),
    "question.one-option": M("question '{id}' has only one option", "add at least one more option"),
    "question.same-option": M(
        "question '{id}' has the option '{text}' {count} times", "make every option different"
    ),
    "question.single-none-correct": M(
        "question '{id}' is single-choice but has no correct option",
        "mark one option with 'correct: true'",
    ),
    "question.single-many-correct": M(
        "question '{id}' is single-choice but has {count} correct options", "use type: multiple"
    ),
    "question.multiple-none-correct": M(
        "question '{id}' is multiple-select but has no correct option",
        "mark at least one option with 'correct: true'",
    ),
    "question.empty-answer": M(
        "question '{id}' accepts '{answer}', which is empty once spaces and accents are set aside",
        "write the answer as a learner would type it, or remove it",
    ),
    "question.same-answer": M(
        "question '{id}' accepts '{first}' and '{answer}', which are the same answer: case, "
        "spaces and accents do not count",
        "remove '{answer}'",
    ),
    "question.unknown-lesson": M(
        "question '{id}' refers to unknown lesson '{lesson}'",
        "write section as lesson-id#section-id",
    ),
    "question.unknown-section": M(
        "question '{id}' refers to unknown section '{section}' of lesson '{lesson}'",
        "sections: {known}",
    ),
    "self-check.unknown-subscale": M("item '{id}' belongs to unknown subscale '{subscale}'"),
    "self-check.empty-subscale": M(
        "subscale '{id}' has no items", "add items with 'subscale: {id}'"
    ),
    "self-check.unknown-lesson": M("subscale '{id}' links to unknown lesson '{lesson}'"),
    "band.empty": M(
        "band '{id}' runs from {low:g} to {high:g}, which is empty", "'from' must be below 'to'"
    ),
    "band.outside": M(
        "band '{id}' ({low:g} to {high:g}) reaches outside the scale ({top:g} to {bottom:g})",
        "keep bands within the scale's points",
    ),
    "band.uncovered": M(
        "no band covers scores from {low:g} to {high:g}", "{side} the {which} band at {at:g}"
    ),
    "band.gap": M(
        "bands '{before}' and '{after}' leave a gap from {low:g} to {high:g}",
        "start '{after}' at {low:g}",
    ),
    "band.overlap": M(
        "bands '{before}' and '{after}' overlap from {low:g} to {high:g}",
        "start '{after}' at {high:g}",
    ),
    "source.no-file": M(
        "section '{section}' cites '{ref}', but there is no source.yml",
        "add content/source.yml, or remove 'sources'",
    ),
    "source.unknown-section": M(
        "'{ref}' cites unknown source section '{section}'", "sections: {known}"
    ),
    "source.no-paragraph": M(
        "'{ref}' cites paragraph {number}, but '{section}' has {count}", "check the number"
    ),
    "source.uncited": M(
        "source paragraph {ref} ({summary}) is cited by no lesson section",
        "cite it with 'sources: [{ref}]' where it is taught",
        WARNING,
    ),
    "glossary.unknown-term": M("unknown glossary term '{term}'", "add it to glossary.yml"),
    "html.raw": M(
        "raw HTML '{tag}' in text",
        "write it in Markdown, or set 'allow_html: true' in course.yml",
    ),
    # the environment (project.py)
    "env.site-url": M(
        "SITE_URL is '{value}', which is not a web address",
        "set it to the site's address, such as https://owner.github.io/repo/",
    ),
    # raw HTML the allow-list removes (checks.py, safety.py)
    "html.unsafe": M(
        "this text makes HTML that pages never hold: {found}",
        "links and images take http(s) or relative addresses; attribute lists take only "
        "classes and ids",
    ),
    # links and images in author text (links.py, checks.py)
    "link.missing-file": M(
        "'{target}' is not a file under content/",
        "write the path from this YAML file's folder, as a Markdown editor would preview it",
    ),
    "link.outside-content": M(
        "'{target}' points outside content/", "keep images and files under content/"
    ),
    "link.absolute": M(
        "'{target}' starts with /, which breaks under the site's base path",
        "write the path from this YAML file's folder",
    ),
    "link.no-alt": M(
        "the image '{target}' has no alt text",
        "describe what it shows between the brackets: ![A pipe joining two commands](...)",
    ),
    "link.no-lesson-here": M(
        "'{target}' names a section, but this file is not a lesson",
        "link to the lesson's file: lesson-file.yml{target}",
    ),
    "link.unknown-lesson": M(
        "'{target}' is not a lesson file of this course",
        "lesson files: {known}",
    ),
    "link.unknown-section": M("lesson '{lesson}' has no section '{section}'", "sections: {known}"),
    # writing docs/ (build/write.py)
    "i18n.missing": M(
        "no {language} text for '{key}', so it is shown in English",
        "add '{key}' to content/strings.yml in the course's language "
        "(lessonkit/i18n/en.yml has every key)",
        WARNING,
    ),
    "i18n.placeholders": M(
        "'{key}' must use {wanted}, found {found}",
        "keep the placeholders of the English text; they are filled in on the page",
    ),
    "docs.hand-written": M(
        "a hand-written file stands where a generated page goes",
        "rename or move the hand-written file",
    ),
}
