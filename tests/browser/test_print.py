"""A professional prints a guidance page: content only, no navigation or quick exit."""


def test_printing_hides_navigation_quick_exit_and_banner(desktop, site, base_url):
    tab = desktop.new_page()
    page = next((p for p in site.of("sv") if p.rest), site.start("sv"))
    tab.goto(base_url + page.path)
    tab.emulate_media(media="print")
    hidden = ["#kb-quick-exit", ".md-header", ".md-sidebar--primary", ".kb-emergency", ".md-footer"]
    shown = tab.evaluate("""(selectors) => selectors.filter(s => {
        const el = document.querySelector(s);
        return el && getComputedStyle(el).display !== "none"; })""", hidden)
    assert not shown, f"visible when printing: {shown}"
    assert tab.locator("article h1").is_visible()
    tab.emulate_media(media="screen")
    assert tab.locator("#kb-quick-exit").is_visible()
