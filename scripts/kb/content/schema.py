"""The one front matter schema every page in docs/ follows.

`check_front_matter` turns a page's front matter into findings (codes KB101-
KB106, see kb.content). Line numbers come from the YAML node tree, so a wrong
value nested in `sources` or `translation` is reported on its own line.
"""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import yaml

from kb.pages import FRONT_MATTER

AUDIENCES = ("utsatt", "narstaende", "yrkesverksam", "alla")
# The units that answer for a page's content (CONTRIBUTING.md section 4). A new unit is added
# here, in CONTRIBUTING and in the pull request template's review step, in one change.
OWNERS = ("Enheten för stöd och samverkan", "Enheten för utredning och analys")
# Addresses that stand in for a real one: reserved example domains (RFC 2606/6761) and any
# example.<tld>, plus an ellipsis or TODO left in the address.
PLACEHOLDER_HOSTS = re.compile(r"(^|\.)(example\.[a-z]{2,}|example|test|invalid|localhost|local)$")
PLACEHOLDER_TEXT = re.compile(r"…|\.\.\.|\bTODO\b|\bXXX\b|\bFIXME\b|<[^>]*>|\{[^}]*\}", re.I)
STATUSES = ("machine", "reviewed")
SOURCE_HASH = re.compile(r"^sha256:[0-9a-f]{16}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

REQUIRED = ("title", "description", "audience", "owner", "reviewed", "sources")
# Keys Material for MkDocs itself reads; allowed so a page can e.g. hide the table of contents.
THEME_KEYS = ("hide", "search")
HIDEABLE = ("navigation", "toc", "footer", "path", "tags", "feedback")
TOP_KEYS = (*REQUIRED, "translation", *THEME_KEYS)
SOURCE_KEYS = ("title", "url", "seed", "checked")
TRANSLATION_KEYS = ("source_hash", "translated_on", "status", "reviewer_role", "review_scope", "reviewed_on")


def key_lines(text: str) -> dict[tuple, int]:
    """Map each key path in the front matter to its line in the file.

    ('sources', 0, 'url') -> 9. Paths of sequence items point at the item.
    Returns {} when there is no front matter or it cannot be parsed.
    """
    match = FRONT_MATTER.match(text)
    if not match or not match.group(1):
        return {}
    try:
        root = yaml.compose(match.group(1))
    except yaml.YAMLError:
        return {}
    lines: dict[tuple, int] = {}

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = (*path, key.value)
                lines[child] = key.start_mark.line + 2  # +1 for 1-based, +1 for the opening ---
                walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                lines[(*path, index)] = item.start_mark.line + 2
                walk(item, (*path, index))

    walk(root, ())
    return lines


class _Checker:
    """Collects (line, code, message, hint) tuples for one page's front matter."""

    def __init__(self, lines: dict[tuple, int], fallback_line: int):
        self.lines = lines
        self.fallback = fallback_line
        self.problems: list[tuple[int, str, str, str]] = []

    def line(self, path: tuple) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, self.fallback)

    def add(self, path: tuple, code: str, message: str, hint: str = "") -> None:
        self.problems.append((self.line(path), code, message, hint))

    # -- value checks; each returns True when the value is acceptable ----------
    def text(self, value, path, name) -> bool:
        if isinstance(value, str) and value.strip():
            return True
        self.add(path, "KB105", f"`{name}` must be non-empty text, not {_describe(value)}",
                 f"write `{name}: Some text` on one line")
        return False

    def date(self, value, path, name) -> bool:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return True
        if isinstance(value, str) and ISO_DATE.match(value.strip()):
            self.add(path, "KB105", f"`{name}` is a quoted date ({value!r})",
                     f"remove the quotes: `{name}: {value.strip()}`")
        else:
            self.add(path, "KB105", f"`{name}` must be a date YYYY-MM-DD, not {_describe(value)}",
                     f"write e.g. `{name}: 2026-11-22`")
        return False

    def unknown(self, mapping: dict, allowed, path, where) -> None:
        for key in mapping:
            if key not in allowed:
                self.add((*path, key), "KB104", f"unknown key `{key}` in {where}",
                         f"allowed keys are: {', '.join(allowed)} (check the spelling)")


def _describe(value) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"`{str(value).lower()}` (a yes/no value)"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"{value!r}"


def check_front_matter(meta: dict, text: str, is_translation: bool) -> list[tuple]:
    """Problems in one page's front matter as (line, code, message, hint).

    `meta` is the parsed front matter, `text` the whole file (for line numbers).
    """
    c = _Checker(key_lines(text), fallback_line=1)
    c.unknown(meta, TOP_KEYS, (), "the front matter")
    for key in REQUIRED:
        if key not in meta:
            c.add((), "KB103", f"required field `{key}` is missing from the front matter",
                  f"add the `{key}:` line between the --- lines (CONTRIBUTING.md section 4 explains every field)")
    for key in ("title", "description", "owner"):
        if key in meta:
            c.text(meta[key], (key,), key)
    owner = meta.get("owner")
    if isinstance(owner, str) and owner.strip() and owner.strip() not in OWNERS:
        c.add(("owner",), "KB108", f"`owner` {owner.strip()!r} is not one of the units that own pages",
              "write one of: " + ", ".join(f"`{name}`" for name in OWNERS) + " (exactly as written here)")
    if "reviewed" in meta:
        c.date(meta["reviewed"], ("reviewed",), "reviewed")
    if "audience" in meta:
        _check_audience(c, meta["audience"])
    if "sources" in meta:
        _check_sources(c, meta["sources"])
    if "hide" in meta:
        hide = meta["hide"]
        if not isinstance(hide, list) or any(item not in HIDEABLE for item in hide):
            c.add(("hide",), "KB105", f"`hide` must be a list of {', '.join(HIDEABLE)}, not {_describe(hide)}",
                  "write e.g. `hide: [toc]`")
    if "search" in meta:
        search = meta["search"]
        if not isinstance(search, dict) or set(search) - {"exclude", "boost"}:
            c.add(("search",), "KB105", f"`search` must be a mapping with `exclude` or `boost`, not {_describe(search)}",
                  "write e.g. `search: {exclude: true}`")
    if is_translation:
        if "translation" not in meta:
            c.add((), "KB103", "a translation needs a `translation:` block (source_hash, translated_on, status)",
                  "create translations with `kb new translation PAGE LANG`, which writes the block; for an "
                  "existing file run `kb translations mark-updated PAGE LANG` (never write source_hash by hand)")
        else:
            _check_translation(c, meta["translation"])
    elif "translation" in meta:
        c.add(("translation",), "KB106", "a Swedish source page must not have a `translation:` block",
              "remove the block, or rename the file page.<locale>.md if it is a translation")
    return c.problems


def _check_audience(c: _Checker, value) -> None:
    path = ("audience",)
    if not isinstance(value, list) or not value:
        c.add(path, "KB105", f"`audience` must be a non-empty list, not {_describe(value)}",
              f"write e.g. `audience: [yrkesverksam]`; values: {', '.join(AUDIENCES)}")
        return
    for index, item in enumerate(value):
        if item not in AUDIENCES:
            c.add((*path, index), "KB105", f"unknown audience {item!r}",
                  f"use one of: {', '.join(AUDIENCES)}")


def _check_sources(c: _Checker, value) -> None:
    path = ("sources",)
    if not isinstance(value, list) or not value:
        c.add(path, "KB105", f"`sources` must be a non-empty list, not {_describe(value)}",
              "list each source as `- title: …` with `url:` or `seed:` and `checked:`")
        return
    for index, source in enumerate(value):
        here = (*path, index)
        if not isinstance(source, dict):
            c.add(here, "KB105", f"source {index + 1} must be a mapping with title, url/seed and checked, "
                  f"not {_describe(source)}", "write `- title: …` and indent `url:` and `checked:` under it")
            continue
        c.unknown(source, SOURCE_KEYS, here, f"source {index + 1}")
        for key in ("title", "checked"):
            if key not in source:
                c.add(here, "KB103", f"source {index + 1} has no `{key}`", f"add `{key}:` to the source")
        if "title" in source:
            c.text(source["title"], (*here, "title"), "title")
        if "checked" in source:
            c.date(source["checked"], (*here, "checked"), "checked")
        if "url" not in source and "seed" not in source:
            c.add(here, "KB103", f"source {index + 1} has neither `url` nor `seed`",
                  "add the address (url: https://…) or the seed document (seed: name.txt L10-20)")
        if "url" in source:
            url = source["url"]
            parts = urlsplit(url) if isinstance(url, str) else None
            if not parts or parts.scheme not in ("http", "https") or not parts.netloc:
                c.add((*here, "url"), "KB105", f"source {index + 1}: `url` must be an http(s) address, "
                      f"not {_describe(url)}", "write the full address of the page you read, "
                      "starting with https://")
            elif placeholder_url(url):
                c.add((*here, "url"), "KB107", f"source {index + 1}: `url` {url!r} is a placeholder, not an address",
                      "open the source, copy the address from the browser's address bar and paste it here")
        if "seed" in source:
            c.text(source["seed"], (*here, "seed"), "seed")


def placeholder_url(url: str) -> bool:
    """True for an address that only stands in for one: https://…/…, example.org, TODO, <url>."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    return bool(PLACEHOLDER_TEXT.search(url) or PLACEHOLDER_HOSTS.search(host) or "." not in host)


def _check_translation(c: _Checker, value) -> None:
    path = ("translation",)
    if not isinstance(value, dict):
        c.add(path, "KB105", f"`translation` must be a mapping, not {_describe(value)}",
              "indent source_hash, translated_on and status under `translation:`")
        return
    c.unknown(value, TRANSLATION_KEYS, path, "the translation block")
    for key in ("source_hash", "translated_on", "status"):
        if key not in value:
            c.add(path, "KB103", f"the translation block has no `{key}`", f"add `{key}:` under `translation:`")
    if "source_hash" in value:
        hashed = value["source_hash"]
        if not isinstance(hashed, str) or not SOURCE_HASH.match(hashed):
            c.add((*path, "source_hash"), "KB105", f"`source_hash` must look like sha256:<16 hex digits>, "
                  f"not {_describe(hashed)}",
                  "run `kb translations mark-updated PAGE LANG`, which writes it (never write source_hash by hand)")
    if "translated_on" in value:
        c.date(value["translated_on"], (*path, "translated_on"), "translated_on")
    status = value.get("status")
    if "status" in value and status not in STATUSES:
        c.add((*path, "status"), "KB105", f"`status` must be `machine` or `reviewed`, not {_describe(status)}",
              "machine = not yet reviewed by a qualified human translator")
    if status == "reviewed":
        for key in ("reviewer_role", "reviewed_on"):
            if key not in value:
                c.add(path, "KB103", f"a reviewed translation needs `{key}`",
                      f"add `{key}:` under `translation:` (or set `status: machine`)")
    elif status == "machine":
        for key in ("reviewer_role", "review_scope", "reviewed_on"):
            if key in value:
                c.add((*path, key), "KB105", f"`{key}` only belongs to a reviewed translation",
                      "remove it, or set `status: reviewed` if a qualified translator reviewed the text")
    if "reviewer_role" in value:
        c.text(value["reviewer_role"], (*path, "reviewer_role"), "reviewer_role")
    if "reviewed_on" in value:
        c.date(value["reviewed_on"], (*path, "reviewed_on"), "reviewed_on")
    if "review_scope" in value and value["review_scope"] not in ("full", "language", "changes"):
        c.add((*path, "review_scope"), "KB105", f"`review_scope` must be full, language or changes, "
              f"not {_describe(value['review_scope'])}", "`kb translations mark-reviewed --scope` writes it")
