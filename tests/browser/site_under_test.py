"""What the browser tests know about the built site: its pages, languages and settings."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import yaml

from kb.pages import split_front_matter
from kb.project import LOCALES, ROOT, SOURCE_LOCALE

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 360, "height": 640}
# Collects Content-Security-Policy violations before any page script runs.
CSP_RECORDER = """
window.__kbCsp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__kbCsp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
                      " at " + e.sourceFile + ":" + e.lineNumber);
});
"""


def _load_yaml(path: Path) -> dict:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !!python/name:... tags
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


MKDOCS = _load_yaml(ROOT / "mkdocs.yml")
# The kb plugin's options hold the neutral site (mkdocs.yml: plugins: - kb: quick_exit_url).
KB_PLUGIN = next(entry["kb"] for entry in MKDOCS["plugins"] if isinstance(entry, dict) and "kb" in entry)
QUICK_EXIT_URL = KB_PLUGIN["quick_exit_url"]
SITE_URL = MKDOCS["site_url"].rstrip("/") + "/"


@dataclass(frozen=True)
class SitePage:
    """One built page: its URL path below the site root, language and kind."""

    path: str     # "" for the Swedish start page, "en/vagledning/" ...
    locale: str
    kind: str     # "source" (Swedish), "translation" or "fallback" (Swedish text in another language's site)

    @property
    def rest(self) -> str:
        """The path without the language prefix (the Swedish page's path)."""
        return self.path if self.locale == SOURCE_LOCALE else self.path[len(self.locale) + 1:]

    def __str__(self) -> str:
        return f"/{self.path} ({self.locale}, {self.kind})"


def _markdown_for(docs: Path, rest: str, locale: str | None) -> Path | None:
    stem = rest.rstrip("/")
    suffix = f".{locale}.md" if locale else ".md"
    candidates = [docs / f"{stem}/index{suffix}"] if stem else [docs / f"index{suffix}"]
    if stem:
        candidates.insert(0, docs / f"{stem}{suffix}")
    return next((c for c in candidates if c.is_file()), None)


class Site:
    """The built site under test."""

    def __init__(self, root: Path, docs: Path):
        self.root = root
        self.docs = docs

    @cached_property
    def pages(self) -> list[SitePage]:
        sitemap = self.root / "sitemap.xml"
        assert sitemap.is_file(), f"{sitemap} is missing: the build wrote no sitemap"
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        found = []
        for loc in ElementTree.parse(sitemap).getroot().iterfind("s:url/s:loc", ns):
            path = urlsplit(loc.text.strip()).path.lstrip("/")
            path = path.removeprefix(urlsplit(SITE_URL).path.lstrip("/"))
            first = path.split("/")[0]
            locale = first if first in LOCALES and first != SOURCE_LOCALE else SOURCE_LOCALE
            page = SitePage(path, locale, "source")
            if locale != SOURCE_LOCALE:
                translated = _markdown_for(self.docs, page.rest, locale) is not None
                page = SitePage(path, locale, "translation" if translated else "fallback")
            found.append(page)
        assert found, f"{sitemap} lists no pages"
        return found

    def html(self, page: SitePage) -> str:
        return (self.root / page.path / "index.html").read_text(encoding="utf-8")

    def text(self, page: SitePage) -> str:
        """The page's HTML with entities decoded (for finding UI strings in it)."""
        return html.unescape(self.html(page))

    def start(self, locale: str) -> SitePage:
        return next(p for p in self.pages if p.locale == locale and p.rest == "")

    def of(self, locale: str, kind: str | None = None) -> list[SitePage]:
        return [p for p in self.pages if p.locale == locale and (kind is None or p.kind == kind)]

    @cached_property
    def checked_in_browser(self) -> list[SitePage]:
        """Every Swedish and translated page, each language's start page and one fallback per language."""
        chosen = [p for p in self.pages if p.kind in ("source", "translation")]
        for locale in LOCALES:
            chosen.append(self.start(locale))
            chosen.extend(self.of(locale, "fallback")[:1])
        return list(dict.fromkeys(chosen))

    def front_matter(self, page: SitePage) -> dict:
        source = _markdown_for(self.docs, page.rest, None if page.kind != "translation" else page.locale)
        return split_front_matter(source.read_text(encoding="utf-8"))[0]


NEUTRAL_TITLE = "Neutral site (stub)"


def stub_neutral_site(context) -> None:
    """There is no internet here: answer the neutral site's URL with a stub page."""
    neutral = urlsplit(QUICK_EXIT_URL)

    def fulfil(route):
        route.fulfill(status=200, content_type="text/html",
                      body=f"<!doctype html><title>{NEUTRAL_TITLE}</title><p>Weather</p>")

    context.route(f"{neutral.scheme}://{neutral.netloc}/**", fulfil)



def ui_string(locale: str, key: str) -> str:
    """A UI string as overrides/partials/languages/<locale>.html defines it."""
    source = ROOT / "overrides" / "partials" / "languages" / f"{locale}.html"
    match = re.search(rf'^\s*"{re.escape(key)}":\s*"(.*)",?\s*$', source.read_text(encoding="utf-8"), re.M)
    assert match, f"{source}: no UI string {key!r}"
    return match.group(1).replace('\\"', '"')
