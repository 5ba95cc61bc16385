"""`kb content report`: Swedish pages due for review, grouped by owner.

A page is due 12 months after its `reviewed` date (the same limit as
`kb content check`'s KB111). The report lists pages that are past due, those
due within the next 60 days, and pages without a valid review date, so each
owner can plan the work. Translations follow their Swedish page and are left out.
Pure: reads docs/, returns the report, prints nothing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

from kb.content.check import WARN_AFTER_MONTHS, months_before
from kb.pages import FrontMatterError, iter_markdown, read_page

NEAR_DAYS = 60
NO_OWNER = "(ingen ägare angiven)"


@dataclass(frozen=True)
class Due:
    page: str              # relative to docs/
    owner: str
    state: str             # past, near, or no-date
    reviewed: str | None   # YYYY-MM-DD
    due: str | None        # reviewed + 12 months
    days: int | None       # days until due (negative: days overdue)


def due_date(reviewed: dt.date) -> dt.date:
    return months_before(reviewed, -WARN_AFTER_MONTHS)


def review_report(docs_dir: Path, today: dt.date, near_days: int = NEAR_DAYS) -> dict[str, list[Due]]:
    """{owner: [Due, …]} for Swedish pages past or near their review date, owners sorted."""
    by_owner: dict[str, list[Due]] = {}
    for path in iter_markdown(docs_dir):
        try:
            page = read_page(path, docs_dir)
        except FrontMatterError:
            page = None
        if page is not None and page.is_translation:
            continue
        meta = page.meta if page else {}
        owner_value = meta.get("owner")
        owner: str = owner_value if isinstance(owner_value, str) and owner_value.strip() else NO_OWNER
        reviewed = meta.get("reviewed")
        rel = path.relative_to(docs_dir).as_posix()
        if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
            item = Due(rel, owner, "no-date", None, None, None)
        else:
            due = due_date(reviewed)
            days = (due - today).days
            if days > near_days:
                continue
            item = Due(rel, owner, "past" if days < 0 else "near", reviewed.isoformat(), due.isoformat(), days)
        by_owner.setdefault(owner.strip(), []).append(item)
    order = {"past": 0, "no-date": 1, "near": 2}
    return {owner: sorted(items, key=lambda d: (order[d.state], d.due or "", d.page))
            for owner, items in sorted(by_owner.items())}


def render_text(report: dict[str, list[Due]], today: dt.date) -> str:
    if not report:
        return f"no page is due for review within {NEAR_DAYS} days of {today.isoformat()}\n"
    out = []
    for owner, items in report.items():
        out += [f"{owner} ({len(items)})"]
        for d in items:
            if d.state == "no-date":
                out.append(f"  docs/{d.page}: no valid `reviewed` date (kb content check explains)")
            elif d.state == "past":
                out.append(f"  docs/{d.page}: review overdue by {-(d.days or 0)} days (reviewed {d.reviewed}, due {d.due})")
            else:
                out.append(f"  docs/{d.page}: review due in {d.days} days (reviewed {d.reviewed}, due {d.due})")
        out.append("")
    total = sum(map(len, report.values()))
    out.append(f"{total} page(s) due for review within {NEAR_DAYS} days of {today.isoformat()}")
    return "\n".join(out) + "\n"


def as_json(report: dict[str, list[Due]]) -> list[dict]:
    return [{"owner": owner, "pages": [asdict(d) for d in items]} for owner, items in report.items()]
