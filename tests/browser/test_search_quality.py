"""Search finds what a reader types, in every language (GitHub issue 13).

For each language, real queries from the site's own text (tests/browser/search_cases.py):
the base word, inflected or prefixed forms, the word without diacritics or with the
other letter forms, one typo, a pasted query. Each must find at least 80 % of the
pages of that language whose text contains the word, most results must be such
pages, and no result may lie outside the reader's language.
"""
from __future__ import annotations

import re
import unicodedata

import pytest
from search_cases import CASES, COUNT_QUERIES, Case, expected_pages, search
from site_under_test import AXE, WCAG_TAGS

from kb.project import LOCALES, SOURCE_LOCALE

MIN_RECALL = 0.8
MIN_PRECISION = 0.6


@pytest.fixture(scope="module")
def tabs(browser, site, base_url):
    """One tab per language, on its start page, reused by that language's queries."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = {}

    def tab_for(locale):
        if locale not in opened:
            tab = context.new_page()
            tab.add_init_script(COUNT_QUERIES)
            tab.errors = []
            tab.on("pageerror", lambda error, tab=tab: tab.errors.append(str(error)))
            tab.goto(base_url + site.start(locale).path, wait_until="networkidle")
            opened[locale] = tab
        return opened[locale]

    yield tab_for
    context.close()


def _in_language(path: str, locale: str) -> bool:
    first = path.strip("/").split("/")[0]
    if locale == SOURCE_LOCALE:
        return first not in LOCALES
    return first == locale


@pytest.mark.parametrize("locale, case", [(locale, case) for locale in CASES for case in CASES[locale]],
                         ids=lambda value: str(value) if isinstance(value, Case) else value)
def test_a_real_query_finds_the_pages_that_contain_the_word(locale, case, tabs, site):
    expected = expected_pages(site, locale, case)
    assert expected, (f"no {locale} page contains {case.expect!r} any more: choose another query "
                      "from the site's text in tests/browser/search_cases.py")
    tab = tabs(locale)
    found = search(tab, case)
    outside = [path for path in found if not _in_language(path, locale)]
    assert not outside, f"{case}: results outside the {locale} site: {outside}"
    missed = sorted(expected - set(found))
    recall = 1 - len(missed) / len(expected)
    assert recall >= MIN_RECALL, f"{case}: found {len(expected) - len(missed)} of {len(expected)}, missed {missed}"
    relevant = [path for path in found if path in expected]
    assert len(relevant) / len(found) >= MIN_PRECISION, \
        f"{case}: only {len(relevant)} of {len(found)} results contain {case.expect!r}: {found}"
    assert tab.errors == []


def _marked(tab) -> list[str]:
    return tab.evaluate("[...document.querySelectorAll('.md-search-result__list mark')].map(m => m.textContent)")


@pytest.mark.parametrize("locale, query, word", [
    ("sv", "konsstympning", "könsstympning"),    # typed without ö: the page's own spelling is marked
    ("ar", "شرطه", "شرطة"),                      # typed with ه: الشرطة / بالشرطة are marked
    ("fa", "پليس", "پلیس"),
])
def test_results_show_snippets_with_the_match_marked(locale, query, word, tabs):
    tab = tabs(locale)
    search(tab, Case("base", query, word))
    marked = _marked(tab)
    assert marked, f"{query!r}: no <mark> in the results"
    assert any(word in unicodedata.normalize("NFC", text).lower() for text in marked), marked
    # A snippet, not the whole section: each result's text is short.
    longest = tab.evaluate("Math.max(...[...document.querySelectorAll('.md-search-result__article')]"
                           ".map(a => a.textContent.length))")
    assert longest < 600


def test_a_query_that_matches_nothing_says_so(tabs):
    tab = tabs("sv")
    assert search(tab, Case("base", "xqzzyv", "xqzzyv")) == []
    assert tab.locator(".md-search-result__meta").text_content().strip() == "Inga sökresultat"


def test_clearing_and_retyping_updates_the_results(tabs, site):
    tab = tabs("sv")
    first = search(tab, Case("base", "utreseförbud", "utreseförbud"))
    case = Case("base", "kontaktförbud", "kontaktförbud")
    second = search(tab, case)
    assert first and second and first != second
    relevant = expected_pages(site, "sv", case)
    assert len(relevant & set(second)) / len(second) >= MIN_PRECISION, sorted(set(second) - relevant)


def test_search_uses_the_sites_worker_not_lunr_and_keeps_the_csp(desktop, site, base_url):
    requested = []
    tab = desktop.new_page()
    tab.on("request", lambda request: requested.append(request.url.removeprefix(base_url)))
    tab.goto(base_url + site.start("ar").path, wait_until="networkidle")
    early = [url for url in requested if re.search(r"search_index|search-worker|workers/|lunr", url)]
    assert not early, f"before search: {early}"
    assert search(tab, Case("base", "الشرطة", "شرطة"))
    searched = [url for url in requested if re.search(r"search_index|search-worker|workers/|lunr", url)]
    assert sorted(searched) == ["ar/search/search_index.json", "assets/javascripts/search-worker.js"], searched
    assert tab.evaluate("window.__kbCsp") == []


def test_a_result_opens_the_page_with_the_words_marked(desktop, site, base_url):
    tab = desktop.new_page()
    tab.goto(base_url + site.start("sv").path, wait_until="networkidle")
    search(tab, Case("base", "konsstympning", "könsstympning"))
    tab.locator(".md-search-result__item > a").first.click()
    tab.wait_for_load_state("networkidle")
    assert "h=" in tab.url
    marks = tab.locator("article mark[data-md-highlight]")
    marks.first.wait_for(timeout=10000)
    assert "könsstympning" in marks.first.text_content().lower()


@pytest.mark.parametrize("locale", ["ar", "fa", "fa-AF", "ku-IQ", "sv", "ti"])
def test_search_with_results_passes_axe(locale, tabs):
    """The open search dialog with results, right-to-left and left-to-right."""
    tab = tabs(locale)
    search(tab, CASES[locale][0])
    tab.evaluate(AXE.read_text(encoding="utf-8"))
    violations = tab.evaluate("""async (tags) => (await axe.run(document.querySelector('.md-search'),
        {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})).violations
        .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", "))""", WCAG_TAGS)
    assert violations == []
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-search__input')).direction") == \
        ("rtl" if locale in ("ar", "fa", "fa-AF", "ku-IQ") else "ltr")


def test_every_language_has_search_ui_strings(site):
    """Material's search strings are rendered in each language, not left in English."""
    english = None
    for locale in ["en", *[locale for locale in LOCALES if locale != "en"]]:
        html = site.text(site.start(locale))
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
        box = re.search(r'<input[^>]*class="md-search__input"[^>]*>', html).group(0)
        strings = (re.search(r'placeholder="([^"]*)"', box).group(1),
                   re.search(r'"search.result.none": ?"([^"]*)"', config.group(1)).group(1))
        if locale == "en":
            english = strings
        else:
            assert all(a != b for a, b in zip(strings, english, strict=True)), f"{locale}: in English: {strings}"


@pytest.mark.parametrize("locale", ["sv", "ar"])
def test_on_a_phone_quick_exit_leaves_the_search_box_and_its_clear_button_free(locale, phone, site, base_url):
    tab = phone.new_page()
    tab.goto(base_url + site.start(locale).path, wait_until="networkidle")
    search(tab, CASES[locale][0])
    clear = tab.locator(".md-search__options button[type=reset]")
    clear.wait_for(state="visible")
    box = clear.bounding_box()
    on_top = tab.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.md-search__options')",
                          [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top, f"{locale}: the quick-exit control covers the search's clear button"
    exit_box = tab.locator("#kb-quick-exit").bounding_box()
    text_end = tab.evaluate("""() => { const input = document.querySelector('.md-search__input');
        const r = input.getBoundingClientRect(), s = getComputedStyle(input);
        return s.direction === 'rtl' ? r.left + parseFloat(s.paddingLeft) : r.right - parseFloat(s.paddingRight); }""")
    if locale == "ar":
        assert text_end >= exit_box["x"] + exit_box["width"], "typed text runs under the quick-exit control"
    else:
        assert text_end <= exit_box["x"], "typed text runs under the quick-exit control"
