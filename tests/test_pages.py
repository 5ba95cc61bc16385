"""kb.pages: front matter, locales of files and the source hash."""
import pytest

from kb.pages import FrontMatterError, content_hash, locale_of, split_front_matter, translation_rel


def test_front_matter_is_split_with_key_lines_and_body_line():
    meta, body, body_line, lines = split_front_matter("---\ntitle: A\nreviewed: 2026-01-02\n---\n\n# A\n")
    assert meta["title"] == "A"
    assert str(meta["reviewed"]) == "2026-01-02"
    assert lines == {"title": 2, "reviewed": 3}
    assert body == "\n# A\n"
    assert body_line == 5


def test_page_without_front_matter_is_all_body():
    assert split_front_matter("# Only text\n") == ({}, "# Only text\n", 1, {})


def test_yaml_error_names_the_line_in_the_file():
    with pytest.raises(FrontMatterError) as error:
        split_front_matter("---\ntitle: A\naudience: [alla\n---\n")
    assert error.value.line >= 3
    assert "not valid YAML" in error.value.message


def test_front_matter_that_is_not_a_mapping_is_refused():
    with pytest.raises(FrontMatterError, match="mapping"):
        split_front_matter("---\n- a\n- b\n---\n")


@pytest.mark.parametrize("rel, expected", [
    ("index.md", ("sv", "index.md")),
    ("a/b.en.md", ("en", "a/b.md")),
    ("a/b.fa-AF.md", ("fa-AF", "a/b.md")),
    ("a/b.ku-IQ.md", ("ku-IQ", "a/b.md")),
    ("a/version.2.md", ("sv", "a/version.2.md")),
])
def test_locale_of_reads_the_suffix(rel, expected):
    assert locale_of(rel) == expected


def test_translation_rel_is_the_inverse_of_locale_of():
    for locale in ("en", "fa-AF", "ti"):
        assert locale_of(translation_rel("x/y.md", locale)) == (locale, "x/y.md")
    assert translation_rel("x/y.md", "sv") == "x/y.md"


def test_content_hash_ignores_line_endings_and_trailing_space_but_not_words():
    base = content_hash("# A\n\nText.\n")
    assert content_hash("# A\r\n\r\nText.   \r\n\n") == base
    assert content_hash("# A\n\nText!\n") != base
    assert base.startswith("sha256:") and len(base) == len("sha256:") + 16
