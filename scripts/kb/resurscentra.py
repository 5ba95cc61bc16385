"""Regional resource centres: data/resurscentra.yml rendered into a page.

A page asks for the table with the marker `<!-- kb:resurscentra -->`; the build
hook replaces it, so the facts live in one place (the data file) with sources.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from kb.findings import KbError
from kb.project import DATA_DIR

MARKER = "<!-- kb:resurscentra -->"
OFFERS = {
    "yrkesverksamma": "konsultation för yrkesverksamma",
    "utsatta": "stöd till utsatta",
    "anonymt": "går att kontakta anonymt",
}
REQUIRED = ("name", "county", "status", "offers", "source")
# `offers: okänt` where the source does not say what a centre offers (not the same as offering nothing).
UNKNOWN = "okänt"
UNKNOWN_TEXT = "framgår inte av källan"


class DataError(KbError, ValueError):
    """data/resurscentra.yml is malformed; the message names the entry and the field."""


def load(path: Path = DATA_DIR / "resurscentra.yml") -> dict:
    """Read and validate the data file; errors name the entry and the field."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for number, centre in enumerate(data.get("centres") or [], start=1):
        label = f"{path.name}: centre {number} ({centre.get('name', '?')})"
        for key in REQUIRED:
            if key not in centre:
                raise DataError(f"{label}: missing `{key}`")
        offers = centre["offers"]
        if isinstance(offers, str) and offers != UNKNOWN:
            raise DataError(f"{label}: `offers: {offers}` – write a list of {sorted(OFFERS)}, "
                            f"[] for no operations yet, or `{UNKNOWN}` when the source does not say")
        unknown = set() if offers == UNKNOWN else set(offers) - set(OFFERS)
        if unknown:
            raise DataError(f"{label}: unknown offer(s) {sorted(unknown)}; use {sorted(OFFERS)}")
        if not centre["source"].get("checked"):
            raise DataError(f"{label}: `source.checked` (the date the fact was checked) is missing")
    return data


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(data: dict) -> str:
    """A Markdown table of the centres, sorted by county, with a dated caption."""
    rows = [
        "| Län | Verksamhet | Läge | Erbjuder | Kontakt |",
        "| --- | --- | --- | --- | --- |",
    ]
    for centre in sorted(data["centres"], key=lambda c: (c["county"], c["name"])):
        if centre["offers"] == UNKNOWN:
            offers = UNKNOWN_TEXT
        else:
            offers = ", ".join(OFFERS[o] for o in centre["offers"]) or "ännu ingen operativ verksamhet"
        url = centre.get("contact_url") or data["overview_url"]
        rows.append(
            f"| {_cell(centre['county'])} | {_cell(centre['name'])} | {_cell(centre['status'])} "
            f"| {offers} | [Mer information]({url}) |"
        )
    caption = (
        f"\n*Läget den {data['as_of']} enligt Nationellt centrum mot hedersrelaterat våld och "
        "förtrycks årliga redovisning (Rapport 2024:2) och Länsstyrelsen Västmanlands beslut 2023-05-03.*\n"
    )
    return "\n".join(rows) + "\n" + caption


def expand(markdown: str, data: dict | None = None) -> str:
    """Replace the marker with the table; `data` is what `load()` returned (read once per build)."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, render(data if data is not None else load()))
