"""kb/findings.py: the reporters every check shares."""
from __future__ import annotations

import json

from kb.findings import ERROR, WARNING, Finding, exit_code, render_github, render_json, render_text

FINDINGS = [
    Finding("docs/b.md", 0, 0, "KB401", "broken: a, b", "fix it", ERROR),
    Finding("docs/a.md", 12, 3, "KB111", "old\nreview 100%", "", WARNING),
]


def test_text_is_sorted_with_locations_hints_and_a_summary():
    assert render_text(FINDINGS).splitlines() == [
        "docs/a.md:12:3: KB111 warning: old", "review 100%",
        "docs/b.md: KB401 error: broken: a, b", "    hint: fix it",
        "1 error(s), 1 warning(s) in 2 file(s)"]
    assert render_text([]) == "no problems found"


def test_json_keeps_every_field():
    data = json.loads(render_json(FINDINGS))
    assert data[0] == {"file": "docs/a.md", "line": 12, "column": 3, "code": "KB111", "message": "old\nreview 100%",
                       "hint": "", "severity": "warning"}


def test_github_annotations_are_escaped():
    lines = render_github(FINDINGS).splitlines()
    assert lines[0] == "::warning file=docs/a.md,line=12,col=3,title=KB111::old%0Areview 100%25"
    assert lines[1] == "::error file=docs/b.md,title=KB401::broken: a, b Hint: fix it"


def test_only_errors_fail():
    assert exit_code(FINDINGS) == 1 and exit_code(FINDINGS[1:]) == 0 and exit_code([]) == 0
