"""The status matrix: states, precedence, totals, dates and diffs from git history."""
from __future__ import annotations

import json

from click.testing import CliRunner

from kb.cli import main
from kb.scaffold.translation import new_translation
from kb.translations.review import mark_reviewed
from kb.translations.status import TARGET_LOCALES, collect, source_diff, totals
from scaffold.conftest import commit, write_page


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def states(root, page):
    return {e.lang: e.state for e in collect(root) if e.page == page}


def test_every_swedish_page_times_every_language(project):
    entries = collect(project)
    pages = sorted({e.page for e in entries})
    assert pages == ["dolj-ditt-besok/index.md", "index.md", "om-oss/index.md", "om-oss/ordlista.md",
                     "till-dig-som-ar-orolig/index.md"]
    assert len(entries) == 5 * 7
    assert {e.lang for e in entries} == set(TARGET_LOCALES) and "sv" not in TARGET_LOCALES
    assert all(e.state == "missing" for e in entries)


def test_each_state_and_its_precedence(project):
    page = "om-oss/ordlista.md"
    new_translation(project, page, "en")                                  # machine
    new_translation(project, page, "ar")
    mark_reviewed(project, page, "ar", "Auktoriserad translator")         # current
    new_translation(project, page, "so")
    mark_reviewed(project, page, "so", "Auktoriserad translator")
    orphan = project / "docs/om-oss/borttagen.ti.md"                      # orphan
    orphan.write_text((project / "docs/om-oss/ordlista.en.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert states(project, page) == {"en": "machine", "ar": "current", "so": "current", "fa": "missing",
                                     "fa-AF": "missing", "ti": "missing", "ku-IQ": "missing"}
    assert states(project, "om-oss/borttagen.md") == {"ti": "orphan"}

    # The Swedish text changes: reviewed and machine translations alike are outdated.
    write_page(project, page, "Ordlista", "Ord och vad de betyder. Ett nytt stycke.")
    assert states(project, page) == {"en": "outdated", "ar": "outdated", "so": "outdated", "fa": "missing",
                                      "fa-AF": "missing", "ti": "missing", "ku-IQ": "missing"}
    counts = totals(collect(project))
    assert counts["en"] == {"current": 0, "outdated": 1, "machine": 0, "missing": 4, "orphan": 0}
    assert counts["ti"]["orphan"] == 1


def test_front_matter_only_changes_do_not_outdate(project):
    page = "om-oss/ordlista.md"
    new_translation(project, page, "en")
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: 2026-11-22", "reviewed: 2026-11-23")
                    .replace("betyder.", "betyder.   \r\n"), encoding="utf-8")
    assert states(project, page)["en"] == "machine"


def test_json_has_a_stable_shape_and_dates_from_git(git_project):
    page = "om-oss/ordlista.md"
    new_translation(git_project, page, "en")
    commit(git_project, "translate", "2026-10-05")
    write_page(git_project, page, "Ordlista", "Ord och vad de betyder, nu med fler ord.")
    commit(git_project, "more words", "2026-11-02")
    write_page(git_project, "om-oss/index.md", "Om oss", "Ändrat men inte incheckat.")

    result = run("translations", "status", "--format", "json", "--root", git_project)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert all(list(row) == ["page", "lang", "state", "source_changed_on"] for row in rows)
    by_key = {(row["page"], row["lang"]): row for row in rows}
    assert by_key[(page, "en")] == {"page": page, "lang": "en", "state": "outdated",
                                    "source_changed_on": "2026-11-02"}
    assert by_key[("index.md", "en")]["source_changed_on"] == "2026-10-01"
    assert by_key[("om-oss/index.md", "en")]["source_changed_on"] is None   # changed, not yet committed


def test_outdated_translation_shows_what_changed_in_the_swedish_text(git_project):
    page = "om-oss/ordlista.md"
    new_translation(git_project, page, "en")
    new_translation(git_project, page, "so")
    commit(git_project, "translate", "2026-10-05")
    write_page(git_project, page, "Ordlista", "Ord och vad de betyder.\n\nEtt nytt stycke om ord.")
    commit(git_project, "new paragraph", "2026-11-02")
    write_page(git_project, page, "Ordlista", "Ord och vad de betyder.\n\nEtt nytt stycke om många ord.")

    result = run("translations", "status", "--root", git_project)
    assert result.exit_code == 0   # outdated is a warning, never an error
    out = result.output
    assert "outdated: docs/om-oss/ordlista.md -> en, so: the Swedish text changed since version" in out
    assert "(2026-10-01)" in out   # the translation was made from the first commit's text
    assert "+Ett nytt stycke om många ord.\n" in out
    assert out.count("+Ett nytt stycke") == 1   # one diff for both languages
    assert "\n ord.\n" not in out

    row = next(line for line in out.splitlines() if line.startswith("om-oss/ordlista.md"))
    assert row.split() == ["om-oss/ordlista.md", "outdated", "missing", "missing", "missing", "outdated",
                           "missing", "missing"]


def test_diff_when_the_recorded_version_is_not_in_history(git_project):
    page = "om-oss/ordlista.md"
    path = new_translation(git_project, page, "en")
    path.write_text(path.read_text(encoding="utf-8").replace(
        path.read_text(encoding="utf-8").split("source_hash: ")[1].split("\n")[0], "sha256:00000000deadbeef"),
        encoding="utf-8")
    entry = next(e for e in collect(git_project) if e.page == page and e.lang == "en")
    assert entry.state == "outdated"
    diff, explanation = source_diff(git_project, entry)
    assert diff is None
    assert "no committed version of docs/om-oss/ordlista.md has the recorded hash sha256:00000000deadbeef" \
        in explanation


def test_without_git_the_status_still_works(project):
    page = "om-oss/ordlista.md"
    new_translation(project, page, "en")
    write_page(project, page, "Ordlista", "Ny text.")
    result = run("translations", "status", "--root", project)
    assert result.exit_code == 0
    assert "no git history here" in result.output


def test_markdown_and_github_formats(git_project):
    page = "om-oss/ordlista.md"
    new_translation(git_project, page, "en")
    commit(git_project, "translate", "2026-10-05")
    write_page(git_project, page, "Ordlista", "Helt ny text.")
    md = run("translations", "status", "--format", "markdown", "--root", git_project).output
    assert "| `om-oss/ordlista.md` | outdated | missing |" in md
    assert "```diff\n" in md and "+Helt ny text.\n" in md
    gh = run("translations", "status", "--format", "github", "--root", git_project)
    assert gh.exit_code == 0
    assert gh.output.startswith("::warning file=docs/om-oss/ordlista.en.md,title=translation outdated::")


def test_unreadable_front_matter_is_a_clear_error(project):
    (project / "docs/om-oss/trasig.md").write_text("---\ntitle: [oops\n---\n", encoding="utf-8")
    result = run("translations", "status", "--root", project)
    assert result.exit_code == 1
    assert "docs/om-oss/trasig.md:" in result.output and "not valid YAML" in result.output
    assert "Traceback" not in result.output


def test_a_translation_without_source_hash_is_outdated_and_explained(git_project):
    page = "om-oss/ordlista.md"
    (git_project / "docs/om-oss/ordlista.so.md").write_text(
        "---\ntitle: Erayo\ntranslation:\n  status: machine\n---\n\n# Erayo\n", encoding="utf-8")
    entry = next(e for e in collect(git_project) if e.page == page and e.lang == "so")
    assert entry.state == "outdated" and entry.recorded_hash is None
    assert source_diff(git_project, entry) == (
        None, "docs/om-oss/ordlista.so.md records no translation.source_hash, so the Swedish version it was "
              "made from is unknown; compare the whole page by hand")
