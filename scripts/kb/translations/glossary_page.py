"""The glossary page in every language, generated from data/glossary.yml.

(The tables carry no class, so Material styles them like every Markdown table.)

docs/om-oss/ordlista-sprak.md and its translations hold a short introduction and
the marker `<!-- kb:glossary -->`; the build (kb plugin, on_page_markdown)
replaces the marker with a table for the language the page is written in:
- Swedish: every term with its rendering in each language;
- a translation: every term in Swedish beside its rendering in that language.
"Swedish word kept beside it" shows as "rendering (Swedish word)"; a rendering a
qualified translator has reviewed is marked ✓. Pure: Markdown in, Markdown out.
"""
from __future__ import annotations

from html import escape

from kb.project import BY_LOCALE, LOCALES, SOURCE_LOCALE
from kb.translations.glossary import Rendering, Term

MARKER = "<!-- kb:glossary -->"
TARGETS = [locale for locale in LOCALES if locale != SOURCE_LOCALE]


def _rendering(term: Term, rendering: Rendering) -> str:
    text = escape(rendering.approved)
    if rendering.keep_swedish:
        text += f' (<span lang="sv" dir="ltr">{escape(term.term)}</span>)'
    if rendering.status == "reviewed":
        text += f' <span title="{escape(rendering.by)}, {rendering.date.isoformat()}">✓</span>'
    return text


def table(terms: list[Term], locale: str) -> str:
    """The HTML table of the glossary for pages written in `locale`."""
    shown = [term for term in terms if term.tooltip and any(r.approved for r in term.languages.values())]
    swedish = BY_LOCALE[SOURCE_LOCALE]
    if locale == SOURCE_LOCALE:
        head = "".join(f'<th scope="col" lang="{BY_LOCALE[t].bcp47}" dir="{BY_LOCALE[t].dir}">'
                       f"{escape(BY_LOCALE[t].name)}</th>" for t in TARGETS)
        rows = []
        for term in shown:
            cells = "".join(
                f'<td lang="{BY_LOCALE[t].bcp47}" dir="{BY_LOCALE[t].dir}">'
                f"{_rendering(term, term.languages[t]) if t in term.languages else '–'}</td>" for t in TARGETS)
            rows.append(f'<tr><th scope="row">{escape(term.term)}</th>{cells}</tr>')
        return (f'<table>\n<thead><tr><th scope="col">{escape(swedish.name)}</th>{head}</tr></thead>\n'
                f"<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")
    language = BY_LOCALE[locale]
    rows = []
    for term in shown:
        rendering = term.languages.get(locale)
        if rendering is None or not rendering.approved:
            continue
        rows.append(f'<tr><th scope="row" lang="sv" dir="ltr">{escape(term.term)}</th>'
                    f"<td>{_rendering(term, rendering)}</td></tr>")
    return (f'<table>\n<thead><tr><th scope="col" lang="sv" dir="ltr">{escape(swedish.name)}</th>'
            f"<th scope=\"col\">{escape(language.name)}</th></tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody>\n</table>")


def expand(markdown: str, terms: list[Term], locale: str) -> str:
    """`markdown` with the marker replaced by the glossary table for `locale` (unchanged without it)."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, table(terms, locale))
