"""`kb new page`: a new Swedish page with complete front matter, added to the nav.

The page is written with every required field. Its source list holds either
the source given on the command line or a placeholder without an address,
which `kb content check` reports as an error (KB103), so the page cannot be
merged before someone names a real source.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from kb.content.schema import AUDIENCES, OWNERS
from kb.files import replace, write_new
from kb.translations.frontmatter import yaml_scalar
from kb.translations.paths import UsageError

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PLACEHOLDER_SOURCE = "TODO: källans titel (lägg till url: eller seed:)"


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even when it uses tags such as !ENV or !!python/name."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def front_matter(title: str, description: str, audience: list[str], owner: str, today: dt.date,
                 source_title: str | None = None, source_url: str | None = None) -> str:
    source = [f"  - title: {yaml_scalar(source_title or PLACEHOLDER_SOURCE)}"]
    if source_url:
        source.append(f"    url: {yaml_scalar(source_url)}")
    source.append(f"    checked: {today.isoformat()}")
    return "\n".join([
        "---",
        f"title: {yaml_scalar(title)}",
        f"description: {yaml_scalar(description)}",
        f"audience: [{', '.join(audience)}]",
        f"owner: {yaml_scalar(owner)}",
        f"reviewed: {today.isoformat()}",
        "sources:",
        *source,
        "---",
        "",
    ])


def nav_entries(mkdocs_text: str) -> list:
    config = yaml.load(mkdocs_text, Loader=_AnyTagLoader) or {}
    return config.get("nav") or []


def _section_items(nav: list, section: str) -> list | None:
    """The item list of the nav section holding docs/SECTION/ pages, or None."""
    for item in nav:
        if isinstance(item, dict):
            for children in item.values():
                if isinstance(children, list):
                    if any(isinstance(c, str) and c.startswith(f"{section}/") for c in _flatten(children)):
                        return children
    return None


def _flatten(items):
    for item in items:
        if isinstance(item, dict):
            for value in item.values():
                yield from _flatten(value) if isinstance(value, list) else [value]
        else:
            yield item


def add_to_nav(mkdocs_text: str, section: str, entry: str) -> str:
    """Insert `- entry` after the last docs/SECTION/ item of SECTION's nav section.

    Only one line is added; comments and formatting elsewhere are untouched.
    """
    lines = mkdocs_text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"nav\s*:\s*(#.*)?$", line)), None)
    if start is None:
        raise UsageError("mkdocs.yml has no `nav:`; add the page to the navigation by hand")
    item = re.compile(rf"^(\s*)-\s+(?:[^#\n]*?:\s+)?['\"]?{re.escape(section)}/[^\s'\"#]+\.md['\"]?\s*(#.*)?$")
    top_indent, last = None, None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line.lstrip().startswith(("#", "-")) and not line[0].isspace():
            break   # the next top-level key
        dash = re.match(r"^(\s*)-", line)
        if dash and top_indent is None:
            top_indent = len(dash.group(1))
        found = item.match(line)
        if found and len(found.group(1)) > (top_indent or 0):
            last = (i, found.group(1))
    if last is None:
        raise UsageError(f"mkdocs.yml's nav has no section with pages in docs/{section}/; "
                         "a new page goes into an existing section")
    i, indent = last
    newline = "\r\n" if lines[i].endswith("\r\n") else "\n"
    if not lines[i].endswith(("\n", "\r")):
        lines[i] += newline
    lines.insert(i + 1, f"{indent}- {entry}{newline}")
    text = "".join(lines)
    items = _section_items(nav_entries(text), section)
    if items is None or entry not in items:
        raise UsageError("could not add the page to mkdocs.yml's nav safely; add it by hand")
    return text


def sections(root: Path, nav: list) -> list[str]:
    """Top-level folders of docs/ that have a section in the nav."""
    folders = sorted(p.name for p in (root / "docs").iterdir() if p.is_dir())
    return [name for name in folders if _section_items(nav, name) is not None]


def new_page(root: Path, section: str, slug: str, title: str, description: str, audience: list[str],
             owner: str, *, source_title: str | None = None, source_url: str | None = None,
             today: dt.date | None = None) -> Path:
    """Create docs/SECTION/SLUG.md and add it to mkdocs.yml's nav; return the new file."""
    today = today or dt.date.today()
    config = root / "mkdocs.yml"
    if not config.is_file():
        raise UsageError(f"{config} does not exist; run the command in the project folder or pass --root")
    mkdocs_text = config.read_text(encoding="utf-8")
    try:
        nav = nav_entries(mkdocs_text)
    except yaml.YAMLError as error:
        raise UsageError(f"mkdocs.yml is not valid YAML ({error}); fix it first") from None
    known = sections(root, nav)
    if section not in known:
        raise UsageError(f"unknown section {section!r}: it must be a folder in docs/ with a section in "
                         f"mkdocs.yml's nav; use one of: {', '.join(known)}")
    if not SLUG.match(slug):
        raise UsageError(f"the slug {slug!r} must be lowercase letters a-z, digits and hyphens "
                         "(write å, ä as a and ö as o), e.g. `sa-kan-du-hjalpa`")
    for name, value in (("--title", title), ("--description", description), ("--owner", owner)):
        if not value.strip():
            raise UsageError(f"{name} must not be empty")
    if owner.strip() not in OWNERS:
        raise UsageError(f"unknown owner {owner.strip()!r}; use one of: " + ", ".join(f'"{o}"' for o in OWNERS))
    audience = [a.strip() for value in audience for a in value.split(",") if a.strip()]
    wrong = [a for a in audience if a not in AUDIENCES]
    if not audience or wrong:
        raise UsageError(f"unknown audience {', '.join(wrong)!r}; use one or more of: {', '.join(AUDIENCES)}"
                         if wrong else f"give --audience, one or more of: {', '.join(AUDIENCES)}")
    if bool(source_title) != bool(source_url):
        raise UsageError("give both --source-title and --source-url, or neither")
    entry = f"{section}/{slug}.md"
    path = root / "docs" / entry
    if path.exists():
        raise UsageError(f"docs/{entry} already exists; choose another slug or edit that page")
    if any(path.parent.glob(f"{slug}.*.md")):
        raise UsageError(f"docs/{section} already has translations named {slug}.*.md; choose another slug")
    new_config = add_to_nav(mkdocs_text, section, entry)
    body = f"# {title.strip()}\n\n<!-- Skriv sidans text här. Se CONTRIBUTING.md. -->\n"
    write_new(path, front_matter(title.strip(), description.strip(), audience, owner.strip(), today,
                                 source_title, source_url) + "\n" + body)
    try:
        replace(config, new_config)
    except BaseException:
        path.unlink()
        raise
    return path
