"""Strict means strict: every way a page can be broken stops the build, with file and line.

Each test breaks one thing on purpose in a small copy of the project and runs
the build exactly as `make build` does. The first test is the control: the
unbroken copy builds, so a failure below is caused by the breakage.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.project import ROOT

from .conftest import build, copy_data, write_page

pytestmark = pytest.mark.slow


def test_the_unbroken_project_builds(project):
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "en" / "index.html").is_file()


def failed_with(project: Path, *fragments: str) -> str:
    result = build(project)
    assert result.returncode != 0, f"the build passed although it should fail:\n{result.stderr[-2000:]}"
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} not in the build's output:\n{result.stderr[-3000:]}"
    return result.stderr


def test_a_broken_link_fails(project):
    write_page(project, "om-oss/index.md", "Se [sidan som inte finns](finns-inte.md).")
    failed_with(project, "om-oss/index.md", "finns-inte.md")


def test_a_broken_anchor_fails(project):
    write_page(project, "om-oss/index.md", "Se [avsnittet](../index.md#finns-inte).")
    failed_with(project, "om-oss/index.md", "#finns-inte")


def test_a_nav_entry_for_a_missing_file_fails_and_names_the_line_in_mkdocs_yml(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      - om-oss/saknas.md\n", encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("      - om-oss/saknas.md") + 1
    output = failed_with(project, f"mkdocs.yml:{line}:", "om-oss/saknas.md")
    problems = [text for text in output.splitlines() if text.startswith(("WARNING", "ERROR"))]
    assert not [text for text in problems if "None" in text or "404.html" in text], problems


def test_front_matter_that_never_closes_fails_with_file_and_line(project):
    page = project / "docs" / "om-oss" / "index.md"
    page.write_text("---\ntitle: Om oss\ndescription: Ingen avslutande rad.\n\n# Om oss\n\nText.\n", encoding="utf-8")
    failed_with(project, "docs/om-oss/index.md:1:", "never closed")


def test_a_repealed_citation_fails(project):
    write_page(project, "om-oss/index.md", "Anmälan görs enligt 14 kap. 1 § socialtjänstlagen (2001:453).")
    failed_with(project, "om-oss/index.md", "repealed")


def test_a_broken_data_file_is_a_message_not_a_traceback(project):
    data = copy_data(project)
    (data / "contacts.yml").write_text("- number: 112\n  name: [unclosed\n", encoding="utf-8")
    output = failed_with(project, "contacts.yml")
    assert "Traceback" not in output


def test_unreadable_front_matter_in_a_translation_fails_with_file_and_line(project):
    # Read for the translators' status page, which a second process writes during the build.
    (project / "docs" / "om-oss" / "index.en.md").write_text(
        "---\ntitle: About us\ntranslation: [unclosed\n---\n\n# About us\n", encoding="utf-8")
    output = failed_with(project, "om-oss/index.en.md:4: front matter is not valid YAML")  # where YAML sees it
    assert "Traceback" not in output


@pytest.mark.parametrize("path", ["Makefile", "scripts/test-all.sh", ".github/workflows/ci.yml", "tests/conftest.py"])
def test_no_build_path_hides_warnings_from_strict(path):
    """`--quiet` (-q) drops warnings before --strict counts them, so a broken link would pass."""
    text = (ROOT / path).read_text(encoding="utf-8")
    for line in text.splitlines():
        if re.search(r"mkdocs(\)|\"|')?[ ,]*(\"|')?(build|serve)\b", line, re.I) and not line.lstrip().startswith("#"):
            assert "--strict" in line or "MKDOCS_BUILD" in line, f"{path}: builds without --strict: {line.strip()}"
            assert not re.search(r"(--quiet|\s-q\b)", line), f"{path}: --quiet hides warnings from --strict: {line}"
