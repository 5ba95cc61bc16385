"""Browser tests: a freshly built site, served over HTTP on 127.0.0.1, read by Chromium.

The site is the `built_site` fixture of tests/conftest.py: one strict build per
session, or KB_BUILT_SITE=<dir> to test an existing build (and KB_DOCS_DIR=<docs>
if that was built from other sources). Run: .venv/bin/python -m pytest tests/browser

Pages are enumerated from the built site's sitemap, so the tests follow the content.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from site_under_test import AXE, CSP_RECORDER, PHONE, WCAG_TAGS, Site, SitePage, stub_neutral_site

from kb.bench import CHROMIUM, CHROMIUM_ARGS, serve
from kb.project import ROOT


@pytest.fixture(scope="session")
def site(built_site) -> Site:
    """The fresh strict build of tests/conftest.py (or KB_BUILT_SITE); KB_DOCS_DIR names the
    docs it was built from when that is not docs/."""
    return Site(Path(built_site), Path(os.environ.get("KB_DOCS_DIR", ROOT / "docs")))


@pytest.fixture(scope="session")
def base_url(site) -> str:
    with serve(site.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    """A fresh phone-sized browsing context (no cookies, no cache), with the neutral site stubbed."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    stub_neutral_site(context)
    context.add_init_script(CSP_RECORDER)
    yield context
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    stub_neutral_site(context)
    context.add_init_script(CSP_RECORDER)
    yield context
    context.close()




@dataclass
class Visit:
    """What a reader's browser saw and did when it loaded one page."""

    page: SitePage
    requests: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    cookies: list = field(default_factory=list)
    document_cookie: str = ""
    axe_violations: list[dict] = field(default_factory=list)
    html_lang: str = ""
    html_dir: str = ""
    body_direction: str = ""


AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary.replace(/\\s+/g, " "))}));
}"""


CONCURRENT_TABS = 3


async def _crawl(pages: list[SitePage], base_url: str) -> dict[SitePage, Visit]:
    """Visit `pages` with a few tabs at once: one browser, one context per language."""
    from playwright.async_api import async_playwright
    seen: dict[SitePage, Visit] = {}
    queue: asyncio.Queue = asyncio.Queue()
    for page in pages:
        queue.put_nowait(page)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        contexts = {}
        for locale in sorted({page.locale for page in pages}):
            contexts[locale] = await browser.new_context(viewport={"width": 1280, "height": 800})
            await contexts[locale].add_init_script(CSP_RECORDER)
            # Injected by the test driver, so the page's Content-Security-Policy does not apply.
            await contexts[locale].add_init_script(path=AXE)

        async def worker():
            tabs = {}
            while not queue.empty():
                page = queue.get_nowait()
                visit = Visit(page)
                tab = tabs.get(page.locale)
                if tab is None:
                    tab = tabs[page.locale] = await contexts[page.locale].new_page()
                    tab.on("request", lambda request, tab=tab: tab.kb_visit.requests.append(request.url))
                    tab.on("console", lambda message, tab=tab: "Content Security Policy" in message.text
                           and tab.kb_visit.csp_violations.append(message.text))
                tab.kb_visit = visit
                await tab.goto(base_url + page.path, wait_until="load")
                visit.csp_violations += await tab.evaluate("window.__kbCsp")
                visit.cookies = await contexts[page.locale].cookies()
                visit.document_cookie = await tab.evaluate("document.cookie")
                visit.html_lang, visit.html_dir, visit.body_direction = await tab.evaluate(
                    "[document.documentElement.lang, document.documentElement.dir,"
                    " getComputedStyle(document.querySelector('.md-content')).direction]")
                visit.axe_violations = await tab.evaluate(AXE_RUN, WCAG_TAGS)
                seen[page] = visit

        await asyncio.gather(*(worker() for _ in range(CONCURRENT_TABS)))
        await browser.close()
    return seen


@pytest.fixture(scope="session")
def visits(site, base_url) -> dict[SitePage, Visit]:
    """Load every page the browser checks (Site.checked_in_browser) once, recording requests,
    CSP violations, cookies, axe-core's findings and the text direction."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # its own event loop, beside the sync API
        return pool.submit(asyncio.run, _crawl(site.checked_in_browser, base_url)).result()
