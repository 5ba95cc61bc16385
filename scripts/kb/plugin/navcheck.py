"""Navigation entries that name a file docs/ does not have, reported as `mkdocs.yml:LINE`.

MkDocs itself only logs such an entry at INFO level and without a line, so
`--strict` would publish a site with a dead menu item.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path


def nav_files(nav) -> Iterator[str]:
    """Every file path in a `nav:` tree (titles, sections and external URLs skipped)."""
    if isinstance(nav, str):
        if "://" not in nav and not nav.startswith(("/", "#")):
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_files(value)


def line_of(config_text: str, path: str) -> int:
    """The line of mkdocs.yml where the nav entry is written (0 when it cannot be found)."""
    entry = re.compile(rf"^\s*-\s*(?:[^:\n]+:\s*)?['\"]?{re.escape(path)}['\"]?\s*$")
    for number, line in enumerate(config_text.splitlines(), start=1):
        if entry.match(line):
            return number
    return 0


def missing_files(nav, docs_dir: Path, config_path: Path) -> list[str]:
    """Messages for nav entries whose file is missing (pure: reads only the two paths given)."""
    text = config_path.read_text(encoding="utf-8") if config_path.is_file() else ""
    problems = []
    for path in nav_files(nav or []):
        if not (docs_dir / path).is_file():
            line = line_of(text, path)
            where = f"{config_path.name}:{line}" if line else config_path.name
            problems.append(f"{where}: the nav entry '{path}' names a file that does not exist in "
                            f"{docs_dir.name}/ (create the page with `kb new page`, or fix or remove the entry)")
    return problems


def missing_nav_files(config) -> list[str]:
    return missing_files(config.nav, Path(config.docs_dir), Path(config.config_file_path or "mkdocs.yml"))
