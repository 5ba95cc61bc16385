"""`kb new …`: scaffolding for a new page and a new translation."""
from __future__ import annotations

import os
from pathlib import Path

import click

from kb.content.schema import AUDIENCES
from kb.pages import FrontMatterError
from kb.scaffold.page import new_page
from kb.scaffold.translation import new_translation
from kb.translations.command import ROOT_OPTION, fail
from kb.translations.paths import UsageError


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
@click.option("--owner", required=True, help='the responsible unit, e.g. "Enheten för stöd och samverkan"')
@click.option("--source-title", help="the title of the page's first source")
@click.option("--source-url", help="the address of that source (without one, a TODO source is written "
              "that `kb content check` reports as an error until you fill it in)")
@ROOT_OPTION
def page_command(section, slug, title, description, audience, owner, source_title, source_url, root: Path):
    """Create docs/SECTION/SLUG.md and add it to SECTION in mkdocs.yml's nav."""
    try:
        path = new_page(root, section, slug, title, description, list(audience), owner,
                        source_title=source_title, source_url=source_url)
    except (FrontMatterError, UsageError, OSError) as error:
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
    except (FrontMatterError, UsageError, OSError) as error:
        fail(error, root)
    click.echo(f"created {os.path.relpath(path, root)} (status: machine); translate title, "
               "description and text, then ask a qualified translator to review it")
