"""Turn official records of an act into one snapshot record.

Three real formats:
- rkrattsbaser: the Government Offices' SFS index; one JSON document per act
  (`hits.hits[0]._source` of a term query on `beteckning.keyword`), with the
  consolidated text in `fulltext.forfattningstext`;
- SE-Lex: Markdown with YAML front matter (metadata and amending acts), text
  converted from the same source where the export could convert it;
- riksdagen: the Riksdag's open data, `dokumentstatus.dokument` with the text
  as HTML whose sections carry anchors `<a class="paragraf" name="K4P4e">`.

A record says what is known and where it came from; nothing is guessed.
`text` is "official" (consolidated text), "converted" (SE-Lex conversion, which
drops some sections) or None (metadata only).
"""
from __future__ import annotations

import html as htmllib
import re

import yaml

from kb.legal.registry import normalise_sfs

SECTION_ID = r"\d{1,4}(?: ?[a-z])?"
SFS_IN_TEXT = r"\d{4}:\d{1,4}(?:\s*s\.\s*\d+)?"
# "/Upphör att gälla U:2026-07-01/", "/Kapitlet upphör att gälla U:2026-07-01 genom lag 2025:729/",
# "/Rubriken träder i kraft I:2026-01-15/"
ANY_MARKER = re.compile(r"/(?:(Kapitlet|Rubriken)\s+)?(upphör att gälla U|träder i kraft I):(\d{4}-\d{2}-\d{2})[^/\n]*/", re.I)
MARKER_ONLY = re.compile(r"^(?:/[^/\n]*(?:U|I):\d{4}-\d{2}-\d{2}[^/\n]*/\s*)+$")
AMENDED_BY = re.compile(rf"(?:Lag|Förordning|Kungörelse)\s*\(({SFS_IN_TEXT})\)\.\s*$")
REPEALED_THROUGH = re.compile(rf"^(?:har upphört att gälla|har upphävts) genom (?:lag|förordning|kungörelse) \(({SFS_IN_TEXT})\)", re.I)
REPEALS = re.compile(
    rf"Genom (?:lagen|förordningen|balken) upphävs ([^.;()]*?)\s*\(({SFS_IN_TEXT})\)", re.I
)


def key(chapter: str | None, section: str) -> str:
    """The provision key used throughout the snapshot: '19 kap. 1 §' or '31 a §'."""
    return f"{chapter} kap. {section} §" if chapter else f"{section} §"


def _id(value: str) -> str:
    match = re.fullmatch(r"(\d+)\s*([a-z]?)", value.strip())
    return f"{int(match.group(1))} {match.group(2)}".strip() if match else value.strip()


def _date(value) -> str | None:
    if value in (None, ""):
        return None
    return str(value)[:10]


def _sfs_or_none(value) -> str | None:
    if not value:
        return None
    found = re.search(SFS_IN_TEXT, str(value))
    return normalise_sfs(found.group(0)) if found else None


def _expand(first: str, last: str | None) -> list[str]:
    """'7'..'10' -> 7, 8, 9, 10; with letters only the two ends are certain."""
    first = _id(first)
    if not last:
        return [first]
    last = _id(last)
    if first.isdigit() and last.isdigit() and int(first) <= int(last) <= int(first) + 200:
        return [str(n) for n in range(int(first), int(last) + 1)]
    return [first, last]


# ---------------------------------------------------------------- amendments

NOTE_TOKEN = re.compile(
    rf"(?P<verb>ändr\.|nya|nytt|ny|upph\.|nuvarande|betecknas|rubr\.|författningsrubr\.|ikrafttr\.)"
    rf"|(?:(?P<chapter>{SECTION_ID})\s+kap\.?\s+)?(?P<sections>{SECTION_ID}(?:\s*-\s*{SECTION_ID})?"
    rf"(?:\s*,\s*{SECTION_ID}(?:\s*-\s*{SECTION_ID})?)*)\s*§§?"
)
ACTIONS = {"ändr.": "amended", "ny": "added", "nya": "added", "nytt": "added", "upph.": "repealed",
           "nuvarande": "renumbered", "betecknas": "added"}


WHOLE_CHAPTER = re.compile(rf"\s*(upph\.|nytt|ny)\s+({SECTION_ID})\s+kap\.?\s*")


def chapter_key(chapter: str) -> str:
    """The amendment index's key for a whole chapter ('35 kap.')."""
    return f"{_id(chapter)} kap."


def parse_notes(notes: str | None) -> list[tuple[str, str]]:
    """'ändr. 19 kap. 1, 6 §§; ny 16 kap. 2 a §' -> [('amended', '19 kap. 1 §'), ...].

    A whole chapter repealed or replaced ('upph. 35 kap.; nytt 35 kap.') is keyed
    by chapter_key. Headings (rubr.), transitional provisions and amendments of
    other amending acts ("... i 2006:000") are skipped.
    """
    found = []
    for segment in str(notes or "").split(";"):
        if re.search(r"\bi \d{4}:\d+", segment):
            continue
        whole = WHOLE_CHAPTER.fullmatch(segment)
        if whole:
            found.append((ACTIONS[whole.group(1)], chapter_key(whole.group(2))))
            continue
        action = None
        for token in NOTE_TOKEN.finditer(segment):
            if token.group("verb"):
                action = ACTIONS.get(token.group("verb"))  # rubr./ikrafttr. -> None: skip what follows
                continue
            if action is None:
                continue
            chapter = _id(token.group("chapter")) if token.group("chapter") else None
            for item in token.group("sections").split(","):
                ends = item.split("-")
                for section in _expand(ends[0], ends[1] if len(ends) > 1 else None):
                    found.append((action, key(chapter, section)))
    return found


def chronological(amendment: dict) -> tuple[str, str]:
    """Sort key, oldest first: the date of entry into force, or for an old act whose register
    entry has none, the end of its SFS year (it came into force then or soon after; sorting such
    acts last made 'upph.' of 1981 look newer than 'ny' of 1998)."""
    year = str(amendment.get("sfs", "9999")).split(":")[0]
    return (amendment.get("in_force") or f"{year}-12-31", str(amendment.get("sfs")))


def amendment_index(amendments: list[dict]) -> dict[str, list[dict]]:
    """provision -> the amending acts that touched it, oldest first."""
    index: dict[str, list[dict]] = {}
    ordered = sorted(amendments, key=chronological)
    for amendment in ordered:
        for action, provision in parse_notes(amendment.get("notes")):
            index.setdefault(provision, []).append(
                {"sfs": amendment["sfs"], "in_force": amendment.get("in_force"), "action": action}
            )
    return index


# ---------------------------------------------------------------- text

def _markers(text: str) -> list[tuple[str, str, str]]:
    """(scope, kind, date) for every temporal marker: scope '' (the section), 'kapitlet' or 'rubriken';
    kind 'from' or 'until'."""
    return [((m.group(1) or "").lower(), "until" if m.group(2).lower().startswith("upphör") else "from", m.group(3))
            for m in ANY_MARKER.finditer(text)]


def _new_version(markers, chapter_dates: dict) -> dict:
    version = {"from": None, "until": None, "amended_by": None, "repealed_by": None}
    for scope, kind, date in markers:
        if scope == "":
            version[kind] = date
    for kind, date in chapter_dates.items():  # a chapter that starts or ends on a date takes its sections along
        version[kind] = version[kind] or date
    return version


def provisions_from_plain(text: str) -> tuple[dict, str]:
    """Sections in rkrattsbaser's consolidated text; returns (provisions, transitional text).

    Real shapes handled: `1 § /Upphör att gälla U:2026-01-15/` and its successor
    `1 § /Träder i kraft I:2026-01-15/`; a second marker on the next line; a chapter
    heading carrying `/Kapitlet upphör att gälla U:…/` or preceded by
    `/Kapitlet träder i kraft I:…/`; `7-10 §§ har upphört att gälla genom lag (…)`.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = re.split(r"(?m)^[ \t]*Övergångsbestämmelser[ \t]*$", text, maxsplit=1)
    body, transitional = parts[0], (parts[1] if len(parts) > 1 else "")
    provisions: dict[str, dict] = {}
    chapter, chapter_dates, current = None, {}, None
    carried: list = []
    for paragraph in re.split(r"\n[ \t]*\n", body):
        lines = [line.strip() for line in paragraph.strip("\n").split("\n")]
        pending = carried
        while lines and MARKER_ONLY.match(lines[0]):
            pending = pending + _markers(lines.pop(0))
        if not lines or not lines[0]:
            carried = pending  # a paragraph of markers only: they belong to what follows
            continue
        carried = []
        first = lines[0]
        heading = re.match(rf"^({SECTION_ID}) kap\.(?:\s|$)", first, re.I)
        if heading and "§" not in first:
            chapter, current = _id(heading.group(1)), None
            chapter_dates = {kind: date for scope, kind, date in pending + _markers(first) if scope == "kapitlet"}
            continue
        span = re.match(rf"^({SECTION_ID})\s*-\s*({SECTION_ID}) §§\s+(.*)", first)
        if span:
            repealed = REPEALED_THROUGH.match(span.group(3))
            if repealed:
                for section in _expand(span.group(1), span.group(2)):
                    version = _new_version([], {})
                    version["repealed_by"] = normalise_sfs(repealed.group(1))
                    provisions.setdefault(key(chapter, section), {"versions": []})["versions"].append(version)
            current = None
            continue
        start = re.match(rf"^({SECTION_ID}) §(?:\s+(.*))?$", first)
        if start:
            rest = (start.group(2) or "").strip()
            markers = pending + _markers(rest)
            if len(lines) > 1 and MARKER_ONLY.match(lines[1]):
                markers += _markers(lines[1])
            version = _new_version(markers, chapter_dates)
            repealed = REPEALED_THROUGH.match(ANY_MARKER.sub("", rest).strip())
            if repealed:
                version["repealed_by"] = normalise_sfs(repealed.group(1))
            provisions.setdefault(key(chapter, _id(start.group(1))), {"versions": []})["versions"].append(version)
            current = version
        if current is not None:
            amended = AMENDED_BY.search("\n".join(lines))
            if amended:
                current["amended_by"] = normalise_sfs(amended.group(1))
    return provisions, transitional


def provisions_from_markdown(body: str) -> dict:
    """Sections in an SE-Lex Markdown body (headings `## 4 kap. ...`, `#### 4 e §`)."""
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)
    provisions: dict[str, dict] = {}
    chapter = None
    current: dict[str, str | None] | None = None
    for line in body.split("\n"):
        heading = re.match(rf"^#{{1,6}}\s+({SECTION_ID}) kap\.?(?:\s|$)", line)
        if heading:
            chapter, current = _id(heading.group(1)), None
            continue
        section = re.match(rf"^#{{1,6}}\s+({SECTION_ID}) §\s*$", line)
        if section:
            current = {"from": None, "until": None, "amended_by": None, "repealed_by": None}
            provisions.setdefault(key(chapter, _id(section.group(1))), {"versions": []})["versions"].append(current)
            continue
        if line.startswith("#"):
            continue
        if current is not None:
            amended = AMENDED_BY.search(line.strip())
            if amended:
                current["amended_by"] = normalise_sfs(amended.group(1))
    return provisions


def provisions_from_riksdagen_html(html: str) -> dict:
    """Sections in the Riksdag's SFS HTML: `<a class="paragraf" name="K4P4e">` (chapter-less: `P4e`)."""
    provisions: dict[str, dict] = {}
    anchors = list(re.finditer(r'<a\s+class="paragraf"\s+name="(?:K(\d+[a-z]?))?P(\d+)([a-z]?)"', html))
    for number, anchor in enumerate(anchors):
        end = anchors[number + 1].start() if number + 1 < len(anchors) else len(html)
        segment = htmllib.unescape(re.sub(r"<[^>]+>", " ", html[anchor.end():end]))
        chapter = _id(anchor.group(1)) if anchor.group(1) else None
        flat = " ".join(segment.split())
        # "/Upphör att gälla U:2027-01-11 genom lag (2026:1)./" may span tags; the flattened text keeps it whole.
        version = _new_version(_markers(flat[:300]), {})
        amended = AMENDED_BY.search(flat)
        if amended:
            version["amended_by"] = normalise_sfs(amended.group(1))
        section = f"{int(anchor.group(2))} {anchor.group(3)}".strip()
        provisions.setdefault(key(chapter, section), {"versions": []})["versions"].append(version)
    return provisions


# ---------------------------------------------------------------- records

def _title(sfs: str, title: str | None) -> str:
    title = " ".join(str(title or "").split())
    if not title or f"({sfs}" in title.replace(" s.", " s.") or re.search(r"\(\d{4}:\d+", title):
        return title
    words = title.split(" ", 1)
    if words[0] in ("Lag", "Förordning", "Kungörelse", "Tillkännagivande") and len(words) > 1:
        return f"{words[0]} ({sfs}) {words[1]}"
    return f"{title} ({sfs})"


def record_from_rkrattsbaser(doc: dict, origin: str, retrieved: str) -> dict:
    """A record from one rkrattsbaser `_source` document. Raises ValueError if it is not one."""
    if not isinstance(doc, dict) or "beteckning" not in doc:
        raise ValueError("not an rkrattsbaser SFS document (no `beteckning`)")
    sfs = normalise_sfs(doc["beteckning"])
    fulltext = doc.get("fulltext") or {}
    amendments = [
        {"sfs": normalise_sfs(a["beteckning"]), "in_force": _date(a.get("ikraftDateTime")),
         "notes": a.get("anteckningar") or "", "title": " ".join((a.get("rubrik") or "").split())}
        for a in doc.get("andringsforfattningar") or [] if a.get("beteckning")
    ]
    text = fulltext.get("forfattningstext") or ""
    provisions, transitional = provisions_from_plain(text) if text.strip() else ({}, "")
    return {
        "sfs": sfs,
        "title": _title(sfs, doc.get("rubrik")),
        "in_force_from": _date(doc.get("ikraftDateTime")),
        "repealed_on": _date(doc.get("upphavdDateTime")),
        "repealed_by": _sfs_or_none(fulltext.get("upphavdGenom")),
        "consolidated_through": _sfs_or_none(fulltext.get("andringInford")),
        "text": "official" if provisions else None,
        "provisions": provisions,
        "amendments": amendments,
        "repeals": [normalise_sfs(m.group(2)) for m in REPEALS.finditer(" ".join(transitional.split()))],
        "provenance": [{"source": "rkrattsbaser", "origin": origin, "retrieved": retrieved,
                        "updated_upstream": doc.get("uppdateradDateTime")}],
    }


def record_from_selex(markdown: str, origin: str, retrieved: str) -> dict:
    """A record from one SE-Lex Markdown file. Raises ValueError if it has no usable front matter."""
    match = re.match(r"\A---\s*\n(.*?\n)---\s*(?:\n|\Z)", markdown, re.S)
    if not match:
        raise ValueError("no YAML front matter")
    try:
        # BaseLoader: YAML 1.1 would read an unquoted 1990:52 as the base-60 number 119452.
        meta = yaml.load(match.group(1), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(meta, dict) or not meta.get("beteckning"):
        raise ValueError("front matter has no `beteckning`")
    sfs = normalise_sfs(meta["beteckning"])
    amendments = [
        {"sfs": normalise_sfs(a["beteckning"]), "in_force": _date(a.get("ikraft_datum")),
         "notes": a.get("anteckningar") or "", "title": " ".join((a.get("rubrik") or "").split())}
        for a in meta.get("andringsforfattningar") or [] if isinstance(a, dict) and a.get("beteckning")
    ]
    provisions = provisions_from_markdown(markdown[match.end():])
    return {
        "sfs": sfs,
        "title": _title(sfs, meta.get("rubrik")),
        "in_force_from": _date(meta.get("ikraft_datum")),
        "repealed_on": None,
        "repealed_by": None,
        "consolidated_through": None,
        "text": "converted" if provisions else None,
        "provisions": provisions,
        "amendments": amendments,
        "repeals": [],
        "provenance": [{"source": "se-lex", "origin": origin, "retrieved": retrieved,
                        "updated_upstream": _date(meta.get("publicerad_datum"))}],
    }


def record_from_riksdagen(doc: dict, origin: str, retrieved: str) -> dict:
    """A record from the Riksdag's `dokumentstatus` JSON. Raises ValueError if it is not one."""
    try:
        dokument = doc["dokumentstatus"]["dokument"]
    except (KeyError, TypeError):
        raise ValueError("not a Riksdagen dokumentstatus document") from None
    # Real SFS documents: "beteckning": "2011:1029", "titel": "Lag (2011:1029) om ...",
    # "undertitel": "t.o.m. SFS 2023:253" (how far the consolidation goes).
    found = re.search(SFS_IN_TEXT, str(dokument.get("beteckning") or "")) or \
        re.search(SFS_IN_TEXT, str(dokument.get("titel") or ""))
    if not found:
        raise ValueError("Riksdagen document has no SFS number in `beteckning` or `titel`")
    sfs = normalise_sfs(found.group(0))
    provisions = provisions_from_riksdagen_html(dokument.get("html") or "")
    return {
        "sfs": sfs,
        "title": _title(sfs, dokument.get("titel")),
        "in_force_from": None,
        "repealed_on": None,
        "repealed_by": None,
        "consolidated_through": _sfs_or_none(dokument.get("undertitel") or dokument.get("subtitel")),
        "text": "official" if provisions else None,
        "provisions": provisions,
        "amendments": [],
        "repeals": [],
        "provenance": [{"source": "riksdagen", "origin": origin, "retrieved": retrieved,
                        "updated_upstream": dokument.get("systemdatum")}],
    }


def record_from_curated(data: dict, origin: str, retrieved: str) -> dict:
    """A record from data/sfs-provisions/sfs-*.yml: sections read from a public page, for an act
    no machine-readable source has. `complete: false` makes its text "partial" (other sections are
    unverifiable, never inferred)."""
    if not isinstance(data, dict) or not data.get("sfs") or not data.get("source"):
        raise ValueError("a provision file needs `sfs` and `source`")
    sfs = normalise_sfs(data["sfs"])
    provisions = {}
    for provision in data.get("provisions") or []:
        provisions[str(provision)] = {"versions": [{"from": None, "until": None, "amended_by": None, "repealed_by": None}]}
    amendments = [{"sfs": normalise_sfs(a["sfs"]), "in_force": _date(a.get("in_force")), "notes": a.get("notes") or "",
                   "title": ""} for a in data.get("amendments") or [] if isinstance(a, dict) and a.get("sfs")]
    return {
        "sfs": sfs,
        "title": _title(sfs, data.get("title")),
        "in_force_from": _date(data.get("in_force_from")),
        "repealed_on": _date(data.get("repealed_on")),
        "repealed_by": _sfs_or_none(data.get("repealed_by")),
        "consolidated_through": _sfs_or_none(data.get("consolidated_through")),
        "text": "official" if data.get("complete") is True else "partial",
        "provisions": provisions,
        "amendments": amendments,
        "repeals": [],
        "provenance": [{"source": "curated", "origin": str(data["source"]), "retrieved": str(data.get("read") or retrieved),
                        "updated_upstream": None, "file": origin}],
    }


def merge(primary: dict, secondary: dict | None) -> dict:
    """Combine two records of one act: the primary's facts win, gaps are filled from the secondary."""
    if not secondary:
        return primary
    merged = dict(primary)
    for field in ("title", "in_force_from", "repealed_on", "repealed_by", "consolidated_through"):
        merged[field] = primary.get(field) or secondary.get(field)
    if not primary.get("provisions") and secondary.get("provisions"):
        merged["provisions"], merged["text"] = secondary["provisions"], secondary["text"]
    known = {a["sfs"] for a in primary.get("amendments", [])}
    merged["amendments"] = primary.get("amendments", []) + [
        a for a in secondary.get("amendments", []) if a["sfs"] not in known]
    merged["repeals"] = sorted(set(primary.get("repeals", [])) | set(secondary.get("repeals", [])))
    merged["provenance"] = primary.get("provenance", []) + secondary.get("provenance", [])
    return merged


def finish(records: dict[str, dict]) -> dict[str, dict]:
    """Cross-record facts: an act repealed by another record's transitional provisions;
    the amendment index per provision; the latest consolidated amendment."""
    for record in records.values():
        for repealed in record.get("repeals", []):
            target = records.get(repealed)
            if target and not target.get("repealed_by"):
                target["repealed_by"] = record["sfs"]
                target["repealed_on"] = target.get("repealed_on") or record.get("in_force_from")
                target["repealed_source"] = f"övergångsbestämmelser i {record['title']}"
    for record in records.values():
        record["amendment_index"] = amendment_index(record.get("amendments", []))
        if not record.get("consolidated_through") and record.get("amendments"):
            latest = max(record["amendments"], key=lambda a: (a.get("in_force") or "", a["sfs"]))
            record["latest_amendment_listed"] = latest["sfs"]
    return records
