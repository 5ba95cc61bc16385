"""The project's fixed facts: where things are and which languages exist."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
SOURCE_LOCALE = "sv"


@dataclass(frozen=True)
class Language:
    locale: str   # as mkdocs-static-i18n and the URLs use it
    bcp47: str    # as <html lang> must say it
    dir: str      # ltr or rtl
    name: str


def load_languages(path: Path = DATA_DIR / "languages.yml") -> list[Language]:
    return [Language(**entry) for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]


LANGUAGES = load_languages()
LOCALES = [language.locale for language in LANGUAGES]
BY_LOCALE = {language.locale: language for language in LANGUAGES}
