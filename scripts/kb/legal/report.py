"""Reporters for `kb legal check`: text for people, JSON for machines, GitHub annotations for CI."""
from __future__ import annotations

import json

from kb.legal.check import FAILING, Finding, summary

JSON_FIELDS = ("file", "line", "column", "text", "sfs", "chapter", "section", "status", "message", "hint", "url")


def as_text(findings: list[Finding], show_ok: bool = False) -> str:
    lines = []
    for f in findings:
        if f.status == "ok" and not show_ok:
            continue
        lines.append(f"{f.file}:{f.line}:{f.column}: {f.status}: {' '.join(f.text.split())} — {f.message}")
        if f.hint and f.status != "ok":
            lines.append(f"    hint: {f.hint}")
    counts = summary(findings)
    lines.append(
        f"{len(findings)} citations: " + ", ".join(f"{n} {status}" for status, n in counts.items() if n)
        if findings else "0 citations"
    )
    return "\n".join(lines)


def as_json(findings: list[Finding]) -> str:
    return json.dumps([{k: f.as_dict()[k] for k in JSON_FIELDS} for f in findings], ensure_ascii=False, indent=2)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: list[Finding]) -> str:
    """Workflow commands: errors for failing statuses, warnings for the rest that need attention."""
    lines = []
    for f in findings:
        if f.status == "ok":
            continue
        level = "error" if f.status in FAILING else "warning"
        title = _escape_property(f"kb legal: {f.status}")
        body = _escape_data(f"{' '.join(f.text.split())}: {f.message}" + (f" ({f.hint})" if f.hint else ""))
        lines.append(f"::{level} file={_escape_property(f.file)},line={f.line},col={f.column},title={title}::{body}")
    return "\n".join(lines)
