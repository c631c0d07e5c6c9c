"""python -m lessonkit.questions: write quiz.schema.json from the question registry."""

from ._schema import FILE, schema_text

if __name__ == "__main__":
    FILE.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {FILE}")
