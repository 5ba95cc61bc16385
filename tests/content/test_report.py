"""`kb content report`: pages due for review, grouped by owner."""
from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from kb.cli import main
from kb.content.report import due_date, review_report

PAGE = """---
title: {title}
description: En mening.
audience: [alla]
owner: {owner}
reviewed: {reviewed}
sources:
  - title: Källa
    url: https://www.riksdagen.se/
    checked: 2026-01-01
---

# {title}
"""
STOD = "Enheten för stöd och samverkan"
ANALYS = "Enheten för utredning och analys"
TODAY = dt.date(2026, 11, 22)


def docs(tmp_path, pages):
    root = tmp_path / "docs"
    for rel, (owner, reviewed) in pages.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=rel, owner=owner, reviewed=reviewed), encoding="utf-8")
    return root


def test_due_date_is_twelve_months_later():
    assert due_date(dt.date(2025, 11, 22)) == dt.date(2026, 11, 22)
    assert due_date(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)


def test_past_and_near_pages_grouped_by_owner(tmp_path):
    root = docs(tmp_path, {
        "a.md": (STOD, "2025-11-21"),          # due yesterday: past
        "b.md": (STOD, "2026-01-21"),          # due in 60 days: near
        "c.md": (STOD, "2026-01-22"),          # due in 61 days: not yet
        "d/e.md": (ANALYS, "2024-05-01"),      # long past
        "d/e.en.md": (ANALYS, "2020-01-01"),   # a translation: follows its Swedish page
        "f.md": (ANALYS, "2026-11-22"),        # just reviewed
    })
    (root / "g.md").write_text("---\ntitle: x\nowner: Enheten för stöd och samverkan\n---\n", encoding="utf-8")
    report = review_report(root, TODAY)
    assert list(report) == [STOD, ANALYS]   # sorted by name
    assert [(d.page, d.state, d.days) for d in report[ANALYS]] == [("d/e.md", "past", -570)]
    assert [(d.page, d.state, d.days) for d in report[STOD]] == [
        ("a.md", "past", -1), ("g.md", "no-date", None), ("b.md", "near", 60)]


def test_command_text_and_json(tmp_path, monkeypatch):
    docs(tmp_path, {"a.md": (STOD, "2025-10-01"), "b.md": (ANALYS, "2026-11-01")})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["content", "report", "--today", "2026-11-22"])
    assert result.exit_code == 0
    assert result.output == (f"{STOD} (1)\n"
                             "  docs/a.md: review overdue by 52 days (reviewed 2025-10-01, due 2026-10-01)\n"
                             "\n1 page(s) due for review within 60 days of 2026-11-22\n")
    result = CliRunner().invoke(main, ["content", "report", "--today", "2026-11-22", "--format", "json"])
    assert json.loads(result.output) == [{"owner": STOD, "pages": [
        {"page": "a.md", "owner": STOD, "state": "past", "reviewed": "2025-10-01", "due": "2026-10-01",
         "days": -52}]}]
    result = CliRunner().invoke(main, ["content", "report", "--today", "2025-01-01"])
    assert result.output == "no page is due for review within 60 days of 2025-01-01\n"
