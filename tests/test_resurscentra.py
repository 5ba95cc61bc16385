"""kb.resurscentra: the data file is valid and renders into the page."""
import pytest
import yaml

from kb import resurscentra


def test_real_data_file_is_valid_and_every_centre_is_rendered():
    data = resurscentra.load()
    table = resurscentra.render(data)
    for centre in data["centres"]:
        assert centre["name"] in table
    assert table.count("\n|") == len(data["centres"]) + 1  # header separator + one row each


def test_marker_is_replaced_and_other_pages_are_untouched():
    assert resurscentra.expand("Text") == "Text"
    out = resurscentra.expand(f"Före\n\n{resurscentra.MARKER}\n\nEfter")
    assert resurscentra.MARKER not in out and "| Län |" in out


def test_entry_without_checked_date_is_refused(tmp_path):
    path = tmp_path / "resurscentra.yml"
    path.write_text(yaml.safe_dump({"overview_url": "https://x", "as_of": "2023-12-31", "centres": [
        {"name": "X", "county": "Y", "status": "Z", "offers": [], "source": {"seed": "s"}}]}), encoding="utf-8")
    with pytest.raises(resurscentra.DataError, match="checked"):
        resurscentra.load(path)


def test_unknown_offer_is_refused_with_the_allowed_values(tmp_path):
    path = tmp_path / "resurscentra.yml"
    path.write_text(yaml.safe_dump({"centres": [
        {"name": "X", "county": "Y", "status": "Z", "offers": ["massage"], "source": {"checked": "2026-01-01"}}]}),
        encoding="utf-8")
    with pytest.raises(resurscentra.DataError, match="massage"):
        resurscentra.load(path)


def test_unknown_offers_are_said_to_be_unknown_not_offered_or_absent(tmp_path):
    path = tmp_path / "resurscentra.yml"
    centre = {"name": "X", "county": "Y", "status": "Z", "offers": "okänt", "source": {"checked": "2026-01-01"}}
    path.write_text(yaml.safe_dump({"overview_url": "https://x", "as_of": "2023-12-31", "centres": [centre]},
                                   allow_unicode=True), encoding="utf-8")
    row = [line for line in resurscentra.render(resurscentra.load(path)).splitlines() if line.startswith("| Y ")][0]
    assert resurscentra.UNKNOWN_TEXT in row and "stöd till utsatta" not in row and "ännu ingen" not in row
    path.write_text(path.read_text(encoding="utf-8").replace("okänt", "kanske"), encoding="utf-8")
    with pytest.raises(resurscentra.DataError, match="okänt"):
        resurscentra.load(path)


def test_the_2018_pilots_do_not_claim_what_the_report_does_not_say():
    pilots = [c for c in resurscentra.load()["centres"] if c.get("started") == 2018]
    assert len(pilots) == 4 and all(c["offers"] == resurscentra.UNKNOWN for c in pilots)
