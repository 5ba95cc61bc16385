"""Real queries per language, drawn from the site's own text (GitHub issue 13), and
the reader's side of search: type or paste a query, read every result.

Each case says how a reader enters the query (typed key by key, or pasted /
dictated: text that arrives without a key), and which word(s) the pages that
should be found contain. The truth is plain: a page of that language's site
is expected when its text contains every expected word (lower case, as a
substring, so Arabic الشرطة and بالشرطة both contain شرطة). Counts when the
cases were chosen (site of 2026-12-03) are in the comments: pages of the
language (translations; Swedish: all pages) containing the word.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from site_under_test import Site

from kb.project import LOCALES, SOURCE_LOCALE


@dataclass(frozen=True)
class Case:
    kind: str      # base, inflected, prefixed, folded, typo, pasted
    query: str
    expect: str    # the word(s) every expected page contains, as the page writes them
    entered: str = "typed"   # typed (keyboard) or pasted (input without a key: paste, dictation)

    def __str__(self) -> str:
        return f"{self.kind}: {self.query.strip()!r} -> {self.expect!r}"


def pasted(kind: str, query: str, expect: str) -> Case:
    return Case(kind, query, expect, "pasted")


CASES: dict[str, list[Case]] = {
    "sv": [
        Case("base", "könsstympning", "könsstympning"),                 # 22 of 47
        Case("inflected", "tvångsäktenskapet", "tvångsäktenskap"),       # 10
        Case("folded", "konsstympning", "könsstympning"),               # ö typed as o
        Case("folded", "utreseforbud", "utreseförbud"),                 # 24
        Case("typo", "socialnämden", "socialnämnden"),                  # 21, one letter missing
        Case("base", "(SFS", "sfs"),                                    # punctuation stays off the word
        pasted("pasted", "Kontaktförbud,\n", "kontaktförbud"),          # 10
        pasted("pasted", "hedersrelaterat våld", "hedersrelaterat våld"),
    ],
    "en": [
        Case("base", "mutilation", "mutilation"),                       # 7 of 13
        Case("inflected", "threats", "threat"),                         # 8
        Case("inflected", "deciding", "decid"),                         # 7 (decide, decides, decided)
        Case("folded", "socialtjanstlagen", "socialtjänstlagen"),       # Swedish law name typed without ä
        Case("typo", "counselor", "counsellor"),                        # 6
        pasted("pasted", "female genital mutilation.", "female genital mutilation"),
    ],
    "ar": [
        Case("base", "الشرطة", "شرطة"),                                 # 6 of 12 (الشرطة, بالشرطة, للشرطة)
        Case("prefixed", "شرطة", "شرطة"),                               # without the article
        Case("prefixed", "الزواج", "زواج"),                             # 4 (والزواج, للزواج)
        Case("folded", "شرطه", "شرطة"),                                 # ه typed for ة
        Case("folded", "الاطفال", "أطفال"),                             # 3, hamza left out
        Case("typo", "التناصلية", "تناسلي"),                            # 6, ص for س
        pasted("pasted", "تشويه الأعضاء التناسلية", "تشويه أعضاء تناسلي"),
    ],
    "fa": [
        Case("base", "ازدواج", "ازدواج"),                               # 5 of 12
        Case("folded", "كمك", "کمک"),                                   # 6, Arabic ك
        Case("folded", "پليس", "پلیس"),                                 # 6, Arabic ي
        Case("folded", "برنامهریزی", "برنامه\u200cریزی"),               # 4, typed without ZWNJ
        Case("typo", "محافطت", "محافظت"),                               # 5
        pasted("pasted", "خشونت ناموسی", "خشونت ناموسی"),               # 6
    ],
    "fa-AF": [
        Case("base", "شاروالی", "شاروالی"),                             # 7 of 12
        Case("folded", "كمك", "کمک"),                                   # 8
        Case("folded", "ويبسايت", "ویب\u200cسایت"),                     # 4, Arabic ي and no ZWNJ
        Case("inflected", "پولیسها", "پولیس"),                          # 6, plural typed
        Case("typo", "محافطت", "محافظت"),                               # 5
        pasted("pasted", "خشونت ناموسی", "خشونت ناموسی"),
    ],
    "so": [
        Case("base", "gudniin", "gudniin"),                             # 6 of 12
        Case("inflected", "gudniinka", "gudniin"),
        Case("inflected", "booliis", "boolis"),                         # 6 (booliska)
        Case("folded", "hayadaha", "hay'ad"),                           # 3, apostrophe left out
        Case("typo", "cafimaadka", "caafimaad"),                        # 7
        pasted("pasted", "dulmiga sharafta", "dulmiga sharafta"),       # 7
    ],
    "ti": [
        Case("base", "ፖሊስ", "ፖሊስ"),                                    # 6 of 12
        Case("prefixed", "ንመርዓ", "መርዓ"),                               # 5
        Case("folded", "ዓመፅ", "ዓመጽ"),                                   # 6, ፅ for ጽ
        Case("typo", "ማሕበረዊ", "ማሕበራዊ"),                               # 8, one syllable wrong
        Case("base", "ምጉዳል", "ምጉዳል"),                                  # 6
        pasted("pasted", "ብኽብሪ ዝተኣሳሰረ", "ብኽብሪ ዝተኣሳሰረ"),              # 7
    ],
    "ku-IQ": [
        Case("base", "پۆلیس", "پۆلیس"),                                 # 6 of 12
        Case("folded", "پولیس", "پۆلیس"),                               # و for ۆ
        Case("folded", "راپورت", "ڕاپۆرت"),                             # 6, ر for ڕ and و for ۆ
        Case("inflected", "پۆلیسەکە", "پۆلیس"),                         # "the police"
        Case("typo", "خەتەنەکرن", "خەتەنەکردن"),                        # 6
        pasted("pasted", "توندوتیژی و چەوساندنەوە", "توندوتیژی چەوساندنەوە"),
    ],
}


def page_text(site: Site, path: str) -> str:
    """What a reader reads as the page's text (path below the site root, "" for the start page):
    its article, without the notices and page facts."""
    article = re.search(r"<article\b.*?</article>", (site.root / path / "index.html").read_text(encoding="utf-8"), re.S)
    if not article:
        return ""
    text = re.sub(r'<footer class="kb-page-facts".*?</footer>', " ", article.group(0), flags=re.S)
    text = re.sub(r'<aside class="admonition[^"]*kb-notice.*?</aside>', " ", text, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return unicodedata.normalize("NFC", text).lower()


def language_pages(site: Site, locale: str) -> list[str]:
    """Paths of every page of the language's site with an article (also pages the build generates
    outside the sitemap, such as /lagandringar/); not the translators' pages."""
    root = site.root if locale == SOURCE_LOCALE else site.root / locale
    paths = []
    for index in root.rglob("index.html"):
        path = index.parent.relative_to(site.root).as_posix()
        path = "" if path == "." else path + "/"
        first = path.split("/")[0]
        if locale == SOURCE_LOCALE and (first in LOCALES or first == "oversattningsstatus"):
            continue
        paths.append(path)
    return sorted(paths)


def expected_pages(site: Site, locale: str, case: Case) -> set[str]:
    """URL paths of the language's pages whose text contains every expected word."""
    words = unicodedata.normalize("NFC", case.expect).lower().split()
    return {"/" + path for path in language_pages(site, locale)
            if all(word in page_text(site, path) for word in words)}


# Counts the queries Material sends to the search worker and the answers it gets back (the worker
# answers in order), so a test reads the results of the last query, not of a half-typed one.
# Add it with tab.add_init_script(COUNT_QUERIES) before the page loads (lazy-search.js wraps Worker).
COUNT_QUERIES = """
window.__kbAsked = 0; window.__kbAnswered = 0;
window.Worker = class extends window.Worker {
  constructor(url, options) {
    super(url, options);
    this.addEventListener("message", (event) => { if (event.data && event.data.type === 3) window.__kbAnswered++; });
  }
  postMessage(message, transfer) {
    if (message && message.type === 2) window.__kbAsked++;
    return transfer === undefined ? super.postMessage(message) : super.postMessage(message, transfer);
  }
};
"""


def search(tab, case: Case) -> list[str]:
    """Enter the query as the case says and return the URL path of every result (each page once,
    in the order shown), after scrolling the list until all are rendered."""
    # Material shows "initialising search" until its worker has the index: remember those words.
    tab.evaluate("window.__kbInit = window.__kbInit ||"
                 " document.querySelector('.md-search-result__meta').textContent.trim()")
    box = tab.locator("input.md-search__input")
    icon = tab.locator("label.md-header__button[for=__search]")
    if not icon.is_visible():  # a wide screen: the box is in the header
        box.click()
    else:  # a phone: the search icon opens search and focuses the box
        if not tab.locator("#__search").is_checked():
            icon.click()
        box.focus()
    box.fill("")
    tab.wait_for_timeout(50)
    if case.entered == "typed":
        box.press_sequentially(case.query, delay=15)
    else:
        tab.keyboard.insert_text(case.query)
    return read_results(tab)


def read_results(tab) -> list[str]:
    """Wait until the worker has answered and the list is stable, then render every result."""
    tab.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim()"
                          " !== window.__kbInit", timeout=15000)
    tab.wait_for_function("() => window.__kbAsked === undefined ||"
                          " (window.__kbAsked > 0 && window.__kbAnswered === window.__kbAsked)", timeout=15000)
    meta = tab.locator(".md-search-result__meta")
    last, stable = None, 0
    for _ in range(150):
        tab.wait_for_timeout(100)
        state = (meta.text_content(), tab.locator(".md-search-result__item").count())
        stable = stable + 1 if state == last else 0
        last = state
        if stable >= 3:
            total = re.search(r"\d+", state[0] or "")
            if total is None or state[1] >= int(total.group(0)):
                break
            # Material renders 10 results, then 4 more each time the list is scrolled to its end.
            tab.locator(".md-search__scrollwrap").evaluate("el => el.scrollTop = 0")
            tab.wait_for_timeout(50)
            tab.locator(".md-search__scrollwrap").evaluate("el => el.scrollTop = el.scrollHeight")
            stable = 0
    links = tab.evaluate(
        "[...document.querySelectorAll('.md-search-result__item > a:first-child')]"
        ".map(a => new URL(a.href).pathname)")
    return list(dict.fromkeys(links))
