"""Rebuild data/sfs-snapshot.json from the official sources.

Sources, tried in order for every SFS number in data/laws.yml:
- `http`: rkrattsbaser (the Government Offices' SFS search service) and the
  Riksdag's open data (data.riksdagen.se/dokument/sfs-YYYY-NNN.json);
- `dir:PATH`: saved responses in PATH/rkrattsbaser/sfs-*.json (the `_source`
  document or the whole search answer), PATH/riksdagen/sfs-*.json and
  PATH/se-lex-sfs/sfs-*.md. An optional PATH/ORIGINS.json says where each file
  was captured: {"rkrattsbaser/sfs-1942-740.json": {"origin": URL, "retrieved": DATE}};
  without it the file's path and modification time are recorded.

A failed or partial refresh never damages the snapshot: records that could not
be fetched keep their last good version, the file is replaced atomically, and
the caller learns about every failure (RefreshResult.failures).
"""
from __future__ import annotations

import datetime as dt
import json
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from kb.legal import sources
from kb.legal.registry import Registry, sfs_slug
from kb.legal.snapshot import FORMAT, SnapshotError, empty, load_snapshot, write_snapshot

RKRATTSBASER = "https://beta.rkrattsbaser.gov.se"
RIKSDAGEN = "https://data.riksdagen.se"


class FetchError(Exception):
    """A source could not answer for one SFS number (network, HTTP status, bad data)."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# ---------------------------------------------------------------- sources

class DirSource:
    """Saved responses on disk: how refresh runs without network."""

    def __init__(self, root: Path):
        self.root = Path(root)
        if not self.root.is_dir():
            raise FetchError(f"{self.root}: not a directory of saved responses")
        self.name = f"dir:{self.root}"
        origins = self.root / "ORIGINS.json"
        self.origins = _read_json(origins) if origins.exists() else {}
        if not isinstance(self.origins, dict):
            raise FetchError(f"{origins}: expected an object of file -> {{origin, retrieved}}")
        if isinstance(self.origins.get("_source"), str):  # what the folder is a copy of, for the snapshot
            self.name = f"dir:{self.origins['_source']}"

    def _where(self, path: Path) -> tuple[str, str]:
        known = self.origins.get(path.relative_to(self.root).as_posix())
        if isinstance(known, dict) and known.get("origin"):
            return known["origin"], str(known.get("retrieved") or _mtime(path))
        return str(path), _mtime(path)

    def records(self, sfs: str) -> list[dict]:
        slug = sfs_slug(sfs)
        found = []
        rk = self.root / "rkrattsbaser" / f"{slug}.json"
        if rk.exists():
            doc = _read_json(rk)
            if isinstance(doc, dict) and "hits" in doc:
                doc = _first_hit(doc, str(rk))
            if doc is not None:
                found.append(_parse(sources.record_from_rkrattsbaser, doc, *self._where(rk)))
        rd = self.root / "riksdagen" / f"{slug}.json"
        if rd.exists():
            found.append(_parse(sources.record_from_riksdagen, _read_json(rd), *self._where(rd)))
        curated = self.root / f"{slug}.yml"
        if curated.exists():
            import yaml
            try:
                data = yaml.safe_load(curated.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                raise FetchError(f"{curated}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
            found.append(_parse(sources.record_from_curated, data, curated, _mtime(curated)))
        md = self.root / "se-lex-sfs" / f"{slug}.md"
        if md.exists():
            found.append(_parse(sources.record_from_selex, md.read_text(encoding="utf-8"), *self._where(md)))
        return found


def _mtime(path: Path) -> str:
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(microsecond=0)
    return stamp.isoformat().replace("+00:00", "Z")


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise FetchError(f"{path}:{exc.lineno}: malformed JSON ({exc.msg})") from None


def _parse(parser, data, origin, retrieved) -> dict:
    try:
        return parser(data, str(origin), retrieved)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FetchError(f"{origin}: unexpected content ({exc})") from None


def _first_hit(answer: dict, origin: str):
    try:
        hits = answer["hits"]["hits"]
    except (KeyError, TypeError):
        raise FetchError(f"{origin}: answer has no hits.hits") from None
    if not hits:
        return None
    try:
        return hits[0]["_source"]
    except (KeyError, TypeError, IndexError):
        raise FetchError(f"{origin}: first hit has no _source") from None


class HttpSource:
    """rkrattsbaser + riksdagen over HTTP, politely: timeouts, retries with backoff, a rate limit."""

    def __init__(self, rkrattsbaser: str = RKRATTSBASER, riksdagen: str = RIKSDAGEN, *, timeout: float = 20.0,
                 retries: int = 3, backoff: float = 1.0, min_interval: float = 1.0, client=None):
        import httpx

        self.httpx = httpx
        self.rkrattsbaser = rkrattsbaser.rstrip("/")
        self.riksdagen = riksdagen.rstrip("/")
        self.retries, self.backoff, self.min_interval = retries, backoff, min_interval
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=True,
            headers={"user-agent": "kb-legal-refresh (national knowledge base; polite, cached)"},
        )
        self._last = 0.0
        self.warnings: list[str] = []
        self.name = f"http:{self.rkrattsbaser},{self.riksdagen}"

    def _wait_turn(self) -> None:
        delay = self._last + self.min_interval - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self._last = time.monotonic()

    def _request(self, method: str, url: str, **kwargs):
        """The response (any status below 500 except 429), or FetchError after the last retry."""
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                pause = self.backoff * (2 ** (attempt - 1)) * (1 + random.random() / 4)
                time.sleep(min(pause, 60.0))
            self._wait_turn()
            try:
                response = self.client.request(method, url, **kwargs)
            except self.httpx.TimeoutException:
                problem = "timed out"
                continue
            except self.httpx.TransportError as exc:
                problem = f"connection failed ({exc.__class__.__name__})"
                continue
            if response.status_code == 429 or response.status_code >= 500:
                problem = f"HTTP {response.status_code}"
                retry_after = response.headers.get("retry-after", "")
                if response.status_code == 429 and retry_after.isdigit():
                    time.sleep(min(int(retry_after), 60))
                continue
            return response
        raise FetchError(f"{method} {url}: {problem} after {self.retries + 1} attempts")

    @staticmethod
    def _json(response, url: str):
        try:
            return response.json()
        except ValueError:
            raise FetchError(f"{url}: malformed JSON in the answer (HTTP {response.status_code})") from None

    def records(self, sfs: str) -> list[dict]:
        """Both services; when one fails the other is still asked, and only when neither gives a
        record is the failure raised (naming both)."""
        found, problems = [], []
        for fetch in (self._rkrattsbaser, self._riksdagen):
            try:
                found.extend(fetch(sfs))
            except FetchError as exc:
                problems.append(str(exc))
        self.warnings = problems if found else []
        if problems and not found:
            raise FetchError("; ".join(problems))
        return found

    def _rkrattsbaser(self, sfs: str) -> list[dict]:
        found = []
        url = f"{self.rkrattsbaser}/elasticsearch/SearchEsByRawJson"
        payload = {"searchIndexes": ["Sfs"], "api": "search", "json": {
            "query": {"bool": {"must": [{"term": {"beteckning.keyword": sfs.replace(" s. ", " s.")}},
                                        {"term": {"publicerad": True}}]}},
            "size": 1}}
        response = self._request("POST", url, json=payload)
        if response.status_code != 200:
            raise FetchError(f"POST {url} ({sfs}): HTTP {response.status_code}")
        doc = _first_hit(self._json(response, url), url)
        if doc is not None:
            found.append(_parse(sources.record_from_rkrattsbaser, doc, f"{url} beteckning={sfs}", _now()))
        return found

    def _riksdagen(self, sfs: str) -> list[dict]:
        found = []
        url = f"{self.riksdagen}/dokument/{sfs_slug(sfs)}.json"
        response = self._request("GET", url)
        if response.status_code == 200:
            found.append(_parse(sources.record_from_riksdagen, self._json(response, url), url, _now()))
        elif response.status_code != 404:
            raise FetchError(f"GET {url}: HTTP {response.status_code}")
        return found


def make_source(spec: str, **http_options):
    """'http' or 'dir:PATH'."""
    if spec == "http":
        return HttpSource(**http_options)
    if spec.startswith("dir:"):
        return DirSource(Path(spec[4:]).expanduser())
    raise FetchError(f"unknown source {spec!r}: use `http` or `dir:PATH`")


# ---------------------------------------------------------------- refresh

@dataclass
class RefreshResult:
    snapshot: dict
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)      # failed now; last good record kept
    not_found: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # messages, one per failed fetch
    warnings: list[str] = field(default_factory=list)  # one service failed, the other answered

    @property
    def ok(self) -> bool:
        return not self.failures


def refresh(registry: Registry, source_list: list, previous: dict | None = None, progress=None) -> RefreshResult:
    """Fetch every SFS number of the registry; never raises for one act's failure."""
    previous = previous or empty()
    old = previous.get("records", {})
    records: dict[str, dict] = {}
    result = RefreshResult(snapshot={})
    numbers = sorted(registry.acts)
    for sfs in (progress(numbers) if progress else numbers):
        found, failed = [], []
        for source in source_list:
            try:
                found.extend(source.records(sfs))
            except FetchError as exc:
                failed.append(str(exc))
            result.warnings.extend(f"{sfs}: {w} (the other service answered)" for w in getattr(source, "warnings", []))
        if failed:
            result.failures.extend(f"{sfs}: {message}" for message in failed)
        if found:
            record = found[0]
            for other in found[1:]:
                record = sources.merge(record, other)
            records[sfs] = record
            result.updated.append(sfs)
        elif sfs in old:
            records[sfs] = old[sfs]
            result.kept.append(sfs)
            if not failed:
                result.failures.append(f"{sfs}: no source has a record any more; the last good record is kept")
        elif not failed:
            result.not_found.append(sfs)
    for record in records.values():
        record.pop("amendment_index", None)
    sources.finish(records)
    result.snapshot = {
        "format": FORMAT,
        "generated": _now(),
        "data_as_of": data_as_of(records),
        "sources": [source.name for source in source_list],
        "records": records,
        "not_found": dict.fromkeys(result.not_found, "no source had a record of this act"),
    }
    return result


def data_as_of(records: dict) -> str | None:
    """The newest date any source gives for its data (upstream update, else capture): how current the
    snapshot's content is, as opposed to when the refresh ran (`generated`)."""
    dates = []
    for record in records.values():
        for p in record.get("provenance", []):
            stamp = p.get("updated_upstream")  # not `retrieved`: a copy's date says nothing of the data
            if stamp and str(stamp)[:4].isdigit():
                dates.append(str(stamp)[:10])
    return max(dates) if dates else None


def refresh_file(registry: Registry, source_list: list, path: Path, progress=None) -> RefreshResult:
    """Refresh and write `path` atomically; the last good records survive failures."""
    try:
        previous = load_snapshot(path)
    except SnapshotError:
        previous = empty()
    result = refresh(registry, source_list, previous, progress)
    if result.updated:
        write_snapshot(result.snapshot, path)
    return result
