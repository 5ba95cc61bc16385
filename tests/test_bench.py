"""kb.bench: the plain-Material comparison config and the local server that stands in for nginx."""
import gzip
import urllib.error
import urllib.request

import yaml

from kb.bench import cache_control, plain_config, plain_swedish_config, serve
from kb.project import ROOT, MkDocsYamlLoader


def _load(text: str) -> dict:
    return yaml.load(text, Loader=MkDocsYamlLoader)  # mkdocs.yml's !ENV tags read as plain values


def test_plain_config_drops_the_kb_plugin_overrides_and_assets(tmp_path):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plain = _load(plain_config(text, ROOT / "docs", tmp_path / "theme"))
    original = _load(text)
    for key in ("hooks", "extra_css", "extra_javascript"):
        assert key not in plain
    assert plain["theme"]["custom_dir"] == str(tmp_path / "theme")
    assert plain["docs_dir"] == str(ROOT / "docs")
    names = [next(iter(p)) if isinstance(p, dict) else p for p in plain["plugins"]]
    assert "kb" not in names and {"search", "i18n"} <= set(names)
    # Everything else is the same site: the other plugins, nav, Markdown extensions.
    assert plain["plugins"] == [p for p in original["plugins"] if not (isinstance(p, dict) and "kb" in p)]
    for key in ("nav", "markdown_extensions", "site_url"):
        assert plain[key] == original[key]


def test_plain_swedish_config_is_material_alone_on_the_swedish_pages(tmp_path):
    plain = _load(plain_swedish_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), tmp_path))
    assert plain["plugins"] == [{"search": {"lang": "sv"}}]
    assert "custom_dir" not in plain["theme"] and plain["docs_dir"] == str(tmp_path)


def _get(url, **headers):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_the_server_compresses_revalidates_and_answers_404_in_the_language(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text("<p>start</p>" * 100)
    (tmp_path / "404.html").write_text("<h1>Sidan finns inte</h1>")
    (tmp_path / "en" / "404.html").write_text("<h1>Page not found</h1>")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" * 10)
    with serve(tmp_path) as base:
        status, headers, body = _get(base, **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == b"<p>start</p>" * 100
        assert int(headers["Content-Length"]) == len(body) < 1200
        status, headers, body = _get(base)
        assert "Content-Encoding" not in headers and len(body) == 1200
        assert _get(base, **{"If-None-Match": headers["ETag"]})[0] == 304
        assert "Content-Encoding" not in _get(base + "logo.png", **{"Accept-Encoding": "gzip"})[1]
        assert _get(base + "en/missing/")[0] == 404
        assert b"Page not found" in _get(base + "en/missing/")[2]
        assert b"Sidan finns inte" in _get(base + "vagledning/missing/")[2]


def test_only_hashed_theme_files_are_cached_for_a_year():
    assert "immutable" in cache_control("/assets/javascripts/bundle.a5f9d56c.min.js")
    assert cache_control("/assets/stylesheets/kb.css") == "no-cache"
    assert cache_control("/en/") == "no-cache"
