"""Earlier versions of a Swedish page from git history."""
from __future__ import annotations

from kb.pages import content_hash
from kb.translations.history import History
from scaffold.conftest import commit, git, write_page

REL = "docs/om-oss/ordlista.md"


def test_versions_newest_first_and_the_date_the_body_last_changed(git_project):
    write_page(git_project, "om-oss/ordlista.md", "Ordlista", "Version B.")
    commit(git_project, "B", "2026-10-10")
    write_page(git_project, "om-oss/ordlista.md", "Ordlista", "Ord och vad de betyder.")   # back to A
    commit(git_project, "A again", "2026-10-20")
    path = git_project / REL
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: 2026-11-22", "reviewed: 2026-11-23"),
                    encoding="utf-8")
    commit(git_project, "front matter only", "2026-10-30")

    history = History(git_project)
    assert [v.date for v in history.versions(REL)] == ["2026-10-30", "2026-10-20", "2026-10-10", "2026-10-01"]
    body_a = history.versions(REL)[0].body
    assert history.changed_on(REL, body_a) == "2026-10-20"   # not the first commit, nor the last
    assert history.changed_on(REL, "uncommitted text") is None
    found = history.find(REL, content_hash("\n# Ordlista\n\nVersion B.\n"))
    assert found is not None and found.date == "2026-10-10"
    assert history.find(REL, "sha256:0000000000000000") is None


def test_a_deleted_and_restored_file(git_project):
    git(git_project, "rm", "-q", REL)
    commit(git_project, "delete", "2026-10-05")
    write_page(git_project, "om-oss/ordlista.md", "Ordlista", "Återställd.")
    commit(git_project, "restore", "2026-10-06")
    assert [v.date for v in History(git_project).versions(REL)] == ["2026-10-06", "2026-10-01"]


def test_outside_a_repository_there_is_no_history(project):
    history = History(project)
    assert history.available is False
    assert history.versions(REL) == [] and history.changed_on(REL, "x") is None
