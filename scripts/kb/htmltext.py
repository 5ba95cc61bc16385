"""Rewrite the text of rendered HTML outside chosen elements (the build's law links and tooltips).

Pure: HTML in, HTML out. Tags and comments pass through unchanged; each run of
text between them is given to `rewrite`, unless it is inside one of the `skip`
elements (counted by depth, so nesting and stray closing tags are harmless).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection

TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)\s*>")


def rewrite_text(html: str, skip: Collection[str], rewrite: Callable[[str], str]) -> str:
    """`html` with every text run outside the `skip` elements (lower-case tag names) rewritten.
    Runs are passed as they are in the HTML (entities not decoded)."""
    out: list[str] = []
    depth = 0
    for piece in TOKEN.split(html):
        if not piece:
            continue
        if piece.startswith("<"):
            tag = TAG.match(piece)
            if tag and not tag.group(3) and tag.group(2).lower() in skip:
                depth = max(depth + (-1 if tag.group(1) else 1), 0)
            out.append(piece)
        else:
            out.append(rewrite(piece) if not depth else piece)
    return "".join(out)
