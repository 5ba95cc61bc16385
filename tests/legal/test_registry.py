"""kb.legal.registry: data/laws.yml, names without SFS numbers, clear errors."""
from __future__ import annotations

import datetime as dt

import pytest

from kb.legal.registry import RegistryError, load_registry, normalise_sfs, parse_registry, sfs_slug


def test_name_without_sfs_means_the_act_in_force(registry):
    assert registry.resolve_name("socialtjänstlagen", dt.date(2026, 11, 22)).sfs == "2025:400"
    assert registry.resolve_name("SoL", dt.date(2026, 11, 22)).sfs == "2025:400"
    # Before 2025-07-01 the old act was the one in force.
    assert registry.resolve_name("socialtjänstlagen", dt.date(2025, 6, 30)).sfs == "2001:453"


def test_replaced_act_knows_its_successor_and_provision_map(registry):
    old = registry.act("2001:453")
    assert (old.replaced_by, old.replaced_on) == ("2025:400", dt.date(2025, 7, 1))
    assert old.provision_map["14 kap. 1 §"] == "19 kap. 1 §"


def test_every_law_the_content_cites_is_registered(registry):
    for sfs in ["1962:700", "2025:400", "2001:453", "1990:52", "1982:316", "2017:30", "2010:800", "2009:400",
                "1988:688", "1949:381", "1987:230", "1991:481", "1904:26 s. 1", "2022:1345",
                "2017:868", "2021:995", "2018:1937", "1974:152", "2010:659", "1984:387"]:
        assert registry.act(sfs), sfs


def test_sfs_numbers_are_normalised():
    assert normalise_sfs("1904:26 s.1") == normalise_sfs("1904:26  s. 1") == "1904:26 s. 1"
    assert sfs_slug("1904:26 s. 1") == "sfs-1904-26-s-1" and sfs_slug("2025:400") == "sfs-2025-400"
    with pytest.raises(ValueError):
        normalise_sfs("2025/400")


def test_unquoted_sfs_number_gets_a_hint(tmp_path):
    path = tmp_path / "laws.yml"
    path.write_text("- sfs: 1990:52\n  title: LVU\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="quote SFS numbers"):
        load_registry(path)


def test_successor_must_be_listed():
    with pytest.raises(RegistryError, match="2025:400, which is not listed"):
        parse_registry([{"sfs": "2001:453", "title": "Socialtjänstlag (2001:453)", "replaced_by": "2025:400"}])


def test_duplicate_entries_are_refused():
    entry = {"sfs": "2010:800", "title": "Skollag (2010:800)"}
    with pytest.raises(RegistryError, match="listed twice"):
        parse_registry([entry, dict(entry)])


def test_broken_yaml_names_the_line(tmp_path):
    path = tmp_path / "laws.yml"
    path.write_text("- sfs: \"2010:800\"\n  title: [unclosed\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"laws.yml:\d+: not valid YAML"):
        load_registry(path)
