"""deploy/nginx.conf, run by Debian's real nginx against a fresh build of the site.

The test wraps the file in a minimal main configuration (pid, logs and temp
paths in a temporary folder, so no root rights are needed), substitutes only
the three lines a deployer changes (listen, server_name stays, root) and
checks headers, compression, caching and the per-language 404 pages over HTTP.
"""
from __future__ import annotations

import gzip
import re
import subprocess
from pathlib import Path

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser

from kb import preview
from kb.findings import KbError
from kb.project import LANGUAGES, SOURCE_LOCALE

ROOT = Path(__file__).resolve().parents[2]
NGINX = preview.nginx_binary()

pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (make setup-test)")


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    prefix = tmp_path_factory.mktemp("nginx")
    port = preview.free_port()
    main = preview.write_config(prefix, port, built_site)
    command = preview.command(prefix, main)
    test = subprocess.run([*command[:-2], "-t"], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        preview.wait_for(port, process)
    except KbError as error:
        pytest.fail(str(error), pytrace=False)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=False, timeout=5) as client:
        yield client, prefix, built_site
    process.terminate()
    process.wait(timeout=10)


def get(client, path, **headers):
    return client.get(path, headers={"Accept-Encoding": "gzip", **headers})


def test_pages_have_the_security_headers(nginx):
    client, _, _ = nginx
    for path in ("/", "/en/", "/finns-inte/"):
        headers = get(client, path).headers
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp and "base-uri 'self'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert "camera=()" in headers["permissions-policy"] and "geolocation=()" in headers["permissions-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert "server" not in headers or "/" not in headers["server"]   # no version number


def _policy(text: str) -> dict[str, list[str]]:
    return {parts[0]: parts[1:] for parts in (d.split() for d in text.split(";")) if parts}


FETCH_DIRECTIVES = {"script-src", "style-src", "img-src", "font-src", "connect-src", "worker-src",
                    "object-src", "media-src", "frame-src", "manifest-src"}


def test_the_header_policy_is_never_stricter_than_a_pages_own_policy(nginx):
    """Both policies are enforced; the header must allow every source the page's meta policy lists."""
    client, _, site = nginx
    header = _policy(get(client, "/").headers["content-security-policy"])
    pages = [site / "index.html", site / "404.html", *sorted(site.glob("*/index.html"))]
    for page in pages:
        meta = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first(
            'meta[http-equiv="Content-Security-Policy"]')
        assert meta is not None, page
        for directive, sources in _policy(meta.attributes["content"]).items():
            allowed = header.get(directive) or (header["default-src"] if directive in FETCH_DIRECTIVES else None)
            if allowed is None:
                continue   # a directive the header does not restrict
            for source in sources:
                if source == "'none'":
                    continue   # the page allows nothing: any header is at least as loose
                if source.startswith("'sha256-"):
                    assert "'unsafe-inline'" in allowed or source in allowed, (page, directive, source)
                else:
                    assert source in allowed, (page, directive, source)


def test_html_is_compressed_and_revalidated(nginx):
    client, _, site = nginx
    response = get(client, "/en/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-encoding"] == "gzip" and "Accept-Encoding" in response.headers["vary"]
    assert response.headers["cache-control"] == "no-cache"
    assert response.text == (site / "en" / "index.html").read_text(encoding="utf-8")
    etag = response.headers["etag"]
    assert get(client, "/en/", **{"If-None-Match": etag}).status_code == 304


def test_hashed_theme_assets_are_cached_for_a_year(nginx):
    client, _, site = nginx
    for asset in [*(site / "assets" / "javascripts").glob("bundle.*.min.js"),
                  *(site / "assets" / "stylesheets").glob("main.*.min.css")]:
        response = get(client, "/" + asset.relative_to(site).as_posix())
        assert response.status_code == 200
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert response.headers["content-encoding"] == "gzip"
        assert response.headers["content-type"].split(";")[0] in ("application/javascript", "text/css")


def test_unhashed_assets_are_revalidated(nginx):
    client, _, _ = nginx
    response = get(client, "/assets/javascripts/quick-exit.js")
    assert response.status_code == 200 and response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path, content_type", [
    ("/sitemap.xml", ("application/xml", "text/xml")),
    ("/search/search_index.json", ("application/json",)),
    ("/assets/stylesheets/kb.css", ("text/css",)),
])
def test_text_formats_are_compressed(nginx, path, content_type):
    client, _, site = nginx
    raw = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert raw.status_code == 200 and raw.headers["content-type"].split(";")[0] in content_type
    if (site / path.lstrip("/")).stat().st_size >= 256:
        assert raw.headers["content-encoding"] == "gzip"
    plain = client.get(path, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers


def test_compressed_bytes_really_are_gzip(nginx):
    client, _, site = nginx
    with client.stream("GET", "/", headers={"Accept-Encoding": "gzip"}) as response:
        body = b"".join(response.iter_raw())
    assert gzip.decompress(body) == (site / "index.html").read_bytes()


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_not_found_pages_speak_the_language_of_the_address(nginx, language):
    client, _, site = nginx
    if language.locale == SOURCE_LOCALE:
        path, page = "/finns-inte/alls/", site / "404.html"
    else:
        path, page = f"/{language.locale}/does-not-exist/", site / language.locale / "404.html"
    response = get(client, path)
    assert response.status_code == 404
    assert response.text == page.read_text(encoding="utf-8")
    assert f'<html lang="{language.bcp47}" dir="{language.dir}"' in response.text
    assert "KB_CSP" not in response.text and "script-src 'self' 'sha256-" in response.text   # its own CSP
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_an_unknown_language_prefix_gets_the_swedish_404(nginx):
    client, _, site = nginx
    response = get(client, "/de/seite/")
    assert response.status_code == 404 and '<html lang="sv"' in response.text


def test_directory_redirects_stay_on_the_visitors_address(nginx):
    client, _, _ = nginx
    response = get(client, "/en")
    assert response.status_code == 301 and response.headers["location"] == "/en/"


def test_hidden_files_are_not_served(nginx):
    client, _, site = nginx
    assert get(client, "/.git/config").status_code == 404


def test_no_access_log_is_written(nginx):
    client, prefix, _ = nginx
    get(client, "/")
    get(client, "/en/does-not-exist/")
    log = prefix / "access.log"
    assert not log.exists() or log.read_text() == ""
    errors = (prefix / "error.log").read_text() if (prefix / "error.log").exists() else ""
    assert "does-not-exist" not in errors   # missing pages are not logged with the client's address


def test_chromium_runs_the_pages_scripts_under_both_policies(nginx):
    """The header CSP and the page's meta CSP together: inline scripts with a hash run, nothing is blocked."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from kb.bench import CHROMIUM, CHROMIUM_ARGS
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (make setup-test)")
    client, _, _ = nginx
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
            page.add_init_script("window.__violations = [];"
                                 "document.addEventListener('securitypolicyviolation',"
                                 " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
            for path in ("/", "/ar/", "/en/does-not-exist/"):
                page.goto(str(client.base_url).rstrip("/") + path)
                page.wait_for_load_state("load")
                assert page.evaluate("window.__violations") == [], path
                # Material's inline script (allowed by its hash) defines __md_scope.
                assert page.evaluate("typeof window.__md_scope") == "object", path
        finally:
            browser.close()
