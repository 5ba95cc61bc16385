"""`kb translations mark-reviewed`: recording a qualified human review."""
from __future__ import annotations

import datetime as dt

from click.testing import CliRunner

from kb.cli import main
from kb.pages import content_hash, read_page
from kb.scaffold.translation import new_translation
from kb.translations.status import collect
from scaffold.conftest import write_page

PAGE = "till-dig-som-ar-orolig/index.md"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def translation(project, lang="en"):
    return read_page(project / "docs" / PAGE.replace(".md", f".{lang}.md"), project / "docs")


def state(project, lang="en"):
    return next(e.state for e in collect(project) if e.page == PAGE and e.lang == lang)


def test_mark_reviewed_records_role_and_date_and_nothing_else(project):
    path = new_translation(project, PAGE, "en")
    before = path.read_text(encoding="utf-8")
    result = run("translations", "mark-reviewed", PAGE, "en", "--reviewer-role", "Auktoriserad translator",
                 "--root", project)
    assert result.exit_code == 0, result.output
    assert "docs/till-dig-som-ar-orolig/index.en.md: marked reviewed" in result.output
    today = dt.date.today().isoformat()
    assert path.read_text(encoding="utf-8") == before.replace(
        "  status: machine\n",
        f"  status: reviewed\n  reviewer_role: Auktoriserad translator\n  review_scope: full\n"
        f"  reviewed_on: {today}\n")
    assert state(project) == "current"


def test_an_outdated_translation_is_refused_until_confirmed(project):
    path = new_translation(project, PAGE, "so")
    recorded = translation(project, "so").meta["translation"]["source_hash"]
    write_page(project, PAGE, "Till dig som är orolig för någon", "Ny svensk text.")
    before = path.read_text(encoding="utf-8")

    result = run("translations", "mark-reviewed", f"docs/{PAGE}", "so", "--reviewer-role", "Translator",
                 "--root", project)
    assert result.exit_code == 1
    assert "docs/till-dig-som-ar-orolig/index.so.md is outdated" in result.output
    assert "--source-current" in result.output
    assert path.read_text(encoding="utf-8") == before
    assert state(project, "so") == "outdated"

    result = run("translations", "mark-reviewed", PAGE, "so", "--reviewer-role", "Translator",
                 "--source-current", "--root", project)
    assert result.exit_code == 0, result.output
    record = translation(project, "so").meta["translation"]
    now = content_hash(read_page(project / "docs" / PAGE, project / "docs").body)
    assert record["source_hash"] == now != recorded
    assert record["status"] == "reviewed" and record["reviewer_role"] == "Translator"
    assert state(project, "so") == "current"


def test_a_second_review_updates_the_same_lines(project):
    path = new_translation(project, PAGE, "ti")
    run("translations", "mark-reviewed", PAGE, "ti", "--reviewer-role", "Translator", "--root", project)
    run("translations", "mark-reviewed", PAGE, "ti", "--reviewer-role", "Auktoriserad translator: ti",
        "--root", project)
    text = path.read_text(encoding="utf-8")
    assert text.count("reviewer_role:") == 1 and text.count("status:") == 1
    assert translation(project, "ti").meta["translation"]["reviewer_role"] == "Auktoriserad translator: ti"


def test_bad_input_is_refused(project):
    cases = [
        ((PAGE, "en"), "docs/till-dig-som-ar-orolig/index.en.md does not exist; create it with "
                       "`kb new translation till-dig-som-ar-orolig/index.md en`"),
        (("om-oss/saknas.md", "en"), "the Swedish page docs/om-oss/saknas.md does not exist"),
        ((PAGE, "xx"), "unknown language 'xx'"),
    ]
    for args, message in cases:
        result = run("translations", "mark-reviewed", *args, "--reviewer-role", "Translator", "--root", project)
        assert result.exit_code == 1, args
        assert message in result.output
    result = run("translations", "mark-reviewed", PAGE, "en", "--root", project)
    assert result.exit_code == 2 and "--reviewer-role" in result.output


def test_a_translation_without_its_block_is_explained(project):
    broken = project / "docs" / PAGE.replace(".md", ".fa.md")
    broken.write_text("---\ntitle: x\n---\n\n# x\n", encoding="utf-8")
    result = run("translations", "mark-reviewed", PAGE, "fa", "--reviewer-role", "Translator", "--root", project)
    assert result.exit_code == 1
    assert "index.fa.md:1: front matter has no `translation:` block" in result.output


def test_mark_updated_follows_the_new_swedish_text_and_needs_a_new_review(project):
    path = new_translation(project, PAGE, "ku-IQ")
    run("translations", "mark-reviewed", PAGE, "ku-IQ", "--reviewer-role", "Translator", "--root", project)
    write_page(project, PAGE, "Till dig som är orolig för någon", "Ny svensk text.")
    assert state(project, "ku-IQ") == "outdated"
    before = path.read_text(encoding="utf-8")

    result = run("translations", "mark-updated", PAGE, "ku-IQ", "--root", project)
    assert result.exit_code == 0, result.output
    assert "index.ku-IQ.md: follows the current Swedish text (status: machine)" in result.output
    record = translation(project, "ku-IQ").meta["translation"]
    now = content_hash(read_page(project / "docs" / PAGE, project / "docs").body)
    assert record == {"source_hash": now, "translated_on": dt.date.today(), "status": "machine"}
    assert state(project, "ku-IQ") == "machine"
    # Only the translation block's lines changed.
    assert path.read_text(encoding="utf-8").split("translation:")[0] == before.split("translation:")[0]
    assert path.read_text(encoding="utf-8").split("\n---\n", 1)[1] == before.split("\n---\n", 1)[1]


def test_mark_updated_refuses_a_translation_that_is_not_outdated(project):
    path = new_translation(project, PAGE, "fa")
    run("translations", "mark-reviewed", PAGE, "fa", "--reviewer-role", "Translator", "--root", project)
    before = path.read_text(encoding="utf-8")
    result = run("translations", "mark-updated", PAGE, "fa", "--root", project)
    assert result.exit_code == 1
    assert "already follows the current Swedish text" in result.output
    assert path.read_text(encoding="utf-8") == before   # the review is kept


# --- honest review states (GitHub issue 12) ----------------------------------------------

def test_mark_reviewed_records_the_scope(project):
    new_translation(project, PAGE, "en")
    result = run("translations", "mark-reviewed", PAGE, "en", "--reviewer-role", "Translator", "--scope",
                 "language", "--root", project)
    assert result.exit_code == 0, result.output
    assert \
        translation(project).meta["translation"]["review_scope"] == "language"
    bad = run("translations", "mark-reviewed", PAGE, "en", "--reviewer-role", "Translator", "--scope", "some",
              "--root", project)
    assert bad.exit_code == 2


def test_a_page_for_people_at_risk_needs_reviewed_ui_strings(project):
    page = "till-dig-som-ar-utsatt/index.md"
    path = write_page(project, page, "Till dig som är utsatt", "Du kan få stöd.")
    path.write_text(path.read_text(encoding="utf-8").replace("audience: [alla]", "audience: [utsatt]"),
                    encoding="utf-8")
    new_translation(project, page, "ar")
    languages = project / "overrides" / "partials" / "languages"
    languages.mkdir(parents=True)
    strings = languages / "ar.html"
    strings.write_text('{% macro t(key) %}{{ {\n  "kb.ui_review": "machine"\n}[key] }}{% endmacro %}\n',
                       encoding="utf-8")
    result = run("translations", "mark-reviewed", page, "ar", "--reviewer-role", "Translator", "--root", project)
    assert result.exit_code == 1
    assert "page for people at risk" in result.output and "ar UI strings" in result.output
    strings.write_text(strings.read_text(encoding="utf-8").replace('"machine"', '"reviewed"'), encoding="utf-8")
    result = run("translations", "mark-reviewed", page, "ar", "--reviewer-role", "Translator", "--root", project)
    assert result.exit_code == 0, result.output


def test_mark_updated_refuses_a_translation_that_did_not_change(git_project):
    """The Swedish page changed and was committed; the translation file was not touched."""
    from scaffold.conftest import commit
    path = new_translation(git_project, PAGE, "so")
    commit(git_project, "translation", "2026-10-02")
    write_page(git_project, PAGE, "Till dig som är orolig för någon", "Ny svensk text.")
    commit(git_project, "Swedish change", "2026-10-03")
    before = path.read_text(encoding="utf-8")
    result = run("translations", "mark-updated", PAGE, "so", "--root", git_project)
    assert result.exit_code == 1
    assert "has not changed since the Swedish page changed (commit" in result.output
    assert path.read_text(encoding="utf-8") == before
    # Uncommitted edits to the translation are a change: now it may be recorded.
    path.write_text(before.replace("Du kan få stöd.", "Waxaad heli kartaa taageero.") + "Qoraal cusub.\n",
                    encoding="utf-8")
    result = run("translations", "mark-updated", PAGE, "so", "--root", git_project)
    assert result.exit_code == 0, result.output


def test_mark_updated_refuses_when_the_swedish_change_is_not_committed_yet(git_project):
    from scaffold.conftest import commit
    new_translation(git_project, PAGE, "ti")
    commit(git_project, "translation", "2026-10-02")
    write_page(git_project, PAGE, "Till dig som är orolig för någon", "Ny svensk text.")
    result = run("translations", "mark-updated", PAGE, "ti", "--root", git_project)
    assert result.exit_code == 1 and "has not changed since the Swedish page changed" in result.output


def test_mark_updated_can_record_the_swedish_version_the_translator_worked_from(git_project):
    """The Swedish page changed twice; the translator followed the first change only."""
    from kb.pages import read_page
    from kb.translations.state import of as state_of
    from scaffold.conftest import commit, git
    path = new_translation(git_project, PAGE, "so")
    commit(git_project, "translation", "2026-10-02")
    write_page(git_project, PAGE, "Till dig som är orolig för någon", "Första ändringen.")
    commit(git_project, "Swedish change 1", "2026-10-03")
    worked_from = git(git_project, "rev-parse", "HEAD").strip()
    write_page(git_project, PAGE, "Till dig som är orolig för någon", "Andra ändringen.")
    commit(git_project, "Swedish change 2", "2026-10-04")
    path.write_text(path.read_text(encoding="utf-8") + "\nQoraal cusub.\n", encoding="utf-8")
    result = run("translations", "mark-updated", PAGE, "so", "--source-commit", worked_from[:10],
                 "--root", git_project)
    assert result.exit_code == 0, result.output
    docs = git_project / "docs"
    translation, source = read_page(path, docs), read_page(docs / PAGE, docs)
    assert state_of(translation.meta, source.body).state == "outdated"   # the second change is still to do
    bad = run("translations", "mark-updated", PAGE, "so", "--source-commit", "no-such-commit", "--root", git_project)
    assert bad.exit_code == 1 and "--source-commit no-such-commit: git cannot show" in bad.output
