"""kb.search_index: the combined i18n index becomes one index per language."""
from kb.search_index import split_index

INDEX = {
    "config": {"lang": ["sv", "en", "ar"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "Start", "text": "sv start"},
        {"location": "a/", "title": "A", "text": "sv a"},
        {"location": "a/#del", "title": "Del", "text": "sv a del"},
        {"location": "b/", "title": "B", "text": "sv b"},
        {"location": "en/", "title": "Start", "text": "en start"},
        {"location": "fa-AF/a/", "title": "A", "text": "prs a"},
    ],
}
LOCALES = ["sv", "en", "fa-AF", "so"]


def built(pages):
    return lambda locale, page: (locale, page) in pages


def test_swedish_index_holds_only_swedish_pages_with_swedish_stemming():
    parts = split_index(INDEX, LOCALES, "sv", built(set()))
    assert [d["text"] for d in parts["sv"]["docs"]] == ["sv start", "sv a", "sv a del", "sv b"]
    assert parts["sv"]["config"]["lang"] == ["sv"]


def test_translations_lose_their_prefix_and_fallbacks_fill_the_gaps():
    parts = split_index(INDEX, LOCALES, "sv", built({("en", "a/"), ("en", "")}))
    en = {d["location"]: d["text"] for d in parts["en"]["docs"]}
    # the translated start page wins over the Swedish one; a/ falls back to Swedish; b/ is not built in en
    assert en == {"": "en start", "a/": "sv a", "a/#del": "sv a del"}


def test_languages_lunr_cannot_stem_get_no_english_stop_words():
    parts = split_index(INDEX, LOCALES, "sv", built(set()))
    assert parts["fa-AF"]["config"]["lang"] == ["en"] and parts["fa-AF"]["config"]["pipeline"] == []
    assert [d["location"] for d in parts["fa-AF"]["docs"]] == ["a/"]
    assert parts["so"]["docs"] == []
    assert INDEX["config"]["pipeline"] == ["stopWordFilter"]  # the input is not modified
