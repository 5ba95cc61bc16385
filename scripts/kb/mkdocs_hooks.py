"""MkDocs hooks: read top to bottom, this is the build's timeline.

mkdocs-static-i18n runs the whole build once per language; each hook asks the
i18n plugin which language is being built. Logic lives in the kb package.
"""
from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb import contacts, resurscentra, search_index, site
from kb.legal import links as legal_links
from kb.pages import FrontMatterError, split_front_matter
from kb.project import BY_LOCALE, LANGUAGES, LOCALES, SOURCE_LOCALE
from kb.translations import statuspage as translation_status_page

BCP47 = {language.locale: language.bcp47 for language in LANGUAGES}
log = logging.getLogger("mkdocs.plugins.kb")


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


def on_page_content(html, page, config, files):
    # Link every citation of Swedish law to riksdagen.se and say how far the check reaches.
    # Failing citations (repealed, unknown-*) are logged as errors, so `mkdocs build --strict`
    # stops. Cautions (amended-since-review, changes-soon, unverifiable) are NOT logged as
    # warnings: strict mode fails on warnings too, and a provision amended after the page
    # was reviewed must not block publishing. They get the CSS class kb-law--warning and a
    # title instead; `kb legal check` lists them for the editors.
    try:
        html, problems, checked = legal_links.page_links(html, page.meta)
    except ValueError as error:  # data/laws.yml or data/sfs-snapshot.json unreadable; the message says which
        raise PluginError(str(error)) from None
    for problem in problems:
        if legal_links.first_report(page.file.src_uri, problem):
            log.error(f"{page.file.src_uri}: {problem.text}: {problem.status}: {problem.message} ({problem.hint})")
    if checked:
        page.meta.setdefault("kb", {})["legal_checked"] = checked
    # Phone numbers from data/contacts.yml become dialable and keep their digit order in RTL text.
    return contacts.mark_registered(html)


def on_post_template(output, template_name, config):
    # Static templates are rendered once per language to the same path, so the
    # last language's 404 page used to win. Keep the Swedish one at site/404.html
    # and write the others to site/<locale>/404.html (deploy/nginx.conf serves them).
    if template_name != "404.html":
        return output
    building = _building(config)
    language = BY_LOCALE[building]
    output = site.finish_html(output, language.bcp47, language.dir, BCP47)
    if building == SOURCE_LOCALE:
        return output
    target = Path(config.site_dir) / building / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # empty output: MkDocs leaves site/404.html (Swedish) alone


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
    try:  # the translators' status page: Swedish only, outside navigation and search
        translation_status_page.write(site_dir, Path(config.docs_dir).parent)
    except FrontMatterError as error:
        raise PluginError(f"{error.path}:{error.line}: {error.message}") from None
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
