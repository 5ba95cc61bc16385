"""`kb legal check`: exit codes, formats, paths; and the whole site in well under a second."""
from __future__ import annotations

import json
import time

from click.testing import CliRunner

from kb.cli import main
from kb.legal.check import Checker
from kb.legal.registry import load_registry
from kb.legal.snapshot import load_snapshot
from tests.legal.conftest import FIXTURES, ROOT


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


def test_missing_path_is_a_clear_error():
    result = run("no/such/page.md")
    assert result.exit_code == 1 and "no/such/page.md: no such file or folder" in result.output


def test_broken_snapshot_is_a_clear_error(tmp_path):
    broken = tmp_path / "snapshot.json"
    broken.write_text("{", encoding="utf-8")
    result = run(str(FIXTURES), "--snapshot", str(broken))
    assert result.exit_code == 1 and "not valid JSON" in result.output and "Traceback" not in result.output


def test_committed_snapshot_covers_the_registry():
    snapshot, registry = load_snapshot(), load_registry()
    assert set(snapshot["records"]) | set(snapshot["not_found"]) == set(registry.acts)
    assert snapshot["records"]["2025:400"]["consolidated_through"] == "2025:1501"
    assert snapshot["records"]["2001:453"]["repealed_by"] == "2025:400"


def test_whole_site_is_checked_in_well_under_a_second():
    checker = Checker(load_registry(), load_snapshot())
    started = time.process_time()
    checker.check_paths([ROOT / "docs"])
    assert time.process_time() - started < 1.0


def test_page_that_is_not_utf8_is_a_clear_error(tmp_path):
    page = tmp_path / "latin1.md"
    page.write_bytes("4 kap. 4 § brottsbalken, på svenska: åäö".encode("latin-1"))
    result = run(str(page))
    assert result.exit_code == 1 and "not UTF-8 text" in result.output and "Traceback" not in result.output
