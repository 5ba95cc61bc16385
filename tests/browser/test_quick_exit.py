"""A reader who must hide the site at once: the quick-exit control and Shift ×3.

Shift counts only when pressed and released on its own (GitHub issue 13): a
reader typing capitals must never be sent away.
"""
from pathlib import Path

import pytest
from site_under_test import NEUTRAL_TITLE, PHONE, QUICK_EXIT_URL, stub_neutral_site, ui_string

from kb.project import LOCALES

STATUS = "#kb-quick-exit-status"


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


@pytest.mark.parametrize("locale", ["sv", "ar"])  # left-to-right and right-to-left
def test_pressing_shift_three_times_shows_the_neutral_site(locale, desktop, site, base_url):
    tab = desktop.new_page()
    tab.clock.install()  # the 5-second reset never fires between the presses, however slow the machine
    tab.goto(base_url + site.start(locale).path)
    for _ in range(3):
        tab.keyboard.press("Shift")
    tab.wait_for_url(QUICK_EXIT_URL + "**", timeout=5000)
    assert _on_neutral_site(tab)


def _stays(tab, base_url, what):
    tab.wait_for_timeout(400)
    assert tab.url.startswith(base_url), f"{what} sent the reader to {tab.url}"


def _type_capitals(tab, word):
    """Type `word` as people do: Shift held for each capital (also rolled over: Shift up before the letter)."""
    for i, letter in enumerate(word):
        if not letter.isupper():
            tab.keyboard.press(letter)
        elif i % 2:
            tab.keyboard.press(f"Shift+{letter}")
        else:
            tab.keyboard.down("Shift")
            tab.keyboard.down(letter)
            tab.keyboard.up("Shift")
            tab.keyboard.up(letter)


def test_capitals_typed_in_the_search_box_never_leave(desktop, site, base_url):
    tab = desktop.new_page()
    tab.goto(base_url + site.start("sv").path)
    search = tab.locator("input.md-search__input")
    search.click()
    _type_capitals(tab, "LVU")
    _type_capitals(tab, " SFS BrB")
    # Shift held down over several capitals, then released.
    tab.keyboard.down("Shift")
    for letter in "HVB":
        tab.keyboard.press(letter)
    tab.keyboard.up("Shift")
    _stays(tab, base_url, "typing capitals in the search box")
    assert search.input_value() == "LVU SFS BrBHVB"


@pytest.mark.parametrize("locale", ["sv", "ar"])
def test_capitals_typed_on_the_page_never_leave(locale, desktop, site, base_url):
    tab = desktop.new_page()
    tab.goto(base_url + site.start(locale).path)
    tab.locator("main").click(position={"x": 5, "y": 5})
    _type_capitals(tab, "LVUABC")
    # A Shift shortcut in between bare presses resets the count: Shift, Shift+Tab, Shift, Shift.
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    _stays(tab, base_url, "capitals and Shift+Tab on the page")


def test_another_key_between_shift_presses_starts_the_count_again(desktop, site, base_url):
    tab = desktop.new_page()
    tab.goto(base_url + site.start("sv").path)
    for keys in (["Shift", "Shift", "a", "Shift"], ["Shift", "Control+Shift", "Shift"], ["Shift", "Shift", "Enter"]):
        for key in keys:
            tab.keyboard.press(key)
        _stays(tab, base_url, " ".join(keys))
        tab.keyboard.press("Escape")


def test_the_count_starts_again_after_a_pause(desktop, site, base_url):
    tab = desktop.new_page()
    tab.clock.install()
    tab.goto(base_url + site.start("sv").path)
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    tab.clock.run_for(6000)
    assert tab.locator(STATUS).text_content() == ui_string("sv", "kb.quick_exit.expired")
    tab.keyboard.press("Shift")
    _stays(tab, base_url, "two presses, a pause, then one more")
    assert tab.locator(STATUS).text_content() == ui_string("sv", "kb.quick_exit.two_more")


# Reports every text the status region shows (and whether the page is hidden at that moment)
# to the test, also the last one, said while the browser is already on its way to the neutral site.
ANNOUNCEMENTS = """
new MutationObserver(() => {
  const status = document.getElementById("kb-quick-exit-status");
  const main = document.querySelector("main");
  if (status && status.textContent) window.kbAnnounced(status.textContent,
      main ? getComputedStyle(main).visibility : "", getComputedStyle(status).visibility);
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


@pytest.mark.parametrize("locale", LOCALES)
def test_each_press_and_the_exit_are_announced_in_the_readers_language(locale, desktop, site, base_url):
    heard = []
    desktop.expose_function("kbAnnounced", lambda *said: heard.append(said))
    desktop.add_init_script(ANNOUNCEMENTS)
    tab = desktop.new_page()
    tab.clock.install()  # the 5-second reset never fires between the presses, however slow the machine
    # The neutral site does not answer here, so the page lives on to say its last words.
    pending = []
    tab.route(QUICK_EXIT_URL + "**", lambda route: pending.append(route))
    tab.goto(base_url + site.start(locale).path)
    status = tab.locator(STATUS)
    assert status.get_attribute("role") == "status"
    assert status.text_content() == ""
    # Visually hidden, but not hidden from screen readers.
    box = status.bounding_box()
    assert box and box["width"] <= 1 and box["height"] <= 1
    assert status.evaluate("el => getComputedStyle(el).display !== 'none' && !el.closest('[aria-hidden=true]')")
    tab.keyboard.press("Shift")
    assert status.text_content() == ui_string(locale, "kb.quick_exit.two_more")
    tab.keyboard.press("Shift")
    assert status.text_content() == ui_string(locale, "kb.quick_exit.one_more")
    tab.keyboard.press("Shift")
    for _ in range(100):  # the announcement and the request for the neutral site arrive separately
        if len(heard) >= 3 and pending:
            break
        tab.wait_for_timeout(100)
    assert pending and pending[0].request.is_navigation_request()
    texts = [said[0] for said in heard]
    assert texts == [ui_string(locale, key) for key in
                     ("kb.quick_exit.two_more", "kb.quick_exit.one_more", "kb.quick_exit.leaving")], heard
    # When the exit is announced the page is already hidden, but the announcement is not.
    assert heard[-1][1:] == ("hidden", "visible"), heard


def test_every_page_the_site_builds_has_quick_exit(site):
    html_files = sorted(Path(site.root).rglob("*.html"))
    assert len(html_files) > 100
    missing = [str(f.relative_to(site.root)) for f in html_files
               if 'id="kb-quick-exit"' not in f.read_text(encoding="utf-8")]
    assert not missing, f"pages without the quick-exit control: {missing}"


def test_the_translators_status_page_has_a_working_quick_exit(desktop, site, base_url):
    tab = desktop.new_page()
    violations = []
    tab.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    tab.clock.install()
    tab.goto(base_url + "oversattningsstatus/")
    assert tab.locator("#kb-quick-exit").is_visible()
    tab.keyboard.press("Shift+A")
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    _stays(tab, base_url, "Shift+A and two presses on the status page")
    tab.keyboard.press("Shift")
    tab.wait_for_url(QUICK_EXIT_URL + "**", timeout=5000)
    assert _on_neutral_site(tab)
    assert violations == []


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
