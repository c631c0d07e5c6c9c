"""Synthetic courses of any size, with the shape of a real one, for the benchmarks.

Not part of the installed package: benchmarks/bench.py and the tests import it from here.

Every word is made up from syllables by a seeded random generator, so a course is the same
for the same (lessons, seed) and no text is copied from anywhere. Per lesson: 4 to 6
sections of two or three paragraphs, objectives, takeaways, reflections, glossary terms used
in the text and a quiz of six mixed questions. Per course: a glossary, a self-check with
subscales and bands, a review quiz and a source inventory whose every paragraph is cited.
"""

from __future__ import annotations

import math
import random
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

_ONSETS = (*"bdfgklmnprstvz", "br", "st", "tr", "pl", "gr", "sh")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "ou")
_CODAS = ("", "", "", "n", "r", "s", "l", "m", "nd", "st")

TERMS_PER_LESSON = 3
QUESTIONS_PER_LESSON = 6
SOURCE_PARAGRAPHS = 3  # per lesson: one source section each


class Words:
    """A seeded source of made-up words, sentences and paragraphs."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        vocabulary = {self._word() for _ in range(900)}
        self.vocabulary = sorted(vocabulary)

    def _word(self) -> str:
        return "".join(
            self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) + self.rng.choice(_CODAS)
            for _ in range(self.rng.choice((1, 1, 2, 2, 2, 3)))
        )

    def word(self) -> str:
        return self.rng.choice(self.vocabulary)

    def words(self, low: int, high: int) -> list[str]:
        return [self.word() for _ in range(self.rng.randint(low, high))]

    def title(self, low: int = 2, high: int = 5) -> str:
        return " ".join(self.words(low, high)).capitalize()

    def sentence(self, low: int = 6, high: int = 14, end: str = ".") -> str:
        return " ".join(self.words(low, high)).capitalize() + end

    def paragraph(self, sentences: int, terms: list[str]) -> str:
        parts = [self.sentence() for _ in range(sentences)]
        if terms and self.rng.random() < 0.6:  # a glossary term inside a sentence
            i = self.rng.randrange(len(parts))
            term = self.rng.choice(terms)
            link = f"[[{term}]]" if self.rng.random() < 0.5 else f"[[{term}|{self.word()}]]"
            parts[i] = parts[i][:-1] + f" {link}."
        if self.rng.random() < 0.3:
            parts[0] = parts[0][:-1] + f" **{self.word()}**."
        return textwrap.fill(" ".join(parts), 92, break_on_hyphens=False, break_long_words=False)

    def slug(self, n: int, index: int) -> str:
        return "-".join([*self.words(n, n), str(index)])


def _lesson(
    w: Words, index: int, lesson_id: str, terms: list[str], source_id: str
) -> dict[str, Any]:
    rng = w.rng
    # The real course's lessons have 4 to 7 sections (5.25 on average) and about 470 words
    # of section text; these come out at 5 sections and about 530 words: a little heavier.
    count = rng.randint(4, 6)
    kinds = ["text"] * count
    kinds[rng.randrange(1, count - 1)] = "example"
    if rng.random() < 0.5:
        kinds[-1] = "scenario"
    sections = []
    for s, kind in enumerate(kinds):
        paragraphs = [w.paragraph(rng.randint(3, 5), terms) for _ in range(rng.randint(2, 3))]
        if s == 1:
            paragraphs.insert(1, "\n".join(f"- {w.sentence(3, 7)}" for _ in range(3)))
        section: dict[str, Any] = {
            "id": w.slug(1, s + 1),
            "title": w.title(),
            "body": "\n\n".join(paragraphs) + "\n",
            # every paragraph of the lesson's source section is cited at least once
            "sources": [f"{source_id}.{s % SOURCE_PARAGRAPHS + 1}"],
        }
        if kind != "text":
            section["kind"] = kind
        sections.append(section)
    lesson: dict[str, Any] = {
        "id": lesson_id,
        "title": w.title(3, 7),
        "summary": w.sentence(12, 24),
        "objectives": [w.sentence(5, 10) for _ in range(rng.randint(3, 4))],
        "sections": sections,
        "takeaways": [w.sentence(4, 9) for _ in range(3)],
        "reflections": [
            {"id": f"reflect-{r + 1}", "prompt": w.sentence(6, 12, "?")}
            for r in range(rng.randint(2, 3))
        ],
        "quiz": {
            "questions": list(
                _questions(w, f"q{index}", [s["id"] for s in sections], QUESTIONS_PER_LESSON, "")
            )
        },
    }
    if index % 3 == 0:
        lesson["quiz"]["shuffle"] = True
    return lesson


_TYPES = ("single", "multiple", "true-false", "single", "single", "multiple")


def _questions(
    w: Words, prefix: str, sections: list[str], count: int, lesson_id: str
) -> Iterator[dict[str, Any]]:
    """count mixed questions; each tests one section (lesson_id# prefix when not empty)."""
    rng = w.rng
    for i in range(count):
        kind = _TYPES[i % len(_TYPES)]
        section = rng.choice(sections)
        q: dict[str, Any] = {
            "id": f"{prefix}-{i + 1}",
            "type": kind,
            "prompt": w.sentence(8, 16, "?"),
            "section": f"{lesson_id}#{section}" if lesson_id else section,
        }
        if kind == "true-false":
            q["answer"] = rng.random() < 0.5
            q["feedback"] = {"correct": w.sentence(5, 10), "incorrect": w.sentence(5, 10)}
        else:
            size = rng.randint(3, 4)
            right = set(rng.sample(range(size), 1 if kind == "single" else 2))
            texts = [f"{w.sentence(3, 8)[:-1]} ({n + 1})." for n in range(size)]
            q["options"] = [
                {
                    "text": texts[n],
                    **({"correct": True} if n in right else {}),
                    "feedback": w.sentence(5, 12),
                }
                for n in range(size)
            ]
        q["explanation"] = w.sentence(10, 20)
        yield q


def course_files(lessons: int, seed: int = 0) -> dict[str, dict[str, Any]]:
    """Each file of a course of `lessons` lessons (path under content/ -> data)."""
    if lessons < 1:
        raise ValueError("a course has at least one lesson")
    w = Words(seed)
    rng = w.rng
    lesson_ids = [w.slug(2, i + 1) for i in range(lessons)]
    term_ids = [f"{w.word()}-{i + 1}" for i in range(lessons * TERMS_PER_LESSON)]
    files: dict[str, dict[str, Any]] = {}
    lesson_data = []
    for i, lesson_id in enumerate(lesson_ids):
        own = term_ids[i * TERMS_PER_LESSON : (i + 1) * TERMS_PER_LESSON]
        used = own + ([rng.choice(term_ids[: i * TERMS_PER_LESSON])] if i else [])
        data = _lesson(w, i + 1, lesson_id, used, f"part-{i + 1}")
        lesson_data.append(data)
        files[f"lessons/{i + 1:04d}-{lesson_id}.yml"] = data
    files["course.yml"] = {
        "id": "synthetic-course",
        "title": f"A synthetic course of {lessons} lessons",
        "description": w.sentence(14, 24),
        "audience": w.paragraph(2, []) + "\n",
        "language": "en",
        "intro": w.paragraph(3, term_ids[:3]) + "\n\n" + w.paragraph(2, []) + "\n",
        "lessons": lesson_ids,
        "disclaimer": w.sentence(10, 16) + "\n",
        "support": {"title": "Getting help", "text": w.paragraph(2, []) + "\n"},
    }
    files["glossary.yml"] = {
        "terms": [
            {
                "id": t,
                "term": t.rsplit("-", 1)[0].capitalize() + f" {i + 1}",
                "definition": w.sentence(8, 18),
                **({"aliases": [w.word()]} if i % 4 == 0 else {}),
            }
            for i, t in enumerate(term_ids)
        ]
    }
    files["self-check.yml"] = _self_check(w, lesson_ids)
    review_count = min(15, max(3, 2 * lessons))
    picks = [
        lesson_data[round(k * (lessons - 1) / max(1, review_count - 1))]
        for k in range(review_count)
    ]
    files["review.yml"] = {
        "title": "Final review",
        "intro": w.sentence(8, 14) + "\n",
        "questions": [
            next(
                _questions(w, f"review-{k + 1}", [s["id"] for s in data["sections"]], 1, data["id"])
            )
            for k, data in enumerate(picks)
        ],
    }
    files["source.yml"] = {
        "title": w.title(3, 6),
        "author": w.title(2, 2),
        "sections": [
            {
                "id": f"part-{i + 1}",
                "title": w.title(),
                "paragraphs": [w.sentence(6, 12) for _ in range(SOURCE_PARAGRAPHS)],
            }
            for i in range(lessons)
        ],
    }
    return files


def _self_check(w: Words, lesson_ids: list[str]) -> dict[str, Any]:
    count = max(2, min(8, math.ceil(len(lesson_ids) * 0.6)))
    subscales = []
    for s in range(count):
        linked = sorted(
            {
                lesson_ids[(s * len(lesson_ids)) // count],
                lesson_ids[((s + 1) * len(lesson_ids)) // count - 1],
            },
            key=lesson_ids.index,
        )
        subscales.append(
            {
                "id": f"scale-{s + 1}",
                "title": w.title(2, 4),
                "about": w.sentence(8, 14),
                "lessons": linked,
            }
        )
    items = [
        {
            "id": f"item-{s + 1}-{k + 1}",
            "subscale": f"scale-{s + 1}",
            "text": w.sentence(6, 12),
            **({"reverse": True} if k == 3 else {}),
        }
        for s in range(count)
        for k in range(4)
    ]
    return {
        "title": "Self-check",
        "intro": w.paragraph(2, []) + "\n",
        "timeframe": "Over the last month",
        "question": "How often does this sound like you?",
        "scale": ["Never", "Rarely", "Sometimes", "Often", "Very often"],
        "subscales": subscales,
        "items": items,
        "bands": [
            {"id": "low", "label": "Rarely", "from": 1, "to": 2.5, "text": w.sentence(8, 12)},
            {
                "id": "middle",
                "label": "Sometimes",
                "from": 2.5,
                "to": 3.5,
                "text": w.sentence(8, 12),
            },
            {"id": "high", "label": "Often", "from": 3.5, "to": 5, "text": w.sentence(8, 12)},
        ],
        "note": w.sentence(8, 14) + " This is not a diagnosis.\n",
    }


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as a literal block, the way an author writes it."""


def _str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str)


def dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96)


def write_course(content: Path, lessons: int, seed: int = 0) -> Path:
    """Write a synthetic course into content/ (which must not exist yet); returns content."""
    content.mkdir(parents=True)
    (content / "lessons").mkdir()
    for path, data in course_files(lessons, seed).items():
        (content / path).write_text(dump(data), encoding="utf-8")
    return content


def lesson_file(content: Path, number: int) -> Path:
    """The file of the number-th lesson (from 1) of a synthetic course."""
    return next((content / "lessons").glob(f"{number:04d}-*.yml"))


def edit_lesson(content: Path, number: int, what: str) -> str:
    """Change one lesson as an author would; returns a string the change put in the text.

    what="body": one word of the first section's body (reading time stays the same).
    what="title": the lesson's title.
    """
    path = lesson_file(content, number)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if what == "body":
        section = data["sections"][0]
        first, rest = section["body"].split(" ", 1)
        marker = f"Edited{first.lower()}"
        section["body"] = f"{marker} {rest}"
    elif what == "title":
        marker = f"{data['title']} (revised)"
        data["title"] = marker
    else:
        raise ValueError(f"unknown edit '{what}' (known: body, title)")
    path.write_text(dump(data), encoding="utf-8")
    return marker
