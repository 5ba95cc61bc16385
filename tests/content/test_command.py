"""kb/content/command.py: `kb content check` as editors and CI run it."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from kb.cli import main

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
