"""Reporters for `kb translations status`: text, json, markdown, github."""
from __future__ import annotations

import json
from pathlib import Path

from kb.findings import _escape
from kb.translations.history import History
from kb.translations.status import STATES, TARGET_LOCALES, Entry, source_diff, totals

FORMATS = ("text", "json", "markdown", "github")


def outdated_groups(entries: list[Entry]) -> dict[tuple[str, str | None], list[Entry]]:
    """Outdated translations grouped by (Swedish page, recorded hash): one diff per group."""
    groups: dict[tuple[str, str | None], list[Entry]] = {}
    for entry in entries:
        if entry.state == "outdated":
            groups.setdefault((entry.page, entry.recorded_hash), []).append(entry)
    return groups


def _matrix(entries: list[Entry]) -> tuple[list[str], dict[str, dict[str, str]]]:
    rows: dict[str, dict[str, str]] = {}
    for entry in entries:
        rows.setdefault(entry.page, {})[entry.lang] = entry.state
    return list(rows), rows


def render_json(entries: list[Entry], root: Path) -> str:
    return json.dumps([entry.as_json() for entry in entries], ensure_ascii=False, indent=2)


def render_text(entries: list[Entry], root: Path) -> str:
    pages, rows = _matrix(entries)
    width = max([len("page"), *map(len, pages)]) + 2
    out = ["page".ljust(width) + "".join(lang.ljust(10) for lang in TARGET_LOCALES)]
    for page in pages:
        out.append(page.ljust(width) + "".join(rows[page].get(lang, "").ljust(10) for lang in TARGET_LOCALES))
    out += ["", "totals".ljust(width) + "".join(lang.ljust(10) for lang in TARGET_LOCALES)]
    counts = totals(entries)
    for state in STATES:
        out.append(state.ljust(width) + "".join(str(counts[lang][state]).ljust(10) for lang in TARGET_LOCALES))
    history = History(root)
    for (page, _), group in outdated_groups(entries).items():
        langs = ", ".join(entry.lang for entry in group)
        diff, explanation = source_diff(root, group[0], history)
        out += ["", f"outdated: docs/{page} -> {langs}: {explanation}"]
        if diff:
            out.append(diff.rstrip("\n"))
    return "\n".join(line.rstrip() for line in out).rstrip() + "\n"


def render_markdown(entries: list[Entry], root: Path) -> str:
    pages, rows = _matrix(entries)
    out = ["| page | " + " | ".join(TARGET_LOCALES) + " |",
           "| --- |" + " --- |" * len(TARGET_LOCALES)]
    for page in pages:
        out.append(f"| `{page}` | " + " | ".join(rows[page].get(lang, "") for lang in TARGET_LOCALES) + " |")
    counts = totals(entries)
    out += ["", "| state | " + " | ".join(TARGET_LOCALES) + " |", "| --- |" + " ---: |" * len(TARGET_LOCALES)]
    for state in STATES:
        out.append(f"| {state} | " + " | ".join(str(counts[lang][state]) for lang in TARGET_LOCALES) + " |")
    history = History(root)
    for (page, _), group in outdated_groups(entries).items():
        langs = ", ".join(entry.lang for entry in group)
        diff, explanation = source_diff(root, group[0], history)
        out += ["", f"### Outdated: `docs/{page}` ({langs})", "", explanation + "."]
        if diff:
            out += ["", "```diff", diff.rstrip("\n"), "```"]
    return "\n".join(out) + "\n"


def render_github(entries: list[Entry], root: Path) -> str:
    """Warnings (never errors) for outdated and orphan translations."""
    out = []
    for entry in entries:
        if entry.state == "outdated":
            text = (f"The Swedish page docs/{entry.page} changed since this translation was made. "
                    "Run `kb translations status` to see what changed, then update the translation.")
        elif entry.state == "orphan":
            text = (f"This translation has no Swedish source docs/{entry.page}. "
                    "Rename it to match its source or remove it.")
        else:
            continue
        file = _escape(f"docs/{entry.translation}", property=True)
        out.append(f"::warning file={file},title=translation {entry.state}::{_escape(text)}")
    counts = totals(entries)
    out.append("translations: " + ", ".join(
        f"{state} {sum(counts[lang][state] for lang in counts)}" for state in STATES))
    return "\n".join(out) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown, "github": render_github}
