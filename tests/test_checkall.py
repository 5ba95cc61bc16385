"""kb/checkall.py (`make check`): the editor's summary – problems in changed files first, errors first."""
from __future__ import annotations

import os
import subprocess

from kb.checkall import Step, as_finding, build_findings, changed_files, order, render
from kb.findings import ERROR, WARNING, Finding


def finding(file, code="KB103", severity=ERROR, line=1):
    return Finding(file, line, 0, code, f"{code} message", "a hint", severity)


def test_legal_citations_become_findings_by_status():
    assert as_finding({"file": "docs/a.md", "line": 3, "status": "ok", "message": "gäller"}) is None
    repealed = as_finding({"file": "docs/a.md", "line": 3, "column": 2, "status": "repealed", "message": "m"})
    assert (repealed.code, repealed.severity, repealed.line) == ("repealed", ERROR, 3)
    assert as_finding({"file": "docs/a.md", "status": "unverifiable", "message": "m"}).severity == WARNING
    shared = as_finding({"file": "docs/a.md", "line": 1, "column": 0, "code": "KB112", "message": "m",
                         "hint": "h", "severity": "error"})
    assert shared == Finding("docs/a.md", 1, 0, "KB112", "m", "h", ERROR)


def test_build_warnings_are_named_after_the_file_they_mention():
    output = ("INFO    -  Building documentation...\n"
              "WARNING -  Doc file 'om-oss/index.md' contains a link 'x.md', but the target is not found.\n"
              "WARNING -  docs/om-oss/index.md:4: front matter is not closed\n"
              "WARNING -  A reference to 'saknas.md' is included in the 'nav' configuration, but not found\n"
              "ERROR   -  /tmp/x/data/contacts.yml:3: not valid YAML: expected ',' (hint: …)\n"
              "Aborted with 3 warnings in strict mode!\n")
    found = build_findings(output)
    assert [(f.file, f.line, f.severity) for f in found] == [
        ("docs/om-oss/index.md", 0, ERROR), ("docs/om-oss/index.md", 4, ERROR), ("mkdocs.yml", 0, ERROR),
        ("data/contacts.yml", 3, ERROR)]
    assert "target is not found" in found[0].message


def test_problems_in_changed_files_come_first_and_errors_before_warnings():
    findings = [finding("docs/b.md", "KB142", WARNING), finding("docs/a.md"), finding("docs/mine.md", "KB111",
                WARNING), finding("docs/mine.md", "KB132", line=9)]
    mine, others = order(findings, {"docs/mine.md"})
    assert [(f.file, f.code) for f in mine] == [("docs/mine.md", "KB132"), ("docs/mine.md", "KB111")]
    assert [(f.file, f.code) for f in others] == [("docs/a.md", "KB103"), ("docs/b.md", "KB142")]


def test_the_summary_lists_new_problems_first_and_only_counts_old_warnings():
    content = Step("content check", 1.0, [finding("docs/mine.md", "KB134"), finding("docs/old.md", "KB112"),
                                          finding("docs/x.en.md", "KB142", WARNING)])
    links = Step("links check", skipped="the build failed")
    legal = Step("legal check", failed="error: data/laws.yml:3: not valid YAML")
    text = render([Step("strict build", 2.0), content, legal, links], {"docs/mine.md"}, "main")
    assert text.index("In the files you changed since main (1)") < text.index("docs/mine.md:1: KB134") \
        < text.index("Errors in other files (1") < text.index("docs/old.md:1: KB112")
    assert "docs/x.en.md" not in text and "Warnings in other files: KB142 ×1" in text
    assert "COULD NOT RUN: error: data/laws.yml:3" in text and "skipped: the build failed" in text
    assert text.rstrip().endswith("Result: a check could not run; see its message above.")
    clean = render([Step("strict build", 1.0)], set(), "main")
    assert "no problems" in clean and clean.rstrip().endswith("Result: no errors. Warnings do not stop a merge, "
                                                              "but read them.")


def test_changed_files_are_the_branch_and_the_uncommitted_ones(tmp_path):
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@t.invalid",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@t.invalid"}

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    (tmp_path / "docs").mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / "docs" / name).write_text("x\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "start")
    git("switch", "-q", "-c", "my-change")
    (tmp_path / "docs" / "a.md").write_text("changed\n", encoding="utf-8")
    git("commit", "-q", "-am", "edit a")
    (tmp_path / "docs" / "b.md").write_text("not committed yet\n", encoding="utf-8")
    (tmp_path / "docs" / "new.md").write_text("new\n", encoding="utf-8")
    assert changed_files("main", tmp_path) == {"docs/a.md", "docs/b.md", "docs/new.md"}
    assert changed_files("no-such-branch", tmp_path) is None
