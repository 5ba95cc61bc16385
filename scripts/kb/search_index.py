"""One search index per language, in plain text for the site's search worker.

mkdocs-static-i18n stacks every language's entries into one root index, so a
reader searching in Somali would download (and get results in) all eight
languages. After the build we split it: `<locale>/search/search_index.json`
holds that language's pages (plus the Swedish pages it falls back to).

The entries keep Material's shape (location, title, text) but their text is
plain: the search worker (overrides/assets/javascripts/search-worker.js) does
the language work – folding, stemming, prefixes, typos – and marks matches in
snippets itself, so markup in the index would only cost bytes. `config.lang`
names the language whose rules the worker applies.
"""
from __future__ import annotations

import copy
import html
import re

TAG = re.compile(r"<[^>]+>")
# Block-level ends become spaces so words of neighbouring list items or cells do not run together.
BLOCK_END = re.compile(r"</(p|li|td|th|h[1-6]|dd|dt|div|blockquote|pre|tr)>|<br\s*/?>", re.I)
SPACE = re.compile(r"\s+")


def plain_text(markup: str) -> str:
    """Text of an HTML fragment: tags dropped, entities decoded, white space collapsed."""
    text = TAG.sub("", BLOCK_END.sub(" ", markup))
    return SPACE.sub(" ", html.unescape(text)).strip()


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def _entry(entry: dict) -> dict:
    return {"location": entry["location"], "title": plain_text(entry.get("title") or ""),
            "text": plain_text(entry.get("text") or "")}


def split_index(index: dict, locales: list[str], source: str, has_page) -> dict[str, dict]:
    """Return {locale: index}. `has_page(locale, page_location)` tells whether
    the built site has that page in that language (as a translation or a fallback)."""
    prefixes = tuple(f"{locale}/" for locale in locales if locale != source)
    by_locale: dict[str, list] = {locale: [] for locale in locales}
    for entry in index["docs"]:
        location = entry["location"]
        owner = next((p[:-1] for p in prefixes if location.startswith(p)), source)
        entry = _entry(entry)
        if owner != source:
            entry["location"] = location[len(owner) + 1:]
        by_locale[owner].append(entry)

    result = {}
    for locale in locales:
        entries = by_locale[locale]
        if locale != source:
            translated = {_page(e["location"]) for e in entries}
            entries = entries + [
                e for e in by_locale[source]
                if _page(e["location"]) not in translated and has_page(locale, _page(e["location"]))
            ]
        config = copy.deepcopy(index["config"])
        config["lang"] = [locale]
        config["pipeline"] = []  # no lunr pipeline: the search worker has its own per language
        result[locale] = {"config": config, "docs": entries}
    return result
