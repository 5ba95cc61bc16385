"""Link citations of Swedish law in rendered HTML to the official text (kept free of MkDocs imports).

Every citation outside headings, code and existing links becomes
`<a class="kb-law" href="https://www.riksdagen.se/…#K4P4e" rel="noreferrer">`.
Citations whose status needs a reader's caution (amended-since-review,
changes-soon, unverifiable) get the class `kb-law--warning` and a title that
says why. Failing statuses (repealed, unknown-*) are returned so that the
build can stop; see kb/plugin/plugin.py, which keeps one checker per build.
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

from kb.htmltext import rewrite_text
from kb.legal.check import FAILING, SEVERITY, Checker

WARNING = {"amended-since-review", "changes-soon", "unverifiable", "ambiguous"}
PLAIN = {"ok", "historical"}  # a repealed act mentioned as history links to its text without a warning
SKIP = {"a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "button", "svg", "title",
        "h1", "h2", "h3", "h4", "h5", "h6"}
DIGIT = re.compile(r"\d")
# A citation written the Swedish way ("4 kap. 4 e § brottsbalken", "lagen (1988:688)"), not "Chapter 4, Section 4".
SWEDISH = re.compile(r"§|\bkap\b|\b\w*(?:lag|lagen|balk|balken|förordning)(?:s|ens)?\b|\bSFS\b", re.I)


@dataclass(frozen=True)
class Problem:
    text: str
    status: str
    message: str
    hint: str


def link_citations(html: str, checker: Checker, reviewed=None) -> tuple[str, list[Problem], set[str]]:
    """Return (html with links, failing citations, SFS numbers cited)."""
    problems: list[Problem] = []
    cited: set[str] = set()

    def link(piece: str) -> str:
        if not DIGIT.search(piece):
            return piece   # every citation has a number in it
        return _link_text(piece, checker, reviewed, problems, cited)

    return rewrite_text(html, SKIP, link), problems, cited


def _link_text(piece: str, checker: Checker, reviewed, problems: list, cited: set) -> str:
    text = htmllib.unescape(piece)
    groups: dict[tuple[int, int], list] = {}
    for citation, verdict, url in checker.judge(text, reviewed):
        groups.setdefault((citation.offset, len(citation.text)), []).append((citation, verdict, url))
        sfs = citation.sfs or verdict.sfs
        if sfs:
            cited.add(sfs)
    if not groups:
        return piece
    out, position = [], 0
    for (offset, length), judged in sorted(groups.items()):
        citation, verdict, url = min(judged, key=lambda j: SEVERITY.index(j[1].status))
        url = judged[0][2] or url
        out.append(htmllib.escape(text[position:offset], quote=False))
        shown = htmllib.escape(text[offset:offset + length], quote=False)
        if verdict.status in FAILING:
            problems.append(Problem(" ".join(citation.text.split()), verdict.status, verdict.message, verdict.hint))
        level = "warning" if verdict.status in WARNING else "error"
        # Isolated left-to-right (in Arabic, Persian, Dari and Sorani text a citation such as
        # "19 kap. 1 § socialtjänstlagen (2025:400)" would otherwise be reordered on screen) and,
        # when written in Swedish, marked lang="sv" so screen readers pronounce it as Swedish.
        isolate = ' dir="ltr"' + (' lang="sv"' if SWEDISH.search(citation.text) else "")
        if url is None:
            out.append(f'<span class="kb-law kb-law--{level}"{isolate} title="{htmllib.escape(verdict.message)}">{shown}</span>')
        elif verdict.status in PLAIN:
            out.append(f'<a class="kb-law" href="{htmllib.escape(url)}" rel="noreferrer"{isolate}>{shown}</a>')
        else:
            out.append(f'<a class="kb-law kb-law--{level}" href="{htmllib.escape(url)}" rel="noreferrer"{isolate} '
                       f'title="{htmllib.escape(verdict.message)}">{shown}</a>')
        position = offset + length
    out.append(htmllib.escape(text[position:], quote=False))
    return "".join(out)


def checked_through(checker: Checker, cited: set[str]) -> str | None:
    """'2025:1501 (2025:400), 2025:730 (2010:800)': how far the snapshot's consolidation goes
    for each act the page cites (for acts known only by their amendment list, the latest listed)."""
    parts = []
    for sfs in sorted(cited):
        record = checker.records.get(sfs)
        if not record:
            continue
        through = record.get("consolidated_through") or record.get("latest_amendment_listed")
        if not through:  # a converted text without an amendment list: say how old the export is
            dated = [p.get("updated_upstream") for p in record.get("provenance", []) if p.get("updated_upstream")]
            through = f"SE-Lex {str(max(dated))[:10]}" if dated else None
        if through:
            parts.append(f"{through} ({sfs})")
    return ", ".join(parts) or None
