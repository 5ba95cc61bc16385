"""The legal part of kb/mkdocs_hooks.py: links, the 'checked through' fact, errors for strict builds."""
from __future__ import annotations

import datetime as dt
import logging
from types import SimpleNamespace

from kb import mkdocs_hooks


def page(src_uri="x/page.md", reviewed=dt.date(2026, 11, 22)):
    return SimpleNamespace(meta={"reviewed": reviewed, "kb": {"fallback": False}}, file=SimpleNamespace(src_uri=src_uri))


def test_page_gets_links_and_the_snapshot_state(caplog):
    p = page()
    html = mkdocs_hooks.on_page_content("<p>Se 19 kap. 1 § socialtjänstlagen (2025:400).</p>", p, None, None)
    assert 'class="kb-law" href="https://www.riksdagen.se/' in html and 'rel="noreferrer"' in html
    assert p.meta["kb"]["legal_checked"] == "2025:1501 (2025:400)"
    assert p.meta["kb"]["fallback"] is False  # the hook adds to what on_page_markdown set
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_repealed_citation_is_a_build_error_once_per_page(caplog):
    p = page("tests/repealed-once.md")
    source = "<p>14 kap. 1 § socialtjänstlagen (2001:453)</p>"
    for _language in range(3):  # the i18n plugin builds every language
        mkdocs_hooks.on_page_content(source, p, None, None)
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "repealed" in errors[0].getMessage()
    assert "tests/repealed-once.md" in errors[0].getMessage()


def test_cautions_are_not_logged(caplog):
    p = page(reviewed=dt.date(2025, 12, 1))
    html = mkdocs_hooks.on_page_content("<p>19 kap. 1 § SoL</p>", p, None, None)
    assert "kb-law--warning" in html
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
