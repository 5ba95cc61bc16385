"""Record in a translation's front matter that it was reviewed, or updated."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from kb.pages import FrontMatterError, content_hash
from kb.files import replace
from kb.translations.frontmatter import set_block_keys, yaml_scalar
from kb.translations.paths import UsageError, source_and_translation
from kb.translations.status import load


def mark_reviewed(root: Path, page: str, lang: str, reviewer_role: str, *,
                  source_current: bool = False, today: dt.date | None = None) -> Path:
    """Set translation.status: reviewed (+ reviewer_role, reviewed_on) and return the file.

    An outdated translation is refused unless `source_current` confirms that the
    reviewer checked it against the Swedish text as it is now; then its
    source_hash is brought up to date as well.
    """
    today = today or dt.date.today()
    if not reviewer_role.strip():
        raise UsageError("--reviewer-role must name the reviewer's role, e.g. \"Auktoriserad translator\"")
    source_path, path = source_and_translation(root, page, lang)
    source, record = _read(root, source_path, path, lang)
    now = content_hash(source.body)
    values = {"status": "reviewed", "reviewer_role": yaml_scalar(reviewer_role.strip()),
              "reviewed_on": today.isoformat()}
    if record.get("source_hash") != now:
        if not source_current:
            raise UsageError(
                f"{path.relative_to(root)} is outdated: the Swedish page {source_path.relative_to(root)} "
                f"changed since it was translated (recorded {record.get('source_hash')}, now {now}). "
                "Update the translation first (`kb translations status` shows what changed) and record "
                f"that with `kb translations mark-updated {page} {lang}`; or, if you reviewed it against the "
                "current Swedish text, run again with --source-current.")
        values["source_hash"] = now
    _write(path, values)
    return path


def mark_updated(root: Path, page: str, lang: str, today: dt.date | None = None) -> Path:
    """Record that the translation now follows the current Swedish text.

    Sets source_hash to the Swedish body's hash now and translated_on to today.
    The changed text has not been reviewed, so status goes back to machine (and
    reviewer_role/reviewed_on are removed) until `mark_reviewed` records a review.
    """
    source_path, path = source_and_translation(root, page, lang)
    source, record = _read(root, source_path, path, lang)
    if record.get("source_hash") == content_hash(source.body):
        raise UsageError(f"{path.relative_to(root)} already follows the current Swedish text; nothing to record "
                         "(`kb translations status` lists the outdated translations)")
    _write(path, {"source_hash": content_hash(source.body),
                  "translated_on": (today or dt.date.today()).isoformat(),
                  "status": "machine", "reviewer_role": None, "reviewed_on": None})
    return path


def _read(root: Path, source_path: Path, path: Path, lang: str):
    """(Swedish page, translation block) with clear errors for what is missing."""
    docs = root / "docs"
    if not path.exists():
        raise UsageError(f"{path.relative_to(root)} does not exist; create it with "
                         f"`kb new translation {source_path.relative_to(docs).as_posix()} {lang}`")
    source, translation = load(source_path, docs), load(path, docs)
    record = translation.meta.get("translation")
    if not isinstance(record, dict):
        error = FrontMatterError("front matter has no `translation:` block; a translation needs one "
                                 "(`kb new translation` writes it)", translation.meta_lines.get("translation", 1))
        error.path = path
        raise error
    return source, record


def _write(path: Path, values: dict[str, str | None]) -> None:
    try:
        text = set_block_keys(path.read_text(encoding="utf-8"), "translation", values)
    except FrontMatterError as error:
        error.path = path
        raise
    replace(path, text)
