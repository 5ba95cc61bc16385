"""kb.site: banners for translations, <html lang/dir>, hreflang and the CSP."""
import base64
import hashlib

from kb.pages import content_hash
from kb.site import bcp47_hreflang, content_security_policy, finish_html, translation_flags

SOURCE = "# Rubrik\n\nText.\n"


def test_unreviewed_translation_is_flagged_machine():
    meta = {"translation": {"status": "machine", "source_hash": content_hash(SOURCE)}}
    flags = translation_flags(meta, SOURCE)
    assert (flags["machine"], flags["outdated"]) == (True, False)


def test_reviewed_current_translation_has_no_banner():
    meta = {"translation": {"status": "reviewed", "source_hash": content_hash(SOURCE)}}
    flags = translation_flags(meta, SOURCE)
    assert (flags["machine"], flags["outdated"]) == (False, False)


def test_changed_swedish_source_marks_translation_outdated():
    meta = {"translation": {"status": "reviewed", "source_hash": content_hash(SOURCE)}}
    assert translation_flags(meta, SOURCE + "\nNy mening.\n")["outdated"] is True


def test_missing_translation_metadata_counts_as_not_reviewed_and_outdated():
    # No source_hash: nobody can show which Swedish text it was made from (kb.translations.state).
    assert translation_flags({}, SOURCE)["machine"] is True
    assert translation_flags({}, SOURCE)["outdated"] is True


def test_csp_allows_exactly_the_inline_scripts_on_the_page():
    html = '<script>var a=1;</script><script src="x.js"></script><script type="application/json">{}</script>'
    csp = content_security_policy(html)
    digest = base64.b64encode(hashlib.sha256(b"var a=1;").digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert csp.count("sha256-") == 1
    assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp


def test_finish_html_sets_bcp47_lang_dir_and_fills_the_csp():
    html = '<html lang="fa" class="no-js"><head><meta content="KB_CSP"></head><script>x()</script></html>'
    out = finish_html(html, "prs", "rtl", {"fa-AF": "prs"})
    assert out.startswith('<html lang="prs" dir="rtl" class="no-js">')
    assert "KB_CSP" not in out and "script-src 'self' 'sha256-" in out


def test_hreflang_uses_bcp47_tags():
    text = '<link hreflang="fa-AF"><link hreflang="ku-IQ"><link hreflang="en">'
    assert bcp47_hreflang(text, {"fa-AF": "prs", "ku-IQ": "ckb", "en": "en"}) == (
        '<link hreflang="prs"><link hreflang="ckb"><link hreflang="en">')


def test_search_base_points_at_the_language_root_with_a_trailing_slash():
    from kb.site import search_base_for_language
    html = '<script id="__config" type="application/json">{"base": "../..", "features": []}</script>'
    assert '"base": "../../ar/"' in search_base_for_language(html, "ar")


def test_dates_in_right_to_left_pages_keep_their_digit_order(built_site):
    """"2026-12-03" in Arabic text would otherwise show its groups reversed ("03-12-2026" and worse)."""
    import re
    html = (built_site / "ar" / "till-dig-som-ar-utsatt" / "index.html").read_text(encoding="utf-8")
    times = re.findall(r"<time\b[^>]*>", html)
    assert times, "the page shows no dates"
    assert all('dir="ltr"' in tag for tag in times), times
