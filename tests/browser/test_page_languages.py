"""A reader in any of the site's languages: language tags, direction, switcher, notices, 404."""
import re

import pytest
from site_under_test import ui_string

from kb.project import BY_LOCALE, LOCALES, SOURCE_LOCALE

RTL = [locale for locale in LOCALES if BY_LOCALE[locale].dir == "rtl"]
HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)


def _html_attrs(text: str) -> dict:
    tag = HTML_TAG.search(text).group(0)
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_declares_its_language_and_direction(locale, site, visits):
    language = BY_LOCALE[locale]
    wrong = []
    for page in site.of(locale):
        attrs = _html_attrs(site.html(page))
        if attrs.get("lang") != language.bcp47 or attrs.get("dir") != language.dir:
            wrong.append(f"{page}: <html lang={attrs.get('lang')!r} dir={attrs.get('dir')!r}>")
    for page, visit in visits.items():
        if page.locale == locale and (visit.html_lang, visit.html_dir) != (language.bcp47, language.dir):
            wrong.append(f"{page} in the browser: lang={visit.html_lang!r} dir={visit.html_dir!r}")
    assert not wrong, f"expected lang={language.bcp47!r} dir={language.dir!r} (data/languages.yml):\n" \
                      + "\n".join(wrong)


@pytest.mark.parametrize("locale", LOCALES)
def test_pages_render_in_the_languages_direction(locale, visits):
    expected = BY_LOCALE[locale].dir
    wrong = [f"{page}: text runs {visit.body_direction}" for page, visit in visits.items()
             if page.locale == locale and visit.body_direction != expected]
    assert not wrong, f"{locale} is {expected}:\n" + "\n".join(wrong)


def test_rtl_languages_are_the_expected_ones():
    assert set(RTL) == {"ar", "fa", "fa-AF", "ku-IQ"}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_emergency_line_is_on_every_page_in_the_pages_language(locale, site):
    words = ui_string(locale, "kb.emergency")
    missing = [str(page) for page in site.of(locale)
               if words not in site.text(page) or 'href="tel:112"' not in site.html(page)]
    assert not missing, f"pages without the emergency line {words!r} and tel:112:\n" + "\n".join(missing)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_emergency_line_is_visible_on_a_phone(locale, phone, site, base_url):
    tab = phone.new_page()
    tab.goto(base_url + site.start(locale).path)
    line = tab.locator(".kb-emergency")
    assert line.is_visible()
    assert ui_string(locale, "kb.emergency") in line.inner_text()
    assert line.locator('a[href="tel:112"]').is_visible()


def _switch_language(tab, bcp47: str) -> None:
    tab.locator(".md-header .md-select button").click()
    tab.locator(f'.md-select__link[hreflang="{bcp47}"]').click()


@pytest.mark.parametrize("locale", LOCALES[1:])
def test_the_language_switcher_lands_on_the_same_page(locale, desktop, site, base_url):
    """From Swedish to the language and back: the start page, "Hide your visit" and a page
    only in Swedish (which lands on that language's fallback page) keep their place."""
    swedish = {page.rest for page in site.of(SOURCE_LOCALE)}
    rests = [""] + [rest for rest in ("dolj-ditt-besok/",) if rest in swedish]
    rests += [page.rest for page in site.of(locale, "fallback")][:1]
    tab = desktop.new_page()
    for rest in dict.fromkeys(rests):
        tab.goto(base_url + rest)
        _switch_language(tab, BY_LOCALE[locale].bcp47)
        tab.wait_for_url(f"{base_url}{locale}/{rest}")
        assert tab.evaluate("document.documentElement.lang") == BY_LOCALE[locale].bcp47
        _switch_language(tab, BY_LOCALE[SOURCE_LOCALE].bcp47)
        tab.wait_for_url(f"{base_url}{rest}")


@pytest.mark.parametrize("locale", LOCALES[1:])
def test_a_page_not_yet_translated_says_so_in_the_readers_language(locale, phone, site, base_url):
    fallbacks = site.of(locale, "fallback")
    if not fallbacks:
        pytest.skip(f"every page is translated into {locale}")
    title = ui_string(locale, "kb.fallback.title")
    missing = [str(page) for page in fallbacks if title not in site.text(page)]
    assert not missing, f"fallback pages without the notice {title!r}:\n" + "\n".join(missing)
    tab = phone.new_page()
    tab.goto(base_url + fallbacks[0].path)
    notice = tab.locator(".kb-notice--fallback")
    assert notice.is_visible()
    assert title in notice.inner_text()
    # Translated pages do not carry the notice.
    for page in site.of(locale, "translation"):
        assert "kb-notice--fallback" not in site.html(page), f"{page}: a translated page says it is not translated"


def test_a_machine_translation_says_it_is_not_reviewed(site, phone, base_url):
    translations = [page for page in site.pages if page.kind == "translation"]
    machine = [page for page in translations
               if (site.front_matter(page).get("translation") or {}).get("status") == "machine"]
    if not machine:
        pytest.skip("no translated page has status: machine")
    wrong = [str(page) for page in machine
             if ui_string(page.locale, "kb.machine.title") not in site.text(page)]
    assert not wrong, "machine translations without the not-reviewed banner:\n" + "\n".join(wrong)
    reviewed = [page for page in translations if page not in machine]
    wrong = [str(page) for page in reviewed if "kb-notice--machine" in site.html(page)]
    assert not wrong, "reviewed translations showing the machine-translation banner:\n" + "\n".join(wrong)
    tab = phone.new_page()
    tab.goto(base_url + machine[0].path)
    banner = tab.locator(".kb-notice--machine")
    assert banner.is_visible() and ui_string(machine[0].locale, "kb.machine.title") in banner.inner_text()


@pytest.mark.parametrize("locale", LOCALES)
def test_each_language_has_its_own_not_found_page(locale, site, browser, base_url):
    prefix = "" if locale == SOURCE_LOCALE else f"{locale}/"
    path = site.root / prefix / "404.html"
    assert path.is_file(), f"site/{prefix}404.html is missing: readers of {locale} get no 404 page in their language"
    text = path.read_text(encoding="utf-8")
    attrs = _html_attrs(text)
    assert attrs.get("lang") == BY_LOCALE[locale].bcp47, f"site/{prefix}404.html has lang={attrs.get('lang')!r}"
    assert ui_string(locale, "kb.404.title") in text
    # A mistyped address in that language's part of the site shows it.
    context = browser.new_context()
    try:
        tab = context.new_page()
        response = tab.goto(f"{base_url}{prefix}no-such-page/")
        assert response.status == 404
        assert tab.locator("h1").first.inner_text() == ui_string(locale, "kb.404.title")
        assert tab.locator("#kb-quick-exit").is_visible()
    finally:
        context.close()
