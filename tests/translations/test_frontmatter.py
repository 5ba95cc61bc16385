"""Minimal front matter edits and atomic writes."""
from __future__ import annotations

import pytest
import yaml

from kb.files import replace, write_new
from kb.pages import FrontMatterError, split_front_matter
from kb.translations.frontmatter import set_block_keys, yaml_scalar

TEXT = """---
title: Sida  # a comment that must survive
translation:
  source_hash: sha256:0123456789abcdef
  # the translator's note
  translated_on: 2026-11-01
  status: machine
sources: []
---

# Sida
"""


@pytest.mark.parametrize("value", ["Auktoriserad translator", "a: b", "# x", "yes", "2026-11-22", "- x",
                                   'say "hi"', "12", "Översättare (Kammarkollegiet)", ""])
def test_yaml_scalar_reads_back_as_the_same_text(value):
    assert yaml.safe_load(f"k: {yaml_scalar(value)}") == {"k": value}


def test_set_block_keys_changes_only_the_lines_it_must():
    result = set_block_keys(TEXT, "translation", {"status": "reviewed", "reviewer_role": "Translator",
                                                  "reviewed_on": "2026-11-22"})
    assert result == TEXT.replace("  status: machine\n", "  status: reviewed\n  reviewer_role: Translator\n"
                                  "  reviewed_on: 2026-11-22\n")
    meta = split_front_matter(result)[0]
    assert meta["translation"]["status"] == "reviewed"
    assert meta["sources"] == []


def test_set_block_keys_refuses_what_it_cannot_edit_safely():
    with pytest.raises(FrontMatterError, match="no `translation:` block"):
        set_block_keys("---\ntitle: x\n---\n", "translation", {"status": "reviewed"})
    with pytest.raises(FrontMatterError, match="written on one line") as error:
        set_block_keys("---\ntitle: x\ntranslation: {status: machine}\n---\n", "translation", {"status": "x"})
    assert error.value.line == 3
    with pytest.raises(FrontMatterError, match="no front matter"):
        set_block_keys("# just a page\n", "translation", {"status": "reviewed"})


def test_write_new_never_overwrites(tmp_path):
    path = tmp_path / "a" / "page.md"
    write_new(path, "first\n")
    with pytest.raises(FileExistsError):
        write_new(path, "second\n")
    assert path.read_text(encoding="utf-8") == "first\n"
    replace(path, "third\n")
    assert path.read_text(encoding="utf-8") == "third\n"
    assert [p.name for p in path.parent.iterdir()] == ["page.md"]   # no temporary files left


def test_set_block_keys_removes_keys_given_as_none():
    reviewed = TEXT.replace("  status: machine\n", "  status: reviewed\n  reviewer_role: T\n  reviewed_on: 2026-11-22\n")
    result = set_block_keys(reviewed, "translation", {"status": "machine", "reviewer_role": None,
                                                      "reviewed_on": None, "not_there": None})
    assert result == TEXT
