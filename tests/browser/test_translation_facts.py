"""What a translated page says about itself must be true, read in Chromium (GitHub issue 12).

- the banner of a machine translation says "machine translation" plainly, in the reader's language;
- the footer gives the date the facts in the Swedish original were checked (not "last reviewed")
  and when this translation was made, and by what (machine) or whom (a reviewer's role);
- readers of a language whose UI strings are unreviewed are told so;
- the emergency number sits where the language puts it, isolated left to right;
- citations of Swedish law in right-to-left pages are isolated and marked as Swedish.
"""
from __future__ import annotations

import datetime as dt

import pytest
from site_under_test import ui_string

from kb.project import LOCALES, SOURCE_LOCALE
from kb.translations import ui_strings

# "Machine translation", as each language says it (the words the banner must contain).
MACHINE = {"en": "Machine translation", "ar": "ترجمة آلية", "fa": "ترجمه ماشینی", "fa-AF": "ترجمه ماشینی",
           "so": "Turjumaad mashiin", "ti": "ናይ ማሽን ትርጉም", "ku-IQ": "وەرگێڕانی ئامێر"}
TARGETS = [locale for locale in LOCALES if locale != SOURCE_LOCALE]


def _date(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _facts(tab) -> dict[str, str]:
    """The footer's facts as {term: description}, as the browser renders them."""
    return tab.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.kb-page-facts dt')]
        .map(dt => [dt.innerText.trim(), dt.nextElementSibling.innerText.trim()]))""")


def test_every_language_says_machine_translation_plainly():
    missing = [locale for locale in TARGETS if MACHINE[locale] not in ui_string(locale, "kb.machine.title")]
    assert not missing, f"kb.machine.title does not say 'machine translation' in: {missing}"


@pytest.mark.parametrize("locale", TARGETS)
def test_footer_and_banner_of_a_translation_are_true(locale, site, desktop, base_url):
    pages = site.of(locale, "translation")
    if not pages:
        pytest.skip(f"no page is translated into {locale}")
    page = pages[0]
    meta = site.front_matter(page)
    record = meta["translation"]
    tab = desktop.new_page()
    tab.goto(base_url + page.path)

    facts = _facts(tab)
    assert ui_string(locale, "kb.reviewed") not in facts, f"{page}: a translation must not say 'last reviewed'"
    assert facts.get(ui_string(locale, "kb.facts_checked")) == _date(meta["reviewed"]), facts
    made = facts.get(ui_string(locale, "kb.translation"), "")
    assert _date(record["translated_on"]) in made, facts
    if record["status"] == "machine":
        assert MACHINE[locale].casefold() in made.casefold()
        banner = tab.locator(".kb-notice--machine .admonition-title")
        assert banner.is_visible() and MACHINE[locale] in banner.inner_text()
    else:
        assert record["reviewer_role"] in made and _date(record["reviewed_on"]) in made

    unreviewed_ui = not ui_strings.reviewed(ui_strings.load(locale))
    told = tab.locator(".kb-notice__ui, .kb-notice--ui")
    assert (told.count() == 1 and told.first.is_visible()) == unreviewed_ui, \
        f"{page}: UI strings {'un' if unreviewed_ui else ''}reviewed; notice shown: {told.count()}"
    if unreviewed_ui:
        assert told.first.inner_text().strip() == ui_string(locale, "kb.ui_unreviewed")


@pytest.mark.parametrize("locale", LOCALES)
def test_the_emergency_number_sits_where_the_language_puts_it(locale, site, desktop, base_url):
    tab = desktop.new_page()
    tab.goto(base_url + site.start(locale).path)
    link = tab.locator('.kb-emergency a[href="tel:112"]')
    expected = ui_string(locale, "kb.emergency.call").replace("{number}", "112")
    assert " ".join(link.inner_text().split()) == " ".join(expected.split())
    assert link.locator('span[dir="ltr"]').inner_text() == "112"


@pytest.mark.parametrize("locale", ["ar", "fa", "fa-AF", "ku-IQ"])
def test_law_citations_in_right_to_left_pages_are_isolated_and_swedish(locale, site):
    pages = [page for page in site.of(locale, "translation") if 'class="kb-law' in site.html(page)]
    if not pages:
        pytest.skip(f"no {locale} translation cites a law")
    for page in pages:
        html = site.html(page)
        links = html.count('class="kb-law')
        assert html.count('dir="ltr" lang="sv"') >= links, f"{page}: a citation without dir=ltr lang=sv"
