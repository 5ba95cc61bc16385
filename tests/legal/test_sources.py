"""kb.legal.sources: the real record formats, from the copies in tests/legal/fixtures/legal-sources."""
from __future__ import annotations

import json

import pytest
from tests.legal.conftest import SOURCES

from kb.legal import sources


def rk(name):
    return sources.record_from_rkrattsbaser(json.loads((SOURCES / "rkrattsbaser" / name).read_text("utf-8")), name, "t")


def selex(name):
    return sources.record_from_selex((SOURCES / "se-lex-sfs" / name).read_text("utf-8"), name, "t")


def test_socialtjanstlag_2025_record():
    record = rk("sfs-2025-400.json")
    assert record["title"] == "Socialtjänstlag (2025:400)"
    assert (record["in_force_from"], record["consolidated_through"], record["text"]) == ("2025-07-01", "2025:1501", "official")
    assert record["repeals"] == ["2001:453"]  # "2. Genom lagen upphävs socialtjänstlagen (2001:453)."
    versions = record["provisions"]["19 kap. 1 §"]["versions"]
    assert [(v["from"], v["until"], v["amended_by"]) for v in versions] == [
        (None, "2026-01-15", None), ("2026-01-15", None, "2025:1501")]
    assert record["provisions"]["12 kap. 7 a §"]["versions"][0]["amended_by"] == "2025:762"
    assert "99 kap. 1 §" not in record["provisions"]


def test_repealed_act_and_repealed_sections():
    record = rk("sfs-1920-405.json")
    assert (record["repealed_on"], record["repealed_by"]) == ("1988-01-01", "1987:788")
    # "7-10 §§ har upphört att gälla genom lag (1973:645)." in 2 kap.
    assert record["provisions"]["2 kap. 8 §"]["versions"][0]["repealed_by"] == "1973:645"
    assert record["provisions"]["2 kap. 6 §"]["versions"][0]["repealed_by"] == "1968:758"


def test_dated_entry_into_force_of_a_whole_ordinance():
    record = rk("sfs-2025-399.json")
    assert record["in_force_from"] == "2025-07-01" and record["amendments"] == []


def test_selex_metadata_only_record_keeps_the_amendments():
    record = selex("sfs-1962-700.md")
    assert (record["sfs"], record["title"], record["text"]) == ("1962:700", "Brottsbalk (1962:700)", None)
    index = sources.amendment_index(record["amendments"])
    assert index["4 kap. 4 e §"][0] == {"sfs": "2022:310", "in_force": "2022-06-01", "action": "added"}


def test_selex_text_record_and_unquoted_numbers():
    record = selex("sfs-1990-52.md")  # beteckning: 1990:52 unquoted; must not become 119452
    assert record["sfs"] == "1990:52" and record["text"] == "converted"
    assert "31 a §" in record["provisions"]


def test_finish_marks_the_old_act_repealed_by_the_new_one():
    records = sources.finish({"2025:400": rk("sfs-2025-400.json"), "2001:453": selex("sfs-2001-453.md")})
    old = records["2001:453"]
    assert (old["repealed_by"], old["repealed_on"]) == ("2025:400", "2025-07-01")
    assert "14 kap. 1 §" in old["amendment_index"]


@pytest.mark.parametrize("notes, expected", [
    ("ändr. 19 kap. 1, 6 §§; ny 16 kap. 2 a §, rubr. närmast före 16 kap. 2 a §",
     [("amended", "19 kap. 1 §"), ("amended", "19 kap. 6 §"), ("added", "16 kap. 2 a §")]),
    ("upph. 13 kap 7 §; ändr. 16 kap 4 §", [("repealed", "13 kap. 7 §"), ("amended", "16 kap. 4 §")]),
    ("ändr. 5 kap 1-3, 8 §§", [("amended", f"5 kap. {n} §") for n in (1, 2, 3, 8)]),
    ("ändr. 4 §; ny 4 a §", [("amended", "4 §"), ("added", "4 a §")]),
    ("ny 3 p övergångsbest. till 2012:944", []),
    ("ändr. 12 kap 10 § i 2006:000", []),
])
def test_amendment_notes(notes, expected):
    assert sources.parse_notes(notes) == expected


def test_not_a_record_is_a_clear_error():
    with pytest.raises(ValueError, match="beteckning"):
        sources.record_from_rkrattsbaser({"hits": {}}, "x", "t")
    with pytest.raises(ValueError, match="front matter"):
        sources.record_from_selex("# no front matter", "x", "t")


def test_riksdagen_dokumentstatus_record():
    """Field names and markup as the Riksdag's open data returns them for SFS documents
    (dokumentstatus.dokument with beteckning "YYYY:NNN", undertitel "t.o.m. SFS ...", html anchors)."""
    doc = {"dokumentstatus": {"dokument": {
        "dok_id": "sfs-1988-688", "rm": "1988", "beteckning": "1988:688", "nummer": "688",
        "titel": "Lag (1988:688) om kontaktförbud", "undertitel": "t.o.m. SFS 2025:561",
        "systemdatum": "2025-07-01 04:00:00",
        "html": '<a class="paragraf" name="P1"><b>1 §</b></a> Text. Lag (2025:561).'
                '<a class="paragraf" name="P2a"><b>2 a §</b></a> <i>/Upphör att gälla U:2027-01-11 genom</i> '
                '<i>lag (2026:1)</i>./ Text.'}}}
    record = sources.record_from_riksdagen(doc, "https://data.riksdagen.se/dokument/sfs-1988-688.json", "t")
    assert (record["sfs"], record["consolidated_through"], record["text"]) == ("1988:688", "2025:561", "official")
    assert record["provisions"]["1 §"]["versions"][0]["amended_by"] == "2025:561"
    assert record["provisions"]["2 a §"]["versions"][0]["until"] == "2027-01-11"


def test_riksdagen_html_anchors():
    html = ('<h3 name="K19"><a name="K19">19 kap. Anmälan</a></h3>'
            '<a class="paragraf" name="K19P1"><b>1 §</b></a> Text. Lag (2025:1501).'
            '<a class="paragraf" name="K19P1a"><b>1 a §</b></a> Mer text.')
    provisions = sources.provisions_from_riksdagen_html(html)
    assert set(provisions) == {"19 kap. 1 §", "19 kap. 1 a §"}
    assert provisions["19 kap. 1 §"]["versions"][0]["amended_by"] == "2025:1501"


def test_skollag_markers_on_the_next_line_and_on_chapters():
    provisions = rk("sfs-2010-800.json")["provisions"]
    # "12 § /Träder i kraft I:2025-07-01/" followed by "/Upphör att gälla U:2026-07-01/" on the next line
    assert [(v["from"], v["until"]) for v in provisions["1 kap. 12 §"]["versions"]] == [
        (None, "2025-07-01"), ("2025-07-01", "2026-07-01"), ("2026-07-01", None)]
    # "/Kapitlet träder i kraft I:2025-07-01/" before "6 a kap. ...": its sections are not 6 kap.'s
    assert provisions["6 a kap. 1 §"]["versions"][0]["from"] == "2025-07-01"
    # "9 kap. /Kapitlet upphör att gälla U:2026-07-01 genom lag 2025:729/"
    assert provisions["9 kap. 1 §"]["versions"][0]["until"] == "2026-07-01"


def test_provision_of_a_chapter_that_has_ceased_is_repealed(checker):
    [finding] = checker.check_text("9 kap. 1 § skollagen (2010:800)", "p.md")
    assert finding.status == "repealed" and "2026-07-01" in finding.message


def test_a_chapter_replaced_as_a_whole_and_old_undated_entries_in_their_place():
    """Brottsbalken's real register: SFS 2025:151 'upph. 35 kap.; nytt 35 kap.'; 35 kap. 10 § was
    repealed by 1981:211 (no date in the register) and added again by 1998:604 (1999-01-01)."""
    index = sources.amendment_index(selex("sfs-1962-700.md")["amendments"])
    assert index["35 kap."] == [{"sfs": "2025:151", "in_force": "2025-04-01", "action": "repealed"},
                                {"sfs": "2025:151", "in_force": "2025-04-01", "action": "added"}]
    assert [entry["sfs"] for entry in index["35 kap. 10 §"]][-2:] == ["1981:211", "1998:604"]
    assert sources.parse_notes("upph. 35 kap.; nytt 35 kap.") == [("repealed", "35 kap."), ("added", "35 kap.")]
