"""The quick-exit control on pages that are not MkDocs pages (GitHub issue 13).

Every page the site builds must carry the control. MkDocs pages get it from
overrides/main.html; a page written after the build (the translators' status
page) copies it, with its strings and neutral URL, from the built start page,
so there is one source for the markup.
"""
from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from pathlib import Path

CONTROL = re.compile(r'<a\b[^>]*\bid="kb-quick-exit"[^>]*>.*?</a>', re.S)
SCRIPT = "assets/javascripts/quick-exit.js"
# What the copied control needs from the page's own CSS (kb.css styles it on MkDocs pages).
CSS = ("body{padding-top:3rem}#kb-quick-exit{position:fixed;top:.3rem;inset-inline-end:.5rem;min-height:44px;box-sizing:border-box;"
       "padding:.5rem .6rem;border:3px solid #fff;border-radius:.4rem;background:#b00020;color:#fff;"
       "font-weight:700;text-decoration:none}"
       "#kb-quick-exit:focus,#kb-quick-exit:hover{background:#7a0016;outline:3px solid #ffbf47;outline-offset:2px}")


class MissingControl(ValueError):
    """The built page has no quick-exit control to copy."""


def control_from(html: str, source: str = "the built page") -> str:
    """The quick-exit control's markup, as rendered on a built MkDocs page."""
    match = CONTROL.search(html)
    if not match:
        raise MissingControl(f"{source}: no <a id=\"kb-quick-exit\"> control to copy; "
                             "overrides/main.html must render it in the announce block")
    return match.group(0)


def for_site(site_dir: Path) -> tuple[str, str] | None:
    """The control as the built Swedish start page shows it, and the text of its
    script (to inline, so the page still loads nothing). None when the site has
    no start page (a partial site in a unit test); tests/browser/test_quick_exit.py
    checks that every page of the real build has the control."""
    start = site_dir / "index.html"
    if not start.is_file():
        return None
    control = control_from(start.read_text(encoding="utf-8"), str(start))
    script_path = site_dir / SCRIPT
    if not script_path.is_file():
        raise MissingControl(f"{script_path}: missing; mkdocs.yml extra_javascript must list {SCRIPT}")
    script = script_path.read_text(encoding="utf-8")
    if "</script" in script.lower():
        raise MissingControl(f"{script_path}: contains '</script', so it cannot be inlined")
    return control, script


def standalone_page(title: str, main: str, css: str, quick_exit: tuple[str, str] | None) -> str:
    """A Swedish page the build writes outside MkDocs (the translators' status page and review
    views): loads nothing, its inline style and script allowed by hash in its CSP, not indexed,
    and with the quick-exit control (`quick_exit` from for_site; None in a partial test site)."""
    css = css + ("\n" + CSS if quick_exit else "")
    control, script = quick_exit or ("", "")
    csp = f"default-src 'none'; style-src '{_sha256(css)}'; base-uri 'none'; form-action 'none'"
    if quick_exit:
        csp = csp.replace("; base-uri", f"; script-src '{_sha256(script)}'; base-uri")
        script = f"<script>{script}</script>\n"
    return f"""<!doctype html>
<html lang="sv" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>{escape(title, quote=False)}</title>
<style>{css}</style>
</head>
<body>
{control}
<main>
{main}
</main>
{script}</body>
</html>
"""


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
