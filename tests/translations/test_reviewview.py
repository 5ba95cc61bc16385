"""The review view: Swedish and translation side by side, block by block, per page and language."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from kb.translations.glossary import load
from kb.translations.reviewview import FOLDER, align, blocks, highlight, render, url_of
from kb.translations.status import Entry, collect

FIXTURES = Path(__file__).with_name("fixtures")
SWEDISH = "# Rubrik\n\nEtt stycke om utreseförbud.\n\n## Del\n\n- en\n- två\n\n```\nkod\n\nmed tom rad\n```\n"
ENGLISH = "# Heading\n\nA paragraph on an exit ban (utreseförbud).\n\n## Part\n\n- one\n- two\n\n```\ncode\n\nwith blank\n```\n"


def test_blocks_keep_fenced_code_together_and_headings_apart():
    found = blocks(SWEDISH, 10)
    assert [(b.line, b.heading) for b in found] == [(10, True), (12, False), (14, True), (16, False), (19, False)]
    assert found[-1].text.startswith("```") and "med tom rad" in found[-1].text


def test_align_pairs_section_by_section():
    source = blocks("# A\n\nx\n\n## B\n\ny\n\nz\n")
    translation = blocks("# A\n\nx\n\n## B\n\ny\n")          # one block missing in section B
    pairs = align(source, translation)
    assert [(a.text if a else None, b.text if b else None) for a, b in pairs] == [
        ("# A", "# A"), ("x", "x"), ("## B", "## B"), ("y", "y"), ("z", None)]


def test_highlight_escapes_and_marks():
    html = highlight("<b> & utreseförbud", [(re.compile("utreseförbud"), "", "tip")])
    assert html == '&lt;b&gt; &amp; <mark title="tip">utreseförbud</mark>'


def test_render_has_directions_languages_glossary_marks_and_the_swedish_change():
    terms = load(FIXTURES / "glossary.yml")
    entry = Entry("sida/index.md", "ar", "outdated", "2026-12-01", "sida/index.ar.md", "sha256:0", "sha256:1")
    diff = ("--- a\n+++ b\n-gammal rad\n+ny rad\n", "the Swedish text changed since version 0123456789 (2026-11-01)")
    html = render(entry, SWEDISH, 10, "# عنوان\n\nمنع سفر (utreseförbud).\n", 12, terms, diff, dt.date(2026, 12, 3))
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert '<td lang="sv" dir="ltr"># Rubrik</td>' in html
    assert '<td lang="ar" dir="rtl"># عنوان</td>' in html
    assert '<mark title="ordlistan: utreseförbud → منع سفر (inte granskad)">منع سفر</mark>' in html
    assert '<span class="kb-del">-gammal rad</span>' in html and '<span class="kb-add">+ny rad</span>' in html
    assert html.count('class="kb-empty"') == 3          # the translation lacks three Swedish blocks
    assert "script-src" not in html                     # without the quick-exit control it runs nothing


def test_avoided_renderings_are_marked_as_such():
    terms = load(FIXTURES / "glossary.yml")
    entry = Entry("sida/index.md", "en", "machine", None, "sida/index.en.md")
    html = render(entry, SWEDISH, 1, ENGLISH, 1, terms, None, dt.date(2026, 12, 3))
    assert '<mark class="kb-avoid" title="undvik: exit ban – använd travel ban">exit ban</mark>' in html
    assert "Vad som har ändrats" not in html             # not outdated: no diff section


def test_url_of():
    assert url_of(Entry("index.md", "ar", "machine", None, "index.ar.md")) == f"{FOLDER}/ar/"
    assert url_of(Entry("om-oss/index.md", "so", "machine", None, "x")) == f"{FOLDER}/so/om-oss/"
    assert url_of(Entry("om-oss/ordlista.md", "ti", "machine", None, "x")) == f"{FOLDER}/ti/om-oss/ordlista/"


# --- the real build ------------------------------------------------------------------------

def test_every_translation_has_a_review_page_outside_navigation_and_search(built_site: Path):
    from kb.project import ROOT
    entries = [e for e in collect(ROOT) if e.translation and e.state != "orphan"]
    assert entries
    for entry in entries:
        page = built_site / url_of(entry) / "index.html"
        assert page.is_file(), page
    sample = (built_site / url_of(entries[0]) / "index.html").read_text(encoding="utf-8")
    assert 'content="noindex, nofollow"' in sample
    assert "granska" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "oversattningsstatus" not in (built_site / "search/search_index.json").read_text(encoding="utf-8")
    status = (built_site / "oversattningsstatus/index.html").read_text(encoding="utf-8")
    assert f'href="../{url_of(entries[0])}"' in status


def test_a_review_page_passes_axe_and_loads_nothing_else(built_site: Path):
    playwright = pytest.importorskip("playwright.sync_api")
    from kb.bench import CHROMIUM, CHROMIUM_ARGS, serve
    from translations.test_statuspage import AXE, WCAG_TAGS
    with serve(built_site) as base, playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page()
        requests = []
        tab.on("request", lambda request: requests.append(request.url))
        tab.goto(base + f"{FOLDER}/ar/till-dig-som-ar-utsatt/", wait_until="load")
        assert tab.locator('td[lang="ar"][dir="rtl"]').count() > 5
        tab.evaluate(AXE.read_text(encoding="utf-8"))
        violations = tab.evaluate("""async (tags) => (await axe.run(document,
            {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})).violations
            .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", "))""", WCAG_TAGS)
        browser.close()
    assert violations == []
    assert [url for url in requests if not url.startswith(base)] == []
