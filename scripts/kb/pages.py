"""Pages in docs/: front matter, translations and the source hash.

The docs use mkdocs-static-i18n's suffix structure: the Swedish source is
`path/page.md`, its translations sit next to it as `path/page.<locale>.md`.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kb.findings import KbError
from kb.project import LOCALES, SOURCE_LOCALE

# libyaml's safe loader when PyYAML has it: same results, several times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
OPENING = re.compile(r"\A---[ \t]*\r?\n")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)


class FrontMatterError(KbError, ValueError):
    """Front matter that cannot be read; `line` is 1-based within the file (callers set `path`)."""

    def __init__(self, message: str, line: int = 1, path: str | None = None):
        super().__init__(message, path, line)


@dataclass
class Page:
    path: Path          # the file on disk
    rel: str            # path relative to docs/, with '/' separators
    locale: str         # sv for the source, else the translation's locale
    source_rel: str     # the Swedish source this page is (or translates), relative to docs/
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the body's first line in the file
    meta_lines: dict = field(default_factory=dict)  # top-level key -> line number

    @property
    def is_translation(self) -> bool:
        return self.locale != SOURCE_LOCALE


UNCLOSED = ("front matter opened with `---` on line 1 is never closed: add a line with only `---` after its "
            "last `key: value` line (without it the front matter would be published as page text)")


def _front_matter(text: str) -> tuple[str, re.Match | None]:
    """(text without a BOM, the front matter's match or None). A BOM (some Windows editors add one)
    must not hide the front matter. Raises FrontMatterError when it opens but never closes."""
    text = text.removeprefix("\ufeff")
    match = FRONT_MATTER.match(text)
    if not match and OPENING.match(text):
        raise FrontMatterError(UNCLOSED, 1)
    return text, match


def unclosed_front_matter(text: str) -> bool:
    """True when the text opens front matter with `---` but never closes it (cheap: no YAML parsing)."""
    try:
        _front_matter(text)
    except FrontMatterError:
        return True
    return False


def body_of(text: str) -> str:
    """The page body without its front matter, without reading the YAML (git history has
    hundreds of versions whose front matter nothing looks at). Raises FrontMatterError if the
    front matter never closes."""
    text, match = _front_matter(text)
    return text[match.end():] if match else text


def split_front_matter(text: str) -> tuple[dict, str, int, dict]:
    """Return (meta, body, body_line, key_lines). Raises FrontMatterError."""
    text, match = _front_matter(text)
    if not match:
        return {}, text, 1, {}
    raw = match.group(1) or ""
    try:
        meta = yaml.load(raw, Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"front matter is not valid YAML: {problem}", line) from None
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a mapping of `key: value` lines", 2)
    key_lines: dict[str, int] = {}
    for number, line in enumerate(raw.splitlines(), start=2):
        key = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if key:
            key_lines.setdefault(key.group(1), number)
    body_line = text[: match.end()].count("\n") + 1
    return meta, text[match.end():], body_line, key_lines


def locale_of(rel: str) -> tuple[str, str]:
    """('a/b.en.md') -> ('en', 'a/b.md'); a Swedish source returns ('sv', rel)."""
    stem, _, _ = rel.rpartition(".md")
    for locale in LOCALES:
        if locale != SOURCE_LOCALE and stem.endswith("." + locale):
            return locale, stem[: -len(locale) - 1] + ".md"
    return SOURCE_LOCALE, rel


def translation_rel(source_rel: str, locale: str) -> str:
    """The path of `source_rel`'s translation into `locale`, relative to docs/."""
    if locale == SOURCE_LOCALE:
        return source_rel
    return source_rel[: -len(".md")] + f".{locale}.md"


def read_page(path: Path, docs_dir: Path) -> Page:
    """Read one page. Raises FrontMatterError on unreadable front matter."""
    rel = path.relative_to(docs_dir).as_posix()
    locale, source_rel = locale_of(rel)
    text = path.read_text(encoding="utf-8")
    meta, body, body_line, key_lines = split_front_matter(text)
    return Page(path, rel, locale, source_rel, meta, body, body_line, key_lines)


def iter_markdown(docs_dir: Path):
    """Every Markdown file under docs_dir, in a stable order."""
    yield from sorted(p for p in docs_dir.rglob("*.md") if p.is_file())


def content_hash(body: str) -> str:
    """The hash a translation records of its Swedish source's body.

    Line endings and trailing whitespace are normalised so that an editor's
    settings do not mark every translation outdated.
    """
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    normalised = "\n".join(lines).strip() + "\n"
    return "sha256:" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]
