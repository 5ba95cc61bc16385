"""The translators' status page in the built site."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kb.project import LANGUAGES, ROOT
from kb.scaffold.translation import new_translation
from kb.translations.review import mark_reviewed
from kb.translations.status import collect
from kb.translations.statuspage import PATH, render, url_of, write
from scaffold.conftest import write_page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.sources = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.hrefs.append(attrs["href"])
        if tag in ("link", "script", "img", "iframe") and (attrs.get("href") or attrs.get("src")):
            self.sources.append(attrs.get("href") or attrs.get("src"))


def links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("rel, lang, url", [
    ("index.md", None, ""), ("om-oss/index.md", None, "om-oss/"), ("om-oss/ordlista.md", None, "om-oss/ordlista/"),
    ("om-oss/ordlista.md", "fa-AF", "fa-AF/om-oss/ordlista/"), ("index.md", "en", "en/"),
])
def test_url_of(rel, lang, url):
    assert url_of(rel, lang) == url


def test_the_page_shows_every_state_and_links_only_to_pages_that_exist(project):
    page = "om-oss/ordlista.md"
    new_translation(project, page, "en")
    new_translation(project, page, "ar")
    mark_reviewed(project, page, "ar", "Auktoriserad translator")
    new_translation(project, "index.md", "so")
    write_page(project, "index.md", "Start", "Ny starttext.")
    (project / "docs/om-oss/borttagen.ti.md").write_text(
        (project / "docs/om-oss/ordlista.en.md").read_text(encoding="utf-8"), encoding="utf-8")
    built = {"", "om-oss/", "om-oss/ordlista/", "en/om-oss/ordlista/", "ar/om-oss/ordlista/", "so/"}
    html = render(collect(project), built.__contains__, dt.date(2026, 11, 22))

    assert '<html lang="sv" dir="ltr">' in html and "<title>Översättningsstatus" in html
    assert '<a href="../en/om-oss/ordlista/" hreflang="en">ej granskad</a>' in html
    assert '<a href="../ar/om-oss/ordlista/" hreflang="ar">aktuell</a>' in html
    assert '<a href="../so/" hreflang="so">inaktuell – svenska sidan har ändrats</a>' in html
    assert '<td class="orphan">svensk sida saknas</td>' in html   # ti/om-oss/borttagen/ was not built
    assert '<span lang="prs" dir="rtl">دری</span> (fa-AF)' in html
    hrefs = links(html).hrefs
    review = {f"oversattningsstatus/granska/{lang}/{path}" for lang, path in
              (("en", "om-oss/ordlista/"), ("ar", "om-oss/ordlista/"), ("so", ""))}   # kb.translations.reviewview
    assert {h.removeprefix("../") for h in hrefs} == built | review   # "" is the start page, linked twice
    assert links(html).sources == []
    assert "byggdes 2026-11-22" in html
    # Totals per language: a row per state.
    totals = re.search(r"<h2>Summa per språk</h2>.*", html, re.S).group(0)
    assert '<tr><th scope="row">saknas</th><td>4</td><td>4</td><td>5</td><td>5</td><td>4</td><td>5</td><td>5</td>' \
        in totals


def test_the_csp_allows_exactly_the_inline_style(project):
    html = render(collect(project), lambda url: True, dt.date(2026, 11, 22))
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"default-src 'none'; style-src 'sha256-{digest}'" in html


def test_write_puts_it_in_the_swedish_site_only(project, tmp_path):
    site = tmp_path / "site"
    (site / "om-oss").mkdir(parents=True)
    (site / "om-oss" / "index.html").write_text("x")
    path = write(site, project, dt.date(2026, 11, 22))
    assert path == site / PATH == site / "oversattningsstatus" / "index.html"
    assert links(path.read_text(encoding="utf-8")).hrefs == ["../om-oss/", "../"]


def test_write_links_the_pages_of_languages_still_building(project, tmp_path):
    site = tmp_path / "site"
    (site / "om-oss" / "ordlista").mkdir(parents=True)
    (site / "om-oss" / "ordlista" / "index.html").write_text("x")
    for locale in ("en", "ar"):
        new_translation(project, "om-oss/ordlista.md", locale)
    html = write(site, project, dt.date(2026, 11, 22), building=["en"]).read_text(encoding="utf-8")
    assert '<a href="../en/om-oss/ordlista/" hreflang="en">' in html   # the English build will write it
    assert '<a href="../ar/om-oss/ordlista/"' not in html               # Arabic is not being built


# --- the real build ------------------------------------------------------------------------

def test_the_built_site_has_the_status_page_outside_navigation_and_search(built_site: Path):
    page = built_site / PATH
    html = page.read_text(encoding="utf-8")
    assert '<html lang="sv"' in html
    for href in links(html).hrefs:
        if href.startswith("https://"):  # the quick-exit control's neutral site (kb.quick_exit)
            continue
        target = (page.parent / href).resolve()
        assert (target / "index.html").is_file() or target.is_file(), href
    assert not (built_site / "en" / PATH).exists()
    # Written while the other languages were still building: their pages are linked all the same.
    for language in LANGUAGES[1:]:
        assert f'<a href="../{language.locale}/" hreflang="{language.bcp47}">' in html, language.locale
    assert "oversattningsstatus" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "oversattningsstatus" not in (built_site / "search/search_index.json").read_text(encoding="utf-8")
    assert "oversattningsstatus" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_the_status_page_passes_axe_and_loads_nothing(built_site: Path):
    playwright = pytest.importorskip("playwright.sync_api")
    from kb.bench import CHROMIUM, CHROMIUM_ARGS, serve
    with serve(built_site) as base, playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page()
        requests, console = [], []
        tab.on("request", lambda request: requests.append(request.url))
        tab.on("console", lambda message: console.append(message.text))
        tab.goto(base + "oversattningsstatus/", wait_until="load")
        assert tab.title().startswith("Översättningsstatus")
        assert tab.evaluate("getComputedStyle(document.querySelector('th')).borderTopStyle") == "solid"
        tab.evaluate(AXE.read_text(encoding="utf-8"))
        violations = tab.evaluate("""async (tags) => (await axe.run(document,
            {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})).violations
            .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", "))""", WCAG_TAGS)
        browser.close()
    assert violations == []
    assert requests == [base + "oversattningsstatus/"]
    assert [m for m in console if "Content Security Policy" in m] == []
