"""kb.legal.report: text, JSON and GitHub annotations."""
from __future__ import annotations

import json

from kb.legal import report
from kb.legal.check import Finding


def finding(status, text="14 kap. 1 § socialtjänstlagen (2001:453)", message="upphävd, se 19 kap. 1 §"):
    return Finding(file="docs/a.md", line=3, column=5, code=status, message=message, hint="Skriv x.", text=text,
                   sfs="2001:453", chapter="14", section="1", status=status, url="https://example.invalid/")


def test_json_has_the_documented_fields():
    [item] = json.loads(report.as_json([finding("repealed")]))
    assert {"file", "line", "text", "sfs", "chapter", "section", "status", "message"} <= set(item)
    assert (item["file"], item["line"], item["status"], item["chapter"]) == ("docs/a.md", 3, "repealed", "14")


def test_text_lists_problems_and_ends_with_counts():
    text = report.as_text([finding("repealed"), finding("ok"), finding("unverifiable")])
    lines = text.splitlines()
    assert lines[0].startswith("docs/a.md:3:5: repealed: 14 kap. 1 § socialtjänstlagen (2001:453)")
    assert lines[-1] == "3 citations: 1 ok, 1 unverifiable, 1 repealed"
    assert "ok:" not in text


def test_github_annotations_escape_and_grade():
    output = report.as_github([finding("repealed", message="a,b:c\nd"), finding("changes-soon"), finding("ok")])
    first, second, last = output.splitlines()
    assert last == "kb legal: 3 findings, 1 failing"
    assert first.startswith("::error file=docs/a.md,line=3,col=5,title=kb legal%3A repealed::")
    assert "%0A" in first and "\n" not in first.split("::", 2)[2]
    assert second.startswith("::warning ")
