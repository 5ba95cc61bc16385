"""kb/content/markdown.py: the body rules and what they deliberately ignore."""
from __future__ import annotations

from kb.content.markdown import check_body, mask_code


def codes(body: str, first_line: int = 1):
    return [(line, code) for line, _col, code, _msg, _hint in check_body(body, first_line)]


def test_mask_code_keeps_lengths_and_lines():
    body = "# T\n\n```js\n<script>x</script>\n```\n\nText `<iframe>` end\n"
    masked = mask_code(body)
    assert len(masked) == len(body) and masked.count("\n") == body.count("\n")
    assert "<script>" not in masked and "<iframe>" not in masked and masked.endswith("end\n")


def test_an_unclosed_fence_hides_the_rest_like_markdown_does():
    assert codes("# T\n\n````\n<script>\n```\nstill code\n") == []


def test_positions_are_lines_in_the_file():
    assert codes("# T\n\n<script>x</script>\n", first_line=12) == [(14, "KB121")]


def test_setext_headings_count():
    assert codes("Title\n=====\n\nPart\n----\n\nText\n") == []
    assert codes("Title\n=====\n\nOther\n=====\n") == [(4, "KB132")]


def test_a_horizontal_rule_after_a_blank_line_is_not_a_heading():
    assert codes("# T\n\nText\n\n---\n\nMore\n") == []


def test_html_headings_count_too():
    assert codes("# T\n\n<h3>Deep</h3>\n") == [(3, "KB133")]


def test_links_to_other_hosts_are_fine_but_images_from_them_are_not():
    assert codes("# T\n\n[Polisen](https://polisen.se/) <a href=\"https://polisen.se\">x</a>\n") == []
    assert codes("# T\n\n<img alt=\"x\" srcset=\"a.png 1x, https://cdn.example.com/b.png 2x\">\n") == [(3, "KB124")]


def test_entity_encoded_javascript_url_is_caught():
    assert codes("# T\n\n<a href=\"&#106;avascript:alert(1)\">x</a>\n") == [(3, "KB123")]


def test_words_starting_with_on_are_not_handlers():
    assert codes("# T\n\n<p class=\"one\" data-online=\"1\">x</p>\n\n{: .onetwo }\n") == []


def test_headings_inside_admonitions_count():
    assert codes("# T\n\n!!! note\n\n    ### Too deep\n") == [(5, "KB133")]
