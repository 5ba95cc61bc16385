"""Search costs a reader nothing until they use it (GitHub issue 7), and then it works."""
import re
from collections import Counter

from site_under_test import SitePage

# Requests only search needs, and the sitemaps Material would fetch for the language menu.
SEARCH_ONLY = re.compile(r"/search/search_index\.json|/search-worker\.js|/workers/search\.|/lunr/|sitemap\.xml")


def _rare_word(site) -> tuple[SitePage, str]:
    """A long word in one Swedish page's text that few other pages use."""
    texts = {}
    for page in site.of("sv"):
        article = re.search(r"<article\b.*?</article>", site.html(page), re.S)
        body = re.sub(r"<[^>]+>", " ", article.group(0)) if article else ""
        body = body.split("Senast granskad")[0]  # the page-facts footer is not the page's text
        texts[page] = set(re.findall(r"\b[a-zåäö]{9,}\b", body.lower()))
    spread = Counter(word for words in texts.values() for word in words)
    page, word = min(((page, word) for page, words in texts.items() if page.rest for word in words),
                     key=lambda item: (spread[item[1]], item[1]))
    return page, word


def test_no_search_index_is_fetched_until_the_reader_opens_search(phone, site, base_url):
    tab = phone.new_page()
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    other = next(p for p in site.of("sv") if p.rest)
    for page in (site.start("sv"), other, site.start("ar")):
        tab.goto(base_url + page.path, wait_until="networkidle")
    early = [url for url in requested if SEARCH_ONLY.search(url)]
    assert not early, f"fetched before the reader touched search: {early}"
    # The reader taps the search icon and types: now the index comes, and results.
    tab.goto(base_url + site.start("sv").path, wait_until="networkidle")
    tab.locator("label.md-header__button[for=__search]").click()
    tab.locator("input.md-search__input").fill("hedersrelaterat")
    tab.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert any("/search/search_index.json" in url for url in requested)


def test_searching_in_swedish_finds_a_page_by_a_word_in_its_text(desktop, site, base_url):
    page, word = _rare_word(site)
    tab = desktop.new_page()
    tab.goto(base_url + site.start("sv").path, wait_until="networkidle")
    search = tab.locator("input.md-search__input")
    search.click()
    search.type(word, delay=20)
    results = tab.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=15000)
    hrefs = [tab.evaluate("a => new URL(a.href).pathname", link) for link in results.element_handles()]
    assert "/" + page.path in hrefs, f"searching for {word!r} did not find {page}; found {hrefs}"


def test_a_reader_of_another_language_searches_that_languages_pages(desktop, site, base_url):
    """Searching from the Arabic site loads the Arabic index and its results stay in /ar/."""
    requested = []
    tab = desktop.new_page()
    tab.on("request", lambda request: requested.append(request.url))
    tab.goto(base_url + site.start("ar").path, wait_until="networkidle")
    search = tab.locator("input.md-search__input")
    search.click()
    search.fill("112")
    tab.locator(".md-search-result__item").first.wait_for(timeout=15000)
    indexes = [url.removeprefix(base_url) for url in requested if "search_index.json" in url]
    assert indexes == ["ar/search/search_index.json"], f"index requested from the Arabic site: {indexes}"
    links = tab.evaluate("[...document.querySelectorAll('.md-search-result__item > a')]"
                         ".map(a => new URL(a.href).pathname)")
    assert links and all(link.startswith("/ar/") for link in links), f"results outside /ar/: {links}"
