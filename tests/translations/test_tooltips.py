"""Glossary tooltips: definitions on Swedish pages, the reader's rendering on translations."""
from __future__ import annotations

from pathlib import Path

from kb.translations.glossary import load
from kb.translations.tooltips import add, tips_for

FIXTURES = Path(__file__).with_name("fixtures")
TERMS = load(FIXTURES / "glossary.yml")


def test_a_swedish_page_explains_each_term_once_with_its_definition():
    html = "<p>Ett utreseförbud kan ges. Ett nytt utreseförbud.</p>"
    out = add(html, tips_for(TERMS, "sv"))
    assert out == ('<p>Ett <abbr title="Ett beslut som hindrar att ett barn förs ut ur Sverige.">utreseförbud</abbr>'
                   ' kan ges. Ett nytt utreseförbud.</p>')


def test_a_translation_gets_the_rendering_and_the_swedish_word_is_marked():
    out = add("<p>منع سفر (utreseförbud) للطفل.</p>", tips_for(TERMS, "ar"))
    assert '<abbr title="منع سفر"><span lang="sv" dir="ltr">utreseförbud</span></abbr>' in out


def test_links_headings_code_and_longer_words_are_left_alone():
    tips = tips_for(TERMS, "sv")
    for html in ('<h2 id="x">Utreseförbud</h2>', '<a href="/x">utreseförbud</a>', "<code>utreseförbud</code>",
                 "<p>utreseförbudslagen</p>".replace("utreseförbudslagen", "xutreseförbud")):
        assert add(html, tips) == html
    assert add('<p>&lt;b&gt; utreseförbud</p>', tips).startswith("<p>&lt;b&gt; <abbr")


def test_terms_marked_tooltip_false_are_not_explained(tmp_path):
    text = (FIXTURES / "glossary.yml").read_text(encoding="utf-8").replace(
        "- term: utreseförbud\n", "- term: utreseförbud\n  tooltip: false\n")
    (tmp_path / "g.yml").write_text(text, encoding="utf-8")
    assert add("<p>utreseförbud</p>", tips_for(load(tmp_path / "g.yml"), "sv")) == "<p>utreseförbud</p>"
