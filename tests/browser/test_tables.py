"""A reader on a phone with a keyboard (or switch access) can scroll a wide table."""
from __future__ import annotations

import time

from playwright.sync_api import expect


def test_a_wide_table_on_a_phone_is_a_named_focusable_region(phone, base_url):
    tab = phone.new_page()
    tab.goto(base_url + "om-oss/ordlista-sprak/", wait_until="load")
    wrapper = tab.locator(".md-typeset__scrollwrap").first
    wrapper.wait_for()
    expect(wrapper).to_have_attribute("tabindex", "0")  # polls; a JavaScript predicate would need 'unsafe-eval'
    assert wrapper.evaluate("w => w.scrollWidth > w.clientWidth"), "the glossary table should be wider than a phone"
    assert wrapper.get_attribute("tabindex") == "0" and wrapper.get_attribute("role") == "region"
    label = tab.locator("#" + wrapper.get_attribute("aria-labelledby")).inner_text()
    assert label.strip()
    wrapper.focus()  # focusable: tabindex 0 puts it in the keyboard's tab order
    assert tab.evaluate("document.activeElement.classList.contains('md-typeset__scrollwrap')")
    tab.keyboard.press("ArrowRight")
    deadline = time.monotonic() + 5
    while wrapper.evaluate("w => w.scrollLeft") == 0:
        assert time.monotonic() < deadline, "ArrowRight did not scroll the focused table"
        time.sleep(0.05)
    tab.close()
