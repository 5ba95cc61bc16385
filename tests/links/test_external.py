"""kb/links/external.py against real HTTP servers on 127.0.0.1 (no internet needed).

One threaded server answers 200, 301, 404, 410, 429 with Retry-After, 500,
and one path never answers. A second server counts requests to prove the
per-host rate limit and the cache.
"""
from __future__ import annotations

import asyncio
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.findings import EXIT_ERROR, EXIT_USAGE, KbError
from kb.links import external
from kb.links.external import Options, Result, check_urls, retry_after

FAST = Options(concurrency=4, host_interval=0.0, timeout=1.0, retries=2, backoff=0.05, max_wait=2.0)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: dict = {}
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def do_GET(self):
        with self.lock:
            count = self.hits[self.path] = self.hits.get(self.path, 0) + 1
            self.hits.setdefault("times", []).append((self.path, time.monotonic()))
        if self.path == "/ok":
            self.answer(200)
        elif self.path == "/moved":
            self.answer(301, Location="/ok")
        elif self.path == "/found":
            self.answer(302, Location="/ok")
        elif self.path == "/gone":
            self.answer(410)
        elif self.path == "/busy":  # 429 with Retry-After once, then fine
            self.answer(429, **{"Retry-After": "1"}) if count == 1 else self.answer(200)
        elif self.path == "/slow-down":  # asks for a pause longer than we wait
            self.answer(429, **{"Retry-After": "100"})
        elif self.path == "/error":
            self.answer(500)
        elif self.path == "/silent":
            time.sleep(3)  # longer than the client's timeout
            self.answer(200)
        else:
            self.answer(404)

    def answer(self, status, **headers):
        body = b"<!doctype html><title>x</title>"
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def server():
    Handler.hits = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def check(urls, options=FAST) -> dict[str, Result]:
    return asyncio.run(check_urls(urls, options))


def test_answers_are_classified(server):
    results = check([f"{server}/{p}" for p in ("ok", "moved", "found", "gone", "missing", "error", "silent")])
    r = {url.rsplit("/", 1)[1]: result for url, result in results.items()}
    assert r["ok"].ok and r["ok"].attempts == 1 and not r["ok"].permanent_redirect
    assert r["moved"].ok and r["moved"].permanent_redirect == f"{server}/ok"
    assert r["found"].ok and not r["found"].permanent_redirect     # temporary redirects are fine
    assert r["gone"].status == 410 and r["gone"].attempts == 1        # 4xx is not retried
    assert r["missing"].status == 404
    assert r["error"].status == 500 and r["error"].attempts == 3      # 5xx is retried twice
    assert r["silent"].status is None and "no answer within 1 s" in r["silent"].error
    assert r["silent"].attempts == 3


def test_429_waits_as_long_as_retry_after_says(server):
    start = time.monotonic()
    result = check([f"{server}/busy"])[f"{server}/busy"]
    assert result.status == 200 and result.attempts == 2
    assert time.monotonic() - start >= 1.0
    (_, first), (_, second) = [t for t in Handler.hits["times"] if t[0] == "/busy"]
    assert second - first >= 1.0


def test_a_host_asking_for_a_long_pause_is_left_alone_until_the_next_run(server):
    start = time.monotonic()
    results = check([f"{server}/slow-down"])
    result = results[f"{server}/slow-down"]
    assert result.status == 429 and result.attempts == 1 and time.monotonic() - start < 2
    finding, = external.findings_for({f"{server}/slow-down": [("docs/a.md", 3)]}, results)
    assert (finding.code, finding.severity) == ("KB415", "warning")


def test_retry_after_accepts_seconds_and_http_dates():
    assert retry_after("7") == 7.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_one_host_gets_one_request_per_interval(server):
    urls = [f"{server}/ok?{n}" for n in range(4)]
    start = time.monotonic()
    check(urls, Options(concurrency=4, host_interval=0.3, timeout=2.0))
    arrivals = sorted(t for path, t in Handler.hits["times"])
    # Four requests allowed to run at once, but the fourth may only start 3 intervals after the first.
    assert len(arrivals) == 4 and arrivals[-1] - start >= 0.9
    other = Options(concurrency=4, host_interval=0.0, timeout=2.0)
    start = time.monotonic()
    check([f"{server}/ok?again{n}" for n in range(4)], other)
    assert time.monotonic() - start < 0.9


def test_findings_name_every_place_a_bad_url_is_written(server):
    found = {f"{server}/gone": [("docs/a.md", 12), ("docs/a.en.md", 14)],
             f"{server}/moved": [("docs/b.md", 9)], f"{server}/ok": [("docs/b.md", 10)]}
    findings = external.findings_for(found, check(list(found)))
    assert sorted((f.file, f.line, f.code, f.severity) for f in findings) == [
        ("docs/a.en.md", 14, "KB411", "error"), ("docs/a.md", 12, "KB411", "error"),
        ("docs/b.md", 9, "KB412", "warning")]
    assert "answers HTTP 410" in findings[0].message


def make_docs(tmp_path: Path, server: str) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(f"""---
title: T
sources:
  - title: Källa
    url: {server}/ok
    checked: 2026-11-01
---

# T

Se [sidan]({server}/gone), <{server}/moved> och {server}/ok.

```
{server}/in-code-is-ignored
```

Blockerad: [x](https://blocked.example/page).
""", encoding="utf-8")
    return docs


def test_urls_are_collected_from_front_matter_and_body_but_not_code(tmp_path, server):
    found = external.collect_urls(make_docs(tmp_path, server), tmp_path)
    assert found == {f"{server}/gone": [("docs/index.md", 11)], f"{server}/moved": [("docs/index.md", 11)],
                     f"{server}/ok": [("docs/index.md", 5), ("docs/index.md", 11)],
                     "https://blocked.example/page": [("docs/index.md", 17)]}


def test_the_cache_spares_the_hosts_and_expires(tmp_path, server):
    docs = make_docs(tmp_path, server)
    cache = tmp_path / ".cache" / "external-links.json"
    allow = {"blocked.example"}
    first = external.check_external(docs, tmp_path, cache, allow, FAST)
    assert first.checked == 3 and first.cached == 0 and first.skipped == ["https://blocked.example/page"]
    hits = sum(v for k, v in Handler.hits.items() if k != "times")
    second = external.check_external(docs, tmp_path, cache, allow, FAST)
    assert second.checked == 0 and second.cached == 3
    assert sum(v for k, v in Handler.hits.items() if k != "times") == hits   # no new requests
    assert sorted(f.code for f in second.findings) == sorted(f.code for f in first.findings) == ["KB411", "KB412"]
    # A day later the failure is checked again; the working links are still fresh.
    later = external.check_external(docs, tmp_path, cache, allow, FAST, now=time.time() + 25 * 3600)
    assert later.checked == 1 and later.cached == 2
    assert json.loads(cache.read_text(encoding="utf-8"))["version"] == 1
    assert not list(cache.parent.glob("*.tmp"))


def test_an_unreadable_cache_is_an_empty_cache(tmp_path):
    cache = tmp_path / "c.json"
    cache.write_text("{not json", encoding="utf-8")
    assert external.load_cache(cache, time.time()) == {}


def test_the_allowlist_needs_a_reason(tmp_path):
    path = tmp_path / "allow.yml"
    path.write_text("- host: example.org\n  reason: blocks bots\n- host: other.example\n", encoding="utf-8")
    with pytest.raises(KbError, match="reason") as caught:
        external.load_allowlist(path)
    assert caught.value.path == str(path) and "host:" in caught.value.hint
    assert external.allowlisted("https://www.example.org/x", {"example.org"})
    assert not external.allowlisted("https://badexample.org/x", {"example.org"})


def test_the_projects_allowlist_is_valid():
    hosts = external.load_allowlist(Path(__file__).resolve().parents[2] / "data" / "links-allowlist.yml")
    assert hosts and all("/" not in host for host in hosts)


def test_command_offline_prints_a_notice_and_touches_nothing(tmp_path, server, monkeypatch):
    make_docs(tmp_path, server)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["links", "check", "--external", "--offline"])
    assert result.exit_code == 0 and "external links not checked" in result.output
    assert Handler.hits == {} and not (tmp_path / ".cache").exists()


def test_command_without_network_skips_with_a_notice(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    # Port 9 on 127.0.0.1: nothing listens, the connect probe fails at once.
    (docs / "index.md").write_text("# T\n\nhttp://127.0.0.1:9/x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI", "true")
    result = CliRunner().invoke(main, ["links", "check", "--external", "--format", "github"])
    assert result.exit_code == 0 and "::notice title=kb links::external links not checked: no network in CI" \
        in result.output


def test_command_checks_and_fails_on_broken_links(tmp_path, server, monkeypatch):
    make_docs(tmp_path, server)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "links-allowlist.yml").write_text("- host: blocked.example\n  reason: test\n",
                                                          encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["links", "check", "--external", "--host-interval", "0", "--timeout", "1"])
    assert result.exit_code == 1, result.output
    assert f"docs/index.md:11: KB411 error: {server}/gone answers HTTP 410" in result.output
    assert f"docs/index.md:11: KB412 warning: {server}/moved has moved permanently to {server}/ok" in result.output
    assert "3 checked now, 0 from the cache" in result.output and "1 skipped" in result.output


def test_command_a_broken_allowlist_is_a_tool_error_exit_3_not_a_traceback(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# T\n\nText.\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "links-allowlist.yml").write_text("- host: a.example\n  reason: [unclosed\n",
                                                          encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["links", "check", "--external"])
    assert result.exit_code == EXIT_ERROR, result.output
    assert result.output.startswith("Error: data/links-allowlist.yml:")
    assert "not valid YAML" in result.output and "hint:" in result.output
    assert not isinstance(result.exception, KbError)   # converted, not raised through


def test_command_without_a_built_site_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["links", "check", "site"])
    assert result.exit_code == EXIT_USAGE and "make build" in result.output


def test_command_offline_with_json_still_prints_valid_json(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["links", "check", "--external", "--offline", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "external links not checked" in result.stderr
