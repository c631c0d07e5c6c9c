"""The interface in the course's language: the tables, how a course picks and overrides one,
and pages of the fixture course with no English left of lessonkit's own."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from lessonkit import i18n
from lessonkit.build.engine import course_extra, derived_config
from lessonkit.pipeline import generate
from lessonkit.render import nav

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini" / "content"
SCRIPT = ROOT / "lessonkit" / "theme" / "assets" / "lessonkit.js"
LANGUAGES = ("es", "de", "fr")


def course_in(tmp_path: Path, language: str, strings: str | None = None) -> Path:
    """A copy of the fixture course in `language`, with content/strings.yml when given."""
    root = tmp_path / f"course-{language}"
    shutil.copytree(MINI, root / "content")
    course_yml = root / "content" / "course.yml"
    text = re.sub(r"(?m)^language: .*$", f"language: {language}", course_yml.read_text())
    course_yml.write_text(text, encoding="utf-8")
    if strings is not None:
        (root / "content" / "strings.yml").write_text(strings, encoding="utf-8")
    return root


def forms(entry: i18n.Entry) -> list[str]:
    return list(entry.values()) if isinstance(entry, dict) else [entry]


# ---- the tables -------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_table_has_the_english_keys_placeholders_and_plural_forms(language: str) -> None:
    english, table = i18n.reference(), i18n.table(language)
    assert list(table) == list(english), "the same keys, in the same order"
    for key, entry in table.items():
        said = english[key]
        assert i18n.placeholders(entry) == i18n.placeholders(said), key
        if isinstance(said, dict):
            assert isinstance(entry, dict), f"{key} has plural forms in English"
            assert set(entry) == set(said) - {i18n.BY}, key
            for form in entry.values():  # each form says all the English form does
                assert i18n.placeholders(form) <= i18n.placeholders(said), key
        else:
            assert isinstance(entry, str), f"{key} is one text in English"


# Entries a language writes exactly as English does: the same words, not a forgotten text.
SAME_WORDS = {
    "es": {"page.code_error"},
    "fr": {
        "page.progress_kept_notes",
        "page.question_count",
        "page.question_number",
        "script.noteCaption",
        "script.questionNumber",
        "script.sumNotes",
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_entry_is_left_in_english(language: str) -> None:
    english, table = i18n.reference(), i18n.table(language)
    same = {key for key, entry in table.items() if entry == english[key]}
    wordy = {k for k in same if re.search(r"[A-Za-z]", re.sub(r"\{\w+\}", "", str(english[k])))}
    assert wordy == SAME_WORDS.get(language, set())


def test_the_shipped_tables_are_english_spanish_german_and_french() -> None:
    assert set(i18n.shipped()) == {"en", *LANGUAGES}


def _script_table() -> dict:
    """The browser script's built-in STRINGS, read as JSON (its literal is plain data)."""
    source = SCRIPT.read_text(encoding="utf-8")
    start = source.index("const STRINGS = {") + len("const STRINGS = ")
    literal = source[start : source.index("\n  };", start) + 4]
    literal = re.sub(r"(?m)\s//.*$", "", literal)  # comments
    literal = re.sub(r"(?m)^(\s*)(\w+):", r'\1"\2":', literal)  # keys
    literal = re.sub(r",(\s*})", r"\1", literal)  # trailing commas
    return json.loads(literal)


def test_the_english_script_group_is_the_scripts_own_table() -> None:
    english = {
        k.partition(".")[2]: v for k, v in i18n.reference().items() if k.startswith("script.")
    }
    assert english == _script_table()


def test_the_strings_schema_is_made_from_the_english_table() -> None:
    assert i18n.SCHEMA_FILE.read_text(encoding="utf-8") == i18n.schema_text(), (
        "run python -m lessonkit.i18n"
    )


def test_french_typography_keeps_a_non_breaking_space_before_colons() -> None:
    french = i18n.table("fr")
    assert french["page.option_right"] == "Correct\u00a0:"
    assert all(" :" not in form for entry in french.values() for form in forms(entry))


# ---- picking a table, plural forms, numbers ---------------------------------------------


@pytest.mark.parametrize(
    ("tag", "table"),
    [("en", "en"), ("en-GB", "en"), ("es-MX", "es"), ("DE-ch", "de"), ("fr", "fr"), ("tr", None)],
)
def test_the_language_tag_picks_the_table_region_ignored(tag: str, table: str | None) -> None:
    assert i18n.table_for(tag) == table


def test_plural_forms_follow_the_language() -> None:
    for n, english, french in [(0, "0 questions", "0 question"), (1, "1 question", "1 question")]:
        assert i18n.strings("en")("page.question_count", count=n) == english
        assert i18n.strings("fr")("page.question_count", count=n) == french
    assert i18n.strings("de")("page.question_count", count=2) == "2 Fragen"
    assert i18n.strings("es")("page.reflect_intro", count=1).startswith(
        "Tómate un momento con esta"
    )
    assert i18n.strings("es")("page.reflect_intro", count=3).startswith(
        "Tómate un momento con estas"
    )


def test_numbers_take_the_languages_decimal_mark() -> None:
    assert i18n.strings("en-GB")("page.band_range", low=1.0, high=2.5) == "1 to 2.5"
    assert i18n.strings("de")("page.band_range", low=1.0, high=2.5) == "1 bis 2,5"
    assert i18n.strings("fr").number(3.25) == "3,25"
    assert i18n.strings("es").number(12) == "12"


def test_lists_are_joined_in_the_language() -> None:
    assert i18n.strings("en").and_list(["a", "b", "c"]) == "a, b and c"
    assert i18n.strings("de").and_list(["a", "b", "c"]) == "a, b und c"
    assert i18n.strings("fr").and_list(["a"]) == "a"


# ---- pages of the fixture course --------------------------------------------------------


def _fragments(text: str) -> list[str]:
    """The words of an English entry between its placeholders and Markdown marks, each long
    enough to be told apart from a word of another language by a plain search."""
    parts = re.split(r"\{\w+\}|\*\*|\[|\]\([^)]*\)|\]|[()]", text)
    out = []
    for part in parts:
        part = part.strip(" .,:;·")
        if len(re.sub(r"[^A-Za-z]", "", part)) >= 4:
            out.append(part)
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fixture_course_has_no_english_interface_text(tmp_path: Path, language: str) -> None:
    root = course_in(tmp_path, language)
    result = generate(root)
    assert result.ok, result.problems
    pages = {p: _words(t) for p, t in result.pages.items() if p.endswith(".md")}
    # The course's own text is English: a word the author wrote is no sign of a leftover.
    authored = "\n".join(p.read_text(encoding="utf-8") for p in (root / "content").rglob("*.yml"))
    english, table = i18n.reference(), i18n.table(language)
    looked_for = 0
    for key, entry in english.items():
        if key.startswith("script."):
            continue  # the script's texts are in the page as data, checked below
        theirs = " ".join(forms(table[key]))
        for said in forms(entry):
            for fragment in _fragments(said):
                if fragment in theirs or fragment in authored:
                    continue  # the same word in both languages ("Question"), or the author's
                looked_for += 1
                found = re.compile(rf"(?<!\w){re.escape(fragment)}(?!\w)")
                for path, text in pages.items():
                    assert not found.search(text), f"{path}: '{fragment}' ({key}) in English"
    assert looked_for > 100, "the search looked for most of the table"
    for title in _titles(nav(result.course)):
        assert title not in {v for k, v in english.items() if k.startswith("nav.")}, title
        assert title not in {"Glossary", "Your progress", "Printable workbook"}, title


def _words(page: str) -> str:
    """A page's text without its markup: tags, attribute lists, link targets."""
    page = re.sub(r"<[^>]*>", " ", page)
    page = re.sub(r"\{[#.][^}]*\}", " ", page)
    return re.sub(r"\]\([^)]*\)", "] ", page)


def _titles(items) -> list[str]:
    out = []
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                out.append(title)
                out += _titles(value if isinstance(value, list) else [])
    return out


def test_a_french_page_reads_french(tmp_path: Path) -> None:
    result = generate(course_in(tmp_path, "fr"))
    lesson = result.pages["lessons/01-water/index.md"]
    assert "Leçon 1 sur 2 · environ" in lesson
    assert "## À retenir {#key-takeaways}" in lesson  # heading ids stay as they were
    quiz = result.pages["lessons/01-water/quiz.md"]
    assert "<summary>Voir la réponse</summary>" in quiz
    assert ">Vrai</label>" in quiz and ">Faux</label>" in quiz
    check = result.pages["self-check.md"]
    assert "| 1 à 2,5 (2,5 exclu) |" in check


def test_the_english_pages_have_no_string_block(tmp_path: Path) -> None:
    english = generate(course_in(tmp_path, "en-GB")).course
    assert course_extra(english)["lessonkit_strings"] == {}
    french = generate(course_in(tmp_path, "fr")).course
    given = course_extra(french)["lessonkit_strings"]
    assert given["right"] == "Bonne réponse."
    assert given["choseWrong"]["by"] == "wrong", "the script is told which number picks the form"
    assert set(given) <= set(_script_table())


def test_the_engine_config_carries_the_language(tmp_path: Path) -> None:
    root = course_in(tmp_path, "de")
    course = generate(root).course
    config = derived_config(root, course, tmp_path / "docs", tmp_path / "stage" / "site")
    assert config["extra"]["lessonkit_strings"]["right"] == "Richtig."
    toc = next(
        e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e
    )
    assert toc["permalink_title"] == "Link zu diesem Abschnitt"


# ---- a language lessonkit has no table for, and content/strings.yml ----------------------


def test_a_language_without_a_table_reads_english_and_names_each_missing_key(
    tmp_path: Path,
) -> None:
    turkish = generate(course_in(tmp_path, "tr"))
    english = generate(course_in(tmp_path, "en-GB"))
    assert turkish.ok, "missing texts are warnings, not errors"
    assert turkish.pages == english.pages, "every text in English"
    missing = [p for p in turkish.problems if p.code == "i18n.missing"]
    assert len(missing) == len(i18n.reference())
    assert all(p.severity.value == "warning" for p in missing)
    assert "'page.takeaways'" in next(str(p) for p in missing if "takeaways" in p.message)
    assert {p.where.file for p in missing} == {"content/course.yml"}
    assert all(p.where.line == 6 for p in missing), "at the course's language"


def test_a_course_supplies_the_texts_of_its_language(tmp_path: Path) -> None:
    strings = "page:\n  takeaways: Önemli noktalar\nnav:\n  home: Ana sayfa\n"
    result = generate(course_in(tmp_path, "tr", strings))
    keys = {p.message.split("'")[1] for p in result.problems if p.code == "i18n.missing"}
    assert "page.takeaways" not in keys and "nav.home" not in keys
    assert "page.exercises" in keys
    assert "## Önemli noktalar {#key-takeaways}" in result.pages["lessons/01-water/index.md"]
    assert {"Ana sayfa": "index.md"} in nav(result.course)


def test_a_copy_of_the_english_table_is_a_whole_strings_file(tmp_path: Path) -> None:
    english = (ROOT / "lessonkit" / "i18n" / "en.yml").read_text(encoding="utf-8")
    result = generate(course_in(tmp_path, "tr", english))
    assert result.ok and result.problems == []


def test_an_english_course_can_reword_a_text(tmp_path: Path) -> None:
    strings = (
        "page:\n  quiz_title: Quick check\n  question_count:\n    one: one question\n"
        "    other: '{count} questions'\nnav:\n  quiz: Quick check\n"
    )
    result = generate(course_in(tmp_path, "en-GB", strings))
    assert result.ok and result.problems == []
    quiz = result.pages["lessons/01-water/quiz.md"]
    assert "# Quick check: Start With the Water" in quiz
    assert "· 2 questions</p>" in quiz
    lesson = nav(result.course)[1]["Lessons"][0]
    assert {"Quick check": "lessons/01-water/quiz.md"} in next(iter(lesson.values()))


def test_an_unknown_key_is_an_error_at_its_line_and_column(tmp_path: Path) -> None:
    strings = "page:\n  takeaways: Key points\n  quizz_title: Quick check\n"
    result = generate(course_in(tmp_path, "en", strings))
    assert not result.ok
    (wrong,) = [p for p in result.problems if p.is_error]
    assert str(wrong) == (
        "content/strings.yml:3:3: error[schema.unknown-key]: unknown key 'quizz_title'"
        " (hint: did you mean 'quiz_title'?)"
    )


def test_a_key_that_moved_is_named_where_it_lives_now(tmp_path: Path) -> None:
    strings = "script:\n  check: Check my answer\n"
    result = generate(course_in(tmp_path, "en", strings))
    (wrong,) = [p for p in result.problems if p.is_error]
    assert str(wrong) == (
        "content/strings.yml:2:3: error[schema.unknown-key]: unknown key 'check'"
        " (hint: it is now 'page.quiz_check')"
    )
    assert set(i18n.MOVED.values()) <= set(i18n.reference()), "each names a key there is"
    assert not set(i18n.MOVED) & set(i18n.reference()), "and the old key is gone"


def test_an_override_keeps_the_placeholders_of_its_key(tmp_path: Path) -> None:
    strings = (
        "page:\n  lesson_meta: Lesson {number} · {mins} min\n"
        "  question_count:\n    one: a single question\n    other: many questions\n"
    )
    result = generate(course_in(tmp_path, "en", strings))
    problems = sorted(str(p) for p in result.problems if p.is_error)
    assert problems == [
        "content/strings.yml:2:16: error[i18n.placeholders]: 'page.lesson_meta' must use "
        "{minutes}, {number}, {total}, found {mins}, {number} (hint: keep the placeholders "
        "of the English text; they are filled in on the page)",
        "content/strings.yml:5:12: error[i18n.placeholders]: 'page.question_count (other)' "
        "must use {count}, found no placeholders (hint: keep the placeholders of the English "
        "text; they are filled in on the page)",
    ]


def test_a_build_leaves_the_engine_defaults_as_they_were(tmp_path: Path) -> None:
    """A project without a mkdocs.yml of its own: one build's language and stage folder must
    not stay in the defaults for the next build in the same process."""
    from lessonkit.build.defaults import DEFAULTS

    before = json.dumps(DEFAULTS, sort_keys=True, default=str)
    root = course_in(tmp_path, "fr")
    derived_config(root, generate(root).course, tmp_path / "docs", tmp_path / "stage" / "site")
    assert json.dumps(DEFAULTS, sort_keys=True, default=str) == before
