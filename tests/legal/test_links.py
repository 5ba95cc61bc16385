"""kb.legal.links: citations in rendered HTML become links to riksdagen.se."""
from __future__ import annotations

import datetime as dt

from kb.legal.links import checked_through, link_citations

URL = "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"


def test_citation_becomes_an_official_link(checker):
    html, problems, cited = link_citations("<p>Se 19 kap. 1 § socialtjänstlagen (2025:400).</p>", checker,
                                           dt.date(2026, 11, 22))
    assert html == (f'<p>Se <a class="kb-law" href="{URL}socialtjanstlag-2025400_sfs-2025-400/#K19P1" '
                    'rel="noreferrer" dir="ltr" lang="sv">19 kap. 1 § socialtjänstlagen (2025:400)</a>.</p>')
    assert problems == [] and cited == {"2025:400"}
    assert checked_through(checker, cited) == "2025:1501 (2025:400)"


def test_headings_code_and_existing_links_are_left_alone(checker):
    html = ('<h2 id="x">19 kap. 1 § SoL</h2><pre><code>4 kap. 4 e § BrB</code></pre>'
            '<a href="/x">2 kap. 1 § RF</a><p><code>31 a § LVU</code></p>')
    assert link_citations(html, checker)[0] == html


def test_caution_gets_a_class_and_title_not_a_build_warning(checker):
    html, problems, _ = link_citations("<p>19 kap. 1 § SoL</p>", checker, dt.date(2025, 12, 1))
    assert 'class="kb-law kb-law--warning"' in html and 'title="19 kap. 1 §' in html
    assert problems == []


def test_failing_citation_is_reported_for_the_build(checker):
    html, problems, _ = link_citations("<li>14 kap. 1 § socialtjänstlagen (2001:453)</li>", checker)
    assert [p.status for p in problems] == ["repealed"]
    assert 'kb-law--error' in html


def test_entities_and_no_break_spaces_survive(checker):
    html, _, _ = link_citations("<p>A &amp; B: 4 kap.&nbsp;4 e §&nbsp;brottsbalken (1962:700)</p>", checker)
    assert html.startswith("<p>A &amp; B: <a class=\"kb-law\"")
    assert "#K4P4e" in html


def test_list_shares_one_link_to_the_first_provision(checker):
    html, _, _ = link_citations("<p>3 kap. 1 § och 5 kap. 1 § hälso- och sjukvårdslagen (2017:30)</p>", checker)
    assert html.count("<a ") == 1 and "#K3P1" in html


def test_built_site_links_citations(built_site):
    pages = [p.read_text(encoding="utf-8") for p in built_site.rglob("*.html")]
    linked = [p for p in pages if 'class="kb-law' in p]
    assert linked, "no page of the built site links a citation"
    for page in linked:
        for heading in ("<h1", "<h2", "<h3"):
            for part in page.split(heading)[1:]:
                assert 'class="kb-law' not in part.split("</h")[0]
    assert any("Lagrum kontrollerade mot SFS t.o.m." in p for p in linked)
