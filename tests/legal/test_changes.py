"""kb.legal.changes: the page of coming changes and its Atom feed, from the real snapshot."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from kb.legal import changes

PAGES = {
    "vagledning/orosanmalan.md": "Anmäl enligt 19 kap. 1 § socialtjänstlagen (2025:400).\n",
    "skola/index.md": "Se 29 kap. 13 § skollagen och 4 kap. 4 c § brottsbalken.\n",
    "om.md": "Ingen hänvisning här.\n",
}
ATOM = "{http://www.w3.org/2005/Atom}"


def test_coming_change_lists_date_act_and_pages(checker_on):
    found = changes.collect(checker_on(dt.date(2025, 12, 1)), PAGES)
    [report] = [c for c in found if c.sfs == "2025:400" and c.provision == "19 kap. 1 §"]
    assert report.date == dt.date(2026, 1, 15) and report.by == "2025:1501"
    assert report.pages == ["vagledning/orosanmalan.md"] and report.url.endswith("#K19P1")
    assert found[0].date > dt.date(2025, 12, 1)  # upcoming changes come first
    assert not any("om.md" in c.pages for c in found)


def test_the_same_change_is_recent_a_year_later_and_gone_after(checker_on):
    later = changes.collect(checker_on(dt.date(2026, 11, 22)), PAGES)
    assert any(c.provision == "19 kap. 1 §" and c.date == dt.date(2026, 1, 15) for c in later)
    much_later = changes.collect(checker_on(dt.date(2028, 1, 1)), PAGES)
    assert not any(c.provision == "19 kap. 1 §" for c in much_later)


def test_page_and_feed(checker_on):
    today = dt.date(2025, 12, 1)
    found = changes.collect(checker_on(today), PAGES)
    page = changes.markdown_page(found, today)
    assert "## På väg" in page and "| 2026-01-15 | [19 kap. 1 § i Socialtjänstlag (2025:400)" in page
    assert "[vagledning/orosanmalan.md](../vagledning/orosanmalan/)" in page
    feed = ET.fromstring(changes.atom_feed(found, "https://example.se/", dt.datetime(2025, 12, 1, tzinfo=dt.UTC)))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(found) and feed.find(f"{ATOM}updated").text == "2025-12-01T00:00:00Z"
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:example.se,") for i in ids)
    assert feed.find(f"{ATOM}link").get("href") == "https://example.se/lagandringar.xml"
