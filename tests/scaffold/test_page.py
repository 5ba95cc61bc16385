"""`kb new page` on a copy of the project: the file, its front matter and the nav line."""
from __future__ import annotations

import datetime as dt
import difflib

import pytest
import yaml
from click.testing import CliRunner

from kb.cli import main
from kb.content.check import check_docs
from kb.findings import EXIT_USAGE
from kb.pages import read_page
from kb.scaffold.page import add_to_nav, nav_entries
from kb.translations.paths import UsageError


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def new_page(project, section="om-oss", slug="var-historia", *extra):
    return run("new", "page", section, slug, "--title", "Vår historia", "--description",
               "Hur centret kom till.", "--audience", "yrkesverksam", "--owner",
               "Enheten för utredning och analys", "--root", project, *extra)


def test_new_page_writes_complete_front_matter_and_one_nav_line(project):
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = new_page(project)
    assert result.exit_code == 0, result.output
    assert "created docs/om-oss/var-historia.md" in result.output

    page = read_page(project / "docs/om-oss/var-historia.md", project / "docs")
    assert page.meta["title"] == "Vår historia"
    assert page.meta["description"] == "Hur centret kom till."
    assert page.meta["audience"] == ["yrkesverksam"]
    assert page.meta["owner"] == "Enheten för utredning och analys"
    assert page.meta["reviewed"] == dt.date.today()
    assert page.body.lstrip().startswith("# Vår historia\n")

    after = (project / "mkdocs.yml").read_text(encoding="utf-8")
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines())
               if line.startswith(("+", "-"))]
    assert changed == ["+       - om-oss/var-historia.md"]
    nav = nav_entries(after)
    om_oss = next(item["Om oss"] for item in nav if isinstance(item, dict) and "Om oss" in item)
    assert om_oss[-1] == "om-oss/var-historia.md"


def test_page_without_a_source_cannot_pass_the_content_check(project):
    assert new_page(project).exit_code == 0
    findings = [f for f in check_docs(project / "docs", dt.date.today())
                if f.file.endswith("var-historia.md")]
    # no source and no text yet: both are errors until the editor has written them
    assert [(f.code, f.severity) for f in findings] == [("KB103", "error"), ("KB134", "error")]
    assert "neither `url` nor `seed`" in findings[0].message


def test_page_with_a_source_passes_the_content_check(project):
    result = new_page(project, "om-oss", "var-historia", "--source-title",
                      "Plan för Länsstyrelsens uppdrag 2021", "--source-url", "https://www.lansstyrelsen.se/")
    assert result.exit_code == 0, result.output
    page = project / "docs/om-oss/var-historia.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nCentret började sitt arbete …\n", encoding="utf-8")
    findings = [f for f in check_docs(project / "docs", dt.date.today()) if f.file.endswith("var-historia.md")]
    assert findings == []


def test_an_owner_outside_the_list_is_refused_before_anything_is_written(project):
    result = run("new", "page", "om-oss", "ny", "--title", "Ny", "--description", "D.", "--audience", "alla",
                 "--owner", "Enheten för kommunikation", "--root", project)
    assert result.exit_code == EXIT_USAGE
    assert "unknown owner 'Enheten för kommunikation'; use one of:" in result.output
    assert not (project / "docs/om-oss/ny.md").exists()


def test_titles_with_yaml_syntax_are_quoted(project):
    result = run("new", "page", "om-oss", "fragor", "--title", "Frågor: svar # och mer", "--description",
                 "yes", "--audience", "utsatt,narstaende", "--owner", "Enheten för stöd och samverkan",
                 "--root", project)
    assert result.exit_code == 0, result.output
    page = read_page(project / "docs/om-oss/fragor.md", project / "docs")
    assert page.meta["title"] == "Frågor: svar # och mer"
    assert page.meta["description"] == "yes"
    assert page.meta["audience"] == ["utsatt", "narstaende"]


@pytest.mark.parametrize("args, message", [
    (("finns-inte", "sida"), "unknown section 'finns-inte'"),
    (("dolj-ditt-besok", "sida"), "unknown section 'dolj-ditt-besok'"),   # a page, not a section
    (("om-oss", "Vår-sida"), "must be lowercase letters"),
    (("om-oss", "ordlista"), "docs/om-oss/ordlista.md already exists"),
])
def test_bad_input_is_refused_and_nothing_is_written(project, args, message):
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    ordlista = (project / "docs/om-oss/ordlista.md").read_text(encoding="utf-8")
    result = new_page(project, *args)
    assert result.exit_code == EXIT_USAGE
    assert message in result.output
    assert "Traceback" not in result.output
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert (project / "docs/om-oss/ordlista.md").read_text(encoding="utf-8") == ordlista
    assert sorted(p.name for p in (project / "docs/om-oss").iterdir()) == ["index.md", "ordlista.md"]


def test_unknown_audience_is_refused(project):
    result = run("new", "page", "om-oss", "ny", "--title", "Ny", "--description", "D.", "--audience",
                 "alla,foraldrar", "--owner", "Enheten för stöd och samverkan", "--root", project)
    assert result.exit_code == EXIT_USAGE
    assert "unknown audience 'foraldrar'" in result.output
    assert not (project / "docs/om-oss/ny.md").exists()


def test_add_to_nav_keeps_comments_and_handles_titled_entries():
    text = (
        "site_name: x\n"
        "nav:\n"
        "  # the start page\n"
        "  - index.md\n"
        "  - Om oss:   # section\n"
        "      - om-oss/index.md\n"
        "      - Ordlista: om-oss/ordlista.md  # glossary\n"
        "  - Annat:\n"
        "      - annat/index.md\n"
        "extra: {}\n"
    )
    result = add_to_nav(text, "om-oss", "om-oss/ny.md")
    assert result == text.replace("# glossary\n", "# glossary\n      - om-oss/ny.md\n")
    assert yaml.safe_load(result)["nav"][1]["Om oss"][-1] == "om-oss/ny.md"


def test_add_to_nav_refuses_a_section_it_cannot_find():
    with pytest.raises(UsageError, match="no section with pages in docs/okand/"):
        add_to_nav("nav:\n  - index.md\n", "okand", "okand/ny.md")
