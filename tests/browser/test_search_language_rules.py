"""The search worker's language rules, run in Chromium (overrides/assets/javascripts/search-worker.js).

Loaded into a blank page, the worker exposes its functions as `kbSearch`. These
tests pin what a reader may type differently and still be found, per language,
and what must stay apart.
"""
from __future__ import annotations

import pytest

from kb.project import ROOT

WORKER = ROOT / "overrides" / "assets" / "javascripts" / "search-worker.js"


@pytest.fixture(scope="module")
def js(browser):
    tab = browser.new_page()
    tab.set_content("<!doctype html><title>rules</title>")
    tab.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
    yield tab
    tab.close()


def words(js, text):
    return js.evaluate("t => kbSearch.tokens(t).map(x => x.token)", text)


def stem(js, lang, word):
    return js.evaluate("([l, w]) => kbSearch.stemmerFor(l)(kbSearch.fold(w))", [lang, word])


@pytest.mark.parametrize("typed, written", [
    ("konsstympning", "Könsstympning"),          # å/ä/ö typed without the dots and ring
    ("strasse", "Straße"),
    ("اطفال", "أطفال"), ("ابلاغ", "إبلاغ"), ("امن", "آمن"), ("مسوول", "مسؤول"), ("مسیول", "مسئول"),  # hamza forms
    ("شرطه", "شرطة"),                            # ة typed as ه
    ("کمک", "كمك"), ("پلیس", "پليس"),            # Arabic ك / ي for Persian ک / ی
    ("میتوانی", "می\u200cتوانی"),                # without the zero-width non-joiner
    ("علم", "عِلْم"), ("کتاب", "كتـــاب"),        # short vowels and tatweel
    ("پولیس", "پۆلیس"), ("راپورت", "ڕاپۆرت"), ("هەوال", "ھەواڵ"),  # Sorani letters typed with Arabic/Persian keys
    ("ዓመፅ", "ዓመጽ"), ("ሰላም", "ሠላም"),            # Tigrinya ፀ/ጸ, ሠ/ሰ
    ("112", "١١٢"), ("2024", "۲۰۲۴"),            # Arabic-Indic and Persian digits
])
def test_letters_a_reader_may_type_differently_fold_to_the_same_word(js, typed, written):
    assert words(js, typed) == words(js, written)


def test_words_are_split_on_punctuation_and_apostrophes_are_dropped_inside_words(js):
    assert words(js, "(SFS 1982:316)") == ["sfs", "1982", "316"]
    assert words(js, "hälso- och sjukvården") == ["halso", "och", "sjukvarden"]
    assert words(js, "hay'adaha") == ["hayadaha"]
    assert words(js, "ብኽብሪ፡ዝተኣሳሰረ።") == ["ብኽብሪ", "ዝተኣሳሰረ"]    # Ethiopic word space and full stop
    assert words(js, "«الشرطة»، و(112)") == ["الشرطه", "و", "112"]


@pytest.mark.parametrize("lang, forms", [
    ("sv", ["tvångsäktenskap", "tvångsäktenskapen"]),
    ("sv", ["flickor", "flickorna"]),
    ("sv", ["anmälan", "anmälans"]),
    ("en", ["decide", "deciding", "decided"]),
    ("en", ["threat", "threats"]),
    ("en", ["protection", "protections"]),
    ("ar", ["شرطة", "الشرطة", "بالشرطة", "للشرطة", "والشرطة"]),    # article and prefixes
    ("ar", ["الزواج", "والزواج", "للزواج"]),
    ("ar", ["المدرسة", "المدارس"][:1] + ["مدرسة"]),
    ("fa", ["کلاس", "کلاس\u200cها", "کلاسها"]),                  # plural with or without ZWNJ
    ("fa-AF", ["پولیس", "پولیس\u200cها"]),
    ("ku-IQ", ["پۆلیس", "پۆلیسەکە", "پۆلیسەوە"]),                 # definite and other endings
    ("so", ["boolis", "booliska"]),
    ("so", ["hay'ad", "hay'adaha", "hay'adda"]),
    ("ti", ["መርዓ", "ንመርዓ", "መርዓን"]),                             # preposition ን, conjunction -ን
    ("ti", ["ሕግ", "ሕግታት"]),
])
def test_inflected_and_prefixed_forms_share_a_stem(js, lang, forms):
    stems = {form: stem(js, lang, form) for form in forms}
    assert len(set(stems.values())) == 1, stems


@pytest.mark.parametrize("lang, a, b", [
    ("sv", "polisen", "politik"),
    ("en", "police", "policy"),
    ("ar", "شرطة", "شريط"),
])
def test_different_words_keep_different_stems(js, lang, a, b):
    assert stem(js, lang, a) != stem(js, lang, b)


@pytest.mark.parametrize("a, b, one", [
    ("socialnämden", "socialnämnden", True),     # a letter missing
    ("counselor", "counsellor", True),
    ("mutliation", "mutilation", True),          # neighbours swapped
    ("cafimaadka", "caafimaadka", True),
    ("ማሕበረዊ", "ማሕበራዊ", True),                   # one syllable wrong
    ("socialnämnden", "socialnämnden", False),   # the same word is not a typo
    ("konstympnig", "könsstympning", False),     # two edits
])
def test_one_typo(js, a, b, one):
    assert js.evaluate("([a, b]) => kbSearch.oneEdit(kbSearch.fold(a), kbSearch.fold(b))", [a, b]) is one


INDEX = {"config": {"lang": ["sv"]}, "docs": [
    {"location": "a/", "title": "Polisen", "text": "Polisen kan utfärda kontaktförbud."},
    {"location": "d/", "title": "Pengar", "text": "Betala kontant eller ta kontakt."},
    {"location": "b/", "title": "Politik", "text": "Politiken om könsstympningslagen och tvångsäktenskap."},
    {"location": "c/", "title": "Skolan", "text": "Flickkönsstympning och tvångsäktenskapsbrott."},
]}


def expand(js, query):
    return js.evaluate("([index, q]) => [...new kbSearch.Index(index).expand(kbSearch.fold(q)).keys()].sort()",
                       [INDEX, query])


def test_a_known_word_is_not_also_matched_as_a_typo(js):
    assert "politik" not in expand(js, "polisen") and "polisen" in expand(js, "polisen")
    assert "kontant" not in expand(js, "kontakt") and "kontakt" in expand(js, "kontakt")
    assert "kontakt" in expand(js, "kontakr")


def test_a_word_finds_its_compounds_and_longer_forms(js):
    assert {"konsstympningslagen", "flickkonsstympning"} <= set(expand(js, "könsstympning"))
    # The typed ending -et is dropped, and the word then begins a compound.
    assert {"tvangsaktenskap", "tvangsaktenskapsbrott"} <= set(expand(js, "tvångsäktenskapet"))


def test_a_typo_finds_the_word_only_when_the_typed_word_is_nowhere(js):
    assert expand(js, "kontaktforbd") == ["kontaktforbud"]
    assert expand(js, "xqzzyv") == []


def test_every_word_must_match_and_results_carry_marked_snippets(js):
    result = js.evaluate("([index, q]) => new kbSearch.Index(index).search(q)", [INDEX, "polisen kontaktförbud"])
    assert [[doc["location"] for doc in group] for group in result["items"]] == [["a/"]]
    doc = result["items"][0][0]
    assert doc["text"] == "<mark>Polisen</mark> kan utfärda <mark>kontaktförbud</mark>."
    assert doc["terms"] == {"polisen": True, "kontaktförbud": True}
    # No page has both words: the pages with most of them are shown, with the missing word.
    partial = js.evaluate("([index, q]) => new kbSearch.Index(index).search(q)", [INDEX, "polisen skolan"])
    assert sorted(group[0]["location"] for group in partial["items"]) == ["a/", "c/"]
    assert partial["items"][0][0]["terms"].get("skolan") is False or partial["items"][0][0]["terms"].get(
        "polisen") is False


def test_markup_in_the_text_is_shown_as_text(js):
    index = {"config": {"lang": ["en"]}, "docs": [
        {"location": "x/", "title": "<b>x</b>", "text": "<img src=x onerror=alert(1)> police"}]}
    doc = js.evaluate("([index, q]) => new kbSearch.Index(index).search(q).items[0][0]", [index, "police"])
    assert doc["text"] == "&lt;img src=x onerror=alert(1)&gt; <mark>police</mark>"
    assert doc["title"] == "&lt;b&gt;x&lt;/b&gt;"
