"""Record in a translation's front matter that it was reviewed, or updated."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from kb.files import replace
from kb.pages import FrontMatterError, content_hash, split_front_matter
from kb.translations import ui_strings
from kb.translations.frontmatter import set_block_keys, yaml_scalar
from kb.translations.history import History
from kb.translations.paths import UsageError, source_and_translation
from kb.translations.status import load

SCOPES = ("full", "language", "changes")   # whole text against the Swedish / language only / only what changed


def mark_reviewed(root: Path, page: str, lang: str, reviewer_role: str, *,
                  source_current: bool = False, scope: str = "full", today: dt.date | None = None,
                  languages_folder: Path | None = None) -> Path:
    """Set translation.status: reviewed (+ reviewer_role, review_scope, reviewed_on) and return the file.

    `scope` says what the reviewer did (SCOPES). An outdated translation is refused
    unless `source_current` confirms that the reviewer checked it against the
    Swedish text as it is now; then its source_hash is brought up to date as well.
    A page for people at risk (audience `utsatt`) is refused while the language's
    UI strings (quick exit, emergency line, notices) are unreviewed: a reader must
    be able to trust the controls around a reviewed text.
    """
    today = today or dt.date.today()
    if not reviewer_role.strip():
        raise UsageError("--reviewer-role must name the reviewer's role, e.g. \"Auktoriserad translator\"")
    if scope not in SCOPES:
        raise UsageError(f"--scope must be one of: {', '.join(SCOPES)}")
    source_path, path = source_and_translation(root, page, lang)
    source, record = _read(root, source_path, path, lang)
    audience = source.meta.get("audience") or []
    folder = languages_folder or root / "overrides" / "partials" / "languages"
    if "utsatt" in audience and not ui_strings.reviewed(ui_strings.load(lang, folder)):
        raise UsageError(
            f"{path.relative_to(root)} is a page for people at risk, and the {lang} UI strings "
            f"(overrides/partials/languages/{lang}.html: quick exit, emergency line, notices) are not reviewed. "
            "Have a qualified translator review them first and set \"kb.ui_review\": \"reviewed\" there.")
    now = content_hash(source.body)
    values: dict[str, str | None] = {"status": "reviewed", "reviewer_role": yaml_scalar(reviewer_role.strip()),
              "review_scope": scope, "reviewed_on": today.isoformat()}
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


def mark_updated(root: Path, page: str, lang: str, today: dt.date | None = None,
                 source_commit: str | None = None) -> Path:
    """Record that the translation now follows the Swedish text: as it is now, or as it was in
    `source_commit` (the version the translator worked from, when the Swedish page has changed
    again since; the translation then stays outdated against the newer text, as it should).

    Sets source_hash to that Swedish body's hash and translated_on to today.
    The changed text has not been reviewed, so status goes back to machine (and
    reviewer_role/reviewed_on are removed) until `mark_reviewed` records a review.
    """
    source_path, path = source_and_translation(root, page, lang)
    source, record = _read(root, source_path, path, lang)
    followed = content_hash(source.body if source_commit is None else
                            _committed_body(root, source_path, source_commit))
    if record.get("source_hash") == followed:
        raise UsageError(f"{path.relative_to(root)} already follows "
                         f"{'the current Swedish text' if source_commit is None else 'that version'}; nothing to "
                         "record (`kb translations status` lists the outdated translations)")
    since = unchanged_since_outdated(root, source_path, path, record.get("source_hash"))
    if since:
        raise UsageError(
            f"{path.relative_to(root)} has not changed since the Swedish page changed ({since}), so it does not "
            "follow the new Swedish text yet. Update the translation first (`kb translations status` shows what "
            "changed), then run this again.")
    _write(path, {"source_hash": followed,
                  "translated_on": (today or dt.date.today()).isoformat(),
                  "status": "machine", "reviewer_role": None, "review_scope": None, "reviewed_on": None})
    return path


def _committed_body(root: Path, source_path: Path, commit: str) -> str:
    """The Swedish page's body in `commit` (read-only git); a UsageError if git cannot show it."""
    rel = source_path.relative_to(root).as_posix()
    try:
        text = subprocess.run(["git", "show", f"{commit}:./{rel}"], cwd=root, capture_output=True, text=True,
                              check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        raise UsageError(f"--source-commit {commit}: git cannot show {rel} in that commit; give a commit (hash, "
                         "branch or tag) in which the Swedish page exists, e.g. from `git log -- " + rel + "`") from None
    try:
        return split_front_matter(text)[1]
    except FrontMatterError as error:
        raise UsageError(f"--source-commit {commit}: {rel} has unreadable front matter there: {error}") from None


def unchanged_since_outdated(root: Path, source_path: Path, path: Path, recorded: str | None) -> str | None:
    """Where the translation's text was last the same as now, if that is after the Swedish page changed
    away from the `recorded` version (e.g. "commit 1a2b3c4d5e, 2026-11-20"); None when it has changed since,
    or when git history cannot tell."""
    history = History(root)
    if not history.available:
        return None
    source_rel, rel = source_path.relative_to(root).as_posix(), path.relative_to(root).as_posix()
    versions = history.versions(source_rel)   # newest first
    changed_in = None   # the oldest commit whose Swedish text no longer is the recorded version
    for version in versions:
        if version.hash == recorded:
            break
        changed_in = version
    body = load(path, root / "docs").body
    if changed_in is None:
        # The Swedish change is not committed yet: compare with the translation as committed.
        mine = history.versions(rel)
        if mine and content_hash(mine[0].body) == content_hash(body):
            return f"not yet committed; the translation is as in commit {mine[0].commit[:10]}"
        return None
    try:
        then = subprocess.run(["git", "show", f"{changed_in.commit}:./{rel}"], cwd=root, capture_output=True,
                              text=True, check=True).stdout
    except subprocess.CalledProcessError:
        return None   # the translation did not exist then
    try:
        then_body = split_front_matter(then)[1]
    except FrontMatterError:
        return None
    if content_hash(then_body) == content_hash(body):
        return f"commit {changed_in.commit[:10]}, {changed_in.date}"
    return None


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
        error.path = str(path)
        raise error
    return source, record


def _write(path: Path, values: dict[str, str | None]) -> None:
    try:
        text = set_block_keys(path.read_text(encoding="utf-8"), "translation", values)
    except FrontMatterError as error:
        error.path = str(path)
        raise
    replace(path, text)
