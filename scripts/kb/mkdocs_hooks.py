"""MkDocs hooks: read top to bottom, this is the build's timeline.

mkdocs-static-i18n runs the whole build once per language; each hook asks the
i18n plugin which language is being built. Logic lives in the kb package.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb import resurscentra, search_index, site
from kb.pages import split_front_matter
from kb.project import BY_LOCALE, LANGUAGES, LOCALES, SOURCE_LOCALE

BCP47 = {language.locale: language.bcp47 for language in LANGUAGES}


def _building(config) -> str:
    return config.plugins["i18n"].current_language


def on_config(config):
    if not config.extra.get("quick_exit_url", "").startswith("https://"):
        raise PluginError("mkdocs.yml: extra.quick_exit_url must be an https:// URL of a neutral site")
    return config


def on_page_markdown(markdown, page, config, files):
    building = _building(config)
    file_locale = getattr(page.file, "locale", SOURCE_LOCALE)
    kb = {"fallback": building != SOURCE_LOCALE and file_locale == SOURCE_LOCALE}
    if file_locale != SOURCE_LOCALE:
        src = Path(page.file.abs_src_path)
        source = src.with_name(src.name.replace(f".{file_locale}.md", ".md"))
        body = split_front_matter(source.read_text(encoding="utf-8"))[1] if source.exists() else None
        kb.update(site.translation_flags(page.meta, body))
        # The Swedish page has the same URL without the language prefix.
        kb["source_url"] = page.file.url.removeprefix(f"{building}/")
    page.meta["kb"] = kb
    try:
        return resurscentra.expand(markdown)
    except resurscentra.DataError as error:
        raise PluginError(f"data/resurscentra.yml (used by {page.file.src_uri}): {error}") from None


def on_post_page(output, page, config):
    building = _building(config)
    language = BY_LOCALE[building]
    if building != SOURCE_LOCALE:
        output = site.search_base_for_language(output, building)
    return site.finish_html(output, language.bcp47, language.dir, BCP47)


@event_priority(-200)
def on_post_build(config):
    # The i18n plugin (priority -100) builds the other languages inside the
    # first build's on_post_build, then writes one search index for all of
    # them. This runs after that, once: nested language builds are skipped.
    if config.plugins["i18n"].building:
        return
    site_dir = Path(config.site_dir)
    combined = site_dir / "search" / "search_index.json"
    if combined.exists():
        index = json.loads(combined.read_text(encoding="utf-8"))

        def has_page(locale, page):
            return (site_dir / locale / page / "index.html").exists() or (site_dir / locale / page).is_file()

        for locale, part in search_index.split_index(index, LOCALES, SOURCE_LOCALE, has_page).items():
            target = site_dir / ("" if locale == SOURCE_LOCALE else locale) / "search" / "search_index.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    sitemap = site_dir / "sitemap.xml"
    if sitemap.exists():
        text = site.bcp47_hreflang(sitemap.read_text(encoding="utf-8"), BCP47)
        sitemap.write_text(text, encoding="utf-8")
        sitemap.with_suffix(".xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
