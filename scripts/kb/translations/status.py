"""Translation status: every Swedish page × every other language, one state each.

States, in order of precedence:
  orphan    a translation whose Swedish source does not exist
  missing   no translation into this language yet
  outdated  the Swedish page's body changed since the translation was made
            (its hash differs from translation.source_hash, or no hash is recorded)
  machine   not yet reviewed by a qualified human translator
  current   reviewed, and made from the Swedish text as it is now
The state of one translation comes from kb.translations.state.of (shared with
the readers' banners and the content gate).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from kb.pages import FrontMatterError, Page, content_hash, iter_markdown, read_page
from kb.project import LOCALES, SOURCE_LOCALE
from kb.translations.history import History
from kb.translations.state import of as state_of

STATES = ("current", "outdated", "machine", "missing", "orphan")
TARGET_LOCALES = [locale for locale in LOCALES if locale != SOURCE_LOCALE]


@dataclass
class Entry:
    page: str                       # the Swedish source, relative to docs/
    lang: str
    state: str
    source_changed_on: str | None   # date of the commit where the Swedish body last changed
    translation: str | None = None  # the translation's path relative to docs/, if it exists
    recorded_hash: str | None = None
    current_hash: str | None = None

    def as_json(self) -> dict:
        return {"page": self.page, "lang": self.lang, "state": self.state,
                "source_changed_on": self.source_changed_on}


def translation_state(translation: Page, source_body: str) -> tuple[str, str | None]:
    """(state, recorded hash) of an existing translation whose source exists (see kb.translations.state)."""
    found = state_of(translation.meta, source_body)
    return found.state, found.recorded_hash


def collect(root: Path, history: History | None = None) -> list[Entry]:
    """The status matrix for the project at `root` (its pages are in root/docs).

    Raises kb.pages.FrontMatterError (with `.path` set) for a page that cannot be read.
    """
    docs = root / "docs"
    history = history or History(root)
    sources: dict[str, Page] = {}
    translations: dict[tuple[str, str], Page] = {}
    for path in iter_markdown(docs):
        page = load(path, docs)
        if page.is_translation:
            translations[(page.source_rel, page.locale)] = page
        else:
            sources[page.rel] = page
    entries = []
    for rel, source in sources.items():
        changed_on = history.changed_on(f"docs/{rel}", source.body)
        now = content_hash(source.body)
        for lang in TARGET_LOCALES:
            translation = translations.get((rel, lang))
            if translation is None:
                entries.append(Entry(rel, lang, "missing", changed_on, current_hash=now))
                continue
            state, recorded = translation_state(translation, source.body)
            entries.append(Entry(rel, lang, state, changed_on, translation.rel, recorded, now))
    for (rel, lang), translation in translations.items():
        if rel not in sources:
            entries.append(Entry(rel, lang, "orphan", None, translation.rel))
    return sorted(entries, key=lambda e: (e.page, TARGET_LOCALES.index(e.lang)))


def totals(entries: list[Entry]) -> dict[str, dict[str, int]]:
    """{lang: {state: count}} with every language and state present."""
    counts = {lang: dict.fromkeys(STATES, 0) for lang in TARGET_LOCALES}
    for entry in entries:
        counts[entry.lang][entry.state] += 1
    return counts


def source_diff(root: Path, entry: Entry, history: History | None = None) -> tuple[str | None, str]:
    """What changed in the Swedish source since `entry`'s translation was made.

    Returns (unified diff or None, a sentence explaining the result).
    """
    history = history or History(root)
    rel = f"docs/{entry.page}"
    if not entry.recorded_hash:
        return None, (f"docs/{entry.translation} records no translation.source_hash, so the Swedish "
                      "version it was made from is unknown; compare the whole page by hand")
    if not history.available:
        return None, "no git history here, so the earlier Swedish version cannot be shown"
    old = history.find(rel, entry.recorded_hash)
    if old is None:
        return None, (f"no committed version of {rel} has the recorded hash {entry.recorded_hash}; "
                      "compare the whole page by hand")
    now = read_page(root / rel, root / "docs").body
    diff = difflib.unified_diff(
        old.body.splitlines(keepends=True), now.splitlines(keepends=True),
        fromfile=f"{rel} @ {old.commit[:10]} ({old.date}, translated from)",
        tofile=f"{rel} (now)")
    text = "".join(line if line.endswith("\n") else line + "\n" for line in diff)
    return text, f"the Swedish text changed since version {old.commit[:10]} ({old.date})"


def load(path: Path, docs: Path) -> Page:
    """kb.pages.read_page, but a FrontMatterError also carries the file's `path`."""
    try:
        return read_page(path, docs)
    except FrontMatterError as error:
        error.path = str(path)
        raise

