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
