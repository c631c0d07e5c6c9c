from pathlib import Path

from lessonkit.build.write import MANIFEST, conflicts, owned, write_pages


def test_writes_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    first = write_pages(docs, {"a.md": "A", "sub/b.md": "B", "old/c.md": "C"})
    assert first.written == ["a.md", "old/c.md", "sub/b.md"]
    before = (docs / "a.md").stat().st_mtime_ns
    second = write_pages(docs, {"a.md": "A", "sub/b.md": "B2"})
    assert second.written == ["sub/b.md"]
    assert second.unchanged == ["a.md"]
    assert second.deleted == ["old/c.md"]
    assert not (docs / "old").exists(), "an emptied generated folder is removed"
    assert (docs / "a.md").stat().st_mtime_ns == before, "unchanged bytes are not rewritten"
    assert owned(docs) == {"a.md", "sub/b.md"}
    assert (docs / MANIFEST).is_file()


def test_hand_written_files_are_never_touched(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "x.css").write_text("mine")
    (docs / "about.md").write_text("mine")
    write_pages(docs, {"a.md": "A"})
    write_pages(docs, {"b.md": "B"})
    assert (docs / "assets" / "x.css").read_text() == "mine"
    assert (docs / "about.md").read_text() == "mine"
    problems = conflicts(docs, {"about.md": "generated"})
    assert [str(p) for p in problems] == [
        "docs/about.md: error[docs.hand-written]: a hand-written file stands where a generated page goes "
        "(hint: rename or move the hand-written file)"
    ]
    assert conflicts(docs, {"b.md": "B again"}) == []
