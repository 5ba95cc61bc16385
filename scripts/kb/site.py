"""Build-time logic behind the MkDocs hooks (kept free of MkDocs imports)."""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping

from kb.translations import state as translation_state

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)
CSP_PLACEHOLDER = "KB_CSP"


def translation_flags(meta: Mapping, source_body: str | None) -> dict:
    """What a translated page tells its readers: the notices (not reviewed,
    outdated) and the facts about the translation for its footer.

    `source_body` is the current Swedish page's body (None if it is gone). The
    state comes from kb.translations.state, like the status command's and the
    content gate's.
    """
    found = translation_state.of(meta, source_body)
    record = translation_state.record_of(meta)
    return {
        "translation": True,
        "machine": not found.reviewed,
        "outdated": found.outdated,
        "translated_on": _iso(record.get("translated_on")),
        "reviewed_on": _iso(record.get("reviewed_on")) if found.reviewed else None,
        "reviewer_role": record.get("reviewer_role") if found.reviewed else None,
    }


def _iso(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else (str(value) if value else None)


def content_security_policy(html: str, preview: bool = False) -> str:
    """A CSP that allows only our own origin plus the exact inline scripts on the page.

    `preview` (only under `mkdocs serve`, never in a build) allows inline scripts:
    MkDocs injects its live-reload script into each response, with a different
    text every time, so no hash can allow it.
    """
    hashes = ["'unsafe-inline'"] if preview else []
    for attrs, code in [] if preview else INLINE_SCRIPT.findall(html):
        if re.search(r"type=[\"']application/(ld\+)?json", attrs):
            continue  # data blocks are never executed
        digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    script_src = " ".join(["'self'", *sorted(set(hashes))])
    return "; ".join([
        "default-src 'self'",
        f"script-src {script_src}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def bcp47_hreflang(text: str, tags: dict[str, str]) -> str:
    """Rewrite hreflang="fa-AF" and the like to their BCP 47 tags (prs, ckb)."""
    for locale, tag in tags.items():
        if locale != tag:
            text = text.replace(f'hreflang="{locale}"', f'hreflang="{tag}"')
    return text


def finish_html(html: str, bcp47: str, direction: str, tags: dict[str, str], preview: bool = False) -> str:
    """Set the correct <html lang/dir>, hreflang tags and the page's CSP (relaxed for the live preview only)."""
    html = HTML_TAG.sub(f'<html lang="{bcp47}" dir="{direction}" class="no-js">', html, count=1)
    html = bcp47_hreflang(html, tags)
    return html.replace(CSP_PLACEHOLDER, content_security_policy(html, preview), 1)


CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')


def search_base_for_language(html: str, locale: str) -> str:
    """Point Material's `base` at the language's root, so its search worker
    loads `<locale>/search/search_index.json` (see kb.search_index) and result
    links resolve inside that language."""
    # The trailing slash matters: the browser resolves "search/..." against it.
    return CONFIG_BASE.sub(lambda m: f"{m.group(1)}{m.group(2)}/{locale}/{m.group(3)}", html, count=1)
