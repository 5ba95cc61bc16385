"""`kb legal check` and `kb legal refresh`: thin shells around kb.legal's core."""
from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

import click

from kb.findings import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_USAGE, KbError, ToolError, format_option
from kb.legal import report
from kb.legal.check import Checker, _display, failed, iter_markdown_files, snapshot_age
from kb.legal.refresh import FetchError, make_source, refresh_file
from kb.legal.registry import REGISTRY_PATH, RegistryError, load_registry
from kb.legal.snapshot import SNAPSHOT_PATH, load_snapshot
from kb.project import DATA_DIR, ROOT


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.group()
def legal() -> None:
    """Citations of Swedish law: check them against the SFS snapshot, refresh the snapshot."""


@legal.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option()
@click.option("--show-ok", is_flag=True, help="Text format: list ok citations too.")
@click.option("--today", callback=_iso_date, help="Judge dated changes as of this day (YYYY-MM-DD); default today.")
@click.option("--registry", "registry_path", type=click.Path(path_type=Path), default=REGISTRY_PATH, hidden=True)
@click.option("--snapshot", "snapshot_path", type=click.Path(path_type=Path), default=SNAPSHOT_PATH, hidden=True)
def check(paths, output_format, show_ok, today, registry_path, snapshot_path) -> None:
    """Report every citation of Swedish law in PATHS (Markdown files or folders; default docs/).

    Each citation gets one status: ok, repealed, unknown-law, unknown-provision,
    old-numbering, ambiguous, historical, amended-since-review (compared with the
    page's `reviewed` date), changes-soon, unverifiable. The snapshot's age is
    shown; older than 14 days is a warning, older than 60 an error.

    Exit status: 0 no failing citation; 1 a citation is repealed, unknown-law,
    unknown-provision or old-numbering, or the snapshot is older than 60 days;
    2 a path is missing or holds no Markdown file; 3 the registry or snapshot
    cannot be used, or a page cannot be read (the other pages are still checked).
    """
    started, cpu = time.perf_counter(), time.process_time()
    targets = list(paths) or [ROOT / "docs"]
    missing = [str(p) for p in targets if not p.exists()]
    if missing:
        _stop(output_format, f"{', '.join(missing)}: no such file or folder", EXIT_USAGE)
    files = list(iter_markdown_files(targets))
    if not files:
        _stop(output_format, f"{', '.join(str(p) for p in targets)}: no Markdown files (*.md) to check; "
              "give a page or a folder of pages", EXIT_USAGE)
    try:
        checker = Checker(load_registry(registry_path), load_snapshot(snapshot_path), today)
    except KbError as exc:
        _stop(output_format, str(exc), EXIT_ERROR)
    findings = checker.check_files(files, root=Path.cwd())
    age_line, age = snapshot_age(checker.snapshot, checker.today, _display(snapshot_path, Path.cwd()))
    if age:
        findings.append(age)
    if output_format == "json":
        click.echo(report.as_json(findings))
    elif output_format == "github":
        click.echo(report.as_github(findings))
    else:
        click.echo(report.as_text(findings, show_ok, header=age_line))
        click.echo(f"checked {len(files)} files in {time.perf_counter() - started:.2f} s "
                   f"({time.process_time() - cpu:.2f} s CPU)", err=True)
    if any(f.status == "unreadable" for f in findings):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if failed(findings) else EXIT_CLEAN)


def _stop(output_format: str, message: str, code: int):
    """A run that could not check anything: a clear message, valid JSON in JSON mode, and the exit code."""
    if output_format == "json":
        click.echo(json.dumps({"error": message, "exit_code": code}, ensure_ascii=False))
    elif output_format == "github":
        click.echo(f"::error title=kb legal::{message}")
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@legal.command()
@click.option("--source", "source_specs", multiple=True, default=["http", f"dir:{DATA_DIR / 'sfs-provisions'}"],
              show_default=True,
              help="`http` (rkrattsbaser + data.riksdagen.se) or `dir:PATH` of saved responses; repeatable, "
                   "earlier sources win (data/sfs-provisions only fills gaps).")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds per HTTP request.")
@click.option("--retries", type=int, default=3, show_default=True, help="Retries after a timeout, 429 or 5xx.")
@click.option("--interval", type=float, default=1.0, show_default=True, help="Seconds between HTTP requests.")
@click.option("--registry", "registry_path", type=click.Path(path_type=Path), default=REGISTRY_PATH, hidden=True)
@click.option("--snapshot", "snapshot_path", type=click.Path(path_type=Path), default=SNAPSHOT_PATH, hidden=True)
def refresh(source_specs, timeout, retries, interval, registry_path, snapshot_path) -> None:
    """Rebuild data/sfs-snapshot.json for every SFS number in data/laws.yml.

    The snapshot is replaced atomically; an act that cannot be fetched keeps its
    last good record, and the command then exits with status 3 (the weekly
    workflow opens an issue). When one service fails and the other answers, the
    record is used and the failure is printed as a warning.
    """
    from tqdm import tqdm

    try:
        registry = load_registry(registry_path)
        source_list = [make_source(spec, timeout=timeout, retries=retries, min_interval=interval)
                       if spec == "http" else make_source(spec) for spec in source_specs]
    except (RegistryError, FetchError) as exc:
        raise ToolError(exc) from None

    def progress(numbers):
        return tqdm(numbers, desc="SFS", unit="act", file=sys.stderr, disable=None)

    result = refresh_file(registry, source_list, snapshot_path, progress)
    click.echo(f"{snapshot_path}: {len(result.updated)} updated, {len(result.kept)} kept from the last snapshot, "
               f"{len(result.not_found)} not found in any source")
    if result.not_found:
        click.echo("not found (the checker reports their provisions as unverifiable): " + ", ".join(result.not_found))
    for message in result.warnings:
        click.echo(f"warning: {message}", err=True)
    if result.failures:
        for message in result.failures:
            click.echo(f"error: {message}", err=True)
        if not result.updated:
            click.echo(f"error: nothing could be fetched; {snapshot_path} is unchanged", err=True)
        else:
            click.echo(f"error: refresh incomplete; the acts above keep their last good record in {snapshot_path}",
                       err=True)
        sys.exit(EXIT_ERROR)
