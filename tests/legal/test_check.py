"""kb.legal.check: one status per citation, judged against the real records and an injected today."""
from __future__ import annotations

import copy
import datetime as dt

import pytest
from tests.legal.conftest import FIXTURES

from kb.legal.check import Checker, failed, official_url, summary
from kb.legal.snapshot import SnapshotError

REVIEWED = dt.date(2026, 11, 22)


def judge(checker, text, reviewed=REVIEWED):
    findings = checker.check_text(text, "page.md", reviewed)
    assert findings, f"no citation in {text!r}"
    return findings


def status(checker, text, reviewed=REVIEWED):
    return [f.status for f in judge(checker, text, reviewed)]


def test_current_provision_is_ok(checker):
    [finding] = judge(checker, "19 kap. 1 § socialtjänstlagen (2025:400)")
    assert finding.status == "ok" and finding.sfs == "2025:400"


def test_repealed_act_points_to_the_replacing_provision(checker):
    """The issue's acceptance test: the old Social Services Act, 14 kap. 1 §."""
    [finding] = checker.check_paths([FIXTURES / "repealed.md"])
    assert finding.status == "repealed"
    assert (finding.sfs, finding.chapter, finding.section, finding.line) == ("2001:453", "14", "1", 16)
    assert "2025-07-01" in finding.message and "Socialtjänstlag (2025:400)" in finding.message
    assert "19 kap. 1 §" in finding.message
    assert finding.hint == "Skriv 19 kap. 1 § socialtjänstlagen (2025:400)."
    assert failed([finding])


def test_every_status_on_the_fixture_page(checker):
    findings = checker.check_paths([FIXTURES / "statuses.md"])
    by_line = {f.line: f.status for f in findings}
    # reviewed 2025-12-01; 19 kap. 1 § was amended by SFS 2025:1501 in force 2026-01-15
    assert by_line == {15: "amended-since-review", 17: "unknown-provision", 19: "unverifiable", 21: "unverifiable"}
    assert summary(findings)["ok"] == 0


def test_amended_since_review_names_the_amendment(checker):
    [finding] = judge(checker, "19 kap. 1 § SoL", reviewed=dt.date(2025, 12, 1))
    assert finding.status == "amended-since-review"
    assert "SFS 2025:1501" in finding.message and "2026-01-15" in finding.message


def test_dated_change_ahead_is_changes_soon_and_past_change_is_in_force(checker_on):
    before = checker_on(dt.date(2025, 12, 1))
    [finding] = judge(before, "19 kap. 1 § socialtjänstlagen (2025:400)", reviewed=dt.date(2025, 12, 1))
    assert finding.status == "changes-soon" and "2026-01-15" in finding.message
    after = checker_on(dt.date(2026, 11, 22))
    assert status(after, "19 kap. 1 § socialtjänstlagen (2025:400)", reviewed=dt.date(2026, 2, 1)) == ["ok"]


def test_unknown_provision_and_unknown_chapter(checker):
    [finding] = judge(checker, "19 kap. 99 § socialtjänstlagen (2025:400)")
    assert finding.status == "unknown-provision" and "19 kap. har 1, 2, 3" in finding.hint
    [finding] = judge(checker, "99 kap. 1 § SoL")
    assert finding.status == "unknown-provision" and "99 kap. finns inte" in finding.message


def test_unknown_laws(checker):
    # A real act the registry does not list cannot be confirmed; nothing says it is wrong.
    assert status(checker, "1 § spellagen (2018:1138)") == ["unverifiable"]
    # A name and the SFS number of another registered act disagree: an error.
    [finding] = judge(checker, "4 kap. 4 e § brottsbalken (2010:800)")
    assert finding.status == "unknown-law" and "Brottsbalk (1962:700)" in finding.message


def test_metadata_only_act_uses_the_amendment_list(checker):
    # Brottsbalken has no text in the sources; 4 kap. 4 e § was added by SFS 2022:310.
    [finding] = judge(checker, "4 kap. 4 e § brottsbalken (1962:700)")
    assert finding.status == "ok" and "2022:310" in finding.message
    # ...and amended by SFS 2025:559 in force 2025-07-01.
    assert status(checker, "4 kap. 4 e § BrB", reviewed=dt.date(2025, 1, 1)) == ["amended-since-review"]
    # Derived from the register: a chapter BrB never had, a section past the chapter's last,
    # a lettered section no amendment added: unknown-provision, not unverifiable.
    assert status(checker, "99 kap. 1 § brottsbalken") == ["unknown-provision"]
    assert status(checker, "4 kap. 99 § brottsbalken") == ["unknown-provision"]
    [finding] = judge(checker, "4 kap. 4 j § brottsbalken")
    assert finding.status == "unknown-provision" and "ändringsregistret" in finding.message
    # A plain number within the chapter exists from the original text.
    assert status(checker, "23 kap. 1 § brottsbalken") == ["ok"]
    # The section just after the last one any amendment names may be original and never amended.
    assert status(checker, "5 kap. 6 § brottsbalken") == ["unverifiable"]
    assert status(checker, "5 kap. 7 § brottsbalken") == ["unknown-provision"]


def test_act_without_any_record_is_unverifiable_never_ok(checker):
    [finding] = judge(checker, "16 § folkbokföringslagen (1991:481)")
    assert finding.status == "unverifiable" and "ingen post" in finding.message


def test_partial_record_confirms_only_what_its_page_shows(checker):
    """data/sfs-provisions/sfs-1982-316.yml: 1 and 2 §§ from a public consolidation, not complete."""
    assert status(checker, "1 § lagen (1982:316) med förbud mot könsstympning av kvinnor") == ["ok"]
    assert status(checker, "7 § lagen (1982:316) med förbud mot könsstympning av kvinnor") == ["unverifiable"]


def test_historical_mention_of_the_repealed_act_is_not_an_error(checker):
    assert status(checker, "Socialtjänstlagen (2001:453) har ersatts av socialtjänstlagen (2025:400).") == [
        "historical", "ok"]
    assert status(checker, "Se socialtjänstlagen (2001:453).") == ["repealed"]
    assert status(checker, "Enligt den tidigare 14 kap. 1 § socialtjänstlagen (2001:453) gällde samma sak.") == [
        "historical"]


def test_history_is_decided_by_the_sentence_not_the_neighbourhood(checker):
    text = ("Den gamla lagen ersattes 2025.\n\n## Anmälan\n\nSe 14 kap. 1 § socialtjänstlagen (2001:453).")
    assert status(checker, text) == ["repealed"]
    assert status(checker, "Lagen har upphävts. Anmäl enligt 14 kap. 1 § socialtjänstlagen (2001:453).") == ["repealed"]


def test_old_numbering_of_the_replaced_act_is_caught(checker):
    [finding] = judge(checker, "Anmälan ska göras enligt 14 kap. 1 § SoL.")
    assert finding.status == "old-numbering" and failed([finding])
    assert "19 kap. 1 §" in finding.hint and "2025:400" in finding.hint
    # The same provision with the SFS number of the act in force is what the author meant: ok.
    assert status(checker, "14 kap. 1 § socialtjänstlagen (2025:400)") == ["ok"]
    # A provision the old act never had cannot be old numbering.
    assert status(checker, "19 kap. 1 § SoL", reviewed=dt.date(2026, 11, 1)) == ["ok"]


def test_ambiguous_abbreviation_is_resolved_by_the_page_or_reported(checker):
    [finding] = judge(checker, "Se 3 kap. 1 § PL.")
    assert finding.status == "ambiguous" and not failed([finding])
    findings = checker.check_text("Patientlagen gäller i vården. Se 3 kap. 1 § PL.", "p.md")
    assert [f.sfs for f in findings] == ["2014:821"]


def test_sfs_number_from_a_year_to_come_is_an_error(checker):
    [finding] = judge(checker, "SFS 2031:5")
    assert finding.status == "unknown-law" and failed([finding])


def test_amending_act_and_unknown_bare_number(checker):
    [finding] = judge(checker, "Bestämmelsen infördes genom SFS 2022:310.")
    assert finding.status == "ok" and "Brottsbalk (1962:700)" in finding.message
    assert status(checker, "(SFS 2020:1)") == ["unverifiable"]
    assert status(checker, "(SFS 2099:1)") == ["unknown-law"]


def test_repealed_provision_in_official_text(checker):
    [finding] = judge(checker, "2 kap. 8 § giftermålsbalken (1920:405)")
    assert finding.status == "repealed"  # the whole act: repealed 1988-01-01 by SFS 1987:788
    assert "1988-01-01" in finding.message


def test_translated_page_uses_its_own_reviewed_date(checker):
    findings = checker.check_paths([FIXTURES / "ok.en.md"])
    assert [f.status for f in findings] == ["ok", "historical", "ok"]


def test_codes_are_skipped_and_lines_are_file_lines(checker):
    findings = checker.check_paths([FIXTURES])
    assert all("kodblock" not in f.text for f in findings)
    text = (FIXTURES / "statuses.md").read_text(encoding="utf-8").split("\n")
    for finding in findings:
        if finding.file.endswith("statuses.md"):
            assert finding.text.split("\n")[0] in text[finding.line - 1]


def test_official_url_pattern():
    assert official_url("1962:700", "Brottsbalk (1962:700)", "4", "4 e") == (
        "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"
        "brottsbalk-1962700_sfs-1962-700/#K4P4e")
    assert official_url("1988:688", "Lag (1988:688) om kontaktförbud", None, "1 a").endswith(
        "/lag-1988688-om-kontaktforbud_sfs-1988-688/#P1a")


def test_checker_without_snapshot_records_never_says_ok_for_provisions(registry):
    empty = Checker(registry, {"records": {}}, today=dt.date(2026, 11, 22))
    assert status(empty, "19 kap. 1 § socialtjänstlagen (2025:400)") == ["unverifiable"]


def test_a_provision_date_that_is_not_a_date_is_a_snapshot_error_naming_it(registry, snapshot):
    broken = copy.deepcopy(snapshot)
    broken["records"]["2025:400"]["provisions"]["19 kap. 1 §"]["versions"][1]["from"] = "15 januari 2026"
    checker = Checker(registry, broken, today=dt.date(2026, 11, 22))
    with pytest.raises(SnapshotError, match="'15 januari 2026' is not a date"):
        judge(checker, "19 kap. 1 § socialtjänstlagen (2025:400)")


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests.legal.test_parse import NEAR_CITATIONS  # noqa: E402

from kb.legal.links import link_citations  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300) | NEAR_CITATIONS)
def test_checker_never_crashes_and_reports_only_text_on_its_line(checker, text):
    page = "---\ntitle: T\nreviewed: 2025-01-01\n---\n" + text
    lines = page.split("\n")
    for finding in checker.check_markdown(page, "p.md"):
        assert finding.status in ("ok", "repealed", "unknown-law", "unknown-provision", "amended-since-review",
                                  "changes-soon", "unverifiable")
        assert finding.text.split("\n")[0] in lines[finding.line - 1]
        assert finding.message


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200) | NEAR_CITATIONS)
def test_linking_html_never_loses_text(checker, text):
    import html as htmllib
    import re

    source = "<p>" + htmllib.escape(text, quote=False) + "</p>"
    linked, _, _ = link_citations(source, checker)
    visible = htmllib.unescape(re.sub(r"<[^>]+>", "", linked))
    assert visible == htmllib.unescape(re.sub(r"<[^>]+>", "", source))


def test_act_not_yet_in_force_is_changes_soon(checker_on):
    before = checker_on(dt.date(2025, 6, 1))
    [finding] = before.check_text("19 kap. 1 § socialtjänstlagen (2025:400)", "p.md", dt.date(2025, 6, 1))
    assert finding.status == "changes-soon" and "2025-07-01" in finding.message


def test_typographic_hyphen_and_invisible_characters_resolve_to_the_act(checker):
    assert status(checker, "5 kap. 7 § hälso\u2011 och sjukvårdslagen") == ["ok"]
    [finding] = judge(checker, "Se 4 kap. 4 e § brotts\u00adbalken.")
    assert finding.status == "ok" and finding.sfs == "1962:700" and finding.text == "4 kap. 4 e § brotts\u00adbalken"


def test_old_numbering_in_a_sentence_about_the_past_is_history(checker):
    assert status(checker, "Tidigare fanns anmälningsplikten i 14 kap. 1 § SoL.") == ["historical"]
    assert status(checker, "Före den 1 juli 2025 gällde 14 kap. 1 § socialtjänstlagen (2001:453).") == ["historical"]
    assert status(checker, "Anmälningsplikten finns i 14 kap. 1 § SoL. Lagen ersattes 2025.") == ["old-numbering"]


def test_a_section_of_a_chapter_replaced_as_a_whole_is_not_called_repealed(checker):
    # 35 kap. BrB was replaced by SFS 2025:151; the snapshot has no text of the new chapter.
    [finding] = judge(checker, "35 kap. 10 § första stycket 5 brottsbalken")
    assert finding.status == "unverifiable" and "SFS 2025:151" in finding.message
