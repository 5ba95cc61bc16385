"""The review view: for one page and one language, the Swedish text and the translation side by side.

Written into the built site beside the translators' status page, at
site/oversattningsstatus/granska/<locale>/<page>/index.html, one page per
translation. Like the status page it is not a MkDocs page: it is in neither the
navigation, the search index nor the sitemap, it asks search engines not to
index it, and it loads nothing (inline styles allowed by hash in its CSP).

Block by block (paragraphs, lists, tables, headings; aligned section by
section), each column in its own language and direction, glossary terms marked
(<mark>, with the approved rendering as a tooltip; avoided renderings marked as
such), and for an outdated translation the change in the Swedish text since
the translation was made.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from kb import quick_exit as quick_exit_control
from kb.pages import Page, read_page
from kb.project import BY_LOCALE
from kb.translations.glossary import Term, needle
from kb.translations.history import History
from kb.translations.status import Entry, source_diff

FOLDER = "oversattningsstatus/granska"
HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
STATE_TEXT = {"current": "aktuell (granskad)", "machine": "maskinöversatt, inte granskad",
              "outdated": "inaktuell – den svenska sidan har ändrats sedan översättningen gjordes"}
CSS = """
body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#1a1a1a;background:#fff;line-height:1.5}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:1rem 0}
th,td{border:1px solid #767676;padding:.4rem .6rem;vertical-align:top;text-align:start;overflow-wrap:anywhere}
thead th{background:#f0f0f0}td.kb-num{width:3rem;color:#555}
td.kb-empty{background:#fde8e8}
mark{background:#fff4d6;color:inherit;border-bottom:2px solid #b07d00}
mark.kb-avoid{background:#fde8e8;border-bottom-color:#b00020}
pre.kb-diff{background:#f7f7f7;padding:.5rem;overflow-x:auto;white-space:pre-wrap}
.kb-del{background:#fde8e8}.kb-add{background:#e6f4ea}
a{color:#0b4f8a}
""".strip()


@dataclass(frozen=True)
class Block:
    text: str
    line: int          # first line in the file
    heading: bool


def blocks(body: str, first_line: int = 1) -> list[Block]:
    """The Markdown body as blocks separated by blank lines (a fenced code block is one block)."""
    out: list[Block] = []
    current: list[str] = []
    start = first_line
    fence = None
    for number, line in enumerate(body.split("\n"), start=first_line):
        match = FENCE.match(line)
        if fence:
            current.append(line)
            if match and match.group(1)[0] == fence[0]:
                fence = None
            continue
        if match:
            fence = match.group(1)
        if not line.strip() and not fence:
            if current:
                out.append(Block("\n".join(current), start, bool(HEADING.match(current[0]))))
                current = []
            continue
        if HEADING.match(line) and current:   # a heading always starts its own block
            out.append(Block("\n".join(current), start, bool(HEADING.match(current[0]))))
            current = []
        if not current:
            start = number
        current.append(line)
    if current:
        out.append(Block("\n".join(current), start, bool(HEADING.match(current[0]))))
    return out


def _sections(items: list[Block]) -> list[list[Block]]:
    sections: list[list[Block]] = [[]]
    for block in items:
        if block.heading:
            sections.append([])
        sections[-1].append(block)
    return sections


def align(source: list[Block], translation: list[Block]) -> list[tuple[Block | None, Block | None]]:
    """Pairs of blocks: section by section (a section starts at a heading), then in order within it."""
    pairs: list[tuple[Block | None, Block | None]] = []
    left, right = _sections(source), _sections(translation)
    for index in range(max(len(left), len(right))):
        a = left[index] if index < len(left) else []
        b = right[index] if index < len(right) else []
        for position in range(max(len(a), len(b))):
            pairs.append((a[position] if position < len(a) else None, b[position] if position < len(b) else None))
    return pairs


def _spans(text: str, patterns: list[tuple[re.Pattern, str, str]]) -> list[tuple[int, int, str, str]]:
    found: list[tuple[int, int, str, str]] = []
    taken = bytearray(len(text))  # 1 for each character already inside a match (first pattern wins)
    lowered = text.lower()
    for pattern, css, title in patterns:
        if needle(pattern) not in lowered:
            continue   # cheaper than the search (3,990 blocks × ~28 glossary patterns in each build)
        for match in pattern.finditer(text):
            start, end = match.span()
            if end > start and not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                found.append((start, end, css, title))
    return sorted(found)


def highlight(text: str, patterns: list[tuple[re.Pattern, str, str]]) -> str:
    """`text` escaped, with each match of `patterns` ((regex, css class, title)) in a <mark>."""
    out, position = [], 0
    for start, end, css, title in _spans(text, patterns):
        out.append(escape(text[position:start]))
        cls = f' class="{css}"' if css else ""
        out.append(f'<mark{cls} title="{escape(title)}">{escape(text[start:end])}</mark>')
        position = end
    out.append(escape(text[position:]))
    return "".join(out).replace("\n", "<br>\n")


def _flexible(phrase: str) -> re.Pattern:
    return re.compile(r"\s+".join(map(re.escape, phrase.split())), re.I)


def patterns_for(terms: list[Term], locale: str) -> tuple[list, list]:
    """(Swedish patterns, translation patterns) for highlighting, with tooltips."""
    swedish, translated = [], []
    for term in terms:
        rendering = term.languages.get(locale)
        if rendering is None:
            continue   # a term for other languages only (e.g. Dari words)
        approved = rendering.approved
        note = f"ordlistan: {term.term} → {approved or '–'}"
        note += f" ({'granskad' if rendering.status == 'reviewed' else 'inte granskad'})"
        swedish += [(pattern, "", note) for pattern in term.match]
        translated += [(_flexible(avoided), "kb-avoid", f"undvik: {avoided} – använd {approved}")
                       for avoided in rendering.avoid]
        translated += [(_flexible(form), "", note) for form in rendering.accepted]
        if rendering.keep_swedish:
            translated += [(pattern, "", note) for pattern in term.match]
    return swedish, translated


def render_diff(diff: str | None, explanation: str) -> str:
    if not diff:
        return f"<p>{escape(explanation)}.</p>"
    lines = []
    for line in diff.splitlines():
        css = "kb-del" if line.startswith("-") and not line.startswith("---") else \
            "kb-add" if line.startswith("+") and not line.startswith("+++") else ""
        lines.append(f'<span class="{css}">{escape(line)}</span>' if css else escape(line))
    return f'<p>{escape(explanation)}.</p>\n<pre class="kb-diff" lang="sv" dir="ltr">' + "\n".join(lines) + "</pre>"


def render(entry: Entry, source_body: str, source_line: int, translation_body: str, translation_line: int,
           terms: list[Term], diff: tuple[str | None, str] | None, built_on: dt.date,
           quick_exit: tuple[str, str] | None = None) -> str:
    """The review page's HTML for one translation (`entry` from kb.translations.status)."""
    language = BY_LOCALE[entry.lang]
    swedish_patterns, translated_patterns = patterns_for(terms, entry.lang)
    rows = []
    for number, (left, right) in enumerate(align(blocks(source_body, source_line),
                                                 blocks(translation_body, translation_line)), start=1):
        left_cell = (f'<td lang="sv" dir="ltr">{highlight(left.text, swedish_patterns)}</td>' if left
                     else '<td class="kb-empty" lang="sv" dir="ltr">(inget block här)</td>')
        right_cell = (f'<td lang="{language.bcp47}" dir="{language.dir}">{highlight(right.text, translated_patterns)}</td>'
                      if right else '<td class="kb-empty">(inget block här)</td>')
        where = " / ".join(filter(None, [f"sv {left.line}" if left else "", f"{entry.lang} {right.line}" if right else ""]))
        rows.append(f'<tr><td class="kb-num" title="rad i filen">{number}<br><small>{escape(where)}</small></td>'
                    f"{left_cell}{right_cell}</tr>")
    changed = ""
    if entry.state == "outdated" and diff is not None:
        changed = "<h2>Vad som har ändrats i den svenska texten</h2>\n" + render_diff(*diff)
    depth = "../" * (url_of(entry).rstrip("/").count("/") + 1)
    glossary_note = ("Markerade ord finns i ordlistan (data/glossary.yml); håll muspekaren över dem för den "
                     "godkända översättningen. Rödmarkerade ord ska undvikas.")
    main = f"""<h1>Granska översättningen: <span lang="{language.bcp47}" dir="{language.dir}">{escape(language.name)}</span> ({entry.lang})</h1>
<p>Svensk sida: <code>docs/{escape(entry.page)}</code>. Översättning: <code>docs/{escape(entry.translation or "")}</code>.
Läge: <strong>{escape(STATE_TEXT.get(entry.state, entry.state))}</strong>. Byggd {built_on.isoformat()}.</p>
<p>{glossary_note} Kör <code>kb translations check</code> för kontroller av siffror, telefonnummer, datum,
lagrum, länkar och rubriker.</p>
{changed}
<h2>Block för block</h2>
<table>
<caption>Den svenska texten och översättningen, block för block (avsnitt för avsnitt från rubrikerna)</caption>
<thead><tr><th scope="col">Block</th><th scope="col">Svenska</th><th scope="col"><span lang="{language.bcp47}" dir="{language.dir}">{escape(language.name)}</span></th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p><a href="{depth}oversattningsstatus/">Till översättningsstatus</a></p>"""
    return quick_exit_control.standalone_page(f"Granska {language.name}: {entry.page} – för översättare", main,
                                              CSS, quick_exit)


def url_of(entry: Entry) -> str:
    """The review page's address relative to the site root, e.g. oversattningsstatus/granska/ar/om-oss/."""
    stem = entry.page[: -len(".md")]
    path = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    return f"{FOLDER}/{entry.lang}/{path}"


def write_all(site_dir: Path, root: Path, entries: list[Entry], terms: list[Term], built_on: dt.date,
              quick_exit: tuple[str, str] | None = None) -> list[Path]:
    """Write one review page per existing translation (not orphans); return their paths."""
    docs = root / "docs"
    history = History(root)   # read once for every diff
    written = []
    sources: dict[str, Page] = {}
    for entry in entries:
        if not entry.translation or entry.state == "orphan":
            continue
        if entry.page not in sources:
            sources[entry.page] = read_page(docs / entry.page, docs)
        source = sources[entry.page]
        translation = read_page(docs / entry.translation, docs)
        diff = source_diff(root, entry, history) if entry.state == "outdated" else None
        html = render(entry, source.body, source.body_line, translation.body, translation.body_line,
                      terms, diff, built_on, quick_exit)
        target = site_dir / url_of(entry) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        written.append(target)
    return written
