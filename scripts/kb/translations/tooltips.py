"""Glossary tooltips in the rendered pages (Material's content.tooltips styles <abbr title>).

From data/glossary.yml, for the language a page is written in:
- on a Swedish page (also when shown as another language's fallback), the first
  occurrence of each term gets its plain definition;
- on a translation, the first occurrence of each Swedish term the glossary keeps
  beside its rendering gets the approved rendering in the reader's language, and
  the word is marked lang="sv" dir="ltr" (screen readers pronounce it as Swedish; in
  right-to-left text it keeps its letters in order).
Text inside links (law citations and phone numbers are links by then), headings,
code and existing tooltips is left alone. Pure: HTML in, HTML out.
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

from kb.htmltext import rewrite_text
from kb.project import SOURCE_LOCALE
from kb.translations.glossary import Term, needle

SKIP = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "title", "button", "svg", "textarea",
        "mark", "h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class Tip:
    pattern: re.Pattern
    title: str
    swedish: bool      # the word is Swedish inside text in another language
    needle: str = ""   # lower-case text every match contains (kb.translations.glossary.needle)


def tips_for(terms: list[Term], locale: str) -> list[Tip]:
    """The tooltips for pages written in `locale`."""
    tips = []
    for term in terms:
        if not term.tooltip:
            continue
        if locale == SOURCE_LOCALE:
            tips += [Tip(_word(pattern), term.definition, False, needle(pattern)) for pattern in term.match]
            continue
        rendering = term.languages.get(locale)
        if rendering and rendering.keep_swedish and rendering.approved:
            tips += [Tip(_word(pattern), rendering.approved, True, needle(pattern)) for pattern in term.match]
    return tips


def _word(pattern: re.Pattern) -> re.Pattern:
    """The pattern as a whole word (a term inside a longer word is not the term)."""
    return re.compile(rf"(?<![\w-])(?:{pattern.pattern})\w*(?![\w-])", pattern.flags)


def add(html: str, tips: list[Tip]) -> str:
    """`html` with the first occurrence of each tip's term wrapped in <abbr title="…">."""
    text = htmllib.unescape(html)
    lowered = text.lower()
    # Most terms are not on a given page; the `in` test spares most of the searches.
    tips = [tip for tip in tips if tip.needle in lowered and tip.pattern.search(text)]
    if not tips:
        return html
    done: set[int] = set()

    def wrap(piece: str) -> str:
        return piece if len(done) == len(tips) else _wrap(piece, tips, done)

    return rewrite_text(html, SKIP, wrap)


def _wrap(piece: str, tips: list[Tip], done: set[int]) -> str:
    text = htmllib.unescape(piece)
    found: list[tuple[int, int, int]] = []
    for index, tip in enumerate(tips):
        if index in done:
            continue
        match = tip.pattern.search(text)
        if match and not any(s < match.end() and match.start() < e for s, e, _ in found):
            found.append((match.start(), match.end(), index))
    if not found:
        return piece
    out, position = [], 0
    for start, end, index in sorted(found):
        tip = tips[index]
        # A term is explained once per page: its other spellings (match patterns) too.
        done.update(i for i, other in enumerate(tips) if other.title == tip.title)
        out.append(htmllib.escape(text[position:start], quote=False))
        word = htmllib.escape(text[start:end], quote=False)
        if tip.swedish:   # the tooltip is in the page's language, the word is Swedish (and left-to-right)
            word = f'<span lang="sv" dir="ltr">{word}</span>'
        out.append(f'<abbr title="{htmllib.escape(tip.title)}">{word}</abbr>')
        position = end
    out.append(htmllib.escape(text[position:], quote=False))
    return "".join(out)
