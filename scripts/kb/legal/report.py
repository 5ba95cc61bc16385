"""Reporters for `kb legal check`: text for people, JSON for machines, GitHub annotations for CI."""
from __future__ import annotations

import json

from kb.legal.check import FAILING, Finding, summary

JSON_FIELDS = ("file", "line", "column", "text", "sfs", "chapter", "section", "provision", "status", "message",
               "hint", "url")
QUIET = ("ok", "historical")  # listed only with --show-ok
NO_HINT = ("unverifiable",)   # one line each: the hint would be the same every time


def as_text(findings: list[Finding], show_ok: bool = False, header: str = "") -> str:
    """Problems first (with a hint for each that needs action), then one summary line.
    A clean tree prints the header and the summary only."""
    lines = [header] if header else []
    citations = [f for f in findings if f.line or f.text]
    for f in findings:
        if f.status in QUIET and not show_ok:
            continue
        where = f"{f.file}:{f.line}:{f.column}" if f.line else f.file
        text = f"{' '.join(f.text.split())} — " if f.text else ""
        lines.append(f"{where}: {f.status}: {text}{f.message}")
        if f.hint and f.status not in QUIET + NO_HINT:
            lines.append(f"    hint: {f.hint}")
    counts = summary(citations)
    lines.append(
        f"{len(citations)} citations: " + ", ".join(f"{n} {status}" for status, n in counts.items() if n)
        if citations else "0 citations"
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
        if f.status in ("ok", "historical"):
            continue
        level = "error" if f.status in FAILING or f.status in ("unreadable", "snapshot-expired") else "warning"
        title = _escape_property(f"kb legal: {f.status}")
        body = _escape_data((f"{' '.join(f.text.split())}: " if f.text else "") + f.message
                            + (f" ({f.hint})" if f.hint else ""))
        where = f"file={_escape_property(f.file)}" + (f",line={f.line},col={f.column}" if f.line else "")
        lines.append(f"::{level} {where},title={title}::{body}")
    failing = sum(1 for f in findings if f.status in FAILING)
    lines.append(f"kb legal: {len(findings)} findings, {failing} failing")
    return "\n".join(lines)
