"""kb.search_index: the combined i18n index becomes one plain-text index per language."""
from kb.search_index import plain_text, split_index

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


def test_swedish_index_holds_only_swedish_pages_for_the_swedish_rules():
    parts = split_index(INDEX, LOCALES, "sv", built(set()))
    assert [d["text"] for d in parts["sv"]["docs"]] == ["sv start", "sv a", "sv a del", "sv b"]
    assert parts["sv"]["config"]["lang"] == ["sv"]


def test_translations_lose_their_prefix_and_fallbacks_fill_the_gaps():
    parts = split_index(INDEX, LOCALES, "sv", built({("en", "a/"), ("en", "")}))
    en = {d["location"]: d["text"] for d in parts["en"]["docs"]}
    # the translated start page wins over the Swedish one; a/ falls back to Swedish; b/ is not built in en
    assert en == {"": "en start", "a/": "sv a", "a/#del": "sv a del"}


def test_each_language_names_its_own_rules_and_has_no_lunr_pipeline():
    parts = split_index(INDEX, LOCALES, "sv", built(set()))
    assert parts["fa-AF"]["config"]["lang"] == ["fa-AF"] and parts["fa-AF"]["config"]["pipeline"] == []
    assert parts["fa-AF"]["config"]["separator"] == "[\\s\\-]+"  # Material's page highlighter reads it
    assert [d["location"] for d in parts["fa-AF"]["docs"]] == ["a/"]
    assert parts["so"]["docs"] == []
    assert INDEX["config"]["pipeline"] == ["stopWordFilter"]  # the input is not modified


def test_entries_are_plain_text():
    index = {"config": {"lang": ["sv"], "separator": "x"}, "docs": [
        {"location": "a/#b", "title": "Lagen <code>(SFS 1982:316)</code>",
         "text": "<p>Se <a href=\"x\">lagen</a> &amp; f&ouml;rordningen.</p><ul><li>ett</li><li>två</li></ul>"},
    ]}
    [entry] = split_index(index, ["sv"], "sv", built(set()))["sv"]["docs"]
    assert entry == {"location": "a/#b", "title": "Lagen (SFS 1982:316)",
                     "text": "Se lagen & förordningen. ett två"}


def test_plain_text_keeps_words_of_neighbouring_blocks_apart():
    assert plain_text("<td>barn</td><td>äktenskap</td>") == "barn äktenskap"
    assert plain_text("rad ett<br>rad två") == "rad ett rad två"
    assert plain_text("&lt;script&gt; stays text") == "<script> stays text"
