"""A reader whose device may be checked by someone else: no third parties, no cookies, a strict CSP."""
from urllib.parse import urlsplit

import pytest

from kb.project import LOCALES


@pytest.mark.parametrize("locale", LOCALES)
def test_no_request_leaves_our_server(locale, visits):
    checked = {page: visit for page, visit in visits.items() if page.locale == locale}
    unrecorded = [str(page) for page, visit in checked.items() if not visit.requests]
    assert checked and not unrecorded, f"no requests were recorded for {unrecorded or locale}"
    outside = [f"{page}: {url}" for page, visit in visits.items() if page.locale == locale
               for url in visit.requests
               if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).hostname != "127.0.0.1"]
    assert not outside, "requests to other hosts:\n" + "\n".join(outside)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_page_sets_a_cookie(locale, visits):
    with_cookies = [f"{page}: {visit.cookies} {visit.document_cookie!r}" for page, visit in visits.items()
                    if page.locale == locale and (visit.cookies or visit.document_cookie)]
    assert not with_cookies, "cookies set:\n" + "\n".join(with_cookies)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_has_a_content_security_policy_and_breaks_none_of_it(locale, site, visits):
    missing = [str(page) for page in site.of(locale)
               if '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'' not in site.html(page)]
    assert not missing, "pages without the Content-Security-Policy meta tag:\n" + "\n".join(missing)
    violations = [f"{page}: {v}" for page, visit in visits.items() if page.locale == locale
                  for v in visit.csp_violations]
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


def test_the_csp_blocks_what_it_should(desktop, site, base_url):
    """The recorder sees a violation when a page tries something the policy forbids (the check can fail)."""
    tab = desktop.new_page()
    tab.goto(base_url + site.start("sv").path)
    tab.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__x = 1';
                            document.body.append(s); }""")
    tab.wait_for_timeout(200)
    assert tab.evaluate("window.__x") is None
    assert tab.evaluate("window.__kbCsp.length") >= 1
