"""The site's UI strings per language, read from overrides/partials/languages/<locale>.html.

Those files are Jinja macros holding one dictionary literal (Material's format);
this reads the `"key": "value"` lines without running Jinja, so the checks can
compare page text with the labels readers see (the quick-exit label) and know
whether a language's UI strings are reviewed (`kb.ui_review`).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import re
import tempfile
from pathlib import Path

from kb.findings import KbError
from kb.project import LOCALES, ROOT, SOURCE_LOCALE

FOLDER = ROOT / "overrides" / "partials" / "languages"
ENTRY = re.compile(r'^\s*("(?:[^"\\]|\\.)*")\s*:\s*("(?:[^"\\]|\\.)*")\s*,?\s*$')
REVIEW_KEY = "kb.ui_review"


class UiStringsError(KbError):
    pass


def load(locale: str, folder: Path = FOLDER) -> dict[str, str]:
    """{key: value} of one language's UI strings file; {} when the file does not exist."""
    path = folder / f"{locale}.html"
    if not path.exists():
        return {}
    strings: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = ENTRY.match(line)
        if not match:
            continue
        try:
            key, value = json.loads(match.group(1)), json.loads(match.group(2))
        except json.JSONDecodeError as error:
            raise UiStringsError(f"cannot read this UI string: {error.msg}", path, number,
                                 'write each string as "key": "value", with \\" for a quote') from None
        strings[key] = value
    return strings


def load_all(folder: Path = FOLDER) -> dict[str, dict[str, str]]:
    """{locale: strings} for every language but Swedish (what glossary.load's `ui` expects)."""
    return {locale: load(locale, folder) for locale in LOCALES if locale != SOURCE_LOCALE}


def reviewed(strings: dict[str, str]) -> bool:
    """True when a qualified translator reviewed the language's UI strings (kb.ui_review: reviewed)."""
    return strings.get(REVIEW_KEY) == "reviewed"


# --- Material's own strings beside the site's overrides -----------------------------------
#
# overrides/partials/languages/<locale>.html hides Material's file of the same name, so
# for the languages Material ships (sv, en, ar, fa, ku-IQ) the site's file holds only the
# keys it adds (kb.*) or changes, and overrides/partials/language.html reads the rest from
# Material's own file as templates/partials/languages/<locale>.html, a name that only
# resolves once expose_material_strings added a folder for it to the theme's folders (the kb plugin does, in on_config, before any template is loaded). A Material
# upgrade that adds a key then shows Material's translation, not a silent English fallback.

COMPLETE = ("so", "ti", "fa-AF")   # languages Material does not ship: the site's files hold every key


def installed_material_templates() -> Path:
    """The templates folder of the installed Material for MkDocs."""
    import material  # type: ignore[import-untyped]
    return material_templates([str(Path(material.__file__).parent / "templates")])


def material_templates(theme_dirs: list[str]) -> Path:
    """Material's templates folder among the theme's folders."""
    for folder in theme_dirs:
        if Path(folder).parts[-2:] == ("material", "templates"):
            return Path(folder)
    raise UiStringsError("Material for MkDocs' templates folder is not among the theme's folders; "
                         "is `theme: name: material` set in mkdocs.yml?", "mkdocs.yml")


def expose_material_strings(theme_dirs: list[str]) -> None:
    """Add a theme folder (last, so it never hides a template) in which Material's templates
    are loadable as templates/partials/languages/<code>.html.

    The folder holds one symbolic link, `templates`, to Material's templates: MkDocs lists
    (and would copy) every file of every theme folder for each language's build, and Jinja's
    listing does not follow links, so the link costs nothing there. Where links cannot be
    made (Windows without developer mode), Material's package folder is added instead: the
    same result, about a second slower."""
    templates = material_templates(theme_dirs)
    folder = Path(tempfile.gettempdir()) / f"kb-material-{hashlib.sha256(str(templates).encode()).hexdigest()[:12]}"
    try:
        folder.mkdir(exist_ok=True)
        with contextlib.suppress(FileExistsError):
            (folder / "templates").symlink_to(templates, target_is_directory=True)
        usable = (folder / "templates").resolve() == templates.resolve()
    except OSError:
        usable = False
    exposed = str(folder if usable else templates.parent)
    if exposed not in theme_dirs:
        theme_dirs.append(exposed)


def for_templates(locale: str, site_folder: Path | None, material: Path) -> dict[str, str]:
    """Every UI string of `locale` as overrides/partials/language.html looks them up (the site's
    file, then Material's, then Material's English; an empty string counts as missing): the
    templates then look a string up in this one table instead of building three dictionaries of
    ~80 strings for each of the ~100 lookups per page. `material`: Material's templates folder."""
    tables = [load_material("en", material)]
    if locale not in COMPLETE:
        tables.append(load_material(locale, material))
    if site_folder is not None:   # the theme overrides' own file
        tables.append(load(locale, site_folder))
    return {key: value for table in tables for key, value in table.items() if value}


def load_material(locale: str, templates: Path) -> dict[str, str]:
    """Material's own strings for `locale` ({} when Material ships none)."""
    return load(locale, templates / "partials" / "languages")
