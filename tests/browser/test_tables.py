"""A reader on a phone with a keyboard (or switch access) can scroll a wide table."""
from __future__ import annotations


def test_a_wide_table_on_a_phone_is_a_named_focusable_region(phone, base_url):
    tab = phone.new_page()
    tab.goto(base_url + "om-oss/ordlista-sprak/", wait_until="load")
    wrapper = tab.locator(".md-typeset__scrollwrap").first
    wrapper.wait_for()
    tab.wait_for_function("document.querySelector('.md-typeset__scrollwrap').hasAttribute('tabindex')")
    assert wrapper.evaluate("w => w.scrollWidth > w.clientWidth"), "the glossary table should be wider than a phone"
    assert wrapper.get_attribute("tabindex") == "0" and wrapper.get_attribute("role") == "region"
    label = tab.locator("#" + wrapper.get_attribute("aria-labelledby")).inner_text()
    assert label.strip()
    wrapper.focus()  # focusable: tabindex 0 puts it in the keyboard's tab order
    assert tab.evaluate("document.activeElement.classList.contains('md-typeset__scrollwrap')")
    tab.keyboard.press("ArrowRight")
    tab.wait_for_function("document.activeElement.scrollLeft > 0")
    tab.close()
