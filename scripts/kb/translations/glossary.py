"""data/glossary.yml: each Swedish term, its definition and its approved rendering per language.

`load()` validates the file and returns `Term`s; every problem is a GlossaryError
naming the file and line. The schema is described at the top of the data file.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import yaml

from kb.findings import KbError
from kb.project import DATA_DIR, LOCALES, SOURCE_LOCALE

GLOSSARY = DATA_DIR / "glossary.yml"
TARGETS = [locale for locale in LOCALES if locale != SOURCE_LOCALE]
STATUSES = ("machine", "reviewed")


class GlossaryError(KbError):
    pass


@dataclass(frozen=True)
class Rendering:
    approved: str              # empty only for a ui_key term whose UI string is missing
    forms: tuple[str, ...]
    keep_swedish: bool
    avoid: tuple[str, ...]
    status: str                # machine | reviewed
    date: dt.date
    by: str = ""
    line: int = 0

    @property
    def accepted(self) -> tuple[str, ...]:
        return tuple(f for f in (self.approved, *self.forms) if f)


@dataclass(frozen=True)
class Term:
    term: str
    match: tuple[re.Pattern, ...]
    definition: str
    languages: dict[str, Rendering] = field(default_factory=dict)
    ui_key: str | None = None
    line: int = 0
    tooltip: bool = True       # explained on first use in pages (kb.translations.tooltips)

    def finditer(self, text: str):
        """(start, end) of every occurrence of the term in Swedish `text`."""
        for pattern in self.match:
            for found in pattern.finditer(text):
                yield found.start(), found.end()

    def in_text(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.match)


def _lines(node) -> dict:
    """Line numbers (1-based) of a composed YAML node's items: list index or mapping key -> line."""
    if isinstance(node, yaml.SequenceNode):
        return {i: item.start_mark.line + 1 for i, item in enumerate(node.value)}
    if isinstance(node, yaml.MappingNode):
        return {key.value: value.start_mark.line + 1 for key, value in node.value}
    return {}


def load(path: Path = GLOSSARY, ui: dict[str, dict[str, str]] | None = None) -> list[Term]:
    """The glossary's terms. `ui` ({locale: {key: value}}) fills in ui_key terms' renderings."""
    shown = path.name if path.parent == DATA_DIR else str(path)
    shown = f"data/{path.name}" if path.parent == DATA_DIR else shown

    def fail(message: str, line: int, hint: str = "see the schema at the top of data/glossary.yml") -> NoReturn:
        raise GlossaryError(message, shown, line, hint)

    text = path.read_text(encoding="utf-8")
    try:
        # libyaml when PyYAML has it: the same data and line marks, ten times faster (every build reads this).
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data, root = yaml.load(text, Loader=loader), yaml.compose(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        fail(f"not valid YAML: {getattr(error, 'problem', error)}", mark.line + 1 if mark else 1,
             "check the indentation and quote text that contains `: `")
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        fail("the glossary must be a list of terms (`- term: …`)", 1)
    item_lines = _lines(root)
    terms, seen = [], set()
    for index, entry in enumerate(data):
        line = item_lines.get(index, 1)
        key_lines = _lines(root.value[index])
        if not isinstance(entry, dict):
            fail("each entry must be a mapping with term, match, definition and languages", line)
        for key in ("term", "match", "definition", "languages"):
            if not entry.get(key):
                fail(f"entry {entry.get('term', index + 1)!r} has no `{key}`", line)
        unknown = set(entry) - {"term", "match", "definition", "languages", "ui_key", "tooltip"}
        if unknown:
            fail(f"unknown key(s) {', '.join(sorted(unknown))} in {entry['term']!r}", line)
        if entry["term"] in seen:
            fail(f"{entry['term']!r} is listed twice", line, "merge the two entries")
        seen.add(entry["term"])
        patterns = []
        for pattern in entry["match"] if isinstance(entry["match"], list) else [entry["match"]]:
            try:
                patterns.append(re.compile(str(pattern), re.I))
            except re.error as error:
                fail(f"match pattern {pattern!r} of {entry['term']!r} is not a valid regular expression: {error}",
                     key_lines.get("match", line))
        languages_node = next(v for k, v in root.value[index].value if k.value == "languages")
        language_lines = _lines(languages_node)
        renderings = {}
        for locale, value in entry["languages"].items():
            where = language_lines.get(locale, line)
            if locale not in TARGETS:
                fail(f"unknown language {locale!r} in {entry['term']!r}; use one of {', '.join(TARGETS)}", where)
            if not isinstance(value, dict):
                fail(f"{entry['term']!r} {locale}: write {{approved: …, keep_swedish: …, avoid: […], review: …}}", where)
            approved = value.get("approved")
            if entry.get("ui_key"):
                approved = (ui or {}).get(locale, {}).get(entry["ui_key"], approved or "")
            elif not isinstance(approved, str) or not approved.strip():
                fail(f"{entry['term']!r} {locale}: no approved rendering", where)
            review = value.get("review")
            if not isinstance(review, dict) or review.get("status") not in STATUSES \
                    or not isinstance(review.get("date"), dt.date):
                fail(f"{entry['term']!r} {locale}: review must be {{status: machine|reviewed, date: YYYY-MM-DD}}",
                     where, "a rendering nobody has checked yet is `status: machine`")
            if review["status"] == "reviewed" and not review.get("by"):
                fail(f"{entry['term']!r} {locale}: a reviewed rendering needs `by:` (the reviewer's role)", where)
            if not isinstance(value.get("keep_swedish"), bool):
                fail(f"{entry['term']!r} {locale}: keep_swedish must be true or false", where)
            avoid = value.get("avoid", [])
            forms = value.get("forms", [])
            if not isinstance(avoid, list) or not isinstance(forms, list):
                fail(f"{entry['term']!r} {locale}: avoid and forms must be lists", where)
            clash = [a for a in avoid if any(a in f for f in (approved or "", *forms))]
            if clash:
                fail(f"{entry['term']!r} {locale}: {clash[0]!r} is both avoided and part of an accepted form", where)
            renderings[locale] = Rendering(str(approved or ""), tuple(map(str, forms)), value["keep_swedish"],
                                           tuple(map(str, avoid)), review["status"], review["date"],
                                           str(review.get("by", "")), where)
        if not isinstance(entry.get("tooltip", True), bool):
            fail(f"{entry['term']!r}: tooltip must be true or false", key_lines.get("tooltip", line))
        terms.append(Term(str(entry["term"]), tuple(patterns), str(entry["definition"]).strip(), renderings,
                          entry.get("ui_key"), line, entry.get("tooltip", True)))
    return terms


LEADING_LITERAL = re.compile(r"[^\\.^$*+?{}\[\]|()]+")


@functools.lru_cache(maxsize=1024)
def needle(pattern: re.Pattern) -> str:
    """Lower-case text that every match of the case-insensitive `pattern` contains (its leading
    literal), or '': a cheap `in` test before a search over a whole page."""
    found = LEADING_LITERAL.match(pattern.pattern)
    literal = found.group() if found else ""
    if pattern.pattern[len(literal):][:1] in ("?", "*", "{"):
        literal = literal[:-1]   # its last character is optional
    return literal.lower() if pattern.flags & re.I else ""
