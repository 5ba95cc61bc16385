"""`kb new translation` on a copy of the project."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.content.check import check_docs
from kb.findings import EXIT_USAGE
from kb.pages import content_hash, read_page


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_new_translation_starts_from_the_swedish_page(project):
    result = run("new", "translation", "till-dig-som-ar-orolig/index.md", "ar", "--root", project)
    assert result.exit_code == 0, result.output
    assert "created docs/till-dig-som-ar-orolig/index.ar.md" in result.output

    docs = project / "docs"
    source = read_page(docs / "till-dig-som-ar-orolig/index.md", docs)
    page = read_page(docs / "till-dig-som-ar-orolig/index.ar.md", docs)
    assert page.locale == "ar" and page.source_rel == "till-dig-som-ar-orolig/index.md"
    assert page.body == source.body
    for key in ("title", "description", "audience", "owner", "reviewed", "sources"):
        assert page.meta[key] == source.meta[key]
    assert page.meta["translation"] == {"source_hash": content_hash(source.body),
                                        "translated_on": dt.date.today(), "status": "machine"}
    # The Swedish front matter text is kept as it was, the translation block added at its end.
    source_text = (docs / "till-dig-som-ar-orolig/index.md").read_text(encoding="utf-8")
    text = page.path.read_text(encoding="utf-8")
    assert text.startswith(source_text.split("\n---\n")[0])
    # A new translation is valid: it passes the content check (the machine banner tells readers).
    assert [f for f in check_docs(docs, dt.date.today()) if f.file.endswith(".ar.md")] == []


def test_the_page_may_be_given_with_docs_prefix(project):
    result = run("new", "translation", "docs/om-oss/ordlista.md", "fa-AF", "--root", project)
    assert result.exit_code == 0, result.output
    assert (project / "docs/om-oss/ordlista.fa-AF.md").is_file()


@pytest.mark.parametrize("page, lang, message", [
    ("om-oss/ordlista.md", "de", "unknown language 'de'; use one of: en, ar, fa, fa-AF, so, ti, ku-IQ"),
    ("om-oss/ordlista.md", "sv", "unknown language 'sv'"),
    ("om-oss/finns-inte.md", "en", "the Swedish page docs/om-oss/finns-inte.md does not exist"),
    ("om-oss/ordlista.so.md", "en", "is the so translation"),
])
def test_bad_input_is_refused(project, page, lang, message):
    result = run("new", "translation", page, lang, "--root", project)
    assert result.exit_code == EXIT_USAGE
    assert message in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (project / "docs/om-oss").iterdir()) == ["index.md", "ordlista.md"]


def test_an_existing_translation_is_never_overwritten(project):
    existing = project / "docs/om-oss/ordlista.en.md"
    existing.write_text("my careful translation\n", encoding="utf-8")
    result = run("new", "translation", "om-oss/ordlista.md", "en", "--root", project)
    assert result.exit_code == EXIT_USAGE
    assert "docs/om-oss/ordlista.en.md already exists" in result.output
    assert existing.read_text(encoding="utf-8") == "my careful translation\n"
