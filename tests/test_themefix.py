from pathlib import Path

from lessonkit.build.themefix import fix_page, fix_site, not_found_page

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


NOT_FOUND = (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    '<link rel="icon" href="/assets/favicon.svg">\n'
    '<link rel="stylesheet" href="/assets/stylesheets/main.css">\n'
    '<script>__md_scope=new URL("/",location),__md_get=1</script>\n</head>\n<body>\n'
    + SAMPLE
    + '\n<a href="/." class="md-logo">Home</a> <a href="/lessons/one/">One</a>'
    ' <a href="https://example.org/x">x</a> <a href="//cdn.example.org/y">y</a>'
    ' <a href="#__skip">skip</a>\n'
    '<script id="__config" type="application/json">{"base": "/", "search": '
    '"/assets/javascripts/workers/search.js", "features": ["navigation.instant"]}</script>\n'
    '<script src="/assets/javascripts/bundle.js"></script>\n</body>\n</html>\n'
)


def test_a_404_page_without_the_sites_address_finds_its_root() -> None:
    fixed = not_found_page(NOT_FOUND, ["assets", "lessons", "index.html", "a<b>"])
    head = fixed.split("</head>")[0]
    assert head.index('<meta charset="utf-8">') < head.index('<base href="about:blank">')
    assert head.index("<base ") < head.index("<script>(function (names)") < head.index("<link")
    assert '["a%3Cb%3E", "assets", "index.html", "lessons"]' in head, "names, as in addresses"
    for link in ("assets/favicon.svg", "assets/stylesheets/main.css", "lessons/one/"):
        assert f'="{link}"' in fixed, link
    assert '<a href="." class="md-logo">' in fixed
    assert 'src="assets/javascripts/bundle.js"' in fixed
    assert '"https://example.org/x"' in fixed and '"//cdn.example.org/y"' in fixed
    assert 'href="#__skip"' in fixed, "the script mends it, where the address is known"
    assert "__md_scope=new URL(document.baseURI),__md_get=1" in fixed
    after = fixed.index('<script id="__config"')
    assert after < fixed.index('document.getElementById("__config")') < fixed.index("bundle.js")
    assert '"base": "/"' in fixed, "the theme's settings are mended when the page loads"
    assert not_found_page(fixed, ["assets"]) == fixed, "mending twice changes nothing"
    assert not_found_page("<p>not the theme's</p>", []) == "<p>not the theme's</p>"


def test_the_404_page_is_mended_only_for_a_site_built_without_its_address(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    (site / "lessons").mkdir(parents=True)
    (site / "lessons" / "404.html").write_text(NOT_FOUND, encoding="utf-8")
    page = site / "404.html"
    page.write_text(NOT_FOUND, encoding="utf-8")
    assert fix_site(site, site_url="https://owner.github.io/repo/") == []
    assert "<base " not in page.read_text(encoding="utf-8"), "its links are written from it"
    page.write_text(NOT_FOUND, encoding="utf-8")
    assert fix_site(site) == []
    assert '<base href="about:blank">' in page.read_text(encoding="utf-8")
    assert "<base " not in (site / "lessons" / "404.html").read_text(encoding="utf-8")
    warnings = fix_site(site)
    assert "theme fix 'not-found-root' found nothing" in " ".join(warnings), "done already"
