"""The `kb` plugin's options in mkdocs.yml (a typo in a setting is a config error, not a silent default)."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class HttpsUrl(c.URL):
    """An absolute https:// URL: the quick exit must never leave over plain HTTP."""

    def run_validation(self, value):
        value = super().run_validation(value)
        if not str(value).startswith("https://"):
            raise base.ValidationError(f"must be an https:// URL of a neutral site, not {value!r}")
        return value


class KbConfig(base.Config):
    # The neutral site the quick-exit control replaces our page with (every page, every language).
    quick_exit_url = HttpsUrl()
    # The emergency number shown on every page; data/contacts.yml holds its source.
    emergency_number = c.Type(str, default="112")
    # Facts with sources: contacts.yml, resurscentra.yml, laws.yml, sfs-snapshot.json, languages.yml.
    data_dir = c.Dir(exists=True, default="data")
    # One lunr index per language instead of the i18n plugin's combined one.
    split_search_index = c.Type(bool, default=True)
    # Build only the default language and this one (the live preview of one language); None builds all.
    preview_language = c.Optional(c.Type(str))
    # The translators' status page at /oversattningar/ (Swedish only, outside nav and search).
    status_page = c.Type(bool, default=True)
