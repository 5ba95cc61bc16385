"""`kb links check`: a thin shell around kb.links.site and kb.links.external."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kb.findings import KbError, ToolError, format_option, report
from kb.links import external
from kb.links.site import check_site, site_url_from


@click.group()
def links() -> None:
    """Link checks for the built site and the content."""


@links.command("check")
@click.argument("site_dir", required=False, default="site",
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--external", "external_links", is_flag=True,
              help="check the http(s) links in docs/ instead of the built site (needs network)")
@click.option("--offline", is_flag=True, envvar="KB_OFFLINE",
              help="with --external: do not touch the network, print a notice and exit 0")
@click.option("--docs-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"),
              show_default=True, help="the Markdown sources (names findings after their file)")
@click.option("--site-url", default=None, help="the site's public URL (default: site_url from mkdocs.yml)")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path(".cache/external-links.json"), show_default=True, help="with --external: results cache")
@click.option("--allowlist", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("data/links-allowlist.yml"), show_default=True,
              help="with --external: hosts that block automated checks")
@click.option("--timeout", type=float, default=external.Options.timeout, show_default=True,
              help="with --external: seconds to wait for an answer")
@click.option("--concurrency", type=int, default=external.Options.concurrency, show_default=True,
              help="with --external: requests at the same time (all hosts)")
@click.option("--host-interval", type=float, default=external.Options.host_interval, show_default=True,
              help="with --external: seconds between two requests to the same host")
@format_option()
def check(site_dir: Path, external_links: bool, offline: bool, docs_dir: Path, site_url: str | None,
          cache_path: Path, allowlist: Path, timeout: float, concurrency: int, host_interval: float,
          output_format: str) -> None:
    """Check every internal link and #anchor in the built SITE_DIR (default: site), all languages.

    With --external, check the http(s) links written in docs/ instead.
    Exit status: 0 clean, 1 broken links found, 2 wrong usage, 3 the check could not run.
    Every code (KB4xx) is explained in CONTRIBUTING.md section 11.
    """
    if external_links:
        sys.exit(_external(docs_dir, cache_path, allowlist, offline, output_format,
                           external.Options(concurrency=concurrency, host_interval=host_interval, timeout=timeout)))
    if not (site_dir / "index.html").exists():
        raise click.UsageError(f"{site_dir}: no built site here (no index.html); run `make build` first")
    url = site_url if site_url is not None else site_url_from(Path("mkdocs.yml"))
    findings = check_site(site_dir, docs_dir if docs_dir.is_dir() else None, url, display_root=Path.cwd())
    sys.exit(report(findings, output_format))


def _external(docs_dir, cache_path, allowlist_path, offline, output_format, options) -> int:
    if offline:
        _notice("external links not checked: --offline (or KB_OFFLINE) is set", output_format)
        return 0
    try:
        allowlist = external.load_allowlist(allowlist_path)
    except (KbError, ValueError) as exc:   # a broken allowlist is a data error: exit 3, not a finding
        raise ToolError(exc) from None
    urls = [u for u in external.collect_urls(docs_dir, Path.cwd()) if not external.allowlisted(u, allowlist)]
    if urls and not external.network_available(urls):
        ci = " in CI" if os.environ.get("CI") == "true" else ""
        _notice(f"external links not checked: no network{ci} (could not connect to any linked host)", output_format)
        return 0
    run = external.check_external(docs_dir, Path.cwd(), cache_path, allowlist, options)
    click.echo(f"external links: {run.checked} checked now, {run.cached} from the cache ({cache_path}), "
               f"{len(run.skipped)} skipped (allowlisted hosts)", err=True)
    return report(run.findings, output_format)


def _notice(text: str, output_format: str) -> None:
    if output_format == "json":   # tools still get valid JSON: no findings, the notice on stderr
        click.echo(f"notice: {text}", err=True)
        click.echo("[]")
    else:
        click.echo(f"::notice title=kb links::{text}" if output_format == "github" else f"notice: {text}")
