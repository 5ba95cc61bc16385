"""The `kb` MkDocs plugin. Read top to bottom, this is the build's timeline.

mkdocs-static-i18n runs the whole build once per language (kb.plugin.i18n
says which one). All state lives on the plugin instance and is reset at the
start of every top-level build, so `mkdocs serve` reports every problem again
on every rebuild and picks up edits to data/. The logic lives in the kb
package; each event below only delegates.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import multiprocessing
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kb import contacts, resurscentra, search_index, site
from kb.findings import KbError
from kb.legal import changes as legal_changes
from kb.legal import links as legal_links
from kb.legal.check import Checker
from kb.legal.registry import load_registry
from kb.legal.snapshot import load_snapshot
from kb.pages import UNCLOSED, FrontMatterError, body_of, unclosed_front_matter
from kb.plugin import i18n, navcheck
from kb.plugin.config import KbConfig
from kb.project import BY_LOCALE, LANGUAGES, LOCALES, SOURCE_LOCALE, language_mismatch
from kb.translations import glossary_page, ui_strings
from kb.translations import statuspage as translation_status_page
from kb.translations import tooltips as glossary_tooltips
from kb.translations.glossary import load as load_glossary

BCP47 = {language.locale: language.bcp47 for language in LANGUAGES}
LAW_CHANGES_PAGE = "lagandringar.md"  # generated; listed under not_in_nav in mkdocs.yml
log = logging.getLogger("mkdocs.plugins.kb")


@dataclass
class BuildState:
    """What one top-level build (all languages) loads once and remembers."""

    checker: Checker
    phone_numbers: list[str]
    resource_centres: dict
    glossary: list = field(default_factory=list)      # data/glossary.yml's terms, for the tooltips
    # The i18n plugin renders each Swedish page again as every other language's
    # fallback: the same HTML arrives up to eight times, so results are remembered
    # for this build (and only this build).
    legal_links: dict[tuple[str, Any], tuple] = field(default_factory=dict)
    marked_numbers: dict[str, str] = field(default_factory=dict)
    with_tooltips: dict[tuple[str, str], str] = field(default_factory=dict)
    judged: dict[str, list] = field(default_factory=dict)
    reported: set[tuple] = field(default_factory=set)
    # The page of coming changes in the law and its Atom feed (Markdown, XML), for the Swedish pages' text.
    law_changes: tuple[str, str] | None = None
    law_changes_key: int | None = None
    tips: dict[str, list] = field(default_factory=dict)

    def judge(self, markdown: str) -> list:
        """checker.judge, remembered per page text (a live-preview save changes one page, not all)."""
        if markdown not in self.judged:
            self.judged[markdown] = list(self.checker.judge(markdown))
        return self.judged[markdown]

    def next_build(self) -> BuildState:
        """The state for a rebuild with unchanged data (`mkdocs serve`): what was loaded and worked out
        from page HTML is kept (it depends only on that HTML and the data), problems are reported anew."""
        if len(self.legal_links) > 20_000:  # a long editing session: forget the old versions of pages
            for memo in (self.legal_links, self.marked_numbers, self.with_tooltips, self.judged):
                memo.clear()
        return replace(self, reported=set())

    def tooltips(self, locale: str) -> list:
        if locale not in self.tips:
            self.tips[locale] = glossary_tooltips.tips_for(self.glossary, locale)
        return self.tips[locale]

    def report_once(self, key: tuple) -> bool:
        if key in self.reported:
            return False
        self.reported.add(key)
        return True


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled Jinja templates kept in memory for the life of the process."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])  # discarded if the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def _write_status_page(site_dir: Path, root: Path, building: list[str]) -> str | None:
    """The translators' status page and review views; the build's error message if a page or data
    file cannot be read (a message, not an exception: it comes back from another process)."""
    try:
        translation_status_page.write(site_dir, root, building=building)
    except FrontMatterError as error:
        return f"{error.path}:{error.line}: {error.message}"
    except KbError as error:   # data/glossary.yml or a UI strings file, read for the review views
        return str(error)
    return None


def _fingerprint(folders: list[Path]) -> tuple:
    """Every file's name, size and modification time: a changed data file means a fresh load."""
    return tuple(sorted((str(path), stat.st_mtime_ns, stat.st_size) for folder in folders if folder.is_dir()
                        for path in folder.rglob("*") if path.is_file() for stat in [path.stat()]))


def ui_strings_dir(config: MkDocsConfig) -> Path | None:
    """The site's UI strings (overrides/partials/languages); None without theme overrides."""
    return Path(config.theme.custom_dir) / "partials" / "languages" if config.theme.custom_dir else None


Loaded = TypeVar("Loaded")


def _read(path: Path, load: Callable[[Path], Loaded]) -> Loaded:
    """Load one data file; any failure is reported with its path (never a traceback)."""
    try:
        return load(path)
    except Exception as error:  # whatever breaks a data file, the editor needs its name
        raise _data_error(error, path) from None


def _data_error(error: Exception, path: Path) -> PluginError:
    """One conversion of a data error into the build's error (never a traceback)."""
    if isinstance(error, KbError) and error.path:
        return PluginError(str(error))
    return PluginError(f"{path}: {error}")


class KbPlugin(BasePlugin[KbConfig]):
    # Under `mkdocs serve` the pages' CSP must let MkDocs' live-reload script run. This is
    # per process on purpose: after an edit to mkdocs.yml, MkDocs creates a new plugin
    # instance for the rebuild without calling on_startup again.
    serving: bool = False

    def __init__(self) -> None:
        super().__init__()
        self.state: BuildState | None = None
        self.data_fingerprint: tuple = ()
        self.compiled_templates = CompiledTemplates()
        self.background: ProcessPoolExecutor | None = None
        self.status_page: Future | None = None

    # --- once per process -------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        KbPlugin.serving = command == "serve"

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):
        # MkDocs watches docs/ and mkdocs.yml; the facts and the theme overrides change pages too.
        server.watch(self.config.data_dir)
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        return server

    # --- once per language build ------------------------------------------------------

    @event_priority(100)  # before the i18n plugin reconfigures the build for a language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # The templates read these two from config.extra; the plugin's options are the one place they are set.
        problem = language_mismatch(LANGUAGES, i18n.all_languages(config))
        if problem:
            raise PluginError(problem)
        config.extra["quick_exit_url"] = self.config.quick_exit_url
        config.extra["emergency_number"] = self.config.emergency_number
        try:  # Material's own UI strings beside the site's overrides (kb.translations.ui_strings)
            ui_strings.expose_material_strings(config.theme.dirs)
        except KbError as error:
            raise PluginError(str(error)) from None
        if self.config.preview_language and not i18n.is_nested_build(config):
            try:
                i18n.restrict_build(config, self.config.preview_language)
            except ValueError as error:
                raise PluginError(f"mkdocs.yml, plugin kb, preview_language: {error}") from None
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if i18n.is_nested_build(config):
            return  # one state for all languages of this build
        fingerprint = _fingerprint([folder for folder in (Path(self.config.data_dir), ui_strings_dir(config)) if folder])
        if self.state is not None and fingerprint == self.data_fingerprint:
            self.state = self.state.next_build()  # a rebuild after editing a page: the data is unchanged
        else:
            self.state, self.data_fingerprint = self._load_state(), fingerprint
        for problem in navcheck.missing_nav_files(config):
            log.warning(problem)

    def _load_state(self) -> BuildState:
        data = Path(self.config.data_dir)
        glossary = data / "glossary.yml"  # optional: without it, no tooltips
        registry = _read(data / "laws.yml", load_registry)
        snapshot = _read(data / "sfs-snapshot.json", load_snapshot)
        numbers = [entry["number"] for entry in _read(data / "contacts.yml", contacts.load)]
        centres = _read(data / "resurscentra.yml", resurscentra.load)
        terms = _read(glossary, lambda path: load_glossary(path, ui_strings.load_all())) if glossary.exists() else []
        return BuildState(Checker(registry, snapshot), numbers, centres, terms)

    @event_priority(-150)  # after the i18n plugin (-100), which cannot handle generated files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # The public page of coming changes in the law (/lagandringar/) and its Atom feed, generated
        # from the snapshot and the Swedish pages' citations; a real page, so it has the theme,
        # the quick exit and the CSP (and the Swedish fallback notice in the other languages).
        state = self._state
        # Made in the first (default-language) build, from the Swedish sources; the other languages'
        # builds, whose files the i18n plugin has already swapped for translations, reuse it.
        swedish = {} if i18n.is_nested_build(config) else {
            f.src_uri: f.content_string for f in files.documentation_pages()
            if f.src_uri.count(".") == 1 and f.generated_by is None}
        key = hash(tuple(sorted(swedish.items())))
        if state.law_changes is None or (swedish and state.law_changes_key != key):
            state.law_changes_key = key
            found = legal_changes.collect(state.checker, swedish, judge=state.judge)
            today = state.checker.today
            page = (f"---\ntitle: Lagändringar\ndescription: Ändringar i lagar som kunskapsbankens sidor hänvisar "
                    f"till – på väg och nyligen, ur SFS-ögonblicksbilden.\n---\n\n# Lagändringar som berör "
                    f"kunskapsbanken\n\n{legal_changes.markdown_page(found, today, base=None)}\n")
            feed = legal_changes.atom_feed(found, config.site_url or "http://localhost/",
                                           dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC))
            state.law_changes = (page, feed)
        page, feed = state.law_changes
        generated = File.generated(config, LAW_CHANGES_PAGE, content=page)
        building = i18n.current_language(config)
        if building != i18n.default_language(config):  # the Swedish page, under /<locale>/ like other fallbacks
            generated.dest_uri = f"{building}/{generated.dest_uri}"  # its url follows from dest_uri
        files.append(generated)
        files.append(File.generated(config, legal_changes.FEED_PATH, content=feed))  # one feed, at the root
        return files

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # Each language's build (and each live-preview rebuild) gets a new Jinja environment that
        # would compile the same ~36 templates again; compiled once, they are shared. Jinja checks
        # each template's source against the cached code, so an edit in overrides/ still shows.
        env.bytecode_cache = self.compiled_templates
        locale = config.theme["language"]
        try:  # overrides/partials/language.html looks the UI strings up in one table per language
            material = ui_strings.material_templates(config.theme.dirs)
            env.globals["kb_ui_strings"] = ui_strings.for_templates(locale, ui_strings_dir(config), material)
        except KbError as error:
            raise PluginError(f"UI strings for {locale}: {error}") from None
        return env

    # --- once per page and language ---------------------------------------------------

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._check_front_matter(page, config)
        building = i18n.current_language(config)
        file_locale = i18n.page_locale(page, i18n.default_language(config))
        kb: dict[str, Any] = {"fallback": building != SOURCE_LOCALE and file_locale == SOURCE_LOCALE}
        if file_locale != SOURCE_LOCALE:
            src = Path(page.file.abs_src_path or "")
            source = src.with_name(src.name.replace(f".{file_locale}.md", ".md"))
            body = body_of(source.read_text(encoding="utf-8")) if source.exists() else None
            kb.update(site.translation_flags(page.meta, body))
            # The Swedish page has the same URL without the language prefix.
            kb["source_url"] = page.file.url.removeprefix(f"{building}/")
        page.meta["kb"] = kb
        # The glossary page in every language: the table for the language the page is written in.
        markdown = glossary_page.expand(markdown, self._state.glossary, file_locale)
        try:
            return resurscentra.expand(markdown, self._state.resource_centres)
        except resurscentra.DataError as error:
            raise PluginError(f"data/resurscentra.yml (used by docs/{page.file.src_uri}): {error}") from None

    def _check_front_matter(self, page: Page, config: MkDocsConfig) -> None:
        """MkDocs publishes front matter without its closing `---` as page text; we stop instead."""
        if not self._state.report_once(("front-matter", page.file.src_uri)):
            return  # checked already in this build (the i18n plugin renders a page once per language)
        if unclosed_front_matter(page.file.content_string):
            log.error(f"{Path(config.docs_dir).name}/{page.file.src_uri}:1: {UNCLOSED}")

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Link every citation of Swedish law to riksdagen.se and say how far the check reaches.
        # Failing citations (repealed, unknown-*) are logged as errors, so `mkdocs build --strict`
        # stops. Cautions (amended-since-review, changes-soon, unverifiable) are NOT logged as
        # warnings: a provision amended after the page was reviewed must not block publishing.
        # They get the CSS class kb-law--warning and a title; `kb legal check` lists them.
        state = self._state
        key = (html, page.meta.get("reviewed"))
        if key not in state.legal_links:
            linked, problems, cited = legal_links.link_citations(html, state.checker, page.meta.get("reviewed"))
            state.legal_links[key] = (linked, problems, legal_links.checked_through(state.checker, cited))
        html, problems, checked = state.legal_links[key]
        for problem in problems:
            if state.report_once((page.file.src_uri, problem.text, problem.status)):
                log.error(f"docs/{page.file.src_uri}: {problem.text}: {problem.status}: {problem.message} "
                          f"({problem.hint})")
        if checked:
            page.meta.setdefault("kb", {})["legal_checked"] = checked
        # Phone numbers from data/contacts.yml become dialable and keep their digit order in RTL text.
        if html not in state.marked_numbers:
            state.marked_numbers[html] = contacts.mark_numbers(html, state.phone_numbers)
        # Glossary terms explained on first use, in the language the page is written in.
        locale = i18n.page_locale(page, i18n.default_language(config))
        marked = state.marked_numbers[html]
        if (marked, locale) not in state.with_tooltips:  # a Swedish page comes back as every language's fallback
            state.with_tooltips[(marked, locale)] = glossary_tooltips.add(marked, state.tooltips(locale))
        return state.with_tooltips[(marked, locale)]

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        building = i18n.current_language(config)
        if building != i18n.default_language(config):
            output = site.search_base_for_language(output, building)
        return self._finish(output, building)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        # Static templates are rendered once per language to the same path, so the
        # last language's 404 page used to win. Keep the root language's at site/404.html
        # and write the others to site/<locale>/404.html (deploy/nginx.conf serves them).
        if template_name != "404.html":
            return output_content
        building = i18n.current_language(config)
        output = self._finish(output_content, building)
        if building == i18n.default_language(config):
            return output
        target = Path(config.site_dir) / building / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""  # empty output: MkDocs leaves site/404.html (the root language's) alone

    def _finish(self, html: str, locale: str) -> str:
        language = BY_LOCALE[locale]
        return site.finish_html(html, language.bcp47, language.dir, BCP47, preview=self.serving)

    # --- once per build, after every language -----------------------------------------

    @event_priority(-50)  # the Swedish pages are written; the i18n plugin (-100) builds the others next
    def _start_status_page(self, *, config: MkDocsConfig) -> None:
        # The translators' status page and its ~100 review views (Swedish only, outside navigation and
        # search) need only the Swedish site, docs/ and git: written by a second process on the
        # otherwise idle CPU while the other languages build. The live preview leaves them out.
        if i18n.is_nested_build(config) or not self.config.status_page or self.serving:
            return
        others = [locale for locale in i18n.build_languages(config) if locale != i18n.default_language(config)]
        args = (Path(config.site_dir), Path(config.docs_dir).parent, others)
        if sys.platform == "linux":  # fork is cheap and safe there (macOS forks badly, Windows cannot)
            self.background = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self.status_page = self.background.submit(_write_status_page, *args)
        else:
            self.status_page = Future()
            self.status_page.set_result(_write_status_page(*args))

    @event_priority(-200)  # after the i18n plugin (-100) has built the other languages
    def _finish_build(self, *, config: MkDocsConfig) -> None:
        if i18n.is_nested_build(config):
            return
        site_dir = Path(config.site_dir)
        if self.status_page is not None:
            problem = self.status_page.result()
            self._stop_background()
            if problem:
                raise PluginError(problem)
        if self.config.split_search_index:
            self._split_search_index(site_dir, i18n.default_language(config))
        self._sitemap(site_dir)

    on_post_build = CombinedEvent(_start_status_page, _finish_build)

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_background()

    def _stop_background(self) -> None:
        if self.background is not None:
            self.background.shutdown(cancel_futures=True)
        self.background = self.status_page = None

    @staticmethod
    def _split_search_index(site_dir: Path, root_locale: str) -> None:
        combined = site_dir / "search" / "search_index.json"
        if not combined.exists():
            return
        index = json.loads(combined.read_text(encoding="utf-8"))

        def has_page(locale: str, page: str) -> bool:
            return (site_dir / locale / page / "index.html").exists() or (site_dir / locale / page).is_file()

        locales = [locale for locale in LOCALES if locale == root_locale or (site_dir / locale).is_dir()]
        for locale, part in search_index.split_index(index, locales, root_locale, has_page).items():
            target = site_dir / ("" if locale == root_locale else locale) / "search" / "search_index.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    @staticmethod
    def _sitemap(site_dir: Path) -> None:
        sitemap = site_dir / "sitemap.xml"
        if sitemap.exists():
            text = site.bcp47_hreflang(sitemap.read_text(encoding="utf-8"), BCP47)
            sitemap.write_text(text, encoding="utf-8")
            sitemap.with_suffix(".xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))

    @property
    def _state(self) -> BuildState:
        if self.state is None:  # on_pre_build always runs first; this guards a changed MkDocs event order
            raise PluginError("kb plugin: page event before on_pre_build (has MkDocs' event order changed?)")
        return self.state

