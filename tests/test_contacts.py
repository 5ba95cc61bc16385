"""kb.contacts: registered phone numbers become dialable, LTR-isolated links."""
import pytest

from kb import contacts

NUMBERS = ["112", "114 14", "020-57 70 70"]


def test_every_registry_entry_has_a_source_and_a_date():
    entries = contacts.load()
    assert {"112", "114 14"} <= {e["number"] for e in entries}


def test_numbers_in_text_become_tel_links_marked_left_to_right():
    html = "<p>Ring <strong>112</strong> eller 020-57 70 70.</p>"
    out = contacts.mark_numbers(html, NUMBERS)
    assert '<strong><a class="kb-tel" href="tel:112" dir="ltr">112</a></strong>' in out
    assert '<a class="kb-tel" href="tel:020577070" dir="ltr">020-57 70 70</a>.' in out


def test_a_number_inside_a_link_is_isolated_not_nested():
    out = contacts.mark_numbers('<a href="https://x">Ring 114 14</a>', NUMBERS)
    assert out == '<a href="https://x">Ring <bdi dir="ltr">114 14</bdi></a>'


@pytest.mark.parametrize("html", [
    "<p>SFS 2011:112 och L112 och 1112 och 112-talet</p>",
    '<p><a href="tel:112">x</a><img alt="112"></p>',
    "<pre><code>ring 112</code></pre>",
    "<p>114 145 är inte numret</p>",
])
def test_numbers_that_are_part_of_something_else_are_left_alone(html):
    assert contacts.mark_numbers(html, NUMBERS) == html


def test_missing_source_is_refused(tmp_path):
    path = tmp_path / "contacts.yml"
    path.write_text("- number: '1'\n  name: X\n  checked: 2026-01-01\n", encoding="utf-8")
    with pytest.raises(contacts.ContactsError, match="source"):
        contacts.load(path)


def test_find_numbers_spots_phone_numbers_but_not_dates_or_sfs():
    text = "Ring 020-57 70 70 eller 114 14. SFS 2025:400, 2022-06-01, 010-223 57 60."
    assert [n for _, n in contacts.find_numbers(text)] == ["020-57 70 70", "114 14", "010-223 57 60"]
