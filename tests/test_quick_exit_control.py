"""kb.quick_exit: the control copied onto pages that are not MkDocs pages."""
from pathlib import Path

import pytest

from kb.quick_exit import SCRIPT, MissingControl, control_from, for_site

CONTROL = ('<a class="kb-quick-exit" id="kb-quick-exit" href="https://www.smhi.se/"\n'
           '     data-kb-leaving="Lämnar sidan.">\n    Lämna sidan snabbt\n  </a>')


def test_control_from_copies_the_whole_control():
    html = f"<body><div>{CONTROL}<p><a href='/'>Hem</a></p></div></body>"
    assert control_from(html) == CONTROL


def test_a_page_without_the_control_is_an_error_naming_the_page():
    with pytest.raises(MissingControl, match=r"site/index\.html: no <a id=\"kb-quick-exit\">"):
        control_from("<body><a href='/'>Hem</a></body>", "site/index.html")


def test_for_site_returns_the_control_and_its_script(tmp_path: Path):
    (tmp_path / "index.html").write_text(f"<body>{CONTROL}</body>", encoding="utf-8")
    (tmp_path / SCRIPT).parent.mkdir(parents=True)
    (tmp_path / SCRIPT).write_text("(function () {})();", encoding="utf-8")
    assert for_site(tmp_path) == (CONTROL, "(function () {})();")


def test_for_site_refuses_a_script_that_cannot_be_inlined(tmp_path: Path):
    (tmp_path / "index.html").write_text(f"<body>{CONTROL}</body>", encoding="utf-8")
    (tmp_path / SCRIPT).parent.mkdir(parents=True)
    (tmp_path / SCRIPT).write_text("x = '</script>';", encoding="utf-8")
    with pytest.raises(MissingControl, match="cannot be inlined"):
        for_site(tmp_path)


def test_a_partial_site_without_a_start_page_gets_no_control(tmp_path: Path):
    assert for_site(tmp_path) is None


def test_every_standalone_page_has_the_control_and_a_csp_that_allows_exactly_its_inline_code():
    import base64
    import hashlib
    import re

    from kb.quick_exit import standalone_page
    control = '<a id="kb-quick-exit" href="https://www.smhi.se/">Lämna sidan snabbt</a>'
    html = standalone_page("Titel <&>", "<h1>Rubrik</h1>", "body{color:#000}", (control, "console.log(1)"))
    assert control in html and "<title>Titel &lt;&amp;&gt;</title>" in html and '<html lang="sv" dir="ltr">' in html

    def sha(text: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert csp == (f"default-src 'none'; style-src '{sha(style)}'; script-src '{sha(script)}'; "
                   "base-uri 'none'; form-action 'none'")
    assert "#kb-quick-exit" in style   # the control's own styles come with it
