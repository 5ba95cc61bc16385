"""kb/links/site.py: internal links and anchors in the built site, every language.

Two real builds: the project as it is (`built_site`, shared), and a scratch
copy of the project with a page and its English translation that break links
on purpose, so findings can be traced back to the Markdown that caused them.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kb.links.site import Site, check_site, site_url_from

ROOT = Path(__file__).resolve().parents[2]
SITE_URL = site_url_from(ROOT / "mkdocs.yml")

SWEDISH = """---
title: Länktest
description: En sida som bryter länkar med flit.
audience: [alla]
owner: Enheten för stöd och samverkan
reviewed: 2026-11-01
sources:
  - title: Källa
    url: https://www.example.se/
    checked: 2026-11-01
---

# Länktest

## Första avsnittet

Till [startsidan](../) och [avsnittet](#forsta-avsnittet) fungerar.

En [trasig länk](../finns-inte/) och ett [trasigt ankare](#andra-avsnittet).
"""

ENGLISH = """---
title: Link test
description: A page that breaks links on purpose.
audience: [alla]
owner: Enheten för stöd och samverkan
reviewed: 2026-11-01
sources:
  - title: Source
    url: https://www.example.se/
    checked: 2026-11-01
translation:
  source_hash: sha256:0123456789abcdef
  translated_on: 2026-11-01
  status: machine
---

# Link test

## First section

The [Swedish section](/kb-lanktest/#forsta-avsnittet) exists, [this one](#first-section) too.

An anchor copied from Swedish: [section](#forsta-avsnittet).
"""


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A copy of the project with the link-test page in Swedish and English, built strictly.

    The page is broken on purpose, so MkDocs' own link and anchor validation (which the real
    build turns into errors) is set to `info` here: this tests the second line of defence,
    kb links check, which also sees theme links, language fallbacks, sitemap and search.
    """
    project = tmp_path_factory.mktemp("links-scratch")
    for name in ("docs", "overrides", "data", "scripts"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    relaxed = re.sub(r"^(  (?:omitted_files|absolute_links|unrecognized_links|anchors)):\s*warn\s*$", r"\1: info",
                     config, flags=re.M)
    assert relaxed.count(": info") >= 4, "mkdocs.yml's validation block changed; update this fixture"
    (project / "mkdocs.yml").write_text(relaxed, encoding="utf-8")
    (project / "docs" / "kb-lanktest.md").write_text(SWEDISH, encoding="utf-8")
    (project / "docs" / "kb-lanktest.en.md").write_text(ENGLISH, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run([str(mkdocs), "build", "--strict", "-d", str(project / "site")],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"scratch build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return project


@pytest.fixture(scope="module")
def scratch_findings(scratch):
    return check_site(scratch / "site", scratch / "docs", SITE_URL, display_root=scratch)


def about(findings, file):
    return [f for f in findings if f.file == file]


def test_a_broken_link_names_the_swedish_markdown_once_for_every_language(scratch_findings):
    found = [f for f in about(scratch_findings, "docs/kb-lanktest.md") if "../finns-inte/" in f.message]
    assert len(found) == 1
    finding = found[0]
    assert finding.code == "KB401" and finding.line == 19
    # Rendered in Swedish and, as a fallback, in the six languages without a translation.
    assert "(in ar, fa, fa-AF, ku-IQ, so, sv, ti;" in finding.message


def test_a_broken_anchor_names_the_markdown_and_the_missing_id(scratch_findings):
    found = [f for f in about(scratch_findings, "docs/kb-lanktest.md") if f.code == "KB402"]
    assert len(found) == 1 and 'no id "andra-avsnittet"' in found[0].message and found[0].line == 19


def test_an_anchor_that_exists_only_in_swedish_breaks_in_the_translation(scratch_findings):
    found = about(scratch_findings, "docs/kb-lanktest.en.md")
    assert [(f.code, f.line) for f in found] == [("KB402", 23)]
    assert 'no id "forsta-avsnittet"' in found[0].message and "(in en;" in found[0].message
    assert "differ per language" in found[0].hint


def test_working_links_between_languages_are_not_reported(scratch_findings):
    messages = " ".join(f.message for f in scratch_findings)
    assert "/kb-lanktest/#forsta-avsnittet" not in messages and "#first-section" not in messages


def test_the_real_site_is_checked_in_under_five_seconds(built_site):
    # CPU time: on a loaded CI machine the wall clock measures the neighbours.
    start = time.process_time()
    check_site(built_site, ROOT / "docs", SITE_URL, display_root=ROOT)
    assert time.process_time() - start < 5.0


def test_the_checker_reads_every_language(built_site):
    site = Site(built_site, ROOT / "docs", SITE_URL)
    languages = {rel.split("/")[0] for rel in site.pages if "/" in rel}
    assert {"en", "ar", "fa", "fa-AF", "so", "ti", "ku-IQ"} <= languages
    assert "index.html" in site.pages


@pytest.fixture()
def site_copy(built_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


def test_a_missing_language_version_breaks_the_theme_links_to_it(site_copy):
    (site_copy / "so" / "index.html").unlink()
    findings = check_site(site_copy, ROOT / "docs", SITE_URL)
    kinds = {f.message.split(" link ")[0] for f in findings if f.code == "KB401" and "-> so/index.html" in f.message}
    assert {"language switcher", "hreflang alternate"} <= kinds
    assert any(f.code == "KB403" and f.file.endswith("sitemap.xml") and f.line > 0
               and "https://www.example.org/so/" in f.message for f in findings)


def test_a_missing_asset_is_reported_with_the_rendered_page(site_copy):
    script = next((site_copy / "assets" / "javascripts").glob("bundle.*.min.js"))
    script.unlink()
    findings = [f for f in check_site(site_copy, ROOT / "docs", SITE_URL) if script.name in f.message]
    assert len(findings) == 1 and findings[0].code == "KB401" and findings[0].file.endswith(".html")
    assert "other page(s)" in findings[0].message


@pytest.mark.parametrize("url, target, fragment, problem", [
    ("../", "index.html", "", None),
    ("./#x", "en/index.html", "x", None),
    ("/en/", "en/index.html", "", None),
    ("https://www.example.org/en/", "en/index.html", "", None),
    ("https://www.example.org", "index.html", "", None),
    ("https://other.example/", None, "", None),
    ("mailto:a@b.se", None, "", None),
    ("tel:112", None, "", None),
    ("../../../etc/passwd", None, "", "points above the site's root folder"),
    ("../finns%20inte/", "finns inte/index.html", "", "no such file in the built site"),
    ("#%C3%A4", "en/index.html", "ä", None),
    ("http://[broken", "", "", "malformed URL (Invalid IPv6 URL)"),
])
def test_resolving_urls(built_site, url, target, fragment, problem):
    site = Site(built_site, None, SITE_URL)
    assert site.resolve("en/index.html", url) == (target, fragment, problem)


def test_search_results_pointing_to_missing_pages_or_anchors_are_reported(site_copy):
    index = site_copy / "en" / "search" / "search_index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    page = next(doc["location"] for doc in data["docs"] if doc["location"].endswith("/"))
    (site_copy / "en" / page / "index.html").unlink()
    data["docs"].append({"location": "#no-such-heading", "title": "Made up", "text": ""})
    index.write_text(json.dumps(data), encoding="utf-8")
    findings = [f for f in check_site(site_copy, ROOT / "docs", SITE_URL) if f.file.endswith("en/search/search_index.json")]
    messages = " ".join(f.message for f in findings)
    assert {f.code for f in findings} == {"KB403"}
    assert f"-> {page}: no such file" in messages and 'no id "no-such-heading"' in messages
    # the hint says what to do, not which Python file writes the index
    assert findings and all(".py" not in f.hint and "make build" in f.hint for f in findings)


def test_every_link_finding_has_a_hint_that_points_to_no_python_file(scratch_findings):
    assert scratch_findings
    for finding in scratch_findings:
        assert finding.hint and ".py" not in finding.hint, finding
