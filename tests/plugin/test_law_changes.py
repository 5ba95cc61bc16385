"""The public page of coming changes in the law and its Atom feed, as the kb plugin builds them."""
from __future__ import annotations

import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_changes_page_is_a_site_page_with_quick_exit_and_csp(built_site):
    html = (built_site / "lagandringar" / "index.html").read_text(encoding="utf-8")
    assert 'id="kb-quick-exit"' in html and 'http-equiv="Content-Security-Policy"' in html
    assert "På väg" in html and "Nyligen" in html
    assert '<html lang="sv"' in html


def test_the_feed_is_atom_and_every_entry_links_to_the_official_text(built_site):
    feed = ET.parse(built_site / "lagandringar.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert entries, "no changes listed: the snapshot has dated changes for cited provisions (e.g. skollagen)"
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(ids) == len(set(ids))
    for entry in entries:
        assert entry.find(f"{ATOM}link").get("href").startswith("https://")


def test_every_language_links_to_it_and_to_the_feed(built_site):
    html = (built_site / "en" / "rattsligt-skydd" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../lagandringar/"' in html
    assert 'type="application/atom+xml"' in html and "lagandringar.xml" in html


def test_only_swedish_source_pages_are_listed(built_site):
    """A translation repeats its Swedish page's citations; listing it too would double every change."""
    import re
    html = (built_site / "lagandringar" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r">([\w/-]+(?:\.[\w-]+)?\.md)</a>", html)
    assert listed, "the page lists no source pages"
    assert not [page for page in listed if page.count(".") > 1], listed
