"""The site's UI strings per language, read from overrides/partials/languages/<locale>.html.

Those files are Jinja macros holding one dictionary literal (Material's format);
this reads the `"key": "value"` lines without running Jinja, so the checks can
compare page text with the labels readers see (the quick-exit label) and know
whether a language's UI strings are reviewed (`kb.ui_review`).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from kb.findings import KbError
from kb.project import ROOT

FOLDER = ROOT / "overrides" / "partials" / "languages"
ENTRY = re.compile(r'^\s*("(?:[^"\\]|\\.)*")\s*:\s*("(?:[^"\\]|\\.)*")\s*,?\s*$')
REVIEW_KEY = "kb.ui_review"


class UiStringsError(KbError):
    pass


def load(locale: str, folder: Path = FOLDER) -> dict[str, str]:
    """{key: value} of one language's UI strings file; {} when the file does not exist."""
    path = folder / f"{locale}.html"
    if not path.exists():
        return {}
    strings: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = ENTRY.match(line)
        if not match:
            continue
        try:
            key, value = json.loads(match.group(1)), json.loads(match.group(2))
        except json.JSONDecodeError as error:
            raise UiStringsError(f"cannot read this UI string: {error.msg}", path, number,
                                 'write each string as "key": "value", with \\" for a quote') from None
        strings[key] = value
    return strings


def reviewed(strings: dict[str, str]) -> bool:
    """True when a qualified translator reviewed the language's UI strings (kb.ui_review: reviewed)."""
    return strings.get(REVIEW_KEY) == "reviewed"
