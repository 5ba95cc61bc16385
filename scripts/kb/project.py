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


class MkDocsYamlLoader(yaml.SafeLoader):
    """mkdocs.yml as data: MkDocs' own tags (!ENV, !!python/name) read as plain values."""


MkDocsYamlLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
MkDocsYamlLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    """The project as mkdocs.yml and data/languages.yml describe it; the one place paths come from."""
    root: Path
    docs_dir: Path
    site_dir: Path
    data_dir: Path
    languages: tuple[Language, ...]

    @property
    def locales(self) -> list[str]:
        return [language.locale for language in self.languages]


def language_mismatch(languages: list[Language], i18n_locales: list[str]) -> str | None:
    """Why mkdocs.yml's i18n languages and data/languages.yml disagree, or None (pure)."""
    ours = [language.locale for language in languages]
    if ours == list(i18n_locales):
        return None
    missing = [locale for locale in ours if locale not in i18n_locales]
    extra = [locale for locale in i18n_locales if locale not in ours]
    detail = "; ".join(filter(None, [
        f"only in data/languages.yml: {', '.join(missing)}" if missing else "",
        f"only in mkdocs.yml: {', '.join(extra)}" if extra else "",
        "same languages in a different order" if not (missing or extra) else ""]))
    return (f"mkdocs.yml (plugins: i18n: languages) and data/languages.yml list different languages ({detail}): "
            "list the same locales in the same order in both")


def load_project(root: Path = ROOT) -> Project:
    """Read mkdocs.yml and data/languages.yml; raises KbError when they disagree or cannot be read."""
    from kb.findings import KbError

    config_path = root / "mkdocs.yml"
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=MkDocsYamlLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise KbError(f"cannot be read: {error}", config_path) from None
    plugins = {}
    for entry in config.get("plugins") or []:
        plugins.update(entry if isinstance(entry, dict) else {entry: {}})
    i18n_locales = [language.get("locale") for language in (plugins.get("i18n") or {}).get("languages") or []]
    kb_options = plugins.get("kb") or {}
    languages = load_languages(root / "data" / "languages.yml")
    problem = language_mismatch(languages, i18n_locales)
    if problem:
        raise KbError(problem, config_path)
    return Project(root=root, docs_dir=root / config.get("docs_dir", "docs"),
                   site_dir=root / config.get("site_dir", "site"),
                   data_dir=root / kb_options.get("data_dir", "data"), languages=tuple(languages))
