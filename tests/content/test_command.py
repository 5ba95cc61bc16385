"""kb/content/command.py: `kb content check` as editors and CI run it."""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.findings import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_USAGE

HERE = Path(__file__).parent


def run(args, cwd: Path):
    """Run `kb content check ARGS` in the folder `cwd`, as an editor would."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["content", "check", *args])
    finally:
        os.chdir(old)


def project(tmp_path: Path, corpus: str) -> Path:
    shutil.copytree(HERE / corpus, tmp_path / "docs")
    return tmp_path


def test_a_good_project_passes(tmp_path):
    result = run(["--today", "2026-11-22"], project(tmp_path, "good"))
    assert result.exit_code == 0, result.output
    assert "no problems found" in result.output


def test_errors_fail_with_file_line_code_and_hint(tmp_path):
    result = run(["--today", "2026-11-22"], project(tmp_path, "bad"))
    assert result.exit_code == 1
    assert "docs/yaml-syntax.md:3: KB101 error: front matter is not valid YAML" in result.output
    assert "docs/review-overdue.md:6: KB112 error:" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def test_yaml_errors_are_one_readable_line_each(tmp_path):
    docs = project(tmp_path, "good") / "docs"
    (docs / "broken.md").write_text("---\ntitle: [unclosed\nowner: x\n---\n# T\n", encoding="utf-8")
    result = run(["--today", "2026-11-22"], tmp_path)
    lines = [line for line in result.output.splitlines() if "broken.md" in line]
    assert len(lines) == 1 and lines[0].startswith("docs/broken.md:") and "KB101" in lines[0]


def test_warnings_alone_exit_0(tmp_path):
    docs = project(tmp_path, "good") / "docs"
    page = docs / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("reviewed: 2026-06-01", "reviewed: 2025-06-01"),
                    encoding="utf-8")
    result = run(["--today", "2026-11-22"], tmp_path)
    assert result.exit_code == 0 and "KB111 warning" in result.output


def test_json_and_github_formats(tmp_path):
    project(tmp_path, "bad")
    data = json.loads(run(["--today", "2026-11-22", "--format", "json"], tmp_path).output)
    assert {"file", "line", "column", "code", "message", "hint", "severity"} <= set(data[0])
    github = run(["--today", "2026-11-22", "--format", "github"], tmp_path).output
    assert "::error file=docs/no-h1.md,line=12,col=1,title=KB132::the page has no level-1 heading" in github
    assert "::warning file=docs/review-due.md,line=6,title=KB111::" in github


def test_a_missing_docs_folder_is_a_usage_error(tmp_path):
    result = run([], tmp_path)
    assert result.exit_code == 2 and "no such folder" in result.output


def test_exit_codes_follow_the_shared_contract(tmp_path):
    assert run(["--today", "2026-11-22"], project(tmp_path / "a", "good")).exit_code == EXIT_CLEAN
    assert run(["--today", "2026-11-22"], project(tmp_path / "b", "bad")).exit_code == EXIT_FINDINGS
    assert run(["--today", "22/11/2026"], project(tmp_path / "c", "good")).exit_code == EXIT_USAGE


@pytest.mark.parametrize("registry, where, what", [
    ("- number: '112'\n  name: [unclosed\n", "data/contacts.yml:3", "not valid YAML"),
    ("- number: '112'\n  name: Nödnummer\n  checked: 2026-11-22\n", "data/contacts.yml:1", "missing `source`"),
    ("- number: 112\n  name: N\n  source: https://www.polisen.se/\n  checked: 2026-11-22\n",
     "data/contacts.yml:1", "must be quoted text"),
    ("number: '112'\n", "data/contacts.yml:1", "must be a list"),
])
def test_a_broken_contacts_registry_is_a_message_with_file_and_line_exit_3(tmp_path, registry, where, what):
    root = project(tmp_path, "good")
    (root / "data").mkdir()
    (root / "data" / "contacts.yml").write_text(registry, encoding="utf-8")
    result = run(["--today", "2026-11-22"], root)
    assert result.exit_code == EXIT_ERROR, result.output
    assert result.output.startswith(f"Error: {where}: ") and what in result.output
    assert "hint:" in result.output and "Traceback" not in result.output


def test_kb_format_chooses_the_format_like_the_option(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_FORMAT", "json")
    result = run(["--today", "2026-11-22"], project(tmp_path, "bad"))
    assert result.exit_code == EXIT_FINDINGS and json.loads(result.output)[0]["code"].startswith("KB1")


def test_messages_are_english_and_hints_never_point_into_python_files(tmp_path):
    data = json.loads(run(["--today", "2026-11-22", "--format", "json"], project(tmp_path, "bad")).output)
    swedish = re.compile(r"\b(och|inte|finns|saknas|sidan|källa|ska|måste|är)\b", re.I)
    for finding in data:
        for text in (finding["message"], finding["hint"]):
            # quoted values from the page (titles, owners) may be Swedish; the words around them may not
            outside_quotes = re.sub(r"'[^']*'|`[^`]*`|\"[^\"]*\"", "", text)
            assert not swedish.search(outside_quotes), finding
        assert ".py" not in finding["hint"], finding


def test_no_hint_tells_an_editor_to_write_source_hash_by_hand(tmp_path):
    data = json.loads(run(["--today", "2026-11-22", "--format", "json"], project(tmp_path, "bad")).output)
    hints = [f["hint"] for f in data if f["code"] == "KB142" or "`source_hash` must" in f["message"]
             or "needs a `translation:` block" in f["message"]]
    assert len(hints) == 3, "the corpus has an outdated, a malformed and a missing translation block"
    for hint in hints:
        assert "kb translations mark-updated" in hint or "kb new translation" in hint, hint
        assert "set translation.source_hash" not in hint and "content_hash" not in hint, hint
