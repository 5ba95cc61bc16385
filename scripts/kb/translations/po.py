"""A language's UI strings as a PO file for translation tools (Poedit, Weblate, Lokalise …), and back.

Export: one entry per UI string the reader sees in that language – msgctxt is the
key, msgid the Swedish string, msgstr the language's string as the site shows it
(the site's override, else Material's own translation). Entries are marked
`fuzzy` while the language's UI strings are unreviewed (kb.ui_review).
Import: every msgstr that differs from what the site shows is written into
overrides/partials/languages/<locale>.html (an existing line changes in place,
a new key is added before kb.ui_review); nothing else in the file changes.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from kb.files import replace
from kb.findings import KbError
from kb.translations import ui_strings

SKIP = {"language", "direction", ui_strings.REVIEW_KEY}
ENTRY_LINE = re.compile(r'^(\s*)("(?:[^"\\]|\\.)*")\s*:\s*("(?:[^"\\]|\\.)*")(\s*,?)\s*$')


class PoError(KbError):
    pass


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def effective(locale: str, folder: Path, material: Path) -> dict[str, str]:
    """What readers see in `locale`: Material's own strings (if any), then the site's."""
    return {**ui_strings.load_material(locale, material), **ui_strings.load(locale, folder)}


def export(locale: str, folder: Path, material: Path) -> str:
    swedish = effective("sv", folder, material)
    strings = effective(locale, folder, material)
    fuzzy = not ui_strings.reviewed(ui_strings.load(locale, folder))
    out = [f'# UI strings of the knowledge base, Swedish -> {locale}.',
           "# Translate msgstr; keep {number}, {date}, {role}, {reviewed} and # as they are.",
           'msgid ""', 'msgstr ""', '"Project-Id-Version: kunskapsbank-ui\\n"', '"MIME-Version: 1.0\\n"',
           '"Content-Type: text/plain; charset=UTF-8\\n"', '"Content-Transfer-Encoding: 8bit\\n"',
           f'"Language: {locale}\\n"', ""]
    for key in sorted(swedish):
        if key in SKIP or key.startswith("search.config"):
            continue
        if fuzzy:
            out.append("#, fuzzy")
        out += [f"msgctxt {_quote(key)}", f"msgid {_quote(swedish[key])}", f"msgstr {_quote(strings.get(key, ''))}", ""]
    return "\n".join(out)


def parse(text: str, source: str = "the PO file") -> list[tuple[str, str, str, int]]:
    """(key, msgid, msgstr, line) of each entry with a msgctxt."""
    entries: list[tuple[str, str, str, int]] = []
    current: dict[str, str] = {}
    field: str | None = None
    line_of = 0
    for number, line in enumerate(text.splitlines() + [""], start=1):
        stripped = line.strip()
        match = re.match(r'^(msgctxt|msgid|msgstr)\s+(".*")$', stripped)
        if match:
            if match.group(1) == "msgctxt" or (match.group(1) == "msgid" and "msgctxt" not in current):
                if current.get("msgctxt") is not None:
                    entries.append((current["msgctxt"], current.get("msgid", ""), current.get("msgstr", ""), line_of))
                current, line_of = {}, number
            field = match.group(1)
            current[field] = _unquote(match.group(2))
        elif stripped.startswith('"') and field:
            current[field] += _unquote(stripped)
        elif stripped and not stripped.startswith("#"):
            raise PoError(f"cannot read this line of {source}", source, number,
                          'each entry is msgctxt "key", msgid "…", msgstr "…"')
    if current.get("msgctxt") is not None:
        entries.append((current["msgctxt"], current.get("msgid", ""), current.get("msgstr", ""), line_of))
    return entries


def import_po(locale: str, text: str, folder: Path, material: Path, source: str = "the PO file") -> list[str]:
    """Write the PO file's changed strings into the language's UI strings file; return the changed keys."""
    path = folder / f"{locale}.html"
    if not path.exists():
        raise PoError(f"{path} does not exist", str(path))
    known = effective("sv", folder, material)
    shown = effective(locale, folder, material)
    changes: dict[str, str] = {}
    for key, _msgid, msgstr, line in parse(text, source):
        if key not in known:
            raise PoError(f"unknown UI string {key!r}", source, line, "export a fresh PO file and translate that one")
        if msgstr and msgstr != shown.get(key):
            for placeholder in re.findall(r"\{\w+\}", known[key]):
                if placeholder not in msgstr:
                    raise PoError(f"{key}: the translation drops the placeholder {placeholder}", source, line,
                                  "keep {number}, {date}, {role} and {reviewed} exactly as in the Swedish string")
            changes[key] = msgstr
    if not changes:
        return []
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    pending = dict(changes)
    for index, entry in enumerate(lines):
        match = ENTRY_LINE.match(entry.rstrip("\n"))
        if match and json.loads(match.group(2)) in pending:
            key = json.loads(match.group(2))
            lines[index] = f"{match.group(1)}{match.group(2)}: {json.dumps(pending.pop(key), ensure_ascii=False)}{match.group(4)}\n"
    if pending:
        at = next((i for i, entry in enumerate(lines) if entry.strip().startswith(f'"{ui_strings.REVIEW_KEY}"')), None)
        if at is None:
            raise PoError(f"{path} has no \"{ui_strings.REVIEW_KEY}\" line to add new strings before", str(path))
        lines[at:at] = [f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n" for key, value in pending.items()]
    text = "".join(lines)
    replace(path, text)
    loaded = ui_strings.load(locale, folder)
    wrong = [key for key, value in changes.items() if loaded.get(key) != value]
    if wrong:
        raise PoError(f"{path}: {', '.join(wrong)} could not be read back after the import", str(path))
    return sorted(changes)
