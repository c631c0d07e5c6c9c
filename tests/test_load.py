from pathlib import Path

from lessonkit.load import count_words, load_course
from lessonkit.pipeline import generate, summary
from lessonkit.questions import fingerprint
from tests.support.project import mini_content


def test_mini_course_loads_into_the_model() -> None:
    loaded = load_course(mini_content())
    assert loaded.problems == []
    course = loaded.course
    assert course is not None
    assert [x.slug for x in course.lessons] == ["01-water", "02-steeping"]
    water = course.lessons[0]
    assert water.sections[2].kind == "example"
    assert [str(r) for r in water.sections[2].sources] == ["basics.1", "basics.2"]
    assert str(water.sections[0].where) == "content/lessons/01-water.yml:9:5"
    flat, fresh = water.quiz.questions
    assert flat.section == "water#temperature"  # a lesson's own section gets its lesson
    assert fresh.type == "true-false"
    assert [(o.text, o.correct) for o in fresh.options] == [("True", False), ("False", True)]
    assert fresh.options[1].feedback == "Right. Reboiled water has lost its air."
    assert course.lessons[1].quiz.questions[0].shuffle is True
    assert course.review.questions[0].section == "water#fresh-water"
    assert course.self_check.points == 5
    assert [i.reverse for i in course.self_check.items] == [False, True, False]


def test_reading_time_is_computed_from_the_text() -> None:
    course = load_course(mini_content()).course
    assert [x.minutes for x in course.lessons] == [1, 1]
    assert count_words("A [[steep|let it steep]] **now**") == 5


def test_question_fingerprint_changes_when_the_question_does() -> None:
    course = load_course(mini_content()).course
    q = course.lessons[0].quiz.questions[0]
    before = fingerprint(q)
    assert before == "44e49e05fdb5", "saved answers of every learner are keyed by it"
    q.explanation = "Explanations can change without dropping saved answers."
    assert fingerprint(q) == before
    q.options[1].text = "The cup was cold."
    assert fingerprint(q) != before


def test_summary_line() -> None:
    result = generate(mini_content().parent)
    assert result.ok and result.problems == []
    assert summary(result.course) == (
        "Brewing a Calm Cup of Tea: 2 lessons, 5 questions, 1 terms, 3 self-check items, "
        "about 2 min of reading"
    )


def test_unlisted_lesson_is_a_warning_and_is_not_built(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(mini_content(), content)
    extra = (
        (content / "lessons" / "02-steeping.yml")
        .read_text()
        .replace("id: steeping", "id: extra")
        .replace("steep-time", "extra-time")
    )
    (content / "lessons" / "03-extra.yml").write_text(extra)
    result = generate(tmp_path)
    assert result.ok
    assert [str(p) for p in result.problems] == [
        "content/lessons/03-extra.yml:1:1: warning[lesson.unlisted]: lesson 'extra' is not listed in course.yml "
        "'lessons' (hint: add its id to the list, or delete the file)"
    ]
    assert not any("extra" in path for path in result.pages)
