"""kb/content/check.py: the corpus of bad pages fails each rule with the right message.

tests/content/bad/ holds one page per broken rule (a docs/ folder of its own,
never built into the site); tests/content/good/ holds pages that follow every
rule, including examples of forbidden things inside code, which are ignored.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from kb.content.check import check_docs, months_before
from kb.findings import ERROR, WARNING

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
TODAY = dt.date(2026, 11, 22)

# file -> [(code, line, words the message must contain)]
EXPECTED = {
    "yaml-syntax.md": [("KB101", 3, "not valid YAML")],
    "no-front-matter.md": [("KB102", 1, "no front matter")],
    "missing-owner.md": [("KB103", 1, "`owner` is missing")],
    "unknown-key.md": [("KB104", 7, "unknown key `tags`")],
    "wrong-types.md": [
        ("KB105", 3, "`description` must be non-empty text, not the number 42"),
        ("KB105", 4, "`audience` must be a non-empty list"),
        ("KB105", 6, "`reviewed` is a quoted date"),
        ("KB103", 8, "source 1 has no `checked`"),
        ("KB105", 9, "must be an http(s) address, not 'ftp://www.example.se/'"),
        ("KB105", 10, "source 2 must be a mapping"),
    ],
    "translation-on-source.md": [("KB106", 11, "must not have a `translation:` block")],
    "placeholder-url.md": [("KB107", 9, "'https://…/…' is a placeholder"),
                           ("KB107", 12, "'https://www.example.org/rapport' is a placeholder"),
                           ("KB107", 15, "'https://www.lansstyrelsen.se/…' is a placeholder")],
    "wrong-owner.md": [("KB108", 5, "'enheten för stöd' is not one of the units")],
    "empty-page.md": [("KB134", 12, "no text")],
    "review-due.md": [("KB111", 6, "last reviewed 2025-10-01, more than 12 months ago")],
    "review-overdue.md": [("KB112", 6, "last reviewed 2025-04-30, more than 18 months ago")],
    "future-date.md": [("KB113", 6, "`reviewed` is in the future (2027-01-15)"),
                       ("KB113", 10, "`sources[1].checked` is in the future (2027-03-01)")],
    "forbidden-elements.md": [
        ("KB121", 17, "<script>"), ("KB121", 19, "<iframe>"), ("KB121", 21, "<style>"),
        ("KB121", 23, "<object>"), ("KB121", 25, "<embed>"),
    ],
    "event-handlers.md": [
        ("KB122", 15, "`onclick=` on <p>"),
        ("KB122", 17, "`onmouseover=` in an attribute list"),
        ("KB122", 20, "`onerror=` on <img>"),   # the attribute is on the tag's second line
    ],
    "javascript-urls.md": [("KB123", 15, "javascript:"), ("KB123", 17, "javascript:"), ("KB123", 19, "javascript:")],
    "external-media.md": [
        ("KB124", 15, "https://www.example.com/logo.png"),
        ("KB124", 17, "//cdn.example.com/bild.png"),
        ("KB124", 19, "<link href=…> loads https://fonts.googleapis.com"),
        ("KB124", 21, "<video src=…>"),
        ("KB124", 23, "https://maps.example.com/karta.png"),   # a reference-style image
        ("KB124", 27, "CSS url()"),
    ],
    "missing-alt.md": [("KB131", 15, "image without alt text"), ("KB131", 17, "<img> without alt text"),
                       ("KB131", 19, "<img> without alt text")],
    "two-h1.md": [("KB132", 17, "a second level-1 heading")],
    "unregistered-phone.md": [("KB151", 16, "020-12 34 56 is not in data/contacts.yml")],
    "phone-formats.md": [("KB152", 15, "+46 20 50 50 50 is registered, but written as 020-50 50 50"),
                         ("KB152", 15, "020-505050 is registered"), ("KB152", 16, "020/50 50 50 is registered"),
                         ("KB151", 18, "+46 8 123 45 67 is not in"), ("KB151", 18, "070-123 45 67 is not in"),
                         ("KB151", 19, "0701234567 is not in"), ("KB151", 19, "08/123 45 67 is not in")],
    "no-h1.md": [("KB132", 12, "no level-1 heading")],
    "skipped-level.md": [("KB133", 17, "heading level 4 follows level 2")],
    "orphan.en.md": [("KB141", 1, "docs/orphan.md does not exist")],
    "outdated.en.md": [("KB142", 11, "changed after this translation was made")],
    "missing-translation-block.en.md": [("KB103", 1, "needs a `translation:` block")],
    "bad-translation-block.fa.md": [("KB105", 15, "`reviewer_role` only belongs to a reviewed translation"),
                                    ("KB104", 16, "unknown key `reviewed_by`")],
    "bad-translation-block.ar.md": [("KB103", 11, "needs `reviewed_on`"), ("KB103", 11, "needs `reviewer_role`")],
    "bad-translation-block.so.md": [("KB105", 12, "`source_hash` must look like sha256:"),
                                    ("KB105", 14, "`status` must be `machine` or `reviewed`, not 'maskin'")],
    # Swedish sources of the translations above: valid pages
    "outdated.md": [], "missing-translation-block.md": [], "bad-translation-block.md": [],
}


@pytest.fixture(scope="module")
def bad_findings():
    return check_docs(HERE / "bad", TODAY, display_root=ROOT)


def test_the_corpus_lists_every_bad_page():
    assert sorted(p.name for p in (HERE / "bad").glob("*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_page_fails_with_exactly_the_expected_findings(bad_findings, name):
    got = sorted((f.code, f.line, f.message) for f in bad_findings if f.file == f"tests/content/bad/{name}")
    expected = sorted(EXPECTED[name])
    assert [(code, line) for code, line, _ in got] == [(code, line) for code, line, _ in expected], got
    for (_, _, message), (_, _, words) in zip(got, expected, strict=True):
        assert words in message


def test_every_documented_code_is_proved_by_the_corpus(bad_findings):
    import kb.content
    documented = {line.split("|")[1].strip() for line in kb.content.__doc__.splitlines()
                  if line.startswith("| KB")}
    assert documented == {f.code for f in bad_findings}


def test_findings_name_the_file_and_say_how_to_fix(bad_findings):
    for finding in bad_findings:
        assert finding.file.startswith("tests/content/bad/") and finding.line >= 1
        assert finding.hint, finding


def test_warnings_do_not_fail_but_errors_do(bad_findings):
    severities = {f.code: f.severity for f in bad_findings}
    assert severities["KB111"] == severities["KB142"] == WARNING
    assert severities["KB112"] == severities["KB141"] == ERROR


def test_good_pages_and_examples_inside_code_pass():
    assert check_docs(HERE / "good", TODAY, display_root=ROOT) == []


@pytest.mark.parametrize("today, reviewed, code", [
    (dt.date(2026, 11, 22), dt.date(2025, 11, 22), None),        # exactly 12 months: still fine
    (dt.date(2026, 11, 22), dt.date(2025, 11, 21), "KB111"),
    (dt.date(2026, 11, 22), dt.date(2025, 5, 22), "KB111"),      # exactly 18 months: a warning
    (dt.date(2026, 11, 22), dt.date(2025, 5, 21), "KB112"),
    (dt.date(2027, 2, 28), dt.date(2025, 8, 27), "KB112"),
])
def test_review_age_boundaries(tmp_path, today, reviewed, code):
    page = (HERE / "good" / "index.md").read_text(encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(page.replace("reviewed: 2026-06-01", f"reviewed: {reviewed}"),
                                                encoding="utf-8")
    codes = [f.code for f in check_docs(tmp_path / "docs", today) if f.code in ("KB111", "KB112")]
    assert codes == ([code] if code else [])


def test_months_before_clamps_to_the_end_of_the_month():
    assert months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 11, 22), 18) == dt.date(2025, 5, 22)
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)


def _tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_checking_the_docs_modifies_nothing(tmp_path):
    # A copy, because other people may be editing docs/ while the tests run.
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    before = _tree_hash(tmp_path), _tree_hash(HERE / "bad")
    check_docs(docs, TODAY)
    check_docs(HERE / "bad", TODAY)
    assert (_tree_hash(tmp_path), _tree_hash(HERE / "bad")) == before


def test_breaking_a_real_page_in_a_scratch_copy_is_reported_with_its_file(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    baseline = set(check_docs(docs, TODAY))
    page = docs / "index.md"
    text = page.read_text(encoding="utf-8")
    broken = text.replace("\nowner:", "\nownr:", 1)
    assert broken != text
    page.write_text(broken + "\n<iframe src=\"https://example.com\"></iframe>\n", encoding="utf-8")
    new = {(f.file, f.code) for f in set(check_docs(docs, TODAY)) - baseline}
    assert {("docs/index.md", "KB103"), ("docs/index.md", "KB104"), ("docs/index.md", "KB121")} <= new
