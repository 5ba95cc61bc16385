"""`kb legal check`: exit codes, formats, paths; and the whole site in well under a second."""
from __future__ import annotations

import json

from click.testing import CliRunner
from tests.legal.conftest import FIXTURES, ROOT

from kb.cli import main
from kb.legal.check import Checker
from kb.legal.registry import load_registry
from kb.legal.snapshot import load_snapshot


def run(*args):
    return CliRunner().invoke(main, ["legal", "check", *args, "--today", "2026-11-22"])


def test_repealed_citation_fails_with_json_report():
    result = run(str(FIXTURES / "repealed.md"), "--format", "json")
    assert result.exit_code == 1
    [item] = json.loads(result.output)
    assert item["status"] == "repealed" and item["sfs"] == "2001:453" and item["line"] == 16


def test_translated_page_passes_and_text_ends_with_a_summary():
    result = run(str(FIXTURES / "ok.en.md"))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == "3 citations: 2 ok, 1 historical"
    assert "historical" not in result.stdout.strip().splitlines()[-2]  # listed only with --show-ok


def test_cautions_are_listed_but_do_not_fail(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: T\nreviewed: 2025-12-01\n---\n\nSe 19 kap. 1 § SoL.\n", encoding="utf-8")
    result = run(str(page))
    assert result.exit_code == 0
    assert ":6:4: amended-since-review: 19 kap. 1 § SoL" in result.stdout


def test_folder_and_github_format():
    result = run(str(FIXTURES), "--format", "github")
    assert result.exit_code == 1
    assert "::error file=" in result.output and "title=kb legal%3A repealed" in result.output


def test_missing_path_is_a_usage_error():
    result = run("no/such/page.md")
    assert result.exit_code == 2 and "no/such/page.md: no such file or folder" in result.output


def test_folder_without_markdown_is_an_error_also_in_json(tmp_path):
    (tmp_path / "notes.txt").write_text("4 kap. 4 § BrB", encoding="utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 2 and "no Markdown files" in result.output
    result = run(str(tmp_path), "--format", "json")
    assert result.exit_code == 2 and "no Markdown files" in json.loads(result.stdout)["error"]


def test_broken_snapshot_is_a_tool_error_with_valid_json(tmp_path):
    broken = tmp_path / "snapshot.json"
    broken.write_text("{", encoding="utf-8")
    result = run(str(FIXTURES), "--snapshot", str(broken))
    assert result.exit_code == 3 and "not valid JSON" in result.output and "Traceback" not in result.output
    result = run(str(FIXTURES), "--snapshot", str(broken), "--format", "json")
    assert result.exit_code == 3 and "not valid JSON" in json.loads(result.stdout)["error"]


def test_kb_format_environment_variable_is_honoured():
    result = CliRunner().invoke(main, ["legal", "check", str(FIXTURES / "repealed.md"), "--today", "2026-11-22"],
                                env={"KB_FORMAT": "github"})
    assert result.exit_code == 1 and result.stdout.startswith("::error file=")


def test_byte_order_mark_does_not_hide_the_front_matter(tmp_path):
    page = tmp_path / "bom.md"
    page.write_text("\ufeff---\ntitle: T\nreviewed: 2025-12-01\nsource: 4 kap. 4 § BrB\n---\n\nSe 19 kap. 1 § SoL.\n",
                    encoding="utf-8")
    result = run(str(page), "--format", "json")
    [item] = json.loads(result.stdout)  # the front matter's "4 kap. 4 § BrB" is not checked as text
    assert item["status"] == "amended-since-review" and item["line"] == 7


def test_clean_tree_prints_only_the_snapshot_line_and_the_summary(tmp_path):
    page = tmp_path / "ok.md"
    page.write_text("Se 4 kap. 4 c § brottsbalken.\n", encoding="utf-8")
    result = run(str(page))
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("snapshot refreshed ") and lines[1] == "1 citations: 1 ok"


def test_snapshot_age_is_shown_and_judged(tmp_path):
    snapshot = load_snapshot()
    page = tmp_path / "ok.md"
    page.write_text("Se 4 kap. 4 c § brottsbalken.\n", encoding="utf-8")
    for generated, code, status in (("2026-11-20T00:00:00Z", 0, None), ("2026-11-01T00:00:00Z", 0, "snapshot-stale"),
                                     ("2026-09-01T00:00:00Z", 1, "snapshot-expired")):
        path = tmp_path / "snapshot.json"
        path.write_text(json.dumps({**snapshot, "generated": generated}), encoding="utf-8")
        result = run(str(page), "--snapshot", str(path), "--format", "json")
        assert result.exit_code == code, result.output
        statuses = {item["status"] for item in json.loads(result.stdout)}
        assert (status in statuses) if status else statuses == {"ok"}


def test_committed_snapshot_covers_the_registry():
    snapshot, registry = load_snapshot(), load_registry()
    assert set(snapshot["records"]) | set(snapshot["not_found"]) == set(registry.acts)
    assert snapshot["records"]["2025:400"]["consolidated_through"] == "2025:1501"
    assert snapshot["records"]["2001:453"]["repealed_by"] == "2025:400"


def test_whole_site_is_checked_without_failing_citations():
    """The site itself (the speed figure is in `make bench`)."""
    checker = Checker(load_registry(), load_snapshot())
    findings = checker.check_paths([ROOT / "docs"])
    assert findings and not [f for f in findings if f.status in ("unreadable", "unknown-law", "repealed",
                                                                 "old-numbering", "unknown-provision")]


def test_one_unreadable_page_is_reported_and_the_others_checked(tmp_path):
    (tmp_path / "a-latin1.md").write_bytes("4 kap. 4 § brottsbalken, på svenska: åäö".encode("latin-1"))
    (tmp_path / "b-repealed.md").write_text("Se 14 kap. 1 § socialtjänstlagen (2001:453).\n", encoding="utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 3 and "a-latin1.md: unreadable: not UTF-8 text" in result.stdout
    assert "b-repealed.md:1:4: repealed" in result.stdout and "Traceback" not in result.output
    items = json.loads(run(str(tmp_path), "--format", "json").stdout)
    assert [i["status"] for i in items] == ["unreadable", "repealed"]
