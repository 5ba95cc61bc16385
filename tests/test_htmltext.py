"""kb.htmltext: one walker for the build's passes over page text."""
from __future__ import annotations

from kb.htmltext import rewrite_text


def upper(text: str) -> str:
    return text.upper()


def test_text_outside_skipped_elements_is_rewritten_and_tags_are_kept():
    html = '<p class="x">ett <a href="/a">länk</a> två <code>kod</code> tre<!-- kommentar --></p>'
    assert rewrite_text(html, {"a", "code"}, upper) == \
        '<p class="x">ETT <a href="/a">länk</a> TVÅ <code>kod</code> TRE<!-- kommentar --></p>'


def test_nesting_self_closing_and_stray_closing_tags():
    assert rewrite_text("<pre><code>a</code> b</pre> c", {"pre", "code"}, upper) == "<pre><code>a</code> b</pre> C"
    assert rewrite_text("</a>x<a/>y", {"a"}, upper) == "</a>X<a/>Y"  # neither changes the depth
    assert rewrite_text("<H2>rubrik</H2>text", {"h2"}, upper) == "<H2>rubrik</H2>TEXT"
