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

from kb.project import DATA_DIR

CONTACTS = DATA_DIR / "contacts.yml"
TAG = re.compile(r"(<[^>]+>)")
# Text around a number that shows it is part of something else (a date, an SFS number, a line reference).
EDGE_BEFORE = r"(?<![\w:§./\-–+])"
EDGE_AFTER = r"(?![\w:§/\-–]|[ \u00a0]\d)"


class ContactsError(ValueError):
    pass


def load(path: Path = CONTACTS) -> tuple[dict, ...]:
    """Read and validate the registry (not cached: `mkdocs serve` must see every edit; the plugin reads it once per build)."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for number, entry in enumerate(entries, start=1):
        for key in ("number", "name", "source", "checked"):
            if not entry.get(key):
                raise ContactsError(f"{path.name}: entry {number} ({entry.get('number', '?')}): missing `{key}`")
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
