"""Rules for a page's Markdown body (codes KB121-KB134, see kb.content).

The body is first masked: fenced code blocks and inline code become blanks of
the same length, so examples in code are ignored while line and column numbers
stay exact. Every rule then runs over the whole masked text (HTML tags may span
lines) and reports positions as (line, column) within the file.
"""
from __future__ import annotations

import html
import re

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")

FORBIDDEN_TAG = re.compile(r"<\s*(script|iframe|object|embed|style)\b", re.I)
HTML_TAG = re.compile(r"<([A-Za-z][\w:-]*)\b([^<>]*)>", re.S)
ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
EVENT_HANDLER = re.compile(r"(?:^|[\s\"'/])(on[a-z]{3,})\s*=", re.I)
JAVASCRIPT_URL = re.compile(
    r"(?:\]\(\s*<?|^[ \t]*\[[^\]]+\]:\s*<?|<|(?:href|src|action|formaction|xlink:href|data|poster)\s*=\s*[\"']?)"
    r"\s*javascript:", re.I | re.M)
# Elements whose URL attributes load something into the page (links with <a> are fine).
MEDIA_TAGS = {"img", "video", "audio", "source", "track", "link", "script", "input", "image", "use", "picture"}
URL_ATTR = re.compile(r"\b(src|href|srcset|poster|xlink:href|data)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
ALT_ATTR = re.compile(r"\balt\s*=\s*(\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?:https?:)?//", re.I)
MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<url>[^)\s>]*)")
MD_IMAGE_REF = re.compile(r"!\[(?P<alt>[^\]]*)\]\[(?P<ref>[^\]]*)\]")
LINK_DEF = re.compile(r"^[ \t]{0,3}\[(?P<ref>[^\]]+)\]:\s*<?(?P<url>\S+?)>?(?:\s|$)", re.M)
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)

ATX_HEADING = re.compile(r"^[ \t]*(#{1,6})(?:[ \t]|$)")
HTML_HEADING = re.compile(r"<h([1-6])\b", re.I)
SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
NOT_PARAGRAPH = re.compile(r"^\s*$|^[ \t]*(?:[-*+]|\d+[.)]|>|#|\||!!!|\?\?\?|<)")


def mask_code(body: str) -> str:
    """`body` with fenced code and inline code replaced by spaces (same length)."""
    out = []
    fence = None
    for line in body.splitlines(keepends=True):
        match = FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not line[match.end():].strip():
                fence = None
            out.append(_blank(line))
        elif match:
            fence = match.group(1)
            out.append(_blank(line))
        else:
            out.append(CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "".join(out)


def _blank(line: str) -> str:
    return re.sub(r"[^\n]", " ", line)


class _Positions:
    """Turns offsets in the body into (line, column) in the file."""

    def __init__(self, text: str, first_line: int):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.first_line = first_line

    def __call__(self, offset: int) -> tuple[int, int]:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.first_line + lo, offset - self.starts[lo] + 1


def check_body(body: str, body_line: int) -> list[tuple]:
    """Problems in a page's Markdown body as (line, column, code, message, hint)."""
    text = mask_code(body)
    at = _Positions(text, body_line)
    problems: list[tuple] = []

    def add(offset, code, message, hint):
        problems.append((*at(offset), code, message, hint))

    for m in FORBIDDEN_TAG.finditer(text):
        add(m.start(), "KB121", f"<{m.group(1).lower()}> is not allowed in content",
            "remove it: pages may not run code or embed other sites (the CSP would block it anyway); "
            "styles belong in overrides/assets/stylesheets/")

    for m in HTML_TAG.finditer(text):
        tag, attrs = m.group(1).lower(), m.group(2)
        for handler in EVENT_HANDLER.finditer(attrs):
            add(m.start(2) + handler.start(1), "KB122", f"inline event handler `{handler.group(1)}=` on <{tag}>",
                "remove it; behaviour belongs in a script under overrides/assets/javascripts/")
        if tag in MEDIA_TAGS:
            for attr in URL_ATTR.finditer(attrs):
                value = attr.group(2).strip("\"'")
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if attr.group(1).lower() == "srcset" \
                    else [value]
                if any(REMOTE.match(html.unescape(url)) for url in urls):
                    add(m.start(2) + attr.start(), "KB124", f"<{tag} {attr.group(1)}=…> loads {value} from another host",
                        "copy the file into docs/ (if its licence allows) and link it relatively; "
                        "loading from other hosts leaks visitors' IP addresses")
        if tag == "img":
            alt = ALT_ATTR.search(attrs)
            if not alt or not (alt.group(2) or alt.group(3) or alt.group(4) or "").strip():
                add(m.start(), "KB131", "<img> without alt text",
                    "add alt=\"what the image shows\"; every image needs a text alternative")
    for m in ATTR_LIST.finditer(text):
        for handler in EVENT_HANDLER.finditer(m.group(1)):
            add(m.start(1) + handler.start(1), "KB122", f"inline event handler `{handler.group(1)}=` in an attribute list",
                "remove it; behaviour belongs in a script under overrides/assets/javascripts/")

    for m in JAVASCRIPT_URL.finditer(html.unescape(text).replace("\t", " ")):
        add(m.start(), "KB123", "javascript: URL", "link to a page or an https:// address instead")

    for m in CSS_URL.finditer(text):
        add(m.start(), "KB124", "CSS url() loads a file from another host",
            "remove inline styles; styles belong in overrides/assets/stylesheets/")

    definitions = {d.group("ref").strip().lower(): d.group("url") for d in LINK_DEF.finditer(text)}
    for m in MD_IMAGE.finditer(text):
        _image(add, m.start(), m.group("alt"), m.group("url"))
    for m in MD_IMAGE_REF.finditer(text):
        ref = (m.group("ref") or m.group("alt")).strip().lower()
        _image(add, m.start(), m.group("alt"), definitions.get(ref, ""))

    problems.extend(_headings(text, at))
    if not has_text(body):
        problems.append((*at(0), "KB134", "the page has no text: nothing but headings and comments",
                         "write the page's text under its heading; a page is only published with content"))
    return sorted(problems)


HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def has_text(body: str) -> bool:
    """True when the body has something besides headings, HTML comments and blank lines."""
    for line in HTML_COMMENT.sub("", body).splitlines():
        stripped = line.strip()
        if stripped and not ATX_HEADING.match(line) and not SETEXT.match(line):
            return True
    return False


def _image(add, offset: int, alt: str, url: str) -> None:
    if not alt.strip():
        add(offset, "KB131", "image without alt text", "write ![what the image shows](file.png)")
    if REMOTE.match(url):
        add(offset, "KB124", f"image loaded from another host: {url}",
            "copy the file into docs/ (if its licence allows) and link it relatively; "
            "loading from other hosts leaks visitors' IP addresses")


def _headings(text: str, at: _Positions) -> list[tuple]:
    """One h1 per page, and no skipped levels."""
    headings = []  # (offset, level)
    lines = text.splitlines(keepends=True)
    offset = 0
    for index, line in enumerate(lines):
        match = ATX_HEADING.match(line)
        if match:
            headings.append((offset, len(match.group(1))))
        elif index > 0 and SETEXT.match(line) and not NOT_PARAGRAPH.match(lines[index - 1]) \
                and not SETEXT.match(lines[index - 1]) and not ATX_HEADING.match(lines[index - 1]):
            level = 1 if line.strip()[0] == "=" else 2
            headings.append((offset - len(lines[index - 1]), level))
        offset += len(line)
    headings.extend((m.start(), int(m.group(1))) for m in HTML_HEADING.finditer(text))
    headings.sort()

    problems = []
    h1s = [offset for offset, level in headings if level == 1]
    if not h1s:
        problems.append((*at(0), "KB132", "the page has no level-1 heading",
                         "start the body with `# Title` (the same as `title:` in the front matter)"))
    for extra in h1s[1:]:
        problems.append((*at(extra), "KB132", "a second level-1 heading; a page has exactly one",
                         "make it `## …`"))
    previous = None
    for offset, level in headings:
        if previous is not None and level > previous + 1:
            problems.append((*at(offset), "KB133", f"heading level {level} follows level {previous}",
                             f"use {'#' * (previous + 1)} here; headings must not skip levels"))
        previous = level
    return problems
