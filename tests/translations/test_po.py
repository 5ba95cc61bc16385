"""PO export and import of a language's UI strings (for translation tools)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.project import ROOT
from kb.translations import po, ui_strings

MATERIAL = ui_strings.installed_material_templates()


@pytest.fixture
def folder(tmp_path) -> Path:
    target = tmp_path / "overrides" / "partials" / "languages"
    shutil.copytree(ROOT / "overrides" / "partials" / "languages", target)
    return target


def test_export_then_import_unchanged_changes_nothing(folder):
    before = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}
    for locale in ("ar", "ti", "en"):
        text = po.export(locale, folder, MATERIAL)
        assert 'msgctxt "kb.quick_exit"' in text and 'msgid "Lämna sidan snabbt"' in text
        assert po.import_po(locale, text, folder, MATERIAL) == []
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == before


def test_a_translated_string_is_written_in_place_and_nothing_else_changes(folder):
    text = po.export("so", folder, MATERIAL)
    old = ui_strings.load("so", folder)["kb.quick_exit"]
    edited = text.replace(f'msgstr "{old}"', 'msgstr "Ka bax boggan si dhakhso ah"')
    before = (folder / "so.html").read_text(encoding="utf-8")
    assert po.import_po("so", edited, folder, MATERIAL) == ["kb.quick_exit"]
    after = (folder / "so.html").read_text(encoding="utf-8")
    assert after == before.replace(f'"kb.quick_exit": "{old}"', '"kb.quick_exit": "Ka bax boggan si dhakhso ah"')


def test_a_shipped_language_gets_a_new_override_only_for_a_changed_material_string(folder):
    text = po.export("fa", folder, MATERIAL)
    material_toc = ui_strings.load_material("fa", MATERIAL)["toc"]
    assert "toc" not in ui_strings.load("fa", folder)
    edited = text.replace(f'msgctxt "toc"\nmsgid "Innehållsförteckning"\nmsgstr "{material_toc}"',
                          'msgctxt "toc"\nmsgid "Innehållsförteckning"\nmsgstr "فهرست مطالب"')
    assert po.import_po("fa", edited, folder, MATERIAL) == ["toc"]
    assert ui_strings.load("fa", folder)["toc"] == "فهرست مطالب"


def test_bad_files_are_refused_with_their_line(folder):
    with pytest.raises(po.PoError) as raised:
        po.import_po("ar", 'msgctxt "no.such.key"\nmsgid "x"\nmsgstr "y"\n', folder, MATERIAL, "ar.po")
    assert raised.value.path == "ar.po" and raised.value.line == 1
    call = ui_strings.load("ar", folder)["kb.emergency.call"]
    text = po.export("ar", folder, MATERIAL).replace(f'msgstr "{call}"', 'msgstr "اتصلوا"')
    with pytest.raises(po.PoError, match=r"drops the placeholder \{number\}"):
        po.import_po("ar", text, folder, MATERIAL, "ar.po")


def test_the_commands(tmp_path):
    runner = CliRunner()
    out = tmp_path / "ti.po"
    result = runner.invoke(main, ["translations", "export-po", "ti", "-o", str(out), "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert "#, fuzzy" in out.read_text(encoding="utf-8")         # Tigrinya's UI strings are unreviewed
    assert runner.invoke(main, ["translations", "export-po", "xx"]).exit_code == 2
