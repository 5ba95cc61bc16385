"""`kb new …`: scaffolding for a new page and a new translation."""
from __future__ import annotations

import os
from pathlib import Path

import click

from kb.content.schema import AUDIENCES, OWNERS
from kb.findings import KbError, ToolError
from kb.pages import FrontMatterError
from kb.scaffold.page import new_page
from kb.scaffold.translation import new_translation
from kb.translations.command import ROOT_OPTION
from kb.translations.paths import UsageError


def fail(error: Exception, root: Path) -> None:
    """The shared exit codes: wrong input exits 2 (nothing written), a file that cannot be read exits 3."""
    if isinstance(error, UsageError):
        raise click.UsageError(str(error))
    if isinstance(error, FrontMatterError):
        path = getattr(error, "path", None)
        where = f"{os.path.relpath(path, root)}:{error.line}: " if path else ""
        raise ToolError(f"{where}{error.message}")
    if isinstance(error, OSError):
        raise ToolError(f"{error.filename or ''}: {error.strerror or error}")
    raise ToolError(error)


@click.group()
def new() -> None:
    """Create a new page or translation (see CONTRIBUTING.md)."""


@new.command("page")
@click.argument("section")
@click.argument("slug")
@click.option("--title", required=True, help="the page's title, also its one H1")
@click.option("--description", required=True, help="one sentence about what the page is about")
@click.option("--audience", required=True, multiple=True,
              help=f"who the page is for; repeat or separate with commas: {', '.join(AUDIENCES)}")
@click.option("--owner", required=True, help=f"the responsible unit: {' or '.join(repr(o) for o in OWNERS)}")
@click.option("--source-title", help="the title of the page's first source")
@click.option("--source-url", help="the address of that source (without one, a TODO source is written "
              "that `kb content check` reports as an error until you fill it in)")
@ROOT_OPTION
def page_command(section, slug, title, description, audience, owner, source_title, source_url, root: Path):
    """Create docs/SECTION/SLUG.md and add it to SECTION in mkdocs.yml's nav."""
    try:
        path = new_page(root, section, slug, title, description, list(audience), owner,
                        source_title=source_title, source_url=source_url)
    except (FrontMatterError, UsageError, KbError, OSError) as error:
        fail(error, root)
    click.echo(f"created {os.path.relpath(path, root)} and added it to mkdocs.yml's nav")


@new.command("translation")
@click.argument("page")
@click.argument("lang")
@ROOT_OPTION
def translation_command(page: str, lang: str, root: Path) -> None:
    """Create PAGE's translation into LANG (e.g. `kb new translation om-oss/index.md en`)."""
    try:
        path = new_translation(root, page, lang)
    except (FrontMatterError, UsageError, KbError, OSError) as error:
        fail(error, root)
    click.echo(f"created {os.path.relpath(path, root)} (status: machine); translate title, "
               "description and text, then ask a qualified translator to review it")
