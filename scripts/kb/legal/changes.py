"""The public page of coming changes in the law, and its Atom feed (pure: no I/O, no MkDocs).

From the snapshot and the pages' citations: every cited provision (or cited act) with a
dated change in a window around today – a new wording that enters into force, a wording
or a whole chapter that ceases, an amendment in force, a repeal – with the date, the act
that makes the change and the site pages that cite it. Future changes come first (what a
professional must prepare for), then recent ones.

    changes = collect(checker, {"vagledning/orosanmalan.md": markdown, ...})
    markdown_page(changes, checker.today)   -> the page body (Swedish)
    atom_feed(changes, site_url, updated)   -> Atom 1.0 XML

The kb plugin (kb.plugin.plugin, on_files) calls these once per build with its checker and the
Swedish pages, and adds the page (/lagandringar/, in the theme) and the feed as generated files.
"""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass, field

from kb.legal.check import Checker, _date, official_url
from kb.legal.sources import key

PAST_DAYS = 365     # "recently": changes in force during the last year
FUTURE_DAYS = 3650  # everything announced ahead
FEED_PATH = "lagandringar.xml"  # the Atom feed, at the site root


@dataclass
class Change:
    date: dt.date
    sfs: str                 # the act changed
    title: str               # its title
    provision: str           # "19 kap. 1 §", "9 kap.", "" for the whole act
    kind: str                # "ny lydelse", "upphör", "ändras", "upphävs", "träder i kraft"
    by: str | None           # the amending act, when known
    url: str
    pages: list[str] = field(default_factory=list)


def collect(checker: Checker, pages: dict[str, str], past_days: int = PAST_DAYS,
            future_days: int = FUTURE_DAYS, judge: Callable[[str], list] | None = None) -> list[Change]:
    """Dated changes of every provision and act the pages cite, inside the window around `checker.today`.
    `judge` stands in for `checker.judge` (the kb plugin passes one that remembers unchanged pages)."""
    judge = judge or checker.judge
    today = checker.today
    first, last = today - dt.timedelta(days=past_days), today + dt.timedelta(days=future_days)
    cited: dict[tuple[str, str | None, str | None], set[str]] = {}
    for page, markdown in sorted(pages.items()):
        for citation, verdict, _url in judge(markdown):
            sfs = citation.sfs or verdict.sfs
            if sfs and sfs in checker.records:
                cited.setdefault((sfs, citation.chapter, citation.section), set()).add(page)
                if citation.section_end:
                    cited.setdefault((sfs, citation.chapter, citation.section_end), set()).add(page)
    found: dict[tuple, Change] = {}

    def add(date, sfs, provision, kind, by, chapter, section, pages_):
        if date is None or not first <= date <= last:
            return
        record = checker.records[sfs]
        title = record.get("title") or sfs
        ident = (date, sfs, provision, kind)
        change = found.get(ident)
        if change is None:
            change = found[ident] = Change(date, sfs, title, provision, kind, by,
                                           official_url(sfs, title, chapter, section))
        change.pages = sorted(set(change.pages) | pages_)

    for (sfs, chapter, section), pages_ in cited.items():
        record = checker.records[sfs]
        if section is None and chapter is None:  # a citation of the whole act
            add(_date(record.get("repealed_on")), sfs, "", "upphävs", record.get("repealed_by"), None, None, pages_)
            add(_date(record.get("in_force_from")), sfs, "", "träder i kraft", None, None, None, pages_)
            continue
        if section is None:  # a whole chapter: its sections' dated changes
            prefix = f"{chapter} kap. "
            provisions = [p for p in record.get("provisions") or {} if p.startswith(prefix)]
        else:
            provisions = [key(chapter, section)]
        for provision in provisions:
            number = provision.removesuffix(" §").split("kap. ")[-1]
            for version in (record.get("provisions") or {}).get(provision, {}).get("versions", []):
                add(_date(version.get("from")), sfs, provision, "ny lydelse", version.get("amended_by"), chapter,
                    number, pages_)
                add(_date(version.get("until")), sfs, provision, "upphör", version.get("repealed_by"), chapter,
                    number, pages_)
            for entry in (record.get("amendment_index") or {}).get(provision, []):
                kind = {"repealed": "upphävs", "renumbered": "får ny beteckning"}.get(entry["action"], "ändras")
                add(_date(entry.get("in_force")), sfs, provision, kind, entry["sfs"], chapter, number, pages_)
    # A wording that ceases and its successor on the same day, or an amendment and the new wording
    # it brings, are one change.
    merged: dict[tuple, Change] = {}
    wording = {"upphör", "ny lydelse", "ändras"}
    for change in found.values():
        ident = (change.date, change.sfs, change.provision)
        other = merged.get(ident)
        if other is None:
            merged[ident] = change
        elif {other.kind, change.kind} <= wording:
            other.kind = "ändras" if "ändras" in {other.kind, change.kind} else "ny lydelse"
            other.by = other.by or change.by
            other.pages = sorted(set(other.pages) | set(change.pages))
        else:
            merged[ident + (change.kind,)] = change
    changes = list(merged.values())
    upcoming = sorted((c for c in changes if c.date > today), key=lambda c: (c.date, c.sfs, c.provision))
    recent = sorted((c for c in changes if c.date <= today), key=lambda c: (c.date, c.sfs, c.provision), reverse=True)
    return upcoming + recent


def _what(change: Change) -> str:
    target = f"{change.provision} i {change.title}" if change.provision else change.title
    by = f" genom SFS {change.by}" if change.by else ""
    return f"{target}: {change.kind}{by}"


def _page_link(page: str, base: str | None) -> str:
    """A link to the built page: 'vagledning/orosanmalan.md' -> '../vagledning/orosanmalan/' (from /lagandringar/);
    with base None, a link to the Markdown source, for a page MkDocs renders (it resolves it in every language)."""
    if base is None:
        return f"[{page}]({page})"
    url = page.removesuffix(".md")
    url = url.removesuffix("index").rstrip("/")
    return f"[{page}]({base}{url + '/' if url else ''})"


def markdown_page(changes: list[Change], today: dt.date, base: str | None = "../") -> str:
    """The page body in Swedish: what is about to change, then what changed during the last year.
    `base` None: links to Markdown sources, for the page the kb plugin adds to the MkDocs build."""
    lines = ["Ändringar i lagar och förordningar som sidorna hänvisar till, hämtade ur den kontrollerade "
             f"ögonblicksbilden av SFS. Läget den {today.isoformat()}. Prenumerera via Atom-flödet "
             f"[lagandringar.xml]({base or ''}{FEED_PATH}).", ""]
    for heading, part in (("På väg", [c for c in changes if c.date > today]),
                          ("Nyligen", [c for c in changes if c.date <= today])):
        lines += [f"## {heading}", ""]
        if not part:
            lines += ["Inga ändringar.", ""]
            continue
        lines += ["| Datum | Ändring | Sidor |", "| --- | --- | --- |"]
        for change in part:
            what = f"[{_what(change)}]({change.url})"
            lines.append(f"| {change.date.isoformat()} | {what} | {', '.join(_page_link(p, base) for p in change.pages)} |")
        lines.append("")
    return "\n".join(lines)


def atom_feed(changes: list[Change], site_url: str, updated: dt.datetime, feed_path: str = "lagandringar.xml") -> str:
    """Atom 1.0 (RFC 4287): one entry per change, newest date first; ids are stable across builds."""
    base = site_url.rstrip("/") + "/"
    host = base.split("//", 1)[-1].split("/", 1)[0] or "localhost"

    def stamp(day: dt.date) -> str:
        return f"{day.isoformat()}T00:00:00Z"

    entries = []
    for change in sorted(changes, key=lambda c: (c.date, c.sfs, c.provision), reverse=True):
        ident = f"tag:{host},{change.date.isoformat()}:{change.sfs}/{change.provision or 'act'}/{change.kind}"
        pages = "".join(f"<li>{html.escape(p)}</li>" for p in change.pages)
        summary = html.escape(f"<p>{html.escape(_what(change))}, {change.date.isoformat()}.</p><ul>{pages}</ul>")
        entries.append(
            "  <entry>\n"
            f"    <id>{html.escape(ident)}</id>\n"
            f"    <title>{html.escape(change.date.isoformat() + ' ' + _what(change))}</title>\n"
            f"    <updated>{stamp(change.date)}</updated>\n"
            f'    <link rel="alternate" href="{html.escape(change.url)}"/>\n'
            f'    <content type="html">{summary}</content>\n'
            "  </entry>\n")
    updated_text = updated.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">\n'
            f"  <id>{html.escape(base + feed_path)}</id>\n"
            "  <title>Lagändringar som berör kunskapsbanken</title>\n"
            f"  <updated>{updated_text}</updated>\n"
            f'  <link rel="self" href="{html.escape(base + feed_path)}"/>\n'
            "  <author><name>Nationella kunskapsbanken om hedersrelaterat våld och förtryck</name></author>\n"
            + "".join(entries) + "</feed>\n")
