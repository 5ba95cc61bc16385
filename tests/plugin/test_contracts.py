"""Contracts with the projects the site builds on: when an upgrade of Material for MkDocs or
mkdocs-static-i18n changes something the site relies on, a test here fails and says what to review.
"""
from __future__ import annotations

import hashlib
import re
from importlib import metadata
from pathlib import Path

import pytest

from kb import site
from kb.plugin import i18n
from kb.project import ROOT

MATERIAL = Path(metadata.distribution("mkdocs-material").locate_file("material")) / "templates"


def pinned(package: str) -> str:
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.lower().startswith(package.lower() + "=="):
            return line.split("==", 1)[1].strip()
    raise AssertionError(f"requirements.txt does not pin {package}")


@pytest.mark.parametrize("package, review", [
    ("mkdocs", "the kb plugin's event signatures (scripts/kb/plugin/plugin.py)"),
    ("mkdocs-material", "overrides/main.html, overrides/partials/*.html and kb.site's search-base rewrite"),
    ("mkdocs-static-i18n", "scripts/kb/plugin/i18n.py, the only module that touches its internals"),
])
def test_installed_versions_are_the_pinned_ones(package, review):
    installed = metadata.version(package)
    assert installed == pinned(package), (
        f"{package} {installed} is installed but requirements.txt pins {pinned(package)}: after an upgrade, "
        f"review {review}, then update the pin")


def test_the_overrides_name_the_material_version_they_were_written_against():
    version = metadata.version("mkdocs-material")
    for template in sorted((ROOT / "overrides").rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        for named in re.findall(r"Material(?: for MkDocs)? (\d+\.\d+\.\d+)", text):
            assert named == version, (f"{template.relative_to(ROOT)} was written against Material {named}, "
                                      f"{version} is installed: compare it with Material's template and update the note")


def test_the_blocks_main_html_overrides_exist_in_materials_base_template():
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    for block in sorted(set(re.findall(r"{%-?\s*block\s+(\w+)", ours))):
        assert re.search(rf"{{%-?\s*block\s+{block}\b", base), (
            f"overrides/main.html overrides block '{block}', which Material's base.html no longer has")


def test_copied_partials_still_match_the_material_template_they_were_copied_from():
    """A copied partial records the sha256 of Material's original; an upgrade that changes it fails here."""
    for partial in sorted((ROOT / "overrides" / "partials").glob("*.html")):
        text = partial.read_text(encoding="utf-8")
        copied = re.search(r"Copied from Material for MkDocs [\d.]+ (partials/[\w/-]+\.html)", text)
        if not copied:
            continue
        recorded = re.search(r"sha256 of the original: ([0-9a-f]{64})", text)
        assert recorded, f"{partial.relative_to(ROOT)}: note `sha256 of the original: …` in its header comment"
        original = (MATERIAL / copied.group(1)).read_bytes()
        assert hashlib.sha256(original).hexdigest() == recorded.group(1), (
            f"Material's {copied.group(1)} changed since {partial.relative_to(ROOT)} was copied from it: "
            "carry the changes over, then update the recorded hash")


def test_the_i18n_plugin_still_has_what_the_adapter_reads():
    from mkdocs_static_i18n.plugin import I18n
    from mkdocs_static_i18n.reconfigure import ExtendedPlugin
    plugin = I18n()
    for name in i18n.ATTRIBUTES:
        assert hasattr(plugin, name) or hasattr(ExtendedPlugin, name), (
            f"mkdocs-static-i18n no longer has `{name}`: update scripts/kb/plugin/i18n.py")
    from mkdocs_static_i18n.config import I18nPluginConfig, I18nPluginLanguage
    for name in i18n.CONFIG_OPTIONS:
        assert name in {key for key, _ in I18nPluginConfig._schema}, f"the i18n plugin's config lost `{name}`"
    for name in i18n.LANGUAGE_OPTIONS:
        assert name in {key for key, _ in I18nPluginLanguage._schema}, f"the i18n plugin's language config lost `{name}`"


def test_the_config_block_the_search_base_is_rewritten_in_is_still_there(built_site):
    """kb.site rewrites Material's `base` in <script id="__config">; if Material moves it, search breaks."""
    html = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert site.CONFIG_BASE.search(html), "Material's __config block changed: update kb.site.CONFIG_BASE"
    assert re.search(r'"base": "[^"]*/en/"', html), "the English pages' search base was not rewritten to /en/"
