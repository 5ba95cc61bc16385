"""kb.legal.refresh over real HTTP (a local server replaying the real rkrattsbaser format) and from disk."""
from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from tests.legal.conftest import SOURCES

from kb.legal.command import legal
from kb.legal.refresh import DirSource, HttpSource, refresh_file
from kb.legal.registry import load_registry
from kb.legal.snapshot import load_snapshot

LAWS = """
- sfs: "2025:400"
  title: Socialtjänstlag (2025:400)
  names: [socialtjänstlagen]
- sfs: "1920:405"
  title: Giftermålsbalk (1920:405)
- sfs: "2099:1"
  title: Lag (2099:1) som inte finns
"""


class Replay(BaseHTTPRequestHandler):
    """POST /elasticsearch/SearchEsByRawJson answers with the real recorded `_source` records
    (tests/legal/fixtures/legal-sources/rkrattsbaser/); /dokument/* like a Riksdag 404.

    The envelope is only what the public client of the service reads and nothing more:
    `data['hits']['hits'][0]['_source']` (se-lex/sfs-processor, downloaders/rkrattsbaser_api.py,
    lines 56-57). No field of the service's answer beyond that is invented here."""

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status, body: bytes, headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        server = self.server
        request = json.loads(self.rfile.read(int(self.headers["content-length"])))
        server.requests.append(request)
        mode = server.modes.popleft() if server.modes else "ok"
        if mode == "slow":
            time.sleep(1.0)
        if mode == "429":
            return self._send(429, b"slow down", [("retry-after", "0")])
        if mode == "500":
            return self._send(500, b"internal error")
        if mode == "malformed":
            return self._send(200, b'{"hits": {"hits": [', [("content-type", "application/json")])
        term = request["json"]["query"]["bool"]["must"][0]["term"]["beteckning.keyword"]
        path = SOURCES / "rkrattsbaser" / f"sfs-{term.replace(':', '-')}.json"
        hits = [{"_source": json.loads(path.read_text("utf-8"))}] if path.exists() else []
        body = json.dumps({"hits": {"hits": hits}}).encode()
        self._send(200, body, [("content-type", "application/json")])

    def do_GET(self):
        self.server.requests.append(self.path)
        if getattr(self.server, "riksdagen_status", None):
            return self._send(self.server.riksdagen_status, b"unavailable")
        if self.path == "/dokument/sfs-1988-688.json" and self.server.riksdagen is not None:
            return self._send(200, json.dumps(self.server.riksdagen).encode(), [("content-type", "application/json")])
        self._send(404, b"not found")


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    httpd.daemon_threads = True
    httpd.modes, httpd.requests, httpd.riksdagen = deque(), [], None
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def laws(tmp_path):
    path = tmp_path / "laws.yml"
    path.write_text(LAWS, encoding="utf-8")
    return load_registry(path)


def http(server, **options):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    return HttpSource(base, base, **{"timeout": 0.3, "retries": 2, "backoff": 0.01, "min_interval": 0, **options})


def test_http_refresh_builds_records_with_provenance(server, laws, tmp_path):
    path = tmp_path / "sfs-snapshot.json"
    result = refresh_file(laws, [http(server)], path)
    assert result.ok and result.updated == ["1920:405", "2025:400"] and result.not_found == ["2099:1"]
    snapshot = load_snapshot(path)
    record = snapshot["records"]["2025:400"]
    assert record["consolidated_through"] == "2025:1501"
    assert record["provisions"]["19 kap. 1 §"]["versions"][1]["from"] == "2026-01-15"
    assert "/elasticsearch/SearchEsByRawJson" in record["provenance"][0]["origin"]
    assert record["provenance"][0]["retrieved"].endswith("Z")
    assert snapshot["records"]["1920:405"]["repealed_by"] == "1987:788"
    assert server.requests[0]["json"]["query"]["bool"]["must"][0] == {"term": {"beteckning.keyword": "1920:405"}}
    assert server.requests[1] == "/dokument/sfs-1920-405.json"
    assert not list(tmp_path.glob(".*.tmp"))


def test_429_is_retried(server, laws, tmp_path):
    server.modes.extend(["429", "429"])
    result = refresh_file(laws, [http(server)], tmp_path / "s.json")
    assert result.ok and len(result.updated) == 2


def test_server_errors_keep_the_last_good_snapshot(server, laws, tmp_path):
    path = tmp_path / "s.json"
    assert refresh_file(laws, [http(server)], path).ok
    before = path.read_bytes()
    server.modes.extend(["500"] * 20)
    result = refresh_file(laws, [http(server)], path)
    assert not result.ok and not result.updated
    assert any("HTTP 500 after 3 attempts" in f for f in result.failures)
    assert path.read_bytes() == before


def test_timeouts_fail_clearly(server, laws, tmp_path):
    server.modes.extend(["slow"] * 20)
    result = refresh_file(laws, [http(server, retries=1)], tmp_path / "s.json")
    assert not result.ok and any("timed out after 2 attempts" in f for f in result.failures)
    assert not (tmp_path / "s.json").exists()


def test_malformed_json_in_a_partial_refresh_keeps_the_old_record(server, laws, tmp_path):
    path = tmp_path / "s.json"
    refresh_file(laws, [http(server)], path)
    old = load_snapshot(path)["records"]["1920:405"]
    server.modes.append("malformed")  # the first act fetched (1920:405) gets broken JSON
    result = refresh_file(laws, [http(server)], path)
    assert result.kept == ["1920:405"] and result.updated == ["2025:400"]
    assert any("malformed JSON" in f for f in result.failures)
    assert load_snapshot(path)["records"]["1920:405"] == old


def test_dir_source_reads_both_real_formats(laws):
    records = DirSource(SOURCES).records("2025:400")
    assert [r["provenance"][0]["source"] for r in records] == ["rkrattsbaser", "se-lex"]


def test_dir_source_reports_a_malformed_file(tmp_path, laws):
    (tmp_path / "rkrattsbaser").mkdir()
    (tmp_path / "rkrattsbaser" / "sfs-2025-400.json").write_text("{broken", encoding="utf-8")
    result = refresh_file(laws, [DirSource(tmp_path)], tmp_path / "s.json")
    assert any("sfs-2025-400.json:1: malformed JSON" in f for f in result.failures)


def test_refresh_command_from_saved_responses(tmp_path):
    laws = tmp_path / "laws.yml"
    laws.write_text(LAWS, encoding="utf-8")
    path = tmp_path / "snapshot.json"
    args = ["refresh", "--source", f"dir:{SOURCES}", "--registry", str(laws), "--snapshot", str(path)]
    result = CliRunner().invoke(legal, args)
    assert result.exit_code == 0, result.output
    assert "2 updated" in result.output and "2099:1" in result.output
    assert set(load_snapshot(path)["records"]) == {"2025:400", "1920:405"}


def test_refresh_command_fails_with_a_message_and_leaves_the_file(server, tmp_path):
    laws = tmp_path / "laws.yml"
    laws.write_text(LAWS, encoding="utf-8")
    path = tmp_path / "snapshot.json"
    path.write_text('{"format": 1, "records": {}}\n', encoding="utf-8")
    result = CliRunner().invoke(legal, ["refresh", "--source", "dir:/nonexistent/folder",
                                        "--registry", str(laws), "--snapshot", str(path)])
    assert result.exit_code == 3 and "not a directory of saved responses" in result.output
    assert path.read_text(encoding="utf-8") == '{"format": 1, "records": {}}\n'


def test_riksdagen_answers_when_rkrattsbaser_has_no_record(server, tmp_path):
    path = tmp_path / "laws.yml"
    path.write_text('- sfs: "1988:688"\n  title: Lag (1988:688) om kontaktförbud\n', encoding="utf-8")
    server.riksdagen = {"dokumentstatus": {"dokument": {
        "dok_id": "sfs-1988-688", "beteckning": "1988:688", "titel": "Lag (1988:688) om kontaktförbud",
        "undertitel": "t.o.m. SFS 2025:561", "html": '<a class="paragraf" name="P1"><b>1 §</b></a> Text.'}}}
    result = refresh_file(load_registry(path), [http(server)], tmp_path / "s.json")
    assert result.ok and result.updated == ["1988:688"]
    record = load_snapshot(tmp_path / "s.json")["records"]["1988:688"]
    assert record["provenance"][0]["source"] == "riksdagen" and record["consolidated_through"] == "2025:561"


def test_the_second_service_is_asked_when_the_first_fails(server, tmp_path):
    """rkrattsbaser answers 500 every time: the Riksdag's service is still asked, and its record is used."""
    path = tmp_path / "laws.yml"
    path.write_text('- sfs: "1988:688"\n  title: Lag (1988:688) om kontaktförbud\n', encoding="utf-8")
    server.modes.extend(["500"] * 10)
    server.riksdagen = {"dokumentstatus": {"dokument": {
        "dok_id": "sfs-1988-688", "beteckning": "1988:688", "titel": "Lag (1988:688) om kontaktförbud",
        "undertitel": "t.o.m. SFS 2025:561", "html": '<a class="paragraf" name="P1"><b>1 §</b></a> Text.'}}}
    source = http(server)
    result = refresh_file(load_registry(path), [source], tmp_path / "s.json")
    assert result.updated == ["1988:688"] and result.ok
    assert "/dokument/sfs-1988-688.json" in server.requests
    assert any("HTTP 500 after 3 attempts" in w for w in result.warnings)


def test_both_services_failing_is_one_failure_naming_both(server, tmp_path):
    path = tmp_path / "laws.yml"
    path.write_text('- sfs: "1988:688"\n  title: Lag (1988:688) om kontaktförbud\n', encoding="utf-8")
    server.modes.extend(["500"] * 10)
    server.riksdagen_status = 503
    result = refresh_file(load_registry(path), [http(server)], tmp_path / "s.json")
    assert not result.ok and not result.updated
    [failure] = result.failures
    assert "SearchEsByRawJson" in failure and "/dokument/sfs-1988-688.json" in failure


def test_weekly_workflow_opens_an_issue_when_the_refresh_fails():
    import yaml
    from tests.legal.conftest import ROOT

    steps = yaml.safe_load((ROOT / ".github/workflows/scheduled.yml").read_text("utf-8"))["jobs"]["refresh"]["steps"]
    [refresh] = [s for s in steps if s.get("id") == "legal"]
    assert "kb legal refresh" in refresh["run"] and "legal-refresh.txt" in refresh["run"]
    assert refresh.get("continue-on-error") is True  # the later steps still run and report
    issue = [s for s in steps if "create-issue-from-file" in s.get("uses", "")
             and "steps.legal.outcome == 'failure'" in s.get("if", "")]
    assert issue and issue[0]["with"]["content-filepath"] == "legal-refresh.txt"
    assert issue[0]["with"]["issue-number"] == "${{ steps.legal_issue.outputs.number }}"  # updates, not duplicates
