"""External http(s) links in the content (codes KB411-KB415).

Politeness first, because the hosts are public agencies' websites:
- at most `concurrency` requests at a time, and per host at least
  `host_interval` seconds between the start of two requests;
- 429 and 5xx are retried (with `retries` more attempts), waiting as long as
  the Retry-After header asks (seconds or an HTTP date, capped at `max_wait`)
  or else with exponential backoff; timeouts and connection errors likewise;
- results are cached in .cache/external-links.json (written atomically) and
  reused until they expire, so a second run within a day sends no requests;
- hosts that block automated checks are listed in data/links-allowlist.yml
  and skipped.
Redirects are followed; a permanent one (301/308) is a warning to update the
link. Requests are GETs whose body is never read (many servers answer HEAD
wrongly). `collect_urls` finds the URLs; `check_urls` is the pure async core.
"""
from __future__ import annotations

import asyncio
import email.utils
import json
import re
import socket
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import yaml

from kb import files
from kb.content.markdown import mask_code
from kb.findings import ERROR, WARNING, Finding, KbError
from kb.pages import FRONT_MATTER, iter_markdown

URL = re.compile(r"https?://[^\s<>\"'`)\]}|]+", re.I)
TRAILING = ".,;:!?*_"
USER_AGENT = "kb-linkcheck/1.0 (knowledge base link checker; one request per host per second)"
OK_TTL = 7 * 24 * 3600       # a working link is rechecked after a week
FAIL_TTL = 24 * 3600         # a failing one after a day
PERMANENT = {301, 308}


@dataclass
class Options:
    concurrency: int = 8
    host_interval: float = 1.0   # seconds between two requests to the same host
    timeout: float = 15.0
    retries: int = 2             # extra attempts after the first for 429/5xx/timeouts
    backoff: float = 2.0         # first wait when no Retry-After is given; doubles each time
    max_wait: float = 60.0       # never wait longer than this for one retry


@dataclass
class Result:
    url: str
    status: int | None = None    # final HTTP status, None if no answer
    final_url: str = ""
    redirects: list = field(default_factory=list)   # [(status, location), …]
    error: str = ""              # timeout / connection error text
    attempts: int = 0
    checked_at: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 400

    @property
    def permanent_redirect(self) -> str:
        """The new address when the first hop is a permanent redirect."""
        if self.redirects and self.redirects[0][0] in PERMANENT:
            return self.final_url
        return ""


# -- collecting ---------------------------------------------------------------

def collect_urls(docs_dir: Path, display_root: Path) -> dict[str, list[tuple[str, int]]]:
    """Every http(s) URL in docs/ (front matter `sources` and the body; code is ignored).

    Returns {url: [(file, line), …]} in a stable order.
    """
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for path in iter_markdown(Path(docs_dir)):
        try:
            shown = path.resolve().relative_to(Path(display_root).resolve()).as_posix()
        except ValueError:
            shown = path.as_posix()
        text = path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        head = text[: match.end()] if match else ""
        scanned = head + mask_code(text[len(head):])
        for number, line in enumerate(scanned.splitlines(), start=1):
            for url in URL.findall(line):
                url = url.rstrip(TRAILING)
                if (shown, number) not in found[url]:
                    found[url].append((shown, number))
    return dict(sorted(found.items()))


def load_allowlist(path: Path) -> set[str]:
    """Hosts not to check. data/links-allowlist.yml: [{host: …, reason: …}, …]."""
    if not path.exists():
        return set()
    fix = "each entry is `- host: example.se` with `reason:` (why the host cannot be checked) under it"
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise KbError(f"not valid YAML: {getattr(exc, 'problem', None) or exc}", path,
                      mark.line + 1 if mark else 0, fix) from None
    if not isinstance(entries, list):
        raise KbError("the allowlist must be a list of entries", path, 1, fix)
    hosts = set()
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("host") or not entry.get("reason"):
            raise KbError(f"each entry needs `host:` and `reason:` (got {entry!r})", path, 0, fix)
        hosts.add(str(entry["host"]).lower())
    return hosts


def allowlisted(url: str, hosts: set[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == allowed or host.endswith("." + allowed) for allowed in hosts)


# -- the cache ------------------------------------------------------------------

def load_cache(path: Path, now: float) -> dict[str, Result]:
    """Unexpired results; a missing or unreadable cache is an empty one."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        entries = raw["results"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    results = {}
    for url, entry in entries.items():
        try:
            result = Result(**entry)
        except TypeError:
            continue
        ttl = OK_TTL if result.ok else FAIL_TTL
        if now - result.checked_at < ttl:
            results[url] = result
    return results


def save_cache(path: Path, results: dict[str, Result]) -> None:
    """Write the cache atomically (a temporary file renamed over the old one)."""
    data = {"version": 1, "results": {url: asdict(r) for url, r in sorted(results.items())}}
    files.replace(path, json.dumps(data, indent=1, ensure_ascii=False))


# -- checking ---------------------------------------------------------------------

class HostLimiter:
    """At least `interval` seconds between the starts of two requests to one host."""

    def __init__(self, interval: float):
        self.interval = interval
        self.locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self.last: dict[str, float] = {}

    async def wait(self, host: str) -> None:
        async with self.locks[host]:
            now = time.monotonic()
            ready = self.last.get(host, -1e9) + self.interval
            if ready > now:
                await asyncio.sleep(ready - now)
            self.last[host] = time.monotonic()


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


async def _check_one(client: httpx.AsyncClient, url: str, options: Options,
                     limiter: HostLimiter, slots: asyncio.Semaphore) -> Result:
    result = Result(url)
    host = urlsplit(url).netloc.lower()
    for attempt in range(options.retries + 1):
        wait = None
        result.attempts = attempt + 1
        async with slots:
            await limiter.wait(host)
            try:
                async with client.stream("GET", url) as response:
                    result.status = response.status_code
                    result.final_url = str(response.url)
                    result.redirects = [(r.status_code, r.headers.get("location", "")) for r in response.history]
                    result.error = ""
                    if response.status_code == 429 or response.status_code >= 500:
                        wait = retry_after(response.headers.get("retry-after"))
            except httpx.TimeoutException:
                result.status, result.error = None, f"no answer within {options.timeout:g} s"
            except httpx.HTTPError as exc:
                result.status, result.error = None, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        retryable = result.status is None or result.status == 429 or result.status >= 500
        if not retryable or attempt == options.retries or (wait is not None and wait > options.max_wait):
            break   # (a host asking for a longer pause than max_wait is asked again next run)
        await asyncio.sleep(wait if wait is not None else min(options.max_wait, options.backoff * 2 ** attempt))
    result.checked_at = time.time()
    return result


async def check_urls(urls, options: Options = Options()) -> dict[str, Result]:
    """Check each URL once (the pure core: no cache, no printing)."""
    limiter = HostLimiter(options.host_interval)
    slots = asyncio.Semaphore(options.concurrency)
    timeout = httpx.Timeout(options.timeout)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    async with httpx.AsyncClient(follow_redirects=True, timeout=timeout, headers=headers,
                                 max_redirects=10) as client:
        results = await asyncio.gather(*(_check_one(client, url, options, limiter, slots) for url in urls))
    return {result.url: result for result in results}


def findings_for(found: dict[str, list[tuple[str, int]]], results: dict[str, Result]) -> list[Finding]:
    """One finding per place a broken or permanently redirected URL is written."""
    findings: list[Finding] = []
    for url, places in found.items():
        result = results.get(url)
        if result is None:
            continue
        if result.status is None:
            code, severity = "KB413", ERROR
            message = f"{url} did not answer after {result.attempts} attempt(s): {result.error}"
            hint = "check the address in a browser; if the site is down for good, replace the link"
        elif result.status == 429:
            code, severity = "KB415", WARNING
            message = f"{url} answers HTTP 429 (too many requests) after {result.attempts} attempt(s)"
            hint = "not necessarily broken: the host asked for a pause; it is checked again on the next run"
        elif not result.ok:
            code, severity = "KB411", ERROR
            message = f"{url} answers HTTP {result.status}" + (f" (after redirects to {result.final_url})"
                                                                if result.redirects else "")
            hint = ("find the document's new address, or remove the link; if the host blocks automated "
                    "checks, list it in data/links-allowlist.yml with the reason")
        elif result.permanent_redirect:
            code, severity = "KB412", WARNING
            message = f"{url} has moved permanently to {result.permanent_redirect}"
            hint = "update the link to the new address"
        else:
            continue
        findings.extend(Finding(file, line, 0, code, message, hint, severity) for file, line in places)
    return findings


def malformed(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.hostname or " " in url


def network_available(urls, timeout: float = 3.0) -> bool:
    """A quick TCP connect to up to three of the hosts we are about to check."""
    hosts = []
    for url in urls:
        parts = urlsplit(url)
        key = (parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        if parts.hostname and key not in hosts:
            hosts.append(key)
        if len(hosts) == 3:
            break
    for host, port in hosts:
        try:
            socket.create_connection((host, port), timeout=timeout).close()
            return True
        except OSError:
            continue
    return False


@dataclass
class Run:
    findings: list
    checked: int        # URLs requested in this run
    cached: int         # URLs answered from the cache
    skipped: list       # allowlisted URLs


def check_external(docs_dir: Path, display_root: Path, cache_path: Path, allowlist: set[str],
                   options: Options = Options(), now: float | None = None) -> Run:
    """Collect, check (using and refreshing the cache) and turn results into findings."""
    now = time.time() if now is None else now
    found = collect_urls(docs_dir, display_root)
    findings: list[Finding] = []
    for url, places in found.items():
        if malformed(url):
            findings.extend(Finding(f, line, 0, "KB414", f"malformed URL {url!r}",
                                    "write a full address such as https://www.example.se/page") for f, line in places)
    candidates = [u for u in found if not malformed(u)]
    skipped = [u for u in candidates if allowlisted(u, allowlist)]
    wanted = [u for u in candidates if u not in skipped]
    cache = load_cache(cache_path, now)
    todo = [u for u in wanted if u not in cache]
    fresh = asyncio.run(check_urls(todo, options)) if todo else {}
    cache.update(fresh)
    save_cache(cache_path, cache)
    findings.extend(findings_for({u: found[u] for u in wanted}, cache))
    return Run(findings, len(todo), len(wanted) - len(todo), skipped)
