"""`kb legal check` and `kb legal refresh`: thin shells around kb.legal's core."""
from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import click

from kb.legal import report
from kb.legal.check import Checker, PageError, failed
from kb.legal.refresh import FetchError, make_source, refresh_file
from kb.legal.registry import REGISTRY_PATH, RegistryError, load_registry
from kb.legal.snapshot import SNAPSHOT_PATH, SnapshotError, load_snapshot
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
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True)
@click.option("--show-ok", is_flag=True, help="Text format: list ok citations too.")
@click.option("--today", callback=_iso_date, help="Judge dated changes as of this day (YYYY-MM-DD); default today.")
@click.option("--registry", "registry_path", type=click.Path(path_type=Path), default=REGISTRY_PATH, hidden=True)
@click.option("--snapshot", "snapshot_path", type=click.Path(path_type=Path), default=SNAPSHOT_PATH, hidden=True)
def check(paths, fmt, show_ok, today, registry_path, snapshot_path) -> None:
    """Report every citation of Swedish law in PATHS (Markdown files or folders; default docs/).

    Each citation gets one status: ok, repealed, unknown-law, unknown-provision,
    amended-since-review (compared with the page's `reviewed` date),
    changes-soon, unverifiable. Exit status 1 when any citation is repealed,
    unknown-law or unknown-provision.
    """
    started, cpu = time.perf_counter(), time.process_time()
    try:
        checker = Checker(load_registry(registry_path), load_snapshot(snapshot_path), today)
        findings = checker.check_paths(list(paths) or [ROOT / "docs"], root=Path.cwd())
    except (RegistryError, SnapshotError, PageError) as exc:
        raise click.ClickException(str(exc)) from None
    except FileNotFoundError as exc:
        raise click.ClickException(f"{exc.args[0]}: no such file or folder") from None
    if fmt == "json":
        click.echo(report.as_json(findings))
    elif fmt == "github":
        output = report.as_github(findings)
        if output:
            click.echo(output)
    else:
        click.echo(report.as_text(findings, show_ok))
        click.echo(f"checked in {time.perf_counter() - started:.2f} s ({time.process_time() - cpu:.2f} s CPU)", err=True)
    sys.exit(1 if failed(findings) else 0)



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
    last good record, and the command then exits with status 1.
    """
    from tqdm import tqdm

    try:
        registry = load_registry(registry_path)
        source_list = [make_source(spec, timeout=timeout, retries=retries, min_interval=interval)
                       if spec == "http" else make_source(spec) for spec in source_specs]
    except (RegistryError, FetchError) as exc:
        raise click.ClickException(str(exc)) from None

    def progress(numbers):
        return tqdm(numbers, desc="SFS", unit="act", file=sys.stderr, disable=None)

    result = refresh_file(registry, source_list, snapshot_path, progress)
    click.echo(f"{snapshot_path}: {len(result.updated)} updated, {len(result.kept)} kept from the last snapshot, "
               f"{len(result.not_found)} not found in any source")
    if result.not_found:
        click.echo("not found (the checker reports their provisions as unverifiable): " + ", ".join(result.not_found))
    if result.failures:
        for message in result.failures:
            click.echo(f"error: {message}", err=True)
        if not result.updated:
            click.echo(f"error: nothing could be fetched; {snapshot_path} is unchanged", err=True)
        else:
            click.echo(f"error: refresh incomplete; the acts above keep their last good record in {snapshot_path}",
                       err=True)
        sys.exit(1)
