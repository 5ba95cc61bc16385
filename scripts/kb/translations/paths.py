"""Resolve a page and language given on the command line to files in docs/."""
from __future__ import annotations

from pathlib import Path

from kb.pages import locale_of, translation_rel
from kb.project import LOCALES, SOURCE_LOCALE


class UsageError(ValueError):
    """Bad input from the person running a command; the message says how to fix it."""


def docs_rel(root: Path, page: str) -> str:
    """'docs/a/b.md' (from the project root, or absolute) or 'a/b.md' (in docs/) -> 'a/b.md'."""
    docs = (root / "docs").resolve()
    for candidate in (root / page, docs / page):
        try:
            return candidate.resolve().relative_to(docs).as_posix()
        except ValueError:
            continue
    raise UsageError(f"{page} is not a page in {root / 'docs'}")


def check_lang(lang: str) -> None:
    others = [locale for locale in LOCALES if locale != SOURCE_LOCALE]
    if lang not in others:
        raise UsageError(f"unknown language {lang!r}; use one of: {', '.join(others)}")


def source_and_translation(root: Path, page: str, lang: str) -> tuple[Path, Path]:
    """(Swedish source, its translation into `lang`) for a page given as either."""
    check_lang(lang)
    rel = docs_rel(root, page)
    if not rel.endswith(".md"):
        raise UsageError(f"{page} is not a Markdown page (.md)")
    locale, source_rel = locale_of(rel)
    if locale not in (SOURCE_LOCALE, lang):
        raise UsageError(f"{page} is the {locale} translation, not a page to translate into {lang}; "
                         f"give the Swedish page {source_rel}")
    docs = root / "docs"
    source = docs / source_rel
    if not source.is_file():
        raise UsageError(f"the Swedish page docs/{source_rel} does not exist")
    return source, docs / translation_rel(source_rel, lang)
