"""`kb content …`: the content gates. Thin shell around kb.content.check.

The `content` group is shared: other modules add their subcommands to it
(`content.add_command(...)`), so keep it free of options of its own.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from kb.content.check import check_docs
from kb.findings import KbError, ToolError, format_option, report


@click.group()
def content() -> None:
    """Checks and reports on the pages in docs/."""


@content.command("check")
@click.option("--docs-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"),
              show_default=True, help="the Markdown pages to check (relative to the current directory)")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="the date review ages are counted from (default: today)")
@format_option()
def check(docs_dir: Path, today, output_format: str) -> None:
    """Front matter schema, review dates, forbidden HTML, images, headings, translations.

    Exit status: 0 clean (warnings alone), 1 errors found, 2 wrong usage,
    3 the check could not run (e.g. unreadable data/contacts.yml).
    Every code (KB1xx) is explained in CONTRIBUTING.md section 11.
    """
    if not docs_dir.is_dir():
        raise click.UsageError(f"{docs_dir}: no such folder; run `kb content check` from the project root")
    day = today.date() if today else dt.date.today()
    try:
        findings = check_docs(docs_dir, day, display_root=Path.cwd())
    except KbError as exc:   # e.g. a broken data/contacts.yml: a message with file:line, exit 3
        raise ToolError(exc) from None
    sys.exit(report(findings, output_format))


@content.command("report")
@click.option("--docs-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"),
              show_default=True, help="the Markdown pages to report on (relative to the current directory)")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="the date to count from (default: today)")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for people, json for tools")
def report_command(docs_dir: Path, today, output_format: str) -> None:
    """Swedish pages due for review (past, or within 60 days of 12 months), by owner. Exits 0."""
    import json

    from kb.content import report as review

    if not docs_dir.is_dir():
        raise click.UsageError(f"{docs_dir}: no such folder; run `kb content report` from the project root")
    day = today.date() if today else dt.date.today()
    result = review.review_report(docs_dir, day)
    if output_format == "json":
        click.echo(json.dumps(review.as_json(result), ensure_ascii=False, indent=2))
    else:
        click.echo(review.render_text(result, day), nl=False)
