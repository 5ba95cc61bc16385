"""One state for a translation: the banners, the status command and the content gate agree."""
from __future__ import annotations

import datetime as dt

import pytest

from kb.content.check import check_docs
from kb.pages import content_hash, read_page
from kb.site import translation_flags
from kb.translations.state import of
from kb.translations.status import collect
from scaffold.conftest import write_page

SOURCE = "# Rubrik\n\nText.\n"


@pytest.mark.parametrize("record, expected", [
    ({"status": "machine", "source_hash": content_hash(SOURCE)}, "machine"),
    ({"status": "reviewed", "source_hash": content_hash(SOURCE)}, "current"),
    ({"status": "reviewed", "source_hash": content_hash("# Gammal\n")}, "outdated"),
    ({"status": "machine"}, "outdated"),        # no source_hash: the Swedish version is unknown
    ({"status": "reviewed"}, "outdated"),
    (None, "outdated"),                          # no translation block at all
])
def test_state_of_a_translation(record, expected):
    meta = {"translation": record} if record is not None else {}
    assert of(meta, SOURCE).state == expected


def test_a_translation_without_its_source_is_an_orphan():
    assert of({"translation": {"status": "machine"}}, None).state == "orphan"


def test_banner_status_and_content_gate_agree_on_a_translation_without_source_hash(project):
    """The case issue 14 found: before, the banner said current, the status outdated, the gate nothing."""
    page = "om-oss/ordlista.md"
    path = write_page(project, "om-oss/ordlista.en.md", "Glossary", "Words and what they mean.")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "---\n\n#", "translation:\n  translated_on: 2026-11-22\n  status: machine\n---\n\n#"), encoding="utf-8")
    translation = read_page(path, project / "docs")
    source = read_page(project / "docs" / page, project / "docs")

    entry = next(e for e in collect(project) if e.page == page and e.lang == "en")
    flags = translation_flags(translation.meta, source.body)
    codes = [f.code for f in check_docs(project / "docs", dt.date(2026, 12, 1)) if f.file.endswith("ordlista.en.md")]
    assert entry.state == "outdated"
    assert flags["outdated"] is True and flags["machine"] is True
    assert "KB103" in codes          # the gate names the missing source_hash as an error


def test_changed_source_is_outdated_everywhere(project):
    page = "om-oss/ordlista.md"
    path = write_page(project, "om-oss/ordlista.en.md", "Glossary", "Words and what they mean.")
    source = read_page(project / "docs" / page, project / "docs")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "---\n\n#", f"translation:\n  source_hash: {content_hash(source.body)}\n  translated_on: 2026-11-22\n"
        "  status: machine\n---\n\n#"), encoding="utf-8")
    assert next(e for e in collect(project) if e.page == page and e.lang == "en").state == "machine"
    write_page(project, page, "Ordlista", "Ord och vad de betyder. Nytt.")
    source = read_page(project / "docs" / page, project / "docs")
    translation = read_page(path, project / "docs")
    assert next(e for e in collect(project) if e.page == page and e.lang == "en").state == "outdated"
    assert translation_flags(translation.meta, source.body)["outdated"] is True
    codes = [f.code for f in check_docs(project / "docs", dt.date(2026, 12, 1)) if f.file.endswith("ordlista.en.md")]
    assert codes == ["KB142"]
