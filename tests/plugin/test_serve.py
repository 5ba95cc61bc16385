"""`make serve`: MkDocs' own live-reloading server with the kb plugin, as an editor uses it.

A real `mkdocs serve` on 127.0.0.1 previews one language of a small copy of the
project; the tests edit files the way an editor saves them and read what the
server logs and serves after each rebuild.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from kb.preview import free_port
from kb.project import ROOT

from .conftest import MKDOCS, copy_data, mkdocs_env, write_page

pytestmark = pytest.mark.slow


class Server:
    def __init__(self, project: Path, language: str = "sv"):
        self.port = free_port()
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [*MKDOCS, "serve", "--strict", "--dev-addr", f"127.0.0.1:{self.port}"], cwd=project,
            env=mkdocs_env(KB_SERVE_LANG=language), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for(lambda: any("Serving on" in line for line in self.log), "the server to start")

    def _read(self) -> None:
        for line in self.process.stderr:
            self.log.append(line.rstrip())

    def wait_for(self, condition, what: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"waited for {what}; server log:\n" + "\n".join(self.log[-40:]), pytrace=False)
            time.sleep(0.05)

    def rebuilds(self) -> int:
        return sum("Building documentation" in line for line in self.log)

    def after_edit(self, edit) -> list[str]:
        """Run `edit`, wait for the rebuild to finish, return what that rebuild logged."""
        before, start = self.rebuilds(), len(self.log)
        time.sleep(0.3)  # let the watcher settle, as between two saves
        edit()
        self.wait_for(lambda: self.rebuilds() > before and any(
            "Reloading browsers" in line or "Aborted" in line or "Error" in line for line in self.log[start:]),
            "a rebuild after the edit")
        return self.log[start:]

    def get(self, path: str) -> httpx.Response:
        return httpx.get(f"http://127.0.0.1:{self.port}{path}", timeout=10)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def server(project):
    copy_data(project)
    running = Server(project)
    yield running
    running.stop()


def test_every_rebuild_reports_the_error_again(server, project):
    repealed = "Anmälan görs enligt 14 kap. 1 § socialtjänstlagen (2001:453)."
    first = server.after_edit(lambda: write_page(project, "om-oss/index.md", repealed))
    second = server.after_edit(lambda: write_page(project, "om-oss/index.md", repealed + " Ändrad mening."))
    for log in (first, second):
        assert [line for line in log if "repealed" in line and "om-oss/index.md" in line], log


def test_an_edit_in_data_is_picked_up(server, project):
    page = "Ring 020-12 34 56 om du behöver stöd."
    server.after_edit(lambda: write_page(project, "om-oss/index.md", page))
    assert 'href="tel:' not in server.get("/om-oss/").text.split("020-12 34 56")[0][-200:]
    contacts = project / "data" / "contacts.yml"
    entry = ("\n- number: 020-12 34 56\n  name: Testlinjen\n  source: https://www.example.org/test\n"
             "  checked: 2026-11-22\n")
    server.after_edit(lambda: contacts.write_text(contacts.read_text(encoding="utf-8") + entry, encoding="utf-8"))
    html = server.get("/om-oss/").text
    assert re.search(r'<a class="kb-tel" href="tel:[^"]*"[^>]*>020-12 34 56</a>', html), html[-3000:]


def test_the_preview_lets_the_live_reload_script_run(server):
    html = server.get("/").text
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "livereload(" in html  # MkDocs injects it inline into every response
    assert "script-src 'self' 'unsafe-inline'" in policy and "sha256-" not in policy


def test_kb_lang_previews_that_language_beside_swedish(project):
    server = Server(project, "en")
    try:
        english = server.get("/en/om-oss/")
        assert english.status_code == 200 and '<html lang="en" dir="ltr"' in english.text
        assert "kb-notice--fallback" in english.text  # the small project has no English page: Swedish is shown
        assert server.get("/ar/").status_code == 404  # other languages are not built in the preview
    finally:
        server.stop()


def test_an_edit_in_the_theme_overrides_is_picked_up(project):
    # The plugin keeps compiled templates between rebuilds; an edited template must still show.
    shutil.copytree(ROOT / "overrides", project / "overrides")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        f"custom_dir: {ROOT / 'overrides'}", "custom_dir: overrides"), encoding="utf-8")
    server = Server(project)
    try:
        assert "kb-theme-edit" not in server.get("/om-oss/").text
        main = project / "overrides" / "main.html"
        server.after_edit(lambda: main.write_text(
            main.read_text(encoding="utf-8") + "\n{% block footer %}{{ super() }}<p>kb-theme-edit</p>{% endblock %}\n",
            encoding="utf-8"))
        assert "<p>kb-theme-edit</p>" in server.get("/om-oss/").text
    finally:
        server.stop()
