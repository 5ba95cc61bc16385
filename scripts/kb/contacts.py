"""Phone numbers: data/contacts.yml is the one place every number comes from.

In the rendered pages each registered number becomes a dialable `tel:` link
(or, inside an existing link, an isolated run of text) marked left-to-right:
in Arabic, Persian, Dari and Sorani text a number such as "020-57 70 70"
would otherwise be shown with its groups in reverse order.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from kb.findings import KbError
from kb.project import DATA_DIR

CONTACTS = DATA_DIR / "contacts.yml"
TAG = re.compile(r"(<[^>]+>)")
# Text around a number that shows it is part of something else (a date, an SFS number, a line reference).
EDGE_BEFORE = r"(?<![\w:§./\-–+])"
EDGE_AFTER = r"(?![\w:§/\-–]|[ \u00a0]\d)"


REQUIRED = ("number", "name", "source", "checked")
FIX = "every entry is `- number: \"…\"` with `name:`, `source:` (https://…) and `checked:` (YYYY-MM-DD) under it"


class ContactsError(KbError, ValueError):
    """data/contacts.yml cannot be used. A KbError with the file and line, so the CLI
    prints `error: data/contacts.yml:12: …` (exit 3) and the build stops with the same text."""


def load(path: Path = CONTACTS) -> tuple[dict, ...]:
    """Read and validate the registry (not cached: `mkdocs serve` must see every edit; the plugin reads it once per build).

    Raises ContactsError naming the file and line on anything it cannot use.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContactsError(f"cannot read the phone number registry: {exc.strerror or exc}", path,
                            hint="restore it from git: `git checkout main -- data/contacts.yml`") from None
    try:
        root = yaml.compose(text)
        entries = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ContactsError(f"not valid YAML: {problem}", path, mark.line + 1 if mark else 0,
                            "YAML needs `key: value` on each line and the same indentation for the keys of "
                            "one entry; quote numbers, e.g. number: \"020-50 50 50\"") from None
    if not isinstance(entries, list):
        raise ContactsError("the registry must be a list of entries, each starting with `- number:`", path, 1, FIX)
    nodes = root.value if isinstance(root, yaml.SequenceNode) else []
    for index, entry in enumerate(entries):
        line = nodes[index].start_mark.line + 1 if index < len(nodes) else 0
        if not isinstance(entry, dict):
            raise ContactsError(f"entry {index + 1} is not a mapping of `key: value` lines", path, line, FIX)
        for key in REQUIRED:
            if not entry.get(key):
                raise ContactsError(f"entry {index + 1} ({entry.get('number', '?')}): missing `{key}`", path, line,
                                    FIX + "; never add a number without its source and the date you checked it")
        if not isinstance(entry["number"], str):
            raise ContactsError(f"entry {index + 1}: the number {entry['number']!r} must be quoted text", path, line,
                                f'write it exactly as the pages show it, in quotes: number: "{entry["number"]}"')
    return tuple(entries)


def dial(number: str) -> str:
    """The tel: form of a Swedish number as written on the page."""
    return "tel:" + re.sub(r"[^\d+]", "", number)


def pattern(numbers) -> re.Pattern:
    alternatives = sorted((re.escape(n).replace(r"\ ", r"[ \u00a0]") for n in numbers), key=len, reverse=True)
    return re.compile(EDGE_BEFORE + "(" + "|".join(alternatives) + ")" + EDGE_AFTER)


def mark_numbers(html: str, numbers) -> str:
    """Wrap each registered number in the page's text (never inside a tag or
    code) as a tel: link, or as <bdi dir="ltr"> where it is already in a link."""
    regex = pattern(numbers)
    out, in_link, in_code = [], 0, 0
    for part in TAG.split(html):
        if part.startswith("<"):
            name = re.match(r"</?\s*(\w+)", part)
            if name:
                tag = name.group(1).lower()
                closing = part.startswith("</")
                if tag == "a":
                    in_link += -1 if closing else 1
                elif tag in ("code", "pre", "script", "style", "title"):
                    in_code += -1 if closing else 1
            out.append(part)
        elif in_code or not part.strip():
            out.append(part)
        elif in_link:
            out.append(regex.sub(lambda m: f'<bdi dir="ltr">{m.group(1)}</bdi>', part))
        else:
            out.append(regex.sub(
                lambda m: f'<a class="kb-tel" href="{dial(m.group(1))}" dir="ltr">{m.group(1)}</a>', part))
    return "".join(out)


def find_numbers(text: str) -> list[tuple[int, str]]:
    """Phone-number-like strings in Markdown text, as (offset, text): what
    `kb content check` compares against the registry."""
    found = re.finditer(EDGE_BEFORE + r"(0\d{1,3}-\d{2,3}(?:[ \u00a0]\d{2,3}){1,3}|1[01]\d(?:[ \u00a0]\d{2,3})+)" + EDGE_AFTER, text)
    return [(m.start(1), m.group(1)) for m in found]
