"""kb/content/schema.py: the one front matter schema, with line numbers of nested keys."""
from __future__ import annotations

import datetime as dt

import yaml

from kb.content.schema import check_front_matter, key_lines

PAGE = """---
title: T
description: D
audience: [alla]
owner: Enheten för stöd och samverkan
reviewed: 2026-11-01
sources:
  - title: A
    url: https://www.riksdagen.se/
    checked: 2026-11-01
  - title: B
    seed: 000_eba871a2bf6b7415.txt L1-2
    checked: 2026-11-01
---
# T
"""


def problems(text: str, translation: bool = False):
    meta = yaml.safe_load(text.split("---")[1])
    return sorted((line, code) for line, code, _message, _hint in check_front_matter(meta, text, translation))


def test_key_lines_reach_into_lists():
    lines = key_lines(PAGE)
    assert lines[("title",)] == 2 and lines[("sources",)] == 7
    assert lines[("sources", 1)] == 11 and lines[("sources", 1, "seed")] == 12


def test_a_valid_page_has_no_problems():
    assert problems(PAGE) == []


def test_a_nested_problem_is_reported_on_its_own_line():
    assert problems(PAGE.replace("    checked: 2026-11-01\n---", "    checked: 1. nov\n---")) == [(13, "KB105")]
    assert problems(PAGE.replace("seed: 000", "sed: 000")) == [(11, "KB103"), (12, "KB104")]


def test_audience_values_are_a_closed_list():
    assert problems(PAGE.replace("[alla]", "[alla, politiker]")) == [(4, "KB105")]


def test_a_datetime_is_not_a_date():
    text = PAGE.replace("reviewed: 2026-11-01", "reviewed: 2026-11-01 10:00:00")
    assert isinstance(yaml.safe_load(text.split("---")[1])["reviewed"], dt.datetime)
    assert problems(text) == [(6, "KB105")]


def test_a_translation_needs_its_block_and_a_source_must_not_have_one():
    assert problems(PAGE, translation=True) == [(1, "KB103")]
    block = "translation:\n  source_hash: sha256:0123456789abcdef\n  translated_on: 2026-11-02\n  status: machine\n---"
    translated = PAGE.replace("---\n# T", block + "\n# T")
    assert problems(translated, translation=True) == []
    assert problems(translated, translation=False) == [(14, "KB106")]


def test_the_theme_keys_a_page_may_use_are_checked_too():
    assert problems(PAGE.replace("---\n# T", "hide: [toc]\nsearch:\n  exclude: true\n---\n# T")) == []
    assert problems(PAGE.replace("---\n# T", "hide: toc\n---\n# T")) == [(14, "KB105")]
    assert problems(PAGE.replace("---\n# T", "search: no\n---\n# T")) == [(14, "KB105")]
