"""`make bench`: how fast the site builds and how little a reader's phone downloads.

Prints numbers; it does not pass or fail (the browser tests assert behaviour).
Sections: build time against plain Material + mkdocs-static-i18n (and the time
spent in each project hook), bytes a first and a second page cost (gzipped, as
deploy/nginx.conf sends them), Lighthouse scores (mobile) when node_modules has
lighthouse, and the time of the `kb` checks. Options: --help.
"""
from __future__ import annotations

import contextlib
import gzip
import http.server
import io
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from kb.project import LANGUAGES, ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# What nginx's `gzip_types` would compress (text/html is always compressed).
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "image/svg+xml", "application/manifest+json")
# Budgets from GitHub issue 7 ("a reader's phone downloads almost nothing").
FIRST_VISIT_BUDGET = 90 * 1024
NEXT_PAGE_BUDGET = 20 * 1024
FIRST_SEARCH_BUDGET = 160 * 1024  # issue 13: the search worker and the language's index
BUILD_RATIO_BUDGET = 1.15
RELOAD_RATIO_BUDGET = 1.2  # issue 14: save -> reloaded page, ours against plain Material's mkdocs serve


# --- A local web server that compresses like nginx ---------------------------------

HASHED_ASSET = re.compile(r"^/assets/.+\.[0-9a-f]{8}\.min\.(js|css)$")


def cache_control(url_path: str) -> str:
    """As deploy/nginx.conf says: hashed theme files for a year, everything else revalidated."""
    return "public, max-age=31536000, immutable" if HASHED_ASSET.match(url_path) else "no-cache"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files as deploy/nginx.conf serves them: text types gzipped when the client
    accepts it, Cache-Control as there, ETag with 304 answers, the 404 page per language."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript", ".json": "application/json",
                      ".xml": "application/xml", ".svg": "image/svg+xml", ".woff2": "font/woff2"}
    use_gzip = True

    def log_message(self, format, *args):
        pass

    def send_head(self):
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the base class redirects to the slash URL
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        stat = path.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", cache_control(url_path))
            self.end_headers()
            return None
        return self._send(200, path.read_bytes(), self.guess_type(str(path)),
                          {"ETag": etag, "Last-Modified": self.date_time_string(int(stat.st_mtime)),
                           "Cache-Control": cache_control(url_path)})

    def _not_found(self):
        """The site's own 404 page, in the language of the URL (nginx: error_page 404)."""
        locale = self.path.strip("/").split("/")[0]
        root = Path(self.directory)
        for candidate in (root / locale / "404.html", root / "404.html"):
            if locale and candidate.is_file():
                return self._send(404, candidate.read_bytes(), "text/html")
        if (root / "404.html").is_file():
            return self._send(404, (root / "404.html").read_bytes(), "text/html")
        self.send_error(404)
        return None

    def _send(self, status, body, ctype, headers=None):
        gzipped = (self.use_gzip and ctype.startswith(COMPRESSIBLE)
                   and "gzip" in self.headers.get("Accept-Encoding", ""))
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(directory: Path, use_gzip: bool = True):
    """Serve `directory` on 127.0.0.1 (a free port); yields the base URL ending in '/'."""
    handler = type("Handler", (_Handler,), {"use_gzip": use_gzip})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# --- Build time: the project against plain Material + mkdocs-static-i18n ---------

def _without_kb_plugin(lines: list[str]) -> list[str]:
    """Drop the `- kb:` entry (and its options) from the plugins list."""
    out, skipping, indent = [], False, 0
    for line in lines:
        stripped = line.lstrip()
        current = len(line) - len(stripped)
        if stripped.startswith("- kb:") or stripped == "- kb":
            skipping, indent = True, current
            continue
        if skipping and (not stripped or current > indent or (stripped.startswith("#") and current >= indent)):
            continue
        skipping = False
        out.append(line)
    return out


def plain_config(text: str, docs_dir: Path, languages_dir: Path) -> str:
    """mkdocs.yml without the kb plugin, theme overrides and extra CSS/JS.

    Material has no UI strings for some of our languages (fa-AF, so, ti), so the
    plain build gets a custom_dir with only the language partials. Works on the
    text so that tags such as !ENV survive unchanged.
    """
    out, skipping = [], False
    for line in text.splitlines():
        top_level = line[:1] not in ("", " ", "#", "-")
        if top_level:
            skipping = line.split(":")[0] in ("hooks", "extra_css", "extra_javascript")
            if line.startswith("docs_dir:"):
                line = f"docs_dir: {docs_dir}"
        if skipping:
            continue
        if line.strip().startswith("custom_dir:"):
            line = line.split("custom_dir:")[0] + f"custom_dir: {languages_dir}"
        out.append(line)
    out = _without_kb_plugin(out)
    if not any(line.startswith("docs_dir:") for line in out):
        out.insert(0, f"docs_dir: {docs_dir}")
    return "\n".join(out) + "\n"


def plain_swedish_config(text: str, docs_dir: Path) -> str:
    """Plain Material for the Swedish pages only: no i18n, no kb plugin, no overrides, no extra assets."""
    out, skipping = [], False
    for line in text.splitlines():
        top_level = line[:1] not in ("", " ", "#", "-")
        if top_level:
            skipping = line.split(":")[0] in ("hooks", "extra_css", "extra_javascript", "plugins", "docs_dir")
        if skipping or line.strip().startswith("custom_dir:"):
            continue
        out.append(line)
    return "\n".join([f"docs_dir: {docs_dir}", *out, "plugins:", "  - search:", "      lang: sv"]) + "\n"


def build(config: Path, site_dir: Path, strict: bool) -> tuple[float, str]:
    """Build into `site_dir`; returns (seconds, error output). Raises SystemExit if it fails."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config), "-d", str(site_dir)]
    if strict:
        command.insert(4, "--strict")
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"bench: `{' '.join(command)}` failed:\n{result.stdout}{result.stderr}")
    return seconds, result.stderr


def count_pages(site_dir: Path) -> int:
    """Pages in every language: the built HTML files except 404 pages and assets."""
    return sum(1 for path in site_dir.rglob("index.html") if "assets" not in path.relative_to(site_dir).parts)


# Runs one build in-process with every project hook timed; prints {event: seconds} as JSON.
HOOK_TIMER = """
import json, os, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2], strict=True)
spent = {}
def timed(event, function):
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[event] = spent.get(event, 0.0) + time.perf_counter() - start
    return run
for event, functions in config.plugins.events.items():
    functions[:] = [timed(event, f) if str(getattr(f, "__module__", "")).startswith("kb.plugin") else f
                    for f in functions]
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
print(json.dumps(spent))
"""


def hook_times(site_dir: Path) -> dict[str, float] | str:
    """Seconds spent in each kb plugin event over a whole build (all languages), or an error."""
    result = subprocess.run([sys.executable, "-c", HOOK_TIMER, str(ROOT / "mkdocs.yml"), str(site_dir)],
                            cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return (result.stderr or result.stdout).strip()[-300:]


def bench_build(work: Path, repeat: int) -> Path:
    print("== Build (all languages) ==")
    project_site, plain_site = work / "project-site", work / "plain-site"
    plain = work / "mkdocs.plain.yml"
    languages = work / "plain-theme"
    shutil.copytree(ROOT / "overrides" / "partials" / "languages", languages / "partials" / "languages")
    plain.write_text(plain_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), ROOT / "docs", languages),
                     encoding="utf-8")
    our_times: list[float] = []
    their_times: list[float] = []
    for _ in range(repeat):  # interleaved, so a busy machine slows both alike
        our_times.append(build(ROOT / "mkdocs.yml", project_site, strict=True)[0])
        their_times.append(build(plain, plain_site, strict=False)[0])
    ours, theirs = min(our_times), min(their_times)
    pages = count_pages(project_site)
    # The ratio of each back-to-back pair, then the median: this machine's speed drifts by a third
    # within minutes, and two best times can come from different minutes.
    pairs = sorted(mine / plain for mine, plain in zip(our_times, their_times, strict=True))
    ratio = statistics.median(pairs)
    print(f"project build (strict, kb plugin):      {ours:6.2f} s  (best of {repeat}: "
          f"{', '.join(f'{t:.2f}' for t in our_times)}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    print(f"plain Material + mkdocs-static-i18n:      {theirs:6.2f} s  (best of {repeat}: "
          f"{', '.join(f'{t:.2f}' for t in their_times)})")
    print(f"ratio (median of {repeat} back-to-back pairs): {ratio:6.3f}  (target <= {BUILD_RATIO_BUDGET}) "
          f"{'OK' if ratio <= BUILD_RATIO_BUDGET else 'OVER'}  (pairs {', '.join(f'{r:.2f}' for r in pairs)})")
    spent = hook_times(work / "timed-site")
    if isinstance(spent, dict):
        print(f"time in the kb plugin:                    {sum(spent.values()):6.2f} s  ("
              + ", ".join(f"on_{event} {seconds:.2f}" for event, seconds in
                          sorted(spent.items(), key=lambda item: -item[1])) + ")")
    else:
        print(f"time in the kb plugin: not measured ({spent})")
    print(f"pages (all languages):                    {pages:6d}")
    print(f"page-languages per second:                {pages / ours:6.1f}")
    return project_site


# --- What a reader's phone downloads ---------------------------------------------

@dataclass
class Transfer:
    url: str
    status: int
    bytes: int      # what crossed the network: headers + (gzipped) body; 0 from the cache
    cached: bool


def _record(tab, base: str):
    """Record every response of the tab through the DevTools protocol (encodedDataLength
    is what was transferred, and 0 for responses from the browser's cache)."""
    session = tab.context.new_cdp_session(tab)
    session.send("Network.enable")
    requests: dict[str, dict] = {}
    done: list[Transfer] = []
    session.on("Network.requestWillBeSent", lambda e: requests.setdefault(e["requestId"], {}).update(
        url=e["request"]["url"]))
    session.on("Network.responseReceived", lambda e: requests.setdefault(e["requestId"], {}).update(
        status=e["response"]["status"],
        cached=e["response"].get("fromDiskCache", False) or e["response"].get("fromPrefetchCache", False)))
    session.on("Network.requestServedFromCache", lambda e: requests.setdefault(e["requestId"], {}).update(
        cached=True))

    def finished(event):
        info = requests.get(event["requestId"], {})
        size = int(event["encodedDataLength"])
        done.append(Transfer(info.get("url", "?").replace(base, "/"), info.get("status", 0),
                             size, info.get("cached", False) or size == 0))

    session.on("Network.loadingFinished", finished)
    return done


def _print_transfers(label: str, transfers: list[Transfer], budget: int) -> int:
    total = sum(t.bytes for t in transfers)
    verdict = "OK" if total <= budget else "OVER"
    print(f"{label}: {len(transfers)} responses, {total / 1024:.1f} KB transferred "
          f"(budget {budget / 1024:.0f} KB) {verdict}")
    for t in sorted(transfers, key=lambda t: -t.bytes)[:5]:
        print(f"    {t.bytes / 1024:7.1f} KB  {'cache' if t.cached else t.status}  {t.url}")
    return total


def second_page(site_dir: Path) -> str:
    """A guidance page (Swedish) for the 'next page' measurement."""
    for candidate in ("vagledning/socialtjansten/", "vagledning/", "om-hedersrelaterat-vald/"):
        if (site_dir / candidate / "index.html").is_file():
            return candidate
    pages = sorted(p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.glob("*/index.html")
                   if p.parent.name not in {language.locale for language in LANGUAGES} | {"assets", "search"})
    return pages[0] if pages else ""


def bench_browser(site_dir: Path) -> None:
    from playwright.sync_api import sync_playwright
    print("\n== A reader's phone (gzip as nginx sends it, fresh browser) ==")
    nxt = second_page(site_dir)
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
        tab = context.new_page()
        transfers = _record(tab, base)
        tab.goto(base, wait_until="networkidle")
        first = list(transfers)
        transfers.clear()
        tab.goto(base + nxt, wait_until="networkidle")
        second = list(transfers)
        browser.close()
    _print_transfers("first visit, Swedish start page /", first, FIRST_VISIT_BUDGET)
    _print_transfers(f"next page in the same session /{nxt}", second, NEXT_PAGE_BUDGET)


def first_search(site_dir: Path) -> dict[str, tuple[int, int]]:
    """Per language: bytes of a first visit to its start page (fresh browser) and of the first
    search there (everything fetched from touching the search box until the results show)."""
    from playwright.sync_api import sync_playwright
    result = {}
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for language in LANGUAGES:
            context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
            tab = context.new_page()
            transfers = _record(tab, base)
            path = "" if language.locale == LANGUAGES[0].locale else f"{language.locale}/"
            tab.goto(base + path, wait_until="networkidle")
            visit = sum(t.bytes for t in transfers)
            transfers.clear()
            tab.locator("label.md-header__button[for=__search]").click()
            tab.locator("input.md-search__input").fill("112")
            tab.locator(".md-search-result__item").first.wait_for(timeout=15000)
            tab.wait_for_load_state("networkidle")
            result[language.locale] = (visit, sum(t.bytes for t in transfers))
            context.close()
        browser.close()
    return result


def bench_search(site_dir: Path) -> None:
    print(f"\n== First visit and first search per language (budgets {FIRST_VISIT_BUDGET // 1024} KB and "
          f"{FIRST_SEARCH_BUDGET // 1024} KB, gzipped) ==")
    for locale, (visit, search) in first_search(site_dir).items():
        verdict = "OK" if visit <= FIRST_VISIT_BUDGET and search <= FIRST_SEARCH_BUDGET else "OVER"
        print(f"{locale:6} first visit {visit / 1024:6.1f} KB   first search {search / 1024:6.1f} KB   {verdict}")


def _lighthouse(binary: Path, url: str, report: Path) -> dict | str:
    """One Lighthouse run (mobile defaults: Moto G emulation, simulated slow 4G, 4x CPU);
    the parsed report, or the error text."""
    command = [str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
               "--only-categories=performance,accessibility",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
               "--disable-component-update --no-first-run"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    if result.returncode != 0 or not report.exists():
        return (result.stderr or result.stdout).strip()[-400:]
    data = json.loads(report.read_text(encoding="utf-8"))
    report.unlink()
    return data


def bench_lighthouse(site_dir: Path, work: Path, runs: int) -> None:
    print(f"\n== Lighthouse (mobile, simulated slow 4G; median of {runs} runs) ==")
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print("skipped: lighthouse is not installed (run `npm ci`)")
        return
    with serve(site_dir) as base:
        for path in ["", second_page(site_dir), "ar/"]:
            runs_done = [_lighthouse(binary, base + path, work / "lighthouse.json") for _ in range(runs)]
            errors = [r for r in runs_done if isinstance(r, str)]
            reports = [r for r in runs_done if not isinstance(r, str)]
            if not reports:
                print(f"/{path}: lighthouse failed: {errors[0]}")
                continue
            reports.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
            median = reports[len(reports) // 2]
            performance = [round((r["categories"]["performance"]["score"] or 0) * 100) for r in reports]
            accessibility = round((median["categories"]["accessibility"]["score"] or 0) * 100)
            audits = median["audits"]
            metrics = "  ".join(f"{name} {audits[key]['displayValue']}" for name, key in
                                (("FCP", "first-contentful-paint"), ("LCP", "largest-contentful-paint"),
                                 ("TBT", "total-blocking-time"), ("CLS", "cumulative-layout-shift"))
                                if audits.get(key, {}).get("displayValue"))
            print(f"/{path}: performance {performance[len(performance) // 2]} (runs {performance}; target >= 98), "
                  f"accessibility {accessibility} (target 100)   {metrics}")
            for ref in median["categories"]["accessibility"]["auditRefs"]:
                if audits.get(ref["id"], {}).get("score") == 0:
                    print(f"    accessibility: {ref['id']}: {audits[ref['id']]['title']}")


# --- The editor's loop: from saving a page to the reloaded page in the browser ----------

RELOAD_PAGE = "om-oss/index.md"  # a Swedish page every variant has


@contextlib.contextmanager
def live_server(config: Path, cwd: Path, env: dict):
    """`mkdocs serve` on a free port; yields its base URL once the first build is served."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config),
                                "--dev-addr", f"127.0.0.1:{port}"], cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    assert process.stderr is not None  # stderr=PIPE
    stderr = process.stderr
    try:
        for line in stderr:
            if "Serving on" in line:
                break
        else:
            raise SystemExit(f"bench: mkdocs serve -f {config} did not start")
        threading.Thread(target=lambda: [None for _ in stderr], daemon=True).start()  # keep the pipe drained
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=20)


def _body_text(tab) -> str:
    try:
        return tab.inner_text("body", timeout=1000)
    except Exception:
        return ""


def _reload_seconds(tab, base: str, page: Path, url_path: str, saves: int) -> list[float]:
    """Save the page `saves` times; each time, seconds until the browser shows the new text."""
    tab.goto(base + url_path, wait_until="load")
    original = page.read_text(encoding="utf-8")
    seconds = []
    try:
        for number in range(saves):
            marker = f"kb-bench-reload-{number}-{time.time_ns()}"
            time.sleep(1.0)  # as between two saves; lets the watcher settle
            start = time.perf_counter()
            page.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            # Polled from here: a JavaScript predicate in the page would need 'unsafe-eval' in its CSP.
            deadline = start + 120
            while marker not in _body_text(tab):
                if time.perf_counter() > deadline:
                    raise SystemExit(f"bench: the page never showed the saved text ({base}{url_path})")
                time.sleep(0.02)
            seconds.append(time.perf_counter() - start)
    finally:
        page.write_text(original, encoding="utf-8")
    return seconds


def bench_reload(work: Path, saves: int = 7) -> None:
    """Ours (`make serve`: the kb plugin, Swedish only) against plain Material's `mkdocs serve` on
    the same Swedish pages, each on its own copy of the project so real pages are never touched."""
    from playwright.sync_api import sync_playwright
    print("\n== Live preview: save a Swedish page -> reloaded page in the browser ==")
    ours, plain = work / "reload-ours", work / "reload-plain"
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, ours / name)
    shutil.copy(ROOT / "mkdocs.yml", ours / "mkdocs.yml")
    swedish = [p for p in (ROOT / "docs").rglob("*") if p.is_file() and not (p.suffix == ".md" and "." in p.stem)]
    for path in swedish:
        target = plain / "docs" / path.relative_to(ROOT / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    (plain / "mkdocs.yml").write_text(plain_swedish_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                                                           plain / "docs"), encoding="utf-8")
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, project, env in (("plain Material, mkdocs serve (Swedish pages)", plain, {}),
                                    ("ours, make serve (kb plugin, KB_LANG=sv)", ours, {"KB_SERVE_LANG": "sv"})):
            with live_server(project / "mkdocs.yml", project, env) as base:
                tab = browser.new_page()
                results[label] = _reload_seconds(tab, base, project / "docs" / RELOAD_PAGE, "om-oss/", saves)
                tab.close()
        browser.close()
    medians = {label: sorted(values)[len(values) // 2] for label, values in results.items()}
    for label, values in results.items():
        print(f"{label:48s} {medians[label]:6.2f} s median  ({', '.join(f'{v:.2f}' for v in values)})")
    plain_label, ours_label = list(results)
    ratio = medians[ours_label] / medians[plain_label]
    print(f"{'ratio':48s} {ratio:6.2f}  (target <= {RELOAD_RATIO_BUDGET}) "
          f"{'OK' if ratio <= RELOAD_RATIO_BUDGET else 'OVER'}")


# --- The kb checks ------------------------------------------------------------------

def bench_checks(site_dir: Path) -> None:
    print("\n== kb checks ==")
    kb = Path(sys.executable).with_name("kb")
    available = subprocess.run([str(kb), "--help"], capture_output=True, text=True, cwd=ROOT).stdout
    for group, args in (("legal", ["legal", "check"]), ("links", ["links", "check", str(site_dir)])):
        if f"  {group} " not in available:
            print(f"kb {' '.join(args[:2])}: skipped (no such command yet)")
            continue
        start = time.perf_counter()
        result = subprocess.run([str(kb), *args], capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - start
        print(f"kb {' '.join(args[:2])}: {seconds:6.2f} s (exit status {result.returncode})")


def main(argv: list[str] | None = None) -> int:
    import argparse
    parser = argparse.ArgumentParser(prog="python -m kb.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="back-to-back pairs of builds (ours, plain)")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser and Lighthouse sections")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="runs per page; the median counts")
    parser.add_argument("--search-only", type=Path, metavar="SITE",
                        help="only the first visit and first search per language, of this built site")
    options = parser.parse_args(argv)
    if options.search_only:
        bench_search(options.search_only)
        return 0
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    try:
        site_dir = bench_build(work, max(1, options.repeat))
        if not options.no_browser:
            bench_reload(work)
            bench_browser(site_dir)
            bench_search(site_dir)
            if not options.no_lighthouse:
                bench_lighthouse(site_dir, work, max(1, options.lighthouse_runs))
        bench_checks(site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
