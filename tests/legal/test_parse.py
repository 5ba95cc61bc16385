"""kb.legal.parse: every citation form used in Swedish texts, and robustness on arbitrary text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.legal.parse import CitationFinder, blank_code


@pytest.fixture(scope="module")
def find(registry):
    return CitationFinder(registry).find


def one(find, text):
    found = find(text)
    assert found, f"no citation found in {text!r}"
    return found


@pytest.mark.parametrize("text, sfs, law, chapter, section", [
    ("4 kap. 4 e § brottsbalken (1962:700)", "1962:700", "brottsbalken", "4", "4 e"),
    ("4 kap. 4 c § BrB", None, "BrB", "4", "4 c"),
    ("19 kap. 1 § socialtjänstlagen (2025:400)", "2025:400", "socialtjänstlagen", "19", "1"),
    ("14 kap. 1 § SoL", None, "SoL", "14", "1"),
    ("31 a § LVU", None, "LVU", None, "31 a"),
    ("2 § lagen om kontaktförbud", None, "lagen om kontaktförbud", None, "2"),
    ("6 kap. 1 § första stycket föräldrabalken", None, "föräldrabalken", "6", "1"),
    ("1 kap. 2 § ÄktB", None, "ÄktB", "1", "2"),
    ("2 kap. 1 § RF", None, "RF", "2", "1"),
    ("10 kap. 28 § OSL", None, "OSL", "10", "28"),
    ("5 kap. 1 § HSL", None, "HSL", "5", "1"),
    ("6 kap. 2 a § FB", None, "FB", "6", "2 a"),
    ("4 kap. 4\u00a0e §\u00a0brottsbalk", None, "brottsbalk", "4", "4 e"),  # indefinite form, no-break spaces
    ("Enligt 4 kap. 1 § Brottsbalken", None, "Brottsbalken", "4", "1"),  # capital at sentence start
])
def test_single_provision_forms(find, text, sfs, law, chapter, section):
    [citation] = one(find, text)
    assert (citation.sfs, citation.law, citation.chapter, citation.section) == (sfs, law, chapter, section)
    assert citation.text in text


def test_point_after_section(find):
    [citation] = one(find, "29 kap. 2 § 10 brottsbalken")
    assert (citation.chapter, citation.section, citation.point) == ("29", "2", "10")
    [citation] = one(find, "29 kap. 2 § 10 p. brottsbalken")
    assert citation.point == "10"


def test_law_named_by_sfs_number_and_title_tail(find):
    [citation] = one(find, "enligt 1 § lagen (1982:316) med förbud mot könsstympning av kvinnor är det")
    assert citation.sfs == "1982:316" and citation.section == "1"
    assert citation.text == "1 § lagen (1982:316) med förbud mot könsstympning av kvinnor"


def test_two_chapters_one_law(find):
    found = one(find, "3 kap. 1 § och 5 kap. 1 § hälso- och sjukvårdslagen (2017:30)")
    assert [(c.chapter, c.section, c.sfs) for c in found] == [("3", "1", "2017:30"), ("5", "1", "2017:30")]
    assert len({c.text for c in found}) == 1


def test_section_list_with_plural_sign(find):
    found = one(find, "1 och 2 §§ förordningen (2017:868) med länsstyrelseinstruktion")
    assert [c.section for c in found] == ["1", "2"]
    assert found[0].text.endswith("med länsstyrelseinstruktion")


def test_alternatives_with_eller(find):
    found = one(find, "2 kap. 2 eller 3 § brottsbalken")
    assert [(c.chapter, c.section) for c in found] == [("2", "2"), ("2", "3")]


def test_range_keeps_both_ends(find):
    [citation] = one(find, "31 a–31 k §§ LVU")
    assert (citation.section, citation.section_end) == ("31 a", "31 k")
    [citation] = one(find, "7-10 §§ LVU")
    assert (citation.section, citation.section_end) == ("7", "10")


def test_comma_list_with_letters(find):
    found = one(find, "9 c, 10 §§ LVU")
    assert [c.section for c in found] == ["9 c", "10"]


def test_whole_act_by_title_and_by_sfs(find):
    [citation] = one(find, "förordning (2022:1345) om nationellt centrum mot hedersrelaterat våld och förtryck")
    assert citation.sfs == "2022:1345" and citation.section is None
    assert citation.text.endswith("hedersrelaterat våld och förtryck")
    [citation] = one(find, "se SFS 2025:400.")
    assert (citation.sfs, citation.law, citation.text) == ("2025:400", "SFS", "SFS 2025:400")


def test_sfs_number_with_page(find):
    [citation] = one(find, "3 kap. 12 § lagen (1904:26 s. 1) om vissa internationella rättsförhållanden")
    assert citation.sfs == "1904:26 s. 1"


def test_unregistered_law_with_sfs_number_is_still_a_citation(find):
    [citation] = one(find, "1 § spellagen (2018:1138)")
    assert citation.sfs == "2018:1138" and citation.law == "spellagen"


def test_citation_across_a_line_break_reports_its_first_line(find):
    [citation] = one(find, "Text.\nDet framgår av 4 kap. 4 e §\nbrottsbalken.")
    assert (citation.line, citation.column) == (2, 16)
    assert citation.text == "4 kap. 4 e §\nbrottsbalken"


@pytest.mark.parametrize("text", [
    "enligt socialtjänstlagen ska nämnden",    # a name in prose, no provision
    "Rapport (2022:23) från myndigheten",      # not an act
    "sidan 4 kap. 5 i boken",                  # no section sign
    "RF-signaler och rf 2 § ",                 # abbreviation not followed by anything
    "2 § i avtalet",
])
def test_near_citations_are_not_citations(find, text):
    assert find(text) == []


def test_code_is_blanked_but_offsets_kept():
    text = "a\n```\n4 kap. 4 e § BrB\n```\nb `2 § LVU` c\n<!-- 1 § LVU -->"
    blanked = blank_code(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert "BrB" not in blanked and "LVU" not in blanked


FRAGMENTS = st.sampled_from([
    "4 kap. ", "4 e §", "§§ ", " och ", " eller ", ", ", "–", "-", "brottsbalken", "BrB", "SoL", "LVU",
    "(1962:700)", "(2025:400)", "lagen ", "SFS ", "2025:400", "19 kap. ", "1 §", " 10 ", "p.", "\n",
    "\u00a0", "första stycket ", "socialtjänstlagen", "hälso- och sjukvårdslagen", "(", ")", "kap.", "a", "1",
])
NEAR_CITATIONS = st.lists(FRAGMENTS | st.text(max_size=5), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300) | NEAR_CITATIONS)
def test_never_crashes_and_never_reports_text_that_is_not_there(registry, text):
    for citation in CitationFinder(registry).find(text):
        assert text[citation.offset:citation.offset + len(citation.text)] == citation.text
        lines = text.split("\n")
        first_line = citation.text.split("\n")[0]
        assert first_line in lines[citation.line - 1]
        assert lines[citation.line - 1][citation.column - 1:].startswith(first_line)


def test_samma_lag_means_the_law_cited_just_before(find):
    found = find("Förbudet finns i 31 a § LVU. Brott mot det straffas (45 § samma lag).")
    assert [(c.law, c.section, c.text) for c in found] == [("LVU", "31 a", "31 a § LVU"), ("LVU", "45", "45 § samma lag")]
    assert find("(45 § samma lag)") == []  # nothing before it to refer to


@pytest.mark.parametrize("text, expected", [
    # the forms issue 10 lists, each as (law as written, SFS, provision)
    ("31 a § Lag (1990:52) med särskilda bestämmelser om vård av unga", [("Lag", "1990:52", "31 a §")]),
    ("enligt Lagen (2006:67) om förbud", [("Lagen", "2006:67", "")]),
    ("Ändrad genom Lag (2016:512).", [("Lag", "2016:512", "")]),
    ("BrB 29 kap. 2 §", [("BrB", None, "29 kap. 2 §")]),
    ("Skollagen 2010:800 6 kap 10 §", [("Skollagen", "2010:800", "6 kap. 10 §")]),
    ("HSL (5 kap, 8 §)", [("HSL", None, "5 kap. 8 §")]),
    ("4:2 BrB", [("BrB", None, "4 kap. 2 §")]),
    ("14:1 SoL", [("SoL", None, "14 kap. 1 §")]),
    ("FB 6:2a", [("FB", None, "6 kap. 2 a §")]),
    ("föräldrabalkens 6.2a §", [("föräldrabalken", None, "6 kap. 2 a §")]),
    ("6 kapitlet 2a § FB", [("FB", None, "6 kap. 2 a §")]),
    ("det fjärde kapitlet i brottsbalken", [("brottsbalken", None, "4 kap.")]),
    ("6 kap. 10 d–g §§ FB", [("FB", None, "6 kap. 10 d–10 g §§")]),
    ("skollagens 29 kap. 13 §", [("skollagen", None, "29 kap. 13 §")]),
    ("31 a § lagen ( 1990:52 )", [("lagen", "1990:52", "31 a §")]),
    ("5 § i lagen om kontaktförbud", [("lagen om kontaktförbud", None, "5 §")]),
    ("23 kap. brottsbalken", [("brottsbalken", None, "23 kap.")]),
    ("Chapter 14, Section 1 of the Social Services Act (2001:453)", [("Social Services Act", "2001:453", "14 kap. 1 §")]),
    ("4 ch. 4 c § BrB", [("BrB", None, "4 kap. 4 c §")]),
    ("[4 kap. 4 e § brottsbalken](https://x)", [("brottsbalken", None, "4 kap. 4 e §")]),
    ("| 29 kap. 13 § skollagen |", [("skollagen", None, "29 kap. 13 §")]),
    ("<a>31 a § LVU</a>", [("LVU", None, "31 a §")]),
    ("_31 a § LVU_", [("LVU", None, "31 a §")]),
    ("{31 a § LVU}", [("LVU", None, "31 a §")]),
    ("[^1]: 4 kap. 4 c § BrB", [("BrB", None, "4 kap. 4 c §")]),
    ("4 kap. 4\u00a0e § brotts\u00adbalken", [("brottsbalken", None, "4 kap. 4 e §")]),
    ("enligt kap 14 § 1 SoL", [("SoL", None, "14 kap. 1 §")]),
    ("§ 2 LVU", [("LVU", None, "2 §")]),
    ("5 kap. 7 § hälso\u2011 och sjukvårdslagen", [("hälso\u2011 och sjukvårdslagen", None, "5 kap. 7 §")]),
    ("4 kap. 4\u202fe § brotts\u200bbalken", [("brottsbalken", None, "4 kap. 4 e §")]),
    ("Section 1 of the Act (1982:316) prohibiting female genital mutilation", [("Act", "1982:316", "1 §")]),
    ("Section 31 a of the Care of Young Persons Act", [("Care of Young Persons Act", None, "31 a §")]),
    ("delegationsordningen (2023:2)", []),
    ("Följ oss på FB 24 timmar", []),
])
def test_issue_10_forms(find, text, expected):
    assert [(c.law, c.sfs, c.provision) for c in find(text)] == expected


def test_points_written_in_several_ways(find):
    assert [c.point for c in find("29 kap. 2 § 10 p brottsbalken")] == ["10"]
    assert [c.point for c in find("6 kap. 2 § punkt två FB")] == ["2"]


def test_samma_lag_never_crosses_a_heading(find):
    assert [c.section for c in find("Se 31 a § LVU.\n\n## Straff\n\nStraff enligt 45 § samma lag.")] == ["31 a"]
    assert [c.section for c in find("Se 31 a § LVU. Straff enligt 45 § samma lag.")] == ["31 a", "45"]
