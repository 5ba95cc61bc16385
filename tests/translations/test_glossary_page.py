"""The glossary page in every language comes from data/glossary.yml."""
from __future__ import annotations

from pathlib import Path

from kb.project import LOCALES, ROOT
from kb.translations import ui_strings
from kb.translations.glossary import load
from kb.translations.glossary_page import MARKER, expand, table

FIXTURES = Path(__file__).with_name("fixtures")


def test_the_swedish_table_has_every_language_in_its_own_direction():
    html = table(load(FIXTURES / "glossary.yml"), "sv")
    assert '<th scope="col" lang="ar" dir="rtl">العربية</th>' in html
    assert '<th scope="row">utreseförbud</th>' in html
    assert '<td lang="en" dir="ltr">travel ban (<span lang="sv" dir="ltr">utreseförbud</span>)</td>' in html


def test_a_translated_table_pairs_the_swedish_word_with_the_rendering():
    html = table(load(FIXTURES / "glossary.yml", {"ar": {"kb.quick_exit": "مغادرة الموقع بسرعة"}}), "ar")
    assert '<th scope="row" lang="sv" dir="ltr">utreseförbud</th><td>منع سفر (<span lang="sv" dir="ltr">' in html
    assert "<td>مغادرة الموقع بسرعة</td>" in html          # a UI string term: the label readers see


def test_expand_replaces_only_the_marker():
    terms = load(FIXTURES / "glossary.yml")
    assert expand("# x\n\ntext\n", terms, "en") == "# x\n\ntext\n"
    out = expand(f"# x\n\n{MARKER}\n", terms, "en")
    assert MARKER not in out and "<table>" in out


def test_every_language_has_the_glossary_page_with_every_term():
    terms = load(ROOT / "data" / "glossary.yml", ui_strings.load_all())
    for locale in LOCALES:
        name = "ordlista-sprak.md" if locale == "sv" else f"ordlista-sprak.{locale}.md"
        assert MARKER in (ROOT / "docs" / "om-oss" / name).read_text(encoding="utf-8"), name
        if locale != "sv":
            rows = table(terms, locale).count('<th scope="row"')
            assert rows >= 19, (locale, rows)


def test_the_built_glossary_pages(built_site: Path):
    for locale in LOCALES:
        page = built_site / ("" if locale == "sv" else locale) / "om-oss" / "ordlista-sprak" / "index.html"
        html = page.read_text(encoding="utf-8")
        assert MARKER not in html and html.count('<th scope="row"') >= 19, locale
