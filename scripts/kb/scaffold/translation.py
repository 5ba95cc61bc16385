"""`kb new translation`: a translation file to start from, next to its Swedish source.

The new file keeps the Swedish front matter as it is (the translator translates
title and description), adds the `translation:` block (source_hash of the
Swedish body now, translated_on today, status machine) and holds the Swedish
text as the starting point.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from kb.files import write_new
from kb.pages import FRONT_MATTER, content_hash
from kb.translations.paths import UsageError, source_and_translation
from kb.translations.status import load


def translation_text(source_text: str, source_body: str, today: dt.date) -> str:
    match = FRONT_MATTER.match(source_text)
    head = (match.group(1) or "") if match else ""
    newline = "\r\n" if head.endswith("\r\n") else "\n"
    block = newline.join([
        "translation:",
        f"  source_hash: {content_hash(source_body)}",
        f"  translated_on: {today.isoformat()}",
        "  status: machine",
        "",
    ])
    return f"---{newline}{head}{block}---{newline}{source_body}"


def new_translation(root: Path, page: str, lang: str, today: dt.date | None = None) -> Path:
    """Create PAGE's translation into LANG; return the new file."""
    source_path, path = source_and_translation(root, page, lang)
    if path.exists():
        raise UsageError(f"{path.relative_to(root)} already exists; edit it instead "
                         "(`kb translations status` shows whether it is outdated)")
    source = load(source_path, root / "docs")
    if not source.meta:
        raise UsageError(f"{source_path.relative_to(root)} has no front matter; fix the Swedish page first "
                         "(`kb content check` explains what is missing)")
    write_new(path, translation_text(source_path.read_text(encoding="utf-8"), source.body,
                                     today or dt.date.today()))
    return path
