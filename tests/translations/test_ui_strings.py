"""UI strings: overrides only for the languages Material ships, complete files for the others."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.project import LOCALES, ROOT
from kb.translations import ui_strings

MATERIAL = ui_strings.material_templates([str(Path(__import__("material").__file__).parent / "templates")])
OURS = ROOT / "overrides" / "partials" / "languages"
SHIPPED = [locale for locale in LOCALES if (MATERIAL / "partials" / "languages" / f"{locale}.html").is_file()]


def test_material_ships_these_languages_and_the_template_knows_the_others():
    assert SHIPPED == ["sv", "en", "ar", "fa", "ku-IQ"]          # Material has ku-IQ.html, no ckb.html
    assert not (MATERIAL / "partials" / "languages" / "ckb.html").exists()
    assert sorted(set(LOCALES) - set(SHIPPED)) == sorted(ui_strings.COMPLETE)
    template = (ROOT / "overrides" / "partials" / "language.html").read_text(encoding="utf-8")
    listed = re.search(r"config\.theme\.language in \[([^\]]*)\]", template).group(1)
    assert sorted(re.findall(r'"([^"]+)"', listed)) == sorted(ui_strings.COMPLETE)


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_shipped_language_overrides_only_what_the_site_changes(locale):
    ours = ui_strings.load(locale, OURS)
    material = ui_strings.load_material(locale, MATERIAL)
    same = [key for key, value in ours.items() if not key.startswith("kb.") and material.get(key) == value]
    assert same == [], f"{OURS / locale}.html repeats Material's own strings: {same}"


@pytest.mark.parametrize("locale", ui_strings.COMPLETE)
def test_a_language_material_does_not_ship_has_every_key(locale):
    ours = ui_strings.load(locale, OURS)
    english = ui_strings.load_material("en", MATERIAL)
    missing = sorted(set(english) - set(ours) - {"search.config.lang", "search.config.separator",
                                                 "search.config.pipeline", "meta.comments", "rss.created"})
    assert missing == [], f"{OURS / locale}.html lacks {missing}: readers would see English"


def test_every_language_has_the_sites_own_keys():
    keys = {key for key in ui_strings.load("sv", OURS) if key.startswith("kb.")}
    for locale in LOCALES:
        assert keys <= set(ui_strings.load(locale, OURS)), locale


def test_the_build_shows_materials_string_for_a_key_the_site_does_not_override(built_site: Path):
    assert "toc" not in ui_strings.load("sv", OURS)
    material = ui_strings.load_material("sv", MATERIAL)["toc"]
    assert material in (built_site / "index.html").read_text(encoding="utf-8")
    # … and the site's own wording where it overrides one (Arabic without hamza errors).
    assert "اختيار اللغة" in (built_site / "ar" / "index.html").read_text(encoding="utf-8")


def test_materials_strings_are_reachable_without_adding_materials_package_to_the_theme():
    dirs = [str(ROOT / "overrides"), str(MATERIAL)]
    ui_strings.expose_material_strings(dirs)
    added = Path(dirs[-1])
    assert len(dirs) == 3 and added != MATERIAL.parent
    assert (added / "templates" / "partials" / "languages" / "sv.html").read_bytes() == \
        (MATERIAL / "partials" / "languages" / "sv.html").read_bytes()
    # Jinja lists (and MkDocs would publish) every file of a theme folder; this one lists none.
    import jinja2
    assert jinja2.FileSystemLoader(str(added)).list_templates() == []
    ui_strings.expose_material_strings(dirs)
    assert len(dirs) == 3  # a second language's build adds nothing more


def test_no_file_of_materials_package_is_published(built_site: Path):
    # Material's package folder as a theme folder once put its plugins' YAML files in the site.
    assert not (built_site / "plugins").exists()
    assert not (built_site / "templates").exists()


@pytest.mark.parametrize("locale", LOCALES)
def test_the_plugins_table_says_what_the_templates_lookup_says(locale):
    """ui_strings.for_templates (one table per language) against overrides/partials/language.html's
    own lookup through the three files, for every key any of them has."""
    import jinja2
    dirs = [str(ROOT / "overrides"), str(MATERIAL)]
    ui_strings.expose_material_strings(dirs)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(dirs))
    table = ui_strings.for_templates(locale, OURS, MATERIAL)
    keys = set(table) | set(ui_strings.load(locale, OURS)) | set(ui_strings.load_material("en", MATERIAL))
    lookup = env.from_string('{% import "partials/language.html" as lang with context %}'
                             '{% for key in keys %}{{ key }}\x00{{ lang.t(key) }}\x01{% endfor %}')
    rendered = lookup.render(config={"theme": {"language": locale}}, keys=sorted(keys))
    expected = dict(item.split("\x00", 1) for item in rendered.split("\x01") if item)
    assert {key: table.get(key) or key for key in keys} == expected
    assert table["kb.quick_exit"] == ui_strings.load(locale, OURS)["kb.quick_exit"]
