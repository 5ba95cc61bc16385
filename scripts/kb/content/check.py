"""`kb content check`: every page in docs/ against the schema and the content rules.

Pure: reads files, returns findings, writes nothing (a test hashes docs/ before
and after to prove it). The codes are documented in kb/content/__init__.py.
"""
from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from kb import contacts
from kb.content import phones
from kb.content.markdown import check_body, mask_code
from kb.content.schema import SOURCE_HASH, check_front_matter, key_lines
from kb.findings import ERROR, WARNING, Finding
from kb.pages import FrontMatterError, iter_markdown, read_page
from kb.translations import state as translation_state

WARN_AFTER_MONTHS = 12
FAIL_AFTER_MONTHS = 18
WARNING_CODES = {"KB111", "KB142"}


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (clamped to the month's end)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_docs(docs_dir: Path, today: dt.date, display_root: Path | None = None) -> list[Finding]:
    """Findings for every Markdown page under `docs_dir`.

    File names in findings are relative to `display_root` (default: the
    parent of docs_dir, i.e. the project), so they read `docs/x/page.md`.
    """
    docs_dir = Path(docs_dir)
    root = display_root or docs_dir.parent
    findings: list[Finding] = []
    registry = docs_dir.parent / "data" / "contacts.yml"
    registered = [e["number"] for e in contacts.load(registry if registry.exists() else contacts.CONTACTS)]
    for path in iter_markdown(docs_dir):
        shown = _relative(path, root)
        text = path.read_text(encoding="utf-8")

        def add(line, column, code, message, hint="", shown=shown):
            severity = WARNING if code in WARNING_CODES else ERROR
            findings.append(Finding(shown, line, column, code, message, hint, severity))

        try:
            page = read_page(path, docs_dir)
        except FrontMatterError as exc:
            code = "KB102" if exc.message.startswith("front matter must be a mapping") else "KB101"
            add(exc.line, 0, code, exc.message,
                "YAML needs `key: value` on each line; quote text that contains `: ` or starts with a symbol")
            continue
        if not text.startswith("---"):
            add(1, 0, "KB102", "the page has no front matter",
                "start the file with a --- line, the fields (title, description, audience, owner, "
                "reviewed, sources) and another --- line")
            continue
        for line, code, message, hint in check_front_matter(page.meta, text, page.is_translation):
            add(line, 0, code, message, hint)
        for line, column, code, message, hint in check_body(page.body, page.body_line):
            add(line, column, code, message, hint)
        for line, column, code, message, hint in _phone_numbers(page.body, page.body_line, registered):
            add(line, column, code, message, hint)
        for line, code, message, hint in _review_dates(page, today, key_lines(text)):
            add(line, 0, code, message, hint)
        if page.is_translation:
            for line, code, message, hint in _translation_source(page, docs_dir):
                add(line, 0, code, message, hint)
    return findings


def _phone_numbers(body: str, body_line: int, registered: list[str]) -> list[tuple]:
    """Phone numbers in the text (code excluded) not written as data/contacts.yml has them (KB151/KB152)."""
    text = mask_code(body)
    found = []
    for offset, code, _number, message, hint in phones.check_numbers(text, registered):
        before = text[:offset]
        found.append((body_line + before.count("\n"), offset - before.rfind("\n"), code, message, hint))
    return found


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _review_dates(page, today: dt.date, lines: dict[tuple, int]) -> list[tuple]:
    problems = []
    reviewed = page.meta.get("reviewed")
    line = page.meta_lines.get("reviewed", 1)
    if isinstance(reviewed, dt.date) and not isinstance(reviewed, dt.datetime):
        if reviewed < months_before(today, FAIL_AFTER_MONTHS):
            problems.append((line, "KB112", f"last reviewed {reviewed}, more than {FAIL_AFTER_MONTHS} months ago",
                             "review the page with its owner now and set `reviewed:` to the review date"))
        elif reviewed < months_before(today, WARN_AFTER_MONTHS):
            problems.append((line, "KB111", f"last reviewed {reviewed}, more than {WARN_AFTER_MONTHS} months ago",
                             f"plan a review; after {FAIL_AFTER_MONTHS} months this becomes an error"))
    for key, value, key_line in _dates(page, lines):
        if value > today:
            problems.append((key_line, "KB113", f"`{key}` is in the future ({value})",
                             f"use the date the work was actually done (today is {today})"))
    return problems


def _dates(page, lines: dict[tuple, int]):
    """Every date field of the page with its line, for the future-date rule."""
    meta = page.meta
    if isinstance(meta.get("reviewed"), dt.date):
        yield "reviewed", meta["reviewed"], lines.get(("reviewed",), 1)
    translation = meta.get("translation")
    if isinstance(translation, dict):
        for key in ("translated_on", "reviewed_on"):
            if isinstance(translation.get(key), dt.date):
                yield f"translation.{key}", translation[key], lines.get(("translation", key), 1)
    sources = meta.get("sources")
    if isinstance(sources, list):
        for index, source in enumerate(sources):
            if isinstance(source, dict) and isinstance(source.get("checked"), dt.date):
                yield f"sources[{index + 1}].checked", source["checked"], lines.get(("sources", index, "checked"), 1)


def _translation_source(page, docs_dir: Path) -> list[tuple]:
    source = docs_dir / page.source_rel
    if not source.exists():
        return [(1, "KB141", f"the Swedish source docs/{page.source_rel} does not exist",
                 "translations must sit next to their Swedish page: rename this file, or delete it "
                 "if the Swedish page was removed")]
    recorded = translation_state.record_of(page.meta).get("source_hash")
    if recorded is not None and (not isinstance(recorded, str) or not SOURCE_HASH.match(recorded)):
        return []  # a malformed hash is reported by the schema (KB105)
    try:
        found = translation_state.of(page.meta, read_page(source, docs_dir).body)
    except FrontMatterError:
        return []  # reported on the source page itself
    if found.outdated:   # the same state the banners and `kb translations status` show
        line = page.meta_lines.get("translation", 1)
        if found.unknown_source:
            return []   # outdated because no source_hash is recorded: the schema reports that (KB103)
        return [(line, "KB142", f"the Swedish source changed after this translation was made "
                 f"(recorded {found.recorded_hash}, now {found.current_hash})",
                 "update the translation (`kb translations status` shows what changed), then run "
                 f"`kb translations mark-updated docs/{page.source_rel} {page.locale}`")]
    return []
