"""A reader who must hide the site at once: the quick-exit control and Shift ×3."""
import pytest

from kb.project import LOCALES
from site_under_test import NEUTRAL_TITLE, PHONE, QUICK_EXIT_URL, stub_neutral_site


def _on_neutral_site(tab) -> bool:
    return tab.url.startswith(QUICK_EXIT_URL) and tab.title() == NEUTRAL_TITLE


def test_clicking_quick_exit_shows_the_neutral_site_and_back_does_not_return(phone, site, base_url):
    tab = phone.new_page()
    tab.goto("about:blank")
    tab.goto(base_url + site.start("sv").path)
    tab.locator("#kb-quick-exit").click()
    tab.wait_for_url(QUICK_EXIT_URL + "**")
    assert _on_neutral_site(tab)
    # location.replace: our page is no longer in the history, Back goes to where the reader was before.
    tab.go_back()
    assert not tab.url.startswith(base_url), f"Back returned to our page {tab.url}"
    assert tab.url == "about:blank"


def test_pressing_shift_three_times_shows_the_neutral_site(desktop, site, base_url):
    tab = desktop.new_page()
    tab.goto(base_url + site.start("sv").path)
    for _ in range(3):
        tab.keyboard.press("Shift")
    tab.wait_for_url(QUICK_EXIT_URL + "**", timeout=5000)
    assert _on_neutral_site(tab)


def test_pressing_shift_twice_keeps_the_page(desktop, site, base_url):
    tab = desktop.new_page()
    tab.goto(base_url + site.start("sv").path)
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    tab.wait_for_timeout(300)
    assert tab.url.startswith(base_url)


def test_without_javascript_the_control_is_a_plain_link_to_the_neutral_site(browser, site, base_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    stub_neutral_site(context)
    try:
        tab = context.new_page()
        tab.goto(base_url + site.start("sv").path)
        control = tab.locator("#kb-quick-exit")
        assert control.evaluate("el => el.tagName") == "A"
        assert control.get_attribute("href") == QUICK_EXIT_URL
        control.click()
        tab.wait_for_url(QUICK_EXIT_URL + "**")
        assert _on_neutral_site(tab)
    finally:
        context.close()


@pytest.mark.parametrize("locale", LOCALES)
def test_quick_exit_is_visible_without_scrolling_on_a_phone(locale, phone, site, base_url):
    tab = phone.new_page()
    pages = [site.start(locale)] + site.of(locale, "fallback")[:1] + site.of(locale, "translation")[:1]
    for page in pages:
        tab.goto(base_url + page.path)
        control = tab.locator("#kb-quick-exit")
        assert control.is_visible(), f"{page}: the quick-exit control is not visible"
        box = control.bounding_box()
        assert box and box["y"] >= 0 and box["x"] >= 0, f"{page}: quick exit is off screen: {box}"
        assert box["y"] + box["height"] <= PHONE["height"] and box["x"] + box["width"] <= PHONE["width"], \
            f"{page}: quick exit is not inside the 360×640 screen: {box}"
        assert box["height"] >= 44 and box["width"] >= 44, f"{page}: touch target smaller than 44×44: {box}"
        # Nothing covers it: the element at its centre is the control itself.
        centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        on_top = tab.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('#kb-quick-exit') !== null",
                              list(centre))
        assert on_top, f"{page}: something covers the quick-exit control"
        # It stays on screen when the reader scrolls down.
        tab.mouse.wheel(0, 2000)
        tab.wait_for_timeout(100)
        assert control.bounding_box()["y"] >= 0 and control.is_visible(), f"{page}: quick exit scrolled away"


def test_quick_exit_is_reached_right_after_skip_to_content_with_the_keyboard(desktop, site, base_url):
    tab = desktop.new_page()
    tab.goto(base_url + site.start("sv").path)
    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "kb-quick-exit"
