"""The kb plugin's page events, run in-process on the real mkdocs.yml (no build needed)."""
from __future__ import annotations

import datetime as dt
import logging
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config

from kb.plugin import KbPlugin
from kb.project import ROOT


@pytest.fixture
def loaded(monkeypatch):
    monkeypatch.delenv("KB_SERVE_LANG", raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)  # as a build starts: every plugin's on_config, in priority order
    plugin = config.plugins["kb"]
    assert isinstance(plugin, KbPlugin)
    plugin.on_pre_build(config=config)
    return config, plugin


def page(src_uri="x/page.md", reviewed=dt.date(2026, 11, 22)):
    return SimpleNamespace(meta={"reviewed": reviewed, "kb": {"fallback": False}}, file=SimpleNamespace(src_uri=src_uri))


def errors(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_the_plugin_is_registered_by_entry_point_with_its_options(loaded):
    config, plugin = loaded
    assert plugin.config.quick_exit_url.startswith("https://")
    assert config.extra["quick_exit_url"] == plugin.config.quick_exit_url  # the templates read it there


def test_a_page_gets_law_links_and_the_snapshot_state(loaded, caplog):
    config, plugin = loaded
    p = page()
    html = plugin.on_page_content("<p>Se 19 kap. 1 § socialtjänstlagen (2025:400).</p>", page=p, config=config, files=None)
    assert 'class="kb-law' in html and 'href="https://www.riksdagen.se/' in html and 'rel="noreferrer"' in html
    assert "(2025:400)" in p.meta["kb"]["legal_checked"]
    assert p.meta["kb"]["fallback"] is False  # the plugin adds to what on_page_markdown set
    assert not errors(caplog)


def test_a_repealed_citation_is_reported_once_per_build_and_again_in_the_next(loaded, caplog):
    config, plugin = loaded
    source = "<p>14 kap. 1 § socialtjänstlagen (2001:453)</p>"
    for _language in range(3):  # the i18n plugin renders the Swedish page for every language
        plugin.on_page_content(source, page=page("a/repealed.md"), config=config, files=None)
    assert len(errors(caplog)) == 1 and "repealed" in errors(caplog)[0] and "a/repealed.md" in errors(caplog)[0]
    plugin.on_pre_build(config=config)  # the next build (mkdocs serve rebuilding after a save)
    plugin.on_page_content(source, page=page("a/repealed.md"), config=config, files=None)
    assert len(errors(caplog)) == 2


def test_cautions_are_not_logged(loaded, caplog):
    config, plugin = loaded
    html = plugin.on_page_content("<p>19 kap. 1 § SoL</p>", page=page(reviewed=dt.date(2025, 12, 1)),
                                  config=config, files=None)
    assert "kb-law--warning" in html
    assert not errors(caplog)


def test_a_quick_exit_url_that_is_not_https_is_a_config_error(tmp_path):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "quick_exit_url: https://www.smhi.se/", "quick_exit_url: http://www.smhi.se/")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = text.replace("data_dir: data", f"data_dir: {ROOT / 'data'}")
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(text, encoding="utf-8")
    from mkdocs.exceptions import Abort, ConfigurationError
    with pytest.raises((Abort, ConfigurationError)):
        load_config(str(config_file))


def test_the_project_is_loaded_from_mkdocs_yml_and_agrees_with_languages_yml():
    from kb.project import load_project
    project = load_project()
    assert project.locales[0] == "sv" and "ku-IQ" in project.locales
    assert project.docs_dir == ROOT / "docs" and project.data_dir == ROOT / "data"


def test_languages_that_disagree_are_named():
    from kb.project import LANGUAGES, language_mismatch
    locales = [language.locale for language in LANGUAGES]
    assert language_mismatch(LANGUAGES, locales) is None
    message = language_mismatch(LANGUAGES, [*locales[:-1], "de"])
    assert "only in data/languages.yml: ku-IQ" in message and "only in mkdocs.yml: de" in message


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_the_status_page_is_written_in_a_second_process_on_linux_and_in_line_elsewhere(loaded, platform, tmp_path,
                                                                                         monkeypatch):
    config, plugin = loaded
    monkeypatch.setattr("kb.plugin.plugin.sys.platform", platform)
    config.site_dir = str(tmp_path / "site")
    (tmp_path / "site").mkdir()
    plugin._start_status_page(config=config)
    assert (plugin.background is not None) == (platform == "linux")
    plugin._finish_build(config=config)
    assert (tmp_path / "site" / "oversattningsstatus" / "index.html").is_file()
    assert plugin.background is None and plugin.status_page is None   # the process is gone after the build
