from pathlib import Path

from lessonkit.build.themefix import fix_page, fix_site

SAMPLE = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
    'autocomplete="off">\n'
    '<div class="md-search" data-md-component="search" role="dialog">\n'
    '<input type="text" class="md-search__input" name="query" autocapitalize="off" '
    'autocorrect="off" autocomplete="off" spellcheck="false" required>'
)


def test_theme_faults_are_mended() -> None:
    fixed = fix_page(SAMPLE)
    assert 'role="dialog" aria-label="Search">' in fixed
    assert "autocorrect" not in fixed
    assert 'id="__drawer">' in fixed, "checkboxes lose autocomplete"
    assert 'autocapitalize="off" autocomplete="off"' in fixed, "the text input keeps it"
    assert fix_page(fixed) == fixed, "fixing twice changes nothing"


def test_navigation_label_faults_are_mended() -> None:
    html = '<label class="md-nav__link" for="__nav_2" tabindex="">\n<label for="__toc">'
    assert fix_page(html) == '<label class="md-nav__link" for="__nav_2">\n<label>'
    with_toc = '<input id="__toc" type="checkbox"><label for="__toc">'
    assert fix_page(with_toc) == with_toc


def test_built_pages_carry_the_fixes(mini_project: Path) -> None:
    html = (mini_project / "site" / "lessons" / "01-water" / "index.html").read_text()
    assert 'role="dialog" aria-label="Search"' in html
    assert "autocorrect=" not in html
    assert 'type="checkbox" id="__search" autocomplete' not in html


def test_a_repair_that_finds_nothing_on_any_page_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(SAMPLE, encoding="utf-8")
    assert fix_site(tmp_path) == [], "today's theme: every repair that is expected matched"
    assert fix_site(tmp_path) != [], "already mended: the theme no longer has these faults"
    (tmp_path / "a.html").write_text("<p>a theme without the faults</p>", encoding="utf-8")
    warnings = fix_site(tmp_path)
    assert [w.split("'")[1] for w in warnings] == [
        "search-dialog-name",
        "search-autocorrect",
        "checkbox-autocomplete",
    ]
    assert "update lessonkit/build/themefix.py" in warnings[0]
