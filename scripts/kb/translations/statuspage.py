"""The translators' status page, written into the built site (Swedish only).

A standalone, accessible HTML page at site/oversattningsstatus/index.html: the
same matrix as `kb translations status`, with a link to every page that exists
in the built site. It is not a MkDocs page, so it is in neither the navigation,
the search index nor the sitemap, and it asks search engines not to index it.
It loads nothing: its few styles are inline and allowed by hash in its CSP.
Like every page of the site it has the quick-exit control (GitHub issue 13),
copied with its script from the built site by kb.quick_exit.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from html import escape
from pathlib import Path

from kb import quick_exit as quick_exit_control
from kb.project import BY_LOCALE
from kb.translations import glossary, reviewview, ui_strings
from kb.translations.status import STATES, TARGET_LOCALES, Entry, collect, totals

PATH = "oversattningsstatus/index.html"
STATE_TEXT = {
    "current": "aktuell",
    "outdated": "inaktuell – svenska sidan har ändrats",
    "machine": "ej granskad",
    "missing": "saknas",
    "orphan": "svensk sida saknas",
}
STATE_HELP = {
    "current": "granskad av en kvalificerad översättare och översatt från den svenska texten som den är nu",
    "outdated": "den svenska sidan har ändrats sedan översättningen gjordes; läsarna ser en varning",
    "machine": "inte granskad av en kvalificerad översättare än; läsarna ser en upplysning",
    "missing": "ingen översättning; läsarna ser den svenska sidan",
    "orphan": "en översättning vars svenska sida inte finns",
}
CSS = """
body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#1a1a1a;background:#fff;line-height:1.5}
table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:start;vertical-align:top}
thead th{background:#f0f0f0}
caption{text-align:start}dt{font-weight:bold}
a{color:#0b4f8a}
.current{background:#e6f4ea}.outdated{background:#fde8e8}.machine{background:#fff4d6}
.missing,.orphan{background:#f3f3f3}
""".strip()


def url_of(rel: str, lang: str | None = None) -> str:
    """The site URL (relative to the site root, directory URLs) of a page in docs/."""
    stem = rel[: -len(".md")]
    path = "" if stem in ("index", "") else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    return f"{lang}/{path}" if lang else path


def _link(url: str, text: str, exists: Callable[[str], bool], lang: str | None = None) -> str:
    attrs = f' hreflang="{escape(lang)}"' if lang else ""
    if not exists(url):
        return escape(text)
    return f'<a href="../{escape(url)}"{attrs}>{escape(text)}</a>'


def render(entries: list[Entry], exists: Callable[[str], bool], built_on: dt.date,
           quick_exit: tuple[str, str] | None = None) -> str:
    """The page's HTML. `exists(url)` says whether a page is in the built site;
    `quick_exit` is the quick-exit control's markup and script (kb.quick_exit)."""
    languages = [BY_LOCALE[locale] for locale in TARGET_LOCALES]
    head_cells = "".join(
        f'<th scope="col"><span lang="{lang.bcp47}" dir="{lang.dir}">{escape(lang.name)}</span> ({lang.locale})</th>'
        for lang in languages)
    rows: dict[str, dict[str, Entry]] = {}
    for entry in entries:
        rows.setdefault(entry.page, {})[entry.lang] = entry
    body_rows = []
    for page, by_lang in rows.items():
        first = next(iter(by_lang.values()))
        page_cell = _link(url_of(page), page, exists) if first.state != "orphan" else escape(page)
        cells = []
        for lang in languages:
            cell = by_lang.get(lang.locale)
            if cell is None:
                cells.append("<td></td>")
                continue
            entry = cell
            text = STATE_TEXT[entry.state]
            if entry.translation:
                text = _link(url_of(entry.translation.replace(f".{lang.locale}.md", ".md"), lang.locale),
                             text, exists, lang.bcp47)
            if entry.translation and entry.state != "orphan":   # the side-by-side review view
                text += f' <a href="../{escape(reviewview.url_of(entry))}">(granska)</a>'
            cells.append(f'<td class="{entry.state}">{text}</td>')
        changed = first.source_changed_on or "–"
        body_rows.append(f'<tr><th scope="row">{page_cell}</th><td>{changed}</td>{"".join(cells)}</tr>')
    counts = totals(entries)
    total_rows = "".join(
        f'<tr><th scope="row">{STATE_TEXT[state]}</th>'
        + "".join(f"<td>{counts[lang.locale][state]}</td>" for lang in languages) + "</tr>"
        for state in STATES)
    legend = "".join(f"<dt>{STATE_TEXT[s]}</dt><dd>{STATE_HELP[s]}</dd>" for s in STATES)
    main = f"""<h1>Översättningsstatus</h1>
<p>Den här sidan är till för översättare och redaktörer. Den visar läget för varje svensk sida
på varje språk när webbplatsen byggdes {built_on.isoformat()}. Kör <code>kb translations status</code>
för att se exakt vad som har ändrats i den svenska texten sedan en översättning gjordes.</p>
<h2>Vad läget betyder</h2>
<dl>{legend}</dl>
<h2>Sidor och språk</h2>
<table>
<caption>Läget för varje svensk sida på varje språk. Kolumnen ”Svenska texten ändrad” visar när den svenska texten senast ändrades.</caption>
<thead><tr><th scope="col">Svensk sida</th><th scope="col">Svenska texten ändrad</th>{head_cells}</tr></thead>
<tbody>
{chr(10).join(body_rows)}
</tbody>
</table>
<h2>Summa per språk</h2>
<table>
<caption>Antal sidor i varje läge per språk</caption>
<thead><tr><th scope="col">Läge</th>{head_cells}</tr></thead>
<tbody>{total_rows}</tbody>
</table>
<p><a href="../">Till startsidan</a></p>"""
    return quick_exit_control.standalone_page("Översättningsstatus – för översättare och redaktörer", main, CSS,
                                              quick_exit)


def write(site_dir: Path, root: Path, built_on: dt.date | None = None,
          building: Collection[str] | None = None) -> Path:
    """Write the status page into the built site and return its path.

    `building`: the languages whose build is still under way (their pages are not written yet);
    each of them will have every page the Swedish site has (a missing translation shows the
    Swedish page), so a link to one of their pages is kept when the Swedish page exists."""
    def exists(url: str) -> bool:
        locale, _, rest = url.partition("/")
        if building and locale in building:
            url = rest
        return (site_dir / url / "index.html").is_file()

    target = site_dir / PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    control = quick_exit_control.for_site(site_dir)
    entries = collect(root)
    target.write_text(render(entries, exists, built_on or dt.date.today(), control), encoding="utf-8")
    write_review_pages(site_dir, root, entries, built_on or dt.date.today(), control)
    return target


def write_review_pages(site_dir: Path, root: Path, entries: list[Entry], built_on: dt.date,
                       quick_exit: tuple[str, str] | None = None) -> list[Path]:
    """The review view (kb.translations.reviewview) for every translation, beside this page."""
    folder = root / "overrides" / "partials" / "languages"
    ui = {locale: ui_strings.load(locale, folder) for locale in TARGET_LOCALES}
    path = root / "data" / "glossary.yml"
    terms = glossary.load(path, ui) if path.exists() else []
    return reviewview.write_all(site_dir, root, entries, terms, built_on, quick_exit)
