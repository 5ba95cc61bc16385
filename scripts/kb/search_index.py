"""One search index per language.

mkdocs-static-i18n stacks every language's entries into one root index, so a
reader searching in Somali downloads (and gets results in) all eight
languages. After the build we split it: `<locale>/search/search_index.json`
holds that language's pages (plus the Swedish pages it falls back to), with
the lunr language set for stemming where lunr supports it.
"""
from __future__ import annotations

import copy

# Languages lunr.js (as shipped by Material) can stem; the others get no
# language-specific stemmer or stop words rather than English ones.
LUNR_LANGUAGES = {"sv", "en", "ar"}


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def split_index(index: dict, locales: list[str], source: str, has_page) -> dict[str, dict]:
    """Return {locale: index}. `has_page(locale, page_location)` tells whether
    the built site has that page in that language (as a translation or a fallback)."""
    prefixes = tuple(f"{locale}/" for locale in locales if locale != source)
    by_locale: dict[str, list] = {locale: [] for locale in locales}
    for entry in index["docs"]:
        location = entry["location"]
        owner = next((p[:-1] for p in prefixes if location.startswith(p)), source)
        if owner != source:
            entry = {**entry, "location": location[len(owner) + 1:]}
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
        config["lang"] = [locale if locale in LUNR_LANGUAGES else "en"]
        if locale not in LUNR_LANGUAGES:
            config["pipeline"] = []  # no English stop words on Persian, Somali, ...
        result[locale] = {"config": config, "docs": entries}
    return result
