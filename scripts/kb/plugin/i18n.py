"""The only module that touches mkdocs-static-i18n's internals.

The i18n plugin runs the whole MkDocs build once per language: the first
(default-language) build runs the others from its `on_post_build`. What the
site needs from it is small, and tests/plugin/test_contracts.py fails with a
clear message when an upgrade changes any of it.
"""
from __future__ import annotations

PLUGIN_NAME = "i18n"
# Attributes of mkdocs_static_i18n.plugin.I18n this module reads.
ATTRIBUTES = ("current_language", "building", "default_language", "build_languages")
# Options of its config (I18nPluginConfig) this module reads or sets.
CONFIG_OPTIONS = ("languages",)
LANGUAGE_OPTIONS = ("locale", "default", "build")


def _plugin(config):
    try:
        return config.plugins[PLUGIN_NAME]
    except KeyError:
        raise LookupError("mkdocs.yml: the kb plugin needs the i18n plugin (mkdocs-static-i18n) listed before it") from None


def current_language(config) -> str:
    """The locale being built now (sv, en, ar …)."""
    plugin = _plugin(config)
    return plugin.current_language or plugin.default_language


def default_language(config) -> str:
    """The language built at the site root: sv, or the one language a preview builds (KB_SERVE_LANG)."""
    return _plugin(config).default_language


def all_languages(config) -> list[str]:
    """Every locale mkdocs.yml lists for the i18n plugin, built or not."""
    return [language.locale for language in _plugin(config).config.languages]


def build_languages(config) -> list[str]:
    return list(_plugin(config).build_languages)


def is_nested_build(config) -> bool:
    """True while the i18n plugin builds a further language inside the first build's on_post_build."""
    return bool(_plugin(config).building)


def page_locale(page, fallback: str) -> str:
    """The language of the file a page was rendered from (its suffix; the default language without one)."""
    return getattr(page.file, "locale", None) or fallback


def restrict_build(config, locale: str) -> None:
    """Build only the default language and `locale` (for the live preview). Must run before the
    i18n plugin's own on_config; raises ValueError for a locale mkdocs.yml does not list."""
    plugin = _plugin(config)
    locales = [language.locale for language in plugin.config.languages]
    if locale not in locales:
        raise ValueError(f"KB_LANG={locale!r} is not a language of this site; use one of {', '.join(locales)}")
    for language in plugin.config.languages:
        language.build = language.default or language.locale == locale
